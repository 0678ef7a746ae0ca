package svg

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// num formats a coordinate rounded to 0.1 px, without a trailing ".0"
// and never as "-0", so that output stays the same across platforms.
func num(f float64) string {
	var buf [24]byte
	return string(appendNum(buf[:0], f))
}

// appendNum appends f as num formats it.
func appendNum(b []byte, f float64) []byte {
	t := math.Round(f * 10)
	if math.IsNaN(t) || math.Abs(t) >= 1e15 {
		return strconv.AppendFloat(b, t/10, 'f', -1, 64)
	}
	// In whole tenths, which is what FormatFloat's shortest form of t/10
	// gives, without its search for the shortest digits.
	n := int64(t)
	if n < 0 {
		b, n = append(b, '-'), -n
	}
	b = strconv.AppendInt(b, n/10, 10)
	if d := n % 10; d != 0 {
		b = append(b, '.', byte('0'+d))
	}
	return b
}

// writeNum writes f as num formats it, without a string of its own.
func writeNum(b *bytes.Buffer, f float64) {
	b.Write(appendNum(b.AvailableBuffer(), f))
}

// writeAttrs writes pairs of literal text and numbers: text, number,
// text, number, …, text, so that a tag needs no fmt and no strings.
func writeAttrs(b *bytes.Buffer, text []string, nums ...float64) {
	for i, t := range text {
		b.WriteString(t)
		if i < len(nums) {
			writeNum(b, nums[i])
		}
	}
}

// esc escapes text for an XML attribute or element: &, <, >, " and '.
func esc(s string) string { return html.EscapeString(s) }

// idToken stands for the graph's id prefix while the SVG is written; the
// prefix is then derived from the bytes written, so that it is the same
// for the same graph whatever the input order. No cleaned text contains
// a NUL, so the token cannot clash with a label. It is as long as the id
// that replaces it ("g" and 12 hex digits), so that close replaces it in
// place instead of copying the document.
const idToken = "\x00id-token-\x00\x00\x00"

// bytesPerNode is about what a neighbourhood drawing takes per node, with
// its link and label, to size its buffer once.
const bytesPerNode = 800

// canvas is an SVG document being written.
type canvas struct {
	bytes.Buffer
}

// open writes the root element and its title. The SVG has a viewBox and
// a width and height, its natural size, so that its text is drawn at the
// sizes it was measured at: a page scrolls a drawing too wide for it (in
// a .graph-scroll box) rather than shrinking its text.
func (c *canvas) open(class string, frame box, label string) {
	w, h := frame.x1-frame.x0, frame.y1-frame.y0
	c.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="graph-svg `)
	c.WriteString(class)
	writeAttrs(&c.Buffer, []string{`" viewBox="`, ` `, ` `, ` `, `" width="`, `" height="`, `" role="group" aria-label="`},
		frame.x0, frame.y0, w, h, w, h)
	label = esc(label)
	c.WriteString(label)
	writeAttrs(&c.Buffer, []string{`" font-size="`, "\" text-anchor=\"middle\">\n<title>"}, fontSize)
	c.WriteString(label)
	c.WriteString("</title>\n")
}

// arrows writes the arrowhead marker that edges refer to as url(#…-arrow).
// Its tip is at the end of the line; markerUnits keeps it one size
// whatever the stroke width.
func (c *canvas) arrows() {
	c.WriteString(`<defs><marker id="` + idToken + `-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="arrow" d="M0 1L10 5L0 9z"/></marker></defs>` + "\n")
}

// markers returns the marker attributes of a line drawn from l.a to l.b.
func markers(l *link) string {
	s := ""
	if len(l.ab) > 0 {
		s += ` marker-end="url(#` + idToken + `-arrow)"`
	}
	if len(l.ba) > 0 {
		s += ` marker-start="url(#` + idToken + `-arrow)"`
	}
	return s
}

// close ends the document and replaces the id token by "g" and a hash of
// the document, so that two different graphs on one page do not share
// marker ids. The hash is two CRC-32s (Castagnoli's and IEEE's), which
// the processor computes: an identifier, not a defence against forgery,
// and a tenth of what hashing a byte at a time cost a page's two drawings.
func (c *canvas) close() []byte {
	c.WriteString("</svg>\n")
	doc := c.Bytes()
	sum := uint64(crc32.Checksum(doc, crc32.MakeTable(crc32.Castagnoli)))<<16 | uint64(crc32.ChecksumIEEE(doc)&0xffff)
	id := fmt.Appendf(make([]byte, 0, len(idToken)), "g%012x", sum)
	for rest := doc; ; {
		i := bytes.Index(rest, []byte(idToken))
		if i < 0 {
			break
		}
		copy(rest[i:], id)
		rest = rest[i+len(idToken):]
	}
	return doc
}

