package svg

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator/safeurl"
)

// Node is a page in a graph. Href is already relative to the page the SVG
// is embedded in.
type Node struct {
	ID    string // unique within the graph
	Label string // page title
	Abbr  string // optional abbreviation, shown under the label
	Type  string // page type: role, group, event, artifact, cadence, area, backlog, item, release, page, or a site's own
	Href  string
	// TypeLabel is how the node's tooltip names its type in the site's
	// language ("Rolle"); "" names it by Type.
	TypeLabel string
	// Caption is, on the centre of a neighbourhood, the drawing's
	// accessible name in the site's language; "" is "Relations of
	// <label>: <n> related pages".
	Caption string
}

// Edge is a typed relation From → To (node IDs), drawn with an arrow and
// its Label (the relation's label, e.g. "organizes").
type Edge struct{ From, To, Label string }

// vnode is a node made ready to draw: text cleaned and fitted, outline
// sized; a layout sets its centre.
type vnode struct {
	id, label, abbr, typ string
	typLabel, caption    string // the type as the tooltip names it ("" : typ), and a centre's caption
	href                 string // "" when the node is drawn without a link
	lines                []string
	lineRoom             [3]string // where lines are, as fit makes at most three; a copy of the vnode shares them
	tw, th               float64   // size of the text block
	shape                shape
	c                    pt   // centre
	bold                 bool // the label is set in bold (the centre of a neighbourhood)

	// Overview only:
	col, idx int      // column and place in it
	adj      []*vnode // the nodes (and waypoints) it is linked with
	waypoint bool     // a point a line passes through, not a page
}

func (v *vnode) box() box { return boxAt(v.c, 2*v.shape.hw, 2*v.shape.hh) }

// title is the node's tooltip: the full label, abbreviation and type.
func (v *vnode) title() string {
	t := v.label
	if v.abbr != "" {
		t += " (" + v.abbr + ")"
	}
	if v.typLabel != "" {
		return t + " · " + v.typLabel
	}
	return t + " · " + v.typ
}

// captionOf is the accessible name of a drawing around centre c with n
// related pages.
func captionOf(c *vnode, n int) string {
	if c.caption != "" {
		return c.caption
	}
	return fmt.Sprintf("Relations of %s: %d related pages", c.label, n)
}

// textWidths are the widths, in px, that labels wrap at.
type textWidths struct{ normal, circle float64 }

var (
	neighbourhoodWidths = textWidths{normal: 130, circle: 80}
	overviewWidths      = textWidths{normal: 130, circle: 84}
)

// boldWidth is how much wider bold text is than regular (DejaVu Sans:
// 1.09 on average).
const boldWidth = 1.1

// prepare cleans n's text and sizes the node v.
func prepare(v *vnode, n Node, widths textWidths) {
	*v = vnode{id: n.ID, label: clean(n.Label), abbr: clean(n.Abbr), typ: clean(n.Type), href: safeHref(n.Href),
		typLabel: clean(n.TypeLabel), caption: clean(n.Caption)}
	if v.label == "" {
		v.label = clean(n.ID)
	}
	if v.typ == "" {
		v.typ = "page"
	}
	v.fit(widths)
}

// fit fits v's label into at most two lines of widths.normal px (three
// narrower ones in a circle), in bold if v.bold, and sizes its outline.
func (v *vnode) fit(widths textWidths) {
	k := kindOf(v.typ)
	width, lines := widths.normal, 2
	if k == kCircle {
		width, lines = widths.circle, 3
	}
	size := fontSize
	if v.bold {
		size *= boldWidth // measure as if larger: bold is wider
	}
	v.lines, _ = fitInto(v.lineRoom[:0], v.label, width, size, lines)
	v.abbr, _ = truncate(v.abbr, width, smallSize*boldWidth)
	v.tw, v.th = 24, lineHeight*float64(len(v.lines))
	for _, l := range v.lines {
		v.tw = max(v.tw, textWidth(l, size))
	}
	if v.abbr != "" {
		v.tw = max(v.tw, textWidth(v.abbr, smallSize)*boldWidth)
		v.th += smallLine
	}
	v.shape = sized(k, v.tw, v.th)
}

// safeHref returns href with its spaces normalised, or "" when it may not
// be published (javascript:, data:, vbscript:, …; see safeurl).
func safeHref(href string) string {
	if !safeurl.Safe(href) {
		return ""
	}
	return clean(href)
}

