package svg

import (
	"fmt"
	"math"
	"sort"
	"strings"
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

// Scatter plot geometry.
const (
	scW, scH        = 640.0, 420.0
	scLeft, scRight = 56.0, 16.0
	scTop, scBottom = 16.0, 48.0
	scZeroGap       = 18.0 // room left of and below the axes for zero values
	scPointR        = 5.0
)

// Scatter draws items by estimate (horizontal) and value (vertical), both
// on log scales, with dashed lines of equal priority (value ÷ estimate) of
// 0.5, 1 and 2: the top left holds the cheapest, most valuable items. A
// value or estimate of 0 is drawn on a separate "0" line beside the axis.
// Points link to their items. The output is an inline <svg> element.
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
	fmt.Fprintf(&b, `<svg class="scatter" viewBox="0 0 %g %g" role="group" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, scW, scH, esc(title))
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	scatterAxes(&b, xs, ys)
	scatterPriorityLines(&b, xs, ys)
	// Items with the same value and estimate would hide each other: each
	// further one sits a little to the right, and only a lone item gets
	// its key written beside it (every point has its tooltip).
	type spot struct{ v, e float64 }
	count, seen := map[spot]int{}, map[spot]int{}
	for _, p := range pts {
		count[spot{p.Value, p.Estimate}]++
	}
	for _, p := range pts {
		k := spot{p.Value, p.Estimate}
		if count[k] > 1 {
			p.Key = ""
		}
		scatterPoint(&b, p, xs, ys, float64(seen[k])*(scPointR+2))
		seen[k]++
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// logScale maps values of 1…max onto lo…hi logarithmically; 0 and below
// map to the zero line just outside lo.
type logScale struct {
	max, lo, hi float64
}

func newLogScale(max, lo, hi float64) logScale {
	// round the top up to the next tick so points never sit on the edge
	top := 1.0
	for _, t := range ticks(1e12) {
		if t >= max {
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

func scatterAxes(b *strings.Builder, xs, ys logScale) {
	x0, y0 := xs.lo, ys.lo
	fmt.Fprintf(b, `<g class="axes"><line x1="%g" y1="%g" x2="%g" y2="%g"/><line x1="%g" y1="%g" x2="%g" y2="%g"/>`,
		x0, y0, xs.hi, y0, x0, y0, x0, ys.hi)
	for _, t := range append([]float64{0}, ticks(xs.max)...) {
		x := xs.pos(t)
		fmt.Fprintf(b, `<line class="grid" x1="%g" y1="%g" x2="%g" y2="%g"/><text class="tick" x="%g" y="%g" text-anchor="middle">%g</text>`,
			x, ys.hi, x, y0+4, x, y0+18, t)
	}
	for _, t := range append([]float64{0}, ticks(ys.max)...) {
		y := ys.pos(t)
		fmt.Fprintf(b, `<line class="grid" x1="%g" y1="%g" x2="%g" y2="%g"/><text class="tick" x="%g" y="%g" text-anchor="end">%g</text>`,
			x0-4, y, xs.hi, y, x0-8, y+4, t)
	}
	fmt.Fprintf(b, `<text class="axis-label" x="%g" y="%g" text-anchor="middle">estimate (effort points, log scale)</text>`, (xs.lo+xs.hi)/2, scH-8)
	fmt.Fprintf(b, `<text class="axis-label" transform="translate(14 %g) rotate(-90)" text-anchor="middle">value points (log scale)</text></g>`, (ys.lo+ys.hi)/2)
}

// scatterPriorityLines draws value = k × estimate for k = 0.5, 1, 2.
func scatterPriorityLines(b *strings.Builder, xs, ys logScale) {
	b.WriteString(`<g class="priority-lines">`)
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
		fmt.Fprintf(b, `<line x1="%g" y1="%g" x2="%g" y2="%g"/><text x="%g" y="%g">priority %g</text>`,
			xs.pos(x1), ys.pos(k*x1), xs.pos(x2), ys.pos(k*x2), xs.pos(x2)-4, ys.pos(k*x2)-6, k)
	}
	b.WriteString(`</g>`)
}

func scatterPoint(b *strings.Builder, p Point, xs, ys logScale, dx float64) {
	x, y := round1(xs.pos(p.Estimate)+dx), ys.pos(p.Value)
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
	if p.Key != "" {
		label = fmt.Sprintf(`<text x="%g" y="%g">%s</text>`, x+scPointR+2, y+4, esc(p.Key))
	}
	fmt.Fprintf(b, `%s<g class="%s"><title>%s</title><circle cx="%g" cy="%g" r="%g"/>%s</g>%s`,
		open, class, esc(tip), x, y, scPointR, label, close)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
