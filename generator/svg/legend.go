package svg

import (
	"fmt"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Legend layout, in px. Entries wrap onto a new row past legendWidth,
// and every legend's viewBox is that wide plus a margin (340 px), so that
// all legends have one size and fit a phone at their natural size.
const (
	legendWidth = 328.0
	legendRow   = 40.0
	legendGap   = 22.0 // between entries
)

// Legend draws the key of node shapes and colours for the given page
// types (each once, in the order of the columns and rings), as a small
// <svg> for use beside a graph.
func Legend(types []string) []byte {
	var ts []string
	for _, t := range types {
		t = clean(t)
		if t == "" {
			t = "page"
		}
		if !slices.Contains(ts, t) {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, generator.CompareTypes)
	var cv canvas
	var body canvas
	x, y, width := margin, margin, 0.0
	for _, t := range ts {
		s := sized(kindOf(t), 22, 8)
		name, _ := truncate(generator.Capitalise(t), maxLabelWidth, fontSize)
		w := 2*s.hw + 8 + textWidth(name, fontSize)
		if x > margin && x+w > legendWidth {
			x, y = margin, y+legendRow
		}
		c := pt{x + s.hw, y + legendRow/2}
		fmt.Fprintf(&body, `<g class="node %s">`, typeClass(t))
		s.write(&body.Buffer, c)
		fmt.Fprintf(&body, `<text class="label" x="%s" y="%s" text-anchor="start">%s</text></g>`+"\n",
			num(c.x+s.hw+8), num(c.y+fontSize*0.35), esc(name))
		width = max(width, x+w)
		x += w + legendGap
	}
	cv.open("graph-legend", box{0, 0, max(width, legendWidth) + margin, y + legendRow + margin}, "Legend: the shapes and colours of page types")
	cv.Write(body.Bytes())
	return cv.close()
}
