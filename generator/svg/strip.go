package svg

import (
	"fmt"
	"strings"
	"time"
)

// StatusSpan is one status an item had: from Start until the next span's
// start, or until the strip's end for the last.
type StatusSpan struct {
	Status string    // the status's name, written in the span where it fits
	Class  string    // CSS class of its bar, e.g. "s-in-progress"
	Start  time.Time // its first day
	Date   string    // Start as the page's language writes it, for the label under the bar
}

// Status strip geometry, in px: as wide as a phone's content column.
const (
	stW        = 340.0
	stBarY     = 2.0
	stBarH     = 22.0
	stDateY    = 42.0 // baseline of the date labels
	stH        = 48.0
	stMinSpan  = 6.0 // the least width of a span, so that a status of one day shows
	stTextSize = 11.0
	stPad      = 4.0 // inside a span, around its name; between two date labels
)

// StatusStrip draws an item's statuses over time as one bar cut into
// spans, each as wide as the days it lasted (at least stMinSpan), from
// the first span's start to end; a span's status is written in it where
// it fits, and its first day under it where the label overlaps no other.
// title describes the whole for screen readers. The output is an inline
// <svg> element.
func StatusStrip(title string, spans []StatusSpan, end time.Time) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="status-strip" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s" font-size="%g" xmlns="http://www.w3.org/2000/svg">`,
		stW, stH, stW, stH, esc(title), stTextSize)
	fmt.Fprintf(&b, `<title>%s</title>`, esc(title))
	xs := spanEdges(spans, end)
	lastLabel := -stPad
	for i, s := range spans {
		x0, x1 := xs[i], xs[i+1]
		fmt.Fprintf(&b, `<rect class="bar %s" x="%s" y="%g" width="%s" height="%g"/>`, esc(s.Class), num(x0), stBarY, num(x1-x0), stBarH)
		if w := textWidth(s.Status, stTextSize); w+2*stPad <= x1-x0 {
			fmt.Fprintf(&b, `<text class="name" x="%s" y="%g">%s</text>`, num(x0+stPad), stBarY+stBarH/2+stTextSize*0.35, esc(s.Status))
		}
		w := textWidth(s.Date, stTextSize)
		x := min(x0, stW-w) // the last label ends at the strip's right edge
		if x >= lastLabel+stPad {
			fmt.Fprintf(&b, `<text class="date" x="%s" y="%g">%s</text>`, num(x), stDateY, esc(s.Date))
			lastLabel = x + w
		}
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}

// spanEdges are the x of each span's left edge and, last, the strip's
// right edge: widths proportional to the days each span lasted (the
// last to end, and at least one day each), none under stMinSpan.
func spanEdges(spans []StatusSpan, end time.Time) []float64 {
	days := make([]float64, len(spans))
	total := 0.0
	for i, s := range spans {
		until := end
		if i+1 < len(spans) {
			until = spans[i+1].Start
		}
		days[i] = max(until.Sub(s.Start).Hours()/24, 1)
		total += days[i]
	}
	// Widths proportional to days, the short spans raised to the minimum
	// and the rest shrunk to make room for them.
	widths := make([]float64, len(spans))
	fixed, free := 0.0, total
	for range spans { // at most as many rounds as spans
		changed := false
		for i := range spans {
			if widths[i] == stMinSpan {
				continue
			}
			if w := days[i] / free * (stW - fixed); w < stMinSpan {
				widths[i], fixed, free, changed = stMinSpan, fixed+stMinSpan, free-days[i], true
			}
		}
		if !changed {
			break
		}
	}
	xs := make([]float64, len(spans)+1)
	for i := range spans {
		if widths[i] != stMinSpan {
			widths[i] = days[i] / free * (stW - fixed)
		}
		xs[i+1] = xs[i] + widths[i]
	}
	return xs
}
