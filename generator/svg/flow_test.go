package svg

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// throughput is a backlog's last eight iterations of two weeks, one
// without anything done.
func throughput() ThroughputChart {
	values := []float64{5, 8, 3, 11, 7.5, 0, 9, 6}
	var bars []IterationBar
	start := day("2026-05-04")
	for i, v := range values {
		end := start.AddDate(0, 0, 13)
		bars = append(bars, IterationBar{
			Label: fmt.Sprintf("I%d", i+3),
			Title: fmt.Sprintf("I%d, %s – %s: %g points", i+3, start.Format("2 Jan"), end.Format("2 Jan 2006"), v),
			Value: v,
		})
		start = end.AddDate(0, 0, 1)
	}
	return ThroughputChart{Title: "Throughput of the pump backlog, points per iteration", Unit: "points", Bars: bars, Mean: 6.2, MeanLabel: "mean 6.2"}
}

// flow is half a year of a backlog's items by status, sampled weekly:
// ideas arrive, are refined, made ready, worked on and done.
func flow() Flow {
	var days []time.Time
	for d := day("2026-04-06"); !d.After(day("2026-09-28")); d = d.AddDate(0, 0, 7) {
		days = append(days, d)
	}
	bands := []FlowBand{
		{Status: "done", Class: "flow-done"}, {Status: "in-progress", Class: "flow-in-progress"},
		{Status: "ready", Class: "flow-ready"}, {Status: "refining", Class: "flow-refining"}, {Status: "idea", Class: "flow-idea"},
	}
	for i := range days {
		done := 2 + i*3/2
		bands[0].Counts = append(bands[0].Counts, done)
		bands[1].Counts = append(bands[1].Counts, 3+i%3)
		bands[2].Counts = append(bands[2].Counts, 6+(i*7)%5)
		bands[3].Counts = append(bands[3].Counts, 4+i%2)
		bands[4].Counts = append(bands[4].Counts, 12+i/2-i/5)
	}
	return Flow{Title: "Cumulative flow of the pump backlog", Days: days, Bands: bands}
}

// cycleTimes are 30 done items over half a year, two of them done the
// same day after the same time, and three percentile lines close
// together.
func cycleTimes() CycleTimes {
	var dots []CycleDot
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 30 {
		done := day("2026-04-01").AddDate(0, 0, i*6+r.IntN(5))
		days := 2 + r.IntN(12)
		if i == 7 {
			done, days = dots[6].Done, dots[6].Days
		}
		key := fmt.Sprintf("A-%d", 100+i)
		dots = append(dots, CycleDot{Label: fmt.Sprintf("%s Pump curve %d: %d days", key, i, days), Href: "../../items/" + strings.ToLower(key) + "/", Done: done, Days: days})
	}
	dots[3].Days = 23
	return CycleTimes{
		Title: "Cycle times of the pump backlog",
		Dots:  dots,
		Lines: []PercentileLine{{"50 %: 7 days", 7}, {"85 %: 12 days", 12}, {"95 %: 13 days", 13}},
		Unit:  "days",
	}
}

func TestThroughputMatchesGolden(t *testing.T) {
	got := Throughput(throughput())
	parseSVG(t, got)
	checkGolden(t, "throughput.svg", got)
}

func TestCumulativeFlowMatchesGolden(t *testing.T) {
	got := CumulativeFlow(flow())
	parseSVG(t, got)
	checkGolden(t, "flow.svg", got)
}

func TestCycleTimeScatterMatchesGolden(t *testing.T) {
	got := CycleTimeScatter(cycleTimes())
	parseSVG(t, got)
	checkGolden(t, "cycle-times.svg", got)
}

