package svg

import "math"

// pt is a point or a vector in SVG user units (px).
type pt struct{ x, y float64 }

func (p pt) add(q pt) pt           { return pt{p.x + q.x, p.y + q.y} }
func (p pt) sub(q pt) pt           { return pt{p.x - q.x, p.y - q.y} }
func (p pt) mul(k float64) pt      { return pt{p.x * k, p.y * k} }
func (p pt) len() float64          { return math.Hypot(p.x, p.y) }
func lerp(p, q pt, t float64) pt   { return p.add(q.sub(p).mul(t)) }
func (p pt) dot(q pt) float64      { return p.x*q.x + p.y*q.y }
func (p pt) cross(q pt) float64    { return p.x*q.y - p.y*q.x }
func (b box) center() pt           { return pt{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2} }
func (b box) grow(m float64) box   { return box{b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m} }
func boxAt(c pt, w, h float64) box { return box{c.x - w/2, c.y - h/2, c.x + w/2, c.y + h/2} }

// unit returns p scaled to length 1, or the zero vector for the zero vector.
func unit(p pt) pt {
	if l := p.len(); l > 0 {
		return p.mul(1 / l)
	}
	return pt{}
}

// box is an axis-aligned rectangle.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// union returns the smallest box holding b and o.
func (b box) union(o box) box {
	return box{min(b.x0, o.x0), min(b.y0, o.y0), max(b.x1, o.x1), max(b.y1, o.y1)}
}

// crossesSegment reports whether the segment p–q passes through b
// (Liang–Barsky clipping).
func (b box) crossesSegment(p, q pt) bool {
	if max(p.x, q.x) < b.x0 || min(p.x, q.x) > b.x1 || max(p.y, q.y) < b.y0 || min(p.y, q.y) > b.y1 {
		return false // apart at a glance, as most are
	}
	d := q.sub(p)
	t0, t1 := 0.0, 1.0
	for _, c := range [4][2]float64{{-d.x, p.x - b.x0}, {d.x, b.x1 - p.x}, {-d.y, p.y - b.y0}, {d.y, b.y1 - p.y}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq < 0 {
				return false
			}
			continue
		}
		r := qq / pp
		if pp < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// bezier returns the point at t of the cubic Bézier curve p0 c1 c2 p1.
func bezier(p0, c1, c2, p1 pt, t float64) pt {
	u := 1 - t
	return p0.mul(u * u * u).add(c1.mul(3 * u * u * t)).add(c2.mul(3 * u * t * t)).add(p1.mul(t * t * t))
}
