package views

import (
	"cmp"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/changes"
	"github.com/backlight-wiki/backlight/generator/forecast"
	"github.com/backlight-wiki/backlight/generator/svg"
)

// FlowView is what a backlog's history says of its flow
// (docs/forecasting.md, "Charts"): its throughput per iteration, its
// items by status over time and its items' cycle times, each drawn and
// given as a table.
type FlowView struct {
	Unit        string // what throughput counts: points or items, as [forecast] unit
	Throughput  template.HTML
	Iterations  []IterationRow
	Flow        template.HTML
	FlowDays    []string  // the days of the flow's table: at most four, from the first to today, short
	FlowRows    []FlowRow // a row a status, in workflow order
	CycleTimes  template.HTML
	Cycles      []CycleRow // newest first
	Percentiles []CyclePercentile
}

// IterationRow is one iteration's throughput.
type IterationRow struct {
	Dates  string // "14 – 27 September 2026"
	Items  int
	Points string
}

// FlowRow is how many items had one status on each of the flow table's
// days.
type FlowRow struct {
	Status string
	Counts []int // in FlowDays order
}

// CycleRow is a done item's cycle time.
type CycleRow struct {
	Key, Title, Href, DoneOn string
	Days                     int

	done string // DoneOn as YYYY-MM-DD, for sorting
}

// CyclePercentile is a percentile of the cycle times, in days.
type CyclePercentile struct {
	Pct, Days int
}

// maxSamples is the most days a chart over time samples: the days
// between are left out, a step of whole days apart.
const maxSamples = 90

// samples are the days from first to last, at most maxSamples of them,
// last always among them.
func samples(first, last time.Time) []time.Time {
	span := int(last.Sub(first).Hours()/24) + 1
	if span < 1 {
		return nil
	}
	step := (span + maxSamples - 1) / maxSamples
	var days []time.Time
	for d := span - 1; d >= 0; d -= step {
		days = append(days, first.AddDate(0, 0, d))
	}
	slices.Reverse(days)
	return days
}

// parseDay parses a YYYY-MM-DD day; zero for none.
func parseDay(d string) time.Time {
	t, _ := time.Parse(time.DateOnly, d)
	return t
}

// statusOn is the status a timeline gave its item on day d ("" before it
// had one).
func statusOn(h *changes.Item, d string) string {
	st := ""
	for _, e := range h.History {
		if e.Date > d {
			break
		}
		st = e.Status
	}
	return st
}

