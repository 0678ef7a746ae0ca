// Package outdir decides whether a build may replace its output folder,
// and keeps the record by which a later build recognises what an earlier
// one wrote.
//
// A build lists every file it wrote, with its size and CRC-32C, in the
// manifest DEST/.backlight-manifest, written last. A later build replaces
// DEST only when every file in it is one the manifest lists, unchanged
// (same size; a file not modified before the manifest must also have the
// same checksum), apart from the operating system's folder metadata (.DS_Store,
// Thumbs.db, desktop.ini). A DEST that does not exist or is empty may
// always be written. Anything else is refused with a *Refusal: a DEST that
// is, holds or lies inside what the build reads, a file, a symbolic link,
// the file system's root, the home folder or a git work tree always; a
// DEST with files no build wrote unless the caller forces it, and then
// those files are listed so that the caller can say which it deleted.
package outdir

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// ManifestName is the file in the output folder that lists what the
// build wrote.
const ManifestName = ".backlight-manifest"

// stagingMark is the file in a staging folder, removed just before the
// folder becomes the output, that says everything in the folder is the
// build's own.
const stagingMark = ".backlight-staging"

// forcedMark is the file written into a previous output that --force
// replaced: everything in it may be removed, also by a later build when
// this one is killed before it could.
const forcedMark = ".backlight-forced"

// Reserved reports whether a site path would overwrite one of the files
// by which builds recognise their output.
func Reserved(sitePath string) bool {
	first, _, _ := strings.Cut(sitePath, "/")
	return first == ManifestName || first == stagingMark || first == forcedMark
}

// isOSMetadata reports whether a file is one that file managers create in
// any folder they show: nobody's work, which a build may remove.
func isOSMetadata(name string) bool {
	switch filepath.Base(name) {
	case ".DS_Store", "Thumbs.db", "desktop.ini":
		return true
	}
	return false
}

// Checksum is the CRC-32C the manifest records for a file's bytes. (The
// crc32 package makes the Castagnoli table once and uses the processor's
// CRC instructions where it has them.)
func Checksum(data []byte) uint32 { return crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)) }

// File is one line of the manifest.
type File struct {
	Path string // slash path relative to the output folder
	Size int64
	CRC  uint32
}

const manifestHeader = "backlight manifest 1\n"

// Manifest returns the manifest's text for the files, sorted by path:
// a header line, then one line per file, "crc32c-in-hex size path".
func Manifest(files []File) []byte {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	var b bytes.Buffer
	b.Grow(len(manifestHeader) + 48*len(files))
	b.WriteString(manifestHeader)
	for _, f := range sorted {
		fmt.Fprintf(&b, "%08x %d %s\n", f.CRC, f.Size, f.Path)
	}
	return b.Bytes()
}

// parseManifest reads a manifest's text.
func parseManifest(r io.Reader) (map[string]File, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	if !sc.Scan() || sc.Text()+"\n" != manifestHeader {
		return nil, fmt.Errorf("not a Backlight manifest (the first line is not %q)", strings.TrimSpace(manifestHeader))
	}
	files := map[string]File{}
	for line := 2; sc.Scan(); line++ {
		crc, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, name, ok2 := strings.Cut(rest, " ")
		c, err1 := strconv.ParseUint(crc, 16, 32)
		n, err2 := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err1 != nil || err2 != nil || name == "" {
			return nil, fmt.Errorf("line %d is not \"checksum size path\"", line)
		}
		if strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			// No build writes such a name (output paths refuse them).
			return nil, fmt.Errorf("line %d names a path with a control character", line)
		}
		files[name] = File{Path: name, Size: n, CRC: uint32(c)}
	}
	return files, sc.Err()
}

// Target is what a build reads and where it would write.
type Target struct {
	Dest   string   // the output folder
	Source string   // the site's folder
	Reads  []string // files and folders the build reads: site.toml, content/, themes/
	Home   string   // the user's home folder; "" when unknown
}

// Verdict is what Inspect found in an output folder that may be written.
type Verdict struct {
	Exists  bool     // the folder exists and will be replaced
	Unknown []string // files no build wrote, which --force lets the build delete (slash paths, sorted)
	dest    string   // the folder, absolute
	files   []string // every file and link in the folder, to remove after the swap
	dirs    []string // every folder in it
	git     string   // a .git found inside it
}

// Refusal says why a build may not write to its output folder.
type Refusal struct {
	Dest     string
	Why      string   // "it is a file, not a folder"
	Todo     string   // what to do instead
	Forcible bool     // --force overrides it
	Unknown  []string // the files no build wrote, when that is the reason
}

