package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// MaxFileSize is the largest Markdown file accepted: far beyond any real
// page, small enough that a pathological input cannot stall a build.
const MaxFileSize = 2 << 20

// Options are what loading needs to know about the site.
type Options struct {
	Prefix string   // path of the content folder from the site root, for positions ("content")
	Levels []string // allowed values of level
	Types  []string // known type names, for the type key
	// Languages are the site's languages other than the default: a file
	// <name>.<code>.md of one of them is a translation of <name>.md.
	// Default is the default language, whose code in a file name is an
	// error when there are Languages. Both empty: one language.
	Languages []string
	Default   string
}

// Result is the loaded content: pages in path order and the introductions
// of the home page ("") and of list pages (by folder).
type Result struct {
	Pages  []*generator.Page
	Intros map[string]*generator.Page
	Files  []string // the other files (images, documents), slash paths in content/, sorted; published beside the pages
	// Unread are the files that could not be loaded, in path order: later
	// stages recognise references to them instead of reporting each.
	Unread []generator.Unread
}

// Load reads every .md file of fsys (the content folder) in parallel and
// reports every problem found; pages with errors are still returned where
// they could be read, so that later stages can report theirs too.
func Load(fsys fs.FS, opts Options) (*Result, generator.Diagnostics) {
	var diags generator.Diagnostics
	var files, others []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(generator.Pos{File: path.Join(opts.Prefix, p)}, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() && p != "." && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		isMD := strings.EqualFold(path.Ext(p), ".md")
		if d.Type()&fs.ModeSymlink != 0 && !linkOK(fsys, p, isMD, opts, &diags) {
			return nil
		}
		if !d.IsDir() && isMD {
			files = append(files, p)
		} else if !d.IsDir() {
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(generator.Pos{File: opts.Prefix}, "cannot read the content folder: %v", err)
	}
	results := make([]loaded, len(files))
	splitters := make([]*splitter, workers.Count(len(files)))
	workers.EachWorker(len(files), func(w, i int) {
		if splitters[w] == nil {
			splitters[w] = newSplitter()
		}
		if of, lang, ok := opts.translationOf(files[i]); ok {
			results[i] = loadTranslation(fsys, files[i], of, lang, opts, splitters[w])
			return
		}
		results[i] = loadFile(fsys, files[i], opts, splitters[w])
	})
	res := &Result{Intros: map[string]*generator.Page{}, Files: others}
	var translations []loaded
	for _, r := range results {
		diags.Append(r.diags)
		switch {
		case r.translation != nil:
			translations = append(translations, r)
		case r.page == nil:
			if r.unread != nil {
				res.Unread = append(res.Unread, *r.unread)
			}
		case r.intro:
			res.Intros[r.page.Section] = r.page
		default:
			res.Pages = append(res.Pages, r.page)
		}
	}
	checkDuplicates(res.Pages, &diags)
	attachTranslations(res, translations, &diags)
	return res, diags
}

// linkOK reports whether the symbolic link at p is one Load reads: a link
// to a Markdown file inside the content folder. fsys is expected to refuse
// links that lead out of it (os.Root's file system does), so that a file
// outside content/ is never read; such links, broken links and links to
// folders, which are not followed, are skipped with a warning.
func linkOK(fsys fs.FS, p string, isMD bool, opts Options, diags *generator.Diagnostics) bool {
	pos := generator.Pos{File: path.Join(opts.Prefix, p)}
	info, err := fs.Stat(fsys, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if isMD {
			diags.Warnf(pos, "skipped: a symbolic link to a file that does not exist")
		}
		return false
	case err != nil:
		diags.Warnf(pos, "skipped: a symbolic link that leads outside the content folder; only links to files inside content/ are read")
		return false
	case info.IsDir():
		diags.Warnf(pos, "skipped: a symbolic link to a folder; Backlight does not follow linked folders")
		return false
	}
	return true
}

// LoadFile reads one Markdown file, at slash path p of fsys, as Load
// does: its page, whether it is a folder's _index.md (an intro) and what
// reading it found. Duplicate ids across files are Load's to check.
func LoadFile(fsys fs.FS, p string, opts Options) (*generator.Page, bool, generator.Diagnostics) {
	l := loadFile(fsys, p, opts, newSplitter())
	return l.page, l.intro, l.diags
}

// Parse reads src as the Markdown file at slash path p of the content
// folder, as LoadFile reads a file there: for the file's content at an
// earlier commit, which is not on disk. It returns nil when src is not a
// page (a translation, or front matter that does not parse).
func Parse(p string, src []byte, opts Options) (*generator.Page, bool, generator.Diagnostics) {
	var diags generator.Diagnostics
	file := path.Join(opts.Prefix, p)
	if len(src) > MaxFileSize {
		diags.Errorf(generator.Pos{File: file}, "file is %d bytes; pages may be at most %d bytes (2 MiB)", len(src), MaxFileSize)
		return nil, false, diags
	}
	if _, _, ok := opts.translationOf(p); ok {
		return nil, false, diags
	}
	_, fm, body, bodyLine, ok := splitSource(slices.Clone(src), file, newSplitter(), &diags)
	if !ok {
		return nil, false, diags
	}
	page, intro := newPage(p, file, fm, opts, &diags)
	page.Body, page.BodyLine = body, bodyLine
	return page, intro, diags
}

type loaded struct {
	page   *generator.Page
	intro  bool
	diags  generator.Diagnostics
	unread *generator.Unread // what is known of a file that could not be loaded

	translation *generator.Translation // set for a translation, instead of page
	of          string                 // the path of the page it translates
}

func loadFile(fsys fs.FS, p string, opts Options, sp *splitter) loaded {
	var l loaded
	file := path.Join(opts.Prefix, p)
	src, fm, body, bodyLine, ok := readSource(fsys, p, file, sp, &l.diags)
	if !ok {
		l.unread = unreadOf(p, file, src)
		return l
	}
	l.page, l.intro = newPage(p, file, fm, opts, &l.diags)
	l.page.Body, l.page.BodyLine = body, bodyLine
	return l
}

// readSource reads the Markdown file at p (file from the site root) and
// splits it into its front matter, never nil, and its body, which starts
// on bodyLine. When the file cannot be read, or is too large, not UTF-8
// or its front matter is broken, it reports why and returns !ok, with
// what it could read of the file.
func readSource(fsys fs.FS, p, file string, sp *splitter, diags *generator.Diagnostics) (src []byte, fm *node, body []byte, bodyLine int, ok bool) {
	src, size, err := readLimited(fsys, p, MaxFileSize)
	switch {
	case err != nil:
		diags.Errorf(generator.Pos{File: file}, "cannot read: %v", err)
		return nil, nil, nil, 0, false
	case len(src) > MaxFileSize:
		diags.Errorf(generator.Pos{File: file}, "file is %s; pages may be at most %d bytes (2 MiB): split it, or move large data out of content/", size, MaxFileSize)
		return normalise(src), nil, nil, 0, false
	}
	return splitSource(src, file, sp, diags)
}

// splitSource splits the file's text src, as read, into its front matter
// and body, or says why it cannot.
func splitSource(src []byte, file string, sp *splitter, diags *generator.Diagnostics) ([]byte, *node, []byte, int, bool) {
	src = normalise(src)
	if !utf8.Valid(src) {
		diags.Errorf(generator.Pos{File: file, Line: invalidUTF8Line(src)}, "file is not valid UTF-8 text")
		return src, nil, nil, 0, false
	}
	fm, body, bodyLine, err := sp.split(file, src)
	if err != nil {
		pe := err.(*posError)
		diags.Errorf(pe.pos, "%s", pe.msg)
		return src, nil, nil, 0, false
	}
	if fm == nil {
		fm = &node{kind: mapNode, pos: generator.Pos{File: file, Line: 1}}
	}
	return src, fm, body, bodyLine, true
}

// readLimited reads at most limit+1 bytes of the file at p, so that a huge
// file is refused without being read whole, and says how big it is when
// it is too big. The buffer is sized from the file's size, so that a page
// takes one read.
func readLimited(fsys fs.FS, p string, limit int) ([]byte, string, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	size := ""
	want := 512
	if fi, err := f.Stat(); err == nil {
		if fi.Size() > int64(limit) {
			size = fmt.Sprintf("%d bytes", fi.Size())
		}
		want = int(min(fi.Size(), int64(limit))) + 1 // +1 to see the end, or a file that grew
	}
	src := make([]byte, 0, want)
	for len(src) <= limit {
		if len(src) == cap(src) {
			src = slices.Grow(src, min(cap(src), limit+1-len(src)))
		}
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", err
		}
	}
	if len(src) > limit && size == "" {
		size = fmt.Sprintf("more than %d bytes", limit)
	}
	return src, size, nil
}

