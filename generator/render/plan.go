package render

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// Plan lists every file of the site. Nothing is rendered yet: each
// Output's Write does its page's work, so the caller can run them in
// parallel and stream them to disk.
func (e *Engine) Plan(m *Model) []Output {
	var outs []Output
	add := func(v *View, source string, pos generator.Pos) {
		outs = append(outs, Output{Path: OutPath(v.URL), Source: source, Pos: pos, Kind: viewKind(v), Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, v) }})
	}
	// addLazy plans a list page whose view is made only when it is
	// written: level pages hold matrices and graphs of hundreds of pages.
	addLazy := func(kind, url, source string, view func() *View) {
		outs = append(outs, Output{Path: OutPath(url), Source: source, Kind: "list " + kind, Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, view()) }})
	}
	// A page's view is made when its file is written, not before, so that
	// views of thousands of pages are never all in memory at once.
	addPage := func(p *generator.Page) {
		outs = append(outs, Output{Path: OutPath(p.URL), Source: p.File, Pos: generator.Pos{File: p.File}, Kind: "page " + p.Type, Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, e.pageView(m, p)) }})
	}
	e.cache.Clear() // partials cached for an earlier plan may show an earlier model
	e.site.Nav = e.nav(m)
	e.site.Feed = ""
	if m.Backlogs != nil && len(m.Backlogs.Releases) > 0 {
		e.site.Feed = "/releases.xml"
	}
	m.baseURL, m.levels = e.site.BaseURL, e.site.Levels
	m.byID = make(map[string]*generator.Page, len(m.Pages))
	m.byLevelType = map[string][]*generator.Page{}
	for _, p := range m.Pages {
		m.byID[p.ID] = p
		if p.Level != "" {
			k := p.Level + "\x00" + p.Type
			m.byLevelType[k] = append(m.byLevelType[k], p)
		}
	}
	for _, ps := range m.byLevelType {
		sortPages(ps)
	}
	for _, p := range m.Pages {
		addPage(p)
		for _, a := range p.Aliases {
			add(e.redirectView(p, a.Name), fmt.Sprintf("the alias %q of %s", a.Name, p.File), a.Pos)
		}
	}
	// The home page lists every wiki page: its view too is made when written.
	outs = append(outs, Output{Path: "index.html", Source: "the home page", Kind: "home",
		Write: func(w io.Writer) error { return e.execute(w, e.homeView(m)) }})
	if e.site.Feed != "" && m.byURL("/roadmap/") == nil {
		r := e.view("redirect", "/roadmap/", "Roadmap")
		r.Target = generator.TypeURL(generator.TypeRelease)
		r.Canonical = absURL(e.site.BaseURL, r.Target)
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
	sv.Breadcrumbs = []Link{{Title: "Home", URL: "/"}, {Title: "Search"}}
	add(sv, "the search page", generator.Pos{})
	if len(e.site.Glossary) > 0 {
		add(e.glossaryView(), "the glossary page", generator.Pos{})
	}
	nf := e.view("404", "/404.html", "Page not found")
	nf.Root = BasePath(e.site.BaseURL) // served at any depth, so links must be absolute
	outs = append(outs, Output{Path: "404.html", Source: "the 404 page", Kind: "404", Minified: e.Minified(), Write: func(w io.Writer) error { return e.execute(w, nf) }})
	outs = append(outs, e.icons(m)...)
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

// OutPath maps a pretty URL to the file that serves it: "/roles/cpo/" →
// "roles/cpo/index.html".
func OutPath(u string) string {
	p := strings.TrimPrefix(u, "/")
	// URLs are escaped (café is caf%C3%A9); the file is named as the
	// server will look for it after unescaping.
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// EscapePath escapes each segment of a slash path for use in a URL.
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func (e *Engine) view(kind, u, title string) *View {
	v := &View{Site: e.site, Kind: kind, URL: u, Root: RootOf(u), Title: title}
	v.Canonical = absURL(e.site.BaseURL, u)
	return v
}

// BasePath is the path part of the base URL, "/" or "/wiki/".
func BasePath(base string) string {
	if u, err := url.Parse(base); err == nil && strings.HasPrefix(u.Path, "/") {
		return strings.TrimSuffix(u.Path, "/") + "/"
	}
	return "/"
}

// absURL joins the base URL and a site-relative URL.
func absURL(base, u string) string {
	return strings.TrimSuffix(base, "/") + u
}

// nav lists the type pages that have at least one page, in type order.
func (e *Engine) nav(m *Model) []Link {
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

func (e *Engine) typeInfo(name string) TypeInfo {
	for _, t := range e.site.Types {
		if t.Name == name {
			return t
		}
	}
	return TypeInfo{Name: name, Label: name, Plural: generator.Plural(name)}
}

// byType groups pages by type in type order, each group sorted.
func (e *Engine) byType(ps []*generator.Page) []Group {
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
		groups = append(groups, Group{ID: t.Name, Title: t.Plural, URL: generator.TypeURL(t.Name), Entries: entries(in)})
	}
	return groups
}

// byLevel groups pages by level in the site's order; pages without a
// level come last under "Across levels".
func (e *Engine) byLevel(ps []*generator.Page) []Group {
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
		g := Group{ID: cmp.Or(l, "across-levels"), Title: levelTitle(l), Entries: entries(in)}
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
