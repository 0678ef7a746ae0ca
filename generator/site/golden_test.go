package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

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

// compareFile compares got with the file want, or rewrites it under
// -update.
func compareFile(t *testing.T, want string, got []byte) {
	t.Helper()
	golden.File(t, want, got)
}

// compareTrees compares every file of got and want both ways, or
// rewrites want under -update. The theme's own files are copied as they
// are: their names (with content hashes) are checked through the pages
// that link them, their bytes are not kept twice.
func compareTrees(t *testing.T, got, want string) {
	t.Helper()
	golden.Tree(t, got, want, isThemeAsset)
}

// files returns every file under root by slash path.
func files(t *testing.T, root string) map[string][]byte {
	t.Helper()
	return golden.ReadTree(t, root)
}

// firstDifference shows how two texts differ.
func firstDifference(want, got string) string { return golden.Diff([]byte(want), []byte(got)) }

// isThemeAsset reports whether an output path is one of the theme's
// static files.
func isThemeAsset(rel string) bool {
	return strings.HasPrefix(rel, "css/") || strings.HasPrefix(rel, "js/")
}