// normalise strips a UTF-8 byte-order mark and turns CRLF and lone CR line
// ends into LF.
func normalise(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

func invalidUTF8Line(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return 1 + bytes.Count(src[:i], []byte("\n"))
		}
		i += n
	}
	return 0
}

// checkDuplicates reports two files with one id, and two items with one key.
func checkDuplicates(pages []*generator.Page, diags *generator.Diagnostics) {
	ids := map[string]*generator.Page{}
	keys := map[string]*generator.Page{}
	for _, p := range pages {
		if q, ok := ids[p.ID]; ok {
			diags.Errorf(generator.Pos{File: p.File, Line: 1}, "page id %q is used twice: by %s and by %s (ids come from file names and must be unique)", p.ID, q.File, p.File)
		} else {
			ids[p.ID] = p
		}
		if p.Item == nil || p.Item.Key == "" {
			continue
		}
		k := strings.ToLower(p.Item.Key)
		if q, ok := keys[k]; ok {
			diags.Errorf(p.Pos("id"), "item key %q is used twice: %s has it too; give one of the two items another key (keys are unique across the site)", p.Item.Key, q.File)
		} else {
			keys[k] = p
		}
	}
}

// KnownKeys lists the front-matter keys a page of the given type may have.
func KnownKeys(typ string) []string {
	keys := slices.Clone(commonKeys)
	switch typ {
	case generator.TypeItem:
		keys = append(keys, itemKeys...)
	case generator.TypeBacklog:
		keys = append(keys, backlogKeys...)
	case generator.TypeRelease:
		keys = append(keys, releaseKeys...)
	}
	return keys
}

var (
	commonKeys  = []string{"title", "abbr", "level", "summary", "relations", "tags", "aliases", "draft", "weight", "date", "type", "params"}
	itemKeys    = []string{"id", "kind", "status", "value", "estimate", "parent", "release", "team", "source", "acceptance"}
	backlogKeys = []string{"owner", "velocity", "iteration_weeks", "order", "key_prefix"}
	releaseKeys = []string{"system", "variant", "version", "start", "end", "status", "released_on"}
)
