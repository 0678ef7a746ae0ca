package svg

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Point is one backlog item in a value-versus-effort chart.
type Point struct {
	Label    string  // item key and title, for the tooltip
	Key      string  // shown beside the point when there is room
	Href     string  // relative to the page the chart is embedded in
	Value    float64 // value points, the vertical axis
	Estimate float64 // effort points, the horizontal axis
	Class    string  // CSS class of the point, e.g. "ready", "refine", "closed"
}

// Scatter plot geometry, in px. The chart is narrow enough to fit a phone
// (the 358 px a 390 px screen leaves for content) at its natural size,
// with no text under minTextSize; CSS may scale it up on wider screens.
const (
	scW, scH        = 340.0, 300.0
	scLeft, scRight = 50.0, 14.0 // scLeft: the zero column's line
	scTop, scBottom = 24.0, 40.0 // scTop: room for a priority label; scBottom: below the zero row's line
	scZeroGap       = 18.0       // room left of and below the axes for zero values
	scPointR        = 5.0
	scTextSize      = 11.0  // ticks, axis and priority labels
	scKeySize       = 11.0  // the keys beside points, in a monospaced font
	scMonoEm        = 0.602 // advance of a monospaced character (DejaVu Sans Mono), in em
)

// Scatter draws items by estimate (horizontal) and value (vertical), both
// on log scales, with dashed lines of equal priority (value ÷ estimate) of
// 0.5, 1 and 2: the top left holds the cheapest, most valuable items. A
// value or estimate of 0 is drawn on a separate zero line beside the
// axis; one "0" at the corner where the two zero lines meet labels both.
// Points link to their items; a point's key is written beside it where
// it overlaps no other text or point. The output is an inline <svg>
// element.
func Scatter(title string, points []Point) []byte {
	pts := append([]Point(nil), points...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Key < pts[j].Key })
	maxX, maxY := 1.0, 1.0
	for _, p := range pts {
		maxX, maxY = math.Max(maxX, p.Estimate), math.Max(maxY, p.Value)
	}
	xs := newLogScale(maxX, scLeft+scZeroGap, scW-scRight)
	ys := newLogScale(maxY, scH-scBottom-scZeroGap, scTop)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="scatter" viewBox="0 0 %g %g" width="%g" height="%g" role="group" aria-label="%s" font-size="%g" xmlns="http://www.w3.org/2000/svg">`,
		scW, scH, scW, scH, esc(title), scTextSize)
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	ticks := scatterTicks(xs, ys)
	scatterAxes(&b, xs, ys, ticks)
	placed := placeScatter(pts, xs, ys)
	taken := pointBoxes(placed)
	taken = append(taken, scatterPriorityLines(&b, xs, ys, taken)...)
	for _, t := range ticks {
		taken = append(taken, t.box())
	}
	placeKeys(placed, box{scLeft, 0, scW, ys.pos(0)}, taken)
	for _, p := range placed {
		scatterPoint(&b, p)
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// placedPoint is a point with its place on the chart and its key's.
type placedPoint struct {
	Point
	x, y float64
	key  *textLabel // nil when the key is not written
}

// placeScatter places the points. Items with the same value and estimate
// would hide each other: each further one sits a little to the right,
// and only a lone item keeps its key.
func placeScatter(pts []Point, xs, ys logScale) []placedPoint {
	type spot struct{ v, e float64 }
	count, seen := map[spot]int{}, map[spot]int{}
	for _, p := range pts {
		count[spot{p.Value, p.Estimate}]++
	}
	out := make([]placedPoint, len(pts))
	for i, p := range pts {
		k := spot{p.Value, p.Estimate}
		out[i] = placedPoint{Point: p, x: round1(xs.pos(p.Estimate) + float64(seen[k])*(scPointR+2)), y: ys.pos(p.Value)}
		if count[k] > 1 {
			out[i].Key = ""
		}
		seen[k]++
	}
	return out
}

// pointBoxes returns the room each point takes.
func pointBoxes(pts []placedPoint) []box {
	out := make([]box, len(pts))
	for i, p := range pts {
		out[i] = boxAt(pt{p.x, p.y}, 2*scPointR+2, 2*scPointR+2)
	}
	return out
}

// placeKeys writes each point's key where it fits inside area: right of
// the point, else left, above or below, clear of the keys placed before
// and of taken (the points and other text). A key that fits nowhere is
// left out; the point's tooltip still names it.
func placeKeys(pts []placedPoint, area box, taken []box) {
	for i := range pts {
		p := &pts[i]
		if p.Key == "" {
			continue
		}
		w := float64(utf8.RuneCountInString(p.Key)) * scMonoEm * scKeySize
		for _, c := range []textLabel{
			{p.Key, p.x + scPointR + 3, p.y + 4, "start", w, scKeySize},
			{p.Key, p.x - scPointR - 3, p.y + 4, "end", w, scKeySize},
			{p.Key, p.x, p.y - scPointR - 4, "middle", w, scKeySize},
			{p.Key, p.x, p.y + scPointR + 12, "middle", w, scKeySize},
		} {
			if b := c.box(); inside(b, area) && free(b, nil, taken) {
				p.key = &c
				taken = append(taken, b)
				break
			}
		}
	}
}

// inside reports whether b lies within area.
func inside(b, area box) bool {
	return b.x0 >= area.x0 && b.y0 >= area.y0 && b.x1 <= area.x1 && b.y1 <= area.y1
}

// textLabel is a line of text at x, y (its baseline), anchored as SVG's
// text-anchor says, w px wide in a font of size px.
type textLabel struct {
	text    string
	x, y    float64
	anchor  string // start, middle or end
	w, size float64
}

// box is the room the label's text takes: from its ascent to its descent.
func (t textLabel) box() box {
	x0 := t.x
	switch t.anchor {
	case "middle":
		x0 -= t.w / 2
	case "end":
		x0 -= t.w
	}
	return box{x0, t.y - 0.8*t.size, x0 + t.w, t.y + 0.25*t.size}
}

func newTick(text string, x, y float64, anchor string) textLabel {
	return textLabel{text, x, y, anchor, textWidth(text, scTextSize), scTextSize}
}

// logScale maps values of 1…max onto lo…hi logarithmically; 0 and below
// map to the zero line just outside lo.
type logScale struct {
	max, lo, hi float64
}

func newLogScale(max, lo, hi float64) logScale {
	// round the top up to the next tick so points never sit on the edge;
	// 2 at least, since a scale from 1 to 1 has no length
	top := 2.0
	for _, t := range ticks(1e12) {
		if t >= max && t > 1 {
			top = t
			break
		}
	}
	return logScale{max: top, lo: lo, hi: hi}
}

func (s logScale) pos(v float64) float64 {
	if v <= 0 {
		return s.lo - sign(s.hi-s.lo)*scZeroGap
	}
	v = math.Max(v, 1)
	return round1(s.lo + (s.hi-s.lo)*math.Log(v)/math.Log(s.max))
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// ticks lists 1, 2, 5, 10, 20, 50, … up to max.
func ticks(max float64) []float64 {
	var out []float64
	for d := 1.0; d <= max; d *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if d*m <= max {
				out = append(out, d*m)
			}
		}
	}
	return out
}

// scatterTicks returns the tick labels: one "0" for both zero lines, at
// their corner; the estimates under the zero row, the values left of the
// zero column, each left out when it would touch the one before.
func scatterTicks(xs, ys logScale) []textLabel {
	x0, y0 := xs.pos(0), ys.pos(0)
	out := []textLabel{newTick("0", x0-6, y0+16, "end")}
	last := out[0].box()
	for _, t := range ticks(xs.max) {
		l := newTick(fmt.Sprint(t), xs.pos(t), y0+16, "middle")
		if !l.box().overlaps(last.grow(3)) {
			out = append(out, l)
			last = l.box()
		}
	}
	last = out[0].box()
	for _, t := range ticks(ys.max) {
		l := newTick(fmt.Sprint(t), x0-6, ys.pos(t)+4, "end")
		if !l.box().overlaps(last.grow(2)) {
			out = append(out, l)
			last = l.box()
		}
	}
	return out
}

func scatterAxes(b *strings.Builder, xs, ys logScale, labels []textLabel) {
	x0, y0 := xs.lo, ys.lo
	fmt.Fprintf(b, `<g class="axes"><line x1="%g" y1="%g" x2="%g" y2="%g"/><line x1="%g" y1="%g" x2="%g" y2="%g"/>`,
		x0, y0, xs.hi, y0, x0, y0, x0, ys.hi)
	for _, t := range append([]float64{0}, ticks(xs.max)...) {
		x := xs.pos(t)
		fmt.Fprintf(b, `<line class="grid" x1="%g" y1="%g" x2="%g" y2="%g"/>`, x, ys.hi, x, ys.pos(0)+4)
	}
	for _, t := range append([]float64{0}, ticks(ys.max)...) {
		y := ys.pos(t)
		fmt.Fprintf(b, `<line class="grid" x1="%g" y1="%g" x2="%g" y2="%g"/>`, xs.pos(0)-4, y, xs.hi, y)
	}
	for _, l := range labels {
		fmt.Fprintf(b, `<text class="tick" x="%g" y="%g" text-anchor="%s">%s</text>`, l.x, l.y, l.anchor, esc(l.text))
	}
	fmt.Fprintf(b, `<text class="axis-label" x="%g" y="%g" text-anchor="middle">estimate (effort points, log scale)</text>`, (xs.lo+xs.hi)/2, scH-8)
	fmt.Fprintf(b, `<text class="axis-label" transform="translate(14 %g) rotate(-90)" text-anchor="middle">value points (log scale)</text></g>`, (ys.lo+ys.hi)/2)
}

// priorityLabelSpots are where along a priority line, from its lower end,
// its label may end, best first.
var priorityLabelSpots = []float64{1, 0.8, 0.6, 0.4}

// scatterPriorityLines draws value = k × estimate for k = 0.5, 1, 2, each
// labelled near its upper end or, when points are in the way, further
// down the line, and returns the boxes of the labels.
func scatterPriorityLines(b *strings.Builder, xs, ys logScale, points []box) []box {
	b.WriteString(`<g class="priority-lines">`)
	var taken []box
	for _, k := range []float64{0.5, 1, 2} {
		x1, x2 := 1.0, xs.max
		if k*x2 > ys.max {
			x2 = ys.max / k
		}
		if k*x1 < 1 {
			x1 = 1 / k
		}
		if x2 <= x1 {
			continue
		}
		l := priorityLabel(k, pt{xs.pos(x1), ys.pos(k * x1)}, pt{xs.pos(x2), ys.pos(k * x2)}, box{scLeft, 0, scW, ys.pos(0)}, append(points, taken...))
		taken = append(taken, l.box())
		fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g"/><text x="%g" y="%g" text-anchor="%s">%s</text>`,
			xs.pos(x1), ys.pos(k*x1), xs.pos(x2), ys.pos(k*x2), l.x, l.y, l.anchor, l.text)
	}
	b.WriteString(`</g>`)
	return taken
}

