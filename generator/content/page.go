package content

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// newPage builds a page from its path and decoded front matter. intro is
// true for an _index.md that introduces the home or a list page.
func newPage(p, file string, fm *node, opts Options, diags *generator.Diagnostics) (*generator.Page, bool) {
	f := &fields{fm: fm, diags: diags}
	pg := &generator.Page{Path: p, File: file, Keys: make([]generator.KeyPos, len(fm.keys))}
	for i, e := range fm.keys {
		pg.Keys[i] = generator.KeyPos{Key: e.key, Pos: e.pos}
	}
	dir, name := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	pg.Section, _, _ = strings.Cut(dir, "/")
	base := strings.TrimSuffix(name, path.Ext(name))
	// Only content/_index.md and content/<folder>/_index.md introduce a
	// list page; a deeper one is reported by checkIdentity.
	intro := base == "_index" && pg.Section != generator.BacklogsFolder && !strings.Contains(dir, "/")
	identify(pg, dir, base)
	if typ := f.str("type"); typ != "" {
		if !slices.Contains(opts.Types, typ) {
			diags.Errorf(fm.get("type").val.pos, "unknown type %q (known: %s)%s", typ, strings.Join(opts.Types, ", "), generator.DidYouMean(typ, opts.Types))
		} else {
			pg.Type = typ
		}
	}
	readCommon(pg, f, opts)
	if !intro {
		checkIdentity(pg, base, dir, fm, diags)
	}
	switch pg.Type {
	case generator.TypeItem:
		pg.Item = readItem(f, path.Base(dir))
	case generator.TypeBacklog:
		pg.Backlog = readBacklog(f)
	case generator.TypeRelease:
		pg.Release = readRelease(f)
	}
	warnUnknownKeys(pg, fm, diags, intro)
	pg.URL = pageURL(pg)
	return pg, intro
}

// identify sets id and type from the file's place (content model §1).
func identify(pg *generator.Page, dir, base string) {
	pg.ID = strings.ToLower(base)
	pg.Type = generator.TypePage
	if t, ok := generator.FolderType(pg.Section); ok {
		pg.Type = t
	}
	if pg.Section == generator.BacklogsFolder && dir != generator.BacklogsFolder {
		pg.Type = generator.TypeItem
		if base == "_index" {
			pg.Type = generator.TypeBacklog
			pg.ID = strings.ToLower(path.Base(dir))
		}
	}
}

func checkIdentity(pg *generator.Page, base, dir string, fm *node, diags *generator.Diagnostics) {
	first := generator.Pos{File: pg.File, Line: 1}
	if base == "_index" && pg.Type != generator.TypeBacklog {
		diags.Errorf(first, "_index.md belongs at content/_index.md, content/<folder>/_index.md or content/backlogs/<backlog>/_index.md")
	}
	if pg.Section == generator.BacklogsFolder && strings.Count(dir, "/") > 1 {
		diags.Errorf(first, "backlog items live directly in their backlog's folder, content/backlogs/<backlog>/")
	}
	if pg.Title == "" {
		pos := first
		if e := fm.get("title"); e != nil {
			pos = e.val.pos
		}
		diags.Errorf(pos, "missing title: every page needs a title in its front matter")
	}
	switch i := strings.IndexFunc(pg.ID, notInID); {
	case pg.ID == "" || strings.TrimSpace(pg.ID) != pg.ID:
		diags.Errorf(first, "file name %q cannot be a page id: it is empty or starts or ends with a space; use letters, digits and hyphens", base)
	case i >= 0:
		diags.Errorf(first, "file name %q cannot be a page id: it has %q, which URLs or some file systems do not allow; use letters, digits and hyphens", base, string([]rune(pg.ID[i:])[0]))
	}
}

// ValidID reports whether a page id, made from a file or folder name, can
// be part of a URL and a file name everywhere: Load reports the files whose
// id cannot.
func ValidID(id string) bool {
	return id != "" && strings.TrimSpace(id) == id && strings.IndexFunc(id, notInID) < 0
}

// notInID reports the characters a page id may not have: those with a
// meaning in URLs, those Windows refuses in file names, and controls.
func notInID(r rune) bool {
	return strings.ContainsRune(`/\?#%"<>:|*`, r) || r < 0x20 || r == 0x7f
}

