// Package themes embeds Backlight's default theme so that the binary alone
// can build any site, and lays a site's own theme folder over it.
//
// A theme is a folder with layouts/ (html/template files: one per kind of
// page, partials/ for shared pieces) and static/ (copied to the site as
// is, CSS and JS fingerprinted). docs/themes.md lists the templates, the
// data each receives and the functions they may call.
package themes

import (
	"embed"
	"errors"
	"io"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the embedded default theme, rooted at its folder.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}

// Overlay returns a file system that serves a file from upper when upper
// has it and from lower otherwise, so that a site's theme overrides the
// default one file by file. Directory listings merge both.
func Overlay(upper, lower fs.FS) fs.FS { return overlay{upper, lower} }

type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.upper.Open(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err == nil {
		st, serr := f.Stat()
		if serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	lf, lerr := o.lower.Open(name)
	if err != nil {
		return lf, lerr // only the lower layer has it, or neither
	}
	if lerr == nil {
		if st, serr := lf.Stat(); serr != nil || !st.IsDir() {
			lf.Close()
			lerr = fs.ErrNotExist // a folder above hides a file below
		}
	}
	if lerr != nil && !errors.Is(lerr, fs.ErrNotExist) {
		return nil, lerr
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, err
	}
	uf, err := o.upper.Open(name)
	if err != nil {
		return nil, err
	}
	return &dir{File: uf, entries: entries}, nil
}

// ReadDir merges the entries of both layers; a name in upper hides the
// same name in lower.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	up, uerr := fs.ReadDir(o.upper, name)
	low, lerr := fs.ReadDir(o.lower, name)
	if uerr != nil && lerr != nil {
		return nil, lerr
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(up, low...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	sortEntries(out)
	return out, nil
}

// dir is a folder present in the upper layer, listing both layers.
type dir struct {
	fs.File
	entries []fs.DirEntry
	off     int
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
