package svg

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// Timeline is a roadmap: releases as bars on a dated axis, one lane per system and variant.
type Timeline struct {
	Title      string    // accessible name, e.g. "Roadmap"
	Today      time.Time // zero: no today line
	Lanes      []Lane    // drawn top to bottom in this order
	Cycles     []Span    // background bands, alternately shaded, label at the top (e.g. "C2 2026")
	Iterations []Span    // thin grid lines at each start, label (e.g. "I3") drawn only when it fits
	Words      Words     // the drawing's own words in the site's language; the zero value is English
}

// Words are a timeline's words in the site's language. Those left zero
// are English: "Today", "Jan" and "Jan 2026" on the month axis,
// "Monday 2 January 2006" for today's date.
type Words struct {
	Today string                              // the today line's label
	Month func(t time.Time, year bool) string // a month on the axis, with its year when year is true
	Day   func(t time.Time) string            // a day written out, for the today line's tooltip
}

func (w Words) today() string {
	if w.Today != "" {
		return w.Today
	}
	return "Today"
}

func (w Words) month(t time.Time, year bool) string {
	switch {
	case w.Month != nil:
		return w.Month(t, year)
	case year:
		return t.Format("Jan 2006")
	}
	return t.Format("Jan")
}

func (w Words) day(t time.Time) string {
	if w.Day != nil {
		return w.Day(t)
	}
	return t.Format("Monday 2 January 2006")
}

// Lane is one row of a timeline: a system and variant, with its releases.
type Lane struct {
	Label string // "Pump controller · EU"
	Bars  []Bar
}

// Bar is one release in a lane.
type Bar struct {
	Label    string    // short text in/after the bar, e.g. "3.1"
	Title    string    // tooltip (<title>), full sentence
	Href     string    // link (relative URL); unsafe schemes are not linked, as elsewhere in the package
	Start    time.Time // first day
	End      time.Time // last day, inclusive (a bar from 2026-04-06 to 2026-04-06 is one day wide)
	Status   string    // planned, in-progress, released, cancelled, or another word: class "s-<status>" sanitised like type classes
	Progress float64   // 0..1, drawn as a filled part from the left; clamp and treat NaN as 0
	AtRisk   bool      // draw a visible marker (e.g. "!" badge) and add class "at-risk"
}

// Span is a cycle or an iteration: a labelled stretch of days.
type Span struct {
	Label      string
	Start, End time.Time // End exclusive
}

// Timeline geometry, in px.
const (
	tlDay       = 2.0   // width of one day: a year is 730 px
	tlMargin    = 8.0   // around the drawing
	tlTop       = 4.0   // above the first header row
	tlTodayRow  = 16.0  // the "Today" label, when there is a today line
	tlMonthRow  = 18.0  // month ticks and labels
	tlCycleRow  = 18.0  // cycle labels, when there are cycles
	tlIterRow   = 15.0  // iteration labels, when there are iterations
	tlHead      = 22.0  // a lane's heading
	tlRow       = 24.0  // one row of bars
	tlBarH      = 18.0  // a bar's height
	tlLanePad   = 6.0   // below a lane's last row
	tlRadius    = 4.0   // of a bar's corners
	tlTextSize  = 11.0  // bar, month and cycle labels
	tlIterSize  = 11.0  // iteration labels
	tlPad       = 5.0   // between a bar's end and the label inside it
	tlGap       = 4.0   // between a bar and what follows it in its row
	tlRiskR     = 6.5   // radius of the at-risk badge
	tlOutside   = 160.0 // widest label after a bar
	tlMinHeadW  = 240.0 // lane headings may be cut at the drawing's width, but no narrower
	tlEmptyW    = 160.0 // the drawing that says "No releases"
	tlEmptyH    = 40.0
	secondsADay = 24 * 60 * 60
)

// tlDate is a calendar day: days since 1970-01-01.
type tlDate int64

// dateOf is the calendar day of t: its year, month and day as given, the
// clock and the time zone ignored.
func dateOf(t time.Time) tlDate {
	y, m, d := t.Date()
	return tlDate(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsADay)
}

func (d tlDate) time() time.Time { return time.Unix(int64(d)*secondsADay, 0).UTC() }

// monthOf returns the first day of d's month, and that of the next month.
func monthOf(d tlDate) (first, next tlDate) {
	t := d.time()
	first = dateOf(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC))
	next = dateOf(time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC))
	return first, next
}

