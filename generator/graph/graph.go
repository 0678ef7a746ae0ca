package graph

import (
	"fmt"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Graph is the resolved model: every relation as an edge, indexed both
// ways, and every other reference a page makes resolved to its page.
type Graph struct {
	Index *Index
	vocab map[string]generator.RelationType
	order []string
	out   map[*generator.Page][]generator.Edge
	in    map[*generator.Page][]generator.Edge
	refs  map[*generator.Ref]*generator.Page
}

// Build resolves the relations and references of pages against the
// vocabulary, in vocabulary order, and reports every unknown relation,
// unresolved or ambiguous target, disallowed target type and cycle.
func Build(ix *Index, vocab []generator.RelationType) (*Graph, generator.Diagnostics) {
	g := &Graph{Index: ix, vocab: map[string]generator.RelationType{},
		out: map[*generator.Page][]generator.Edge{}, in: map[*generator.Page][]generator.Edge{},
		refs: map[*generator.Ref]*generator.Page{}}
	for _, rt := range vocab {
		g.vocab[rt.Name] = rt
		g.order = append(g.order, rt.Name)
	}
	var diags generator.Diagnostics
	for _, p := range ix.Pages() {
		g.relations(p, &diags)
		g.references(p, &diags)
	}
	for _, p := range ix.Pages() {
		g.sortIn(p)
	}
	g.checkCycles(&diags)
	return g, diags
}

// sortIn sorts the relations declared about p in vocabulary order, then
// by the declaring page's title.
func (g *Graph) sortIn(p *generator.Page) {
	slices.SortStableFunc(g.in[p], func(a, b generator.Edge) int {
		if d := slices.Index(g.order, a.Relation) - slices.Index(g.order, b.Relation); d != 0 {
			return d
		}
		return generator.CompareTitles(a.From, b.From)
	})
}

func (g *Graph) relations(p *generator.Page, diags *generator.Diagnostics) {
	for _, rel := range p.Relations {
		rt, ok := g.vocab[rel.Name]
		if !ok {
			diags.Errorf(rel.Pos, "unknown relation %q%s", rel.Name, generator.DidYouMean(rel.Name, g.order))
			continue
		}
		if len(rt.From) > 0 && !slices.Contains(rt.From, p.Type) {
			diags.Errorf(rel.Pos, "relation %q cannot start at %s page (only at %s pages)", rel.Name, generator.Article(p.Type), generator.OrList(rt.From))
			continue
		}
		for _, t := range rel.Targets {
			to, err := g.Index.Lookup(t.Name)
			if IsUnread(err) {
				continue // the target's file has an error of its own
			} else if err != nil {
				diags.Errorf(t.Pos, "%s: %v", rel.Name, err)
				continue
			}
			if !targetAllowed(rt, p, to) {
				diags.Errorf(t.Pos, "%s: %q is %s page, but %s links %s page to %s pages", rel.Name, t.Name, generator.Article(to.Type), rel.Name, generator.Article(p.Type), allowedTargets(rt, p))
				continue
			}
			if to == p {
				diags.Errorf(t.Pos, "%s: a page cannot relate to itself", rel.Name)
				continue
			}
			e := generator.Edge{Relation: rel.Name, From: p, To: to, Pos: t.Pos}
			g.out[p] = append(g.out[p], e)
			g.in[to] = append(g.in[to], e)
		}
	}
}

// targetAllowed applies a relation's target types; is_a from a backlog may
// also name the artifact the backlog is an instance of (content model §3).
func targetAllowed(rt generator.RelationType, from, to *generator.Page) bool {
	if len(rt.To) == 0 {
		return true
	}
	for _, t := range rt.To {
		if t == to.Type || (t == "same" && (to.Type == from.Type ||
			from.Type == generator.TypeBacklog && to.Type == generator.TypeArtifact)) {
			return true
		}
	}
	return false
}

func allowedTargets(rt generator.RelationType, from *generator.Page) string {
	var names []string
	for _, t := range rt.To {
		if t == "same" {
			t = from.Type
		}
		names = append(names, t)
	}
	return generator.OrList(names)
}

func articles(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = generator.Article(t)
	}
	return out
}

// refSpec says which page types a reference field accepts.
var refSpec = map[string][]string{
	"parent":  {generator.TypeItem},
	"release": {generator.TypeRelease},
	"team":    {generator.TypeGroup},
	"owner":   {generator.TypeRole, generator.TypeGroup},
	"order":   {generator.TypeItem},
}

func (g *Graph) references(p *generator.Page, diags *generator.Diagnostics) {
	if it := p.Item; it != nil {
		g.resolve("parent", it.Parent, diags)
		g.resolve("release", it.Release, diags)
		g.resolve("team", it.Team, diags)
	}
	if b := p.Backlog; b != nil {
		g.resolve("owner", b.Owner, diags)
		for i := range b.Order {
			g.resolve("order", &b.Order[i], diags)
		}
	}
}

func (g *Graph) resolve(field string, r *generator.Ref, diags *generator.Diagnostics) {
	if r == nil {
		return
	}
	to, err := g.Index.Lookup(r.Name)
	if IsUnread(err) {
		return // the target's file has an error of its own
	} else if err != nil {
		diags.Errorf(r.Pos, "%s: %v", field, err)
		return
	}
	if want := refSpec[field]; !slices.Contains(want, to.Type) {
		diags.Errorf(r.Pos, "%s: %q is %s page; expected %s page", field, r.Name, generator.Article(to.Type), generator.OrList(articles(want)))
		return
	}
	g.refs[r] = to
}

// Target returns the page a reference field resolved to, or nil.
func (g *Graph) Target(r *generator.Ref) *generator.Page {
	if r == nil {
		return nil
	}
	return g.refs[r]
}

// Out returns the relations p declares, in the order written.
func (g *Graph) Out(p *generator.Page) []generator.Edge { return g.out[p] }

// In returns the relations other pages declare about p, in vocabulary
// order, then by the declaring page's title.
func (g *Graph) In(p *generator.Page) []generator.Edge { return g.in[p] }

// Vocabulary returns the relation types in vocabulary order.
func (g *Graph) Vocabulary() []generator.RelationType {
	out := make([]generator.RelationType, len(g.order))
	for i, n := range g.order {
		out[i] = g.vocab[n]
	}
	return out
}

// String describes the graph's size, for debugging.
func (g *Graph) String() string {
	n := 0
	for _, es := range g.out {
		n += len(es)
	}
	return fmt.Sprintf("%d pages, %d edges", len(g.Index.Pages()), n)
}
