package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// doc is what a test needs to know of an SVG: its elements with their
// attributes, and its text.
type doc struct {
	elems []xml.StartElement
	text  string
}

func decode(t *testing.T, b []byte) doc {
	t.Helper()
	parseSVG(t, b)
	var d doc
	var text strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			d.elems = append(d.elems, tok.Copy())
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		}
	}
	d.text = text.String()
	return d
}

// links returns the href of every <a> element.
func (d doc) links() []string {
	var out []string
	for _, e := range d.elems {
		if e.Name.Local == "a" {
			for _, a := range e.Attr {
				if a.Name.Local == "href" {
					out = append(out, a.Value)
				}
			}
		}
	}
	return out
}

func count(hrefs []string, h string) int {
	n := 0
	for _, x := range hrefs {
		if x == h {
			n++
		}
	}
	return n
}

// pairs counts the distinct pairs of known, distinct nodes that edges link.
func pairs(nodes []Node, edges []Edge) int {
	known := map[string]bool{}
	for _, n := range nodes {
		known[n.ID] = true
	}
	seen := map[[2]string]bool{}
	for _, e := range edges {
		a, b := min(e.From, e.To), max(e.From, e.To)
		if known[a] && known[b] && a != b {
			seen[[2]string{a, b}] = true
		}
	}
	return len(seen)
}

func shuffled[T any](r *rand.Rand, s []T) []T {
	out := append([]T(nil), s...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// level generates a level of n pages of six types with about 3n
// relations, the same for the same n.
func level(n int) ([]Node, []Edge) {
	types := []string{"role", "group", "event", "artifact", "cadence", "area"}
	weights := []int{30, 15, 25, 22, 4, 4} // of 100, roughly as in a real site
	r := rand.New(rand.NewPCG(uint64(n), 7))
	var nodes []Node
	for i := range n {
		k, w := 0, r.IntN(100)
		for w >= weights[k] {
			w -= weights[k]
			k++
		}
		label := fmt.Sprintf("%s %d %s", strings.ToUpper(types[k][:1])+types[k][1:], i, strings.Repeat("word ", r.IntN(5)))
		nodes = append(nodes, Node{ID: fmt.Sprintf("p%03d", i), Label: label, Type: types[k], Href: fmt.Sprintf("../p%03d/", i)})
	}
	var edges []Edge
	for range 3 * n {
		a, b := nodes[r.IntN(n)], nodes[r.IntN(n)]
		edges = append(edges, Edge{a.ID, b.ID, []string{"is part of", "attends", "organizes", "is inspected in"}[r.IntN(4)]})
	}
	return nodes, edges
}

func TestOutputDoesNotDependOnInputOrder(t *testing.T) {
	rn, re := clusterReview()
	on, oe := clusterLevel()
	ln, le := level(120)
	types := []string{"role", "group", "event", "artifact", "cadence", "area", "site-type"}
	draws := map[string]func(r *rand.Rand) []byte{
		"neighbourhood": func(r *rand.Rand) []byte {
			return Neighbourhood("events/cluster-review", shuffled(r, rn), shuffled(r, re))
		},
		"overview":       func(r *rand.Rand) []byte { return Overview(shuffled(r, on), shuffled(r, oe)) },
		"large overview": func(r *rand.Rand) []byte { return Overview(shuffled(r, ln), shuffled(r, le)) },
		"legend":         func(r *rand.Rand) []byte { return Legend(shuffled(r, types)) },
	}
	for name, draw := range draws {
		want := draw(rand.New(rand.NewPCG(0, 0)))
		for seed := range uint64(5) {
			if got := draw(rand.New(rand.NewPCG(seed+1, 42))); !bytes.Equal(got, want) {
				t.Errorf("%s: shuffle %d gives different output:\n%s\nwant:\n%s", name, seed+1, got, want)
			}
		}
	}
}

func TestEveryNodeIsOneLinkAndEveryEdgeOneLine(t *testing.T) {
	rn, re := clusterReview()
	on, oe := clusterLevel()
	ln, le := level(200)
	cases := []struct {
		name  string
		nodes []Node
		edges []Edge
		svg   []byte
	}{
		{"neighbourhood", rn, re, Neighbourhood("events/cluster-review", rn, re)},
		{"overview", on, oe, Overview(on, oe)},
		{"overview of 200 pages", ln, le, Overview(ln, le)},
	}
	for _, c := range cases {
		hrefs := decode(t, c.svg).links()
		if len(hrefs) != len(c.nodes) {
			t.Errorf("%s: got %d links, want %d", c.name, len(hrefs), len(c.nodes))
		}
		for _, n := range c.nodes {
			if got := count(hrefs, n.Href); got != 1 {
				t.Errorf("%s: node %s is linked %d times, want 1", c.name, n.ID, got)
			}
		}
		if got, want := bytes.Count(c.svg, []byte(`class="edge"`)), pairs(c.nodes, c.edges); got != want {
			t.Errorf(`%s: got %d class="edge", want %d (one per linked pair)`, c.name, got, want)
		}
	}
}

func TestEdgesBetweenOnePairBecomeOneLine(t *testing.T) {
	nodes := []Node{{ID: "a", Label: "Alpha", Type: "role", Href: "a/"}, {ID: "b", Label: "Beta", Type: "event", Href: "b/"}}
	edges := []Edge{{"a", "b", "organizes"}, {"a", "b", "attends"}, {"b", "a", "invites"}, {"a", "b", "organizes"}}
	for name, svg := range map[string][]byte{"neighbourhood": Neighbourhood("a", nodes, edges), "overview": Overview(nodes, edges)} {
		if got := bytes.Count(svg, []byte(`class="edge"`)); got != 1 {
			t.Errorf("%s: got %d lines, want 1", name, got)
		}
		d := decode(t, svg)
		for _, want := range []string{"Alpha attends Beta; Alpha organizes Beta; Beta invites Alpha", "attends", "organizes", "invites"} {
			if !strings.Contains(d.text, want) {
				t.Errorf("%s: text lacks %q", name, want)
			}
		}
		if !bytes.Contains(svg, []byte("marker-end=")) || !bytes.Contains(svg, []byte("marker-start=")) {
			t.Errorf("%s: a line with relations both ways needs arrowheads at both ends:\n%s", name, svg)
		}
	}
}

func TestEdgesToUnknownNodesAndLoopsAreLeftOut(t *testing.T) {
	nodes := []Node{{ID: "a", Label: "Alpha", Type: "role"}, {ID: "b", Label: "Beta", Type: "group"}}
	edges := []Edge{{"a", "b", "is part of"}, {"a", "ghost", "attends"}, {"ghost", "b", "attends"}, {"a", "a", "is a"}}
	for name, svg := range map[string][]byte{"neighbourhood": Neighbourhood("a", nodes, edges), "overview": Overview(nodes, edges)} {
		if got := bytes.Count(svg, []byte(`class="edge"`)); got != 1 {
			t.Errorf("%s: got %d lines, want 1", name, got)
		}
		parseSVG(t, svg)
	}
}

func TestNeighbourhoodOfUnknownCentreIsNil(t *testing.T) {
	nodes, edges := clusterReview()
	if got := Neighbourhood("events/nowhere", nodes, edges); got != nil {
		t.Errorf("got %d bytes, want nil", len(got))
	}
}

func TestEmptyInputsGiveValidSVG(t *testing.T) {
	for name, svg := range map[string][]byte{
		"overview":      Overview(nil, nil),
		"legend":        Legend(nil),
		"lone centre":   Neighbourhood("a", []Node{{ID: "a", Label: "Alone"}}, nil),
		"one neighbour": Neighbourhood("a", []Node{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}}, []Edge{{"a", "b", "x"}}),
		"narrow, alone": NeighbourhoodNarrow("a", []Node{{ID: "a", Label: "Alone"}}, nil),
		"narrow, one":   NeighbourhoodNarrow("a", []Node{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}}, []Edge{{"b", "a", ""}}),
	} {
		t.Run(name, func(t *testing.T) { parseSVG(t, svg) })
	}
}

