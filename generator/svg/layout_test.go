package svg

import (
	"fmt"
	"math"
	"slices"
	"testing"
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
			if crossesOthers(p, q, l, g.nodes) {
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
