package render

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/backlight-wiki/backlight/generator"
)

// Plan lists every file of the site. Nothing is rendered yet: each
// Output's Write does its page's work, so the caller can run them in
// parallel and stream them to disk. Plan changes neither the engine nor
// the model: what it derives from the model (the navigation, the feed,
// the index of pages) it keeps in values of its own, so that it may run
// again, or at the same time, on the same engine.
func (e *Engine) Plan(m *Model) []Output {
	return e.newPlan(m).outputs()
}

// plan is one call of Plan: the engine, the site as the model completes
// it, the model's index and the cache of the partials its pages share.
type plan struct {
	*Engine
	site     *SiteInfo // a copy of the engine's, with the model's navigation and feed
	m        *index
	partials sync.Map
}

// index is a model with the lookups its views need.
type index struct {
	*Model
	baseURL     string                       // for absolute URLs in exports
	levels      []string                     // lowest first
	byID        map[string]*generator.Page   // published pages by id
	byLevelType map[string][]*generator.Page // "level\x00type" → pages, sorted
}

func (e *Engine) newPlan(m *Model) *plan {
	site := *e.info
	pl := &plan{Engine: e, site: &site, m: newIndex(m, site.BaseURL, site.Levels)}
	site.Nav = pl.nav(pl.m)
	if m.Backlogs != nil && len(m.Backlogs.Releases) > 0 {
		site.Feed = "/releases.xml"
	}
	return pl
}

func newIndex(m *Model, baseURL string, levels []string) *index {
	ix := &index{Model: m, baseURL: baseURL, levels: levels,
		byID: make(map[string]*generator.Page, len(m.Pages)), byLevelType: map[string][]*generator.Page{}}
	for _, p := range m.Pages {
		ix.byID[p.ID] = p
		if p.Level != "" {
			k := p.Level + "\x00" + p.Type
			ix.byLevelType[k] = append(ix.byLevelType[k], p)
		}
	}
	for _, ps := range ix.byLevelType {
		sortPages(ps)
	}
	return ix
}

func (e *plan) outputs() []Output {
	m := e.m
	var outs []Output
	add := func(v *View, source string, pos generator.Pos) {
		e.complete(v)
		outs = append(outs, Output{Path: generator.OutPath(v.URL), Source: source, Pos: pos, Kind: viewKind(v), Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, v) }})
	}
	// addLazy plans a list page whose view is made only when it is
	// written: level pages hold matrices and graphs of hundreds of pages.
	addLazy := func(kind, url, source string, view func() *View) {
		outs = append(outs, Output{Path: generator.OutPath(url), Source: source, Kind: "list " + kind, Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, e.complete(view())) }})
	}
	// A page's view is made when its file is written, not before, so that
	// views of thousands of pages are never all in memory at once.
	addPage := func(p *generator.Page) {
		outs = append(outs, Output{Path: generator.OutPath(p.URL), Source: p.File, Pos: generator.Pos{File: p.File}, Kind: "page " + p.Type, Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, e.complete(e.pageView(m, p))) }})
	}
	for _, p := range m.Pages {
		addPage(p)
		for _, a := range p.Aliases {
			add(e.redirectView(p, a.Name), fmt.Sprintf("the alias %q of %s", a.Name, p.File), a.Pos)
		}
	}
	add(e.homeView(m), "the home page", generator.Pos{})
	if e.site.Feed != "" && m.byURL("/roadmap/") == nil {
		r := e.view("redirect", "/roadmap/", "Roadmap")
		r.Target = generator.TypeURL(generator.TypeRelease)
		r.Canonical = generator.AbsURL(e.site.BaseURL, r.Target)
		add(r, "the roadmap's short address", generator.Pos{})
	}
	for _, v := range e.typeViews(m) {
		for _, pv := range e.paginate(v, e.site.Limits.ListPage, e.site.Limits.TreeNodes) {
			add(pv, "the list of "+strings.ToLower(pv.Title), generator.Pos{})
		}
	}
	e.addLevelViews(m, addLazy)
	for _, v := range e.tagViews(m) {
		for _, pv := range e.paginate(v, e.site.Limits.ListPage, e.site.Limits.TreeNodes) {
			add(pv, "the tag list "+pv.Title, generator.Pos{})
		}
	}
	sv := e.view("search", "/search/", "Search")
	sv.Breadcrumbs = linked(sv.Root, Link{Title: "Home", URL: "/"}, Link{Title: "Search"})
	add(sv, "the search page", generator.Pos{})
	if len(e.site.Glossary) > 0 {
		add(e.glossaryView(), "the glossary page", generator.Pos{})
	}
	nf := e.viewAt("404", "/404.html", "Page not found", generator.BasePath(e.site.BaseURL)) // served at any depth, so links must be absolute
	e.complete(nf)
	outs = append(outs, Output{Path: "404.html", Source: "the 404 page", Kind: "404", Minified: e.Minified(), Write: func(w io.Writer) error { return e.execute(w, nf) }})
	outs = append(outs, e.icons(m.Model)...)
	outs = append(outs, e.dataOutputs(m)...)
	outs = append(outs, e.backlogExports(m)...)
	outs = append(outs, e.releaseFeeds(m)...)
	for _, name := range slices.Sorted(maps.Keys(e.assets)) {
		a := e.assets[name]
		outs = append(outs, Output{Path: a.out, Source: "the theme's static/" + name, Write: func(w io.Writer) error {
			_, err := w.Write(a.data)
			return err
		}})
	}
	return outs
}