// priorityLabel places the label of the priority line p–q (p its lower
// end): at the first of priorityLabelSpots where it clears taken and
// stays inside area, above the line and left of the spot or else below
// it and right of the spot; failing that, above the upper end.
func priorityLabel(k float64, p, q pt, area box, taken []box) textLabel {
	text := fmt.Sprintf("priority %g", k)
	for _, t := range priorityLabelSpots {
		at := lerp(p, q, t)
		for _, l := range []textLabel{
			newTick(text, round1(at.x-4), round1(at.y-6), "end"),
			newTick(text, round1(at.x+4), round1(at.y+14), "start"),
		} {
			if b := l.box(); inside(b, area) && free(b, nil, taken) {
				return l
			}
		}
	}
	return newTick(text, round1(q.x-4), round1(q.y-6), "end")
}

func scatterPoint(b *strings.Builder, p placedPoint) {
	tip := fmt.Sprintf("%s: value %g, estimate %g", p.Label, p.Value, p.Estimate)
	class := "point"
	if p.Class != "" {
		class += " " + esc(p.Class)
	}
	open, close := "", ""
	if href := safeHref(p.Href); href != "" {
		open, close = `<a href="`+esc(href)+`">`, `</a>`
	}
	label := ""
	if k := p.key; k != nil {
		label = fmt.Sprintf(`<text x="%g" y="%g" text-anchor="%s" font-size="%g">%s</text>`, round1(k.x), round1(k.y), k.anchor, k.size, esc(k.text))
	}
	fmt.Fprintf(b, `%s<g class="%s"><title>%s</title><circle cx="%g" cy="%g" r="%g"/>%s</g>%s`,
		open, class, esc(tip), p.x, p.y, scPointR, label, close)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
