package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/unicode/norm"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// checkPaths reports two outputs for one path, also when the paths differ
// only in case or Unicode normalisation, which collide on some file
// systems.
func checkPaths(outs []render.Output) generator.Diagnostics {
	var diags generator.Diagnostics
	seen := map[string]render.Output{}
	for _, o := range outs {
		if why := notLocal(o.Path); why != "" {
			diags.Errorf(o.Pos, "%s would be written to %q, which %s: names and aliases must be relative paths of plain folder names", o.Source, o.Path, why)
			continue
		}
		if outdir.Reserved(o.Path) {
			diags.Errorf(o.Pos, "%s would be written to %q, a name Backlight keeps for its record of what a build wrote: rename it", o.Source, o.Path)
			continue
		}
		if seg := longSegment(o.Path); seg != "" {
			diags.Errorf(o.Pos, "%s would be written to %q, whose part %q is %d bytes long; file systems allow at most %d: shorten the name, alias or tag",
				o.Source, o.Path, seg, len(seg), maxNameBytes)
			continue
		}
		if i := strings.IndexAny(o.Path, portableNot); i >= 0 {
			diags.Errorf(o.Pos, "%s would be written to %q, whose %q cannot be in a file name on Windows: names and aliases may not contain any of %s",
				o.Source, o.Path, o.Path[i:i+1], portableNot)
			continue
		}
		k := strings.ToLower(norm.NFC.String(o.Path))
		if prev, ok := seen[k]; ok {
			pos := o.Pos
			if !pos.IsValid() {
				pos = prev.Pos
			}
			switch {
			case prev.Path == o.Path:
				diags.Errorf(pos, "%s and %s both produce %s", prev.Source, o.Source, o.Path)
			case strings.ToLower(prev.Path) == strings.ToLower(o.Path):
				diags.Errorf(pos, "%s and %s produce %s and %s, which differ only in letter case and are one file on macOS and Windows: rename one",
					prev.Source, o.Source, prev.Path, o.Path)
			default:
				diags.Errorf(pos, "%s and %s produce %s and %s, which differ only in Unicode normalisation (%s and %s) and are one file on macOS: rename one",
					prev.Source, o.Source, prev.Path, o.Path, strconv.QuoteToASCII(prev.Path), strconv.QuoteToASCII(o.Path))
			}
			continue
		}
		seen[k] = o
	}
	return diags
}

// portableNot are the characters that Windows refuses in file names; a
// site with them could not be checked out or served there.
const portableNot = `<>:"|?*`

// notLocal says why an output path could leave the output folder, or
// returns "" when it stays inside.
func notLocal(p string) string {
	switch {
	case p == "":
		return "is empty"
	case path.IsAbs(p):
		return "is absolute"
	case p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../") || strings.HasSuffix(p, "/.."):
		return `climbs out with ".."`
	case strings.ContainsRune(p, '\\'):
		return "has a backslash"
	case strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "has a control character"
	case path.Clean(p) != p:
		return `has an empty, "." or ".." part`
	}
	return ""
}

// maxNameBytes is the longest file or folder name most file systems
// (ext4, APFS, NTFS in UTF-16 units) take.
const maxNameBytes = 255

// longSegment returns the first part of p longer than maxNameBytes, or "".
func longSegment(p string) string {
	for seg := range strings.SplitSeq(p, "/") {
		if len(seg) > maxNameBytes {
			return seg
		}
	}
	return ""
}

// disk is what publishing does to files that can fail for reasons outside
// the build (a full disk, a file system that refuses a rename): the real
// file system in a build, one that injects faults in tests.
type disk interface {
	WriteFile(name string, data []byte) error
	Rename(oldpath, newpath string) error
	Remove(name string) error
	RemoveAll(path string) error
}

// osDisk is the real file system.
type osDisk struct{ outdir.OS }

func (osDisk) WriteFile(name string, data []byte) error { return writeNewFile(name, data) }
func (osDisk) Rename(oldpath, newpath string) error     { return os.Rename(oldpath, newpath) }

// publish writes every output into a staging folder beside the output
// folder t.Dest, with the manifest of what it wrote, then, if t.Dest may
// still be replaced (outdir.Inspect, run again now that the build holds
// the lock), swaps it in. On any error the staging folder is removed and
// t.Dest is left as it was.
func publish(ctx context.Context, d disk, t outdir.Target, force bool, outs []render.Output, mini *minifier, links *linkCheck, progress func(int, int), res *Result) (err error) {
	dest := t.Dest
	parent, base := filepath.Split(filepath.Clean(dest))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	unlock, err := lockDest(parent, base)
	if err != nil {
		return err
	}
	defer unlock()
	res.Stale = removeStale(d, parent, base)
	stage, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return fmt.Errorf("create a staging folder beside %s: %w", dest, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(stage)
		}
	}()
	if err := outdir.MarkStaging(stage); err != nil {
		return fmt.Errorf("create a staging folder beside %s: %w", dest, err)
	}
	files, err := writeAll(ctx, d, stage, outs, mini, links, progress, res)
	if err != nil {
		return err
	}
	var manifest []byte
	var made sync.WaitGroup
	made.Go(func() { manifest = outdir.Manifest(files) }) // beside the link check's report
	if links != nil {
		if err := linkErrors(res, links); err != nil {
			made.Wait()
			return err
		}
	}
	made.Wait()
	if err := d.WriteFile(filepath.Join(stage, outdir.ManifestName), manifest); err != nil {
		return fmt.Errorf("write %s: %w", outdir.ManifestName, err)
	}
	v, err := outdir.Inspect(t, true, force)
	if err != nil {
		return err
	}
	if err := outdir.UnmarkStaging(stage); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if err := swap(d, v, stage, dest, parent, base); err != nil {
		return err
	}
	res.Deleted = v.Unknown
	return nil
}