func TestFlowChartsOfNothingAreNil(t *testing.T) {
	for name, got := range map[string][]byte{
		"throughput":        Throughput(ThroughputChart{Title: "T", Mean: 3}),
		"flow, no days":     CumulativeFlow(Flow{Title: "F", Bands: []FlowBand{{Status: "done", Counts: []int{1}}}}),
		"flow, no bands":    CumulativeFlow(Flow{Title: "F", Days: []time.Time{day("2026-01-01")}}),
		"flow, no counts":   CumulativeFlow(Flow{Title: "F", Days: []time.Time{day("2026-01-01")}, Bands: []FlowBand{{Status: "done"}}}),
		"cycle times":       CycleTimeScatter(CycleTimes{Title: "C", Lines: []PercentileLine{{"85 %", 3}}}),
		"cycle, no day":     CycleTimeScatter(CycleTimes{Title: "C", Dots: []CycleDot{{Label: "A-1", Days: 3}}}),
		"burn-up":           ReleaseBurnUp(BurnUp{Title: "B", Today: day("2026-01-01")}),
		"burn-up, no scope": ReleaseBurnUp(BurnUp{Title: "B", Days: []time.Time{day("2026-01-01")}, Done: []float64{1}}),
	} {
		if got != nil {
			t.Errorf("%s: got %d bytes, want nil", name, len(got))
		}
	}
}

// rootAttrs returns the attributes of the drawing's root.
func rootAttrs(t *testing.T, svg []byte) map[string]string {
	t.Helper()
	attrs := map[string]string{}
	for _, a := range decode(t, svg).elems[0].Attr {
		attrs[a.Name.Local] = a.Value
	}
	return attrs
}