// flowView draws backlog b's flow; nil without history.
func (s *Site) flowView(m *index, b *backlog.Backlog, root string) *FlowView {
	if m.History == nil || m.Forecasts == nil {
		return nil
	}
	bf := m.Forecasts.Backlogs[b.Page.ID]
	if bf == nil || len(bf.Throughput) == 0 {
		return nil
	}
	fv := &FlowView{Unit: m.Forecasts.Unit}
	unit := s.unitWord(fv.Unit)
	// Throughput, per iteration of the window.
	tc := svg.ThroughputChart{Title: s.tr("throughput_title", "Throughput of {backlog} per iteration, in {unit}", "backlog", b.Page.Title, "unit", unit), Unit: unit}
	items := 0
	for _, t := range bf.Throughput {
		row := IterationRow{Dates: s.site.Strings.DateRange(t.Start, t.End), Items: t.Items, Points: s.num(Decimal(t.Points))}
		fv.Iterations = append(fv.Iterations, row)
		v := t.Points
		if fv.Unit == forecast.Items {
			v = float64(t.Items)
		}
		items += t.Items
		tc.Bars = append(tc.Bars, svg.IterationBar{Label: s.site.Strings.DateAs("strip_day", "{day} {mon}", t.Start), Value: v,
			Title: s.tr("throughput_bar", "{dates}: {items} items, {points} points", "dates", row.Dates, "items", t.Items, "points", row.Points)})
	}
	mean := bf.Velocity
	if fv.Unit == forecast.Items {
		mean = float64(items) / float64(len(bf.Throughput))
	}
	if mean > 0 {
		tc.Mean, tc.MeanLabel = mean, s.tr("chart_mean", "mean {n}", "n", s.num(Decimal(math.Round(mean*10)/10)))
	}
	fv.Throughput = template.HTML(svg.Throughput(tc))
	// Cumulative flow, over the same iterations up to today.
	first, today := bf.Throughput[0].Start, s.today()
	days := samples(first, today)
	var timelines []*changes.Item
	for _, it := range b.Items {
		if h := m.ItemHistory(it.Page); h != nil && len(h.History) > 0 {
			timelines = append(timelines, h)
		}
	}
	counts := map[string][]int{}
	for i, d := range days {
		ds := d.Format(time.DateOnly)
		for _, h := range timelines {
			if st := statusOn(h, ds); st != "" && !slices.Contains(s.site.Dropped, st) {
				if counts[st] == nil {
					counts[st] = make([]int, len(days))
				}
				counts[st][i]++
			}
		}
	}
	order := append([]string(nil), s.site.Statuses...)
	var other []string
	for st := range counts {
		if !slices.Contains(order, st) {
			other = append(other, st)
		}
	}
	slices.Sort(other)
	order = append(order, other...)
	var statuses []string
	for _, st := range order {
		if counts[st] != nil {
			statuses = append(statuses, st)
		}
	}
	if len(statuses) > 0 {
		f := svg.Flow{Title: s.tr("flow_title", "Items of {backlog} by status, day by day", "backlog", b.Page.Title), Days: days, Words: s.svgWords()}
		for i := len(statuses) - 1; i >= 0; i-- { // the last status at the bottom
			st := statuses[i]
			f.Bands = append(f.Bands, svg.FlowBand{Status: st, Class: "flow-" + st, Counts: counts[st]})
		}
		fv.Flow = template.HTML(svg.CumulativeFlow(f))
		// The table: a row a status, a column for each of at most four
		// days spread from the first to today, so that it fits a phone.
		var cols []int
		for k := range min(4, len(days)) {
			cols = append(cols, (len(days)-1)*k/max(1, min(4, len(days))-1))
		}
		cols = slices.Compact(cols)
		for _, i := range cols {
			fv.FlowDays = append(fv.FlowDays, s.site.Strings.DateAs("strip_day", "{day} {mon}", days[i]))
		}
		for _, st := range statuses {
			row := FlowRow{Status: st}
			for _, i := range cols {
				row.Counts = append(row.Counts, counts[st][i])
			}
			fv.FlowRows = append(fv.FlowRows, row)
		}
	}
	// Cycle times of the items done.
	var cts svg.CycleTimes
	var all []int
	for _, it := range b.Items {
		h := m.ItemHistory(it.Page)
		if !it.Done || h == nil || h.CycleDays < 0 || h.DoneOn == "" {
			continue
		}
		row := CycleRow{Key: it.Key(), Title: it.Page.Title, Href: generator.Rel(root, it.Page.URL), DoneOn: s.day(h.DoneOn), Days: h.CycleDays, done: h.DoneOn}
		fv.Cycles = append(fv.Cycles, row)
		all = append(all, h.CycleDays)
		cts.Dots = append(cts.Dots, svg.CycleDot{Label: s.tr("cycle_dot", "{key} {title}: {days}", "key", row.Key, "title", row.Title,
			"days", s.site.Strings.OrN("n_days", h.CycleDays, "{n} day", "{n} days")), Href: row.Href, Done: parseDay(h.DoneOn), Days: h.CycleDays})
	}
	if len(cts.Dots) > 0 {
		slices.SortStableFunc(fv.Cycles, func(a, b CycleRow) int { // newest first, then by key
			return cmp.Or(strings.Compare(b.done, a.done), strings.Compare(a.Key, b.Key))
		})
		slices.Sort(all)
		if len(all) >= 3 {
			for _, p := range m.Forecasts.Percentiles {
				n := all[max(0, int(math.Ceil(float64(p)/100*float64(len(all))))-1)] // nearest rank
				fv.Percentiles = append(fv.Percentiles, CyclePercentile{Pct: p, Days: n})
				cts.Lines = append(cts.Lines, svg.PercentileLine{Days: float64(n), Label: s.tr("cycle_percentile", "{pct} %: {days}", "pct", p,
					"days", s.site.Strings.OrN("n_days", n, "{n} day", "{n} days"))})
			}
		}
		cts.Title = s.tr("cycle_title", "Cycle times of the items of {backlog} done, by the day they were done", "backlog", b.Page.Title)
		cts.Unit, cts.Words = s.tr("unit_days", "days"), s.svgWords()
		fv.CycleTimes = template.HTML(svg.CycleTimeScatter(cts))
	}
	return fv
}

