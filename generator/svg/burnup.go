package svg

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ConeLine is one percentile of a release's forecast.
type ConeLine struct {
	Label string    // "85 %" written at its end where it fits
	Day   time.Time // the day the forecast says the scope is done at that percentile; zero: out of reach, left out
}

// BurnUp is a release's burn-up with the forecast cone.
type BurnUp struct {
	Title string      // for screen readers and the <title>; empty: "Burn-up"
	Days  []time.Time // ascending sample days up to and including Today
	Scope []float64   // the release's scope (points or items) on each day: its changes show as steps
	Done  []float64   // how much of it was done on each day
	Today time.Time   // zero: the last of Days
	End   time.Time   // the release's end date, drawn as a labelled vertical line; zero: none
	Cone  []ConeLine  // ascending days; each a straight dashed line from (Today, last Done) to (Day, last Scope); the area between the first and last line lightly filled; a line whose day is zero (out of reach) is left out
	Unit  string      // the value axis's caption, "points" or "items"
	Words Words       // month names on the time axis, days in tooltips; Words.Today labels the today line

	ScopeLabel string // the scope line's name, written near its right end where it fits; empty: "Scope"
	DoneLabel  string // the done line's name, likewise; empty: "Done"
	EndLabel   string // the end line's label, above the plot; empty: "End"
}

// Burn-up geometry, in px.
const (
	buPlotH    = 180.0 // the plot's height
	buH        = chTop + buPlotH + chTimeRow
	buAhead    = 730              // days past today the time axis runs to at most: cone lines and the end line beyond are cut there
	buConeRow  = chLineSep + 2    // between the baselines of the cone's two rows of labels
	buHeadroom = 2*buConeRow + 4  // kept above the scope inside the plot, for those two rows
	buArrow    = 6.0              // length of the arrowhead on a cone line cut at the axis's end
	buNear     = 40.0             // the furthest right of its line the today or end label may be written
	buDotR     = 3.0              // the dots on today's scope and done
	buLineTop  = chCaptionY + 4.0 // where the today and end lines start when their labels are written
)

// coneEnd is a cone line made ready to draw.
type coneEnd struct {
	label string
	day   tlDate
	p, q  pt   // from today's done to where the line ends: its day's scope, or the axis's end
	cut   bool // the line goes on past the axis's end
}

