package svg

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// IterationBar is one iteration's throughput.
type IterationBar struct {
	Label string  // under the bar, short: "I3" or "7 Sep"
	Title string  // its tooltip: "7–20 Sep 2026: 3 items, 8 points"; empty: the label, value and unit
	Value float64 // in the chart's unit
}

// ThroughputChart is what a backlog finished in each of its recent
// iterations.
type ThroughputChart struct {
	Title     string         // for screen readers and the <title>; empty: "Throughput"
	Unit      string         // the value axis's caption, e.g. "points" or "items"
	Bars      []IterationBar // oldest first
	Mean      float64        // drawn as a dashed line across with MeanLabel at its end; 0: none
	MeanLabel string         // e.g. "mean 7.5"
}

// FlowBand is one status of a cumulative flow diagram.
type FlowBand struct {
	Status string // its name, written at the right end of its band where the band is tall enough (>= text height), else left out
	Class  string // CSS class, e.g. "s-done"
	Counts []int  // items in this status on each day of Flow.Days
}

// Flow is a cumulative flow diagram: items per status over time, stacked.
type Flow struct {
	Title string      // for screen readers and the <title>; empty: "Cumulative flow"
	Days  []time.Time // consecutive calendar days or sample days (e.g. one per week), ascending
	Bands []FlowBand  // bottom first (the caller puts done at the bottom)
	Words Words       // month names on the time axis and days in tooltips; the zero value is English
}

// CycleDot is one done item of a cycle-time scatter plot.
type CycleDot struct {
	Label string    // tooltip: "A-12 Pump curve: 9 days"
	Href  string    // link target (relative); the dot is wrapped in <a href>, unless it is empty or unsafe
	Done  time.Time // horizontal position; zero: the dot is left out
	Days  int       // vertical position (cycle time in days)
}

// PercentileLine is a horizontal line across a cycle-time scatter plot.
type PercentileLine struct {
	Label string  // "85 %: 12 days"
	Days  float64 // height of the horizontal dashed line
}

// CycleTimes are the cycle times of done items, with percentile lines.
type CycleTimes struct {
	Title string           // for screen readers and the <title>; empty: "Cycle times"
	Dots  []CycleDot       // in any order: the output does not depend on it
	Lines []PercentileLine // ascending; labels written at the right end, nudged apart so they never overlap
	Unit  string           // the vertical axis's caption, "days"
	Words Words            // month names on the time axis; the zero value is English
}

// Forecast and flow chart geometry, in px, shared by the four charts
// (Throughput, CumulativeFlow, CycleTimeScatter, ReleaseBurnUp). They are
// as wide as a phone's content column at their natural size, with no text
// under minTextSize.
const (
	chW        = 340.0 // every chart's width
	chTextSize = 11.0  // all text
	chCaptionY = 12.0  // baseline of the value axis's caption (and the burn-up's line labels), above the plot
	chTop      = 30.0  // the plot's top: below the caption, with room for labels above the highest bar
	chAxisRow  = 22.0  // below the plot: the bars' labels
	chTimeRow  = 36.0  // below the plot: the time axis's months and years
	chLabelY   = 16.0  // baseline of those labels, below the plot's bottom
	chTickLen  = 4.0   // the time axis's ticks
	chGap      = 4.0   // between a label and what it labels
	chRightPad = 8.0   // right of the plot when nothing is written there
	chMaxRight = 110.0 // the widest a label right of the plot may be
	chLineSep  = 13.0  // between the baselines of two labels one above the other
	chMaxValue = 1e15  // larger values count as this: the axes stay finite
)

// clampValue is v made fit to plot: NaN, infinities and values below
// zero count as 0, values above chMaxValue as chMaxValue.
func clampValue(v float64) float64 {
	if math.IsNaN(v) || v < 0 || math.IsInf(v, 0) {
		return 0
	}
	return min(v, chMaxValue)
}

// valueAxis maps values 0…top onto y0 (the plot's bottom) … y1 (its
// top), with a tick every step.
type valueAxis struct {
	top, step, y0, y1 float64
}

