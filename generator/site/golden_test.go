package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the expected output of golden tests")

// TestGoldenSites builds each testdata/sites/NAME/src and compares every
// file written, and the diagnostics, with testdata/sites/NAME/want/ and
// NAME/diagnostics.txt. Run with -update to rewrite them; review the diff.
func TestGoldenSites(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/sites/*")
	if len(dirs) == 0 {
		t.Fatal("no golden sites under testdata/sites")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			res, err := Build(context.Background(), Options{Source: filepath.Join(dir, "src"), Dest: dest, Version: "test",
				Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatalf("build: %v\n%s", err, res.Diags.Error())
			}
			compareFile(t, filepath.Join(dir, "diagnostics.txt"), []byte(diagText(res)))
			compareTrees(t, dest, filepath.Join(dir, "want"))
		})
	}
}

func diagText(res *Result) string {
	if len(res.Diags) == 0 {
		return ""
	}
	return res.Diags.Error() + "\n"
}

// TestInvalidSitesReportEveryError builds each testdata/invalid/NAME and
// expects the build to fail with exactly the diagnostics of NAME/want.txt.
func TestInvalidSitesReportEveryError(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/invalid/*")
	if len(dirs) == 0 {
		t.Fatal("no invalid sites under testdata/invalid")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			res, err := Build(context.Background(), Options{Source: filepath.Join(dir, "src"), Dest: dest})
			if err == nil {
				t.Fatalf("build succeeded, want errors")
			}
			compareFile(t, filepath.Join(dir, "want.txt"), []byte(diagText(res)))
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("a failed build created %s", dest)
			}
		})
	}
}

func compareFile(t *testing.T, want string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(want), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(want, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	exp, err := os.ReadFile(want)
	if err != nil && !(os.IsNotExist(err) && len(got) == 0) {
		t.Fatalf("read expected output: %v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, exp) {
		t.Errorf("%s differs:\n%s", want, firstDifference(string(exp), string(got)))
	}
}

// compareTrees compares every file of got and want both ways.
func compareTrees(t *testing.T, got, want string) {
	t.Helper()
	if *update {
		os.RemoveAll(want)
	}
	gotFiles := files(t, got)
	for rel, data := range gotFiles {
		if isThemeAsset(rel) {
			// the theme's own files are copied as they are: their names
			// (with content hashes) are checked through the pages that
			// link them, their bytes are not kept twice
			continue
		}
		compareFile(t, filepath.Join(want, rel), data)
	}
	if *update {
		return
	}
	for rel := range files(t, want) {
		if _, ok := gotFiles[rel]; !ok && !isThemeAsset(rel) {
			t.Errorf("the build no longer writes %s", rel)
		}
	}
}

func files(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// firstDifference shows the first differing line of two texts.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  got  " + g + "\n  want " + w
		}
	}
	return "(only in length)"
}

func itoa(i int) string { return strconv.Itoa(i) }

// isThemeAsset reports whether an output path is one of the theme's
// static files.
func isThemeAsset(rel string) bool {
	return strings.HasPrefix(rel, "css/") || strings.HasPrefix(rel, "js/")
}