func TestSVGIsAccessibleAtNaturalSize(t *testing.T) {
	nodes, edges := clusterReview()
	for name, svg := range map[string][]byte{
		"neighbourhood": Neighbourhood("events/cluster-review", nodes, edges),
		"narrow":        NeighbourhoodNarrow("events/cluster-review", nodes, edges),
		"overview":      Overview(nodes, edges),
		"legend":        Legend([]string{"role"}),
	} {
		root := decode(t, svg).elems[0]
		attrs := map[string]string{}
		for _, a := range root.Attr {
			attrs[a.Name.Local] = a.Value
		}
		if attrs["role"] != "group" || attrs["aria-label"] == "" || attrs["viewBox"] == "" {
			t.Errorf("%s: root has role=%q aria-label=%q viewBox=%q, want group (its links stay reachable), a label and a viewBox", name, attrs["role"], attrs["aria-label"], attrs["viewBox"])
		}
		if vb := strings.Fields(attrs["viewBox"]); len(vb) != 4 || attrs["width"] != vb[2] || attrs["height"] != vb[3] {
			t.Errorf("%s: width %q and height %q, want the viewBox's %q: drawn at its natural size, text keeps the size it was measured at", name, attrs["width"], attrs["height"], attrs["viewBox"])
		}
		if !bytes.Contains(svg, []byte("<title>")) {
			t.Errorf("%s: no <title>", name)
		}
		if bytes.Contains(svg, []byte("fill=")) || bytes.Contains(svg, []byte("style=")) {
			t.Errorf("%s: colours must come from CSS classes, not attributes", name)
		}
	}
}