// newValueAxis returns an axis for values up to hi: a step of 1, 2 or 5
// times a power of ten, at least 1, and a top the first multiple of the
// step at or above hi, at most five steps up, so that the axis has at
// most six ticks with 0. A hi of 0 (or NaN) gives a top of 1.
func newValueAxis(hi, y0, y1 float64) valueAxis {
	hi = clampValue(hi)
	if hi == 0 {
		hi = 1
	}
	raw := hi / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range [...]float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	step = max(step, 1)
	n := max(math.Ceil(hi/step-1e-9), 1)
	return valueAxis{top: n * step, step: step, y0: y0, y1: y1}
}

// y is where v is drawn, kept within the axis.
func (a valueAxis) y(v float64) float64 {
	return a.y0 - (a.y0-a.y1)*min(clampValue(v), a.top)/a.top
}

// ticks are the values of the axis's ticks, 0 first.
func (a valueAxis) ticks() []float64 {
	n := int(math.Round(a.top / a.step))
	out := make([]float64, n+1)
	for i := range out {
		out[i] = float64(i) * a.step
	}
	return out
}

// left is where the plot starts: right of the widest tick label.
func (a valueAxis) left() float64 {
	w := 0.0
	for _, v := range a.ticks() {
		w = max(w, textWidth(fmtValue(v), chTextSize))
	}
	return math.Ceil(w + 2*chGap)
}

// fmtValue writes a value for a label: rounded to one decimal, and from
// 10,000 on in thousands (k), millions (M), billions (G) or trillions
// (T), so that a tick label stays short.
func fmtValue(v float64) string {
	suffix := ""
	for _, u := range [...]struct {
		at, unit float64
		suffix   string
	}{{1e12, 1e12, "T"}, {1e9, 1e9, "G"}, {1e6, 1e6, "M"}, {1e4, 1e3, "k"}} {
		if v >= u.at {
			v, suffix = v/u.unit, u.suffix
			break
		}
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) + suffix
}

// chLabel is a label of a chart: text at x, y (its baseline), anchored as
// SVG's text-anchor says.
func chLabel(text string, x, y float64, anchor string) textLabel {
	return textLabel{text, x, y, anchor, textWidth(text, chTextSize), chTextSize}
}

// writeLabel writes l as a <text> element of class.
func writeLabel(b *strings.Builder, class string, l textLabel) {
	anchor := ""
	if l.anchor != "" && l.anchor != "start" {
		anchor = ` text-anchor="` + l.anchor + `"`
	}
	fmt.Fprintf(b, `<text class="%s" x="%s" y="%s"%s>%s</text>`, class, num(l.x), num(l.y), anchor, esc(l.text))
}

// placeLabel returns the first of the candidates that lies inside area
// and clear of the boxes taken and of the line segments segs (pairs of
// points), and whether there was one.
func placeLabel(cands []textLabel, area box, taken []box, segs [][2]pt) (textLabel, bool) {
next:
	for _, c := range cands {
		b := c.box()
		if !inside(b, area) || !free(b, nil, taken) {
			continue
		}
		g := b.grow(1)
		for _, s := range segs {
			if g.crossesSegment(s[0], s[1]) {
				continue next
			}
		}
		return c, true
	}
	return textLabel{}, false
}

// chartText is user text cleaned for the drawing, or def when it is empty.
func chartText(s, def string) string {
	if s = clean(s); s == "" {
		return def
	}
	return s
}

// chartRoot writes a chart's <svg> element, chW px wide and h px high,
// with its <title> and, when desc is not empty, its <desc>. The role is
// "img" for a chart that is a picture, "group" for one whose links a
// screen reader should reach.
func chartRoot(b *strings.Builder, class, role, title, desc string, h float64) {
	fmt.Fprintf(b, `<svg class="forecast-chart %s" viewBox="0 0 %s %s" width="%s" height="%s" role="%s" aria-label="%s" font-size="%s" xmlns="http://www.w3.org/2000/svg">`,
		class, num(chW), num(h), num(chW), num(h), role, esc(title), num(chTextSize))
	fmt.Fprintf(b, "<title>%s</title>\n", esc(title))
	if desc != "" {
		fmt.Fprintf(b, "<desc>%s</desc>\n", esc(desc))
	}
}

