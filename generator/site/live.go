package site

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/render"
)

// Live is a site kept in memory for the development server. Open builds
// it once; Update applies changed source files; File renders a file of
// the site when it is asked for and keeps it until the next change.
// What File returns is byte for byte what Build writes for the same
// sources and options.
//
// An edit to existing pages (their bodies, their front matter, or both)
// loads those files again, renders again the bodies whose Markdown
// changed (a front-matter edit renders none) and derives the
// model again from the pages in memory: relations and their inverses,
// backlogs, releases and the plan of the site's files. Other pages'
// bodies are kept, and the backlinks and #heading checks are updated for
// the links the edited bodies lost and gained; it takes tens of
// milliseconds at 10,000 pages. A change that renames a page (its title, id, aliases,
// abbreviation or item key), publishes or hides one (draft), touches a
// folder's _index.md introduction, or any other file (a new, renamed or
// deleted page, site.toml, the theme, static files) loads the whole site
// again.
//
// When a change brings errors, Live keeps serving the last good site and
// Update reports the errors, as a build would; the files of that change
// are read again with the next one.
type Live struct {
	opts Options

	mu sync.Mutex // guards everything below: rendering, like updating, is done under it

	l       *loaded                    // the last good site
	outs    map[string]render.Output   // by path
	byFile  map[string]*generator.Page // the published pages by their file ("content/roles/cpo.md")
	diags   generator.Diagnostics      // all of the site's, warnings included
	mini    *minifier                  // nil when the site is not minified
	cache   map[string][]byte          // the files rendered since the last change
	search  map[string][]byte          // the search index files, made on first request after a change
	pending []string                   // the files of changes refused for errors, read again with the next
}

// Change says what an Update did.
type Change struct {
	All      bool                  // everything may have changed: every open page reloads
	Paths    []string              // else the site paths of the pages whose content changed ("roles/cpo/index.html"); other files (feeds, the search index) are rendered again when asked for
	CSS      [][2]string           // stylesheets renamed by a CSS-only change: old and new path
	Diags    generator.Diagnostics // the sources' problems after the change, warnings included
	Err      error                 // not nil when the change was not applied (errors in the sources, or worse)
	Duration time.Duration
}

// OpenLive builds the site at opts.Source in memory. opts.Dest and
// opts.Check are ignored.
func OpenLive(opts Options) (*Live, *Result, error) {
	lv := &Live{opts: opts}
	res := &Result{ByType: map[string]int{}}
	b, outs, err := lv.load(res)
	if err != nil {
		return nil, res, err
	}
	lv.use(b, outs, res.Diags)
	return lv, res, nil
}

// load builds the site from the sources, as Build does.
func (lv *Live) load(res *Result) (*loaded, map[string]render.Output, error) {
	opts := lv.opts
	opts.Check = false
	b, err := load(context.Background(), opts, res)
	if b != nil && err != nil {
		err = planDespiteErrors(res, b) // as Build: the output paths' errors too
	}
	if err != nil {
		return nil, nil, err
	}
	outs, err := lv.plan(b, res)
	if err != nil {
		return nil, nil, err
	}
	return b, outs, nil
}

// plan lists the files of b's site by path, or reports the output paths
// that collide or cannot be written in res and returns an error.
func (lv *Live) plan(b *loaded, res *Result) (map[string]render.Output, error) {
	list := b.engine.Plan(b.model)
	for _, lang := range b.langs {
		list = append(list, lang.engine.Plan(lang.model)...)
	}
	list = append(append(list, b.files.outputs()...), rootRedirect(b.cfg)...)
	knownURLs(b.langv, list)
	if d := checkPaths(list); len(d) > 0 {
		res.Diags = append(res.Diags, d...).Sort()
		return nil, contentError(res.Diags)
	}
	outs := make(map[string]render.Output, len(list))
	for _, o := range list {
		outs[o.Path] = o
	}
	return outs, nil
}

// use makes b the site served, with its files and diagnostics, and drops
// every file rendered before. The caller holds lv.mu, or is OpenLive.
func (lv *Live) use(b *loaded, outs map[string]render.Output, diags generator.Diagnostics) {
	lv.l, lv.outs, lv.diags = b, outs, diags
	lv.byFile = make(map[string]*generator.Page, len(b.model.Pages))
	for _, p := range b.model.Pages {
		lv.byFile[p.File] = p
	}
	lv.mini = nil
	if b.cfg.Build.Minify {
		lv.mini = newMinify()
	}
	lv.cache, lv.search, lv.pending = map[string][]byte{}, nil, nil
}

