package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator/workers"
)

// Remover deletes files: the real file system in a build, one that fails
// on purpose in tests.
type Remover interface {
	Remove(name string) error    // a file, a link or an empty folder
	RemoveAll(name string) error // a folder and everything in it
}

// OS removes files from the real file system.
type OS struct{}

func (OS) Remove(name string) error    { return os.Remove(name) }
func (OS) RemoveAll(name string) error { return os.RemoveAll(name) }

// MarkStaging records in a new staging folder that everything in it is
// the build's own, so that a later build may remove it if this one is
// killed.
func MarkStaging(dir string) error {
	return os.WriteFile(filepath.Join(dir, stagingMark), nil, 0o644)
}

// UnmarkStaging removes the mark before the staging folder becomes the
// output; from then on its manifest speaks for it.
func UnmarkStaging(dir string) error {
	return os.Remove(filepath.Join(dir, stagingMark))
}

// MarkForced records in a previous output that --force replaced, now
// moved aside to dir, that everything in it may be removed.
func MarkForced(dir string) error {
	return os.WriteFile(filepath.Join(dir, forcedMark), nil, 0o644)
}

// UnmarkForced removes the mark again when the previous output goes back
// in place because the new one could not.
func UnmarkForced(dir string) error {
	return os.Remove(filepath.Join(dir, forcedMark))
}

// RemoveMoved deletes the previous output that v describes, which the
// build moved from its place to dir: exactly the files and
// folders Inspect saw there, in parallel. A file that appeared since
// keeps its folder, and the error names it.
func (v *Verdict) RemoveMoved(rm Remover, dir string) error {
	moved := func(p string) string { return filepath.Join(dir, strings.TrimPrefix(p, v.dest)) }
	files := make([]string, len(v.files), len(v.files)+1)
	for i, f := range v.files {
		files[i] = moved(f)
	}
	files = append(files, filepath.Join(dir, forcedMark)) // when --force marked it
	dirs := make([]string, len(v.dirs))
	for i, d := range v.dirs {
		dirs[i] = moved(d)
	}
	return removeListed(rm, dir, files, dirs)
}

// removeListed removes the files, then the folders deepest first, then
// root.
func removeListed(rm Remover, root string, files, dirs []string) error {
	errs := make([]error, len(files))
	workers.Each(len(files), func(i int) {
		if err := rm.Remove(files[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs[i] = err
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	// Folders of one depth hold none of each other: remove them together.
	depth := func(p string) int { return strings.Count(p, string(filepath.Separator)) }
	slices.SortStableFunc(dirs, func(a, b string) int { return depth(b) - depth(a) })
	for start := 0; start < len(dirs); {
		end := start + 1
		for end < len(dirs) && depth(dirs[end]) == depth(dirs[start]) {
			end++
		}
		level := dirs[start:end]
		workers.Each(len(level), func(i int) { rm.Remove(level[i]) })
		start = end
	}
	if err := rm.Remove(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
		if left := leftIn(root); len(left) > 0 {
			return fmt.Errorf("%s holds files that appeared during the build (%s); they were kept", root, Sample(left))
		}
		return err
	}
	return nil
}

// leftIn lists the files in dir, relative to it.
func leftIn(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

// Clean removes a staging or previous output folder that an earlier,
// killed build left beside the output: entirely when it is marked as the
// build's own, else the files its manifest vouches for. It returns the
// files it kept, which no build wrote; a folder with neither mark nor
// manifest is kept whole.
func Clean(rm Remover, dir string) (kept []string, err error) {
	for _, mark := range []string{stagingMark, forcedMark} {
		if _, err := os.Lstat(filepath.Join(dir, mark)); err == nil {
			return nil, rm.RemoveAll(dir)
		}
	}
	v := &Verdict{}
	if err := v.walk(dir); err != nil {
		return nil, err
	}
	if !v.hasManifest(dir) {
		return leftIn(dir), nil
	}
	if len(v.Unknown) > 0 {
		return v.Unknown, nil
	}
	return nil, removeListed(rm, dir, v.files, v.dirs)
}