// writeValueAxis writes the value axis: a grid line across the plot,
// from left to right, at each tick, its value left of the plot, the
// line at the plot's bottom, and the unit as a caption above the plot.
func writeValueAxis(b *strings.Builder, a valueAxis, left, right float64, unit string) {
	b.WriteString(`<g class="value-axis">`)
	for _, v := range a.ticks()[1:] {
		y := a.y(v)
		fmt.Fprintf(b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(y), num(right), num(y))
	}
	for _, v := range a.ticks() {
		writeLabel(b, "tick", chLabel(fmtValue(v), left-chGap, a.y(v)+chTextSize*0.35, "end"))
	}
	fmt.Fprintf(b, `<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(a.y0), num(right), num(a.y0))
	if unit != "" {
		writeLabel(b, "caption", unitCaption(unit))
	}
	b.WriteString("</g>\n")
}

// unitCaption is the value axis's caption at the top left, cut to half
// the chart's width.
func unitCaption(unit string) textLabel {
	unit, _ = truncate(clean(unit), chW/2, chTextSize)
	return chLabel(unit, 0, chCaptionY, "start")
}

// timeAxis maps calendar days onto x: first at x0, last at x1 (a single
// day in the middle).
type timeAxis struct {
	first, last tlDate
	x0, x1      float64
}

func (a timeAxis) x(d tlDate) float64 {
	if a.last == a.first {
		return (a.x0 + a.x1) / 2
	}
	return a.x0 + float64(d-a.first)*(a.x1-a.x0)/float64(a.last-a.first)
}

// monthIndex counts months from year 0: 12 × year + month − 1.
func monthIndex(d tlDate) int64 {
	t := d.time()
	return int64(t.Year())*12 + int64(t.Month()) - 1
}

// monthStart is the first day of the month of index m.
func monthStart(m int64) tlDate {
	y, mo := m/12, m%12
	if mo < 0 {
		y, mo = y-1, mo+12
	}
	return dateOf(time.Date(int(y), time.Month(mo+1), 1, 0, 0, 0, 0, time.UTC))
}

// year writes t's year under its month on a time axis.
func (w Words) year(t time.Time) string { return strconv.Itoa(t.Year()) }

// dayOfMonth writes t's day of the month on a time axis of days.
func (w Words) dayOfMonth(t time.Time) string { return strconv.Itoa(t.Day()) }

// timeLabels writes a time axis's names in two rows, each name where it
// overlaps none before it in its row and stays inside the chart.
type timeLabels struct {
	b          *strings.Builder
	y          float64    // the axis's line, the plot's bottom
	end        [2]float64 // where the last name of each row ends
	rowWritten [2]bool
}

// add writes text in row 0 or 1 at x, anchored as given, and reports
// whether it did.
func (t *timeLabels) add(row int, text string, x float64, anchor string) (textLabel, bool) {
	l := chLabel(text, x, t.y+chLabelY+float64(row)*chLineSep, anchor)
	b := l.box()
	if text == "" || b.x0 < 0 || b.x1 > chW || t.rowWritten[row] && b.x0 < t.end[row]+2*chGap {
		return l, false
	}
	writeLabel(t.b, "tick", l)
	t.end[row], t.rowWritten[row] = b.x1, true
	return l, true
}

// tick writes a tick on the axis at x.
func (t *timeLabels) tick(x float64) {
	fmt.Fprintf(t.b, `<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(t.y), num(x), num(t.y+chTickLen))
}

// tlDaysMode is the longest time axis, in days, that writeTimeAxis marks
// with days rather than months.
const tlDaysMode = 62

