package site

// The case corpus: hostile and faulty input, one small site per file.
//
// Each testdata/cases/NAME.txtar is a txtar archive
// (golang.org/x/tools/txtar):
//
//   - the archive's comment (the text before the first file) says what the
//     case is about;
//   - files named like site paths (site.toml, content/roles/x.md,
//     themes/...) form the site; an empty site.toml uses the defaults;
//   - want/diagnostics holds the exact expected diagnostics, one per line,
//     as Diagnostics.Error prints them ("path:line:col: message" and
//     "path:line:col: warning: message"), or, for a build that stops
//     before reading content, "error: " and its error with the site's
//     folder written SRC; empty or missing means none;
//   - optional want/contains/<output path> files hold text, one needle per
//     line, that the built file public/<output path> must contain;
//   - optional want/absent/<output path> files hold text, one needle per
//     line, that the built file must not contain;
//   - an optional want/absent-everywhere file holds text, one needle per
//     line, that no file of the output may contain;
//   - an optional want/safe file holds output paths, one per line, of HTML
//     pages that must parse (as a browser does) to no script element but
//     the theme's own, no event handler and no dangerous URL
//     (htmlcheck.Check with themeAllow): the test for injected markup,
//     which text needles cannot make, since an attribute may hold "<"
//     unescaped;
//   - an optional file named "symlinks" makes symbolic links, one per line
//     as "link -> target" (the target is written as is, relative to the
//     link's folder), since txtar cannot hold links.
//
// A case without site.toml builds a site that has none.
//
// TestCases writes the site into a temporary folder, builds it with a fixed
// date (2026-05-01), compares the diagnostics exactly (and checks that
// Check, as `backlight check` runs it, reports the same ones), and, when the build
// succeeded, checks the contains and absent needles. With -update (the flag
// of the golden tests) it rewrites want/diagnostics in the archive instead.
// txtar keeps bytes as they are, so a case may hold a BOM, CRLF line ends or
// bytes that are not UTF-8.

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
	"github.com/backlight-wiki/backlight/generator/internal/htmlcheck"
	"golang.org/x/tools/txtar"
)

const (
	caseSymlinks    = "symlinks"
	caseEverywhere  = "want/absent-everywhere"
	caseSafe        = "want/safe"
	caseDiagnostics = "want/diagnostics"
	caseContains    = "want/contains/"
	caseAbsent      = "want/absent/"
)

func TestCases(t *testing.T) {
	archives, _ := filepath.Glob("../../testdata/cases/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no cases under testdata/cases")
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runCase(t, file)
		})
	}
}

