package views

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// maxMentions caps the "mentioned in" list of a page that hundreds of
// pages link to; the rest are counted.
const maxMentions = 60

// tocMinimum is the number of headings from which a page gets a table of
// contents.
const tocMinimum = 4

func (s *Site) pageView(m *index, p *generator.Page) *View {
	t := s.typeInfo(p.Type)
	v := s.view("page", p.URL, p.Title)
	pv := &PageView{ID: p.ID, Type: p.Type, Title: p.Title, Abbr: p.Abbr, Summary: p.Summary,
		TypeLabel: t.Label, TypeURL: generator.TypeURL(p.Type), Source: p.File, Params: p.Params, src: p}
	if p.Level != "" {
		pv.Level = link(v.Root, s.levelTitle(p.Level), levelURL(p.Level))
	}
	if p.Item != nil {
		if b := m.page(p.Item.Backlog); b != nil {
			pv.TypeURL = b.URL
		}
	}
	pv.TypeHref = generator.Rel(v.Root, pv.TypeURL)
	for _, tag := range p.Tags {
		pv.Tags = append(pv.Tags, *link(v.Root, tag, tagURL(tag)))
	}
	if b := m.Bodies[p]; b != nil {
		pv.Body, pv.lead = b.HTML, b.Lead
		for _, h := range b.Headings {
			if h.Level >= 2 && h.Level <= 3 {
				pv.TOC = append(pv.TOC, h)
			}
		}
		if len(pv.TOC) < tocMinimum {
			pv.TOC = nil
		}
	}
	if m.Fallback[p] && len(s.site.Languages) > 0 {
		def := s.site.Languages[0]
		pv.TextLang, pv.Original = def.Code, v.Top()+def.Prefix+strings.TrimPrefix(p.URL, "/")
	}
	if s.site.EditURL != "" {
		pv.EditURL = strings.TrimSuffix(s.site.EditURL, "/") + "/" + strings.TrimPrefix(p.Path, "/")
	}
	if h := m.PageHistory(p); h != nil {
		pv.Updated = &Updated{Day: h.Updated, Date: s.day(h.Updated), Author: h.Author, Uncommitted: h.Uncommitted}
		if m.History.URL != nil {
			pv.Updated.URL = m.History.URL(p)
		}
	}
	pv.Facts, pv.Checklist = s.facts(m, p, v.Root)
	pv.Relations = relationGroups(m, p, v.Root)
	if isWiki(p.Type) {
		pv.Related = s.relatedColumns(m, p, v.Root)
		pv.Graph = s.neighbourhood(m, p, v.Root)
	}
	pv.MentionedIn = entries(v.Root, m.Backlinks[p])
	if len(pv.MentionedIn) > maxMentions {
		pv.MoreMentions = len(pv.MentionedIn) - maxMentions
		pv.MentionedIn = pv.MentionedIn[:maxMentions]
	}
	switch p.Type {
	case generator.TypeBacklog:
		pv.Backlog = s.backlogView(m, p, v.Root)
	case generator.TypeItem:
		pv.Item = s.itemView(m, p, v.Root)
	case generator.TypeRelease:
		pv.Release = s.releaseView(m, p, v.Root)
	}
	if pv.Abbr == "" && p.Item != nil {
		pv.Abbr = p.Item.Key
	}
	v.Page = pv
	v.Breadcrumbs = linked(v.Root, s.breadcrumbs(m, p)...)
	return v
}

func (s *Site) breadcrumbs(m *index, p *generator.Page) []Link {
	crumbs := []Link{{Title: s.tr("home", "Home"), URL: "/"}}
	if p.Item != nil {
		crumbs = append(crumbs, Link{Title: s.typeInfo(generator.TypeBacklog).Plural, URL: generator.TypeURL(generator.TypeBacklog)})
		if q := m.page(p.Item.Backlog); q != nil {
			crumbs = append(crumbs, Link{Title: q.Title, URL: q.URL})
		}
	} else if p.Release != nil {
		crumbs = append(crumbs, Link{Title: s.tr("roadmap", "Roadmap"), URL: generator.TypeURL(p.Type)})
	} else {
		crumbs = append(crumbs, Link{Title: s.typeInfo(p.Type).Plural, URL: generator.TypeURL(p.Type)})
	}
	return append(crumbs, Link{Title: p.Title})
}

