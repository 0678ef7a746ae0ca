package svg

import (
	"bytes"
	"math"
)

// kind is the outline a page type is drawn with, so that types differ by
// shape as well as by colour (colour alone fails colour-blind readers and
// print).
type kind int

const (
	kRect     kind = iota // page, item and every type a site adds
	kRounded              // group
	kEllipse              // role
	kCircle               // cadence
	kHexagon              // event
	kDocument             // artifact: a sheet with a folded corner
	kOctagon              // area
	kStack                // backlog: a pile of sheets
	kTag                  // release: a label pointing right
)

// kindOf returns the outline of a page type.
func kindOf(typ string) kind {
	switch typ {
	case "role":
		return kEllipse
	case "group":
		return kRounded
	case "event":
		return kHexagon
	case "artifact":
		return kDocument
	case "cadence":
		return kCircle
	case "area":
		return kOctagon
	case "backlog":
		return kStack
	case "release":
		return kTag
	}
	return kRect
}

// typeClass returns the CSS class of a page type: "t-" and the type with
// every character but a-z, 0-9 and "-" replaced by "-".
func typeClass(t string) string {
	var c canvas
	c.typeClass(t)
	return c.String()
}

// shape is a node's outline centred on the origin, with half width hw and
// half height hh; every kind is convex.
type shape struct {
	kind   kind
	hw, hh float64
}

const (
	padX = 10.0 // space between a node's text and its outline
	padY = 7.0
	fold = 9.0 // size of a document's folded corner
)

// sized returns the outline of kind k around a text block of tw × th px.
func sized(k kind, tw, th float64) shape {
	hw, hh := tw/2+padX, th/2+padY
	switch k {
	case kEllipse: // the corners of the text block stay inside
		hw, hh = (tw/2+8)*1.22, (th/2+5)*1.3
	case kCircle:
		r := math.Hypot(tw/2, th/2) + 5
		hw, hh = r, r
	case kHexagon:
		hw += hh * 0.55
	case kDocument:
		hw += 2
	case kOctagon:
		hw += 4
	case kTag:
		hw += hh * 0.45
	}
	return shape{k, hw, hh}
}

// polygon returns the outline's corners, clockwise; ellipses and circles
// have none. Rounded corners are left out: the difference is too small to
// matter where edges end. The corners, relative to the centre, are
// written into buf.
func (s shape) polygon(buf *[8]pt) []pt {
	w, h := s.hw, s.hh
	switch s.kind {
	case kEllipse, kCircle:
		return nil
	case kHexagon:
		i := h * 0.55
		return append(buf[:0], pt{-w, 0}, pt{-w + i, -h}, pt{w - i, -h}, pt{w, 0}, pt{w - i, h}, pt{-w + i, h})
	case kDocument:
		return append(buf[:0], pt{-w, -h}, pt{w - fold, -h}, pt{w, -h + fold}, pt{w, h}, pt{-w, h})
	case kOctagon:
		c := min(8, h*0.45)
		return append(buf[:0], pt{-w + c, -h}, pt{w - c, -h}, pt{w, -h + c}, pt{w, h - c}, pt{w - c, h}, pt{-w + c, h}, pt{-w, h - c}, pt{-w, -h + c})
	case kTag:
		p := h * 0.7
		return append(buf[:0], pt{-w, -h}, pt{w - p, -h}, pt{w, 0}, pt{w - p, h}, pt{-w, h})
	}
	return append(buf[:0], pt{-w, -h}, pt{w, -h}, pt{w, h}, pt{-w, h})
}