func (r *Refusal) Error() string {
	return fmt.Sprintf("refusing to write the site to %s: %s; %s", r.Dest, r.Why, r.Todo)
}

// Inspect says whether the build of t may replace t.Dest. The error is a
// *Refusal when it may not, or the failure to read the folder. With walk
// true it checks every file in the folder; with walk false it skips that
// for a folder that has a manifest (one without is still walked, since
// it is refused if it holds anything). A build runs it without the walk
// before its work, to refuse at once what it can tell cheaply, and in
// full under its lock just before the swap.
func Inspect(t Target, walk, force bool) (*Verdict, error) {
	dest, err := filepath.Abs(t.Dest)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", t.Dest, err)
	}
	src, err := filepath.Abs(t.Source)
	if err != nil {
		return nil, fmt.Errorf("site folder %s: %w", t.Source, err)
	}
	refuse := func(why, todo string) (*Verdict, error) {
		return nil, &Refusal{Dest: dest, Why: why, Todo: todo}
	}
	suggest := "choose a folder of its own, such as " + filepath.Join(src, "public") + " (the default)"
	st, err := os.Lstat(dest)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("output folder %s: %w", dest, err)
	case exists && st.Mode()&fs.ModeSymlink != 0:
		to, _ := os.Readlink(dest)
		return refuse(fmt.Sprintf("it is a symbolic link to %s, which the build would replace with a folder", to),
			"give the folder the link points to as -d, or "+suggest)
	case exists && !st.IsDir():
		return refuse("it is a file, not a folder", "move the file away or "+suggest)
	}
	if r := filepath.Dir(dest); r == dest {
		return refuse("it is the root of the file system", suggest)
	}
	if why := overlaps(dest, t.Home); why == "is" || why == "holds" {
		return refuse(fmt.Sprintf("it %s your home folder %s", why, t.Home), suggest)
	}
	switch {
	case same(dest, src):
		return refuse("it is the site's own folder, whose site.toml and content/ the build reads", suggest)
	case under(src, dest):
		return refuse(fmt.Sprintf("it holds the site's folder %s, whose sources the build would delete", src), suggest)
	}
	for _, read := range t.Reads {
		switch why := overlaps(dest, read); why {
		case "":
		case "holds":
			return refuse(fmt.Sprintf("it holds %s, which the build reads and would delete", read), suggest)
		default:
			return refuse(fmt.Sprintf("it %s %s, which the build reads", why, read), suggest)
		}
	}
	if git := gitFolderOf(dest); git != "" {
		return refuse(fmt.Sprintf("it is inside %s, where git keeps a repository's history", git), suggest)
	}
	if !exists {
		return &Verdict{}, nil
	}
	gitRefusal := func(git string) (*Verdict, error) {
		return refuse(fmt.Sprintf("it holds a git repository (%s), which the build would delete", git),
			"build into a folder of its own and copy the site into the repository")
	}
	if _, err := os.Lstat(filepath.Join(dest, ".git")); err == nil {
		return gitRefusal(filepath.Join(dest, ".git"))
	}
	v := &Verdict{Exists: true, dest: dest}
	if !walk && v.hasManifest(dest) {
		return v, nil
	}
	if err := v.walk(dest); err != nil {
		return nil, err
	}
	if v.git != "" {
		return gitRefusal(v.git)
	}
	if len(v.Unknown) == 0 || force {
		return v, nil
	}
	return nil, unknownRefusal(dest, v.Unknown, v.hasManifest(dest))
}

