package svg

import (
	"cmp"
	"math"
	"slices"
)

// This file draws the Overview's lines. A line between columns that are
// not neighbours passes through a waypoint in every column between (the
// "dummy nodes" of Sugiyama's layout): waypoints are ordered and moved
// with the nodes, so the line runs between the nodes of those columns
// instead of behind them, and a waypoint keeps room for the line's label.

// chainLinks returns, per link, the nodes its line passes: from its left
// end through new waypoints, which it adds to cols, to its right end.
// A line within a column goes from l.a to l.b. It also records every
// node's neighbours along the chains.
func chainLinks(cols [][]*vnode, links []*link) [][]*vnode {
	chains := make([][]*vnode, len(links))
	for i, l := range links {
		left, right := l.a, l.b
		if left.col > right.col {
			left, right = right, left
		}
		ch := []*vnode{left}
		for c := left.col + 1; c < right.col; c++ {
			w := &vnode{waypoint: true, col: c, idx: len(cols[c]), shape: shape{kind: kRect}}
			cols[c] = append(cols[c], w)
			ch = append(ch, w)
		}
		chains[i] = append(ch, right)
		for j := 1; j < len(chains[i]); j++ {
			a, b := chains[i][j-1], chains[i][j]
			a.adj = append(a.adj, b)
			b.adj = append(b.adj, a)
		}
	}
	return chains
}

// curve is a cubic Bézier curve from p0 to p1.
type curve struct{ p0, c1, c2, p1 pt }

func (c curve) at(t float64) pt { return bezier(c.p0, c.c1, c.c2, c.p1, t) }

func (c curve) reverse() curve { return curve{c.p1, c.c2, c.c1, c.p0} }

// route is a line drawn as curves joined end to end.
type route []curve

// routes returns the line of every link, drawn from l.a to l.b: between
// columns it leaves and enters nodes sideways and crosses each column
// between straight through its waypoint; within a column it bulges to
// the right, further for nodes further apart. Lines that meet one side
// of a node are spread over it, in the order of where they go next.
func routes(links []*link, chains [][]*vnode) []route {
	ports := portOffsets(chains)
	out := make([]route, len(links))
	for i, ch := range chains {
		a, b := ch[0], ch[len(ch)-1]
		if a.col == b.col {
			p := a.shape.side(a.c, ports[port{i, a}], 1, 1)
			q := b.shape.side(b.c, ports[port{i, b}], 1, 1)
			bend := 26 + 9*float64(min(abs(a.idx-b.idx), 8))
			out[i] = route{{p, p.add(pt{bend, 0}), q.add(pt{bend, 0}), q}}
			continue
		}
		pts := []pt{a.shape.side(a.c, ports[port{i, a}], 1, 1)}
		for _, w := range ch[1 : len(ch)-1] {
			pts = append(pts, pt{w.c.x - w.shape.hw, w.c.y}, pt{w.c.x + w.shape.hw, w.c.y})
		}
		pts = append(pts, b.shape.side(b.c, ports[port{i, b}], -1, 1))
		var r route
		for j := 1; j < len(pts); j++ {
			p, q := pts[j-1], pts[j]
			if j%2 == 0 { // straight through a column
				r = append(r, curve{p, lerp(p, q, 1.0/3), lerp(p, q, 2.0/3), q})
				continue
			}
			bend := max(30, (q.x-p.x)/2)
			r = append(r, curve{p, p.add(pt{bend, 0}), q.sub(pt{bend, 0}), q})
		}
		if a != links[i].a {
			slices.Reverse(r)
			for j := range r {
				r[j] = r[j].reverse()
			}
		}
		out[i] = r
	}
	return out
}

// port is one end of a chain: the chain's index and the node.
type port struct {
	chain int
	v     *vnode
}

// portOffsets returns, for each end of each chain, the height on its
// node where the line meets it: lines on one side of a node are spread
// over up to 60% of its height, ordered by the height of their next
// point, so that they do not cross as they leave.
func portOffsets(chains [][]*vnode) map[port]float64 {
	type side struct {
		v   *vnode
		dir int
	}
	type end struct {
		port
		next *vnode
	}
	bySide := map[side][]end{} // looked up, never iterated
	var sides []side
	add := func(s side, e end) {
		if bySide[s] == nil {
			sides = append(sides, s)
		}
		bySide[s] = append(bySide[s], e)
	}
	for i, ch := range chains {
		a, b := ch[0], ch[len(ch)-1]
		dir := -1
		if a.col == b.col {
			dir = 1
		}
		add(side{a, 1}, end{port{i, a}, ch[1]})
		add(side{b, dir}, end{port{i, b}, ch[len(ch)-2]})
	}
	out := map[port]float64{}
	for _, s := range sides {
		ends := bySide[s]
		slices.SortStableFunc(ends, func(x, y end) int { return cmp.Compare(x.next.c.y, y.next.c.y) })
		spread := min(s.v.shape.hh*1.2, float64(len(ends)-1)*5)
		for i, e := range ends {
			dy := 0.0
			if len(ends) > 1 {
				dy = -spread/2 + spread*float64(i)/float64(len(ends)-1)
			}
			out[e.port] = dy
		}
	}
	return out
}

// labelSpotsOn returns where a route's label may go, best first: the
// middle of its waypoints, which keep room for it, then along its curves.
func labelSpotsOn(r route, ch []*vnode, h float64) []pt {
	var out []pt
	ws := ch[1 : len(ch)-1]
	for k := range ws { // from the middle outwards
		j := len(ws)/2 + (k+1)/2*(1-2*(k%2))
		if j >= 0 && j < len(ws) {
			out = append(out, ws[j].c)
		}
	}
	for _, t := range curveSpots {
		for _, c := range r {
			out = append(out, c.at(t))
		}
	}
	for _, t := range curveSpots { // beside the line, just touching it
		for _, c := range r {
			if math.Abs(c.p1.y-c.p0.y) < math.Abs(c.p1.x-c.p0.x) {
				p := c.at(t)
				out = append(out, p.add(pt{0, -h/2 - 1}), p.add(pt{0, h/2 + 1}))
			}
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