// tlBar is a bar made ready to draw.
type tlBar struct {
	label, title, href, status string // text cleaned, href safe or ""
	start, end                 tlDate // end inclusive, never before start
	progress                   float64
	risk                       bool

	x0, x1 float64 // the bar's ends
	shown  string  // the label as drawn: cut when it goes after the bar
	inside bool    // the label is written inside the bar, not after it
	row    int     // the row of its lane the bar is in
	right  float64 // where the next bar in its row may start
}

type tlLane struct {
	label string // cut to the drawing's width
	full  string // the whole label, for a tooltip when it was cut
	bars  []*tlBar
	rows  int
	y     float64 // top
}

type tlSpan struct {
	label      string
	start, end tlDate // end exclusive, after start
}

// tlLayout is a timeline made ready to draw: the range of days shown and
// where everything goes.
type tlLayout struct {
	title              string
	words              Words
	first, last        tlDate // the days shown: first ≤ day < last
	lanes              []*tlLane
	cycles, iterations []tlSpan
	today              tlDate
	hasToday           bool
	nbars              int

	todayY, monthY, cycleY, iterY, axisY, bottom float64 // tops of the header rows, of the lanes, and the end of the last lane
	w, h                                         float64
}

// x is where day d starts.
func (l *tlLayout) x(d tlDate) float64 { return tlMargin + float64(d-l.first)*tlDay }

// clamp01 keeps p within 0…1, taking NaN as 0.
func clamp01(p float64) float64 {
	if math.IsNaN(p) || p < 0 {
		return 0
	}
	return min(p, 1)
}

// statusClass returns "s-" and the status in lower case, with any
// character other than a-z and 0-9 replaced by "-"; no status is planned.
func statusClass(status string) string {
	if status == "" {
		return "s-planned"
	}
	return "s-" + typeClass(status)[2:]
}

// spans cleans and sorts spans, leaving out those without a start or
// whose end is not after their start.
func spans(in []Span) []tlSpan {
	var out []tlSpan
	for _, s := range in {
		if s.Start.IsZero() || s.End.IsZero() {
			continue
		}
		sp := tlSpan{label: clean(s.Label), start: dateOf(s.Start), end: dateOf(s.End)}
		if sp.end > sp.start {
			out = append(out, sp)
		}
	}
	slices.SortFunc(out, func(a, b tlSpan) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.label, b.label))
	})
	return out
}

// compareBars orders bars by start, then end, then every other field, so
// that packing does not depend on the order they were given in.
func compareBars(a, b *tlBar) int {
	return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end),
		cmp.Compare(a.label, b.label), cmp.Compare(a.title, b.title), cmp.Compare(a.href, b.href),
		cmp.Compare(a.status, b.status), cmp.Compare(a.progress, b.progress), cmp.Compare(btoi(a.risk), btoi(b.risk)))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// layoutTimeline computes the range of days and places every element;
// it returns nil when there is nothing to draw.
func layoutTimeline(t Timeline) *tlLayout {
	l := &tlLayout{title: clean(t.Title), words: t.Words, cycles: spans(t.Cycles), iterations: spans(t.Iterations)}
	if l.title == "" {
		l.title = "Roadmap"
	}
	lo, hi, found := tlDate(math.MaxInt64), tlDate(math.MinInt64), false
	see := func(a, b tlDate) { lo, hi, found = min(lo, a), max(hi, b), true }
	for _, ln := range t.Lanes {
		lane := &tlLane{full: clean(ln.Label)}
		for _, b := range ln.Bars {
			if b.Start.IsZero() {
				continue
			}
			tb := &tlBar{label: clean(b.Label), title: clean(b.Title), href: safeHref(b.Href), status: clean(b.Status),
				start: dateOf(b.Start), progress: clamp01(b.Progress), risk: b.AtRisk}
			tb.end = tb.start
			if !b.End.IsZero() {
				tb.end = max(tb.start, dateOf(b.End))
			}
			see(tb.start, tb.end)
			lane.bars = append(lane.bars, tb)
		}
		l.nbars += len(lane.bars)
		l.lanes = append(l.lanes, lane)
	}
	for _, c := range l.cycles {
		see(c.start, c.end-1)
	}
	if !t.Today.IsZero() {
		l.today, l.hasToday = dateOf(t.Today), true
		see(l.today, l.today)
	}
	if !found {
		return nil
	}
	l.first, _ = monthOf(lo)
	_, l.last = monthOf(hi)

	// Header rows, top to bottom.
	y := tlTop
	if l.hasToday {
		l.todayY, y = y, y+tlTodayRow
	}
	l.monthY, y = y, y+tlMonthRow
	if len(l.cycles) > 0 {
		l.cycleY, y = y, y+tlCycleRow
	}
	l.iterations = slices.DeleteFunc(l.iterations, func(s tlSpan) bool { return s.start < l.first || s.start >= l.last })
	if len(l.iterations) > 0 {
		l.iterY, y = y, y+tlIterRow
	}
	l.axisY = y

	end := l.x(l.last)
	l.w = end + tlMargin
	headW := max(end-tlMargin, tlMinHeadW)
	for _, lane := range l.lanes {
		lane.y = y
		lane.label, _ = truncate(lane.full, headW, fontSize*boldWidth)
		l.w = max(l.w, tlMargin+textWidth(lane.label, fontSize)*boldWidth+tlMargin)
		l.pack(lane)
		for _, b := range lane.bars {
			l.w = max(l.w, b.right+tlMargin)
		}
		y += tlHead + float64(max(lane.rows, 1))*tlRow + tlLanePad
	}
	l.bottom = y
	l.h = y + tlTop
	l.w = math.Ceil(l.w)
	return l
}

