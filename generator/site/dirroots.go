package site

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
)

// dirRoots is a folder as an fs.FS read through os.Root, so that no
// symbolic link leads a read out of it, with an os.Root kept open for
// every folder read: os.Root resolves a path one folder at a time, an open
// per folder, so "backlogs/b/x.md" costs three opens through the top
// folder's root and one through its own folder's. It serves the content
// folder, whose 10,000 pages sit two or three folders deep.
type dirRoots struct {
	mu    sync.Mutex
	roots map[string]*os.Root // by slash path of the folder, "." for the top one
}

func openDirRoots(dir string) (*dirRoots, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &dirRoots{roots: map[string]*os.Root{".": r}}, nil
}

// root returns the open root of the folder dir, a valid slash path.
func (d *dirRoots) root(dir string) (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.rootLocked(dir)
}

func (d *dirRoots) rootLocked(dir string) (*os.Root, error) {
	if r, ok := d.roots[dir]; ok {
		return r, nil
	}
	parent, err := d.rootLocked(path.Dir(dir))
	if err != nil {
		return nil, err
	}
	r, err := parent.OpenRoot(path.Base(dir))
	if err != nil {
		return nil, err
	}
	d.roots[dir] = r
	return r, nil
}

// split returns the root of name's folder and name's last element.
func (d *dirRoots) split(op, name string) (*os.Root, string, error) {
	if !fs.ValidPath(name) {
		return nil, "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		r, err := d.root(".")
		return r, ".", err
	}
	r, err := d.root(path.Dir(name))
	if err != nil {
		return nil, "", atPath(op, name, err)
	}
	return r, path.Base(name), nil
}

// atPath gives err, met at a path relative to some folder's root, the
// path name relative to the top folder.
func atPath(op, name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: op, Path: name, Err: pe.Err}
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

func (d *dirRoots) Open(name string) (fs.File, error) {
	r, base, err := d.split("open", name)
	if err != nil {
		return nil, err
	}
	f, err := r.Open(base)
	if err != nil {
		return nil, atPath("open", name, err)
	}
	return f, nil
}

func (d *dirRoots) Stat(name string) (fs.FileInfo, error) {
	r, base, err := d.split("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := r.Stat(base)
	if err != nil {
		return nil, atPath("stat", name, err)
	}
	return fi, nil
}

// ReadDir reads the folder name through its own root, which the files
// in it are then opened through.
func (d *dirRoots) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	r, err := d.root(name)
	if err != nil {
		return nil, atPath("readdir", name, err)
	}
	f, err := r.Open(".")
	if err != nil {
		return nil, atPath("readdir", name, err)
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	if err != nil {
		return entries, atPath("readdir", name, err)
	}
	return entries, nil
}

// Close closes every root opened.
func (d *dirRoots) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	var errs []error
	for _, r := range d.roots {
		errs = append(errs, r.Close())
	}
	clear(d.roots)
	return errors.Join(errs...)
}