// link is every edge between two nodes, merged into one line.
type link struct {
	a, b   *vnode    // a.id < b.id
	ab, ba []string  // labels of the edges a → b and b → a, sorted, distinct
	box    *labelBox // the label's wrapped text, made once: layouts place it many times
}

// labels returns the labels to show on the line, forward ones first.
func (l *link) labels() []string {
	var out []string
	for _, s := range append(slices.Clip(l.ab), l.ba...) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// title is the link's tooltip: every relation as a sentence, "A organizes B".
func (l *link) title() string {
	var parts []string
	for _, s := range l.ab {
		parts = append(parts, sentence(l.a, s, l.b))
	}
	for _, s := range l.ba {
		parts = append(parts, sentence(l.b, s, l.a))
	}
	return strings.Join(parts, "; ")
}

func sentence(from *vnode, label string, to *vnode) string {
	if label == "" {
		label = "→"
	}
	return from.label + " " + label + " " + to.label
}

// graph is the input made canonical, so that the order of the caller's
// slices cannot change the output: nodes sorted by ID (of two with one ID
// the smaller by all fields wins), edges without both ends among the nodes
// or with both on one node dropped, the rest merged per pair of nodes.
type graph struct {
	nodes []*vnode
	srcs  []Node            // what each of nodes was prepared from, in the same order
	byID  map[string]*vnode // for look-ups only, never iterated
	links []*link           // sorted by their ends' IDs
}

func newGraph(nodes []Node, edges []Edge, widths textWidths) *graph {
	ns := slices.Clone(nodes)
	slices.SortFunc(ns, compareNodes)
	g := &graph{byID: make(map[string]*vnode, len(ns)), nodes: make([]*vnode, 0, len(ns)), srcs: ns[:0]}
	vs := make([]vnode, len(ns)) // the nodes in one allocation
	for i, n := range ns {
		if _, dup := g.byID[n.ID]; !dup {
			v := &vs[i]
			prepare(v, n, widths)
			g.nodes = append(g.nodes, v)
			g.srcs = append(g.srcs, n) // over ns, behind i
			g.byID[n.ID] = v
		}
	}
	g.links = g.merge(edges)
	return g
}

// refit makes g's nodes what newGraph would have made them with widths,
// laid out nowhere: a graph laid out and drawn once is drawn again with
// other widths without being made again (its links stay as they are).
func (g *graph) refit(widths textWidths) {
	for i, v := range g.nodes {
		prepare(v, g.srcs[i], widths)
	}
	for _, l := range g.links {
		l.box = nil // the label as the last layout wrapped it
	}
}

func compareNodes(x, y Node) int {
	return cmp.Or(strings.Compare(x.ID, y.ID), strings.Compare(x.Label, y.Label),
		strings.Compare(x.Abbr, y.Abbr), strings.Compare(x.Type, y.Type), strings.Compare(x.Href, y.Href))
}

// merge turns edges into links, one per pair of nodes.
func (g *graph) merge(edges []Edge) []*link {
	byPair := make(map[[2]string]*link, len(edges))
	links := make([]*link, 0, len(edges))
	slab := make([]link, 0, len(edges)) // the links in one allocation
	for _, e := range edges {
		from, to := g.byID[e.From], g.byID[e.To]
		if from == nil || to == nil || from == to {
			continue
		}
		a, b := from, to
		if a.id > b.id {
			a, b = b, a
		}
		l := byPair[[2]string{a.id, b.id}]
		if l == nil {
			slab = append(slab, link{a: a, b: b})
			l = &slab[len(slab)-1]
			byPair[[2]string{a.id, b.id}] = l
			links = append(links, l)
		}
		if from == a {
			l.ab = append(l.ab, clean(e.Label))
		} else {
			l.ba = append(l.ba, clean(e.Label))
		}
	}
	for _, l := range links {
		slices.Sort(l.ab)
		l.ab = slices.Compact(l.ab)
		slices.Sort(l.ba)
		l.ba = slices.Compact(l.ba)
	}
	slices.SortFunc(links, func(x, y *link) int {
		return cmp.Or(strings.Compare(x.a.id, y.a.id), strings.Compare(x.b.id, y.b.id))
	})
	return links
}
