package views

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/forecast"
	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/svg"
)

// RoadmapSettings are site.toml's [roadmap] table and the iteration
// length its grid uses.
type RoadmapSettings struct {
	CycleWeeks     int       // 0: no cycle bands
	CycleStart     time.Time // first day of one cycle; zero: the earliest release's start
	IterationWeeks int       // [backlog].iteration_weeks
}

// ReleaseView is what a release's page shows beyond its fields.
type ReleaseView struct {
	Lane, Status, Phase, PhaseLabel string
	Dates                           string // "6 July – 18 December 2026"
	ReleasedOn                      string
	ProgressPct                     int
	Estimate, DoneEstimate          string
	Overdue                         bool
	Scope                           []ScopeRow
	Risks                           int
	Unforecast                      []Entry
	Notes                           []NoteGroup
	Counts                          []StatusCount
	RoadmapHref                     string
	NoItems                         string      // "No items planned yet" in place of the progress of a release without items
	Likely                          *Likely     // when its open scope is likely done; nil: no forecast
	NoForecast                      string      // why its open scope has no forecast; "" when it has one or has no open scope
	BurnUp                          *BurnUpView // its scope and done part over time, with the forecast's cone; nil without history

	sentence string // its state in words, as the calendar gives it, for describe
}

// ScopeRow is one item of a release's scope.
type ScopeRow struct {
	Rank                     int
	Key, Title, Href, Status string
	Backlog, BacklogHref     string
	Ready, Done, Dropped     bool
	Missing                  string
	Estimate                 string
	ForecastEnd              string
	LikelyBy                 string // from measured throughput: "85 % likely by 17 March 2026"; then ForecastEnd is not shown
	Risk                     string // why it may miss the release; empty when it is on track
}

// NoteGroup is one kind of done items in the generated release notes.
type NoteGroup struct {
	Kind, Heading string // feature, Features
	Items         []Entry
}

// RoadmapView is the releases list page: the timeline, the Now / Next /
// Later board and a table of every release.
type RoadmapView struct {
	Timeline      template.HTML
	TimelineLanes template.HTML // the lanes' headings, kept in view as the timeline scrolls
	Today         string
	Columns       []PhaseColumn
	Lanes         []RoadmapLane
	CalendarHref  string
	FeedHref      string
	Likely        bool // some release has a forecast from measured throughput: the table has its column
}

// PhaseColumn is one column of the Now / Next / Later board.
type PhaseColumn struct {
	ID, Title, Note string
	Cards           []ReleaseCard
}

// RoadmapLane is one system and variant with its releases in start order.
type RoadmapLane struct {
	Title    string
	Releases []ReleaseCard
}

// ReleaseCard is a release as the roadmap lists it.
type ReleaseCard struct {
	Title, Href, Lane, Version, Status, Phase string
	Dates                                     string
	ProgressPct                               int
	Scope, Risks                              int
	Overdue                                   bool
	Likely                                    string // percent likely done by its end ("72"); "" without a forecast
	LikelyTitle                               string // that in words
	AtRisk                                    bool   // some item, or the release as a whole, is at risk
	NoItems                                   string // in place of the progress of a release without items
}

// releaseOf returns the derived release of page p, or nil.
func (m *index) releaseOf(p *generator.Page) *backlog.Release {
	if m.Backlogs == nil {
		return nil
	}
	for _, r := range m.Backlogs.Releases {
		if r.Page == p {
			return r
		}
	}
	return nil
}

var phaseLabels = map[string]string{
	backlog.PhaseNow: "Now", backlog.PhaseNext: "Next", backlog.PhaseLater: "Later",
	backlog.PhaseReleased: "Released", backlog.PhaseCancelled: "Cancelled",
}

// phaseLabel is a roadmap phase's name in the site's language.
func (s *Site) phaseLabel(phase string) string {
	return s.tr("phase_"+phase, phaseLabels[phase])
}

