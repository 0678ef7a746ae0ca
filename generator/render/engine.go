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
	"strconv"
	"strings"

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
	// raw is the theme's templates as written, when the ones executed
	// were minified (nil otherwise): an error met executing a minified
	// template is found again in these, so that it names the line and
	// column of the file the theme's author wrote.
	raw *templates
	// copies are clones of templates, one for each page written at the
	// same time (GOMAXPROCS): text/template looks every function and
	// template of an action up under its set's lock, and cores sharing
	// one set would contend for that lock's memory at every action.
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
			e.templates, e.raw = *small, raw
		}
	}
	e.copies = make(chan *templates, runtime.GOMAXPROCS(0))
	for range cap(e.copies) {
		c, err := e.templates.clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		e.copies <- c
	}
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

// links writes entries as list items, each a link with the page's
// abbreviation: <li><a href="…">Title</a> <abbr class="abbr">CPO</abbr></li>.
// One call per list instead of several template actions per entry: the
// relation box, related pages and mentions of a large site hold tens of
// thousands of them. Text and URLs are escaped.
func links(es []views.Entry) template.HTML {
	n := 0
	for _, e := range es {
		n += len(e.Href) + len(e.Title) + len(e.Abbr) + len(`<li><a href=""></a> <abbr class="abbr"></abbr></li>`)
	}
	var b strings.Builder
	b.Grow(n) // most have nothing to escape: one allocation
	for _, e := range es {
		b.WriteString(`<li><a href="`)
		b.WriteString(template.HTMLEscapeString(e.Href))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(e.Title))
		b.WriteString(`</a>`)
		if e.Abbr != "" {
			b.WriteString(` <abbr class="abbr">`)
			b.WriteString(template.HTMLEscapeString(e.Abbr))
			b.WriteString(`</abbr>`)
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// matrixRows writes the rows of a responsibility matrix (.Rows of
// .Matrices): the role or group linked, with its abbreviation, then a
// cell a column, each mark's symbol with its relation's label as an
// abbreviation's title.
func matrixRows(rows []views.MatrixRow) template.HTML {
	var b strings.Builder
	n := 0
	for _, r := range rows {
		n += len(r.Href) + len(r.Title) + len(r.Abbr) + 96 + 16*len(r.Cells)
		for _, c := range r.Cells {
			n += 48 * len(c)
		}
	}
	b.Grow(n)
	for _, r := range rows {
		b.WriteString(`<tr><th scope="row">`)
		writeLink(&b, r.Href, r.Title)
		writeIn(&b, ` <abbr class="abbr">`, r.Abbr, `</abbr>`)
		b.WriteString(`</th>`)
		for _, c := range r.Cells {
			b.WriteString(`<td>`)
			for i, m := range c {
				if i > 0 {
					b.WriteString(` `)
				}
				writeRaw(&b, `<abbr title="`, escHTML(m.Label), `">`)
				b.WriteString(escHTML(m.Symbol))
				b.WriteString(`</abbr>`)
			}
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	return template.HTML(b.String())
}

// treeNodes writes the traceability tree (.Tree): each item an <li>
// with its linked key and title, status, estimate and how much of it is
// done, and the items refined from it in a list of their own.
func (e *Engine) treeNodes(nodes []views.TreeNode) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(400 * len(nodes))
	e.writeTreeNodes(w, nodes)
	return w.result()
}

func (e *Engine) writeTreeNodes(w *htmlWriter, nodes []views.TreeNode) {
	for _, n := range nodes {
		w.WriteString(`<li><a href="`)
		w.WriteString(escHref(n.Href))
		w.WriteString(`">`)
		writeIn(&w.Builder, `<span class="key">`, n.Abbr, `</span> `)
		w.text(n.Title)
		w.WriteString(`</a> <span class="status s-`)
		w.text(n.Status)
		w.WriteString(`">`)
		w.text(n.Status)
		w.WriteString(`</span> <span class="tree-figures">`)
		w.t("n_pts", "n", n.Estimate)
		pct := strconv.Itoa(n.DonePct)
		writeRaw(&w.Builder, ` · <meter min="0" max="100" value="`, pct, `">`)
		w.WriteString(pct)
		w.WriteString(`%</meter> `)
		w.t("pct_done", "pct", n.DonePct)
		w.WriteString(`</span>`)
		if len(n.Children) > 0 {
			w.WriteString(`<ul>`)
			e.writeTreeNodes(w, n.Children)
			w.WriteString(`</ul>`)
		}
		w.WriteString(`</li>`)
	}
}

// textItems writes each of texts as an <li>, escaped: a list of plain
// lines such as an item's acceptance criteria.
func textItems(texts []string) template.HTML {
	n := 0
	for _, s := range texts {
		n += len(s) + len("<li></li>")
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range texts {
		writeRaw(&b, "<li>", escHTML(s), "</li>")
	}
	return template.HTML(b.String())
}

// facts writes a facts list's rows, <div><dt>label</dt><dd>value</dd></div>
// each, the label linked to its glossary entry as term links it, the
// value to its page: what the default theme's range over .Page.Facts
// wrote, in one call instead of a dozen actions a row.
func (e *Engine) facts(root string, fs []views.Fact) template.HTML {
	var b strings.Builder
	n := 0
	for _, f := range fs {
		n += len(f.Label) + len(f.Value) + len(f.Href) + 96 // with a glossary link's
	}
	b.Grow(n)
	for _, f := range fs {
		b.WriteString("<div><dt>")
		if f.Term != "" {
			e.writeTerm(&b, root, f.Term, f.Label)
		} else {
			b.WriteString(escHTML(f.Label))
		}
		b.WriteString("</dt><dd>")
		if f.URL != "" {
			writeLink(&b, f.Href, f.Value)
		} else {
			b.WriteString(escHTML(f.Value))
		}
		b.WriteString("</dd></div>")
	}
	return template.HTML(b.String())
}

// relatedTable writes the head and body of the related-pages table: a
// column for each type, headed by its title, holding the pages related
// to the page (as links writes them), then other pages of its level,
// then the link to the rest: what the default theme's two ranges over
// .Page.Related wrote, in one call instead of a dozen actions a column.
func relatedTable(cols []views.RelatedColumn) template.HTML {
	var b strings.Builder
	b.Grow(4096)
	b.WriteString("<thead><tr>")
	for _, c := range cols {
		b.WriteString(`<th scope="col">`)
		b.WriteString(escHTML(c.Title))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead><tbody><tr>")
	for _, c := range cols {
		b.WriteString(`<td data-label="`)
		b.WriteString(escHTML(c.Title))
		b.WriteString(`">`)
		if len(c.Related) > 0 {
			writeRaw(&b, `<ul class="related-direct">`, string(links(c.Related)), "</ul>")
		}
		b.WriteString("\n")
		if len(c.Others) > 0 {
			writeRaw(&b, `<ul class="related-level">`, string(links(c.Others)), "</ul>")
		}
		b.WriteString("\n")
		if c.More != nil {
			b.WriteString(`<p class="more">`)
			writeLink(&b, c.More.Href, c.More.Title)
			b.WriteString("</p>")
		}
		b.WriteString("</td>")
	}
	b.WriteString("</tr></tbody>")
	return template.HTML(b.String())
}

// writeLink writes <a href="href">text</a>, escaped as html/template
// escapes the two.
func writeLink(b *strings.Builder, href, text string) {
	b.WriteString(`<a href="`)
	b.WriteString(escHref(href))
	b.WriteString(`">`)
	b.WriteString(escHTML(text))
	b.WriteString(`</a>`)
}

// writeRaw writes open, html and close: html is HTML already.
func writeRaw(b *strings.Builder, open, html, close string) {
	b.WriteString(open)
	b.WriteString(html)
	b.WriteString(close)
}

// writeIn writes text, escaped, between open and close, and nothing when
// there is no text.
func writeIn(b *strings.Builder, open, text, close string) {
	if text != "" {
		b.WriteString(open)
		b.WriteString(escHTML(text))
		b.WriteString(close)
	}
}

// crumbs writes breadcrumbs as list items: a link for each that has a
// URL, the current page's title (marked aria-current) for the one
// without; escaped as html/template escapes.
func crumbs(ls []views.Link) template.HTML {
	var b strings.Builder
	n := 0
	for _, l := range ls {
		n += len(l.Title) + len(l.Href) + 32
	}
	b.Grow(n)
	for _, l := range ls {
		if l.URL != "" {
			b.WriteString("<li>")
			writeLink(&b, l.Href, l.Title)
			b.WriteString("</li>")
		} else {
			b.WriteString(`<li><span aria-current="page">`)
			b.WriteString(escHTML(l.Title))
			b.WriteString("</span></li>")
		}
	}
	return template.HTML(b.String())
}

// entryList writes a list of page entries as <li> items: the linked
// title, the abbreviation, a badge and the summary, each where there is
// one; escaped as html/template escapes.
func entryList(es []views.Entry) template.HTML {
	var b strings.Builder
	n := 0
	for _, e := range es {
		n += len(e.Href) + len(e.Title) + len(e.Abbr) + len(e.Badge) + len(e.Summary) + 96
	}
	b.Grow(n)
	for _, e := range es {
		b.WriteString("<li>")
		writeLink(&b, e.Href, e.Title)
		writeIn(&b, ` <abbr class="abbr">`, e.Abbr, "</abbr>")
		writeIn(&b, ` <span class="badge">`, e.Badge, "</span>")
		writeIn(&b, `<span class="summary">`, e.Summary, "</span>")
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// relations writes the rows of a page's relation box, <div class="rel">
// with the relation's label (linked to its glossary entry as relterm
// links it) and its pages as links writes them, in one call.
func (e *Engine) relations(root string, gs []views.RelationGroup) template.HTML {
	var b strings.Builder
	n := 0
	for _, g := range gs {
		n += len(g.Label) + 128
		for _, p := range g.Pages {
			n += len(p.Href) + len(p.Title) + len(p.Abbr) + 48
		}
	}
	b.Grow(n)
	for _, g := range gs {
		if g.Inverse {
			b.WriteString(`<div class="rel inverse"><dt>`)
		} else {
			b.WriteString(`<div class="rel"><dt>`)
		}
		b.WriteString(string(e.relationTerm(root, g.Name, g.Label)))
		b.WriteString("</dt><dd><ul>")
		b.WriteString(string(links(g.Pages)))
		b.WriteString("</ul></dd></div>")
	}
	return template.HTML(b.String())
}

// backlogRows writes the rows of a backlog's ranking table, with the
// line where the refinement horizon ends: what the default theme's range
// over .Rows wrote, in one call instead of some forty actions a row.
func (e *Engine) backlogRows(root string, bv *views.BacklogView) template.HTML {
	var b strings.Builder
	b.Grow(len(bv.Rows) * 900)
	for _, r := range bv.Rows {
		b.WriteString(`<tr`)
		writeFilterData(&b, r)
		if r.Done || r.Dropped {
			b.WriteString(`" class="closed`)
		}
		b.WriteString(`"><td class="num rank">`)
		b.WriteString(strconv.Itoa(r.Rank))
		if !r.Ranked {
			b.WriteString(`<span class="unranked" title="`)
			b.WriteString(e.words.unranked)
			b.WriteString(`">*</span>`)
		}
		b.WriteString(`</td><td class="key">`)
		b.WriteString(escHTML(r.Key))
		b.WriteString(`</td><td class="card-title">`)
		writeLink(&b, r.Href, r.Title)
		b.WriteString(`</td><td class="kind">`)
		b.WriteString(escHTML(r.Kind))
		b.WriteString(`</td><td class="state"><span class="status s-`)
		b.WriteString(escHTML(r.Status))
		b.WriteString(`">`)
		b.WriteString(escHTML(r.Status))
		writeRaw(&b, `</span></td><td class="num" data-label="`, e.words.value, `">`)
		b.WriteString(escHTML(r.Value))
		writeRaw(&b, `</td><td class="num" data-label="`, e.words.estimate, `">`)
		b.WriteString(escHTML(r.Estimate))
		writeRaw(&b, `</td><td class="num" data-label="`, e.words.priority, `">`)
		b.WriteString(escHTML(r.Priority))
		writeRaw(&b, `</td><td class="num forecast" data-label="`, e.words.iteration, `">`)
		b.WriteString(escHTML(r.Forecast))
		writeRaw(&b, `</td><td data-label="`, e.words.release, `">`)
		if r.ReleaseHref != "" {
			writeLink(&b, r.ReleaseHref, r.ReleaseTitle)
		}
		b.WriteString(`</td><td class="state">`)
		e.writeReadiness(&b, r)
		b.WriteString(`</td></tr>`)
		if r.Rank == bv.HorizonAfter {
			b.WriteString(`<tr class="horizon-line" aria-hidden="false"><td colspan="11">`)
			b.WriteString(strings.Replace(e.words.endOf, "{horizon}", string(e.term(root, "horizon", e.words.horizon)), 1))
			b.WriteString(` `)
			b.WriteString(escHTML(bv.HorizonText))
			b.WriteString(`</td></tr>`)
		}
	}
	return template.HTML(b.String())
}

// writeFilterData writes the attributes a backlog's filters read from a
// row or card, leaving the last one's quote open for a class to follow.
func writeFilterData(b *strings.Builder, r views.BacklogRow) {
	b.WriteString(` data-kind="`)
	b.WriteString(escHTML(r.Kind))
	b.WriteString(`" data-status="`)
	b.WriteString(escHTML(r.Status))
	b.WriteString(`" data-release="`)
	b.WriteString(escHTML(r.Release))
	b.WriteString(`" data-tag="`)
	b.WriteString(escHTML(r.TagData))
}

// boardCards writes the cards of a column of a backlog's board: one <li>
// each, with the row's data- attributes for the filters, its key, linked
// title and readiness badge, as the default theme's actions wrote them.
func (e *Engine) boardCards(cards []views.BacklogRow) template.HTML {
	var b strings.Builder
	b.Grow(len(cards) * 300)
	for _, r := range cards {
		b.WriteString(`<li`)
		writeFilterData(&b, r)
		b.WriteString(`"><span class="key">`)
		b.WriteString(escHTML(r.Key))
		b.WriteString(`</span> `)
		writeLink(&b, r.Href, r.Title)
		b.WriteString(` `)
		e.writeReadiness(&b, r)
		b.WriteString(`</li>`)
	}
	return template.HTML(b.String())
}

// writeReadiness writes a row's readiness badge as the default theme's
// "readiness" partial did before backlogRows and boardCards wrote it.
func (e *Engine) writeReadiness(b *strings.Builder, r views.BacklogRow) {
	w := &e.words
	switch {
	case r.Done || r.Dropped:
	case r.Ready:
		writeRaw(b, `<span class="badge ready">`, w.ready, `</span>`)
	case r.InHorizon:
		writeRaw(b, `<span class="badge refine" title="`, w.missing, ` `)
		b.WriteString(escHTML(r.Missing))
		writeRaw(b, `">`, w.refine, `</span>`)
	default:
		writeRaw(b, `<span class="badge coarse" title="`, w.missing, ` `)
		b.WriteString(escHTML(r.Missing))
		writeRaw(b, `">`, w.coarse, `</span>`)
	}
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
	ts := &e.templates
	select {
	case c := <-e.copies:
		ts = c
		defer func() { e.copies <- c }()
	default: // more pages at once than copies: the engine's own set
	}
	err := e.executeView(w, v, ts)
	if err == nil {
		return nil
	}
	if e.raw != nil {
		// The same error in the layouts as written gives their lines.
		if rawErr := e.executeView(io.Discard, v, e.raw); rawErr != nil {
			err = rawErr
		}
	}
	return e.templateError(generator.OutPath(v.URL), err)
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
