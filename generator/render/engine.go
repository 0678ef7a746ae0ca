package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// layouts are the page templates a theme must provide; each is parsed
// together with base.html and the partials.
var layouts = []string{"home", "list", "page", "404", "search", "glossary", "changes"}

// Engine holds a theme's parsed templates and fingerprinted assets. It is
// safe for concurrent use.
type Engine struct {
	// info is the site as New was given it, with what New adds (the
	// glossary's URL, the icons' links); views.New completes a copy of it
	// with each model's navigation and feed.
	info *views.SiteInfo
	templates
	// raw gives the theme's templates as written, when the ones executed
	// were minified (nil otherwise): an error met executing a minified
	// template is found again in these, so that it names the line and
	// column of the file the theme's author wrote. They are parsed at
	// the first such error, and kept from then on; not before, since a
	// set of layouts is parse trees of pointers, which the collector
	// would mark in every cycle of a build that needs none of them.
	raw func() (*templates, error)
	// templates themselves are never executed, only cloned: copies are
	// their clones, one for each page written at the same time
	// (GOMAXPROCS are kept). text/template looks every function and
	// template of an action up under its set's lock, and cores sharing
	// one set would contend for that lock's memory at every action. A
	// copy is made when the first pages are written, not with the
	// engine: a set of layouts is 4 to 5 MB, which would otherwise be
	// alive through the loading and the search index, when the build
	// holds the most memory.
	copies   chan *templates
	assets   map[string]asset          // by logical name, "css/style.css"
	files    map[string]string         // theme path of each template file by its name: "page.html" → "layouts/page.html"
	glossary map[string]glossary.Entry // by what templates name: glossaryIndex
	prefix   string                    // the folder of the site the pages are written to (Under), "" for its top
	top      bool                      // whether it writes the top's files (prefix "" or WritesTop)
	words    rowWords                  // the words backlogRows writes, in the site's language
	// tagsLabel is the theme's "tags" string as pageHead writes it into
	// the tag list's aria-label, escaped once for every page; tagsErr is
	// the error of looking it up, which a page with tags reports.
	tagsLabel string
	tagsErr   error
}

// rowWords are the words of a backlog's rows in the site's language,
// looked up once, since every row writes them.
type rowWords struct {
	unranked, value, estimate, priority, iteration, release string
	endOf, horizon, ready, missing, refine, coarse          string
}

// newRowWords looks the row words up in w, English where w has none.
// The theme's strings are HTML; those written into attributes have
// their quotes escaped.
func newRowWords(w *i18n.Strings) rowWords {
	attr := func(key, english string) string { return strings.ReplaceAll(w.Or(key, english), `"`, "&#34;") }
	return rowWords{unranked: attr("unranked_title", "not in the product owner's order; ranked by priority"),
		value: attr("value", "Value"), estimate: attr("estimate", "Estimate"), priority: attr("priority", "Priority"),
		iteration: attr("iteration", "Iteration"), release: attr("release", "Release"),
		endOf: w.Or("horizon_end", "End of the {horizon}:"), horizon: w.Or("refinement_horizon", "refinement horizon"),
		ready: w.Or("ready", "ready"), missing: attr("missing", "missing:"), refine: w.Or("needs_refinement", "needs refinement"),
		coarse: w.Or("coarse", "coarse")}
}

// templates is one parse of a theme's layouts.
type templates struct {
	pages    map[string]*template.Template
	redirect *template.Template
	base     *template.Template // base.html and the partials, for cached partials
}

// Option changes how New reads a theme.
type Option func(*options)

type options struct {
	minify func(name string, src []byte) ([]byte, error)
	prefix string
	top    bool
}

// Under has the engine render a language's pages into a folder of the
// site, prefix ("de/"): their outputs are planned there, and they take
// the theme's files and the icons from the top of the site, which the
// engine of the default language writes.
func Under(prefix string) Option {
	return func(o *options) { o.prefix = prefix }
}

// WritesTop has an engine Under a folder write the files of the top of
// the site all the same: the theme's files, the icons, robots.txt, the
// sitemap index and the 404 page: the default language's engine when
// the default language too is published under its code.
func WritesTop() Option {
	return func(o *options) { o.top = true }
}

// MinifyLayouts has New minify each layout's source once with fn (which
// must keep Go template actions as they are), so that the pages need no
// minifying afterwards: their outputs are marked Minified. When fn fails
// on any layout, or its result does not parse, the layouts are used as
// written and the outputs are not marked.
func MinifyLayouts(fn func(name string, src []byte) ([]byte, error)) Option {
	return func(o *options) { o.minify = fn }
}