// facts lists a page's own fields: an item's, a backlog's or a release's.
// factTerms names the glossary entry of a fact's label.
var factTerms = map[string]string{"Value": "value", "Estimate": "estimate", "Velocity": "velocity", "Iteration length": "iteration"}

// facts lists them for p's page at root.
func (s *Site) facts(m *index, p *generator.Page, root string) ([]Fact, []string) {
	var fs []Fact
	// label is the English label; the page shows the theme's fact_<label>.
	tr := func(label string) string {
		return s.tr("fact_"+strings.ReplaceAll(strings.ToLower(label), " ", "_"), label)
	}
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, Fact{Label: tr(label), Value: value, Term: factTerms[label]})
		}
	}
	ref := func(label string, r *generator.Ref) {
		if r == nil {
			return
		}
		if t := m.Links.Target(r); t != nil {
			fs = append(fs, Fact{Label: tr(label), Value: t.Label(), URL: t.URL, Href: generator.Rel(root, t.URL)})
			return
		}
		add(label, r.Name)
	}
	switch {
	case p.Item != nil:
		it := p.Item
		add("Key", it.Key)
		if q := m.page(it.Backlog); q != nil {
			fs = append(fs, Fact{Label: tr("Backlog"), Value: q.Title, URL: q.URL, Href: generator.Rel(root, q.URL)})
		}
		add("Kind", it.Kind)
		add("Status", it.Status)
		add("Value", s.num(Number(it.Value)))
		add("Estimate", s.num(Number(it.Estimate)))
		ref("Parent", it.Parent)
		ref("Release", it.Release)
		ref("Team", it.Team)
		add("Source", it.Source)
		return fs, it.Acceptance
	case p.Backlog != nil:
		ref("Owner", p.Backlog.Owner)
		add("Velocity", s.num(Number(p.Backlog.Velocity)))
		if w := p.Backlog.IterationWeeks; w.Set {
			add("Iteration length", s.tr("n_weeks", "{n} weeks", "n", s.num(Number(w))))
		}
	case p.Release != nil:
		r := p.Release
		add("System", r.System)
		add("Variant", r.Variant)
		add("Version", r.Version) // dates, status and progress are in the release's standing above
	}
	return fs, nil
}

func (s *Site) redirectView(p *generator.Page, alias string) *View {
	u := "/" + generator.EscapePath(strings.Trim(alias, "/")) + "/"
	if p.Section != "" && !strings.HasPrefix(alias, "/") {
		u = "/" + generator.EscapePath(p.Section) + u // an alias not from the root stays in its page's folder
	}
	v := s.view("redirect", u, p.Title)
	v.Target = p.URL
	v.Canonical = generator.AbsURL(s.site.BaseURL, p.URL)
	return v
}

func (s *Site) homeView(m *index) *View {
	v := s.view("home", "/", "")
	if b := m.Intros[""]; b != nil {
		v.Intro, v.lead = b.HTML, b.Lead
	}
	var wiki, other []*generator.Page
	for _, p := range m.Pages {
		switch {
		case p.Type == generator.TypeItem:
		case p.Level != "" && p.Type != generator.TypeBacklog:
			wiki = append(wiki, p)
		default:
			other = append(other, p)
		}
	}
	for _, lg := range s.byLevel(v.Root, wiki) {
		v.Levels = append(v.Levels, LevelGroup{Title: lg.Title, URL: lg.URL, Groups: capGroups(v.Root, s.byType(v.Root, pagesOf(m, lg.Entries)), s.site.Limits.ListEntries)})
	}
	v.Groups = capGroups(v.Root, s.byType(v.Root, other), s.site.Limits.ListEntries)
	return v
}

// pagesOf maps entries back to their pages.
func pagesOf(m *index, es []Entry) []*generator.Page {
	byURL := map[string]bool{}
	for _, e := range es {
		byURL[e.URL] = true
	}
	var out []*generator.Page
	for _, p := range m.Pages {
		if byURL[p.URL] {
			out = append(out, p)
		}
	}
	return out
}

// list is a list page planned before it is made: its URL and title, how
// many pages it is cut into, and the function that makes its view.
type list struct {
	url, title string
	source     string // what made it, for errors: "the list of roles"
	pages      int
	view       func() *View
}

