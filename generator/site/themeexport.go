package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/backlight-wiki/backlight/themes"
)

// ExportResult lists what ExportTheme did, as slash paths under its folder.
type ExportResult struct {
	Written []string
	Skipped []string // files that existed already and were left as they were
}

// ExportTheme writes the embedded default theme's files into dir, so that
// a site can copy and change them. It never overwrites a file: one that
// exists is skipped and listed.
func ExportTheme(dir string) (*ExportResult, error) {
	res := &ExportResult{}
	theme := themes.Default()
	err := fs.WalkDir(theme, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read the embedded theme: %w", err)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if d.IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", target, err)
			}
			return nil
		}
		data, err := fs.ReadFile(theme, name)
		if err != nil {
			return fmt.Errorf("read the embedded theme's %s: %w", name, err)
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			res.Skipped = append(res.Skipped, name)
			return nil
		} else if err != nil {
			return fmt.Errorf("create %s: %w", target, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
		res.Written = append(res.Written, name)
		return nil
	})
	return res, err
}
