package site

import (
	"encoding/xml"
	"errors"
	"image"
	_ "image/gif"  // image.DecodeConfig reads the sizes of GIF,
	_ "image/jpeg" // JPEG
	_ "image/png"  // and PNG images
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// MaxPublishedFile is the largest file a site may publish as it is: the
// per-file limit of Cloudflare Pages, and far below GitHub's. A larger
// file is an error naming it.
const MaxPublishedFile = 25 << 20

// staticDir is the folder of the site whose files are copied into the
// site's root as they are (CNAME, .nojekyll, favicon.ico, images, PDFs).
const staticDir = "static"

// siteFile is a file published as it is.
type siteFile struct {
	from          string // the file: a slash path from the site's folder ("static/img/chart.png", "content/roles/org.svg")
	out           string // its path in the site ("img/chart.png", "roles/org.svg")
	size          int64
	width, height int // an image's intrinsic size; 0 when unknown
}

// siteFiles are the files of a site that are published as they are: those
// under static/ at the site's root, and those under content/ that are not
// Markdown, beside their pages, by their path in the site.
type siteFiles struct {
	src   string
	byOut map[string]*siteFile
	list  []*siteFile
}

// loadFiles finds static/'s files and reads the size of each image among
// them and among content's other files. Links out of either folder are
// skipped with a warning, as content's are.
func loadFiles(src string, contentFiles []string) (*siteFiles, generator.Diagnostics) {
	var diags generator.Diagnostics
	sf := &siteFiles{src: src, byOut: map[string]*siteFile{}}
	for _, p := range contentFiles {
		sf.list = append(sf.list, &siteFile{from: "content/" + p, out: p})
	}
	if root, err := os.OpenRoot(filepath.Join(src, staticDir)); err == nil {
		walkStatic(root.FS(), sf, &diags)
		root.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(generator.Pos{File: staticDir}, "cannot read the static folder: %v", err)
	}
	errs := make([]error, len(sf.list))
	workers.Each(len(sf.list), func(i int) { errs[i] = sf.list[i].inspect(src) })
	for i, f := range sf.list {
		pos := generator.Pos{File: f.from}
		switch {
		case errs[i] != nil:
			diags.Errorf(pos, "cannot read: %v", errs[i])
		case f.size > MaxPublishedFile:
			diags.Errorf(pos, "the file is %.1f MiB; files a site publishes may be at most %d MiB (the limit of Cloudflare Pages, and a long wait for readers): make it smaller or link to it elsewhere",
				float64(f.size)/(1<<20), MaxPublishedFile>>20)
		default:
			sf.byOut[f.out] = f
		}
	}
	return sf, diags
}

// walkStatic lists static/'s files, hidden ones included (.nojekyll,
// .well-known/), but for a .git folder and file managers' metadata.
func walkStatic(fsys fs.FS, sf *siteFiles, diags *generator.Diagnostics) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		pos := generator.Pos{File: path.Join(staticDir, p)}
		switch {
		case err != nil:
			diags.Errorf(pos, "cannot read: %v", err)
			return nil
		case d.Name() == ".git" || d.Name() == ".DS_Store" || d.Name() == "Thumbs.db":
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			info, err := fs.Stat(fsys, p)
			if err != nil {
				diags.Warnf(pos, "skipped: a symbolic link that leads outside the static folder or to nothing; only links to files inside static/ are copied")
				return nil
			}
			if info.IsDir() {
				diags.Warnf(pos, "skipped: a symbolic link to a folder; Backlight does not follow linked folders")
				return nil
			}
		}
		sf.list = append(sf.list, &siteFile{from: path.Join(staticDir, p), out: p})
		return nil
	})
	if err != nil {
		diags.Errorf(generator.Pos{File: staticDir}, "cannot read the static folder: %v", err)
	}
}

// inspect reads the file's size and, for an image, its intrinsic size,
// through a root so that no link leads outside the site's folder.
func (f *siteFile) inspect(src string) error {
	dir, name, _ := strings.Cut(f.from, "/")
	file, err := os.OpenInRoot(filepath.Join(src, dir), name)
	if err != nil {
		return err
	}
	defer file.Close()
	st, err := file.Stat()
	if err != nil {
		return err
	}
	f.size = st.Size()
	if f.size > MaxPublishedFile {
		return nil
	}
	switch strings.ToLower(path.Ext(f.out)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		if c, _, err := image.DecodeConfig(file); err == nil {
			f.width, f.height = c.Width, c.Height
		}
	case ".svg":
		f.width, f.height = svgSize(io.LimitReader(file, 64<<10))
	}
	return nil
}

// svgSize reads the size an SVG image is drawn at without CSS: its root's
// width and height in pixels, else its viewBox's.
func svgSize(r io.Reader) (int, int) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var w, h, box string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			case "viewBox":
				box = a.Value
			}
		}
		if pw, ph := pixels(w), pixels(h); pw > 0 && ph > 0 {
			return pw, ph
		}
		f := strings.FieldsFunc(box, func(r rune) bool { return r == ' ' || r == ',' })
		if len(f) == 4 {
			bw, e1 := strconv.ParseFloat(f[2], 64)
			bh, e2 := strconv.ParseFloat(f[3], 64)
			if e1 == nil && e2 == nil && bw > 0 && bh > 0 && bw < 1e6 && bh < 1e6 {
				return int(math.Round(bw)), int(math.Round(bh))
			}
		}
		return 0, 0
	}
}

// pixels reads an SVG length in pixels ("120", "120px"), or 0 for other
// units and percentages, which have no intrinsic size.
func pixels(v string) int {
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 || f >= 1e6 {
		return 0
	}
	return int(math.Round(f))
}

// outputs are the files to publish, each read when it is written.
func (sf *siteFiles) outputs() []render.Output {
	outs := make([]render.Output, 0, len(sf.byOut))
	for _, f := range sf.list {
		if sf.byOut[f.out] != f {
			continue
		}
		dir, name, _ := strings.Cut(f.from, "/")
		root := filepath.Join(sf.src, dir)
		outs = append(outs, render.Output{Path: f.out, Source: f.from, Pos: generator.Pos{File: f.from}, Packed: true,
			Write: func(w io.Writer) error {
				file, err := os.OpenInRoot(root, name)
				if err != nil {
					return err
				}
				defer file.Close()
				_, err = io.Copy(w, file)
				return err
			}})
	}
	return outs
}

// provides reports whether the site publishes a file at out, its path in
// the site.
func (sf *siteFiles) provides(out string) bool {
	return sf.byOut[out] != nil
}

// target is the link to a published file from a page whose root is root
// ("../../"), or ok false.
func (sf *siteFiles) target(out, root string) (markdown.FileTarget, bool) {
	f := sf.byOut[out]
	if f == nil {
		return markdown.FileTarget{}, false
	}
	return markdown.FileTarget{URL: generator.Rel(root, "/"+generator.EscapePath(out)), Width: f.width, Height: f.height}, true
}
