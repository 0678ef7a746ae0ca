package graph

import (
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// checkCycles reports each cycle of an acyclic relation at every
// declaration on it, so that the author sees it in whichever file was
// edited to close it; each message starts at its own page and names every
// page on the cycle in order.
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
		var path []*generator.Page // the pages being visited
		var via []generator.Edge   // via[i] leads from path[i] to path[i+1]
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
					start := slices.Index(path, e.To)
					edges := append(slices.Clone(via[start:]), e)
					for i, ce := range edges {
						diags.Errorf(ce.Pos, "%s forms a cycle: %s", name, cycleText(path[start:], i))
					}
				case unvisited:
					via = append(via, e)
					visit(e.To)
					via = via[:len(via)-1]
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

// cycleText names the pages of a cycle from the one at index first round
// to it again: "Beta → Gamma → Alpha → Beta".
func cycleText(cycle []*generator.Page, first int) string {
	names := make([]string, 0, len(cycle)+1)
	for i := range len(cycle) + 1 {
		names = append(names, cycle[(first+i)%len(cycle)].Title)
	}
	return strings.Join(names, " → ")
}