func runCase(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(ar.Comment)) == 0 {
		t.Errorf("%s: the archive's comment should say what the case is about", file)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	var wantDiags []byte
	haveDiags := false
	type needles struct {
		out  string
		list []string
	}
	var contains, absent []needles
	var everywhere, safe []string
	var links []byte
	for _, f := range ar.Files {
		name := f.Name
		switch {
		case name == caseSymlinks:
			links = f.Data
			continue
		case name == caseEverywhere:
			everywhere = lines(f.Data)
			continue
		case name == caseSafe:
			safe = lines(f.Data)
			continue
		case name == caseDiagnostics:
			wantDiags, haveDiags = f.Data, true
			continue
		case strings.HasPrefix(name, caseContains):
			contains = append(contains, needles{strings.TrimPrefix(name, caseContains), lines(f.Data)})
			continue
		case strings.HasPrefix(name, caseAbsent):
			absent = append(absent, needles{strings.TrimPrefix(name, caseAbsent), lines(f.Data)})
			continue
		case strings.HasPrefix(name, "want/"):
			t.Fatalf("%s: unknown expectation file %s", file, name)
		}
		if !filepath.IsLocal(name) || path.Clean(name) != name {
			t.Fatalf("%s: file name %q is not a clean relative path", file, name)
		}
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, l := range lines(links) {
		link, target, ok := strings.Cut(l, " -> ")
		if !ok || !filepath.IsLocal(link) {
			t.Fatalf("%s: symlinks line %q is not \"link -> target\" with a local link", file, l)
		}
		p := filepath.Join(src, filepath.FromSlash(link))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.FromSlash(target), p); err != nil {
			t.Fatal(err)
		}
	}

	dest := filepath.Join(dir, "public")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := Build(ctx, Options{Source: src, Dest: dest, Version: "test",
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	got := caseDiags(res, err, src)
	// backlight check must report what build does, and write nothing.
	checkDest := filepath.Join(dir, "check")
	cres, cerr := Build(ctx, Options{Source: src, Dest: checkDest, Version: "test", Check: true,
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	if cgot := caseDiags(cres, cerr, src); !bytes.Equal(cgot, got) {
		t.Errorf("check and build disagree\ncheck:\n%s\nbuild:\n%s", cgot, got)
	}
	if _, serr := os.Stat(checkDest); !os.IsNotExist(serr) {
		t.Errorf("check wrote %s", checkDest)
	}

	if golden.Update() {
		set := false
		for i := range ar.Files {
			if ar.Files[i].Name == caseDiagnostics {
				ar.Files[i].Data, set = got, true
			}
		}
		if !set {
			ar.Files = append(ar.Files, txtar.File{Name: caseDiagnostics, Data: got})
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		if !haveDiags && len(got) > 0 {
			t.Errorf("no %s in the archive; got diagnostics\n%s", caseDiagnostics, got)
		} else if !bytes.Equal(got, wantDiags) {
			t.Errorf("diagnostics differ\ngot:\n%s\nwant:\n%s", got, wantDiags)
		}
	}

	if err != nil {
		if len(contains)+len(absent)+len(everywhere)+len(safe) > 0 {
			t.Errorf("the build failed, so want/contains and want/absent cannot be checked")
		}
		if _, serr := os.Stat(dest); !os.IsNotExist(serr) {
			t.Errorf("a failed build created %s", dest)
		}
		return
	}
	read := func(out string) string {
		if !filepath.IsLocal(out) {
			t.Fatalf("output path %q is not local", out)
		}
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(out)))
		if err != nil {
			t.Errorf("output %s: %v", out, err)
		}
		return string(data)
	}
	for _, n := range contains {
		text := read(n.out)
		for _, s := range n.list {
			if !strings.Contains(text, s) {
				t.Errorf("%s does not contain %q", n.out, s)
			}
		}
	}
	if len(everywhere) > 0 {
		n := 0
		err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n++
			for _, s := range everywhere {
				if bytes.Contains(data, []byte(s)) {
					t.Errorf("%s contains %q", p, s)
				}
			}
			return nil
		})
		if err != nil || n == 0 {
			t.Errorf("reading the output: %v (%d files)", err, n)
		}
	}
	for _, out := range safe {
		for _, pr := range htmlcheck.Check([]byte(read(out)), themeAllow) {
			t.Errorf("%s:%s", out, pr)
		}
	}
	for _, n := range absent {
		text := read(n.out)
		for _, s := range n.list {
			if i := strings.Index(text, s); i >= 0 {
				lo, hi := max(0, i-60), min(len(text), i+len(s)+60)
				t.Errorf("%s contains %q: …%s…", n.out, s, text[lo:hi])
			}
		}
	}
}

// caseDiags is what a case's build reported: its diagnostics or, for a
// build that stops before reading content (no site.toml, say), its one
// error, with the case's folder written SRC.
func caseDiags(res *Result, err error, src string) []byte {
	if err != nil && !errors.Is(err, ErrContent) {
		return []byte("error: " + strings.ReplaceAll(err.Error(), src, "SRC") + "\n")
	}
	return []byte(diagText(res))
}

// lines splits a needle file into its non-empty lines (a trailing CR is
// kept, so that a needle can look for one).
func lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestFiftyMegabyteFileIsRefused is the one case too big for a txtar
// archive: a 50 MB page next to a normal one. The build fails with a
// limit error naming the file and its size, the normal page's problems
// are still reported, and nothing is written. The loader reads no more
// than the limit, so the build stays small.
func TestFiftyMegabyteFileIsRefused(t *testing.T) {
	src := t.TempDir()
	writeFile(t, src, "site.toml", nil)
	writeFile(t, src, "content/roles/lead.md", []byte("---\ntitle: Lead\nlevel: galaxy\n---\nBody.\n"))
	big := bytes.Repeat([]byte("All work and no play makes a long page.\n"), 50<<20/40)
	writeFile(t, src, "content/roles/huge.md", append([]byte("---\ntitle: Huge\n---\n"), big...))
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Source: src, Dest: dest, Version: "test"})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want a content error", err)
	}
	got := diagText(res)
	want := "content/roles/huge.md: file is 52428820 bytes; pages may be at most 2097152 bytes (2 MiB): split it, or move large data out of content/\n"
	if !strings.Contains(got, want) {
		t.Errorf("diagnostics\n%s\nwant them to contain\n%s", got, want)
	}
	if !strings.Contains(got, "content/roles/lead.md:3:8: unknown level") {
		t.Errorf("diagnostics\n%s\nwant the other file's error too", got)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a failed build created %s", dest)
	}
}