// exit returns how far a ray from o (inside the outline, relative to its
// centre) in direction d travels before it leaves the outline, in units of
// d's length.
func (s shape) exit(o, d pt) float64 {
	var buf [8]pt // polygon's points, on the stack: exit runs for every line end of every layout tried
	poly := s.polygon(&buf)
	if poly == nil {
		a := (d.x/s.hw)*(d.x/s.hw) + (d.y/s.hh)*(d.y/s.hh)
		b := 2 * (o.x*d.x/(s.hw*s.hw) + o.y*d.y/(s.hh*s.hh))
		c := (o.x/s.hw)*(o.x/s.hw) + (o.y/s.hh)*(o.y/s.hh) - 1
		return (-b + math.Sqrt(max(0, b*b-4*a*c))) / (2 * a)
	}
	best := math.Inf(1)
	for i, p := range poly {
		e := poly[(i+1)%len(poly)].sub(p)
		den := d.cross(e)
		if den == 0 {
			continue
		}
		t, u := p.sub(o).cross(e)/den, p.sub(o).cross(d)/den
		if t > 1e-9 && u >= -1e-9 && u <= 1+1e-9 {
			best = min(best, t)
		}
	}
	if math.IsInf(best, 1) {
		return 0
	}
	return best
}

// boundary returns the point where the ray from the outline's centre c
// towards q leaves it, gap px further out.
func (s shape) boundary(c, q pt, gap float64) pt {
	d := q.sub(c)
	if d.len() == 0 {
		return c
	}
	d = unit(d)
	return c.add(d.mul(s.exit(pt{}, d) + gap))
}

// side returns the point on the outline's left (dir -1) or right (dir 1)
// at height dy from its centre c, gap px further out.
func (s shape) side(c pt, dy float64, dir, gap float64) pt {
	dy = max(-s.hh*0.8, min(s.hh*0.8, dy))
	t := s.exit(pt{0, dy}, pt{dir, 0})
	return pt{c.x + dir*(t+gap), c.y + dy}
}

// write draws the outline at c.
func (s shape) write(b *bytes.Buffer, c pt) {
	w, h := s.hw, s.hh
	switch s.kind {
	case kEllipse:
		writeAttrs(b, []string{`<ellipse class="shape" cx="`, `" cy="`, `" rx="`, `" ry="`, `"/>`}, c.x, c.y, w, h)
	case kCircle:
		writeAttrs(b, []string{`<circle class="shape" cx="`, `" cy="`, `" r="`, `"/>`}, c.x, c.y, w)
	case kRect, kRounded:
		r := 3.0
		if s.kind == kRounded {
			r = min(12, h)
		}
		writeRect(b, "shape", c, w, h, r)
	case kStack: // the sheet behind first, so that the front one covers it
		writeRect(b, "shape back", c.add(pt{4, -4}), w, h, 2)
		writeRect(b, "shape", c, w, h, 2)
	case kDocument:
		b.WriteString(`<path class="shape" d="`)
		writePath(b, c, s.polygon(new([8]pt)))
		writeAttrs(b, []string{`"/><path class="fold" d="M`, ` `, `V`, `H`, `"/>`}, c.x+w-fold, c.y-h, c.y-h+fold, c.x+w)
	default:
		b.WriteString(`<polygon class="shape" points="`)
		writePoints(b, c, s.polygon(new([8]pt)))
		b.WriteString(`"/>`)
	}
}

func writeRect(b *bytes.Buffer, class string, c pt, hw, hh, r float64) {
	b.WriteString(`<rect class="`)
	b.WriteString(class)
	writeAttrs(b, []string{`" x="`, `" y="`, `" width="`, `" height="`, `" rx="`, `"/>`}, c.x-hw, c.y-hh, 2*hw, 2*hh, r)
}

// writePoints writes poly, placed at c, as a polygon's points.
func writePoints(b *bytes.Buffer, c pt, poly []pt) {
	for i, p := range poly {
		if i > 0 {
			b.WriteByte(' ')
		}
		writeNum(b, c.x+p.x)
		b.WriteByte(',')
		writeNum(b, c.y+p.y)
	}
}

// writePath writes poly, placed at c, as a closed path's data.
func writePath(b *bytes.Buffer, c pt, poly []pt) {
	for i, p := range poly {
		if i == 0 {
			b.WriteByte('M')
		} else {
			b.WriteByte('L')
		}
		writeNum(b, c.x+p.x)
		b.WriteByte(' ')
		writeNum(b, c.y+p.y)
	}
	b.WriteByte('Z')
}