// typeLists lists the pages of each type, except items, which their
// backlogs list in rank order; the backlogs' list comes with the
// traceability tree.
func (s *Site) typeLists(m *index) []list {
	var lists []list
	for _, t := range s.site.Types {
		if t.Name == generator.TypeItem {
			continue
		}
		var in []*generator.Page
		for _, p := range m.Pages {
			if p.Type == t.Name {
				in = append(in, p)
			}
		}
		if len(in) == 0 {
			continue
		}
		l := list{url: generator.TypeURL(t.Name), title: t.Plural, source: "the list of " + strings.ToLower(t.Plural),
			pages: s.groupPages(s.countByLevel(in)), view: func() *View { return s.typeView(m, t, in) }}
		switch {
		case t.Name == generator.TypeRelease && m.Backlogs != nil:
			l.title, l.source, l.pages = s.tr("roadmap", "Roadmap"), "the list of roadmap", 1
		case t.Name == generator.TypeBacklog:
			l.pages = 1
			lists = append(lists, list{url: "/backlogs/traceability/", title: s.tr("traceability", "Traceability"), source: "the list of traceability",
				pages: max(1, len(cutTrees(traceSizes(m), s.site.Limits.TreeNodes))),
				view: func() *View {
					tree := s.view("list", "/backlogs/traceability/", s.tr("traceability", "Traceability"))
					tree.Breadcrumbs = linked(tree.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: t.Plural, URL: generator.TypeURL(t.Name)}, Link{Title: s.tr("traceability", "Traceability")})
					tree.Tree = traceTree(m, tree.Root)
					return tree
				}})
		}
		lists = append(lists, l)
	}
	return lists
}

// typeView is the list of the pages in of type t.
func (s *Site) typeView(m *index, t TypeInfo, in []*generator.Page) *View {
	v := s.view("list", generator.TypeURL(t.Name), t.Plural)
	v.typ = t.Name
	v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: t.Plural})
	if b := m.Intros[strings.Trim(generator.TypeURL(t.Name), "/")]; b != nil {
		v.Intro, v.lead = b.HTML, b.Lead
	}
	switch {
	case t.Name == generator.TypeRelease && m.Backlogs != nil:
		v.Title = s.tr("roadmap", "Roadmap")
		v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("roadmap", "Roadmap")})
		s.roadmapView(m, v)
	case t.Name == generator.TypeBacklog:
		v.BacklogList = s.backlogIndex(m, v.Root)
	default:
		v.Groups = s.byLevel(v.Root, in)
	}
	return v
}

// addLevelViews plans the levels index, each level's overview with its
// matrices, and each level's relation graph, all made when written.
func (s *Site) addLevelViews(m *index, add func(kind, url, source string, view func() *View)) {
	add("/levels/", "/levels/", "the list of levels", func() *View {
		all := s.view("list", "/levels/", s.tr("levels", "Levels"))
		all.Breadcrumbs = linked(all.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("levels", "Levels")})
		for _, l := range s.site.Levels {
			all.Groups = append(all.Groups, Group{ID: l, Title: s.levelTitle(l), URL: levelURL(l), Entries: summaryEntries(all.Root, s.byType(all.Root, s.levelPages(m, l)))})
		}
		return all
	})
	for _, l := range s.site.Levels {
		hasGraph := false
		for _, t := range s.site.Types {
			if isWiki(t.Name) && len(m.byLevelType[l+"\x00"+t.Name]) > 0 {
				hasGraph = true
			}
		}
		lms := s.levelMatrices(m, l)
		parts := s.matrixParts(m, l, lms, s.site.Limits.MatrixChunkRows)
		add("level", levelURL(l), "the overview of the "+l+" level", func() *View {
			v := s.view("list", levelURL(l), s.tr("level_of", "{level} level", "level", s.levelTitle(l)))
			v.level = l
			v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("levels", "Levels"), URL: "/levels/"}, Link{Title: s.levelTitle(l)})
			v.Groups = capGroups(v.Root, s.byType(v.Root, s.levelPages(m, l)), s.site.Limits.ListEntries)
			v.MatrixParts = s.matrixPartsTable(m, lms, parts, v.Root)
			if wholeMatricesFit(lms, s.site.Limits.InlineMatrixCells) {
				for _, lm := range lms {
					v.Matrices = append(v.Matrices, lm.matrix(m, nil, v.Root))
				}
			}
			if hasGraph {
				v.GraphURL = levelURL(l) + "graph/"
			}
			return v
		})
		for _, p := range parts {
			add("level group", p.url, "the "+l+" level's page of "+p.title, func() *View { return s.matrixPartView(m, l, lms, p) })
		}
		if hasGraph {
			add("level graph", levelURL(l)+"graph/", "the relation graph of the "+l+" level", func() *View { return s.levelGraphView(m, l) })
		}
	}
}