// pack places a lane's bars: each in the first row where it starts after
// everything before it in that row ends, including the label and the
// at-risk badge drawn after a bar. Bars that overlap in time are thus
// never in one row; bars that follow each other can be.
func (l *tlLayout) pack(lane *tlLane) {
	slices.SortFunc(lane.bars, compareBars)
	var rows []float64 // where each row's last bar, with what follows it, ends
	for _, b := range lane.bars {
		b.x0, b.x1 = l.x(b.start), l.x(b.end+1)
		lw := textWidth(b.label, tlTextSize)
		b.shown, b.inside = b.label, b.label == "" || lw+2*tlPad <= b.x1-b.x0
		if !b.inside {
			b.shown, _ = truncate(b.label, tlOutside, tlTextSize)
			lw = textWidth(b.shown, tlTextSize)
		}
		b.right = b.x1
		if b.risk {
			b.right += tlGap + 2*tlRiskR
		}
		if !b.inside {
			b.right += tlGap + lw
		}
		if b.right > b.x1 {
			b.right += tlGap
		}
		b.row = len(rows)
		for i, r := range rows {
			if r <= b.x0 {
				b.row = i
				break
			}
		}
		if b.row == len(rows) {
			rows = append(rows, 0)
		}
		rows[b.row] = b.right
	}
	lane.rows = len(rows)
}

// SVG draws the timeline: a header of months, cycles and iterations, then
// each lane's heading and bars, on a scale of 2 px a day. Unlike the
// other drawings it has a width and height, its natural size, so that a
// page scrolls it rather than shrinking it.
func (t Timeline) SVG() []byte {
	svg, _ := t.Draw()
	return svg
}

// Draw returns the drawing, as SVG does, and a second, narrow drawing of
// just the lane headings, at the same height and the same places, for a
// page to keep over the left edge of the first as it scrolls sideways: on
// a phone the lanes would otherwise lose their names. The second is nil
// when there are no lanes.
func (t Timeline) Draw() (drawing, lanes []byte) {
	l := layoutTimeline(t)
	var c canvas
	if l == nil {
		title := clean(t.Title)
		if title == "" {
			title = "Roadmap"
		}
		c.root(title+": no releases", tlEmptyW, tlEmptyH)
		c.title(title)
		fmt.Fprintf(&c, `<text class="empty" x="%s" y="%s" text-anchor="middle">No releases</text>`+"\n", num(tlEmptyW/2), num(tlEmptyH/2+fontSize*0.35))
		return c.close(), nil
	}
	c.Grow(1024 + 512*l.nbars)
	c.root(l.title, l.w, l.h)
	c.title(l.title)
	fmt.Fprintf(&c, "<desc>%s</desc>\n", esc(l.summary()))
	if l.hasCancelled() {
		c.WriteString(`<defs><pattern id="` + idToken + `-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>` + "\n")
	}
	l.header(&c)
	l.lanesBody(&c)
	return c.close(), l.laneHeadings()
}

// laneHeadings draws the lane headings alone, each on a chip of the
// page's background, hidden from assistive technology (the drawing names
// the lanes for it).
func (l *tlLayout) laneHeadings() []byte {
	if len(l.lanes) == 0 {
		return nil
	}
	// textWidth measures regular text; bold runs about a tenth wider.
	chip := func(label string) float64 { return textWidth(label, fontSize)*1.12 + 2*tlMargin }
	w := 0.0
	for _, lane := range l.lanes {
		w = max(w, chip(lane.label))
	}
	var c bytes.Buffer
	fmt.Fprintf(&c, `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-lanes-svg" viewBox="0 0 %s %s" width="%s" height="%s" aria-hidden="true" focusable="false" font-size="%s" font-weight="bold">`+"\n",
		num(w), num(l.h), num(w), num(l.h), num(fontSize))
	for _, lane := range l.lanes {
		cw := chip(lane.label)
		fmt.Fprintf(&c, `<rect class="lane-chip" x="0" y="%s" width="%s" height="%s" rx="4"/><text class="lane-label" x="%s" y="%s">%s</text>`+"\n",
			num(lane.y+2), num(cw), num(tlHead-4), num(tlMargin), num(lane.y+tlHead/2+fontSize*0.35+1), esc(lane.label))
	}
	c.WriteString("</svg>\n")
	return c.Bytes()
}

