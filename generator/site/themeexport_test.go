package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/themes"
)

func TestExportThemeWritesTheEmbeddedFilesAndOverwritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "themes", "custom")
	res, err := ExportTheme(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	err = fs.WalkDir(themes.Default(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want = append(want, name)
		embedded, _ := fs.ReadFile(themes.Default(), name)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, embedded) {
			t.Errorf("%s differs from the embedded file (%v)", name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Written, want) || len(res.Skipped) != 0 || len(want) < 10 {
		t.Errorf("written %v, skipped %v; want %v", res.Written, res.Skipped, want)
	}

	// A second export changes nothing: a changed file stays changed.
	changed := filepath.Join(dir, "static", "css", "style.css")
	if err := os.WriteFile(changed, []byte(":root { --accent: #b00; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = ExportTheme(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 0 || !slices.Equal(res.Skipped, want) {
		t.Errorf("second export: written %v, skipped %v", res.Written, res.Skipped)
	}
	if got, _ := os.ReadFile(changed); string(got) != ":root { --accent: #b00; }\n" {
		t.Errorf("the changed stylesheet was overwritten: %q", got)
	}
}