type asset struct {
	out  string // output path, "css/style.1a2b3c4d.css"
	data []byte
}

// New parses the theme's templates and reads its static files. The error
// names the template file and line where html/template gives them.
func New(theme fs.FS, site views.SiteInfo, opts ...Option) (*Engine, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	e := &Engine{info: &site, assets: map[string]asset{}, files: map[string]string{},
		glossary: glossaryIndex(site.Glossary), prefix: o.prefix, top: o.prefix == "" || o.top}
	e.info.Prefix, e.info.Top = o.prefix, e.top
	if len(site.Glossary) > 0 {
		e.info.GlossaryURL = glossary.URL
	}
	e.info.Icons = iconLinks()
	if e.info.Strings == nil {
		strs, err := i18n.Load(site.Language, theme)
		if err != nil {
			return nil, err
		}
		e.info.Strings = strs
	}
	e.words = newRowWords(e.info.Strings)
	label, err := e.info.Strings.HTML("tags")
	e.tagsLabel, e.tagsErr = attrOfHTML(label), err
	if err := e.readAssets(theme); err != nil {
		return nil, err
	}
	raw, err := e.parseTheme(theme, nil)
	if err != nil {
		return nil, err
	}
	e.templates = *raw
	if o.minify != nil {
		// A layout the minifier cannot read is not an error of the theme:
		// the pages are minified one by one instead.
		if small, err := e.parseTheme(theme, o.minify); err == nil {
			e.templates = *small
			e.raw = sync.OnceValues(func() (*templates, error) { return e.parseTheme(theme, nil) })
		}
	}
	e.copies = make(chan *templates, runtime.GOMAXPROCS(0))
	return e, nil
}

// clone copies ts, which must not have been executed, so that the copy is
// escaped and executed apart from it (html/template copies the parse
// trees). The copy shares base, which only cached partials execute.
func (ts *templates) clone() (*templates, error) {
	c := &templates{pages: make(map[string]*template.Template, len(ts.pages)), base: ts.base}
	for name, t := range ts.pages {
		ct, err := t.Clone()
		if err != nil {
			return nil, err
		}
		c.pages[name] = ct
	}
	r, err := ts.redirect.Clone()
	if err != nil {
		return nil, err
	}
	c.redirect = r
	return c, nil
}

