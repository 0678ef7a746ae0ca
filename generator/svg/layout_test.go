package svg

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// hub is a page related to n others of every type, with labels of
// varied lengths.
func hub(n int) ([]Node, []Edge) {
	types := []string{"role", "group", "event", "artifact", "cadence", "area", "backlog", "release", "page"}
	words := []string{"Cluster", "Product", "Owner", "Backlog", "Refinement", "Group", "Working", "Time"}
	nodes := []Node{{ID: "hub", Label: "Cluster Product Owner", Abbr: "CPO", Type: "role"}}
	var edges []Edge
	for i := range n {
		label := ""
		for w := range 1 + i%5 {
			label += words[(i+w)%len(words)] + " "
		}
		id := fmt.Sprintf("n%02d", i)
		nodes = append(nodes, Node{ID: id, Label: label, Type: types[i%len(types)]})
		if i%3 == 0 {
			edges = append(edges, Edge{id, "hub", "is moderated by"})
		} else {
			edges = append(edges, Edge{"hub", id, "organizes"})
		}
	}
	return nodes, edges
}

func TestNeighbourhoodNodesLinesAndLabelsDoNotOverlap(t *testing.T) {
	for n := 1; n <= 30; n++ {
		nodes, edges := hub(n)
		g, c, labels := layoutNeighbourhood("hub", nodes, edges)
		if c.c != (pt{}) {
			t.Errorf("%d neighbours: centre at %v, want the origin", n, c.c)
		}
		for i, a := range g.nodes {
			for _, b := range g.nodes[:i] {
				if a.box().overlaps(b.box()) {
					t.Errorf("%d neighbours: %s overlaps %s", n, a.label, b.label)
				}
			}
			for j, l := range labels {
				if a.box().overlaps(l.box()) {
					t.Errorf("%d neighbours: label %q overlaps node %s", n, l.lines, a.label)
				}
				for _, m := range labels[:j] {
					if m.box().overlaps(l.box()) {
						t.Errorf("%d neighbours: labels %q and %q overlap", n, l.lines, m.lines)
					}
				}
			}
		}
		for _, l := range g.links {
			p, q := lineEnds(l)
			if crossesOthers(p, q, l, g.nodes, nodeBoxes(g.nodes)) {
				t.Errorf("%d neighbours: the line %s crosses another node", n, l.title())
			}
		}
	}
}

func TestOverviewKeepsColumnsApartAndNodesInOrder(t *testing.T) {
	for _, n := range []int{12, 50, 200} {
		nodes, edges := level(n)
		o := newOverview(newGraph(nodes, edges, overviewWidths))
		o.stack(nodeGap, 4)
		o.placeX(colGap)
		for i, col := range o.cols {
			for j := 1; j < len(col); j++ {
				if gap := col[j].box().y0 - col[j-1].box().y1; gap < nodeGap-0.01 {
					t.Errorf("%d pages: column %d, places %d and %d are %.1f px apart, want %v", n, i, j-1, j, gap, nodeGap)
				}
			}
			if i > 0 {
				left, right := o.cols[i-1][0].c.x+o.colWidth(i-1)/2, col[0].c.x-o.colWidth(i)/2
				if right-left < colGap-0.01 {
					t.Errorf("%d pages: columns %d and %d are %.1f px apart, want %v", n, i-1, i, right-left, colGap)
				}
			}
		}
	}
}

func TestOverviewOrderingReducesCrossings(t *testing.T) {
	nodes, edges := level(80)
	g := newGraph(nodes, edges, overviewWidths)
	o := newOverview(g)
	after := crossings(o.chains)
	// The same columns in label order, as before ordering.
	for _, col := range o.cols {
		var ns, ws []*vnode
		for _, v := range col {
			if v.waypoint {
				ws = append(ws, v)
			} else {
				ns = append(ns, v)
			}
		}
		sortByLabel(ns)
		copy(col, append(ns, ws...))
		for i, v := range col {
			v.idx = i
		}
	}
	if before := crossings(o.chains); after >= before {
		t.Errorf("got %d crossings after ordering, want fewer than the %d before", after, before)
	}
}

func sortByLabel(vs []*vnode) {
	slices.SortStableFunc(vs, func(x, y *vnode) int { return compareLabels(x.label, y.label) })
}

func TestLinesEndOnNodeOutlines(t *testing.T) {
	for k := kRect; k <= kTag; k++ {
		s := sized(k, 100, 30)
		for deg := 0; deg < 360; deg += 15 {
			a := float64(deg) * math.Pi / 180
			p := s.boundary(pt{}, pt{1000 * math.Cos(a), 1000 * math.Sin(a)}, 0)
			if !onOutline(s, p) {
				t.Errorf("kind %d, %d°: boundary point %v is not on the outline", k, deg, p)
			}
		}
	}
}

// onOutline reports whether p lies on s's outline, within 0.01 px.
func onOutline(s shape, p pt) bool {
	poly := s.polygon(new([8]pt))
	if poly == nil {
		return math.Abs(math.Hypot(p.x/s.hw, p.y/s.hh)-1) < 0.01/min(s.hw, s.hh)
	}
	for i, a := range poly {
		b := poly[(i+1)%len(poly)]
		ab, ap := b.sub(a), p.sub(a)
		if t := ap.dot(ab) / ab.dot(ab); t >= -1e-9 && t <= 1+1e-9 && math.Abs(ab.cross(ap))/ab.len() < 0.01 {
			return true
		}
	}
	return false
}

