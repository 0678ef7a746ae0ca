package svg

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestSpanEdgesFillTheStripWithNoSpanTooNarrowToSee(t *testing.T) {
	for _, tc := range []struct {
		starts []string
		end    string
	}{
		{[]string{"2026-01-01"}, "2026-01-01"},
		{[]string{"2026-01-01", "2026-01-02", "2026-01-02", "2026-12-31"}, "2026-12-31"},
		{[]string{"2026-01-01", "2026-06-01"}, "2026-07-01"},
		{[]string{"2020-01-01", "2026-01-01", "2026-01-01", "2026-01-01", "2026-01-02"}, "2026-01-03"},
	} {
		var spans []StatusSpan
		for _, s := range tc.starts {
			spans = append(spans, StatusSpan{Start: day(s)})
		}
		xs := spanEdges(spans, day(tc.end))
		if xs[0] != 0 || math.Abs(xs[len(xs)-1]-stW) > 1e-9 {
			t.Errorf("%v: edges %v do not span 0 to %g", tc.starts, xs, stW)
		}
		for i := range spans {
			if w := xs[i+1] - xs[i]; w < stMinSpan-1e-9 {
				t.Errorf("%v: span %d is %g px wide", tc.starts, i, w)
			}
		}
	}
}

func TestStatusStripLabelsDoNotOverlap(t *testing.T) {
	spans := []StatusSpan{
		{Status: "idea", Class: "s-idea", Start: day("2026-01-01"), Date: "1 January 2026"},
		{Status: "ready", Class: "s-ready", Start: day("2026-01-03"), Date: "3 January 2026"},
		{Status: "in-progress", Class: "s-in-progress", Start: day("2026-02-01"), Date: "1 February 2026"},
		{Status: "done", Class: "s-done", Start: day("2026-03-01"), Date: "1 March 2026"},
	}
	out := string(StatusStrip(`Status "timeline" <&>`, spans, day("2026-03-20")))
	if !strings.Contains(out, `aria-label="Status &#34;timeline&#34; &lt;&amp;&gt;"`) {
		t.Errorf("the title is not escaped: %s", out)
	}
	re := regexp.MustCompile(`<text class="date" x="([0-9.]+)" y="[0-9.]+">([^<]*)</text>`)
	last := -1.0
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		if x < last {
			t.Errorf("the label %q at %g overlaps the one before, which ends at %g", m[2], x, last)
		}
		last = x + textWidth(m[2], stTextSize)
		if last > stW+0.1 {
			t.Errorf("the label %q ends at %g, past the strip", m[2], last)
		}
	}
	if n := strings.Count(out, `<rect class="bar`); n != 4 {
		t.Errorf("%d bars, want 4", n)
	}
}
