package svg

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Narrow neighbourhood geometry, in px. The drawing is narrowWidth wide
// at its natural size, so that it fits the 358 px a 390 px phone leaves
// for content, with text at narrowTextSize or larger.
const (
	narrowWidth    = 340.0
	narrowTextSize = 12.0 // relation headings; node labels are fontSize
	narrowTop      = 8.0  // above the page and below the last neighbour
	trunkX         = 16.0 // the line the neighbours hang from
	headingX       = 28.0 // where relation headings start
	neighbourX     = 44.0 // where neighbours start
	groupGap       = 12.0 // above a relation heading
	neighbourGap   = 8.0  // between neighbours of one relation
)

// narrowWidths are the widths labels wrap at in the narrow drawing: the
// widest outline (a role's ellipse) still ends inside narrowWidth.
var narrowWidths = textWidths{normal: 200, circle: 110}

// centreWidths are the widths the page's own label wraps at, centred on top.
var centreWidths = textWidths{normal: 230, circle: 130}

// relationGroup is one relation in one direction from the centre, and the
// pages at its other end.
type relationGroup struct {
	label    string
	outgoing bool // centre → neighbours
	heading  []string
	headY    float64  // top of the heading
	nodes    []*vnode // copies, one per appearance
	links    []*link  // the link each node was reached by, for its tooltip
}

// NeighbourhoodNarrow draws what [Neighbourhood] draws, for a phone: the
// page on top and, below it, its neighbours one under another, grouped
// by relation and direction under a heading ("CPO organizes", "attends
// CPO"), each joined to a line running down from the page by an arrow
// that shows the relation's direction. A neighbour related in several
// ways appears under each. Edges between two neighbours are left out.
// The drawing is narrowWidth px wide at its natural size. It returns nil
// when center is not among nodes.
func NeighbourhoodNarrow(center string, nodes []Node, edges []Edge) []byte {
	g := newGraph(nodes, edges, narrowWidths)
	c := g.byID[center]
	if c == nil {
		return nil
	}
	return drawNarrowGraph(new(canvas), g, c)
}

// drawNarrowGraph lays out and draws on cv g, its nodes fitted to
// narrowWidths, below its node c, as NeighbourhoodNarrow does.
func drawNarrowGraph(cv *canvas, g *graph, c *vnode) []byte {
	c.bold = true
	c.fit(centreWidths)
	groups := relationGroups(c, g.links)
	height := layoutNarrow(c, groups)
	return drawNarrow(cv, c, groups, height, len(g.nodes)-1)
}

// relationGroups groups the links of c by direction and label: outgoing
// relations first, each direction by label, the pages of each by type
// and title as on the rings of the wide drawing.
func relationGroups(c *vnode, links []*link) []*relationGroup {
	type key struct {
		label    string
		outgoing bool
	}
	byKey := map[key]*relationGroup{}
	var groups []*relationGroup
	appearances := 0
	for _, l := range links {
		if l.a == c || l.b == c {
			appearances += len(l.ab) + len(l.ba)
		}
	}
	copies := make([]vnode, 0, appearances) // the copies, in one allocation
	add := func(label string, outgoing bool, other *vnode, l *link) {
		k := key{label, outgoing}
		rg := byKey[k]
		if rg == nil {
			rg = &relationGroup{label: label, outgoing: outgoing}
			byKey[k] = rg
			groups = append(groups, rg)
		}
		copies = append(copies, *other)
		rg.nodes = append(rg.nodes, &copies[len(copies)-1])
		rg.links = append(rg.links, l)
	}
	for _, l := range links {
		out, in, other := l.ab, l.ba, l.b
		switch c {
		case l.b:
			out, in, other = l.ba, l.ab, l.a
		case l.a:
		default:
			continue
		}
		for _, s := range out {
			add(s, true, other, l)
		}
		for _, s := range in {
			add(s, false, other, l)
		}
	}
	slices.SortFunc(groups, func(x, y *relationGroup) int {
		if x.outgoing != y.outgoing {
			if x.outgoing {
				return -1
			}
			return 1
		}
		return compareLabels(x.label, y.label)
	})
	name := c.abbr
	if name == "" {
		name = c.label
	}
	for _, rg := range groups {
		rg.heading, _ = fit(rg.sentence(name), narrowWidth-headingX-4, narrowTextSize, 2)
		order := make([]int, len(rg.nodes))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(i, j int) int {
			x, y := rg.nodes[i], rg.nodes[j]
			return cmp.Or(generator.CompareTypes(x.typ, y.typ), compareLabels(x.label, y.label))
		})
		ns, ls := make([]*vnode, len(order)), make([]*link, len(order))
		for i, o := range order {
			ns[i], ls[i] = rg.nodes[o], rg.links[o]
		}
		rg.nodes, rg.links = ns, ls
	}
	return groups
}