// ticksOf returns the value axis's tick labels, bottom first.
func ticksOf(svg []byte) []string {
	_, axis, _ := bytes.Cut(svg, []byte(`<g class="value-axis">`))
	axis, _, _ = bytes.Cut(axis, []byte(`</g>`))
	var out []string
	for _, m := range regexp.MustCompile(`<text class="tick"[^>]*>([^<]*)</text>`).FindAllSubmatch(axis, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

func TestFlowChartsAreAccessibleAndFitAPhone(t *testing.T) {
	for name, svg := range map[string][]byte{
		"throughput":  Throughput(throughput()),
		"flow":        CumulativeFlow(flow()),
		"cycle times": CycleTimeScatter(cycleTimes()),
		"burn-up":     ReleaseBurnUp(burnUp()),
	} {
		attrs := rootAttrs(t, svg)
		role := "img"
		if name == "cycle times" {
			role = "group" // its dots are links
		}
		if attrs["role"] != role || attrs["aria-label"] == "" || !strings.HasPrefix(attrs["class"], "forecast-chart ") {
			t.Errorf("%s: root has role=%q aria-label=%q class=%q", name, attrs["role"], attrs["aria-label"], attrs["class"])
		}
		if vb := strings.Fields(attrs["viewBox"]); len(vb) != 4 || attrs["width"] != vb[2] || attrs["height"] != vb[3] || attrs["width"] != "340" {
			t.Errorf("%s: width %q, height %q, viewBox %q: want 340 wide at its natural size", name, attrs["width"], attrs["height"], attrs["viewBox"])
		}
		if !bytes.Contains(svg, []byte("<title>"+attrs["aria-label"]+"</title>")) {
			t.Errorf("%s: no <title> matching the aria-label", name)
		}
		if m := regexp.MustCompile(`fill="([^"]*)"`).FindAllSubmatch(svg, -1); len(m) > 0 {
			for _, f := range m {
				if string(f[1]) != "none" {
					t.Errorf("%s: fill=%q: colours come from CSS", name, f[1])
				}
			}
		}
		if bytes.Contains(svg, []byte("style=")) || bytes.Contains(svg, []byte("NaN")) || bytes.Contains(svg, []byte("Inf")) {
			t.Errorf("%s: a style attribute or a coordinate that is not a number", name)
		}
	}
}

func TestThroughputEdgeCases(t *testing.T) {
	one := Throughput(ThroughputChart{Title: "One", Unit: "items", Bars: []IterationBar{{Label: "I1", Value: 4}}})
	parseSVG(t, one)
	if n := bytes.Count(one, []byte(`class="bar"`)); n != 1 {
		t.Errorf("one bar: %d bars drawn", n)
	}
	if m := regexp.MustCompile(`<rect class="bar" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"`).FindSubmatch(one); m == nil {
		t.Errorf("one bar: no bar")
	} else if w, _ := strconv.ParseFloat(string(m[2]), 64); w > tpMaxBar {
		t.Errorf("one bar is %g px wide, want at most %g", w, tpMaxBar)
	}

	zeros := Throughput(ThroughputChart{Title: "Zeros", Bars: []IterationBar{{Label: "I1"}, {Label: "I2", Value: math.NaN()}, {Label: "I3", Value: -4}}})
	parseSVG(t, zeros)
	if got := strings.Join(ticksOf(zeros), " "); got != "0 1" {
		t.Errorf("all zeros: ticks %q, want \"0 1\"", got)
	}
	if bytes.Contains(zeros, []byte(`class="mean"`)) {
		t.Errorf("a mean of 0 is drawn")
	}

	var many []IterationBar
	for i := range 40 {
		many = append(many, IterationBar{Label: fmt.Sprintf("%d Sep", i+1), Value: float64(i) * 2.5e6})
	}
	big := Throughput(ThroughputChart{Title: "Big", Unit: "points", Bars: many, Mean: 4e7, MeanLabel: "mean 40,000,000 points per iteration"})
	parseSVG(t, big)
	ticks := ticksOf(big)
	if len(ticks) > 6 || len(ticks) < 3 || ticks[len(ticks)-1] != "100M" {
		t.Errorf("large values: ticks %q, want at most six up to 100M", ticks)
	}
	labels := regexp.MustCompile(`<text class="bar-label" x="([0-9.]+)"[^>]*>([^<]*)<`).FindAllSubmatch(big, -1)
	if len(labels) < 4 || len(labels) > 20 {
		t.Errorf("40 bars: %d labels", len(labels))
	}
	last := -1.0
	for _, m := range labels {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		w := textWidth(string(m[2]), chTextSize)
		if x-w/2 < last || x+w/2 > chW {
			t.Errorf("bar label %q at %g overlaps the one before or leaves the chart", m[2], x)
		}
		last = x + w/2
	}
	if !bytes.Contains(labels[len(labels)-1][2], []byte("40 Sep")) {
		t.Errorf("the newest bar is not labelled")
	}
}

func TestValueAxisHasFewRoundTicks(t *testing.T) {
	for _, hi := range []float64{0, 0.3, 1, 2, 3, 5, 5.01, 7.5, 9, 10, 11, 13, 99, 101, 777, 1e4, 123456, 1e9, 3.3e14, 1e15, 1e300, math.Inf(1), math.NaN(), -5} {
		a := newValueAxis(hi, 100, 0)
		ticks := a.ticks()
		if len(ticks) < 2 || len(ticks) > 6 {
			t.Errorf("max %g: %d ticks %v", hi, len(ticks), ticks)
		}
		if want := min(clampValue(hi), chMaxValue); a.top < want {
			t.Errorf("max %g: top %g below it", hi, a.top)
		}
		mant := a.step / math.Pow(10, math.Floor(math.Log10(a.step)+1e-9))
		if math.Abs(mant-1) > 1e-9 && math.Abs(mant-2) > 1e-9 && math.Abs(mant-5) > 1e-9 {
			t.Errorf("max %g: step %g is not 1, 2 or 5 × 10^k", hi, a.step)
		}
		for _, v := range ticks {
			if s := fmtValue(v); len(s) > 6 {
				t.Errorf("max %g: tick %q is long", hi, s)
			}
		}
	}
}

func TestCumulativeFlowEdgeCases(t *testing.T) {
	one := CumulativeFlow(Flow{Title: "One day", Days: []time.Time{day("2026-03-14")}, Bands: []FlowBand{{Status: "done", Class: "flow-done", Counts: []int{4}}, {Status: "idea", Class: "flow-idea", Counts: []int{6}}}})
	parseSVG(t, one)
	if n := bytes.Count(one, []byte(`<path class="band`)); n != 2 {
		t.Errorf("one day: %d bands, want 2", n)
	}
	if !bytes.Contains(one, []byte(">14</text>")) || !bytes.Contains(one, []byte(">Mar 2026<")) {
		t.Errorf("one day: the time axis does not name its month:\n%s", one)
	}

	zeros := CumulativeFlow(Flow{Title: "Zeros", Days: []time.Time{day("2026-03-14"), day("2026-03-15")}, Bands: []FlowBand{{Status: "done", Counts: []int{0, 0}}}})
	if got := strings.Join(ticksOf(zeros), " "); got != "0 1" {
		t.Errorf("all zeros: ticks %q, want \"0 1\"", got)
	}
	if bytes.Contains(zeros, []byte(`class="band-label"`)) {
		t.Errorf("an empty band is labelled")
	}

	// Days and counts of different lengths are cut to the shortest.
	f := flow()
	f.Days = f.Days[:10]
	f.Bands[2].Counts = f.Bands[2].Counts[:7]
	cut := CumulativeFlow(f)
	parseSVG(t, cut)
	for _, m := range regexp.MustCompile(`<path class="band[^"]*" d="([^"]*)"`).FindAllSubmatch(cut, -1) {
		if n := bytes.Count(m[1], []byte("L")) + 1; n != 14 {
			t.Errorf("cut to 7 days: a band has %d points, want 14", n)
		}
	}

	// Thin bands are not labelled; tall ones are, inside their band.
	if !bytes.Contains(CumulativeFlow(flow()), []byte(`class="band-label"`)) {
		t.Errorf("no band is labelled")
	}
	thin := flow()
	thin.Bands[1].Counts = make([]int, len(thin.Days))
	if bytes.Contains(CumulativeFlow(thin), []byte(">in-progress</text>")) {
		t.Errorf("an empty band is labelled")
	}

	// Years of days: the axis keeps its labels apart.
	var days []time.Time
	var counts []int
	for d := day("2019-01-07"); d.Before(day("2026-06-01")); d = d.AddDate(0, 0, 7) {
		days = append(days, d)
		counts = append(counts, len(days)*1000)
	}
	long := CumulativeFlow(Flow{Days: days, Bands: []FlowBand{{Status: "done", Class: "flow-done", Counts: counts}}})
	checkTimeLabels(t, "seven years", long)
}

// checkTimeLabels checks that the time axis's labels neither overlap nor
// leave the chart, and that there are some.
func checkTimeLabels(t *testing.T, name string, svg []byte) {
	t.Helper()
	_, axis, _ := bytes.Cut(svg, []byte(`<g class="time-axis">`))
	labels := regexp.MustCompile(`<text class="tick" x="([-0-9.]+)" y="([-0-9.]+)"(?: text-anchor="(\w+)")?>([^<]*)<`).FindAllSubmatch(axis, -1)
	if len(labels) == 0 {
		t.Errorf("%s: the time axis has no label", name)
	}
	var seen []textLabel
	for _, m := range labels {
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		y, _ := strconv.ParseFloat(string(m[2]), 64)
		l := chLabel(string(m[4]), x, y, string(m[3]))
		if b := l.box(); b.x0 < -0.1 || b.x1 > chW+0.1 {
			t.Errorf("%s: time label %q at %v leaves the chart", name, l.text, b)
		}
		for _, o := range seen {
			if l.box().overlaps(o.box()) {
				t.Errorf("%s: time labels %q and %q overlap", name, l.text, o.text)
			}
		}
		seen = append(seen, l)
	}
}

func TestCycleTimeScatterLinksDotsAndKeepsLabelsApart(t *testing.T) {
	c := cycleTimes()
	c.Dots = append(c.Dots, CycleDot{Label: "A-999 <script>", Href: "javascript:alert(1)", Done: day("2026-05-05"), Days: 4})
	svg := CycleTimeScatter(c)
	d := decode(t, svg)
	if got := len(d.links()); got != len(c.Dots)-1 {
		t.Errorf("%d links, want %d (the javascript: one unlinked)", got, len(c.Dots)-1)
	}
	if bytes.Contains(svg, []byte("<script>")) || bytes.Contains(svg, []byte("javascript")) {
		t.Errorf("unescaped label or dangerous link")
	}
	if n := bytes.Count(svg, []byte(`class="dot"`)); n != len(c.Dots) {
		t.Errorf("%d dots, want %d", n, len(c.Dots))
	}

	// Many lines close together: their labels never overlap.
	for _, lines := range [][]PercentileLine{
		c.Lines,
		{{"50 %: 9 days", 9}, {"70 %: 9 days", 9}, {"85 %: 9 days", 9}, {"95 %: 10 days", 10}},
		{{"50 %: 0 days", 0}, {"85 %: 0 days", 0}, {"95 %: 1 day", 1}},
		{{"50 %", 23}, {"85 %", 23}, {"95 %", 23}},
	} {
		c.Lines = lines
		svg := CycleTimeScatter(c)
		var ys []float64
		for _, m := range regexp.MustCompile(`<text class="percentile-label" x="[0-9.]+" y="([0-9.]+)"`).FindAllSubmatch(svg, -1) {
			y, _ := strconv.ParseFloat(string(m[1]), 64)
			for _, o := range ys {
				if math.Abs(o-y) < chTextSize {
					t.Errorf("%v: labels at %g and %g overlap", lines, o, y)
				}
			}
			if y < chCaptionY+chTextSize || y > ctH-chTimeRow+chTextSize {
				t.Errorf("%v: label at %g is outside the plot's height", lines, y)
			}
			ys = append(ys, y)
		}
		if len(ys) != len(lines) {
			t.Errorf("%v: %d labels written", lines, len(ys))
		}
	}

	// Too many to fit: some are left out, none overlap.
	var crowd []PercentileLine
	for i := range 40 {
		crowd = append(crowd, PercentileLine{fmt.Sprintf("%d %%", i+50), float64(i % 3)})
	}
	c.Lines = crowd
	crowded := CycleTimeScatter(c)
	parseSVG(t, crowded)
	if n := bytes.Count(crowded, []byte(`class="percentile-label"`)); n == 0 || n >= 40 {
		t.Errorf("40 lines in a plot with room for about 15 labels: %d written", n)
	}
}

func TestCycleTimeScatterDoesNotDependOnOrder(t *testing.T) {
	c := cycleTimes()
	want := CycleTimeScatter(c)
	r := rand.New(rand.NewPCG(1, 2))
	for range 3 {
		c.Dots = shuffled(r, c.Dots)
		if got := CycleTimeScatter(c); !bytes.Equal(got, want) {
			t.Fatalf("shuffled dots give different output")
		}
	}
}

func TestCycleTimeScatterOfOneDot(t *testing.T) {
	svg := CycleTimeScatter(CycleTimes{Title: "One", Unit: "days", Dots: []CycleDot{{Label: "A-1: 0 days", Href: "a/", Done: day("2026-02-10")}}})
	parseSVG(t, svg)
	m := regexp.MustCompile(`<circle class="dot" cx="([0-9.]+)"`).FindSubmatch(svg)
	if m == nil {
		t.Fatalf("no dot:\n%s", svg)
	}
	if x, _ := strconv.ParseFloat(string(m[1]), 64); x < 100 || x > 240 {
		t.Errorf("a lone dot at x %g, want it in the middle", x)
	}
	if got := strings.Join(ticksOf(svg), " "); got != "0 1" {
		t.Errorf("cycle time 0: ticks %q, want \"0 1\"", got)
	}
	checkTimeLabels(t, "one dot", svg)
}

func TestWordsNameTheMonths(t *testing.T) {
	w := Words{Today: "Heute", Month: func(t time.Time, year bool) string {
		s := []string{"Jän", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"}[t.Month()-1]
		if year {
			s += fmt.Sprint(" ", t.Year())
		}
		return s
	}, Day: func(t time.Time) string { return fmt.Sprintf("%d.%d.%d", t.Day(), t.Month(), t.Year()) }}
	f := flow()
	f.Words = w
	c := cycleTimes()
	c.Words = w
	bu := burnUp()
	bu.Words = w
	for name, svg := range map[string][]byte{"flow": CumulativeFlow(f), "cycle times": CycleTimeScatter(c), "burn-up": ReleaseBurnUp(bu)} {
		s := string(svg)
		if !strings.Contains(s, ">Mai<") || strings.Contains(s, ">May<") {
			t.Errorf("%s: months not in the words given", name)
		}
		if name != "cycle times" && (!strings.Contains(s, ".2026") || strings.Contains(s, "Monday")) {
			t.Errorf("%s: days not in the words given", name)
		}
	}
	if s := string(ReleaseBurnUp(bu)); !strings.Contains(s, ">Heute<") {
		t.Errorf("burn-up: today not labelled Heute")
	}
}

// FuzzFlowCharts draws all four charts from random sizes, values and
// days, and checks that each is well-formed SVG, or nil for no data,
// with every coordinate a number and no text under minTextSize.
func FuzzFlowCharts(f *testing.F) {
	f.Add(uint64(1), uint8(8), 10.0, int16(14))
	f.Add(uint64(2), uint8(1), 0.0, int16(0))
	f.Add(uint64(3), uint8(0), 1.0, int16(1))
	f.Add(uint64(4), uint8(60), 1e13, int16(1))
	f.Add(uint64(5), uint8(3), math.NaN(), int16(-7))
	f.Add(uint64(6), uint8(200), math.Inf(1), int16(3000))
	f.Add(uint64(7), uint8(12), -3.0, int16(-3000))
	f.Fuzz(func(t *testing.T, seed uint64, size uint8, scale float64, step int16) {
		r := rand.New(rand.NewPCG(seed, 9))
		n := int(size)
		val := func() float64 {
			switch r.IntN(12) {
			case 0:
				return 0
			case 1:
				return -scale
			}
			return math.Floor(r.Float64() * scale)
		}
		base := day("2026-01-01").AddDate(0, 0, r.IntN(4000)-2000)
		var days []time.Time
		for i := range n {
			days = append(days, base.AddDate(0, 0, i*int(step)))
		}
		text := func() string { return string([]rune{rune(r.IntN(0x3000)), 'x', rune(r.IntN(128))}) }

		var bars []IterationBar
		for range n {
			bars = append(bars, IterationBar{Label: text(), Title: text(), Value: val()})
		}
		var bands []FlowBand
		for range 1 + r.IntN(7) {
			band := FlowBand{Status: text(), Class: "flow-" + text()}
			for range n - r.IntN(2) {
				band.Counts = append(band.Counts, int(val()))
			}
			bands = append(bands, band)
		}
		var dots []CycleDot
		for i := range n {
			dots = append(dots, CycleDot{Label: text(), Href: text(), Done: days[i], Days: int(val())})
		}
		var lines []PercentileLine
		for range r.IntN(6) {
			lines = append(lines, PercentileLine{Label: text(), Days: val()})
		}
		var scope, done []float64
		for range n {
			scope, done = append(scope, val()), append(done, val())
		}
		var cone []ConeLine
		for range r.IntN(5) {
			d := time.Time{}
			if r.IntN(4) > 0 {
				d = base.AddDate(0, 0, r.IntN(20000)-1000)
			}
			cone = append(cone, ConeLine{Label: text(), Day: d})
		}
		today, end := time.Time{}, time.Time{}
		if r.IntN(2) == 0 {
			today = base.AddDate(0, 0, r.IntN(400)-200)
		}
		if r.IntN(2) == 0 {
			end = base.AddDate(0, 0, r.IntN(3000)-500)
		}

		for name, svg := range map[string][]byte{
			"throughput":  Throughput(ThroughputChart{Title: text(), Unit: text(), Bars: bars, Mean: val(), MeanLabel: text()}),
			"flow":        CumulativeFlow(Flow{Title: text(), Days: days, Bands: bands}),
			"cycle times": CycleTimeScatter(CycleTimes{Title: text(), Dots: dots, Lines: lines, Unit: text()}),
			"burn-up":     ReleaseBurnUp(BurnUp{Title: text(), Days: days, Scope: scope, Done: done[:max(0, n-r.IntN(2))], Today: today, End: end, Cone: cone, Unit: text()}),
		} {
			if svg == nil {
				if n > 1 && name != "burn-up" && name != "flow" {
					t.Errorf("%s of %d: nil", name, n)
				}
				continue
			}
			parseSVG(t, svg)
			for _, e := range decode(t, svg).elems {
				for _, a := range e.Attr {
					switch a.Name.Local {
					case "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "d":
						if strings.Contains(a.Value, "NaN") || strings.Contains(a.Value, "Inf") {
							t.Errorf("%s: %s=%q", name, a.Name.Local, a.Value)
						}
					case "font-size":
						if s, _ := strconv.ParseFloat(a.Value, 64); s < minTextSize {
							t.Errorf("%s: font-size %g", name, s)
						}
					}
				}
			}
			if w := rootWidth(t, svg); w != chW {
				t.Errorf("%s: width %g", name, w)
			}
		}
	})
}