// File returns the bytes of the site file at slash path name, rendered
// and minified as Build writes it, or ok false.
func (lv *Live) File(name string) ([]byte, bool) {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	if data, ok := lv.cache[name]; ok {
		return data, true
	}
	if lv.isSearchFile(name) {
		data, ok := lv.searchFiles()[name]
		return data, ok
	}
	o, ok := lv.outs[name]
	if !ok {
		return nil, false
	}
	data, err := lv.render(o)
	if err != nil {
		return []byte(err.Error()), true
	}
	lv.cache[name] = data
	return data, true
}

func (lv *Live) render(o render.Output) ([]byte, error) {
	var raw, out bytes.Buffer
	if err := o.Write(&raw); err != nil {
		return nil, fmt.Errorf("render %s (from %s): %w", o.Path, o.Source, err)
	}
	ext := path.Ext(o.Path)
	if o.Packed || o.Minified {
		ext = ""
	}
	if err := lv.mini.minify(&out, &raw, ext); err != nil {
		return nil, fmt.Errorf("minify %s (from %s): %w", o.Path, o.Source, err)
	}
	return out.Bytes(), nil
}

// isSearchFile reports whether the file at name is one of a search
// index's, of any language, which searchFiles makes.
func (lv *Live) isSearchFile(name string) bool {
	for _, l := range lv.l.langv {
		if rest, ok := strings.CutPrefix(name, l.Prefix); ok && l.Prefix != "" {
			name = rest
			break
		}
	}
	return strings.HasPrefix(name, "search/") && name != "search/index.html"
}

// searchFiles builds the search indexes on first use after a change.
func (lv *Live) searchFiles() map[string][]byte {
	if lv.search == nil {
		lv.search = map[string][]byte{}
		outs := searchOutputs(lv.l.cfg, lv.l.cfg.DefaultLanguage, defaultPrefix(lv.l.cfg), lv.l.model, lv.l.bodies.texts, lv.l.strs[lv.l.cfg.Language])
		for _, lang := range lv.l.langs {
			outs = append(outs, searchOutputs(lv.l.cfg, lang.code, lang.prefix, lang.model, lang.bodies.texts, lv.l.strs[lang.code])...)
		}
		for _, o := range outs {
			var b bytes.Buffer
			if err := o.Write(&b); err == nil {
				lv.search[o.Path] = b.Bytes()
			}
		}
	}
	return lv.search
}

// Paths lists every file of the site, search index included, sorted.
func (lv *Live) Paths() []string {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	out := slices.Collect(maps.Keys(lv.outs))
	out = slices.AppendSeq(out, maps.Keys(lv.searchFiles()))
	slices.Sort(out)
	return out
}

// BasePath is the path of the site's baseURL: "/", or "/wiki/" for
// "https://example.org/wiki/". The server serves the site under it, as it
// will be published; a change to it takes a restart of the server.
func (lv *Live) BasePath() string {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	return generator.BasePath(lv.l.cfg.BaseURL)
}

// Diagnostics returns the problems of the site being served.
func (lv *Live) Diagnostics() generator.Diagnostics {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	return lv.diags
}

// Update applies the changed source files (paths relative to the site's
// folder or absolute; files that no longer exist count as deleted; none:
// unknown, everything is loaded again). Pages asked for meanwhile wait
// for it.
func (lv *Live) Update(changed []string) Change {
	start := time.Now()
	lv.mu.Lock()
	defer lv.mu.Unlock()
	rel := lv.relative(changed)
	ch, ok := Change{}, false
	if len(rel) > 0 {
		rel = union(rel, lv.pending)
		ch, ok = lv.edit(rel)
	}
	if !ok {
		ch = lv.reload(rel)
	}
	if ch.Err != nil {
		if len(rel) == 0 {
			rel = []string{"."} // unknown files: the next change loads everything again too
		}
		lv.pending = union(rel, lv.pending)
	}
	ch.Duration = time.Since(start)
	return ch
}

// relative turns paths into slash paths relative to the site's folder.
func (lv *Live) relative(paths []string) []string {
	root, _ := filepath.Abs(lv.opts.Source)
	var out []string
	for _, p := range paths {
		if filepath.IsAbs(p) {
			if r, err := filepath.Rel(root, p); err == nil {
				p = r
			}
		}
		out = append(out, filepath.ToSlash(filepath.Clean(p)))
	}
	return out
}

