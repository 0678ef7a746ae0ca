package views

import (
	"html/template"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/svg"
)

// graphNode makes p a node of a graph drawn on the page at root.
func (s *Site) graphNode(p *generator.Page, root string) svg.Node {
	n := svg.Node{ID: p.ID, Label: p.Title, Abbr: p.Abbr, Type: p.Type, Href: generator.Rel(root, p.URL)}
	if s.site != nil && s.site.Strings.Has("graph_caption") {
		// A site in a language of its own names the types in it; English
		// keeps the types' names, as before languages.
		n.TypeLabel = s.typeInfo(p.Type).Label
	}
	return n
}

// maxNeighbours is the most relations a page's graph shows: beyond it the
// drawing is too dense to read (the relation box lists them all), and
// laying it out costs more than the rest of the page.
const maxNeighbours = 40

// PageGraph is a page's neighbourhood as inline SVG, drawn twice: Wide
// for screens with room, Narrow (the pages one under another, at most
// 340 px wide) for phones. The theme shows one of them by media query.
type PageGraph struct {
	Wide, Narrow template.HTML
}

// neighbourhood draws p with the pages it relates to, in both directions,
// for p's page; nil when p has no relations or too many.
func (s *Site) neighbourhood(m *index, p *generator.Page, root string) *PageGraph {
	out, in := m.Links.Out(p), m.Links.In(p)
	n := len(out) + len(in)
	if n == 0 || n > maxNeighbours {
		return nil
	}
	nodes := append(make([]svg.Node, 0, n+1), s.graphNode(p, root))
	seen := make(map[*generator.Page]bool, n+1)
	seen[p] = true
	edges := make([]svg.Edge, 0, n)
	add := func(e generator.Edge, other *generator.Page) {
		if !seen[other] {
			seen[other] = true
			nodes = append(nodes, s.graphNode(other, root))
		}
		edges = append(edges, svg.Edge{From: e.From.ID, To: e.To.ID, Label: m.relationLabel(e.Relation)})
	}
	for _, e := range out {
		add(e, e.To)
	}
	for _, e := range in {
		add(e, e.From)
	}
	if s.site != nil && s.site.Strings.Has("graph_caption") {
		nodes[0].Caption = s.site.Strings.OrN("graph_caption", len(nodes)-1, "", "", "page", p.Title)
	}
	d, _ := s.drawers.Get().(*svg.Drawer)
	if d == nil {
		d = new(svg.Drawer)
	}
	defer s.drawers.Put(d)
	wide, narrow := d.Neighbourhoods(p.ID, nodes, edges)
	return &PageGraph{Wide: template.HTML(wide), Narrow: template.HTML(narrow)}
}

// relationLabel is a relation's label from the vocabulary.
func (m *index) relationLabel(name string) string {
	for _, rt := range m.Vocabulary {
		if rt.Name == name {
			return rt.Label
		}
	}
	return name
}

// LevelGraph is a level's overview graph page.
type LevelGraph struct {
	SVG    template.HTML
	Legend template.HTML
	Nodes  int
	Edges  int
	Total  int // the level's wiki pages; Nodes of them, the most connected, are drawn
}

// levelGraphView draws the wiki pages of a level and the relations
// between them: the Limits.LevelGraphNodes most connected pages of the level
// when it has more, so that the page stays readable and bounded.
func (s *Site) levelGraphView(m *index, level string) *View {
	u := levelURL(level) + "graph/"
	v := s.view("list", u, s.tr("level_graph_title", "{level} level: relation graph", "level", s.levelTitle(level)))
	v.level = level
	v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("levels", "Levels"), URL: "/levels/"},
		Link{Title: s.levelTitle(level), URL: levelURL(level)}, Link{Title: s.tr("relation_graph", "Relation graph")})
	var pages []*generator.Page
	for _, t := range s.site.Types {
		if isWiki(t.Name) {
			pages = append(pages, m.byLevelType[level+"\x00"+t.Name]...)
		}
	}
	shown := mostConnected(m, pages, s.site.Limits.LevelGraphNodes)
	root := v.Root
	var nodes []svg.Node
	var types []string
	for _, p := range pages {
		if !shown[p] {
			continue
		}
		nodes = append(nodes, s.graphNode(p, root))
		if !slices.Contains(types, p.Type) {
			types = append(types, p.Type)
		}
	}
	var edges []svg.Edge
	for _, p := range pages {
		if !shown[p] {
			continue
		}
		for _, ed := range m.Links.Out(p) {
			if shown[ed.To] {
				edges = append(edges, svg.Edge{From: p.ID, To: ed.To.ID, Label: m.relationLabel(ed.Relation)})
			}
		}
	}
	if len(nodes) > 0 {
		v.Graph = &LevelGraph{SVG: template.HTML(svg.Overview(nodes, edges)), Legend: template.HTML(svg.Legend(types)),
			Nodes: len(nodes), Edges: len(edges), Total: len(pages)}
	}
	return v
}

// mostConnected picks the max pages of ps with the most relations among
// ps, ties going to the earlier page; all of them when there are no more.
func mostConnected(m *index, ps []*generator.Page, max int) map[*generator.Page]bool {
	in := make(map[*generator.Page]bool, len(ps))
	for _, p := range ps {
		in[p] = true
	}
	if len(ps) <= max {
		return in
	}
	degree := make(map[*generator.Page]int, len(ps))
	for _, p := range ps {
		for _, ed := range m.Links.Out(p) {
			if in[ed.To] {
				degree[p]++
				degree[ed.To]++
			}
		}
	}
	ranked := slices.Clone(ps)
	slices.SortStableFunc(ranked, func(a, b *generator.Page) int { return degree[b] - degree[a] })
	shown := make(map[*generator.Page]bool, max)
	for _, p := range ranked[:max] {
		shown[p] = true
	}
	return shown
}
