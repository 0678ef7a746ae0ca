package svg

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// day returns midnight UTC of an ISO date.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// roadmap is a small realistic timeline: two systems in two variants,
// releases in every status, cycles of 13 weeks from 5 January 2026 split
// into six iterations of two weeks and one of a week.
func roadmap() Timeline {
	var cycles, iterations []Span
	start := day("2026-01-05")
	for c := 1; c <= 3; c++ {
		end := start.AddDate(0, 0, 13*7)
		cycles = append(cycles, Span{Label: fmt.Sprintf("C%d 2026", c), Start: start, End: end})
		for i, s := 1, start; s.Before(end); i, s = i+1, s.AddDate(0, 0, 14) {
			iterations = append(iterations, Span{Label: fmt.Sprintf("I%d", i), Start: s, End: minTime(s.AddDate(0, 0, 14), end)})
		}
		start = end
	}
	return Timeline{
		Title:      "Roadmap of pump controller and valve gateway",
		Today:      day("2026-05-14"),
		Cycles:     cycles,
		Iterations: iterations,
		Lanes: []Lane{
			{Label: "Pump controller · EU", Bars: []Bar{
				{Label: "3.0", Title: "Pump controller 3.0 (EU) was released on 20 March 2026.", Href: "../releases/pump-controller-eu-3-0/",
					Start: day("2026-01-12"), End: day("2026-03-20"), Status: "released", Progress: 1},
				{Label: "3.1", Title: "Pump controller 3.1 (EU) is in progress, due 26 June 2026.", Href: "../releases/pump-controller-eu-3-1/",
					Start: day("2026-04-06"), End: day("2026-06-26"), Status: "in-progress", Progress: 0.45},
				{Label: "3.1.1", Title: "Pump controller 3.1.1 (EU), a patch release, is planned for 6 to 10 July 2026.", Href: "../releases/pump-controller-eu-3-1-1/",
					Start: day("2026-07-06"), End: day("2026-07-10"), Status: "planned"},
			}},
			{Label: "Pump controller · US", Bars: []Bar{
				{Label: "3.0.1-US", Title: "Pump controller 3.0.1 (US) was cancelled: its fixes moved to 3.1.", Href: "../releases/pump-controller-us-3-0-1/",
					Start: day("2026-03-30"), End: day("2026-05-08"), Status: "cancelled", Progress: 0.2},
				{Label: "3.1-US", Title: "Pump controller 3.1 (US) is in progress and at risk: UL certification is late.", Href: "../releases/pump-controller-us-3-1/",
					Start: day("2026-04-20"), End: day("2026-07-31"), Status: "in-progress", Progress: 0.3, AtRisk: true},
			}},
			{Label: "Valve gateway · EU", Bars: []Bar{
				{Label: "1.4", Title: "Valve gateway 1.4 (EU) was released on 10 April 2026.", Href: "../releases/valve-gateway-eu-1-4/",
					Start: day("2026-01-19"), End: day("2026-04-10"), Status: "released", Progress: 1},
				{Label: "2.0", Title: "Valve gateway 2.0 (EU) is planned for 25 September 2026.", Href: "../releases/valve-gateway-eu-2-0/",
					Start: day("2026-06-01"), End: day("2026-09-25"), Status: "planned"},
			}},
			{Label: "Valve gateway · US", Bars: []Bar{
				{Label: "2.0-US", Title: "Valve gateway 2.0 (US) is planned for 2 October 2026 and at risk: it waits for 2.0 (EU).", Href: "../releases/valve-gateway-us-2-0/",
					Start: day("2026-07-13"), End: day("2026-10-02"), Status: "planned", AtRisk: true},
			}},
		},
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// edgeCases is a timeline of odd input: a today before every bar, a lane
// label wider than the drawing, a one-day bar, an end before its start, a
// bar without a start, a clock and a time zone, progress out of range, a
// status that is no class name, iterations partly outside the range and
// one too short for its label, and a lane without bars.
func edgeCases() Timeline {
	return Timeline{
		Today: day("2025-12-30"),
		Lanes: []Lane{
			{Label: "A lane whose label is much wider than the two months this timeline covers, so that it is cut", Bars: []Bar{
				{Label: "hotfix", Start: day("2026-01-06"), End: day("2026-01-06"), Status: "On Hold!", AtRisk: true},
				{Label: "backwards", Start: day("2026-01-20"), End: day("2026-01-10"), Status: "in-progress", Progress: math.NaN()},
				{Label: "no start", End: day("2026-01-10")},
				{Label: "zoned", Start: time.Date(2026, 1, 12, 23, 30, 0, 0, time.FixedZone("HST", -10*3600)), End: time.Date(2026, 1, 31, 0, 15, 0, 0, time.FixedZone("CEST", 2*3600)),
					Status: "released", Progress: 1.7, Href: "javascript:alert(1)"},
			}},
			{Label: "Empty lane"},
		},
		Iterations: []Span{
			{Label: "I0", Start: day("2025-11-17"), End: day("2025-12-01")},
			{Label: "I1", Start: day("2025-12-01"), End: day("2025-12-15")},
			{Label: "A long iteration name", Start: day("2026-01-05"), End: day("2026-01-19")},
			{Label: "Void", Start: day("2026-01-19"), End: day("2026-01-19")},
		},
	}
}

func TestTimelineMatchesGolden(t *testing.T) {
	for name, tl := range map[string]Timeline{
		"timeline-roadmap.svg": roadmap(),
		"timeline-edge.svg":    edgeCases(),
		"timeline-empty.svg":   {Title: "Roadmap"},
	} {
		t.Run(name, func(t *testing.T) {
			got := tl.SVG()
			parseSVG(t, got)
			checkGolden(t, name, got)
		})
	}
}

func TestTimelineRange(t *testing.T) {
	bar := func(from, to string) Lane { return Lane{Bars: []Bar{{Start: day(from), End: day(to)}}} }
	tests := []struct {
		name        string
		tl          Timeline
		first, last string
	}{
		{"one day", Timeline{Lanes: []Lane{bar("2026-04-06", "2026-04-06")}}, "2026-04-01", "2026-05-01"},
		{"over a month's end", Timeline{Lanes: []Lane{bar("2026-01-31", "2026-02-01")}}, "2026-01-01", "2026-03-01"},
		{"over a year's end", Timeline{Lanes: []Lane{bar("2025-12-31", "2026-01-01")}}, "2025-12-01", "2026-02-01"},
		{"last day of a month", Timeline{Lanes: []Lane{bar("2026-03-01", "2026-03-31")}}, "2026-03-01", "2026-04-01"},
		{"end before start is one day", Timeline{Lanes: []Lane{bar("2026-03-10", "2026-01-05")}}, "2026-03-01", "2026-04-01"},
		{"lanes together", Timeline{Lanes: []Lane{bar("2026-05-02", "2026-05-03"), bar("2026-02-10", "2026-02-11")}}, "2026-02-01", "2026-06-01"},
		{"cycle end is exclusive", Timeline{Cycles: []Span{{Start: day("2026-04-06"), End: day("2026-07-01")}}}, "2026-04-01", "2026-07-01"},
		{"cycle end in a month", Timeline{Cycles: []Span{{Start: day("2026-04-06"), End: day("2026-07-06")}}}, "2026-04-01", "2026-08-01"},
		{"today alone", Timeline{Today: day("2026-05-14")}, "2026-05-01", "2026-06-01"},
		{"today before the bars", Timeline{Today: day("2025-11-30"), Lanes: []Lane{bar("2026-01-05", "2026-01-09")}}, "2025-11-01", "2026-02-01"},
		{"today after the bars", Timeline{Today: day("2026-09-01"), Lanes: []Lane{bar("2026-01-05", "2026-01-09")}}, "2026-01-01", "2026-10-01"},
		{"iterations do not widen it", Timeline{Lanes: []Lane{bar("2026-01-05", "2026-01-09")},
			Iterations: []Span{{Start: day("2025-06-01"), End: day("2027-01-01")}}}, "2026-01-01", "2026-02-01"},
		{"the clock and zone are ignored", Timeline{Lanes: []Lane{{Bars: []Bar{{
			Start: time.Date(2026, 2, 1, 23, 59, 0, 0, time.FixedZone("", -11*3600)),
			End:   time.Date(2026, 2, 28, 0, 1, 0, 0, time.FixedZone("", 13*3600))}}}}}, "2026-02-01", "2026-03-01"},
	}
	for _, tt := range tests {
		l := layoutTimeline(tt.tl)
		if l == nil {
			t.Errorf("%s: nothing to draw", tt.name)
			continue
		}
		first, last := l.first.time().Format(time.DateOnly), l.last.time().Format(time.DateOnly)
		if first != tt.first || last != tt.last {
			t.Errorf("%s: range %s to %s, want %s to %s", tt.name, first, last, tt.first, tt.last)
		}
	}
}

func TestTimelineScale(t *testing.T) {
	l := layoutTimeline(Timeline{Lanes: []Lane{{Bars: []Bar{
		{Start: day("2026-04-06"), End: day("2026-04-06")},
		{Start: day("2026-04-01"), End: day("2026-04-30")},
	}}}})
	for _, b := range l.lanes[0].bars {
		days := float64(b.end - b.start + 1)
		if b.x1-b.x0 != days*tlDay {
			t.Errorf("a bar of %g days is %g px wide, want %g", days, b.x1-b.x0, days*tlDay)
		}
	}
	if b := l.lanes[0].bars[0]; b.x0 != tlMargin {
		t.Errorf("a bar from the first day starts at %g, want %g", b.x0, tlMargin)
	}
	if l.w != 30*tlDay+2*tlMargin || l.x(l.last)-l.x(l.first) != 30*tlDay {
		t.Errorf("April is %g px in a drawing %g px wide, want %g in %g", l.x(l.last)-l.x(l.first), l.w, 30*tlDay, 30*tlDay+2*tlMargin)
	}
	year := layoutTimeline(Timeline{Cycles: []Span{{Start: day("2026-01-01"), End: day("2027-01-01")}}})
	if w := year.x(year.last) - year.x(year.first); w != 365*tlDay {
		t.Errorf("2026 is %g px wide, want %g", w, 365*tlDay)
	}
}

func TestTimelinePacksOverlappingBars(t *testing.T) {
	type in struct {
		label, from, to string
		risk            bool
	}
	tests := []struct {
		name string
		bars []in
		rows []int // in the order given
	}{
		{"apart", []in{{"A", "2026-01-05", "2026-01-30", false}, {"B", "2026-02-09", "2026-02-27", false}}, []int{0, 0}},
		{"back to back", []in{{"A", "2026-01-05", "2026-01-30", false}, {"B", "2026-01-31", "2026-02-27", false}}, []int{0, 0}},
		{"one shared day", []in{{"A", "2026-01-05", "2026-01-30", false}, {"B", "2026-01-30", "2026-02-27", false}}, []int{0, 1}},
		{"nested", []in{{"A", "2026-01-05", "2026-03-30", false}, {"B", "2026-02-01", "2026-02-20", false}}, []int{0, 1}},
		{"first row where it fits", []in{
			{"A", "2026-01-05", "2026-01-30", false},
			{"B", "2026-01-20", "2026-03-20", false},
			{"C", "2026-02-02", "2026-02-27", false},
			{"D", "2026-02-10", "2026-02-20", false},
		}, []int{0, 1, 0, 2}},
		{"given out of order", []in{
			{"C", "2026-02-02", "2026-02-27", false},
			{"B", "2026-01-20", "2026-03-20", false},
			{"A", "2026-01-05", "2026-01-30", false},
		}, []int{0, 1, 0}},
		{"a label after the bar takes room", []in{{"Long label", "2026-01-05", "2026-01-07", false}, {"B", "2026-01-08", "2026-02-27", false}}, []int{0, 1}},
		{"so does an at-risk badge", []in{{"A", "2026-01-05", "2026-01-30", true}, {"B", "2026-01-31", "2026-02-27", false}}, []int{0, 1}},
		{"beyond the label there is room", []in{{"X", "2026-01-05", "2026-01-06", true}, {"B", "2026-01-25", "2026-02-27", false}}, []int{0, 0}},
	}
	for _, tt := range tests {
		var lane Lane
		for _, b := range tt.bars {
			lane.Bars = append(lane.Bars, Bar{Label: b.label, Start: day(b.from), End: day(b.to), AtRisk: b.risk})
		}
		l := layoutTimeline(Timeline{Lanes: []Lane{lane}})
		rows := map[string]int{}
		for _, b := range l.lanes[0].bars {
			rows[b.label] = b.row
		}
		for i, b := range tt.bars {
			if rows[b.label] != tt.rows[i] {
				t.Errorf("%s: bar %s is in row %d, want %d", tt.name, b.label, rows[b.label], tt.rows[i])
			}
		}
		want := 0
		for _, r := range tt.rows {
			want = max(want, r+1)
		}
		if l.lanes[0].rows != want {
			t.Errorf("%s: %d rows, want %d", tt.name, l.lanes[0].rows, want)
		}
	}
}

func TestTimelineLabelInOrAfterBar(t *testing.T) {
	tests := []struct {
		label    string
		from, to string
		inside   bool
	}{
		// 3.1 is 17.5 px wide at 11 px, 27.5 px with the padding inside a bar.
		{"3.1", "2026-04-06", "2026-04-19", true},                    // 28 px
		{"3.1", "2026-04-06", "2026-04-18", false},                   // 26 px
		{"3.1", "2026-04-06", "2026-04-06", false},                   // one day
		{"\t  3.1 \n", "2026-04-06", "2026-04-19", true},             // white space dropped
		{"3.1.1-rc2 (EU)", "2026-04-06", "2026-04-30", false},        // 86.6 px in 50
		{"3.1.1-rc2 (EU)", "2026-04-06", "2026-06-30", true},         // in 172
		{"Pump controller 3.1", "2026-04-06", "2026-05-31", false},   // 118.5 px in 112
		{"Pump controller 3.1", "2026-04-06", "2026-06-04", true},    // in 120
		{"<b>&amp;</b>", "2026-04-06", "2026-05-30", true},           // measured as text: 101.3 px in 110
		{"計画", "2026-04-06", "2026-04-12", false},                    // 32 px in 14
		{"", "2026-04-06", "2026-04-06", true},                       // nothing to place
		{strings.Repeat("W", 40), "2026-04-06", "2026-04-30", false}, // cut after the bar
		{strings.Repeat("W", 40), "2026-01-01", "2026-12-31", true},  // a year holds it
	}
	for _, tt := range tests {
		tl := Timeline{Lanes: []Lane{{Bars: []Bar{{Label: tt.label, Start: day(tt.from), End: day(tt.to)}}}}}
		b := layoutTimeline(tl).lanes[0].bars[0]
		if b.inside != tt.inside {
			t.Errorf("label %q in %g px: inside = %v, want %v", tt.label, b.x1-b.x0, b.inside, tt.inside)
		}
		svg := string(tl.SVG())
		parseSVG(t, []byte(svg))
		after := strings.Contains(svg, `class="bar-label after"`)
		if tt.label != "" && after == tt.inside {
			t.Errorf("label %q: drawn after the bar = %v, want %v", tt.label, after, !tt.inside)
		}
		if !tt.inside && textWidth(b.shown, tlTextSize) > tlOutside {
			t.Errorf("label %q after the bar is %g px wide, more than %g", b.shown, textWidth(b.shown, tlTextSize), tlOutside)
		}
		if tip := b.tooltip(); !strings.HasPrefix(tip, clean(tt.label)) {
			t.Errorf("label %q: tooltip %q does not hold the whole label", tt.label, tip)
		}
	}
}

func TestTimelineUnsafeHrefsAreNotLinked(t *testing.T) {
	tests := []struct {
		href   string
		linked bool
	}{
		{"../releases/3-1/", true},
		{"https://example.org/r/3.1", true},
		{"", false},
		{"javascript:alert(1)", false},
		{" JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"&#106;avascript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
	}
	for _, tt := range tests {
		tl := Timeline{Lanes: []Lane{{Label: "L", Bars: []Bar{{Label: "3.1", Start: day("2026-04-06"), End: day("2026-04-30"), Href: tt.href}}}}}
		svg := tl.SVG()
		d := decode(t, svg)
		if linked := len(d.links()) == 1; linked != tt.linked {
			t.Errorf("href %q: linked = %v, want %v", tt.href, linked, tt.linked)
		}
		if !tt.linked && !strings.Contains(string(svg), `<g class="release s-planned">`) {
			t.Errorf("href %q: the bar must still be drawn, without a link:\n%s", tt.href, svg)
		}
		if lower := strings.ToLower(string(svg)); strings.Contains(lower, "javascript:") || strings.Contains(lower, "data:") || strings.Contains(lower, "vbscript:") {
			t.Errorf("href %q appears in the output", tt.href)
		}
	}
}

func TestTimelineHostileTextIsShownAsText(t *testing.T) {
	const (
		img    = `<img src=x onerror=alert(1)>`
		quotes = `"&'<`
		script = `</text><script>alert(1)</script>`
	)
	tl := Timeline{
		Title: img,
		Today: day("2026-05-14"),
		Lanes: []Lane{{Label: script, Bars: []Bar{
			{Label: img, Title: quotes + script, Href: `a/"onmouseover="alert(1)`, Start: day("2026-04-06"), End: day("2026-06-30"),
				Status: `released" onload="alert(1)`},
			{Label: quotes, Title: img, Start: day("2026-07-06"), End: day("2026-07-07"), Status: "<script>"},
		}}},
		Cycles:     []Span{{Label: script, Start: day("2026-04-06"), End: day("2026-07-06")}},
		Iterations: []Span{{Label: quotes, Start: day("2026-04-06"), End: day("2026-04-20")}},
	}
	svg := tl.SVG()
	d := decode(t, svg)
	for _, e := range d.elems {
		if n := e.Name.Local; n == "img" || n == "script" {
			t.Errorf("hostile text became a <%s> element", n)
		}
		for _, a := range e.Attr {
			if strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("hostile text became an attribute %s=%q", a.Name.Local, a.Value)
			}
			if a.Name.Local == "class" && !regexp.MustCompile(`^[a-z0-9 -]*$`).MatchString(a.Value) {
				t.Errorf("class %q holds characters other than a-z, 0-9, - and space", a.Value)
			}
		}
	}
	for _, want := range []string{img, quotes, script, quotes + script} {
		if !strings.Contains(d.text, want) {
			t.Errorf("text %q is not shown as text:\n%s", want, svg)
		}
	}
	if hrefs := d.links(); count(hrefs, `a/"onmouseover="alert(1)`) != 1 {
		t.Errorf("href is not kept as given (escaped): %q", hrefs)
	}
	for _, class := range []string{"release s-released--onload--alert-1-", "release s--script-"} {
		if !strings.Contains(string(svg), `class="`+class+`"`) {
			t.Errorf("status class %q missing:\n%s", class, svg)
		}
	}
}

func TestTimelineStatusClass(t *testing.T) {
	tests := []struct{ in, want string }{
		{"planned", "s-planned"},
		{"in-progress", "s-in-progress"},
		{"In Progress", "s-in-progress"},
		{"in_progress", "s-in-progress"},
		{"Released", "s-released"},
		{"", "s-planned"},
		{"Überprüft", "s---berpr--ft"}, // as type classes: a byte each
	}
	for _, tt := range tests {
		if got := statusClass(clean(tt.in)); got != tt.want {
			t.Errorf("statusClass(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var progressWidth = regexp.MustCompile(`<rect class="progress" x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)"`)

func TestTimelineProgressIsClamped(t *testing.T) {
	tests := []struct {
		in    float64
		width string // of the progress rect in a bar of 62 px; "" for none
	}{
		{math.NaN(), ""},
		{math.Inf(-1), ""},
		{-0.5, ""},
		{0, ""},
		{0.5, "30"},
		{1, "60"},
		{1.7, "60"},
		{math.Inf(1), "60"},
	}
	for _, tt := range tests {
		tl := Timeline{Lanes: []Lane{{Bars: []Bar{{Label: "3.1", Start: day("2026-03-01"), End: day("2026-03-31"), Status: "in-progress", Progress: tt.in}}}}}
		if p := layoutTimeline(tl).lanes[0].bars[0].progress; p < 0 || p > 1 || math.IsNaN(p) {
			t.Errorf("progress %g: kept as %g", tt.in, p)
		}
		svg := tl.SVG()
		parseSVG(t, svg)
		got := ""
		if m := progressWidth.FindSubmatch(svg); m != nil {
			got = string(m[1])
		}
		if got != tt.width {
			t.Errorf("progress %g: progress rect width %q, want %q", tt.in, got, tt.width)
		}
	}
}

func TestTimelineWithNothingToDraw(t *testing.T) {
	for name, tl := range map[string]Timeline{
		"zero":                {},
		"lanes without bars":  {Title: "Roadmap", Lanes: []Lane{{Label: "Pump controller · EU"}}},
		"bars without starts": {Lanes: []Lane{{Bars: []Bar{{Label: "3.1", End: day("2026-04-06")}}}}},
		"only iterations":     {Iterations: []Span{{Label: "I1", Start: day("2026-01-05"), End: day("2026-01-19")}}},
		"empty cycles":        {Cycles: []Span{{Label: "C1", Start: day("2026-01-05"), End: day("2026-01-05")}}},
	} {
		svg := tl.SVG()
		d := decode(t, svg)
		if !strings.Contains(d.text, "No releases") {
			t.Errorf("%s: does not say No releases:\n%s", name, svg)
		}
		if len(svg) > 600 {
			t.Errorf("%s: %d bytes, want a small SVG", name, len(svg))
		}
	}
	// Today alone draws the axis and the line, without bars.
	svg := Timeline{Today: day("2026-05-14"), Lanes: []Lane{{Label: "Pump controller · EU"}}}.SVG()
	if d := decode(t, svg); strings.Contains(d.text, "No releases") || !strings.Contains(d.text, "Pump controller · EU") || !strings.Contains(d.text, "Today") {
		t.Errorf("a today line and an empty lane should be drawn:\n%s", svg)
	}
}

func TestTimelineRoot(t *testing.T) {
	svg := string(roadmap().SVG())
	root := svg[:strings.Index(svg, ">")+1]
	for _, want := range []string{`class="graph-svg timeline-svg"`, `role="group"`, `aria-label="Roadmap of pump controller and valve gateway"`, `width="`, `height="`} {
		if !strings.Contains(root, want) {
			t.Errorf("root %s lacks %s", root, want)
		}
	}
	var vw, vh, w, h float64
	if _, err := fmt.Sscanf(root[strings.Index(root, "viewBox="):], `viewBox="0 0 %g %g" width="%g" height="%g"`, &vw, &vh, &w, &h); err != nil || vw != w || vh != h {
		t.Errorf("width and height %g × %g should be the viewBox's %g × %g (%v)", w, h, vw, vh, err)
	}
	if w < 600 || w > 700 {
		t.Errorf("ten months are %g px wide, want about 2 px a day", w)
	}
	for _, want := range []string{`class="today"`, `Today, Thursday 14 May 2026`, `>Jan 2026<`, `>Feb<`, `>C2 2026<`, `>I3<`,
		`class="release s-cancelled"`, `class="bar s-cancelled"`, `class="hatch"`, `text-decoration="line-through"`,
		`class="release s-in-progress at-risk"`, `class="bar s-in-progress at-risk"`, `class="risk"`, `class="progress"`,
		`class="bar-label after"`, `class="cycle alt"`, `class="lane-sep"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("roadmap lacks %s", want)
		}
	}
	if n := strings.Count(svg, `>I7<`); n != 0 {
		t.Errorf("one-week iterations are 14 px wide, too narrow for their label, yet %d are labelled", n)
	}
}

func TestTimelineIgnoresBarOrder(t *testing.T) {
	tl := roadmap()
	want := tl.SVG()
	r := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		shuffled := tl
		shuffled.Lanes = nil
		for _, lane := range tl.Lanes {
			bars := append([]Bar(nil), lane.Bars...)
			r.Shuffle(len(bars), func(i, j int) { bars[i], bars[j] = bars[j], bars[i] })
			shuffled.Lanes = append(shuffled.Lanes, Lane{Label: lane.Label, Bars: bars})
		}
		cycles := append([]Span(nil), tl.Cycles...)
		r.Shuffle(len(cycles), func(i, j int) { cycles[i], cycles[j] = cycles[j], cycles[i] })
		shuffled.Cycles = cycles
		if got := shuffled.SVG(); string(got) != string(want) {
			t.Fatalf("output depends on the order of bars or cycles")
		}
	}
}

// manyReleases is 500 releases over 50 lanes across two years.
func manyReleases() Timeline {
	r := rand.New(rand.NewPCG(7, 7))
	statuses := []string{"planned", "in-progress", "released", "cancelled"}
	base := day("2026-01-05")
	tl := Timeline{Title: "Roadmap", Today: day("2026-09-15")}
	for c := 0; c < 8; c++ {
		s := base.AddDate(0, 0, 91*c)
		tl.Cycles = append(tl.Cycles, Span{Label: fmt.Sprintf("C%d", c%4+1), Start: s, End: s.AddDate(0, 0, 91)})
		for i := 0; i < 7; i++ {
			tl.Iterations = append(tl.Iterations, Span{Label: fmt.Sprintf("I%d", i+1), Start: s.AddDate(0, 0, 14*i), End: s.AddDate(0, 0, min(14*i+14, 91))})
		}
	}
	for l := range 50 {
		lane := Lane{Label: fmt.Sprintf("System %d · variant %c", l/2+1, 'A'+l%2)}
		for b := range 10 {
			start := base.AddDate(0, 0, r.IntN(700))
			lane.Bars = append(lane.Bars, Bar{
				Label: fmt.Sprintf("%d.%d", l, b), Title: fmt.Sprintf("Release %d.%d", l, b), Href: fmt.Sprintf("../r/%d-%d/", l, b),
				Start: start, End: start.AddDate(0, 0, 3+r.IntN(80)), Status: statuses[r.IntN(4)], Progress: r.Float64(), AtRisk: r.IntN(5) == 0,
			})
		}
		tl.Lanes = append(tl.Lanes, lane)
	}
	return tl
}

func TestTimelineManyReleases(t *testing.T) {
	svg := manyReleases().SVG()
	parseSVG(t, svg)
	if n := strings.Count(string(svg), `<a class="release`); n != 500 {
		t.Errorf("%d releases drawn, want 500", n)
	}
}

func BenchmarkTimeline500(b *testing.B) {
	tl := manyReleases()
	for b.Loop() {
		tl.SVG()
	}
}

// TestTimelineLaneHeadingsMatchTheDrawing checks the second drawing Draw
// returns: one heading per lane, with the drawing's text at the drawing's
// height, inside a box as tall as the drawing, hidden from assistive
// technology; none when there is nothing to draw.
func TestTimelineLaneHeadingsMatchTheDrawing(t *testing.T) {
	label := regexp.MustCompile(`<text class="lane-label" x="[^"]*" y="([^"]*)"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>`)
	size := regexp.MustCompile(`<svg [^>]*height="([^"]*)"`)
	for name, tl := range map[string]Timeline{"roadmap": roadmap(), "edge": edgeCases()} {
		drawing, lanes := tl.Draw()
		if !bytes.Equal(drawing, tl.SVG()) {
			t.Errorf("%s: Draw's drawing differs from SVG's", name)
		}
		parseSVG(t, lanes)
		want, got := label.FindAllSubmatch(drawing, -1), label.FindAllSubmatch(lanes, -1)
		if len(want) == 0 || len(got) != len(want) {
			t.Fatalf("%s: %d headings, want %d:\n%s", name, len(got), len(want), lanes)
		}
		for i := range want {
			if !bytes.Equal(got[i][1], want[i][1]) || !bytes.Equal(got[i][2], want[i][2]) {
				t.Errorf("%s: heading %d is %q at y %s, want %q at y %s", name, i, got[i][2], got[i][1], want[i][2], want[i][1])
			}
		}
		if h1, h2 := size.FindSubmatch(drawing), size.FindSubmatch(lanes); h1 == nil || h2 == nil || !bytes.Equal(h1[1], h2[1]) {
			t.Errorf("%s: the headings are not as tall as the drawing", name)
		}
		if !bytes.Contains(lanes, []byte(`aria-hidden="true"`)) {
			t.Errorf("%s: the headings are not hidden from assistive technology", name)
		}
	}
	if _, lanes := (Timeline{Title: "Roadmap"}).Draw(); lanes != nil {
		t.Errorf("an empty timeline has headings: %s", lanes)
	}
}