// doneShareOn is the share of item it done on day d (YYYY-MM-DD), as
// its rolled-up estimate counts it now: all of it once it was done;
// before, its children's, by their estimates (their mean without).
func doneShareOn(m *index, it *backlog.Item, d string) float64 {
	if h := m.ItemHistory(it.Page); it.Done && h != nil && h.DoneOn != "" && h.DoneOn <= d {
		return 1
	}
	var kids []*backlog.Item
	for _, c := range it.Children {
		if !c.Dropped {
			kids = append(kids, c)
		}
	}
	if len(kids) == 0 {
		return 0
	}
	sum, done, shares := 0.0, 0.0, 0.0
	for _, c := range kids {
		share := doneShareOn(m, c, d)
		sum += c.RolledEstimate
		done += c.RolledEstimate * share
		shares += share
	}
	if sum > 0 {
		return done / sum
	}
	return shares / float64(len(kids))
}

// unitWord is what a forecast unit counts, in words.
func (s *Site) unitWord(unit string) string {
	if unit == forecast.Items {
		return s.tr("unit_items", "items")
	}
	return s.tr("unit_points", "points")
}

// BurnUpView is a release's burn-up: its scope and what of it was done,
// day by day, with the forecast's cone ahead.
type BurnUpView struct {
	Chart template.HTML
	Unit  string
	Rows  []BurnRow // the days on which the scope or the done part changed, and today
}

// BurnRow is a release's scope and done part on one day.
type BurnRow struct {
	Day, Scope, Done string
}

// burnUpView draws release r's burn-up; nil without history, or for a
// release closed or not yet begun.
func (s *Site) burnUpView(m *index, r *backlog.Release, likely *Likely) *BurnUpView {
	if m.History == nil || m.Forecasts == nil || r.Closed() || len(r.Scope) == 0 {
		return nil
	}
	today := s.today()
	// The day each item of the scope joined the release: the last
	// change that named it, else the day the item was written.
	joined := map[string]string{}
	for _, c := range m.History.Changes {
		if c.Kind == changes.ReleaseChanged && c.To == r.Page.ID {
			joined[c.ID] = c.Date
		}
	}
	// The scope's top items, as the release's progress counts them
	// (content-model.md §5): an item and its children count once.
	type part struct {
		it     *backlog.Item
		joined string
		value  float64
	}
	var parts []part
	first := r.Page.Release.Start
	for _, it := range r.Scope {
		h := m.ItemHistory(it.Page)
		if it.Dropped || h == nil || slices.ContainsFunc(it.Chain, func(a *backlog.Item) bool { return a.Release == r }) {
			continue
		}
		p := part{it: it, joined: cmp.Or(joined[it.Page.ID], h.Created), value: 1}
		if m.Forecasts.Unit != forecast.Items {
			p.value = it.RolledEstimate
		}
		if d := parseDay(p.joined); !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 || first.IsZero() || !first.Before(today) {
		return nil
	}
	bu := &BurnUpView{Unit: s.unitWord(m.Forecasts.Unit)}
	c := svg.BurnUp{Title: s.tr("burnup_title", "Burn-up of {release}: its scope and what of it is done, in {unit}", "release", r.Page.Title, "unit", bu.Unit),
		Today: today, End: r.Page.Release.End, Unit: bu.Unit, Words: s.svgWords(),
		ScopeLabel: s.tr("burnup_scope", "Scope"), DoneLabel: s.tr("burnup_done", "Done"), EndLabel: s.tr("burnup_end", "End")}
	c.Days = samples(first, today)
	for _, d := range c.Days {
		ds := d.Format(time.DateOnly)
		var scope, done float64
		for _, p := range parts {
			if p.joined <= ds {
				scope += p.value
				done += p.value * doneShareOn(m, p.it, ds)
			}
		}
		c.Scope, c.Done = append(c.Scope, scope), append(c.Done, done)
		if n := len(c.Scope); n == 1 || c.Scope[n-1] != c.Scope[n-2] || c.Done[n-1] != c.Done[n-2] || n == len(c.Days) {
			bu.Rows = append(bu.Rows, BurnRow{Day: s.site.Strings.Date(d), Scope: s.num(Decimal(scope)), Done: s.num(Decimal(done))})
		}
	}
	if likely != nil {
		d := m.Forecasts.Releases[r.Page.ID]
		for _, p := range m.Forecasts.Percentiles {
			c.Cone = append(c.Cone, svg.ConeLine{Label: strconv.Itoa(p) + " %", Day: parseDay(d.Days[p])})
		}
	}
	bu.Chart = template.HTML(svg.ReleaseBurnUp(c))
	return bu
}
