package site

import (
	"bytes"
	"fmt"
	"html/template"
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
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// Live is a site kept in memory for the development server. Open builds
// it once; Update applies changed source files; File renders a file of
// the site when it is asked for and keeps it until a change affects it.
// What File returns is byte for byte what Build writes for the same
// sources and options.
//
// Updates come in two kinds. An edit to the body of an existing page,
// with its front matter unchanged, renders that body again and updates
// the backlinks and #heading checks it touches: the other pages, the
// graph and the backlogs stay as they are, so it takes milliseconds at
// any size. Every other change (front matter, a new, renamed or deleted
// file, site.toml, the theme) loads the whole site again.
//
// When a change brings errors, Live keeps serving the last good site and
// Update reports the errors; the next good change replaces both.
type Live struct {
	opts Options

	mu    sync.RWMutex // guards st: File reads under RLock, Update swaps or edits under Lock
	st    *liveState
	cache sync.Map // path → []byte, the files rendered since the last change that affected them

	flightMu sync.Mutex
	inflight map[string]*rendering // files being rendered, so that two requests for one render it once
}

// rendering is one file being rendered; done is closed when data is set.
// A view is rendered by one goroutine at a time: rendering fills in its
// links.
type rendering struct {
	done chan struct{}
	data []byte
}

// liveState is one good build in memory.
type liveState struct {
	l       *loaded
	outs    map[string]render.Output // by path
	byFile  map[string]*generator.Page
	diags   generator.Diagnostics // all of the build's, warnings included
	search  map[string][]byte     // the search index files, made on first request
	searchM sync.Mutex
	mini    *minifier // nil when the site is not minified
}

// Change says what an Update did.
type Change struct {
	All      bool                  // everything may have changed: every open page reloads
	Paths    []string              // else the site paths of files whose content changed ("roles/cpo/index.html")
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
	st, err := lv.load(res)
	if err != nil {
		return nil, res, err
	}
	lv.st = st
	return lv, res, nil
}

// load builds a new state from the sources, as Build does.
func (lv *Live) load(res *Result) (*liveState, error) {
	opts := lv.opts
	opts.Check = false
	b, err := load(opts, res)
	if b != nil && err != nil {
		err = planDespiteErrors(res, b) // as Build: the output paths' errors too
	}
	if err != nil {
		return nil, err
	}
	st := &liveState{l: b, outs: map[string]render.Output{}, byFile: map[string]*generator.Page{}, diags: res.Diags}
	for _, o := range b.engine.Plan(b.model) {
		st.outs[o.Path] = o
	}
	for _, o := range b.bodies.rb.files.outputs() {
		st.outs[o.Path] = o
	}
	if d := checkPaths(mapValues(st.outs)); len(d) > 0 {
		res.Diags = append(res.Diags, d...).Sort()
		return nil, fmt.Errorf("%w: %s", ErrContent, generator.Count(res.Diags.Count(generator.Error), "error"))
	}
	for _, p := range b.model.Pages {
		st.byFile[p.File] = p
	}
	if b.cfg.Build.Minify {
		st.mini = newMinify()
	}
	return st, nil
}

// File returns the bytes of the site file at slash path name, rendered
// and minified as Build writes it, or ok false.
func (lv *Live) File(name string) ([]byte, bool) {
	if data, ok := lv.cache.Load(name); ok {
		return data.([]byte), true
	}
	lv.mu.RLock()
	defer lv.mu.RUnlock()
	st := lv.st
	if strings.HasPrefix(name, "search/") && name != "search/index.html" {
		data, ok := st.searchFile(name)
		return data, ok
	}
	o, ok := st.outs[name]
	if !ok {
		return nil, false
	}
	return lv.renderOnce(st, o), true
}

// renderOnce renders o and caches it, or waits for the goroutine that is
// rendering it already. The caller holds lv.mu for reading, so st stays
// the current state until it returns.
func (lv *Live) renderOnce(st *liveState, o render.Output) []byte {
	lv.flightMu.Lock()
	if r, ok := lv.inflight[o.Path]; ok {
		lv.flightMu.Unlock()
		<-r.done
		return r.data
	}
	if lv.inflight == nil {
		lv.inflight = map[string]*rendering{}
	}
	r := &rendering{done: make(chan struct{})}
	lv.inflight[o.Path] = r
	lv.flightMu.Unlock()

	data, err := st.render(o)
	if err != nil {
		data = []byte(err.Error())
	} else {
		lv.cache.Store(o.Path, data)
	}
	r.data = data
	close(r.done)
	lv.flightMu.Lock()
	delete(lv.inflight, o.Path)
	lv.flightMu.Unlock()
	return data
}

func (st *liveState) render(o render.Output) ([]byte, error) {
	var raw, out bytes.Buffer
	if err := o.Write(&raw); err != nil {
		return nil, fmt.Errorf("render %s (from %s): %w", o.Path, o.Source, err)
	}
	ext := path.Ext(o.Path)
	if o.Packed || o.Minified {
		ext = ""
	}
	if err := st.mini.minify(&out, &raw, ext); err != nil {
		return nil, fmt.Errorf("minify %s (from %s): %w", o.Path, o.Source, err)
	}
	return out.Bytes(), nil
}

// searchFile builds the search index on first use after a change.
func (st *liveState) searchFile(name string) ([]byte, bool) {
	st.searchM.Lock()
	defer st.searchM.Unlock()
	if st.search == nil {
		st.search = map[string][]byte{}
		for _, o := range searchOutputs(st.l.cfg, st.l.model, st.l.bodies.rb.texts) {
			var b bytes.Buffer
			if err := o.Write(&b); err == nil {
				st.search[o.Path] = b.Bytes()
			}
		}
	}
	data, ok := st.search[name]
	return data, ok
}

// Paths lists every file of the site, search index included, sorted.
func (lv *Live) Paths() []string {
	lv.mu.RLock()
	defer lv.mu.RUnlock()
	var out []string
	for p := range lv.st.outs {
		out = append(out, p)
	}
	lv.st.searchFile("")
	for p := range lv.st.search {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// BasePath is the path of the site's baseURL: "/", or "/wiki/" for
// "https://example.org/wiki/". The server serves the site under it, as it
// will be published; a change to it takes a restart of the server.
func (lv *Live) BasePath() string {
	lv.mu.RLock()
	defer lv.mu.RUnlock()
	return generator.BasePath(lv.st.l.cfg.BaseURL)
}

// Diagnostics returns the problems of the site being served.
func (lv *Live) Diagnostics() generator.Diagnostics {
	lv.mu.RLock()
	defer lv.mu.RUnlock()
	return lv.st.diags
}

// Update applies the changed source files (paths relative to the site's
// folder or absolute; files that no longer exist count as deleted).
func (lv *Live) Update(changed []string) Change {
	start := time.Now()
	rel := lv.relative(changed)
	var ch Change
	if p, body, ok := lv.bodyOnly(rel); ok {
		ch = lv.updateBody(p, body)
	} else {
		ch = lv.reload(rel)
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

// bodyOnly reports whether the change is one existing page whose front
// matter is unchanged, and returns the page and its new body.
func (lv *Live) bodyOnly(rel []string) (*generator.Page, []byte, bool) {
	if len(rel) != 1 || !strings.HasPrefix(rel[0], "content/") || path.Base(rel[0]) == "_index.md" {
		return nil, nil, false
	}
	lv.mu.RLock()
	old := lv.st.byFile[rel[0]]
	lv.mu.RUnlock()
	if old == nil {
		return nil, nil, false
	}
	root, err := os.OpenRoot(filepath.Join(lv.opts.Source, "content"))
	if err != nil {
		return nil, nil, false
	}
	defer root.Close()
	lv.mu.RLock()
	cfg := lv.st.l.cfg
	lv.mu.RUnlock()
	p, intro, diags := content.LoadFile(root.FS(), strings.TrimPrefix(rel[0], "content/"),
		content.Options{Prefix: "content", Levels: cfg.Levels, Types: cfg.TypeOrder})
	if p == nil || intro || len(diags) > 0 || p.Draft != old.Draft {
		return nil, nil, false // let a full load report it
	}
	body := p.Body
	p.Body, p.BodyLine = nil, old.BodyLine
	if p.BodyLine != old.BodyLine || !reflect.DeepEqual(p, old) {
		return nil, nil, false
	}
	return old, body, true
}

// updateBody renders one page's new body and updates what depends on it:
// the backlinks of the pages it links to now or linked to before, and the
// checks of links to #headings.
func (lv *Live) updateBody(p *generator.Page, body []byte) Change {
	lv.mu.Lock()
	defer lv.mu.Unlock()
	st := lv.st
	mb := st.l.bodies
	r := mb.md.Render(markdown.Source{Body: body, File: p.File, Path: p.Path, BodyLine: p.BodyLine, Title: p.Title},
		resolver{mb.ix, generator.RootOf(p.URL), mb.rb.files, mb.rb.base})
	newBody := &views.Body{HTML: template.HTML(r.HTML), Headings: r.Headings, Lead: r.Lead}
	links, bodies := maps.Clone(mb.rb.links), maps.Clone(mb.rb.bodies)
	links[p], bodies[p] = r.Links, newBody
	frag := fragmentDiags(mb.rb.all, links, bodies, st.l.model.Pages)
	if r.Diags.HasErrors() || frag.HasErrors() {
		diags := lv.withoutFragments(p, mb.rb.fragDiags)
		diags = append(append(diags, r.Diags...), frag...).Sort()
		return Change{Diags: diags, Err: fmt.Errorf("%w: %s", ErrContent, generator.Count(diags.Count(generator.Error), "error"))}
	}
	base := lv.withoutFragments(p, mb.rb.fragDiags) // before p's old body diagnostics are replaced
	m := st.l.model
	affected := map[string]bool{generator.OutPath(p.URL): true}
	if p.Type == generator.TypeRelease {
		affected["releases.xml"] = true // the feed carries a release's notes
	}
	before := linkTargets(mb.rb.links[p])
	after := linkTargets(r.Links)
	for id := range before {
		if !after[id] {
			if t := mb.rb.byID(m.Pages, id); t != nil && t != p {
				m.Backlinks[t] = slices.DeleteFunc(slices.Clone(m.Backlinks[t]), func(q *generator.Page) bool { return q == p })
				if len(m.Backlinks[t]) == 0 {
					delete(m.Backlinks, t)
				}
				affected[generator.OutPath(t.URL)] = true
			}
		}
	}
	for id := range after {
		if !before[id] {
			if t := mb.rb.byID(m.Pages, id); t != nil && t != p {
				bl := append(slices.Clone(m.Backlinks[t]), p)
				sortByTitle(bl)
				m.Backlinks[t] = bl
				affected[generator.OutPath(t.URL)] = true
			}
		}
	}
	m.Bodies[p] = newBody
	mb.rb.bodies[p] = newBody
	mb.rb.texts[p] = r.Text
	mb.rb.links[p] = r.Links
	if len(r.Diags) > 0 {
		mb.rb.mdDiags[p] = r.Diags
	} else {
		delete(mb.rb.mdDiags, p)
	}
	mb.rb.fragDiags = frag
	st.diags = append(base, r.Diags...)
	st.diags = append(st.diags, mb.rb.fragDiags...).Sort()
	st.search = nil
	for path := range affected {
		lv.cache.Delete(path)
	}
	lv.dropSearchCache()
	return Change{Paths: slices.Sorted(mapKeysBool(affected)), Diags: st.diags}
}

// withoutFragments is the current diagnostics without p's body's and
// without the #heading checks, which are made again.
func (lv *Live) withoutFragments(p *generator.Page, frag generator.Diagnostics) generator.Diagnostics {
	md := lv.st.l.bodies.rb.mdDiags[p]
	return slices.DeleteFunc(slices.Clone(lv.st.diags), func(d generator.Diagnostic) bool {
		return slices.Contains(md, d) || slices.Contains(frag, d)
	})
}

// reload loads the whole site again.
func (lv *Live) reload(rel []string) Change {
	res := &Result{ByType: map[string]int{}}
	st, err := lv.load(res)
	if err != nil {
		return Change{Diags: res.Diags, Err: err}
	}
	lv.mu.Lock()
	old := lv.st
	lv.st = st
	lv.cache.Clear()
	lv.mu.Unlock()
	ch := Change{All: true, Diags: st.diags}
	if cssOnly(rel) {
		if pairs := renamed(old.outs, st.outs, "css/"); len(pairs) > 0 {
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

func (lv *Live) dropSearchCache() {
	lv.cache.Range(func(k, _ any) bool {
		if s := k.(string); strings.HasPrefix(s, "search/") {
			lv.cache.Delete(k)
		}
		return true
	})
}

func linkTargets(links []markdown.Link) map[string]bool {
	out := map[string]bool{}
	for _, l := range links {
		out[l.Target] = true
	}
	return out
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func mapKeysBool(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
