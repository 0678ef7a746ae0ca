package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// treeHashes describes every file, folder and link under root: its kind,
// mode, and the SHA-256 of its bytes or its link target.
func treeHashes(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[rel] = "link " + to
		case d.IsDir():
			out[rel] = "dir " + info.Mode().String()
		default:
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			out[rel] = "file " + info.Mode().String() + " " + hex.EncodeToString(sum[:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOutputFolderSafety runs build (and check) with every kind of output
// folder on real folders: one that is, holds or lies inside what the
// build reads, a file, a link, the home folder, the root, a git work
// tree, a folder of someone's files, an earlier build with files added
// or changed. A refused command exits 2 with one sentence naming the
// folder and what it conflicts with, and every byte under the test's
// root, the parent of DEST included, is as it was.
func TestOutputFolderSafety(t *testing.T) {
	type setup struct {
		root, home, wiki, site string
	}
	built := func(s setup, dir string) {
		if code, _, stderr := runCLI("build", "-s", s.site, "-d", dir, "--quiet"); code != exitOK {
			t.Fatalf("building into %s: exit %d\n%s", dir, code, stderr)
		}
	}
	cases := []struct {
		name    string
		prepare func(s setup) (dest string) // makes the folder, returns -d's value
		force   bool
		code    int
		want    []string // in the one line printed, besides the DEST's path; "{site}" etc. are replaced
	}{
		{name: "the site's own folder", prepare: func(s setup) string { return s.site },
			code: exitUsage, want: []string{"it is the site's own folder", "{site}/public"}},
		{name: "the site's own folder, forced", prepare: func(s setup) string { return s.site }, force: true,
			code: exitUsage, want: []string{"it is the site's own folder"}},
		{name: "the folder above the site", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "notes", "keep.txt"), "mine")
			return s.wiki
		}, code: exitUsage, want: []string{"it holds the site's folder {site}"}},
		{name: "the folder above the site, forced", prepare: func(s setup) string { return s.wiki }, force: true,
			code: exitUsage, want: []string{"it holds the site's folder {site}"}},
		{name: "the home folder", prepare: func(s setup) string { return s.home },
			code: exitUsage, want: []string{"it is your home folder {home}"}},
		{name: "the folder above the home folder", prepare: func(s setup) string { return s.root }, force: true,
			code: exitUsage, want: []string{"it holds"}},
		{name: "the root of the file system", prepare: func(s setup) string { return "/" }, force: true,
			code: exitUsage, want: []string{"it is the root of the file system"}},
		{name: "a regular file", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "report.txt"), "quarterly report")
			return filepath.Join(s.wiki, "report.txt")
		}, force: true, code: exitUsage, want: []string{"it is a file, not a folder"}},
		{name: "site.toml itself", prepare: func(s setup) string { return filepath.Join(s.site, "site.toml") },
			force: true, code: exitUsage, want: []string{"it is a file, not a folder"}},
		{name: "the content folder", prepare: func(s setup) string { return filepath.Join(s.site, "content") },
			force: true, code: exitUsage, want: []string{"it is {site}/content, which the build reads"}},
		{name: "inside the content folder", prepare: func(s setup) string { return filepath.Join(s.site, "content", "out") },
			force: true, code: exitUsage, want: []string{"it is inside {site}/content, which the build reads"}},
		{name: "the themes folder", prepare: func(s setup) string {
			write(t, filepath.Join(s.site, "themes", "default", "static", "css", "extra.css"), "p{}")
			return filepath.Join(s.site, "themes")
		}, force: true, code: exitUsage, want: []string{"it is {site}/themes, which the build reads"}},
		{name: "inside a theme", prepare: func(s setup) string {
			write(t, filepath.Join(s.site, "themes", "default", "static", "css", "extra.css"), "p{}")
			return filepath.Join(s.site, "themes", "default")
		}, force: true, code: exitUsage, want: []string{"it is inside {site}/themes, which the build reads"}},
		{name: "a link to another folder", prepare: func(s setup) string {
			built(s, filepath.Join(s.wiki, "out"))
			if err := os.Symlink(filepath.Join(s.wiki, "out"), filepath.Join(s.wiki, "link")); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(s.wiki, "link")
		}, force: true, code: exitUsage, want: []string{"it is a symbolic link to {wiki}/out"}},
		{name: "a git work tree", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "pages", ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
			write(t, filepath.Join(s.wiki, "pages", "index.html"), "old")
			return filepath.Join(s.wiki, "pages")
		}, force: true, code: exitUsage, want: []string{"it holds a git repository ({wiki}/pages/.git)"}},
		{name: "a git repository's own folder", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, ".git", "HEAD"), "ref: refs/heads/main\n")
			return filepath.Join(s.wiki, ".git")
		}, force: true, code: exitUsage, want: []string{"it is inside {wiki}/.git, where git keeps a repository's history"}},
		{name: "a folder holding a repository deeper down", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "docs", "vendor", "lib", ".git", "HEAD"), "ref: refs/heads/main\n")
			return filepath.Join(s.wiki, "docs")
		}, force: true, code: exitUsage, want: []string{"it holds a git repository ({wiki}/docs/vendor/lib/.git)"}},
		{name: "a folder of someone's files", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "docs", "guide.md"), "# Guide")
			write(t, filepath.Join(s.wiki, "docs", "img", "a.png"), "png")
			return filepath.Join(s.wiki, "docs")
		}, code: exitUsage, want: []string{"it holds 2 files that no Backlight build wrote (guide.md, img/a.png)", "--force"}},
		{name: "an earlier build with a file added", prepare: func(s setup) string {
			built(s, filepath.Join(s.wiki, "out"))
			write(t, filepath.Join(s.wiki, "out", "notes", "keep.txt"), "mine")
			return filepath.Join(s.wiki, "out")
		}, code: exitUsage, want: []string{"it is an earlier Backlight build, but 1 file in it was added or changed since (notes/keep.txt)"}},
		{name: "an earlier build with a page edited by hand", prepare: func(s setup) string {
			built(s, filepath.Join(s.wiki, "out"))
			edited := filepath.Join(s.wiki, "out", "roles", "developer", "index.html")
			data, _ := os.ReadFile(edited)
			// Same size, other bytes: only the checksum can tell.
			write(t, edited, strings.Replace(string(data), "Developer", "Developpr", 1))
			return filepath.Join(s.wiki, "out")
		}, code: exitUsage, want: []string{"1 file in it was added or changed since (roles/developer/index.html)"}},
		{name: "an earlier build with a page edited by hand, forced", prepare: func(s setup) string {
			built(s, filepath.Join(s.wiki, "out"))
			write(t, filepath.Join(s.wiki, "out", "index.html"), "mine")
			return filepath.Join(s.wiki, "out")
		}, force: true, code: exitOK, want: []string{"--force: deleted 1 file that no Backlight build wrote from {wiki}/out: index.html"}},
		{name: "a folder of someone's files, forced", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "docs", "guide.md"), "# Guide")
			return filepath.Join(s.wiki, "docs")
		}, force: true, code: exitOK, want: []string{"--force: deleted 1 file that no Backlight build wrote from {wiki}/docs: guide.md"}},
		{name: "a missing folder", prepare: func(s setup) string { return filepath.Join(s.wiki, "new", "site") }, code: exitOK},
		{name: "an empty folder", prepare: func(s setup) string {
			os.MkdirAll(filepath.Join(s.wiki, "empty"), 0o755)
			return filepath.Join(s.wiki, "empty")
		}, code: exitOK},
		{name: "a folder a file manager looked at", prepare: func(s setup) string {
			write(t, filepath.Join(s.wiki, "seen", ".DS_Store"), "\x00\x00\x00\x01Bud1")
			return filepath.Join(s.wiki, "seen")
		}, code: exitOK},
		{name: "an earlier build", prepare: func(s setup) string {
			built(s, filepath.Join(s.wiki, "out"))
			return filepath.Join(s.wiki, "out")
		}, code: exitOK},
		{name: "the default folder inside the site", prepare: func(s setup) string { return filepath.Join(s.site, "public") }, code: exitOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			s := setup{root: root, home: filepath.Join(root, "home"), wiki: filepath.Join(root, "wiki")}
			s.site = filepath.Join(s.wiki, "site")
			if err := os.CopyFS(s.site, os.DirFS("../../../testdata/sites/basic/src")); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(s.home, ".profile"), "export EDITOR=vi\n")
			t.Setenv("HOME", s.home)
			dest := c.prepare(s)
			args := []string{"-s", s.site, "-d", dest}
			if c.force {
				args = append(args, "--force")
			}
			expand := strings.NewReplacer("{site}", s.site, "{wiki}", s.wiki, "{home}", s.home).Replace
			before := treeHashes(t, root)

			// check reports what build would do, and writes nothing.
			code, _, stderr := runCLI(append([]string{"check"}, args...)...)
			if wantCheck := map[bool]int{true: exitOK, false: exitUsage}[c.code == exitOK]; code != wantCheck {
				t.Errorf("check: exit %d, want %d\n%s", code, wantCheck, stderr)
			}
			if c.code != exitOK {
				lines := strings.Split(strings.TrimSpace(stderr), "\n")
				if last := lines[len(lines)-1]; !strings.HasPrefix(last, "backlight check: refusing to write the site to ") {
					t.Errorf("check's last line is %q, want the refusal", last)
				}
			}
			if after := treeHashes(t, root); !maps.Equal(before, after) {
				t.Fatalf("check changed files: %s", treeDiff(before, after))
			}

			code, _, stderr = runCLI(append([]string{"build", "--quiet"}, args...)...)
			if code != c.code {
				t.Fatalf("build: exit %d, want %d\n%s", code, c.code, stderr)
			}
			after := treeHashes(t, root)
			if c.code != exitOK {
				line := strings.TrimSuffix(stderr, "\n")
				abs, _ := filepath.Abs(dest)
				if strings.Contains(line, "\n") || !strings.HasPrefix(line, "backlight build: refusing to write the site to "+abs+": ") {
					t.Errorf("build printed %q, want one line refusing %s", stderr, abs)
				}
				for _, w := range c.want {
					if !strings.Contains(line, expand(w)) {
						t.Errorf("build printed %q, want it to say %q", line, expand(w))
					}
				}
				if !maps.Equal(before, after) {
					t.Errorf("a refused build changed files: %s", treeDiff(before, after))
				}
				return
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, expand(w)) {
					t.Errorf("build printed %q, want it to say %q", stderr, expand(w))
				}
			}
			// Outside DEST nothing changed but the lock file beside it
			// and the folders made to hold it.
			rel, _ := filepath.Rel(root, dest)
			lock := filepath.Join(filepath.Dir(rel), "."+filepath.Base(rel)+".lock")
			for _, m := range []map[string]string{before, after} {
				maps.DeleteFunc(m, func(k, v string) bool {
					_, existed := before[k]
					return k == rel || strings.HasPrefix(k, rel+string(filepath.Separator)) || k == lock ||
						(!existed && strings.HasPrefix(rel, k+string(filepath.Separator)) && strings.HasPrefix(v, "dir "))
				})
			}
			if !maps.Equal(before, after) {
				t.Errorf("building into %s changed files outside it: %s", rel, treeDiff(before, after))
			}
			if _, err := os.Stat(filepath.Join(dest, "roles", "developer", "index.html")); err != nil {
				t.Errorf("the site was not published: %v", err)
			}
		})
	}
}

