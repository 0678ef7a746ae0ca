package svg

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// burnUp is a release of 15 weeks so far, sampled weekly: its scope grew
// twice, and the forecast says it is done in July to September, its end
// in late August.
func burnUp() BurnUp {
	var days []time.Time
	var scope, done []float64
	for i, d := 0, day("2026-03-02"); !d.After(day("2026-06-15")); i, d = i+1, d.AddDate(0, 0, 7) {
		days = append(days, d)
		s := 40.0
		if i >= 5 {
			s = 46
		}
		if i >= 11 {
			s = 52
		}
		scope = append(scope, s)
		done = append(done, float64(i*2+i/3))
	}
	return BurnUp{
		Title: "Burn-up of Pump controller 3.1",
		Days:  days, Scope: scope, Done: done,
		Today: day("2026-06-15"),
		End:   day("2026-08-28"),
		Cone:  []ConeLine{{"50 %", day("2026-07-27")}, {"85 %", day("2026-08-17")}, {"95 %", day("2026-09-07")}},
		Unit:  "points",
	}
}

func TestReleaseBurnUpMatchesGolden(t *testing.T) {
	got := ReleaseBurnUp(burnUp())
	parseSVG(t, got)
	checkGolden(t, "burnup.svg", got)
}

// maxX returns the largest x of the drawing's lines and paths.
func maxX(t *testing.T, svg []byte) float64 {
	t.Helper()
	most := 0.0
	for _, m := range regexp.MustCompile(`(?:x[12]?|cx)="([-0-9.]+)"|[ML]([-0-9.]+) `).FindAllSubmatch(svg, -1) {
		s := m[1]
		if s == nil {
			s = m[2]
		}
		x, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		most = max(most, x)
	}
	return most
}

func TestReleaseBurnUpCapsTheAxisTwoYearsAhead(t *testing.T) {
	b := burnUp()
	b.Cone = []ConeLine{{"50 %", day("2026-09-01")}, {"85 %", day("2031-01-01")}, {"95 %", time.Time{}}}
	b.End = day("2040-01-01")
	svg := ReleaseBurnUp(b)
	parseSVG(t, svg)
	if x := maxX(t, svg); x > chW {
		t.Errorf("something is drawn at x %g, past the chart", x)
	}
	if n := bytes.Count(svg, []byte(`class="cone-line"`)); n != 2 {
		t.Errorf("%d cone lines, want 2 (the one out of reach left out)", n)
	}
	if n := bytes.Count(svg, []byte(`class="more"`)); n != 1 {
		t.Errorf("%d arrows, want 1 on the line cut at the axis's end", n)
	}
	if bytes.Contains(svg, []byte(`<g class="end">`)) {
		t.Errorf("an end 14 years ahead is drawn")
	}
	if !bytes.Contains(svg, []byte("End: Sunday 1 January 2040")) {
		t.Errorf("the description lacks the end")
	}
	// The axis runs to two years past today, its months labelled sparsely.
	if !bytes.Contains(svg, []byte(">2028<")) || bytes.Contains(svg, []byte(">2029<")) {
		t.Errorf("the axis does not end about two years ahead:\n%s", svg)
	}
	checkTimeLabels(t, "years ahead", svg)
}

func TestReleaseBurnUpDrawsItsParts(t *testing.T) {
	svg := ReleaseBurnUp(burnUp())
	for _, want := range []string{
		`<path class="cone"`, `<path class="scope"`, `<path class="done"`, `<g class="today"><title>Today, Monday 15 June 2026</title>`,
		`<g class="end"><title>End, Friday 28 August 2026</title>`, `>Today</text>`, `>End</text>`, `>Scope</text>`, `>Done</text>`,
		`>50 %</text>`, `>85 %</text>`, `>95 %</text>`, `>points</text>`,
	} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("no %s", want)
		}
	}
	// The scope's steps: a vertical segment where it changes (twice),
	// horizontal ones elsewhere.
	m := regexp.MustCompile(`class="scope" fill="none" d="([^"]*)"`).FindSubmatch(svg)
	if m == nil {
		t.Fatalf("no scope line")
	}
	var pts []pt
	for _, p := range regexp.MustCompile(`[ML]([0-9.]+) ([0-9.]+)`).FindAllSubmatch(m[1], -1) {
		x, _ := strconv.ParseFloat(string(p[1]), 64)
		y, _ := strconv.ParseFloat(string(p[2]), 64)
		pts = append(pts, pt{x, y})
	}
	steps := 0
	for i := 1; i < len(pts); i++ {
		switch {
		case pts[i].x == pts[i-1].x && pts[i].y < pts[i-1].y:
			steps++
		case pts[i].y != pts[i-1].y:
			t.Errorf("the scope line has a sloped segment %v–%v", pts[i-1], pts[i])
		}
	}
	if steps != 2 || len(pts) != 6 {
		t.Errorf("the scope line %s has %d steps up, want 2, in 6 points", m[1], steps)
	}
	checkLabelsApart(t, svg)
}