func BenchmarkNeighbourhood30(b *testing.B) {
	nodes, edges := hub(30)
	for b.Loop() {
		Neighbourhood("hub", nodes, edges)
	}
}

func BenchmarkNeighbourhood150(b *testing.B) {
	nodes, edges := hub(150)
	for b.Loop() {
		Neighbourhood("hub", nodes, edges)
	}
}

func BenchmarkOverview200(b *testing.B) {
	nodes, edges := level(200)
	for b.Loop() {
		Overview(nodes, edges)
	}
}

func BenchmarkNeighbourhoodNarrow30(b *testing.B) {
	nodes, edges := hub(30)
	for b.Loop() {
		NeighbourhoodNarrow("hub", nodes, edges)
	}
}

// fullRadial is bestRadial without giving up on an option early: every
// option searched to its end, the least kept as bestRadial keeps it.
func fullRadial(c *vnode, ring []*vnode, links []*link) ([]pt, []labelBox) {
	var (
		bestPos    []pt
		bestLabels []labelBox
		bestSize   = math.Inf(1)
	)
	for _, r := range radialOptions(len(ring)) {
		labels, ok := r.fit(c, ring, links, math.Inf(1), new(layoutScratch))
		if !ok {
			panic("an option without a bound gave up")
		}
		if size := frameSize(frame(append(nodeBoxes(ring), c.box()), labels)); size < bestSize-1e-6 {
			bestSize, bestLabels, bestPos = size, labels, nil
			for _, v := range ring {
				bestPos = append(bestPos, v.c)
			}
		}
	}
	return bestPos, bestLabels
}

// TestBestRadialGivesUpOnlyOnLosingOptions draws hubs of every size, and
// random neighbourhoods, with bestRadial, which stops searching an option
// once it cannot win, and with the full search, and wants the same places
// and labels to the bit.
func TestBestRadialGivesUpOnlyOnLosingOptions(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 5))
	words := []string{"Cluster", "Product", "Owner", "Backlog", "Refinement", "Group", "Working", "Time", "A", "Release Train Engineering"}
	types := []string{"role", "group", "event", "artifact", "cadence", "area", "backlog", "release", "page", "item"}
	type input struct {
		nodes []Node
		edges []Edge
	}
	var inputs []input
	for n := 1; n <= 40; n++ {
		nodes, edges := hub(n)
		inputs = append(inputs, input{nodes, edges})
	}
	for range 60 {
		n := 1 + r.IntN(40)
		nodes := []Node{{ID: "hub", Label: words[r.IntN(len(words))], Type: types[r.IntN(len(types))]}}
		var edges []Edge
		for i := range n {
			label := ""
			for range 1 + r.IntN(4) {
				label += words[r.IntN(len(words))] + " "
			}
			id := fmt.Sprintf("n%02d", i)
			nodes = append(nodes, Node{ID: id, Label: label, Type: types[r.IntN(len(types))]})
			rel := words[r.IntN(len(words))]
			if r.IntN(2) == 0 {
				edges = append(edges, Edge{id, "hub", rel})
			} else {
				edges = append(edges, Edge{"hub", id, rel})
			}
			if i > 0 && r.IntN(4) == 0 {
				edges = append(edges, Edge{id, fmt.Sprintf("n%02d", r.IntN(i)), rel})
			}
		}
		inputs = append(inputs, input{nodes, edges})
	}
	options := 0
	for k, in := range inputs {
		g, c, labels := layoutNeighbourhood("hub", in.nodes, in.edges)
		var ring []*vnode
		var got []pt
		for _, v := range g.nodes {
			if v != c {
				got = append(got, v.c)
			}
		}
		// The same ring order as layoutNeighbourhood's, from a fresh graph.
		g2, c2, _ := layoutNeighbourhood("hub", in.nodes, in.edges)
		for _, v := range g2.nodes {
			if v != c2 {
				ring = append(ring, v)
			}
		}
		sorted := slices.Clone(ring)
		slices.SortStableFunc(sorted, func(x, y *vnode) int {
			return cmp.Or(generator.CompareTypes(x.typ, y.typ), compareLabels(x.label, y.label))
		})
		wantPos, wantLabels := fullRadial(c2, sorted, g2.links)
		var want []pt
		for _, v := range ring { // in the graph's order, as got
			want = append(want, wantPos[slices.Index(sorted, v)])
		}
		if !slices.Equal(got, want) {
			t.Errorf("input %d (%d neighbours): places %v, the full search's %v", k, len(ring), got, want)
		}
		if len(labels) != len(wantLabels) {
			t.Fatalf("input %d: %d labels, the full search's %d", k, len(labels), len(wantLabels))
		}
		for i := range labels {
			if labels[i].c != wantLabels[i].c || !slices.Equal(labels[i].lines, wantLabels[i].lines) {
				t.Errorf("input %d: label %d at %v, the full search's at %v", k, i, labels[i].c, wantLabels[i].c)
			}
		}
		options += len(radialOptions(len(ring)))
	}
	if options <= len(inputs) {
		t.Fatalf("%d options for %d inputs: no input had a choice to make", options, len(inputs))
	}
}