// viewKind is an Output's Kind for a view made when planning: its layout,
// and for a list its URL (each type's list shows other things), tag lists
// being one kind.
func viewKind(v *View) string {
	switch {
	case v.Kind != "list":
		return v.Kind
	case strings.HasPrefix(v.URL, "/tags/") && v.URL != "/tags/":
		return "list /tags/*/"
	}
	return "list " + v.URL
}

// view starts the view of the page at site URL u.
func (e *plan) view(kind, u, title string) *View {
	return e.viewAt(kind, u, title, generator.RootOf(u))
}

// viewAt starts a view whose links climb to the site root by root.
func (e *plan) viewAt(kind, u, title, root string) *View {
	v := &View{Site: e.site, Kind: kind, URL: u, Root: root, Title: title, partials: &e.partials}
	v.Canonical = generator.AbsURL(e.site.BaseURL, u)
	v.Nav, v.NavKey = e.navItems(u, root)
	return v
}

// navItems is the site navigation as the page at u shows it, and the key
// of the header's cache that names what it depends on: the root and the
// current section.
func (e *plan) navItems(u, root string) ([]NavItem, string) {
	nav := make([]NavItem, len(e.site.Nav))
	key := root
	for i, n := range e.site.Nav {
		nav[i] = NavItem{Title: n.Title, Href: generator.Rel(root, n.URL)}
		switch {
		case u == n.URL:
			nav[i].Current = "page"
		case strings.HasPrefix(u, n.URL):
			nav[i].Current = "true"
		}
		if nav[i].Current != "" {
			key += " " + strconv.Itoa(i) + nav[i].Current
		}
	}
	return nav, key
}

// complete gives a view made whole what its layout reads beside it: the
// meta description and the style sheets.
func (e *plan) complete(v *View) *View {
	if v.Kind != "redirect" {
		v.Description = e.describe(v)
		v.Sheets = sheets(v)
	}
	return v
}

// nav lists the type pages that have at least one page, in type order.
func (e *plan) nav(m *index) []Link {
	count := map[string]int{}
	for _, p := range m.Pages {
		count[p.Type]++
	}
	var nav []Link
	for _, t := range e.site.Types {
		if count[t.Name] > 0 && t.Name != generator.TypeItem {
			title := t.Plural
			if t.Name == generator.TypeRelease && m.Backlogs != nil {
				title = "Roadmap" // the releases list is the roadmap
			}
			nav = append(nav, Link{Title: title, URL: generator.TypeURL(t.Name)})
		}
	}
	return nav
}

func (e *plan) typeInfo(name string) TypeInfo {
	for _, t := range e.site.Types {
		if t.Name == name {
			return t
		}
	}
	return TypeInfo{Name: name, Label: name, Plural: generator.Plural(name)}
}

// byType groups pages by type in type order, each group sorted, for the
// page at root.
func (e *plan) byType(root string, ps []*generator.Page) []Group {
	var groups []Group
	for _, t := range e.site.Types {
		var in []*generator.Page
		for _, p := range ps {
			if p.Type == t.Name {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			continue
		}
		sortPages(in)
		groups = append(groups, Group{ID: t.Name, Title: t.Plural, URL: generator.TypeURL(t.Name), Entries: entries(root, in)})
	}
	return groups
}

// byLevel groups pages by level in the site's order, for the page at
// root; pages without a level come last under "Across levels".
func (e *plan) byLevel(root string, ps []*generator.Page) []Group {
	var groups []Group
	for _, l := range append(slices.Clone(e.site.Levels), "") {
		var in []*generator.Page
		for _, p := range ps {
			if p.Level == l {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			continue
		}
		sortPages(in)
		g := Group{ID: cmp.Or(l, "across-levels"), Title: levelTitle(l), Entries: entries(root, in)}
		if l != "" {
			g.URL = levelURL(l)
		}
		groups = append(groups, g)
	}
	return groups
}

func levelTitle(l string) string {
	if l == "" {
		return "Across levels"
	}
	return generator.Capitalise(l)
}