func (s *Site) releaseView(m *index, p *generator.Page, root string) *ReleaseView {
	r := m.releaseOf(p)
	if r == nil {
		return nil
	}
	f := p.Release
	v := &ReleaseView{Lane: r.Lane, Status: f.Status, Phase: r.Phase, PhaseLabel: s.phaseLabel(r.Phase),
		Dates: DateRange(s.site.Strings, f.Start, f.End), ReleasedOn: s.site.Strings.DateOr(f.ReleasedOn), ProgressPct: pct(r.Progress),
		Estimate: s.num(Decimal(r.Estimate)), DoneEstimate: s.num(Decimal(r.DoneEstimate)), Overdue: r.Overdue,
		Risks: len(r.Risks), RoadmapHref: generator.Rel(root, generator.TypeURL(generator.TypeRelease)), NoItems: noItems(s.site.Strings, r),
		sentence: ReleaseSentence(s.site.Strings, r)}
	risk := map[*backlog.Item]string{}
	for _, rk := range r.Risks {
		risk[rk.Item] = rk.Reason
	}
	for _, it := range r.Scope {
		row := scopeRow(it, risk[it], root)
		if m.Forecasts != nil {
			if d := m.Forecasts.Items[it.Page.ID]; d != nil && d.Basis == forecast.Measured {
				row.LikelyBy = s.tr("pct_likely_by", "{pct} % likely by {date}", "pct", Percent(m.Forecasts.Confidence), "date", s.day(d.Confident))
				if d.Confident == "" {
					row.LikelyBy = s.tr("pct_likely_beyond", "{pct} % likely: beyond the forecast's reach", "pct", Percent(m.Forecasts.Confidence))
				}
			}
		}
		v.Scope = append(v.Scope, row)
	}
	for _, it := range r.Unforecast {
		v.Unforecast = append(v.Unforecast, entry(root, it.Page))
	}
	for _, n := range r.Notes {
		g := NoteGroup{Kind: n.Kind, Heading: KindHeading(n.Kind)}
		for _, it := range n.Items {
			g.Items = append(g.Items, entry(root, it.Page))
		}
		v.Notes = append(v.Notes, g)
	}
	v.Counts = statusCounts(r.Counts, s.site.Statuses)
	if m.Forecasts != nil && !r.Closed() {
		v.Likely = s.releaseLikely(m, r)
		if v.Likely == nil {
			v.NoForecast = s.releaseNoForecast(m.Forecasts, r)
		}
		v.BurnUp = s.burnUpView(m, r, v.Likely)
	}
	return v
}

// releaseNoForecast says why release r's open scope has no forecast:
// the first open item without one says why.
func (s *Site) releaseNoForecast(fs *Forecasts, r *backlog.Release) string {
	for _, it := range r.Scope {
		if why := s.noForecast(fs, it); why != "" {
			return s.tr("release_no_forecast", "{key}: {why}", "key", it.Key(), "why", why)
		}
	}
	return ""
}

func scopeRow(it *backlog.Item, risk, root string) ScopeRow {
	p := it.Page
	row := ScopeRow{Rank: it.Rank, Key: it.Key(), Title: p.Title, Href: generator.Rel(root, p.URL), Status: p.Item.Status,
		Ready: it.Ready, Done: it.Done, Dropped: it.Dropped, Missing: strings.Join(it.Missing, ", "),
		Estimate: Number(p.Item.Estimate), ForecastEnd: ISODate(it.ForecastEnd), Risk: risk}
	if it.Backlog != nil {
		row.Backlog, row.BacklogHref = it.Backlog.Page.Title, generator.Rel(root, it.Backlog.Page.URL)
	}
	return row
}

// statusCounts lists counts in the order of statuses, then the others
// by name.
func statusCounts(counts map[string]int, statuses []string) []StatusCount {
	var out []StatusCount
	for _, s := range statuses {
		if counts[s] > 0 {
			out = append(out, StatusCount{Status: s, Count: counts[s]})
		}
	}
	var rest []string
	for s := range counts {
		if !slices.Contains(statuses, s) && counts[s] > 0 {
			rest = append(rest, s)
		}
	}
	slices.Sort(rest)
	for _, s := range rest {
		out = append(out, StatusCount{Status: s, Count: counts[s]})
	}
	return out
}