// levelPages are the pages of level l, items aside (their backlogs list them).
func (s *Site) levelPages(m *index, l string) []*generator.Page {
	var in []*generator.Page
	for _, p := range m.Pages {
		if p.Level == l && p.Type != generator.TypeItem {
			in = append(in, p)
		}
	}
	return in
}

// capGroups keeps the first max entries of each group; a group cut short
// links to its own URL, the full list, with "N more", from the page at
// root.
func capGroups(root string, gs []Group, max int) []Group {
	for i := range gs {
		g := &gs[i]
		if len(g.Entries) <= max || g.URL == "" {
			continue
		}
		g.Hidden = len(g.Entries) - max
		g.Entries = g.Entries[:max:max]
		g.More = link(root, fmt.Sprintf("%d more %s", g.Hidden, strings.ToLower(g.Title)), g.URL)
	}
	return gs
}

// summaryEntries turns groups into one entry each, "Roles (12)", for the
// page at root.
func summaryEntries(root string, gs []Group) []Entry {
	var out []Entry
	for _, g := range gs {
		out = append(out, Entry{Title: g.Title, URL: g.URL, Href: generator.Rel(root, g.URL), Badge: strconv.Itoa(len(g.Entries))})
	}
	return out
}

// tagLists are the list of tags and a list of each tag's pages.
func (s *Site) tagLists(m *index) []list {
	tagged := map[string][]*generator.Page{}
	names := map[string]string{}
	urlOf := map[string]string{} // tagURL of each spelling, worked out once
	for _, p := range m.Pages {
		for _, t := range p.Tags {
			u, ok := urlOf[t]
			if !ok {
				u = tagURL(t)
				urlOf[t] = u
			}
			tagged[u] = append(tagged[u], p)
			names[u] = cmp.Or(names[u], t)
		}
	}
	urls := slices.Sorted(maps.Keys(tagged))
	all := list{url: "/tags/", title: s.tr("tags", "Tags"), source: "the tag list Tags", pages: s.groupPages(len(urls)), view: func() *View {
		all := s.view("list", "/tags/", s.tr("tags", "Tags"))
		all.Breadcrumbs = linked(all.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("tags", "Tags")})
		index := Group{ID: "all-tags", Title: s.tr("all_tags", "All tags")}
		for _, u := range urls {
			index.Entries = append(index.Entries, Entry{Title: names[u], URL: u, Href: generator.Rel(all.Root, u), Badge: strconv.Itoa(len(tagged[u]))})
		}
		if len(index.Entries) > 0 {
			all.Groups = []Group{index}
		}
		return all
	}}
	lists := []list{all}
	for _, u := range urls {
		lists = append(lists, list{url: u, title: "#" + names[u], source: "the tag list #" + names[u], pages: s.groupPages(s.countByType(tagged[u])),
			view: func() *View {
				v := s.view("list", u, "#"+names[u])
				v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("tags", "Tags"), URL: "/tags/"}, Link{Title: names[u]})
				v.Groups = s.byType(v.Root, tagged[u])
				return v
			}})
	}
	return lists
}

// relationGroups builds a page's relation box: what it declares, grouped by
// relation in vocabulary order, then what others declare about it; for
// p's page at root.
func relationGroups(m *index, p *generator.Page, root string) []RelationGroup {
	out, in := m.Links.Out(p), m.Links.In(p)
	if len(out) == 0 && len(in) == 0 {
		return nil
	}
	var groups []RelationGroup
	for _, inverse := range []bool{false, true} {
		edges := out
		if inverse {
			edges = in
		}
		for _, rt := range m.Vocabulary {
			g := RelationGroup{Name: rt.Name, Label: rt.Label, Inverse: inverse}
			if inverse {
				g.Label = rt.Inverse
			}
			for _, e := range edges {
				if e.Relation != rt.Name {
					continue
				}
				other := e.To
				if inverse {
					other = e.From
				}
				g.Pages = append(g.Pages, entry(root, other))
			}
			if len(g.Pages) > 0 {
				groups = append(groups, g)
			}
		}
	}
	return groups
}

// isWiki reports whether pages of type t are wiki pages: not backlogs,
// items or releases, which have views of their own.
func isWiki(t string) bool {
	return t != generator.TypeBacklog && t != generator.TypeItem && t != generator.TypeRelease
}
