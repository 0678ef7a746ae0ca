package corpus

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/backlight-wiki/backlight/generator/workers"
)

// hugoFiles is Hugo's configuration and layouts for the corpus; all: keeps
// the _default folder, which embed would otherwise skip.
//
//go:embed all:hugo
var hugoFiles embed.FS

// siteTOML is the corpus's site.toml.
const siteTOML = `# A generated Backlight benchmark corpus (package corpus): %d pages, seed %d.
title   = "Backlight benchmark corpus"
baseURL = "https://bench.example.org/"
levels  = ["team", "cluster", "organisation"]
`

// prepare makes sure dir is an empty directory, creating it if need be.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}

// writeSite writes site.toml and Hugo's files into dir.
func writeSite(dir string, opts Options) error {
	toml := fmt.Sprintf(siteTOML, opts.Pages, opts.Seed)
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(toml), 0o644); err != nil {
		return err
	}
	return fs.WalkDir(hugoFiles, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "hugo" {
			return err
		}
		dest := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "hugo/")))
		if d.IsDir() {
			return os.MkdirAll(dest, 0o755)
		}
		data, err := hugoFiles.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dest, data, 0o644)
	})
}

// writeContent writes every page under dir/content, in parallel, and
// returns the bytes written. The folders are made first, in order.
func (pl *plan) writeContent(dir string) (int64, error) {
	root := filepath.Join(dir, "content")
	made := map[string]bool{}
	for i := range pl.pages {
		folder := path.Dir(pl.path(i))
		if !made[folder] {
			made[folder] = true
			if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(folder)), 0o755); err != nil {
				return 0, err
			}
		}
	}
	sizes := make([]int64, len(pl.pages))
	errs := make([]error, len(pl.pages))
	workers.Each(len(pl.pages), func(i int) {
		data := pl.render(i)
		sizes[i] = int64(len(data))
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(pl.path(i))), data, 0o644); err != nil {
			errs[i] = fmt.Errorf("write content/%s: %w", pl.path(i), err)
		}
	})
	var total int64
	for _, n := range sizes {
		total += n
	}
	return total, errors.Join(errs...)
}