// writeTimeAxis writes the time axis under the plot, whose bottom is y,
// in two rows of names.
//
// An axis of up to tlDaysMode days has a tick every day, every second
// day, every Monday or every second Monday, the least of these that
// leaves room for every day's number, written under its tick; below
// them, the month's name (Words.month) under the first number and the
// first of each month, with the year under the first and January's.
//
// A longer axis has a tick at the first of every step-th month, the
// least of 1, 2, 3, 6 and 12 months (then 2, 5, 10, … years) that leaves
// room for every name, with the month's name (Words.month without the
// year) after it, and the year below the first name and every January's;
// from 12 months on, the ticks are named by their years alone. The first
// day's month is named at the axis's start when it clears the first
// tick's name.
func writeTimeAxis(b *strings.Builder, a timeAxis, y float64, w Words) {
	b.WriteString(`<g class="time-axis">`)
	defer b.WriteString("</g>\n")
	tl := &timeLabels{b: b, y: y}
	days := max(float64(a.last-a.first), 1)
	if a.last-a.first <= tlDaysMode {
		perDay := (a.x1 - a.x0) / days
		step := tlDate(14)
		for _, s := range [...]tlDate{1, 2, 7, 14} {
			if float64(s)*perDay >= textWidth("30", chTextSize)+2*chGap {
				step = s
				break
			}
		}
		month := time.Month(0)
		for d := a.first; d <= a.last; d++ {
			switch {
			case step == 2 && d%2 != 0, step >= 7 && (d+3)%7 != 0, step == 14 && (d+3)/7%2 != 0:
				continue // not on the step: d+3 is a multiple of 7 on Mondays
			}
			x, t := a.x(d), d.time()
			tl.tick(x)
			l, ok := tl.add(0, w.dayOfMonth(t), x, "middle")
			if ok && t.Month() != month {
				if _, ok := tl.add(1, clean(w.month(t, month == 0 || t.Month() == time.January)), l.box().x0, "start"); ok {
					month = t.Month()
				}
			}
		}
		return
	}

	first, last := monthIndex(a.first), monthIndex(a.last)
	perMonth := (a.x1 - a.x0) * 30.44 / days
	widest := 0.0
	for m := range int64(12) {
		widest = max(widest, textWidth(clean(w.month(monthStart(first+m).time(), false)), chTextSize))
	}
	step := int64(1)
	for _, s := range [...]int64{1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000} {
		step = s
		if s >= 12 {
			widest = textWidth(w.year(a.first.time()), chTextSize) + 6 // a digit more, or a minus
		}
		if float64(s)*perMonth >= widest+2*chGap {
			break
		}
	}
	m := first + ((step-first%step)%step+step)%step // the first month on the step at or after first
	if monthStart(m) < a.first {
		m += step
	}
	name := func(t time.Time) string {
		if step >= 12 {
			return w.year(t)
		}
		return clean(w.month(t, false))
	}
	years := false // whether a year has been written in the second row
	if t := a.first.time(); m > last || a.x(monthStart(m))+3 >= a.x0+textWidth(name(t), chTextSize)+2*chGap {
		if _, ok := tl.add(0, name(t), a.x0, "start"); ok && step < 12 {
			_, years = tl.add(1, w.year(t), a.x0, "start")
		}
	}
	for ; m <= last; m += step {
		d := monthStart(m)
		x, t := a.x(d), d.time()
		tl.tick(x)
		if _, ok := tl.add(0, name(t), x+3, "start"); ok && step < 12 && (!years || t.Month() == time.January) {
			if _, ok := tl.add(1, w.year(t), x+3, "start"); ok {
				years = true
			}
		}
	}
}

// Throughput chart geometry, in px.
const (
	tpPlotH    = 120.0 // the plot's height
	tpMaxBar   = 36.0  // the widest a bar gets, with few iterations
	tpBarShare = 0.7   // the share of its slot a bar takes
	tpMaxLabel = 60.0  // the widest label under a bar
	tpH        = chTop + tpPlotH + chAxisRow
)

