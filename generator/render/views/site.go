package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/i18n"
)

// Site makes the views of one site: its settings completed with what the
// model adds (the navigation, the release feed), the model's index and
// the cache of the partials its pages share. New makes one; nothing in it
// changes afterwards but its caches (that of the partials, the dates
// written out, the buffers the graphs are drawn in), and neither the
// settings nor the model it is made from change, so that views of several
// sites, or of one site several times, may be made at once.
type Site struct {
	site     *SiteInfo // a copy of the settings given to New, completed
	m        *index
	partials Partials
	dates    sync.Map  // days written out, by how and which (memo): the history dates thousands of pages with a few hundred days
	drawers  sync.Pool // *svg.Drawer: the pages' neighbourhoods are drawn in buffers kept from one page to the next
}

// memo returns the string key stands for, made by fn the first time.
func (s *Site) memo(key string, fn func() string) string {
	if v, ok := s.dates.Load(key); ok {
		return v.(string)
	}
	v := fn()
	s.dates.Store(key, v)
	return v
}

// index is a model with the lookups its views need.
type index struct {
	*Model
	levels      []string                     // lowest first
	byID        map[string]*generator.Page   // published pages by id
	byLevelType map[string][]*generator.Page // "level\x00type" → pages, sorted
}

// New makes the views of model m with the site's settings info.
func New(info SiteInfo, m *Model) *Site {
	info.Limits = info.Limits.withDefaults()
	s := &Site{site: &info, m: newIndex(m, info.Levels)}
	info.Nav = s.nav(s.m)
	if m.Backlogs != nil && len(m.Backlogs.Releases) > 0 {
		info.Feed = FeedURL
	}
	if m.History != nil {
		info.ChangesURL = ChangesURL
	}
	return s
}

// FeedURL and CalendarURL are where the release feed and calendar are
// published, when the site has releases.
const (
	FeedURL     = "/releases.xml"
	CalendarURL = "/releases.ics"
)

// Info is the site's settings as its views see them.
func (s *Site) Info() *SiteInfo { return s.site }