// checkLabelsApart checks that the labels inside the plot and above it
// do not overlap each other.
func checkLabelsApart(t *testing.T, svg []byte) {
	t.Helper()
	var boxes []textLabel
	for _, m := range regexp.MustCompile(`<text class="(?:line-label|caption)" x="([-0-9.]+)" y="([-0-9.]+)"(?: text-anchor="(\w+)")?>([^<]*)<`).FindAllSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		l := chLabel(string(m[4]), x, y, string(m[3]))
		if !inside(l.box(), box{0, 0, chW, buH}) {
			t.Errorf("label %q leaves the chart", l.text)
		}
		for _, o := range boxes {
			if l.box().overlaps(o.box()) {
				t.Errorf("labels %q and %q overlap", l.text, o.text)
			}
		}
		boxes = append(boxes, l)
	}
}

func TestReleaseBurnUpEdgeCases(t *testing.T) {
	for name, b := range map[string]BurnUp{
		"one day":     {Title: "One", Days: []time.Time{day("2026-05-01")}, Scope: []float64{10}, Done: []float64{0}},
		"all zeros":   {Title: "Zeros", Days: []time.Time{day("2026-05-01"), day("2026-05-08")}, Scope: []float64{0, 0}, Done: []float64{0, 0}},
		"cut":         {Title: "Cut", Days: []time.Time{day("2026-05-01"), day("2026-05-08"), day("2026-05-15")}, Scope: []float64{5, 6}, Done: []float64{1, 2, 3}, Cone: []ConeLine{{"50 %", day("2026-06-01")}}},
		"huge":        {Title: "Huge", Days: []time.Time{day("2026-05-01"), day("2026-05-08")}, Scope: []float64{1e18, 2e18}, Done: []float64{1e17, 1e300}, Unit: "points"},
		"today later": {Title: "Later", Days: []time.Time{day("2026-05-01")}, Scope: []float64{8}, Done: []float64{3}, Today: day("2026-06-01"), End: day("2026-04-01")},
		"done":        {Title: "Done", Days: []time.Time{day("2026-05-01"), day("2026-05-08")}, Scope: []float64{8, 8}, Done: []float64{3, 8}, Cone: []ConeLine{{"50 %", day("2026-05-08")}, {"95 %", day("2026-05-08")}}},
	} {
		t.Run(name, func(t *testing.T) {
			svg := ReleaseBurnUp(b)
			parseSVG(t, svg)
			if x := maxX(t, svg); x > chW {
				t.Errorf("something is drawn at x %g, past the chart", x)
			}
			if bytes.Contains(svg, []byte("NaN")) || bytes.Contains(svg, []byte("Inf")) {
				t.Errorf("not a number:\n%s", svg)
			}
			ticks := ticksOf(svg)
			if len(ticks) < 2 || len(ticks) > 6 {
				t.Errorf("ticks %q", ticks)
			}
			checkLabelsApart(t, svg)
			checkTimeLabels(t, name, svg)
		})
	}
	zeros := ReleaseBurnUp(BurnUp{Days: []time.Time{day("2026-05-01")}, Scope: []float64{0}, Done: []float64{0}})
	if got := ticksOf(zeros); len(got) != 2 || got[1] != "1" {
		t.Errorf("all zeros: ticks %q, want 0 and 1", got)
	}
}
