package svg

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// Neighbourhood draws one page (center, a node ID) and its direct
// relations in both directions: the centre in the middle, neighbours
// around it, every edge labelled. Returns an <svg> element (no XML
// prolog) for inline use in HTML, or nil when center is not among nodes.
func Neighbourhood(center string, nodes []Node, edges []Edge) []byte {
	g, c, labels := layoutNeighbourhood(center, nodes, edges)
	if c == nil {
		return nil
	}
	return drawNeighbourhood(new(canvas), g, c, labels)
}

// layoutNeighbourhood places the nodes (the centre at the origin) and
// the labels of the links, in the order of g.links. The centre is nil
// when it is not among the nodes.
func layoutNeighbourhood(center string, nodes []Node, edges []Edge) (*graph, *vnode, []labelBox) {
	g := newGraph(nodes, edges, neighbourhoodWidths)
	c := g.byID[center]
	if c == nil {
		return g, nil, nil
	}
	return g, c, layoutWide(g, c, new(layoutScratch))
}

// layoutWide lays out g, its nodes fitted to neighbourhoodWidths, around
// its node c as layoutNeighbourhood does; sc is the scratch of its tries,
// which a Drawer keeps from one page to the next.
func layoutWide(g *graph, c *vnode, sc *layoutScratch) []labelBox {
	c.bold = true
	c.fit(neighbourhoodWidths)
	var ring []*vnode
	for _, v := range g.nodes {
		if v != c {
			ring = append(ring, v)
		}
	}
	slices.SortStableFunc(ring, func(x, y *vnode) int { // stable: ties keep ID order
		return cmp.Or(generator.CompareTypes(x.typ, y.typ), compareLabels(x.label, y.label))
	})
	return bestRadial(c, ring, g.links, sc)
}

// compareLabels orders labels as readers expect: ignoring case first.
func compareLabels(a, b string) int {
	return cmp.Or(generator.CompareFold(a, b), strings.Compare(a, b))
}

// radial places the neighbours evenly by angle around the centre, on
// rings ellipses aspect times as wide as high: wide labels need more room
// side by side (top and bottom) than stacked (left and right). With more
// than one ring, neighbours alternate between them, and lines to the
// outer ones pass between the inner ones.
type radial struct {
	rings  int
	aspect float64
}

// aspects are the ring shapes tried (width ÷ height). Each try costs a
// full overlap search, and every page of a site gets a graph, so only two:
// measured on 3,000 pages, more shapes made the build twice as slow for
// graphs barely more compact.
var aspects = []float64{1.8, 2.4}

// radialOptions returns the layouts worth trying for n neighbours.
func radialOptions(n int) []radial {
	rings := []int{1}
	switch {
	case n >= 24:
		rings = []int{2, 3}
	case n >= 8:
		rings = []int{1, 2}
	}
	shapes := aspects
	if n < 24 {
		shapes = aspects[:1] // one ring shape is enough below two dozen neighbours
	}
	var out []radial
	for _, k := range rings {
		for _, a := range shapes {
			out = append(out, radial{k, a})
		}
	}
	return out
}

// bestRadial tries every option, each at the smallest size where nothing
// overlaps, and keeps the one whose width, or 1.3 times its height if
// more, is least: compact and landscape, but not so wide that phones
// shrink it to nothing. It places the nodes accordingly and returns the
// labels of links, in order. sc is the scratch of the tries.
func bestRadial(c *vnode, ring []*vnode, links []*link, sc *layoutScratch) []labelBox {
	var (
		bestPos    []pt
		bestLabels []labelBox
		bestSize   = math.Inf(1)
	)
	for _, r := range radialOptions(len(ring)) {
		labels, ok := r.fit(c, ring, links, bestSize-1e-6, sc)
		if !ok {
			continue
		}
		if size := frameSize(frameOf(c, ring, labels)); size < bestSize-1e-6 {
			bestSize, bestLabels = size, labels
			bestPos = bestPos[:0]
			for _, v := range ring {
				bestPos = append(bestPos, v.c)
			}
		}
	}
	for i, v := range ring {
		v.c = bestPos[i]
	}
	return bestLabels
}

