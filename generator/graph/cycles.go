package graph

import (
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// checkCycles reports each cycle of an acyclic relation once, at the edge
// that closes it, naming every page on it in order.
func (g *Graph) checkCycles(diags *generator.Diagnostics) {
	for _, name := range g.order {
		if !g.vocab[name].Acyclic {
			continue
		}
		const (
			unvisited = iota
			onPath
			done
		)
		state := map[*generator.Page]int{}
		var path []*generator.Page
		var visit func(p *generator.Page)
		visit = func(p *generator.Page) {
			state[p] = onPath
			path = append(path, p)
			for _, e := range g.out[p] {
				if e.Relation != name {
					continue
				}
				switch state[e.To] {
				case onPath:
					diags.Errorf(e.Pos, "%s forms a cycle: %s", name, cycleText(path, e.To))
				case unvisited:
					visit(e.To)
				}
			}
			path = path[:len(path)-1]
			state[p] = done
		}
		for _, p := range g.Index.Pages() {
			if state[p] == unvisited {
				visit(p)
			}
		}
	}
}

func cycleText(path []*generator.Page, start *generator.Page) string {
	var names []string
	on := false
	for _, p := range path {
		if p == start {
			on = true
		}
		if on {
			names = append(names, p.Title)
		}
	}
	return strings.Join(append(names, start.Title), " → ")
}