// removeStale deletes the staging and previous-site folders that a killed
// build left beside the output, as far as they are a build's own, and
// returns those it kept.
func removeStale(d disk, parent, base string) []string {
	var kept []string
	for _, pattern := range []string{"." + base + ".staging-*", "." + base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pattern))
		for _, m := range matches {
			if left, err := outdir.Clean(d, m); err != nil || len(left) > 0 {
				kept = append(kept, m)
			}
		}
	}
	return kept
}

// swap moves the finished staging folder to dest: the previous site is
// moved aside first and removed, exactly the files that v found in it,
// only once the new one is in place.
func swap(d disk, v *outdir.Verdict, stage, dest, parent, base string) error {
	if err := os.Chmod(stage, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	old := ""
	if v.Exists {
		old = filepath.Join(parent, "."+base+".old-"+filepath.Base(stage)[len(base)+10:])
		if err := d.Rename(dest, old); err != nil {
			return fmt.Errorf("publish: move the previous %s aside: %w", dest, err)
		}
		if len(v.Unknown) > 0 {
			if err := outdir.MarkForced(old); err != nil {
				return errors.Join(fmt.Errorf("publish: %w", err), restore(d, old, dest))
			}
		}
	}
	if err := d.Rename(stage, dest); err != nil {
		err = fmt.Errorf("publish: move the new site to %s: %w", dest, err)
		if old != "" {
			if len(v.Unknown) > 0 {
				outdir.UnmarkForced(old)
			}
			err = errors.Join(err, restore(d, old, dest))
		}
		return err
	}
	if old != "" {
		if err := v.RemoveMoved(d, old); err != nil {
			return fmt.Errorf("publish: the new site is in place, but the previous one could not be removed from %s: %w", old, err)
		}
	}
	return nil
}

// restore moves the previous site back in place.
func restore(d disk, old, dest string) error {
	if err := d.Rename(old, dest); err != nil {
		return fmt.Errorf("restore the previous site from %s: %w", old, err)
	}
	return nil
}

// writeAll renders and writes the outputs on one worker per core.
func writeAll(ctx context.Context, d disk, stage string, outs []render.Output, mini *minifier, links *linkCheck, progress func(int, int), res *Result) ([]outdir.File, error) {
	bufs := make([][2]bytes.Buffer, workers.Count(len(outs)))
	files := make([]outdir.File, len(outs))
	var (
		mu   sync.Mutex
		errs []error
		done atomic.Int64
		size atomic.Int64
		dirs sync.Map
	)
	dirs.Store(filepath.Clean(stage), true)
	workers.EachWorker(len(outs), func(w, i int) {
		if ctx.Err() != nil {
			return
		}
		f, err := writeOne(d, stage, outs[i], &bufs[w], mini, &dirs, func(raw []byte) {
			if links != nil {
				links.scan(w, i, raw)
			}
		})
		if outs[i].Release != nil {
			outs[i].Release()
		}
		files[i] = f
		size.Add(f.Size)
		if err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
		if d := done.Add(1); progress != nil {
			progress(int(d), len(outs))
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	res.Files = len(outs)
	res.Bytes = size.Load()
	return files, nil
}

func writeOne(d disk, stage string, o render.Output, bufs *[2]bytes.Buffer, mini *minifier, dirs *sync.Map, scan func([]byte)) (outdir.File, error) {
	f := outdir.File{Path: o.Path}
	raw, out := &bufs[0], &bufs[1]
	raw.Reset()
	out.Reset()
	if err := o.Write(raw); err != nil {
		return f, fmt.Errorf("render %s (from %s): %w", o.Path, o.Source, err)
	}
	scan(raw.Bytes())
	if o.Packed || o.Minified || !mini.minifies(path.Ext(o.Path)) {
		out = raw // written compact already, or not to be minified: no copy
	} else if err := mini.minify(out, raw, path.Ext(o.Path)); err != nil {
		return f, fmt.Errorf("minify %s (from %s): %w", o.Path, o.Source, err)
	}
	file := filepath.Join(stage, filepath.FromSlash(o.Path))
	dir := filepath.Dir(file)
	if err := makeDir(dir, dirs); err != nil {
		return f, fmt.Errorf("write %s: %w", o.Path, err)
	}
	if err := d.WriteFile(file, out.Bytes()); err != nil {
		return f, fmt.Errorf("write %s: %w", o.Path, err)
	}
	f.Size, f.CRC = int64(out.Len()), outdir.Checksum(out.Bytes())
	return f, nil
}

// renderAll renders every output, writing none, for the link check of
// backlight check.
func renderAll(ctx context.Context, outs []render.Output, links *linkCheck) error {
	bufs := make([]bytes.Buffer, workers.Count(len(outs)))
	errs := make([]error, len(outs))
	workers.EachWorker(len(outs), func(w, i int) {
		if ctx.Err() != nil {
			return
		}
		bufs[w].Reset()
		if err := outs[i].Write(&bufs[w]); err != nil {
			errs[i] = fmt.Errorf("render %s (from %s): %w", outs[i].Path, outs[i].Source, err)
			return
		}
		links.scan(w, i, bufs[w].Bytes())
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// makeDir creates dir and its parents, remembering in made which folders
// exist: most pages have a folder of their own whose parent was made for
// an earlier page, so a folder costs one mkdir and no stat. made must hold
// the staging folder itself.
func makeDir(dir string, made *sync.Map) error {
	if _, ok := made.Load(dir); ok {
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := makeDir(parent, made); err != nil {
			return err
		}
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrExist) {
		err = nil
	}
	if err == nil {
		made.Store(dir, true)
	}
	return err
}
