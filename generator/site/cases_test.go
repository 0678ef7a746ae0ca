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
//     "path:line:col: warning: message"); empty or missing means none;
//   - optional want/contains/<output path> files hold text, one needle per
//     line, that the built file public/<output path> must contain;
//   - optional want/absent/<output path> files hold text, one needle per
//     line, that the built file must not contain.
//
// TestCases writes the site into a temporary folder, builds it with a fixed
// date (2026-05-01), compares the diagnostics exactly, and, when the build
// succeeded, checks the contains and absent needles. With -update (the flag
// of the golden tests) it rewrites want/diagnostics in the archive instead.
// txtar keeps bytes as they are, so a case may hold a BOM, CRLF line ends or
// bytes that are not UTF-8.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

const (
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
	for _, f := range ar.Files {
		name := f.Name
		switch {
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
	if _, err := os.Stat(filepath.Join(src, "site.toml")); err != nil {
		t.Fatalf("%s: a case needs a site.toml (an empty one uses the defaults)", file)
	}

	dest := filepath.Join(dir, "public")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := Build(ctx, Options{Source: src, Dest: dest, Version: "test",
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil && !errors.Is(err, ErrContent) {
		t.Fatalf("build: %v", err)
	}
	got := []byte(diagText(res))

	if *update {
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
		if len(contains)+len(absent) > 0 {
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