// root writes the <svg> element of a timeline, with its natural size.
func (c *canvas) root(label string, w, h float64) {
	fmt.Fprintf(c, `<svg xmlns="http://www.w3.org/2000/svg" class="graph-svg timeline-svg" viewBox="0 0 %s %s" width="%s" height="%s" role="group" aria-label="%s" font-size="%s">`,
		num(w), num(h), num(w), num(h), esc(label), num(fontSize))
}

func (c *canvas) title(s string) { fmt.Fprintf(c, "\n<title>%s</title>\n", esc(s)) }

// summary describes the timeline in a sentence, for screen readers.
func (l *tlLayout) summary() string {
	return fmt.Sprintf("%s in %s, %s to %s.", generator.Count(l.nbars, "release"), generator.Count(len(l.lanes), "lane"),
		l.first.time().Format("January 2006"), (l.last - 1).time().Format("January 2006"))
}

func (l *tlLayout) hasCancelled() bool {
	for _, lane := range l.lanes {
		for _, b := range lane.bars {
			if statusClass(b.status) == "s-cancelled" {
				return true
			}
		}
	}
	return false
}

// header writes the cycle bands, month ticks, iteration lines and the
// line under them.
func (l *tlLayout) header(c *canvas) {
	for i, s := range l.cycles {
		x0, x1 := l.x(max(s.start, l.first)), l.x(min(s.end, l.last))
		class := "cycle"
		if i%2 == 1 {
			class += " alt"
		}
		fmt.Fprintf(c, `<rect class="%s" x="%s" y="%s" width="%s" height="%s"/>`, class, num(x0), num(l.cycleY), num(x1-x0), num(l.bottom-l.cycleY))
		if label, _ := truncate(s.label, x1-x0-8, tlTextSize); label != ellipsis && label != "" {
			fmt.Fprintf(c, `<text class="cycle-label" x="%s" y="%s" font-size="%s" font-weight="bold">%s</text>`,
				num(x0+4), num(l.cycleY+tlCycleRow/2+tlTextSize*0.35), num(tlTextSize), esc(label))
		}
		c.WriteByte('\n')
	}
	for m := l.first; m < l.last; {
		t := m.time()
		_, next := monthOf(m)
		label := clean(l.words.month(t, m == l.first || t.Month() == time.January))
		x := l.x(m)
		fmt.Fprintf(c, `<line class="month" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(l.monthY), num(x), num(l.monthY+tlMonthRow))
		if textWidth(label, tlTextSize)+6 <= l.x(next)-x {
			fmt.Fprintf(c, `<text class="month-label" x="%s" y="%s" font-size="%s">%s</text>`,
				num(x+4), num(l.monthY+tlMonthRow/2+tlTextSize*0.35), num(tlTextSize), label)
		}
		c.WriteByte('\n')
		m = next
	}
	for _, s := range l.iterations {
		x0, x1 := l.x(s.start), l.x(min(s.end, l.last))
		fmt.Fprintf(c, `<line class="iteration" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x0), num(l.iterY), num(x0), num(l.bottom))
		if s.label != "" && textWidth(s.label, tlIterSize)+6 <= x1-x0 {
			fmt.Fprintf(c, `<text class="iteration-label" x="%s" y="%s" font-size="%s">%s</text>`,
				num(x0+3), num(l.iterY+tlIterRow/2+tlIterSize*0.35), num(tlIterSize), esc(s.label))
		}
		c.WriteByte('\n')
	}
	fmt.Fprintf(c, `<line class="axis" x1="0" y1="%s" x2="%s" y2="%s"/>`+"\n", num(l.axisY), num(l.w), num(l.axisY))
}