func TestMarkerIDsDifferBetweenGraphs(t *testing.T) {
	nodes, edges := clusterReview()
	a := Neighbourhood("events/cluster-review", nodes, edges)
	b := Neighbourhood("roles/cluster-product-owner", nodes, edges)
	id := func(svg []byte) string {
		_, rest, _ := bytes.Cut(svg, []byte(`<marker id="`))
		id, _, _ := bytes.Cut(rest, []byte(`"`))
		return string(id)
	}
	if id(a) == "" || id(a) == id(b) {
		t.Errorf("marker ids %q and %q: want two different ones, so that both graphs can be on one page", id(a), id(b))
	}
}

func TestLegendShowsEachTypeOnce(t *testing.T) {
	svg := Legend([]string{"role", "event", "role", "", "page", "My Type"})
	d := decode(t, svg)
	for _, want := range []string{"Role", "Event", "Page", "My Type"} {
		if n := strings.Count(d.text, want+"\n"); n != 1 {
			t.Errorf("legend names %q %d times, want 1", want, n)
		}
	}
	if !bytes.Contains(svg, []byte(`class="node t-my-type"`)) {
		t.Errorf("legend lacks the class of a site's own type:\n%s", svg)
	}
}

// TestIDTokenIsAsLongAsTheID keeps close's in-place replacement exact.
func TestIDTokenIsAsLongAsTheID(t *testing.T) {
	var c canvas
	c.WriteString(`<svg><defs id="` + idToken + `-a"/><use href="#` + idToken + `-a"/>`)
	doc := string(c.close())
	if strings.Contains(doc, "\x00") || strings.Count(doc, `"g`) != 1 || !strings.Contains(doc, `-a"/><use href="#g`) {
		t.Errorf("close() = %q: want the token replaced by g and 12 hex digits, whole", doc)
	}
	if n := len(fmt.Sprintf("g%012x", uint64(0))); len(idToken) != n {
		t.Errorf("idToken is %d bytes, the id %d", len(idToken), n)
	}
}

// A Drawer reuses its buffer, and draws the narrow drawing from the
// wide one's graph: each drawing must be what a fresh one gives, whatever
// was drawn before, larger or smaller.
func TestDrawerGivesWhatAFreshDrawingGives(t *testing.T) {
	big, bigEdges := hub(40)
	small, smallEdges := clusterReview()
	odd := []Node{
		{ID: "c", Label: "The centre of a drawing with a title long enough to wrap twice over", Abbr: "CENTRE-ABBREVIATION-TOO-LONG-FOR-ANY-WIDTH", Type: "role", Href: "../c/"},
		{ID: "n", Label: "Neighbour", Abbr: "A-RATHER-LONG-ABBREVIATION-CUT-IN-THE-WIDE-DRAWING", Type: "group", Href: "../n/"},
		{ID: "n", Label: "Neighbour twice", Type: "group", Href: "../n2/"},
		{ID: "e", Label: "An event", Abbr: "EVT", Type: "event", Href: "../e/"},
	}
	oddEdges := []Edge{{"c", "n", "is part of"}, {"e", "c", "is attended by"}, {"n", "e", "organizes"}}
	draws := []struct {
		name         string
		center       string
		nodes        []Node
		edges        []Edge
		wide, narrow []byte
	}{
		{"hub of 40", "hub", big, bigEdges, Neighbourhood("hub", big, bigEdges), NeighbourhoodNarrow("hub", big, bigEdges)},
		{"cluster review", "events/cluster-review", small, smallEdges, Neighbourhood("events/cluster-review", small, smallEdges), NeighbourhoodNarrow("events/cluster-review", small, smallEdges)},
		{"unknown centre", "nowhere", small, smallEdges, nil, nil},
		{"long abbreviations, a repeated id", "c", odd, oddEdges, Neighbourhood("c", odd, oddEdges), NeighbourhoodNarrow("c", odd, oddEdges)},
	}
	var d Drawer
	for _, order := range [][]int{{0, 1, 2, 3, 0, 2, 1, 3}, {3, 1, 0, 1, 2, 2, 0, 3}} {
		for _, i := range order {
			c := draws[i]
			wide, narrow := d.Neighbourhoods(c.center, c.nodes, c.edges)
			if wide != string(c.wide) {
				t.Errorf("%s, wide, after another drawing: got %d bytes, want %d:\n%s", c.name, len(wide), len(c.wide), wide)
			}
			if narrow != string(c.narrow) {
				t.Errorf("%s, narrow, from the wide one's graph: got %d bytes, want %d:\n%s", c.name, len(narrow), len(c.narrow), narrow)
			}
		}
	}
}
