package svg

import (
	"strconv"
	"strings"
	"testing"
)

// phoneContent is the width a 390 px phone leaves for a page's content.
const phoneContent = 358.0

// fontSizes returns every font-size attribute of the drawing, root first.
func fontSizes(t *testing.T, svg []byte) []float64 {
	t.Helper()
	var out []float64
	for _, e := range decode(t, svg).elems {
		for _, a := range e.Attr {
			if a.Name.Local != "font-size" {
				continue
			}
			f, err := strconv.ParseFloat(a.Value, 64)
			if err != nil {
				t.Fatalf("font-size %q: %v", a.Value, err)
			}
			out = append(out, f)
		}
	}
	return out
}

// rootWidth returns the width attribute of the drawing's root.
func rootWidth(t *testing.T, svg []byte) float64 {
	t.Helper()
	for _, a := range decode(t, svg).elems[0].Attr {
		if a.Name.Local == "width" {
			w, err := strconv.ParseFloat(a.Value, 64)
			if err != nil {
				t.Fatalf("width %q: %v", a.Value, err)
			}
			return w
		}
	}
	t.Fatalf("root has no width")
	return 0
}

// Every drawing is shown at its natural size, so its font sizes are the
// sizes readers see.
func TestDrawingsHaveNoTextUnderMinimumSize(t *testing.T) {
	nodes, edges := clusterReview()
	hubNodes, hubEdges := hub(40)
	_, lanes := roadmap().Draw()
	for name, svg := range map[string][]byte{
		"neighbourhood": Neighbourhood("events/cluster-review", nodes, edges),
		"narrow":        NeighbourhoodNarrow("hub", hubNodes, hubEdges),
		"overview":      Overview(clusterLevel()),
		"legend":        Legend([]string{"role", "group", "event", "artifact", "cadence"}),
		"timeline":      roadmap().SVG(),
		"lanes":         lanes,
		"scatter":       Scatter("Value", []Point{{Key: "A-1", Value: 3, Estimate: 2}}),
		"throughput":    Throughput(throughput()),
		"flow":          CumulativeFlow(flow()),
		"cycle times":   CycleTimeScatter(cycleTimes()),
		"burn-up":       ReleaseBurnUp(burnUp()),
	} {
		sizes := fontSizes(t, svg)
		if len(sizes) == 0 {
			t.Errorf("%s: no font-size at all: the page's CSS would choose it", name)
		}
		for _, s := range sizes {
			if s < minTextSize {
				t.Errorf("%s: font-size %g, want at least %g", name, s, minTextSize)
			}
		}
	}
}

// longNames is a page with long titles and relation labels on both sides.
func longNames() ([]Node, []Edge) {
	nodes := []Node{{ID: "c", Label: "Cluster Product Owner Group Working Time of the Northern Region", Type: "event"}}
	var edges []Edge
	types := []string{"role", "group", "event", "artifact", "cadence", "area", "backlog", "release", "page"}
	for i, typ := range types {
		id := "n" + strconv.Itoa(i)
		nodes = append(nodes, Node{ID: id, Label: strings.Repeat("Refinement Horizon ", 1+i%4), Abbr: "ABCDEFGHIJ", Type: typ})
		if i%2 == 0 {
			edges = append(edges, Edge{"c", id, "is moderated and facilitated on behalf of the whole cluster by"})
		} else {
			edges = append(edges, Edge{id, "c", "attends"})
		}
	}
	return nodes, edges
}

func TestNarrowNeighbourhoodFitsAPhone(t *testing.T) {
	cases := map[string]func() ([]Node, []Edge){"long names": longNames}
	for _, n := range []int{1, 5, 12, 40} {
		cases["hub "+strconv.Itoa(n)] = func() ([]Node, []Edge) { return hub(n) }
	}
	for name, fixture := range cases {
		t.Run(name, func(t *testing.T) {
			nodes, edges := fixture()
			center := nodes[0].ID
			svg := NeighbourhoodNarrow(center, nodes, edges)
			if w := rootWidth(t, svg); w > phoneContent {
				t.Errorf("width %g, want at most %g", w, phoneContent)
			}
			for _, s := range fontSizes(t, svg) {
				if s < narrowTextSize {
					t.Errorf("font-size %g, want at least %g on a phone", s, narrowTextSize)
				}
			}
			g := newGraph(nodes, edges, narrowWidths)
			c := g.byID[center]
			c.bold = true
			c.fit(centreWidths)
			groups := relationGroups(c, g.links)
			height := layoutNarrow(c, groups)
			drawn := []*vnode{c}
			frame := box{0, 0, narrowWidth, height}
			for _, rg := range groups {
				for _, line := range rg.heading {
					if headingX+textWidth(line, narrowTextSize) > narrowWidth {
						t.Errorf("heading %q runs past the right edge", line)
					}
				}
				head := box{headingX, rg.headY, narrowWidth, rg.headY + lineHeight*float64(len(rg.heading))}
				for _, v := range drawn {
					if v.box().overlaps(head) {
						t.Errorf("heading %q overlaps %s", rg.heading, v.label)
					}
				}
				drawn = append(drawn, rg.nodes...)
			}
			related := 0
			for _, l := range g.links {
				related += len(l.ab) + len(l.ba)
			}
			if len(drawn)-1 != related {
				t.Errorf("%d neighbours drawn, want one per relation: %d", len(drawn)-1, related)
			}
			for i, v := range drawn {
				if b := v.box(); !inside(b, frame) {
					t.Errorf("%s at %v is outside the drawing %v", v.label, b, frame)
				}
				for _, u := range drawn[:i] {
					if v.box().overlaps(u.box()) {
						t.Errorf("%s overlaps %s", v.label, u.label)
					}
				}
			}
		})
	}
}

func TestNarrowNeighbourhoodGroupsByRelationAndDirection(t *testing.T) {
	nodes, edges := clusterReview()
	g := newGraph(nodes, edges, narrowWidths)
	c := g.byID["events/cluster-review"]
	var got []string
	for _, rg := range relationGroups(c, g.links) {
		var names []string
		for _, v := range rg.nodes {
			names = append(names, v.label)
		}
		got = append(got, strings.Join(rg.heading, " ")+": "+strings.Join(names, ", "))
	}
	want := []string{
		"Cluster Review is part of: Inter-Cycle Week",
		"attends Cluster Review: Cluster Scrum Master, Cluster System Engineer, Stakeholder",
		"is adapted in Cluster Review: Cluster Backlog",
		"is inspected in Cluster Review: Cluster Backlog, System Increment, System Platform, Usable Knowledge & Documented Decisions",
		"optionally attends Cluster Review: Nucleus Member, Users, Customers and Sales",
		"organizes Cluster Review: Cluster Product Owner",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNarrowNeighbourhoodIsNilWithoutItsCentre(t *testing.T) {
	nodes, edges := clusterReview()
	if got := NeighbourhoodNarrow("nowhere", nodes, edges); got != nil {
		t.Errorf("got %d bytes, want nil", len(got))
	}
}