// roadmapView fills the releases list page.
func (s *Site) roadmapView(m *index, v *View) {
	rv := &RoadmapView{CalendarHref: generator.Rel(v.Root, CalendarURL), FeedHref: generator.Rel(v.Root, FeedURL)}
	if !s.site.Now.IsZero() {
		rv.Today = s.site.Strings.DateOr(s.site.Now)
	}
	releases := m.Backlogs.Releases
	drawing, headings := s.timeline(m, releases, v.Root).Draw()
	rv.Timeline, rv.TimelineLanes = template.HTML(drawing), template.HTML(headings)
	cols := []PhaseColumn{
		{ID: backlog.PhaseNow, Title: s.phaseLabel(backlog.PhaseNow), Note: s.tr("phase_now_note", "in progress")},
		{ID: backlog.PhaseNext, Title: s.phaseLabel(backlog.PhaseNext), Note: s.tr("phase_next_note", "starting within {n} weeks", "n", nextWeeks(s.site.Roadmap.CycleWeeks))},
		{ID: backlog.PhaseLater, Title: s.phaseLabel(backlog.PhaseLater), Note: s.tr("phase_later_note", "planned further ahead")},
		{ID: backlog.PhaseReleased, Title: s.phaseLabel(backlog.PhaseReleased), Note: s.tr("phase_released_note", "most recent first")},
	}
	byLane := map[string]*RoadmapLane{}
	var lanes []string
	for _, r := range releases {
		c := s.card(m, r, v.Root)
		rv.Likely = rv.Likely || c.Likely != ""
		for i := range cols {
			if cols[i].ID == r.Phase {
				cols[i].Cards = append(cols[i].Cards, c)
			}
		}
		if byLane[r.Lane] == nil {
			byLane[r.Lane] = &RoadmapLane{Title: r.Lane}
			lanes = append(lanes, r.Lane)
		}
		byLane[r.Lane].Releases = append(byLane[r.Lane].Releases, c)
	}
	released := &cols[3].Cards
	slices.Reverse(*released)
	*released = (*released)[:min(len(*released), maxReleasedCards)]
	rv.Columns = cols
	slices.SortFunc(lanes, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	for _, l := range lanes {
		rv.Lanes = append(rv.Lanes, *byLane[l])
	}
	v.Roadmap = rv
}

// maxReleasedCards is how many shipped releases the board shows.
const maxReleasedCards = 4

func nextWeeks(cycle int) int {
	if cycle > 0 {
		return cycle
	}
	return 13
}

func (s *Site) card(m *index, r *backlog.Release, root string) ReleaseCard {
	f := r.Page.Release
	c := ReleaseCard{Title: r.Page.Title, Href: generator.Rel(root, r.Page.URL), Lane: r.Lane, Version: f.Version,
		Status: f.Status, Phase: r.Phase, Dates: DateRange(s.site.Strings, f.Start, f.End), ProgressPct: pct(r.Progress),
		Scope: len(r.Scope), Risks: len(r.Risks), Overdue: r.Overdue, NoItems: noItems(s.site.Strings, r), AtRisk: len(r.Risks) > 0}
	if l := s.releaseLikely(m, r); l != nil && l.Probability != "" {
		c.Likely, c.LikelyTitle, c.AtRisk = l.Probability, l.Reason, c.AtRisk || l.AtRisk
	}
	return c
}

// releaseLikely is the forecast of release r's open scope, or nil.
func (s *Site) releaseLikely(m *index, r *backlog.Release) *Likely {
	if m.Forecasts == nil || r.Closed() {
		return nil
	}
	return s.likely(m.Forecasts, m.Forecasts.Releases[r.Page.ID], r.Page.Release.End)
}

// noItems says that a release has no items, where its progress would be
// shown ("100 % · 0 items" says nothing true), or is "" when it has some.
func noItems(w *i18n.Strings, r *backlog.Release) string {
	switch {
	case len(r.Scope) > 0:
		return ""
	case r.Page.Release.Status == backlog.Released:
		return w.Or("release_no_items_tracked", "No items were tracked")
	}
	return w.Or("release_no_items_planned", "No items planned yet")
}

// svgWords are the words of the drawings in the site's language; for
// English, the zero value: the drawings' own.
func (s *Site) svgWords() svg.Words {
	w := s.site.Strings
	if !w.Has("timeline_today") {
		return svg.Words{}
	}
	return svg.Words{Today: w.Or("timeline_today", "Today"),
		Month: func(d time.Time, year bool) string {
			if year {
				return w.DateAs("timeline_month_year", "{mon} {year}", d)
			}
			return w.DateAs("timeline_month", "{mon}", d)
		},
		Day: func(d time.Time) string { return w.DateAs("timeline_day", "{weekday} {day} {month} {year}", d) }}
}

// timeline draws the roadmap: a lane per system and variant, in name
// order, with the cycle and iteration grid of site.toml's [roadmap].
func (s *Site) timeline(m *index, releases []*backlog.Release, root string) svg.Timeline {
	t := svg.Timeline{Title: s.tr("timeline_title", "Release roadmap of {site}", "site", s.site.Title), Today: s.site.Now}
	t.Words = s.svgWords()
	lanes := map[string]int{}
	var first, last time.Time
	for _, r := range releases {
		f := r.Page.Release
		if !r.OnRoadmap(s.site.Now) {
			continue // the build has warned about its dates
		}
		if first.IsZero() || f.Start.Before(first) {
			first = f.Start
		}
		if f.End.After(last) {
			last = f.End
		}
		i, ok := lanes[r.Lane]
		if !ok {
			i = len(t.Lanes)
			lanes[r.Lane] = i
			t.Lanes = append(t.Lanes, svg.Lane{Label: r.Lane})
		}
		bar := svg.Bar{Label: cmp.Or(f.Version, r.Page.Title), Title: barTitle(s.site.Strings, r),
			Href: generator.Rel(root, r.Page.URL), Start: f.Start, End: f.End, Status: f.Status, Progress: r.Progress, AtRisk: len(r.Risks) > 0}
		if l := s.releaseLikely(m, r); l != nil && l.Probability != "" {
			// "3.1 · 72 %": how likely it is done by its end.
			bar.Label += " · " + s.tr("bar_likely", "{pct} %", "pct", l.Probability)
			bar.Title += ", " + l.Reason
			bar.AtRisk = bar.AtRisk || l.AtRisk
		}
		t.Lanes[i].Bars = append(t.Lanes[i].Bars, bar)
	}
	slices.SortStableFunc(t.Lanes, func(a, b svg.Lane) int { return strings.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)) })
	if first.IsZero() {
		return t
	}
	if now := s.site.Now; !now.IsZero() {
		first, last = minTime(first, now), maxTime(last, now)
	}
	t.Cycles, t.Iterations = grid(s.site.Roadmap, first, last)
	return t
}