// treeDiff names the paths that differ between two treeHashes.
func treeDiff(before, after map[string]string) string {
	var diff []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diff = append(diff, "-"+k)
		} else if w != v {
			diff = append(diff, "~"+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diff = append(diff, "+"+k)
		}
	}
	slices.Sort(diff)
	if len(diff) > 10 {
		diff = append(diff[:10], "…")
	}
	return strings.Join(diff, " ")
}

// TestOutputFolderSafetyWithRelativePaths runs the commands as a user
// inside the site does: `build -d .` and `build -d ..` are refused, and
// check's JSON names the folder.
func TestOutputFolderSafetyWithRelativePaths(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.CopyFS(site, os.DirFS("../../../testdata/sites/basic/src")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(site)
	before := treeHashes(t, root)
	for _, dest := range []string{".", "..", "content/../content"} {
		code, _, stderr := runCLI("build", "-d", dest)
		if code != exitUsage || !strings.HasPrefix(stderr, "backlight build: refusing to write the site to ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("build -d %s: exit %d, %q; want 2 and one line of refusal", dest, code, stderr)
		}
	}
	code, stdout, _ := runCLI("check", "-d", ".", "--format", "json")
	var diags []jsonDiagnostic
	if err := json.Unmarshal([]byte(stdout), &diags); err != nil || code != exitUsage {
		t.Fatalf("check --format json: exit %d, %v\n%s", code, err, stdout)
	}
	last := diags[len(diags)-1]
	if last.File != site || last.Severity != generator.Error || !strings.Contains(last.Message, "the site's own folder") {
		t.Errorf("check's last diagnostic is %+v, want the refusal naming %s", last, site)
	}
	if after := treeHashes(t, root); !maps.Equal(before, after) {
		t.Errorf("refused commands changed files: %s", treeDiff(before, after))
	}
}
