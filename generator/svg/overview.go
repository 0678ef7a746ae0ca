package svg

import (
	"fmt"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Overview layout constants, in px.
const (
	nodeGap     = 12.0 // between the nodes of a column
	colGap      = 90.0 // between columns, for the lines
	bandTop     = 34.0 // top of the column bands, below their headings
	top         = 46.0 // top of the first node
	margin      = 12.0
	maxLabelled = 40 // Overview labels its lines only up to this many links

	overviewLabelWidth = 96 // labels wrap at this width, to keep gaps narrow
)

// labelledGaps are the spacings tried in turn for room to label the
// lines: between the nodes of a column, and between columns beyond the
// widest label.
var labelledGaps = []struct{ nodes, cols float64 }{{30, 30}, {50, 30}, {40, 80}, {60, 140}}

// Overview draws a whole level (dozens to a couple of hundred nodes,
// hundreds of edges): one column per page type, linked types side by
// side; nodes ordered in their columns to reduce crossings and moved
// towards the nodes they link to; lines as curves between columns,
// passing between the nodes of the columns they cross, and as arcs out
// to the right between nodes of one column. Lines carry their relation's
// label when every label fits, and always a tooltip.
func Overview(nodes []Node, edges []Edge) []byte {
	o := newOverview(newGraph(nodes, edges, overviewWidths))
	if n := len(o.g.links); n > 0 && n <= maxLabelled {
		for _, gap := range labelledGaps {
			if labels, ok := o.label(gap.nodes, gap.cols); ok {
				return o.draw(labels)
			}
		}
	}
	o.stack(nodeGap, 4)
	o.placeX(colGap)
	return o.draw(nil)
}

// overview is a level being laid out.
type overview struct {
	g      *graph
	types  []string   // of the columns, left to right
	cols   [][]*vnode // nodes and waypoints, top to bottom
	chains [][]*vnode // per link: see chainLinks
	width  float64
}

// newOverview puts each type in a column, ordered by arrangeTypes, its
// nodes by label, adds the waypoints of long lines, and orders the
// columns to reduce crossings.
func newOverview(g *graph) *overview {
	o := &overview{g: g}
	for _, v := range g.nodes {
		if !slices.Contains(o.types, v.typ) {
			o.types = append(o.types, v.typ)
		}
	}
	slices.SortFunc(o.types, generator.CompareTypes)
	o.types = arrangeTypes(o.types, g.links)
	o.cols = make([][]*vnode, len(o.types))
	for _, v := range g.nodes {
		i := slices.Index(o.types, v.typ)
		o.cols[i] = append(o.cols[i], v)
	}
	for i, col := range o.cols {
		slices.SortStableFunc(col, func(x, y *vnode) int { return compareLabels(x.label, y.label) })
		for j, v := range col {
			v.col, v.idx = i, j
		}
	}
	o.chains = chainLinks(o.cols, g.links)
	orderColumns(o.cols, o.chains)
	return o
}

// stack sets the height of every node and waypoint (each wayHalf px
// above and below its line): packed from the top, gap px apart, then
// moved a few times towards what each links to.
func (o *overview) stack(gap, wayHalf float64) {
	for _, col := range o.cols {
		y := top
		for _, v := range col {
			if v.waypoint {
				v.shape.hh = wayHalf
			}
			v.c.y = y + v.shape.hh
			y += 2*v.shape.hh + gap
		}
	}
	for range 6 {
		for _, col := range o.cols {
			settle(col, top, gap)
		}
	}
}

// placeX sets each column's x, gap px apart, and the drawing's width; a
// waypoint spans its column.
func (o *overview) placeX(gap float64) {
	x := margin + 8
	for i, col := range o.cols {
		w := o.colWidth(i)
		for _, v := range col {
			v.c.x = x + w/2
			if v.waypoint {
				v.shape.hw = w / 2
			}
		}
		x += w + gap
	}
	o.width = max(x-gap+8+margin, 2*margin)
}

// colWidth is the width of column i: its widest node, or its heading.
func (o *overview) colWidth(i int) float64 {
	w := textWidth(heading(o.types[i]), fontSize*1.1)
	for _, v := range o.cols[i] {
		if !v.waypoint {
			w = max(w, 2*v.shape.hw)
		}
	}
	return w
}

// label lays the columns out with room for labels: gaps between columns
// extra px wider than the widest label, gap px between nodes, waypoints
// as high as a label. It reports whether every label found a free spot;
// if one did not, Overview leaves all out rather than some, which
// readers would take for a different kind of line.
func (o *overview) label(gap, extra float64) ([]labelBox, bool) {
	labels := make([]labelBox, len(o.g.links))
	widest, highest := 0.0, 0.0
	for i, l := range o.g.links {
		labels[i] = newLabelBox(l.labels(), overviewLabelWidth)
		widest, highest = max(widest, labels[i].w), max(highest, labels[i].h)
	}
	o.stack(gap, highest/2+2)
	o.placeX(max(colGap, widest+extra))
	var nodes []box
	for _, v := range o.g.nodes {
		nodes = append(nodes, v.box())
	}
	rs := routes(o.g.links, o.chains)
	spots := make([][]pt, len(labels))
	for i := range labels {
		if len(labels[i].lines) > 0 {
			spots[i] = labelSpotsOn(rs[i], o.chains[i], labels[i].h)
		}
	}
	return labels, placeConstrainedFirst(labels, spots, nodes)
}

// placeConstrainedFirst places labels at one of their spots each,
// clear of nodes and of each other: repeatedly the label with the fewest
// free spots left (the first of those on a tie) at its first free spot.
// Labels without spots are skipped. It reports whether all were placed.
func placeConstrainedFirst(labels []labelBox, spots [][]pt, nodes []box) bool {
	var taken []box
	placed := make([]bool, len(labels))
	for {
		next, fewest := -1, 0
		for i := range labels {
			if placed[i] || spots[i] == nil {
				continue
			}
			n := 0
			for _, c := range spots[i] {
				if free(boxAt(c, labels[i].w, labels[i].h), nodes, taken) {
					n++
				}
			}
			if n == 0 {
				return false
			}
			if next < 0 || n < fewest {
				next, fewest = i, n
			}
		}
		if next < 0 {
			return true
		}
		labels[next].c, _ = freeSpot(labels[next], spots[next], nodes, taken)
		taken = append(taken, labels[next].box())
		placed[next] = true
	}
}

// curveSpots are where along a curve its label may go, best first: the
// middle, then ever closer to the ends.
var curveSpots = []float64{0.5, 0.46, 0.54, 0.42, 0.58, 0.38, 0.62, 0.34, 0.66, 0.3, 0.7, 0.26, 0.74, 0.22, 0.78, 0.18, 0.82, 0.14, 0.86}

// heading is a column's heading: the type, capitalised, in the plural.
func heading(typ string) string { return generator.Capitalise(generator.Plural(typ)) }

func (o *overview) draw(labels []labelBox) []byte {
	rs := routes(o.g.links, o.chains)
	width, height := o.width, top
	for _, v := range o.g.nodes {
		height = max(height, v.c.y+v.shape.hh+8+margin)
	}
	for _, b := range labels {
		if len(b.lines) > 0 {
			height = max(height, b.box().y1+margin)
		}
	}
	for _, r := range rs { // arcs bulge out of the last column
		for _, c := range r {
			for t := 0.0; t <= 1; t += 0.125 {
				p := c.at(t)
				width, height = max(width, p.x+margin), max(height, p.y+margin)
			}
		}
	}
	var cv canvas
	cv.open("graph-overview", box{0, 0, width, height},
		fmt.Sprintf("Relation graph of %d pages and %d relations", len(o.g.nodes), len(o.g.links)))
	cv.arrows()
	o.bands(&cv, height)
	cv.WriteString("<g class=\"edges\">\n")
	for i, r := range rs {
		l := o.g.links[i]
		fmt.Fprintf(&cv, `<g class="edge"><title>%s</title><path d="M%s %s`, esc(l.title()), num(r[0].p0.x), num(r[0].p0.y))
		for _, c := range r {
			fmt.Fprintf(&cv, "C%s %s %s %s %s %s", num(c.c1.x), num(c.c1.y), num(c.c2.x), num(c.c2.y), num(c.p1.x), num(c.p1.y))
		}
		fmt.Fprintf(&cv, `"%s/></g>`+"\n", markers(l))
	}
	cv.WriteString("</g>\n<g class=\"nodes\">\n")
	for _, v := range o.g.nodes {
		cv.node(v, "")
	}
	cv.WriteString("</g>\n")
	if labels != nil {
		cv.WriteString("<g class=\"edge-labels\">\n")
		for _, b := range labels {
			if len(b.lines) > 0 {
				cv.label(b)
			}
		}
		cv.WriteString("</g>\n")
	}
	return cv.close()
}

// bands writes a background band and a heading per column.
func (o *overview) bands(cv *canvas, height float64) {
	cv.WriteString("<g class=\"bands\">\n")
	for i, col := range o.cols {
		w, x := o.colWidth(i), col[0].c.x
		fmt.Fprintf(cv, `<rect class="band %s" x="%s" y="%s" width="%s" height="%s" rx="8"/>`,
			typeClass(o.types[i]), num(x-w/2-8), num(bandTop), num(w+16), num(height-bandTop-margin))
		fmt.Fprintf(cv, `<text class="band-label" x="%s" y="%s" font-weight="bold">%s</text>`+"\n",
			num(x), num(bandTop-10), esc(heading(o.types[i])))
	}
	cv.WriteString("</g>\n")
}