// Throughput draws a bar per iteration, oldest on the left, on a value
// axis from 0, captioned with the unit, and the mean as a dashed line
// across with its label right of the plot. Each bar's value is written
// above it where it fits in the bar's slot, and its label under it:
// every k-th from the newest, k the least that keeps them apart. A value
// that the mean line would cross is written above the line. Each bar
// has its Title as its tooltip, and the titles together are the chart's
// description for screen readers. Values that are not finite or below
// zero count as 0. The output is an inline <svg class="forecast-chart
// throughput-chart"> element 340 px wide, or nil when there are no bars.
func Throughput(c ThroughputChart) []byte {
	if len(c.Bars) == 0 {
		return nil
	}
	title := chartText(c.Title, "Throughput")
	unit := clean(c.Unit)
	mean := clampValue(c.Mean)
	hi := mean
	for _, bar := range c.Bars {
		hi = max(hi, clampValue(bar.Value))
	}
	ax := newValueAxis(hi, chTop+tpPlotH, chTop)
	left, right := ax.left(), chW-chRightPad
	var meanLabel textLabel
	if mean > 0 {
		text, _ := truncate(clean(c.MeanLabel), chMaxRight-chGap, chTextSize)
		if text != "" {
			right = chW - textWidth(text, chTextSize) - chGap - 2
		}
		meanLabel = chLabel(text, right+chGap, ax.y(mean)+chTextSize*0.35, "start")
	}

	tips := make([]string, len(c.Bars))
	var desc []string
	for i, bar := range c.Bars {
		tips[i] = clean(bar.Title)
		if tips[i] == "" {
			tips[i] = strings.TrimSpace(clean(bar.Label) + ": " + fmtValue(clampValue(bar.Value)) + " " + unit)
		}
		desc = append(desc, tips[i])
	}
	if mean > 0 && clean(c.MeanLabel) != "" {
		desc = append(desc, clean(c.MeanLabel))
	}

	var b strings.Builder
	b.Grow(1024 + 256*len(c.Bars))
	chartRoot(&b, "throughput-chart", "img", title, strings.Join(desc, "; "), tpH)
	writeValueAxis(&b, ax, left, right, unit)

	n := float64(len(c.Bars))
	slot := (right - left) / n
	barW := min(slot*tpBarShare, tpMaxBar)
	labels := make([]string, len(c.Bars))
	widest := 0.0
	for i, bar := range c.Bars {
		labels[i], _ = truncate(clean(bar.Label), tpMaxLabel, chTextSize)
		widest = max(widest, textWidth(labels[i], chTextSize))
	}
	every := max(int(math.Ceil((widest+2*chGap)/slot)), 1)
	shown := make([]bool, len(c.Bars))
	next := math.MaxFloat64 // where the label right of the one being placed starts
	for i := len(c.Bars) - 1; i >= 0; i-- {
		if (len(c.Bars)-1-i)%every != 0 || labels[i] == "" {
			continue
		}
		w := textWidth(labels[i], chTextSize)
		x := min(max(left+slot*(float64(i)+0.5), w/2), chW-w/2)
		if x+w/2+2*chGap <= next {
			shown[i], next = true, x-w/2
		}
	}
	for i, bar := range c.Bars {
		y := ax.y(clampValue(bar.Value))
		fmt.Fprintf(&b, `<g class="iteration"><title>%s</title><rect class="bar" x="%s" y="%s" width="%s" height="%s"/></g>`+"\n",
			esc(tips[i]), num(left+slot*(float64(i)+0.5)-barW/2), num(y), num(barW), num(ax.y0-y))
	}
	if mean > 0 {
		y := ax.y(mean)
		fmt.Fprintf(&b, `<g class="mean"><line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(left), num(y), num(right), num(y))
		if meanLabel.text != "" {
			writeLabel(&b, "mean-label", meanLabel)
		}
		b.WriteString("</g>\n")
	}
	// The values and labels last, over the mean line.
	for i, bar := range c.Bars {
		v := clampValue(bar.Value)
		cx := left + slot*(float64(i)+0.5)
		if text := fmtValue(v); textWidth(text, chTextSize) <= slot-2 {
			l := chLabel(text, cx, ax.y(v)-chGap+1, "middle")
			if my := ax.y(mean); mean > 0 && l.box().grow(1).crossesSegment(pt{left, my}, pt{right, my}) {
				l.y = my - chGap // above the mean line rather than through it
			}
			writeLabel(&b, "value", l)
		}
		if shown[i] {
			w := textWidth(labels[i], chTextSize)
			writeLabel(&b, "bar-label", chLabel(labels[i], min(max(cx, w/2), chW-w/2), ax.y0+chLabelY, "middle"))
		}
	}
	b.WriteString("\n")
	b.WriteString("</svg>")
	return []byte(b.String())
}

// Cumulative flow geometry, in px.
const (
	cfPlotH   = 160.0 // the plot's height
	cfH       = chTop + cfPlotH + chTimeRow
	cfMaxW    = 120.0 // the widest a band's name may be
	cfMinBand = 14.0  // the least height of a band, under its whole name, for the name to be written in it
)

// CumulativeFlow draws a cumulative flow diagram: each band's counts
// stacked on those of the bands below it, as one filled <path> per band
// (class "band" and the band's Class), on a time axis (writeTimeAxis) and a
// count axis from 0. A band's status is written at the right end of the
// band where the band is at least as tall as the text all along the
// text's width, and left out elsewhere; every band's tooltip names its
// status and its count on the last day, and the chart's description
// gives each status's counts on the first and the last day.
//
// Days are drawn where they fall in time, so that sample days need not be
// evenly spaced; a single day is drawn as flat bands across the plot.
// Days and Counts of different lengths are the caller's mistake: the
// chart is cut to the shortest. Negative counts count as 0. The output
// is an inline <svg class="forecast-chart flow-chart"> element 340 px
// wide, or nil when there are no bands or no days.
func CumulativeFlow(f Flow) []byte {
	n := len(f.Days)
	for _, band := range f.Bands {
		n = min(n, len(band.Counts))
	}
	if n == 0 || len(f.Bands) == 0 {
		return nil
	}
	days := make([]tlDate, n)
	for i, t := range f.Days[:n] {
		days[i] = dateOf(t)
	}
	lo, hi := slices.Min(days), slices.Max(days)

	// tops[i][j] is the top of band i on day j; its bottom is tops[i-1][j].
	tops := make([][]float64, len(f.Bands)+1)
	tops[0] = make([]float64, n)
	most := 0.0
	for i, band := range f.Bands {
		tops[i+1] = make([]float64, n)
		for j := range n {
			tops[i+1][j] = tops[i][j] + clampValue(float64(band.Counts[j]))
			most = max(most, tops[i+1][j])
		}
	}
	ax := newValueAxis(most, chTop+cfPlotH, chTop)
	left, right := ax.left(), chW-chRightPad
	ta := timeAxis{first: lo, last: hi, x0: left, x1: right}
	xs := make([]float64, n)
	for j, d := range days {
		xs[j] = ta.x(d)
	}
	if n == 1 {
		xs = []float64{left, right}
		for i := range tops {
			tops[i] = []float64{tops[i][0], tops[i][0]}
		}
	}

	title := chartText(f.Title, "Cumulative flow")
	var desc []string
	for i, band := range f.Bands {
		desc = append(desc, fmt.Sprintf("%s %d → %d", chartText(band.Status, clean(band.Class)),
			int64(tops[i+1][0]-tops[i][0]), int64(tops[i+1][len(xs)-1]-tops[i][len(xs)-1])))
	}
	dayRange := clean(f.Words.day(lo.time()))
	if hi != lo {
		dayRange += " – " + clean(f.Words.day(hi.time()))
	}

	var b strings.Builder
	b.Grow(1024 + len(f.Bands)*(256+32*n))
	chartRoot(&b, "flow-chart", "img", title, dayRange+": "+strings.Join(desc, ", "), cfH)
	writeValueAxis(&b, ax, left, right, "")
	var names []string // the band labels, written over every band
	var spots []textLabel
	for i, band := range f.Bands {
		upper, lower := tops[i+1], tops[i]
		status := clean(band.Status)
		last := len(xs) - 1
		fmt.Fprintf(&b, `<path class="band %s" d="`, esc(clean(band.Class)))
		cmd := "M"
		for j, x := range xs {
			fmt.Fprintf(&b, "%s%s %s", cmd, num(x), num(ax.y(upper[j])))
			cmd = "L"
		}
		for j := last; j >= 0; j-- {
			fmt.Fprintf(&b, "L%s %s", num(xs[j]), num(ax.y(lower[j])))
		}
		fmt.Fprintf(&b, `Z"><title>%s, %s: %d</title></path>`+"\n", esc(chartText(status, clean(band.Class))),
			esc(clean(f.Words.day(hi.time()))), int64(upper[last]-lower[last]))
		text, _ := truncate(status, min(cfMaxW, right-left-2*chGap), chTextSize)
		if text == "" {
			continue
		}
		w := textWidth(text, chTextSize)
		x0, x1 := right-chGap-w, right-chGap
		top, bottom := -math.MaxFloat64, math.MaxFloat64 // the band's highest bottom and lowest top under the text, in px
		for _, x := range append([]float64{x0, x1}, xs...) {
			if x < x0 || x > x1 {
				continue
			}
			top, bottom = max(top, ax.y(at(xs, upper, x))), min(bottom, ax.y(at(xs, lower, x)))
		}
		if bottom-top >= cfMinBand {
			names = append(names, text)
			spots = append(spots, chLabel(text, x1, (top+bottom)/2+chTextSize*0.35, "end"))
		}
	}
	for _, l := range spots {
		writeLabel(&b, "band-label", l)
	}
	b.WriteString("\n")
	writeTimeAxis(&b, ta, ax.y0, f.Words)
	b.WriteString("</svg>")
	return []byte(b.String())
}

// at is the height at x of the line through the points (xs[i], ys[i]),
// xs ascending: interpolated between the points either side of x, the
// end's beyond them.
func at(xs, ys []float64, x float64) float64 {
	if x <= xs[0] {
		return ys[0]
	}
	for i := 1; i < len(xs); i++ {
		if x <= xs[i] {
			if xs[i] == xs[i-1] {
				return ys[i]
			}
			return ys[i-1] + (ys[i]-ys[i-1])*(x-xs[i-1])/(xs[i]-xs[i-1])
		}
	}
	return ys[len(ys)-1]
}

// Cycle-time scatter geometry, in px.
const (
	ctPlotH = 180.0 // the plot's height
	ctH     = chTop + ctPlotH + chTimeRow
	ctDotR  = 4.0 // a dot's radius
	ctInset = 8.0 // between the plot's sides and the first and last day
	ctShift = 3.0 // right of a dot, the next one of the same day and cycle time
	ctPile  = 4   // dots of one day and cycle time shifted apart; further ones pile on the last
)

// placedDot is a dot with its place.
type placedDot struct {
	label, href string
	day         tlDate
	days        float64
	x, y        float64
}

// CycleTimeScatter draws a dot per done item: when it was done across
// (on a time axis, writeTimeAxis), its cycle time up (a value axis from 0,
// captioned with the unit), each a link to its item with its label as
// its tooltip. Dots of the same day and cycle time are shifted a little
// apart. The percentile lines are dashed lines across, labelled right of
// the plot, the labels nudged apart so that they never overlap (a label
// that still would, with very many lines, is left out; its line keeps it
// as its tooltip). Dots without a day are left out; negative cycle times
// count as 0. The output does not depend on the order of the dots. It is
// an inline <svg class="forecast-chart cycle-time-chart"> element 340 px
// wide, with role "group" so that screen readers reach its links, or nil
// when there are no dots.
func CycleTimeScatter(c CycleTimes) []byte {
	var dots []placedDot
	for _, d := range c.Dots {
		if d.Done.IsZero() {
			continue
		}
		dots = append(dots, placedDot{label: clean(d.Label), href: safeHref(d.Href), day: dateOf(d.Done), days: clampValue(float64(d.Days))})
	}
	if len(dots) == 0 {
		return nil
	}
	slices.SortFunc(dots, func(a, b placedDot) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.days, b.days), cmp.Compare(a.label, b.label), cmp.Compare(a.href, b.href))
	})
	hi := 0.0
	for _, d := range dots {
		hi = max(hi, d.days)
	}
	lines := make([]PercentileLine, len(c.Lines))
	widest := 0.0
	for i, l := range c.Lines {
		lines[i].Days = clampValue(l.Days)
		lines[i].Label, _ = truncate(clean(l.Label), chMaxRight-chGap, chTextSize)
		hi = max(hi, lines[i].Days)
		widest = max(widest, textWidth(lines[i].Label, chTextSize))
	}
	ax := newValueAxis(hi, chTop+ctPlotH, chTop)
	left, right := ax.left(), chW-chRightPad
	if widest > 0 {
		right = chW - widest - chGap - 2
	}
	ta := timeAxis{first: dots[0].day, last: dots[len(dots)-1].day, x0: left + ctInset, x1: right - ctInset}
	for i := range dots {
		shift := 0
		for j := i - 1; j >= 0 && dots[j].day == dots[i].day && dots[j].days == dots[i].days; j-- {
			shift++
		}
		dots[i].x, dots[i].y = ta.x(dots[i].day)+float64(min(shift, ctPile))*ctShift, ax.y(dots[i].days)
	}

	title := chartText(c.Title, "Cycle times")
	var desc []string
	for _, l := range lines {
		if l.Label != "" {
			desc = append(desc, l.Label)
		}
	}
	var b strings.Builder
	b.Grow(1024 + 256*len(dots))
	chartRoot(&b, "cycle-time-chart", "group", title, strings.Join(desc, "; "), ctH)
	writeValueAxis(&b, ax, left, right, c.Unit)
	for _, l := range lines {
		y := ax.y(l.Days)
		fmt.Fprintf(&b, `<g class="percentile"><title>%s</title><line x1="%s" y1="%s" x2="%s" y2="%s"/></g>`+"\n",
			esc(chartText(l.Label, fmtValue(l.Days))), num(left), num(y), num(right), num(y))
	}
	for _, d := range dots {
		if d.href != "" {
			fmt.Fprintf(&b, `<a href="%s">`, esc(d.href))
		}
		fmt.Fprintf(&b, `<circle class="dot" cx="%s" cy="%s" r="%s"><title>%s</title></circle>`, num(d.x), num(d.y), num(ctDotR), esc(d.label))
		if d.href != "" {
			b.WriteString("</a>")
		}
		b.WriteString("\n")
	}
	ys := make([]float64, len(lines))
	for i, l := range lines {
		ys[i] = ax.y(l.Days) + chTextSize*0.35
	}
	shown := spread(ys, chLineSep, chTop-chGap, ax.y0+chTextSize*0.35)
	for i, l := range lines {
		if shown[i] && l.Label != "" {
			writeLabel(&b, "percentile-label", chLabel(l.Label, right+chGap, ys[i], "start"))
		}
	}
	b.WriteString("\n")
	writeTimeAxis(&b, ta, ax.y0, c.Words)
	b.WriteString("</svg>")
	return []byte(b.String())
}

// spread moves the baselines ys of labels one above the other apart, at
// least sep from each other and within lo…hi, as little as it can: each
// pushed down from the one above it, then up from the one below it. It
// reports which are shown: those that would still overlap another or
// leave lo…hi, when there are too many for the room, are not.
func spread(ys []float64, sep, lo, hi float64) []bool {
	order := make([]int, len(ys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ys[a], ys[b]) })
	for k, i := range order {
		ys[i] = max(ys[i], lo)
		if k > 0 {
			ys[i] = max(ys[i], ys[order[k-1]]+sep)
		}
	}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		ys[i] = min(ys[i], hi)
		if k < len(order)-1 {
			ys[i] = min(ys[i], ys[order[k+1]]-sep)
		}
	}
	shown := make([]bool, len(ys))
	last := -math.MaxFloat64
	for _, i := range order {
		if ys[i] >= lo && ys[i] >= last+sep {
			shown[i], last = true, ys[i]
		}
	}
	return shown
}