// parseTheme parses the theme's layouts, each minified with minify first
// when it is not nil.
func (e *Engine) parseTheme(theme fs.FS, minify func(string, []byte) ([]byte, error)) (*templates, error) {
	ts := &templates{pages: map[string]*template.Template{}}
	base := template.New("base.html").Funcs(e.funcs())
	if _, err := e.parseFile(base, theme, "layouts/base.html", minify); err != nil {
		return nil, err
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, p := range partials {
		if _, err := e.parseFile(base, theme, p, minify); err != nil {
			return nil, err
		}
	}
	ts.base = base
	for _, name := range layouts {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := e.parseFile(t, theme, "layouts/"+name+".html", minify); err != nil {
			return nil, err
		}
		ts.pages[name] = t
	}
	ts.redirect = template.New("redirect.html").Funcs(e.funcs())
	if _, err := e.parseFile(ts.redirect, theme, "layouts/redirect.html", minify); err != nil {
		return nil, err
	}
	return ts, nil
}

func (e *Engine) parseFile(t *template.Template, theme fs.FS, name string, minify func(string, []byte) ([]byte, error)) (*template.Template, error) {
	src, err := fs.ReadFile(theme, name)
	if err != nil {
		return nil, fmt.Errorf("theme: cannot read %s: %w", name, err)
	}
	if minify != nil {
		// The layouts executed are these: their plain strings are
		// written in once, not looked up on every page (the layouts as
		// written, which name the lines of errors, keep their calls).
		src = e.info.Strings.Inline(src)
		if src, err = minify(name, src); err != nil {
			return nil, fmt.Errorf("theme: minify %s: %w", name, err)
		}
	}
	if _, ok := e.files[path.Base(name)]; !ok {
		e.files[path.Base(name)] = name
	}
	var nt *template.Template
	if path.Base(name) == t.Name() {
		nt = t
	} else {
		nt = t.New(path.Base(name))
	}
	if _, err := nt.Parse(string(src)); err != nil {
		return nil, fmt.Errorf("theme: layouts/%s", strings.TrimPrefix(err.Error(), "template: "))
	}
	return nt, nil
}

// Minified reports whether the layouts were minified, so that the pages
// they write are minified already.
func (e *Engine) Minified() bool { return e.raw != nil }

func (e *Engine) funcs() template.FuncMap {
	return template.FuncMap{
		"rel":          generator.Rel,
		"cached":       e.cached,
		"links":        links,
		"asset":        e.assetURL,
		"dict":         dict,
		"hasPrefix":    strings.HasPrefix,
		"lower":        strings.ToLower,
		"join":         strings.Join,
		"term":         e.term,
		"facts":        e.facts,
		"itemFacts":    e.itemFacts,
		"pageHead":     e.pageHead,
		"headMeta":     e.headMeta,
		"likelyDays":   e.likelyDays,
		"crumbs":       crumbs,
		"entryList":    entryList,
		"relations":    e.relations,
		"relatedTable": relatedTable,
		"backlogRows":  e.backlogRows,
		"boardCards":   e.boardCards,
		"chainLinks":   chainLinks,
		"childRows":    e.childRows,
		"textItems":    textItems,
		"matrixRows":   matrixRows,
		"treeNodes":    e.treeNodes,
		"scopeRows":    e.scopeRows,
		"noteItems":    noteItems,
		"relterm":      e.relationTerm,
		"t":            e.info.Strings.HTML,
		"tn":           e.info.Strings.HTMLN,
		"date":         e.info.Strings.Date,
	}
}

// cached executes the partial name with data once per key and then
// returns the same HTML for that key: for pieces such as the header and
// footer that depend on little more than the page's depth. The key must
// capture everything the partial's output depends on. The outputs of one
// Plan share the cache, found through data, the page's *views.View; other data
// is rendered every time.
func (e *Engine) cached(name, key string, data any) (template.HTML, error) {
	var cache *views.Partials
	if v, ok := data.(*views.View); ok {
		cache = v.Partials()
	}
	if cache != nil {
		if h, ok := cache.Load(name, key); ok {
			return h, nil
		}
	}
	var b strings.Builder
	if err := e.base.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if cache != nil {
		cache.Store(name, key, h)
	}
	return h, nil
}

func (e *Engine) assetURL(root, name string) (string, error) {
	a, ok := e.assets[name]
	if !ok {
		return "", fmt.Errorf("the theme has no static file %q", name)
	}
	return generator.Rel(views.Up(root, e.prefix), "/"+a.out), nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs key and value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys must be strings, got %T", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// readAssets reads static/ and fingerprints CSS and JS file names with the
// first 8 bytes of their SHA-256, so that they can be cached forever.
func (e *Engine) readAssets(theme fs.FS) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return nil // a theme without static files
			}
			return fmt.Errorf("theme: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return fmt.Errorf("theme: %w", err)
		}
		name := strings.TrimPrefix(p, "static/")
		out := name
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		e.assets[name] = asset{out: out, data: data}
		return nil
	})
}

// execute renders a view with the layout of its kind. Its error is a
// *TemplateError.
func (e *Engine) execute(w io.Writer, v *views.View) error {
	ts, err := e.copy()
	if err != nil {
		return e.templateError(generator.OutPath(v.URL), err)
	}
	defer e.putCopy(ts)
	err = e.executeView(w, v, ts)
	if err == nil {
		return nil
	}
	if e.raw != nil {
		// The same error in the layouts as written gives their lines.
		if raw, perr := e.raw(); perr == nil {
			if rawErr := e.executeView(io.Discard, v, raw); rawErr != nil {
				err = rawErr
			}
		}
	}
	return e.templateError(generator.OutPath(v.URL), err)
}

// copy returns a copy of the templates that no other page is being
// written with: a free one, or a new one.
func (e *Engine) copy() (*templates, error) {
	select {
	case c := <-e.copies:
		return c, nil
	default:
		return e.templates.clone()
	}
}

// putCopy frees c for the next page, or lets it go when as many are
// already free as pages are written at once.
func (e *Engine) putCopy(c *templates) {
	select {
	case e.copies <- c:
	default:
	}
}

func (e *Engine) executeView(w io.Writer, v *views.View, ts *templates) error {
	if v.Kind == "redirect" {
		return ts.redirect.Execute(w, v)
	}
	layout := v.Kind
	if _, ok := ts.pages[layout]; !ok {
		layout = "page"
	}
	return ts.pages[layout].ExecuteTemplate(w, "base.html", v)
}