// gitFolderOf returns the .git folder that p is, or lies inside, or "".
func gitFolderOf(p string) string {
	for dir := p; ; {
		if filepath.Base(dir) == ".git" {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// overlaps says how folder a stands to path b: "is", "holds" (b is
// inside a), "is inside" (a is inside b), or "" when they are apart or b
// is "" or does not exist. Paths are compared as the files they name, so
// symbolic links, letter case on file systems that ignore it and hard
// links to one folder all count.
func overlaps(a, b string) string {
	if b == "" {
		return ""
	}
	if _, err := os.Stat(b); err != nil {
		return ""
	}
	if same(a, b) {
		return "is"
	}
	if under(b, a) {
		return "holds"
	}
	if under(a, b) {
		return "is inside"
	}
	return ""
}

// same reports whether two paths name one existing file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// under reports whether one of p's parent folders (p need not exist) is
// the folder dir.
func under(p, dir string) bool {
	ds, err := os.Stat(dir)
	if err != nil {
		return false
	}
	p, err = filepath.Abs(p)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	for {
		up := filepath.Dir(p)
		if up == p {
			return false
		}
		p = up
		if s, err := os.Stat(p); err == nil && os.SameFile(s, ds) {
			return true
		}
	}
}

func (v *Verdict) hasManifest(dest string) bool {
	_, err := os.Stat(filepath.Join(dest, ManifestName))
	return err == nil
}

// walk lists the folder's files and finds those no build wrote. It reads
// the folders of one depth in parallel: the work is mostly waiting for
// the file system.
func (v *Verdict) walk(dest string) error {
	v.dest = dest
	owned, stamp, err := readOwn(dest)
	if err != nil {
		return err
	}
	type found struct {
		dirs, files, unknown []string
		git                  string
		err                  error
	}
	for level := []string{dest}; len(level) > 0; {
		parts := make([]found, len(level))
		workers.Each(len(level), func(i int) {
			part := &parts[i]
			entries, err := os.ReadDir(level[i])
			if err != nil {
				part.err = fmt.Errorf("output folder: %w", err)
				return
			}
			for _, d := range entries {
				p := filepath.Join(level[i], d.Name())
				if d.Name() == ".git" {
					part.git = p
				}
				if d.IsDir() {
					part.dirs = append(part.dirs, p)
					continue
				}
				part.files = append(part.files, p)
				rel := filepath.ToSlash(p[len(dest)+1:])
				if rel != ManifestName && !isOSMetadata(rel) && !owns(owned, stamp, p, rel, d) {
					part.unknown = append(part.unknown, rel)
				}
			}
		})
		level = nil
		for _, part := range parts {
			if part.err != nil {
				return part.err
			}
			if part.git != "" && v.git == "" {
				v.git = part.git
			}
			level = append(level, part.dirs...)
			v.files = append(v.files, part.files...)
			v.Unknown = append(v.Unknown, part.unknown...)
		}
		v.dirs = append(v.dirs, level...)
	}
	slices.Sort(v.Unknown)
	return nil
}

// readOwn reads the folder's manifest and its modification time; no
// manifest gives an empty list.
func readOwn(dir string) (map[string]File, int64, error) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, nil
	} else if err != nil {
		return nil, 0, fmt.Errorf("read the manifest of %s: %w", dir, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, fmt.Errorf("read the manifest of %s: %w", dir, err)
	}
	files, err := parseManifest(f)
	if err != nil {
		// A damaged manifest vouches for nothing: every file is unknown.
		return nil, 0, nil
	}
	return files, st.ModTime().UnixNano(), nil
}

// owns reports whether the file at p is one the manifest lists, as the
// build wrote it: a regular file of the recorded size and, unless it was
// last modified before the manifest was written, of the recorded
// checksum. (File times are coarse: the files written in the manifest's
// own tick of the clock are checked byte for byte.)
func owns(owned map[string]File, stamp int64, p, rel string, d fs.DirEntry) bool {
	want, ok := owned[rel]
	if !ok || !d.Type().IsRegular() {
		return false
	}
	info, err := d.Info()
	if err != nil || info.Size() != want.Size {
		return false
	}
	if info.ModTime().UnixNano() < stamp {
		return true // unchanged since the build: sizes and times are enough
	}
	data, err := os.ReadFile(p)
	return err == nil && Checksum(data) == want.CRC
}

// unknownRefusal explains that the folder holds files no build wrote.
func unknownRefusal(dest string, unknown []string, manifest bool) *Refusal {
	r := &Refusal{Dest: dest, Forcible: true, Unknown: unknown}
	what := fmt.Sprintf("%d %s", len(unknown), generator.ForCount(len(unknown), "file", "files"))
	if manifest {
		r.Why = fmt.Sprintf("it is an earlier Backlight build, but %s in it %s added or changed since (%s)",
			what, generator.ForCount(len(unknown), "was", "were"), Sample(unknown))
	} else {
		r.Why = fmt.Sprintf("it holds %s that no Backlight build wrote (%s)", what, Sample(unknown))
		if olderBuild(dest) {
			r.Why += ", and it looks like the output of a Backlight from before builds kept a manifest"
		}
	}
	r.Todo = "move them away or choose a new folder, or run again with --force to delete them"
	return r
}

// olderBuild reports whether the folder's index.html names Backlight as
// its generator.
func olderBuild(dest string) bool {
	f, err := os.Open(filepath.Join(dest, "index.html"))
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(`name="generator" content="Backlight`)) ||
		bytes.Contains(head[:n], []byte(`name=generator content="Backlight`))
}

// Sample names up to five paths, and how many more there are.
func Sample(paths []string) string {
	const max = 5
	if len(paths) <= max {
		return strings.Join(paths, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(paths[:max], ", "), len(paths)-max)
}