// sentence is the group's heading: the relation with the page's name
// where the relation puts it, "CPO organizes" or "attends CPO".
func (rg *relationGroup) sentence(name string) string {
	label := rg.label
	if label == "" {
		label = "→"
	}
	if rg.outgoing {
		return name + " " + label
	}
	return label + " " + name
}

// layoutNarrow places the centre on top and the groups' nodes below it,
// and returns the drawing's height.
func layoutNarrow(c *vnode, groups []*relationGroup) float64 {
	c.c = pt{narrowWidth / 2, narrowTop + c.shape.hh}
	y := c.c.y + c.shape.hh + groupGap
	for _, rg := range groups {
		rg.headY = y
		y += lineHeight*float64(len(rg.heading)) + 4
		for _, v := range rg.nodes {
			v.c = pt{neighbourX + v.shape.hw, y + v.shape.hh}
			y += 2*v.shape.hh + neighbourGap
		}
		y += groupGap - neighbourGap
	}
	return y - groupGap + narrowTop
}

// drawNarrow writes the narrow drawing laid out by layoutNarrow.
func drawNarrow(cv *canvas, c *vnode, groups []*relationGroup, height float64, related int) []byte {
	cv.Grow(bytesPerNode * (related + 2))
	cv.open("graph-neighbourhood-narrow", box{0, 0, narrowWidth, height}, captionOf(c, related))
	cv.arrows()
	if last := lastNeighbour(groups); last != nil {
		top := c.c.y + c.shape.hh
		fmt.Fprintf(cv, `<path class="trunk" d="M%s %sV%sH%sV%s"/>`+"\n",
			num(c.c.x), num(top+2), num(top+groupGap/2), num(trunkX), num(last.c.y))
	}
	cv.node(c, " center")
	for _, rg := range groups {
		cv.WriteString(`<g class="relation">`)
		writeAttrs(&cv.Buffer, []string{`<g class="edge-label"><text font-size="`, `" text-anchor="start">`}, narrowTextSize)
		for i, line := range rg.heading {
			y := rg.headY + lineHeight*float64(i)
			writeAttrs(&cv.Buffer, []string{`<tspan x="`, `" y="`, `">`}, headingX, y+lineHeight/2+narrowTextSize*0.35)
			cv.WriteString(esc(line))
			cv.WriteString(`</tspan>`)
		}
		cv.WriteString("</text></g>\n")
		for i, v := range rg.nodes {
			p, q := pt{trunkX, v.c.y}, v.shape.boundary(v.c, pt{trunkX, v.c.y}, 2)
			marker := "end"
			if !rg.outgoing {
				marker = "start"
			}
			cv.WriteString(`<g class="edge"><title>`)
			cv.linkTitle(rg.links[i])
			writeAttrs(&cv.Buffer, []string{`</title><path d="M`, ` `, `H`, `" marker-`}, p.x, p.y, q.x)
			cv.WriteString(marker + `="url(#` + idToken + `-arrow)"/></g>`)
			cv.node(v, "")
		}
		cv.WriteString("</g>\n")
	}
	return cv.close()
}

// lastNeighbour returns the bottom node of the drawing, or nil when there
// is none.
func lastNeighbour(groups []*relationGroup) *vnode {
	for i := len(groups) - 1; i >= 0; i-- {
		if ns := groups[i].nodes; len(ns) > 0 {
			return ns[len(ns)-1]
		}
	}
	return nil
}