// edit applies a change to published pages, each loaded again, without
// loading the whole site. It reports false, having changed nothing, when
// the change is of another kind, or renames a page, or has errors: a full
// load reports those as a build does.
//
// The pages served are updated in place, so that the index of names, the
// other pages' relations and backlinks and their bodies, which point to
// them, stay valid; on errors they are put back as they were.
func (lv *Live) edit(rel []string) (Change, bool) {
	if len(lv.l.langs) > 0 {
		// A multilingual site's languages share its pages' structure:
		// it is loaded again whole.
		return Change{}, false
	}
	ed, ok := lv.reread(rel)
	if !ok {
		return Change{}, false
	}
	before := make([]generator.Page, len(ed.pages))
	var rerender []*generator.Page // the pages whose body is not the one rendered
	for i, p := range ed.pages {
		before[i] = *p
		same := lv.l.bodies.unchanged(p, ed.loaded[i])
		if sameFrontMatter(p, ed.loaded[i]) {
			p.Body = ed.loaded[i].Body // the relations and backlogs know its references by pointer
		} else {
			*p = *ed.loaded[i]
		}
		if same {
			p.Body = nil // a front-matter edit: the body rendered is still true
		} else {
			rerender = append(rerender, p)
		}
	}
	b := *lv.l
	// The bodies need only the index of names: they are rendered while
	// the relations and backlogs are derived.
	var wg sync.WaitGroup
	if len(rerender) > 0 {
		wg.Go(func() { b.bodies, b.diags.bodies = lv.l.bodies.Update(lv.l.graph.Index, rerender) })
	}
	if ed.frontMatter {
		b.derive(b.graph.Update(ed.pages, before))
		// The history was read when the server started; an edit keeps
		// it (docs/history.md).
		b.model.History = lv.l.model.History
		b.model.Forecasts = forecastsOf(b.cfg, b.model, b.now, lv.l.model.Forecasts)
		forecastRisks(b.model.Backlogs, b.model.Forecasts)
	}
	wg.Wait()
	b.diags.content = ed.contentDiags(b.diags.content)
	outs, err := lv.outs, error(nil)
	if ed.frontMatter {
		withBodies(b.model, b.bodies)
		outs, err = lv.replan(&b)
	}
	if err != nil || b.diags.model.HasErrors() || b.diags.bodies.HasErrors() {
		for i, p := range ed.pages {
			*p = before[i]
		}
		return Change{}, false
	}
	ch := Change{All: ed.frontMatter}
	if !ed.frontMatter {
		// The files planned read the model's bodies and backlinks when
		// they are written: the model takes the new ones, and the plan stays.
		withBodies(b.model, b.bodies)
		ch.Paths = affected(lv.l.bodies, b.bodies, ed.pages)
	}
	lv.use(&b, outs, b.diags.all())
	return ch, true
}

// replan lists the files of b's site, which has the same pages as the
// one served. When it has the same paths, they were checked already.
func (lv *Live) replan(b *loaded) (map[string]render.Output, error) {
	list := append(b.engine.Plan(b.model), b.files.outputs()...)
	outs := make(map[string]render.Output, len(list))
	for _, o := range list {
		outs[o.Path] = o
	}
	same := len(outs) == len(list) && len(outs) == len(lv.outs)
	for p := range outs {
		if _, ok := lv.outs[p]; !ok {
			same = false
			break
		}
	}
	if same {
		return outs, nil
	}
	if d := checkPaths(list); len(d) > 0 {
		return nil, contentError(d)
	}
	return outs, nil
}

// pageEdit is a change to published pages, each loaded again.
type pageEdit struct {
	pages       []*generator.Page     // the pages served
	loaded      []*generator.Page     // each loaded again, with its body
	frontMatter bool                  // some page's front matter changed
	files       []string              // their files
	diags       generator.Diagnostics // what loading them found
}

// reread loads the changed files again and reports whether the change is
// one edit can apply: every file a published page, loaded without errors
// and keeping its names, and no folder's introduction.
func (lv *Live) reread(rel []string) (*pageEdit, bool) {
	root, err := os.OpenRoot(filepath.Join(lv.opts.Source, "content"))
	if err != nil {
		return nil, false
	}
	defer root.Close()
	ed := &pageEdit{files: rel}
	for _, file := range rel {
		old := lv.byFile[file]
		if old == nil {
			return nil, false
		}
		p, intro, diags := content.LoadFile(root.FS(), strings.TrimPrefix(file, "content/"), contentOptions(lv.l.cfg))
		if p == nil || intro || diags.HasErrors() || !sameNames(old, p) {
			return nil, false
		}
		p.Translations = old.Translations // files of their own, which did not change
		ed.diags.Append(diags)
		ed.pages, ed.loaded = append(ed.pages, old), append(ed.loaded, p)
		ed.frontMatter = ed.frontMatter || !sameFrontMatter(old, p)
	}
	return ed, true
}