// ReleaseBurnUp draws a release's burn-up: its scope as a stepped line,
// what was done of it as a line below, on a time axis (writeTimeAxis) and
// a value axis from 0 captioned with the unit; a today line labelled
// Words.Today and, when End is set, the release's end as a vertical line
// labelled EndLabel, both labelled above the plot where they fit; a dot
// on each line at today; and the forecast cone: from today's done to the
// last scope at each cone line's day, the area between the first and the
// last filled. The time axis runs from the first day to the latest of
// Today, End and the cone's days, but no further than two years past
// Today: a cone line that goes on past that is cut at the axis's end and
// ends in an arrowhead; an end beyond it is not drawn (the description
// still gives its day). The scope and done lines and each cone line are
// named where their names clear every line and label (a cone line's name
// may cross the today or end line when it fits nowhere else). Scope and
// Done values that are not finite or below zero count as 0. Days, Scope
// and Done of different lengths are the caller's mistake: the chart is
// cut to the shortest. The output is an inline <svg class="forecast-chart
// burnup-chart"> element 340 px wide, or nil when there are no days.
func ReleaseBurnUp(bu BurnUp) []byte {
	n := min(len(bu.Days), len(bu.Scope), len(bu.Done))
	if n == 0 {
		return nil
	}
	days := make([]tlDate, n)
	scope, done := make([]float64, n), make([]float64, n)
	for i := range n {
		days[i], scope[i], done[i] = dateOf(bu.Days[i]), clampValue(bu.Scope[i]), clampValue(bu.Done[i])
	}
	today := days[n-1]
	if !bu.Today.IsZero() {
		today = dateOf(bu.Today)
	}
	limit := today + buAhead
	lo, hi := min(slices.Min(days), today), max(slices.Max(days), today)
	var cone []coneEnd
	for _, c := range bu.Cone {
		if c.Day.IsZero() {
			continue
		}
		d := dateOf(c.Day)
		cone = append(cone, coneEnd{label: clean(c.Label), day: d})
		lo, hi = min(lo, d), max(hi, min(d, limit))
	}
	slices.SortStableFunc(cone, func(a, b coneEnd) int { return cmp.Compare(a.day, b.day) })
	end, hasEnd := tlDate(0), !bu.End.IsZero()
	if hasEnd {
		end = dateOf(bu.End)
		lo, hi = min(lo, end), max(hi, min(end, limit))
		hasEnd = end <= limit
	}
	if hi == lo {
		hi = lo + 1
	}

	most := 0.0
	for i := range n {
		most = max(most, scope[i], done[i])
	}
	ax := newValueAxis(most/(1-buHeadroom/buPlotH), chTop+buPlotH, chTop)
	left, right := ax.left(), chW-chRightPad
	ta := timeAxis{first: lo, last: hi, x0: left, x1: right}
	lastScope, lastDone := scope[n-1], done[n-1]
	xt := ta.x(today)
	start := pt{xt, ax.y(lastDone)}
	for i := range cone {
		c := &cone[i]
		c.p, c.q = start, pt{ta.x(c.day), ax.y(lastScope)}
		if c.q.x > right+0.05 {
			c.q, c.cut = lerp(c.p, c.q, (right-c.p.x)/(c.q.x-c.p.x)), true
		}
	}

	title := chartText(bu.Title, "Burn-up")
	unit := clean(bu.Unit)
	scopeName := chartText(bu.ScopeLabel, "Scope")
	doneName := chartText(bu.DoneLabel, "Done")
	endName := chartText(bu.EndLabel, "End")
	todayName := clean(bu.Words.today())
	day := func(d tlDate) string { return clean(bu.Words.day(d.time())) }
	desc := []string{strings.TrimSpace(fmt.Sprintf("%s, %s: %s %s, %s %s %s", todayName, day(today), scopeName, fmtValue(lastScope), doneName, fmtValue(lastDone), unit))}
	for _, c := range cone {
		desc = append(desc, c.label+": "+day(c.day))
	}
	if !bu.End.IsZero() {
		desc = append(desc, endName+": "+day(dateOf(bu.End)))
	}

	var b strings.Builder
	b.Grow(2048 + 64*n)
	chartRoot(&b, "burnup-chart", "img", title, strings.Join(desc, "; "), buH)
	writeValueAxis(&b, ax, left, right, unit)

	// Every line drawn, for the labels to keep clear of.
	var segs [][2]pt
	if len(cone) > 1 {
		first, last := cone[0], cone[len(cone)-1]
		area := clipRight([]pt{start, {ta.x(first.day), ax.y(lastScope)}, {ta.x(last.day), ax.y(lastScope)}}, right)
		if len(area) >= 3 {
			b.WriteString(`<path class="cone" d="`)
			writeLine(&b, area)
			b.WriteString("Z\"/>\n")
		}
	}

	// The scope: a step at each change, on to today.
	scopePts := []pt{{ta.x(days[0]), ax.y(scope[0])}}
	for i := 1; i < n; i++ {
		if scope[i] != scope[i-1] {
			x := ta.x(days[i])
			scopePts = append(scopePts, pt{x, ax.y(scope[i-1])}, pt{x, ax.y(scope[i])})
		}
	}
	scopePts = append(scopePts, pt{max(ta.x(days[n-1]), xt), ax.y(lastScope)})
	donePts := make([]pt, n)
	for i := range n {
		donePts[i] = pt{ta.x(days[i]), ax.y(done[i])}
	}
	for _, line := range []struct {
		class, name string
		pts         []pt
	}{{"scope", scopeName, scopePts}, {"done", doneName, donePts}} {
		fmt.Fprintf(&b, `<path class="%s" fill="none" d="`, line.class)
		writeLine(&b, line.pts)
		fmt.Fprintf(&b, `"><title>%s</title></path>`+"\n", esc(line.name))
		for i := 1; i < len(line.pts); i++ {
			segs = append(segs, [2]pt{line.pts[i-1], line.pts[i]})
		}
	}
	for _, c := range cone {
		segs = append(segs, [2]pt{c.p, c.q})
	}
	sloped := len(segs) // the cone's labels may cross the today and end lines, which follow, where they fit nowhere else

	// The today and end lines, labelled above the plot.
	taken := []box{unitCaption(unit).box()}
	if unit == "" {
		taken = nil
	}
	head := box{0, 0, chW, chTop}
	type vline struct {
		class, name, tip string
		x                float64
	}
	vlines := []vline{{"today", todayName, todayName + ", " + day(today), xt}}
	if hasEnd {
		vlines = append(vlines, vline{"end", endName, endName + ", " + day(end), ta.x(end)})
	}
	for _, v := range vlines {
		cands := []textLabel{
			chLabel(v.name, v.x, chCaptionY, "middle"),
			chLabel(v.name, v.x+chGap, chCaptionY, "start"),
			chLabel(v.name, v.x-chGap, chCaptionY, "end"),
		}
		for _, t := range taken { // just after a label in the way, if that is near the line
			if x := t.x1 + 2*chGap + 1; x-v.x <= buNear && x > v.x {
				cands = append(cands, chLabel(v.name, x, chCaptionY, "start"))
			}
		}
		l, ok := placeLabel(cands, head, taken, nil)
		top := chTop
		if ok && v.name != "" {
			top = buLineTop
			taken = append(taken, l.box())
		}
		fmt.Fprintf(&b, `<g class="%s"><title>%s</title><line x1="%s" y1="%s" x2="%s" y2="%s"/>`, v.class, esc(v.tip), num(v.x), num(top), num(v.x), num(ax.y0))
		if top != chTop {
			writeLabel(&b, "line-label", l)
		}
		b.WriteString("</g>\n")
		segs = append(segs, [2]pt{{v.x, chTop}, {v.x, ax.y0}})
	}

	// The cone's lines, each named at its end.
	plot := box{left, chTop, chW, ax.y0}
	taken = nil
	for _, c := range cone {
		fmt.Fprintf(&b, `<g class="cone-line"><title>%s: %s</title><line x1="%s" y1="%s" x2="%s" y2="%s"/>`,
			esc(c.label), esc(day(c.day)), num(c.p.x), num(c.p.y), num(c.q.x), num(c.q.y))
		if c.cut {
			u := unit2(c.q.sub(c.p))
			nrm := pt{-u.y, u.x}
			back := c.q.sub(u.mul(buArrow))
			b.WriteString(`<path class="more" fill="none" d="`)
			writeLine(&b, []pt{back.add(nrm.mul(buArrow * 0.6)), c.q, back.sub(nrm.mul(buArrow * 0.6))})
			b.WriteString(`"/>`)
		}
		if c.label != "" {
			e := c.q
			var cands []textLabel
			for _, y := range []float64{e.y - chGap - 1, e.y - chGap - 1 - buConeRow} {
				cands = append(cands, chLabel(c.label, e.x, y, "middle"), chLabel(c.label, e.x-2, y, "end"), chLabel(c.label, e.x+2, y, "start"))
			}
			cands = append(cands, chLabel(c.label, e.x+chGap, e.y+chTextSize*0.35, "start"))
			l, ok := placeLabel(cands, plot, taken, segs)
			if !ok {
				l, ok = placeLabel(cands, plot, taken, segs[:sloped])
			}
			if ok {
				writeLabel(&b, "line-label", l)
				taken = append(taken, l.box())
			}
		}
		b.WriteString("</g>\n")
	}

	// Today's scope and done, where the cone starts.
	fmt.Fprintf(&b, `<circle class="scope-dot" cx="%s" cy="%s" r="%s"/><circle class="done-dot" cx="%s" cy="%s" r="%s"/>`+"\n",
		num(xt), num(ax.y(lastScope)), num(buDotR), num(xt), num(ax.y(lastDone)), num(buDotR))

	// The scope's and done's names, left of today where they fit.
	yS, yD := ax.y(lastScope), ax.y(lastDone)
	for _, name := range []struct {
		text  string
		cands []textLabel
	}{
		{scopeName, []textLabel{
			chLabel(scopeName, xt-chGap, yS-chGap-1, "end"),
			chLabel(scopeName, left+chGap, ax.y(scope[0])-chGap-1, "start"),
			chLabel(scopeName, xt+chGap, yS-chGap-1, "start"),
		}},
		{doneName, []textLabel{
			chLabel(doneName, xt-chGap, yD-chGap-1, "end"),
			chLabel(doneName, xt-chGap, yD+chTextSize+2, "end"),
			chLabel(doneName, xt+chGap, yD+chTextSize+2, "start"),
		}},
	} {
		if l, ok := placeLabel(name.cands, plot, taken, segs); ok {
			writeLabel(&b, "line-label", l)
			taken = append(taken, l.box())
		}
	}
	b.WriteString("\n")
	writeTimeAxis(&b, ta, ax.y0, bu.Words)
	b.WriteString("</svg>")
	return []byte(b.String())
}

// unit2 is p scaled to length 1, or (1, 0) for the zero vector.
func unit2(p pt) pt {
	if p.len() == 0 {
		return pt{1, 0}
	}
	return unit(p)
}

// writeLine writes the path data of a line through pts.
func writeLine(b *strings.Builder, pts []pt) {
	for i, p := range pts {
		if i == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		fmt.Fprintf(b, "%s %s", num(p.x), num(p.y))
	}
}

// clipRight cuts the polygon p at x = limit and keeps what is left of it
// (Sutherland–Hodgman against one edge).
func clipRight(p []pt, limit float64) []pt {
	var out []pt
	for i, cur := range p {
		prev := p[(i+len(p)-1)%len(p)]
		in, prevIn := cur.x <= limit, prev.x <= limit
		if in != prevIn {
			out = append(out, lerp(prev, cur, (limit-prev.x)/(cur.x-prev.x)))
		}
		if in {
			out = append(out, cur)
		}
	}
	return out
}