// typeClass writes the class of the type t (typeClass), without a
// string of its own for the ASCII names types have.
func (c *canvas) typeClass(t string) {
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			t = strings.ToLower(t)
			break
		}
	}
	if t == "" {
		c.WriteString("t-page")
		return
	}
	c.WriteString("t-")
	for i := 0; i < len(t); i++ {
		b := t[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if (b < 'a' || b > 'z') && (b < '0' || b > '9') {
			b = '-'
		}
		c.WriteByte(b)
	}
}

// nodeTitle writes v's tooltip (vnode.title), escaped: piece by piece,
// which escapes as the whole would, since what joins them needs none.
func (c *canvas) nodeTitle(v *vnode) {
	c.WriteString(esc(v.label))
	if v.abbr != "" {
		c.WriteString(" (")
		c.WriteString(esc(v.abbr))
		c.WriteString(")")
	}
	c.WriteString(" · ")
	if v.typLabel != "" {
		c.WriteString(esc(v.typLabel))
	} else {
		c.WriteString(esc(v.typ))
	}
}

// linkTitle writes l's tooltip (link.title), escaped piece by piece.
func (c *canvas) linkTitle(l *link) {
	first := true
	sentence := func(from *vnode, label string, to *vnode) {
		if !first {
			c.WriteString("; ")
		}
		first = false
		if label == "" {
			label = "→"
		}
		c.WriteString(esc(from.label))
		c.WriteString(" ")
		c.WriteString(esc(label))
		c.WriteString(" ")
		c.WriteString(esc(to.label))
	}
	for _, s := range l.ab {
		sentence(l.a, s, l.b)
	}
	for _, s := range l.ba {
		sentence(l.b, s, l.a)
	}
}

// node writes v as a link (or a group when it has no safe href) holding
// its tooltip, outline and text; extra classes follow "node t-TYPE".
func (c *canvas) node(v *vnode, extra string) {
	if v.href != "" {
		c.WriteString(`<a class="node `)
	} else {
		c.WriteString(`<g class="node `)
	}
	c.typeClass(v.typ)
	c.WriteString(extra)
	if v.href != "" {
		c.WriteString(`" href="`)
		c.WriteString(esc(v.href))
	}
	c.WriteString(`"><title>`)
	c.nodeTitle(v)
	c.WriteString(`</title>`)
	v.shape.write(&c.Buffer, v.c)
	c.text(v)
	if v.href != "" {
		c.WriteString("</a>\n")
	} else {
		c.WriteString("</g>\n")
	}
}

// text writes v's label lines and abbreviation, centred on v.
func (c *canvas) text(v *vnode) {
	y := v.c.y - v.th/2
	if v.bold {
		c.WriteString(`<text class="label" font-weight="bold">`)
	} else {
		c.WriteString(`<text class="label">`)
	}
	for _, l := range v.lines {
		writeAttrs(&c.Buffer, []string{`<tspan x="`, `" y="`, `">`}, v.c.x, y+lineHeight/2+fontSize*0.35)
		c.WriteString(esc(l))
		c.WriteString(`</tspan>`)
		y += lineHeight
	}
	if v.abbr != "" {
		writeAttrs(&c.Buffer, []string{`<tspan class="abbr" x="`, `" y="`, `" font-size="`, `" font-weight="bold">`},
			v.c.x, y+smallLine/2+smallSize*0.35, smallSize)
		c.WriteString(esc(v.abbr))
		c.WriteString(`</tspan>`)
	}
	c.WriteString("</text>")
}

// labelBox is where an edge's labels go: one line each, on a background.
type labelBox struct {
	lines []string
	c     pt
	w, h  float64
}

// maxLabelWidth is the widest an edge label's line may be, in px.
const maxLabelWidth = 150

// newLabelBox sizes the box for a line's labels, one a line, each
// wrapped at width px onto two lines at most.
func newLabelBox(labels []string, width float64) labelBox {
	var b labelBox
	for _, l := range labels {
		lines, _ := fit(l, width, edgeSize, 2)
		b.lines = append(b.lines, lines...)
	}
	for _, l := range b.lines {
		b.w = max(b.w, textWidth(l, edgeSize)+8)
	}
	b.h = edgeLine*float64(len(b.lines)) + 3
	return b
}

func (b labelBox) box() box { return boxAt(b.c, b.w, b.h) }

// label writes an edge label: a rounded background and the lines.
func (c *canvas) label(b labelBox) {
	c.WriteString(`<g class="edge-label">`)
	writeRect(&c.Buffer, "bg", b.c, b.w/2, b.h/2, 3)
	writeAttrs(&c.Buffer, []string{`<text font-size="`, `">`}, edgeSize)
	y := b.c.y - b.h/2 + 1.5
	for _, l := range b.lines {
		writeAttrs(&c.Buffer, []string{`<tspan x="`, `" y="`, `">`}, b.c.x, y+edgeLine/2+edgeSize*0.35)
		c.WriteString(esc(l))
		c.WriteString(`</tspan>`)
		y += edgeLine
	}
	c.WriteString("</text></g>\n")
}