func readCommon(pg *generator.Page, f *fields, opts Options) {
	pg.Title = f.str("title")
	pg.Abbr = f.str("abbr")
	pg.Summary = f.str("summary")
	pg.Tags = f.strs("tags")
	pg.Aliases = f.refs("aliases")
	pg.Draft = f.boolean("draft")
	pg.Weight = f.integer("weight")
	pg.Date = f.date("date")
	pg.Relations = f.relations()
	pg.Params = f.params()
	if lv := f.str("level"); lv != "" {
		if slices.Contains(opts.Levels, lv) {
			pg.Level = lv
		} else {
			f.diags.Errorf(f.fm.get("level").val.pos, "unknown level %q (the site's levels are %s)%s",
				lv, strings.Join(opts.Levels, ", "), generator.DidYouMean(lv, opts.Levels))
		}
	}
}

func readItem(f *fields, backlog string) *generator.Item {
	it := &generator.Item{
		Key:        f.str("id"),
		Backlog:    strings.ToLower(backlog),
		Kind:       f.str("kind"),
		Status:     f.str("status"),
		Value:      f.number("value"),
		Estimate:   f.number("estimate"),
		Parent:     f.ref("parent"),
		Release:    f.ref("release"),
		Team:       f.ref("team"),
		Source:     f.str("source"),
		Acceptance: f.strs("acceptance"),
	}
	if it.Key == "" {
		f.diags.Errorf(generator.Pos{File: f.fm.pos.File, Line: 1}, "missing id: a backlog item needs its key, e.g. id: CBI-214")
	}
	return it
}

func readBacklog(f *fields) *generator.Backlog {
	return &generator.Backlog{
		Owner:          f.ref("owner"),
		Velocity:       f.number("velocity"),
		IterationWeeks: f.number("iteration_weeks"),
		Order:          f.refs("order"),
		KeyPrefix:      f.keyPrefix(),
	}
}

// keyPrefixRE is what key_prefix may hold: upper-case letters and digits,
// starting with a letter, so that PREFIX-1 reads as a key.
var keyPrefixRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*$`)

func (f *fields) keyPrefix() string {
	s := f.str("key_prefix")
	if s != "" && !keyPrefixRE.MatchString(s) {
		f.diags.Errorf(f.entry("key_prefix").val.pos, "key_prefix %q: want upper-case letters and digits, starting with a letter (e.g. key_prefix: TA, giving keys TA-1, TA-2, …)", s)
		return ""
	}
	return s
}

func readRelease(f *fields) *generator.Release {
	return &generator.Release{
		System:     f.str("system"),
		Variant:    f.str("variant"),
		Version:    f.str("version"),
		Start:      f.date("start"),
		End:        f.date("end"),
		Status:     f.str("status"),
		ReleasedOn: f.date("released_on"),
		Blank:      f.blank("system", "variant", "version", "status"),
	}
}

// blank lists the keys that are written with a text that is empty or only
// spaces; a missing key, null or a value of the wrong shape is not listed.
func (f *fields) blank(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if e := f.entry(k); e != nil && e.val.kind == scalarNode && strings.TrimSpace(e.val.text) == "" {
			out = append(out, k)
		}
	}
	return out
}

func warnUnknownKeys(pg *generator.Page, fm *node, diags *generator.Diagnostics, intro bool) {
	known := KnownKeys(pg.Type)
	for _, e := range fm.keys {
		if slices.Contains(known, e.key) {
			continue
		}
		if slices.Contains(allKeys(), e.key) && !intro {
			diags.Warnf(e.pos, "key %q has no meaning on %s page and is ignored", e.key, generator.Article(pg.Type))
			continue
		}
		diags.Warnf(e.pos, "unknown front-matter key %q is ignored%s (a theme's own values go under params)", e.key, generator.DidYouMean(e.key, known))
	}
}

// pageURL is the page's pretty URL: /<folder>/<id>/ for wiki pages and
// releases, /backlogs/<backlog>/<id>/ for items, /<id>/ at the top level.
func pageURL(pg *generator.Page) string {
	id := url.PathEscape(pg.ID)
	switch {
	case pg.Type == generator.TypeBacklog:
		return "/" + generator.BacklogsFolder + "/" + id + "/"
	case pg.Item != nil:
		return "/" + generator.BacklogsFolder + "/" + url.PathEscape(pg.Item.Backlog) + "/" + id + "/"
	case pg.Section == "":
		return "/" + id + "/"
	}
	return "/" + url.PathEscape(pg.Section) + "/" + id + "/"
}