// frameSize is what bestRadial minimises: a drawing's width, or 1.3 times
// its height if more.
func frameSize(f box) float64 { return max(f.x1-f.x0, 1.3*(f.y1-f.y0)) }

// fitTries is how many sizes fit may try: the rings grow by 3 % (at least
// 4 px) a try, so the last is some 350 times the first.
const fitTries = 200

// fit grows the rings until nodes, lines and labels stop overlapping (or
// a size limit is reached) and returns the labels placed. The sizes tried
// are a fixed sequence; fit gallops along it (tries 0, 1, 3, 7, …) to the
// first that fits and then bisects back to the smallest fitting one before
// it, a dozen layouts where a walk would make fifty. Where fitting is not
// monotonic in the size, that may be a later size than a walk's first: a
// fitting one all the same.
//
// A layout whose frameSize is not under beat is of no use to the caller,
// and fit gives up (ok false) as soon as the nodes alone, at the smallest
// size the search may still end at, make the drawing that large: the
// nodes only move outwards as the rings grow, and labels only add to the
// frame, so no size it would go on to try could do better. That spares
// most of the tries of the options that lose, and changes no result.
//
// The tries work in sc, which only they use: the labels returned are
// the final layout's own.
func (r radial) fit(c *vnode, ring []*vnode, links []*link, beat float64, sc *layoutScratch) (labels []labelBox, ok bool) {
	maxH := 0.0
	for _, v := range ring {
		maxH = max(maxH, 2*v.shape.hh)
	}
	all := append([]*vnode{c}, ring...)
	var rys [fitTries]float64
	rys[0] = c.shape.hh + maxH/2 + 16
	for i := 1; i < fitTries; i++ {
		rys[i] = rys[i-1] + max(4, rys[i-1]*0.03)
	}
	dirs := r.directions(ring)
	beaten := func(i int) bool { // whether every size from rys[i] on is too large
		if math.IsInf(beat, 1) {
			return false
		}
		r.place(ring, dirs, rys[i])
		return frameSize(frameOf(c, ring, nil)) >= beat
	}
	fits := func(i int) bool {
		r.place(ring, dirs, rys[i])
		if !apart(all, links, sc) {
			return false
		}
		_, ok := sc.placeLabels(all, links)
		return ok
	}
	lo, hi := -1, fitTries-1 // lo does not fit; hi fits, or is the last
	for i := 0; i < fitTries-1; i = 2*i + 1 {
		if beaten(lo + 1) {
			return nil, false
		}
		if fits(i) {
			hi = i
			break
		}
		lo = i
	}
	for hi-lo > 1 {
		if beaten(lo + 1) {
			return nil, false
		}
		if mid := (lo + hi) / 2; fits(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	r.place(ring, dirs, rys[hi])
	final := newLayoutScratch(len(all), len(links)) // the labels returned are its own
	final.ends = appendEnds(final.ends, links)
	labels, _ = final.placeLabels(all, links)
	return labels, true
}

// layoutScratch holds the boxes a layout try works with, for the next try
// to use again. The zero layoutScratch is ready to use: its slices grow
// as the tries need.
type layoutScratch struct {
	nodes, obstacles, taken []box
	labels                  []labelBox
	ends                    [][2]pt // where each link's line starts and ends (lineEnds), in the order of the links
}

// newLayoutScratch makes the scratch of the tries of a layout of nodes
// and links, each slice at the size the tries fill it to.
func newLayoutScratch(nodes, links int) *layoutScratch {
	return &layoutScratch{nodes: make([]box, 0, nodes), obstacles: make([]box, 0, nodes+2), taken: make([]box, 0, links),
		labels: make([]labelBox, 0, links), ends: make([][2]pt, 0, links)}
}

// directions are the unit vectors from the centre towards the nodes of
// the ring: node i at angle i/n of a turn, clockwise from the top. They
// are the same for every size a fit tries.
func (r radial) directions(ring []*vnode) []pt {
	dirs := make([]pt, len(ring))
	for i := range ring {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(ring))
		dirs[i] = pt{math.Cos(a), math.Sin(a)}
	}
	return dirs
}

// place puts node i of the ring in direction dirs[i] (r.directions) from
// the centre, on ring i mod r.rings.
func (r radial) place(ring []*vnode, dirs []pt, ry float64) {
	maxW, maxH := 0.0, 0.0
	for _, v := range ring {
		maxW, maxH = max(maxW, 2*v.shape.hw), max(maxH, 2*v.shape.hh)
	}
	for i, v := range ring {
		j := float64(i % r.rings)
		rx, ry := r.aspect*ry+j*(maxW*0.6), ry+j*(maxH+12)
		v.c = pt{rx * dirs[i].x, ry * dirs[i].y}
	}
}

// lineEnds returns where l's line starts (on l.a) and ends (on l.b), 2 px
// off the outlines.
func lineEnds(l *link) (p, q pt) {
	return l.a.shape.boundary(l.a.c, l.b.c, 2), l.b.shape.boundary(l.b.c, l.a.c, 2)
}

// labelSpots are where along a line its label may go, best first.
var labelSpots = [...]float64{0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74}

// appendEnds appends where the links' lines start and end (lineEnds).
func appendEnds(ends [][2]pt, links []*link) [][2]pt {
	for _, l := range links {
		p, q := lineEnds(l)
		ends = append(ends, [2]pt{p, q})
	}
	return ends
}

// apart reports whether no two nodes overlap and no line crosses a node
// it does not connect. When they are apart, sc.ends holds the ends of
// the links' lines, for placeLabels.
func apart(nodes []*vnode, links []*link, sc *layoutScratch) bool {
	sc.nodes = appendBoxes(sc.nodes[:0], nodes)
	boxes := sc.nodes
	for i := range boxes {
		grown := boxes[i].grow(6)
		for j := range i {
			if grown.overlaps(boxes[j]) {
				return false
			}
		}
	}
	sc.ends = slices.Grow(sc.ends[:0], len(links))
	for _, l := range links {
		p, q := lineEnds(l)
		if q.sub(p).len() < 24 || crossesOthers(p, q, l, nodes, boxes) {
			return false
		}
		sc.ends = append(sc.ends, [2]pt{p, q})
	}
	return true
}

// placeLabels puts every link's label at the first spot along its line
// clear of nodes and of the labels placed before, or, when there is
// none, in the middle of the line. It returns the labels and whether all
// found a clear spot. The labels are sc's, until its next use. The lines'
// ends are sc.ends, as apart or appendEnds left them for the nodes' places.
func (sc *layoutScratch) placeLabels(nodes []*vnode, links []*link) ([]labelBox, bool) {
	// The node boxes follow two slots for the line's ends in obstacles.
	obstacles := appendBoxes(append(sc.obstacles[:0], box{}, box{}), nodes)
	labels := slices.Grow(sc.labels[:0], len(links))[:len(links)]
	taken := sc.taken[:0]
	var spots [len(labelSpots)]pt
	ok := true
	for i, l := range links {
		if l.box == nil {
			lb := newLabelBox(l.labels(), maxLabelWidth)
			l.box = &lb
		}
		labels[i] = *l.box
		if len(labels[i].lines) == 0 {
			continue
		}
		p, q := sc.ends[i][0], sc.ends[i][1]
		for j, t := range labelSpots {
			spots[j] = lerp(p, q, t)
		}
		u := unit(q.sub(p))
		obstacles[0], obstacles[1] = boxAt(p.add(u.mul(12)), 0, 0), boxAt(q.sub(u.mul(12)), 0, 0) // keep the arrowheads in sight
		spot, free := freeSpot(labels[i], spots[:], obstacles, taken)
		if !free {
			spot, ok = spots[0], false
		}
		labels[i].c = spot
		taken = append(taken, labels[i].box())
	}
	sc.obstacles, sc.labels, sc.taken = obstacles, labels, taken
	return labels, ok
}

// crossesOthers reports whether the line p–q of l passes through a node
// other than its ends; boxes are the nodes' boxes.
func crossesOthers(p, q pt, l *link, nodes []*vnode, boxes []box) bool {
	for i, v := range nodes {
		if v != l.a && v != l.b && boxes[i].grow(-2).crossesSegment(p, q) {
			return true
		}
	}
	return false
}

// freeSpot returns the first of spots where the label overlaps no node
// and no label taken.
func freeSpot(b labelBox, spots []pt, nodes, taken []box) (pt, bool) {
	for _, c := range spots {
		b.c = c
		if free(b.box(), nodes, taken) {
			return c, true
		}
	}
	return pt{}, false
}

// free reports whether a label's box clears the nodes and the labels taken.
func free(lb box, nodes, taken []box) bool {
	for _, o := range nodes {
		if lb.overlaps(o.grow(3)) {
			return false
		}
	}
	for _, o := range taken {
		if lb.overlaps(o.grow(2)) {
			return false
		}
	}
	return true
}

func nodeBoxes(nodes []*vnode) []box {
	return appendBoxes(make([]box, 0, len(nodes)), nodes)
}

// appendBoxes appends the nodes' boxes to out.
func appendBoxes(out []box, nodes []*vnode) []box {
	for _, v := range nodes {
		out = append(out, v.box())
	}
	return out
}

// frameOf is frame of the boxes of c and the ring's nodes, and labels,
// without a slice of the boxes.
func frameOf(c *vnode, ring []*vnode, labels []labelBox) box {
	f := c.box()
	for _, v := range ring {
		f = f.union(v.box())
	}
	for _, l := range labels {
		if len(l.lines) > 0 {
			f = f.union(l.box())
		}
	}
	return f.grow(10)
}

// frame returns the box around all nodes and labels, with a margin.
func frame(nodes []box, labels []labelBox) box {
	f := nodes[0]
	for _, b := range nodes {
		f = f.union(b)
	}
	for _, l := range labels {
		if len(l.lines) > 0 {
			f = f.union(l.box())
		}
	}
	return f.grow(10)
}

func drawNeighbourhood(cv *canvas, g *graph, c *vnode, labels []labelBox) []byte {
	f := frame(nodeBoxes(g.nodes), labels)
	shift := pt{-f.x0, -f.y0}
	for _, v := range g.nodes {
		v.c = v.c.add(shift)
	}
	f = box{0, 0, f.x1 - f.x0, f.y1 - f.y0}
	cv.Grow(bytesPerNode * (len(g.nodes) + 1)) // one allocation instead of a dozen as it grows
	cv.open("graph-neighbourhood", f, captionOf(c, len(g.nodes)-1))
	cv.arrows()
	cv.WriteString("<g class=\"edges\">\n")
	for _, l := range g.links {
		p, q := lineEnds(l)
		cv.WriteString(`<g class="edge"><title>`)
		cv.linkTitle(l)
		writeAttrs(&cv.Buffer, []string{`</title><path d="M`, ` `, `L`, ` `, `"`}, p.x, p.y, q.x, q.y)
		cv.WriteString(markers(l) + "/></g>\n")
	}
	cv.WriteString("</g>\n<g class=\"nodes\">\n")
	for _, v := range g.nodes {
		extra := ""
		if v == c {
			extra = " center"
		}
		cv.node(v, extra)
	}
	cv.WriteString("</g>\n<g class=\"edge-labels\">\n")
	for _, b := range labels {
		if len(b.lines) > 0 {
			b.c = b.c.add(shift)
			cv.label(b)
		}
	}
	cv.WriteString("</g>\n")
	return cv.close()
}