func newIndex(m *Model, levels []string) *index {
	ix := &index{Model: m, levels: levels,
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

// Spec is one page of the site: the URL it is served at, what makes it
// and where that is written (for "two sources for one path" errors), its
// Kind (the layout, and for a list its URL: see render.Output.Kind) and
// View, which makes its view, complete, when called.
type Spec struct {
	URL, Source string
	Pos         generator.Pos
	Kind        string
	View        func() *View
	Page        *generator.Page // the content page it shows, or nil
}

// Pages lists every page of the site. Content pages, the home page, the
// level pages and the lists are made only when their View is called, so
// that views of thousands of pages are never all in memory at once and a
// plan made again under serve costs little; a few small pages (redirects,
// search, glossary, 404) are made now.
func (s *Site) Pages() []Spec {
	m := s.m
	specs := make([]Spec, 0, len(m.Pages)+64)
	kinds := map[string]string{} // "page role", made once per type
	add := func(v *View, source string, pos generator.Pos) {
		s.complete(v)
		specs = append(specs, Spec{URL: v.URL, Source: source, Pos: pos, Kind: viewKind(v), View: func() *View { return v }})
	}
	// addLazy plans a list page whose view is made only when it is
	// written: level pages hold matrices and graphs of hundreds of pages.
	addLazy := func(kind, url, source string, view func() *View) {
		specs = append(specs, Spec{URL: url, Source: source, Kind: "list " + kind, View: func() *View { return s.complete(view()) }})
	}
	for _, p := range m.Pages {
		kind, ok := kinds[p.Type]
		if !ok {
			kind = "page " + p.Type
			kinds[p.Type] = kind
		}
		specs = append(specs, Spec{URL: p.URL, Source: p.File, Pos: generator.Pos{File: p.File}, Kind: kind, Page: p,
			View: func() *View { return s.complete(s.pageView(m, p)) }})
		for _, a := range p.Aliases {
			add(s.redirectView(p, a.Name), fmt.Sprintf("the alias %q of %s", a.Name, p.File), a.Pos)
		}
	}
	// The home page lists every wiki page: its view too is made when written.
	specs = append(specs, Spec{URL: "/", Source: "the home page", Kind: "home", View: func() *View { return s.complete(s.homeView(m)) }})
	if s.site.Feed != "" && m.byURL("/roadmap/") == nil {
		r := s.view("redirect", "/roadmap/", s.tr("roadmap", "Roadmap"))
		r.Target = generator.TypeURL(generator.TypeRelease)
		r.Canonical = generator.AbsURL(s.site.BaseURL, r.Target)
		add(r, "the roadmap's short address", generator.Pos{})
	}
	for _, l := range s.typeLists(m) {
		specs = append(specs, s.listSpecs(l)...)
	}
	s.addLevelViews(m, addLazy)
	for _, l := range s.tagLists(m) {
		specs = append(specs, s.listSpecs(l)...)
	}
	sv := s.view("search", "/search/", s.tr("search", "Search"))
	sv.Breadcrumbs = linked(sv.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("search", "Search")})
	add(sv, "the search page", generator.Pos{})
	if len(s.site.Glossary) > 0 {
		add(s.glossaryView(), "the glossary page", generator.Pos{})
	}
	if m.History != nil {
		specs = append(specs, Spec{URL: ChangesURL, Source: "the change list", Kind: "changes", View: func() *View { return s.complete(s.changesView(m)) }})
	}
	// The 404 page is served at any depth, so its links must be absolute.
	add(s.viewAt("404", "/404.html", s.tr("page_not_found", "Page not found"), generator.BasePath(s.site.BaseURL)), "the 404 page", generator.Pos{})
	return specs
}

// listSpecs plans the pages a list is cut into. Their number follows
// from the list's size, so the view, which sorts and links hundreds of
// pages, is made only when its first page is written (once, for all of
// them): a plan made again after an edit under serve costs little.
func (s *Site) listSpecs(l list) []Spec {
	pages := sync.OnceValue(func() []*View { return s.paginate(l.view(), s.site.Limits.ListPage, s.site.Limits.TreeNodes) })
	specs := make([]Spec, l.pages)
	for i := range specs {
		u := pageURL(l.url, i+1)
		source := l.source
		if i > 0 {
			source = fmt.Sprintf("%s, page %d", l.source, i+1)
		}
		specs[i] = Spec{URL: u, Source: source, Kind: listKind(u), View: func() *View {
			pvs := pages()
			if len(pvs) != l.pages {
				panic(fmt.Sprintf("views: %s was planned as %d pages and made as %d", l.url, l.pages, len(pvs)))
			}
			return s.complete(pvs[i])
		}}
	}
	return specs
}

// groupPages is how many pages paginate cuts a list of n grouped entries
// into.
func (s *Site) groupPages(n int) int {
	return max(1, (n+s.site.Limits.ListPage-1)/s.site.Limits.ListPage)
}

// listKind is the Kind of a list page at u: its URL, tag lists being one
// kind.
func listKind(u string) string {
	if strings.HasPrefix(u, "/tags/") && u != "/tags/" {
		return "list /tags/*/"
	}
	return "list " + u
}

// viewKind is an Output's Kind for a view made when planning: its layout,
// and for a list its URL (each type's list shows other things), tag lists
// being one kind.
func viewKind(v *View) string {
	if v.Kind != "list" {
		return v.Kind
	}
	return listKind(v.URL)
}

// view starts the view of the page at site URL u.
func (s *Site) view(kind, u, title string) *View {
	return s.viewAt(kind, u, title, generator.RootOf(u))
}

// viewAt starts a view whose links climb to the site root by root.
func (s *Site) viewAt(kind, u, title, root string) *View {
	v := &View{Site: s.site, Kind: kind, URL: u, Root: root, Title: title, partials: &s.partials}
	v.Canonical = generator.AbsURL(s.site.BaseURL, u)
	v.NavKey = s.navKey(u, root)
	return v
}

// navKey is the key of the header's cache for the page at u whose links
// climb to the root by root: what its navigation (View.Nav) depends on,
// the root and the current section.
func (s *Site) navKey(u, root string) string {
	key := root
	for i, n := range s.site.Nav {
		if c := navCurrent(u, n.URL); c != "" {
			key += " " + strconv.Itoa(i) + c
		}
	}
	return key
}

// complete gives a view made whole what its layout reads beside it: its
// absolute URL and its other languages, the meta description and the
// style sheets.
func (s *Site) complete(v *View) *View {
	// Fields, not methods, for the templates: a method costs every page
	// a reflective lookup at each use.
	v.AbsURL, v.Alternates = v.absURL(), v.alternates()
	if v.Kind != "redirect" {
		v.Description = s.describe(v)
		v.Sheets = sheets(v)
		v.HeadKey = v.Root + " " + strings.Join(v.Sheets, " ")
	}
	return v
}

// nav lists the type pages that have at least one page, in type order.
func (s *Site) nav(m *index) []Link {
	count := map[string]int{}
	for _, p := range m.Pages {
		count[p.Type]++
	}
	var nav []Link
	for _, t := range s.site.Types {
		if count[t.Name] > 0 && t.Name != generator.TypeItem {
			title := t.Plural
			if t.Name == generator.TypeRelease && m.Backlogs != nil {
				title = s.tr("roadmap", "Roadmap") // the releases list is the roadmap
			}
			nav = append(nav, Link{Title: title, URL: generator.TypeURL(t.Name)})
		}
	}
	return nav
}

func (s *Site) typeInfo(name string) TypeInfo {
	for _, t := range s.site.Types {
		if t.Name == name {
			return t
		}
	}
	return TypeInfo{Name: name, Label: name, Plural: generator.Plural(name)}
}

// byType groups pages by type in type order, each group sorted, for the
// page at root.
func (s *Site) byType(root string, ps []*generator.Page) []Group {
	var groups []Group
	for _, t := range s.site.Types {
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

// countByType is how many entries byType makes of ps: those of a type
// the site knows.
func (s *Site) countByType(ps []*generator.Page) int {
	n := 0
	for _, p := range ps {
		if slices.ContainsFunc(s.site.Types, func(t TypeInfo) bool { return t.Name == p.Type }) {
			n++
		}
	}
	return n
}

// countByLevel is how many entries byLevel makes of ps: those of a level
// the site knows, or of none.
func (s *Site) countByLevel(ps []*generator.Page) int {
	n := 0
	for _, p := range ps {
		if p.Level == "" || slices.Contains(s.site.Levels, p.Level) {
			n++
		}
	}
	return n
}

// byLevel groups pages by level in the site's order, for the page at
// root; pages without a level come last under "Across levels".
func (s *Site) byLevel(root string, ps []*generator.Page) []Group {
	var groups []Group
	for _, l := range append(slices.Clone(s.site.Levels), "") {
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
		g := Group{ID: cmp.Or(l, "across-levels"), Title: s.levelTitle(l), Entries: entries(root, in)}
		if l != "" {
			g.URL = levelURL(l)
		}
		groups = append(groups, g)
	}
	return groups
}

// levelTitle is a level's name as pages show it: "Cluster", from the
// strings' level_<name> where the theme has one.
func (s *Site) levelTitle(l string) string {
	if l == "" {
		return s.tr("across_levels", "Across levels")
	}
	return s.tr("level_"+l, generator.Capitalise(l))
}

// num writes a number as the site's language does: "1,63" in German.
func (s *Site) num(n string) string {
	if s.site == nil {
		return n
	}
	return s.site.Strings.Number(n)
}

// tr is the string key of the theme in the site's language, with its
// values; english where the theme has none.
func (s *Site) tr(key, english string, args ...any) string {
	var w *i18n.Strings // none in tests that make a Site of their own
	if s.site != nil {
		w = s.site.Strings
	}
	return w.Or(key, english, args...)
}