// sameNames reports whether the page loaded again keeps what other pages,
// their bodies and the site's lists know it by: its file, id and type,
// every name a link may use, and whether it is published.
func sameNames(old, p *generator.Page) bool {
	key := func(p *generator.Page) string {
		if p.Item == nil {
			return ""
		}
		return p.Item.Key
	}
	aliases := func(p *generator.Page) []string {
		var out []string
		for _, a := range p.Aliases {
			out = append(out, a.Name)
		}
		return out
	}
	return old.File == p.File && old.ID == p.ID && old.Type == p.Type && old.Section == p.Section &&
		old.URL == p.URL && old.Title == p.Title && old.Abbr == p.Abbr && old.Draft == p.Draft &&
		key(old) == key(p) && slices.Equal(aliases(old), aliases(p))
}

// sameFrontMatter reports whether the page loaded again differs from the
// one served in its body alone.
func sameFrontMatter(old, p *generator.Page) bool {
	q := *p
	q.Body = nil
	return reflect.DeepEqual(&q, old)
}

// contentDiags are the content's diagnostics with those of the files
// loaded again replaced.
func (ed *pageEdit) contentDiags(before generator.Diagnostics) generator.Diagnostics {
	out := slices.DeleteFunc(slices.Clone(before), func(d generator.Diagnostic) bool {
		return slices.Contains(ed.files, d.Pos.File)
	})
	return append(out, ed.diags...)
}

// affected are the files a body edit changes: the pages edited, and those
// whose backlinks gained or lost one of them.
func affected(before, after *renderedBodies, changed []*generator.Page) []string {
	out := map[string]bool{}
	for _, p := range changed {
		out[generator.OutPath(p.URL)] = true
		was, is := before.linked[p], after.linked[p]
		for _, t := range was {
			if !slices.Contains(is, t) {
				out[generator.OutPath(t.URL)] = true
			}
		}
		for _, t := range is {
			if !slices.Contains(was, t) {
				out[generator.OutPath(t.URL)] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(out))
}

// reload loads the whole site again.
func (lv *Live) reload(rel []string) Change {
	res := &Result{ByType: map[string]int{}}
	b, outs, err := lv.load(res)
	if err != nil {
		return Change{Diags: res.Diags, Err: err}
	}
	before := lv.outs
	lv.use(b, outs, res.Diags)
	ch := Change{All: true, Diags: lv.diags}
	if cssOnly(rel) {
		if pairs := renamed(before, outs, "css/"); len(pairs) > 0 {
			ch.All, ch.CSS = false, pairs
		}
	}
	return ch
}

// cssOnly reports whether every changed file is a stylesheet of a theme.
func cssOnly(rel []string) bool {
	for _, p := range rel {
		if !strings.HasPrefix(p, "themes/") || path.Ext(p) != ".css" {
			return false
		}
	}
	return len(rel) > 0
}

// renamed pairs the files under dir that only one of two plans has:
// "css/style.aaa.css" → "css/style.bbb.css".
func renamed(before, after map[string]render.Output, dir string) [][2]string {
	var gone, added []string
	for p := range before {
		if _, ok := after[p]; !ok && strings.HasPrefix(p, dir) {
			gone = append(gone, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && strings.HasPrefix(p, dir) {
			added = append(added, p)
		}
	}
	slices.Sort(gone)
	slices.Sort(added)
	var out [][2]string
	for _, g := range gone {
		stem := assetStem(g)
		for _, a := range added {
			if assetStem(a) == stem {
				out = append(out, [2]string{g, a})
			}
		}
	}
	return out
}

// assetStem drops the content hash: css/style.1a2b3c4d.css → css/style.css.
func assetStem(p string) string {
	ext := path.Ext(p)
	base := strings.TrimSuffix(p, ext)
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	return base + ext
}

// union is a with the paths of b it lacks.
func union(a, b []string) []string {
	for _, p := range b {
		if !slices.Contains(a, p) {
			a = append(a, p)
		}
	}
	return a
}
