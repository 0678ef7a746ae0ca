package graph

import (
	"maps"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Update returns the graph after the pages in changed were edited in
// place, keeping their names (the index stays valid): their relations and
// references are resolved again, the other pages' are kept. before holds
// each changed page as g resolved it, for its references to be dropped.
// The diagnostics are the changed pages' and, when one of them is now on
// a cycle of a relation that must be acyclic, every cycle. g, a graph
// without errors, is left as it was.
func (g *Graph) Update(changed []*generator.Page, before []generator.Page) (*Graph, generator.Diagnostics) {
	next := &Graph{Index: g.Index, vocab: g.vocab, order: g.order,
		out: maps.Clone(g.out), in: maps.Clone(g.in), refs: maps.Clone(g.refs)}
	for t, in := range next.in {
		next.in[t] = slices.Clip(in) // so that appending copies it, leaving g's as it is
	}
	isChanged := make(map[*generator.Page]bool, len(changed))
	for _, p := range changed {
		isChanged[p] = true
	}
	touched := map[*generator.Page]bool{}
	for i, p := range changed {
		for _, e := range g.out[p] {
			if !touched[e.To] {
				touched[e.To] = true
				next.in[e.To] = slices.DeleteFunc(slices.Clone(g.in[e.To]), func(e generator.Edge) bool { return isChanged[e.From] })
			}
		}
		delete(next.out, p)
		for _, r := range pageRefs(&before[i]) {
			delete(next.refs, r)
		}
	}
	var diags generator.Diagnostics
	for _, p := range changed {
		next.relations(p, &diags)
		next.references(p, &diags)
		for _, e := range next.out[p] {
			touched[e.To] = true
		}
	}
	cycle := slices.ContainsFunc(changed, next.onCycle)
	for t := range touched {
		if len(next.in[t]) == 0 {
			delete(next.in, t)
		} else {
			next.sortIn(t)
		}
	}
	if cycle {
		next.checkCycles(&diags) // to report every cycle as Build does
	}
	return next, diags
}

// onCycle reports whether p is on a cycle of a relation that must be
// acyclic. In a graph that had no cycle, a cycle made by editing pages
// passes through one of them, so checking those finds every new one.
func (g *Graph) onCycle(p *generator.Page) bool {
	for _, e := range g.out[p] {
		if !g.vocab[e.Relation].Acyclic {
			continue
		}
		seen := map[*generator.Page]bool{}
		stack := []*generator.Page{e.To}
		for len(stack) > 0 {
			q := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if q == p {
				return true
			}
			if seen[q] {
				continue
			}
			seen[q] = true
			for _, f := range g.out[q] {
				if f.Relation == e.Relation {
					stack = append(stack, f.To)
				}
			}
		}
	}
	return false
}

// pageRefs lists the reference fields of p that references resolves.
func pageRefs(p *generator.Page) []*generator.Ref {
	var out []*generator.Ref
	if it := p.Item; it != nil {
		out = append(out, it.Parent, it.Release, it.Team)
	}
	if b := p.Backlog; b != nil {
		out = append(out, b.Owner)
		for i := range b.Order {
			out = append(out, &b.Order[i])
		}
	}
	return out
}
