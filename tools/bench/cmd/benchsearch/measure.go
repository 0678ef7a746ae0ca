package main

import (
	"fmt"
	"io/fs"
	"path/filepath"
)

// treeSize counts the files under dir that keep says to and their
// bytes; keep nil keeps all.
func treeSize(dir string, keep func(name string) bool) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || keep != nil && !keep(e.Name()) {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("measure %s: %w", dir, err)
	}
	return files, bytes, nil
}