func barTitle(w *i18n.Strings, r *backlog.Release) string {
	f := r.Page.Release
	s := fmt.Sprintf("%s: %s, %s", r.Page.Title, DateRange(w, f.Start, f.End), f.Status)
	if none := noItems(w, r); none != "" && f.Status != backlog.Cancelled {
		s += ", " + lowerFirst(none)
	} else if f.Status != backlog.Cancelled {
		s += ", " + w.Or("bar_done", "{pct}% done", "pct", pct(r.Progress))
	}
	if n := len(r.Risks); n > 0 {
		s += ", " + w.OrN("bar_at_risk", n, "{n} item at risk", "{n} items at risk")
	}
	return s
}

// maxGridCycles caps the grid, so that a release dated in the year 9999
// cannot make the build draw millions of bands.
const maxGridCycles = 400

// grid makes the cycle bands covering first..last and the iterations
// inside each cycle: whole iterations from the cycle's start, the rest of
// the cycle being its inter-cycle time. Cycles are labelled "C2 2026":
// the second cycle starting in 2026.
func grid(s RoadmapSettings, first, last time.Time) (cycles, iterations []svg.Span) {
	if s.CycleWeeks <= 0 {
		return nil, nil
	}
	anchor := cmp.Or(s.CycleStart, first)
	anchor = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	days := 7 * s.CycleWeeks
	back := int(anchor.Sub(first).Hours()/24) / days
	if anchor.After(first) {
		back++
	}
	start := anchor.AddDate(0, 0, -days*back)
	for n := 0; n < maxGridCycles && !start.After(last); n++ {
		end := start.AddDate(0, 0, days)
		cycles = append(cycles, svg.Span{Start: start, End: end})
		if w := s.IterationWeeks; w > 0 {
			for i, it := 1, start; !it.AddDate(0, 0, 7*w).After(end); i, it = i+1, it.AddDate(0, 0, 7*w) {
				iterations = append(iterations, svg.Span{Label: "I" + strconv.Itoa(i), Start: it, End: it.AddDate(0, 0, 7*w)})
			}
		}
		start = end
	}
	for i := range cycles {
		s := cycles[i].Start
		cycles[i].Label = fmt.Sprintf("C%d %d", (s.YearDay()-1)/days+1, s.Year())
	}
	return cycles, iterations
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