// lanesBody writes the today line, the lanes' headings and the lines
// between them, then the bars, so that headings and bars cover the line.
func (l *tlLayout) lanesBody(c *canvas) {
	if l.hasToday {
		x := l.x(l.today) + tlDay/2
		today := clean(l.words.today())
		w := textWidth(today, tlTextSize)
		tx := min(max(x, tlMargin+w/2), l.w-tlMargin-w/2)
		fmt.Fprintf(c, `<g class="today"><title>%s, %s</title><line x1="%s" y1="%s" x2="%s" y2="%s"/><text x="%s" y="%s" font-size="%s" text-anchor="middle" font-weight="bold">%s</text></g>`+"\n",
			esc(today), esc(clean(l.words.day(l.today.time()))), num(x), num(l.monthY), num(x), num(l.bottom),
			num(tx), num(l.todayY+tlTodayRow/2+tlTextSize*0.35), num(tlTextSize), esc(today))
	}
	for i, lane := range l.lanes {
		if i > 0 {
			fmt.Fprintf(c, `<line class="lane-sep" x1="0" y1="%s" x2="%s" y2="%s"/>`+"\n", num(lane.y), num(l.w), num(lane.y))
		}
		fmt.Fprintf(c, `<text class="lane-label" x="%s" y="%s" font-weight="bold">`, num(tlMargin), num(lane.y+tlHead/2+fontSize*0.35+1))
		if lane.label != lane.full {
			fmt.Fprintf(c, `<title>%s</title>`, esc(lane.full))
		}
		fmt.Fprintf(c, "%s</text>\n", esc(lane.label))
	}
	for _, lane := range l.lanes {
		for _, b := range lane.bars {
			l.bar(c, lane, b)
		}
	}
}

// tooltip is the bar's title, or failing that its label, status and days.
func (b *tlBar) tooltip() string {
	if b.title != "" {
		return b.title
	}
	s := b.label
	if s == "" {
		s = "Release"
	}
	status := b.status
	if status == "" {
		status = "planned"
	}
	days := b.start.time().Format("2 Jan 2006")
	if b.end != b.start {
		days += " – " + b.end.time().Format("2 Jan 2006")
	}
	s += " (" + status + "), " + days
	if b.risk {
		s += ", at risk"
	}
	return s
}

// bar writes one release: a link (or a group when it has no safe href)
// holding its tooltip, the bar, its progress, its label and its badge.
func (l *tlLayout) bar(c *canvas, lane *tlLane, b *tlBar) {
	class := statusClass(b.status)
	cancelled := class == "s-cancelled"
	if b.risk {
		class += " at-risk"
	}
	if b.href != "" {
		fmt.Fprintf(c, `<a class="release %s" href="%s">`, class, esc(b.href))
	} else {
		fmt.Fprintf(c, `<g class="release %s">`, class)
	}
	fmt.Fprintf(c, `<title>%s</title>`, esc(b.tooltip()))
	y := lane.y + tlHead + float64(b.row)*tlRow + (tlRow-tlBarH)/2
	w := b.x1 - b.x0
	r := min(tlRadius, w/2)
	fmt.Fprintf(c, `<rect class="bar %s" x="%s" y="%s" width="%s" height="%s" rx="%s"/>`, class, num(b.x0), num(y), num(w), num(tlBarH), num(r))
	if cancelled {
		fmt.Fprintf(c, `<rect class="hatch" x="%s" y="%s" width="%s" height="%s" rx="%s" fill="url(#%s-hatch)"/>`, num(b.x0), num(y), num(w), num(tlBarH), num(r), idToken)
	}
	if pw := b.progress * (w - 2); pw > 0 {
		fmt.Fprintf(c, `<rect class="progress" x="%s" y="%s" width="%s" height="%s" rx="%s"/>`, num(b.x0+1), num(y+1), num(pw), num(tlBarH-2), num(min(max(r-1, 0), pw/2)))
	}
	after := b.x1 + tlGap
	if b.risk {
		cx, cy := after+tlRiskR, y+tlBarH/2
		fmt.Fprintf(c, `<g class="risk"><title>At risk</title><circle cx="%s" cy="%s" r="%s"/><text x="%s" y="%s" font-size="%s" font-weight="bold" text-anchor="middle">!</text></g>`,
			num(cx), num(cy), num(tlRiskR), num(cx), num(cy+tlTextSize*0.35), num(tlTextSize))
		after += 2*tlRiskR + tlGap
	}
	if b.shown != "" {
		lclass, x := "bar-label", b.x0+tlPad
		if !b.inside {
			lclass, x = "bar-label after", after
		}
		deco := ""
		if cancelled {
			deco = ` text-decoration="line-through"`
		}
		fmt.Fprintf(c, `<text class="%s" x="%s" y="%s" font-size="%s"%s>%s</text>`, lclass, num(x), num(y+tlBarH/2+tlTextSize*0.35), num(tlTextSize), deco, esc(b.shown))
	}
	if b.href != "" {
		c.WriteString("</a>\n")
	} else {
		c.WriteString("</g>\n")
	}
}
