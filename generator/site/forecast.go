package site

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/forecast"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// forecastsOf forecasts each backlog of m from its own history (the days
// its items were done) and each release from the backlogs that hold its
// open scope (docs/forecasting.md); nil for a site without backlogs. A
// backlog's forecast in before, made from the same, is kept.
func forecastsOf(cfg *config.Config, m *views.Model, now time.Time, before *views.Forecasts) *views.Forecasts {
	if m.Backlogs == nil {
		return nil
	}
	fc := cfg.Forecast
	out := &views.Forecasts{Percentiles: fc.Percentiles, Confidence: fc.Confidence, Window: fc.Window, Unit: fc.Unit, Backlogs: map[string]*views.BacklogForecast{},
		Items: map[string]*views.Dates{}, Releases: map[string]*views.Dates{}}
	commit := ""
	if m.History != nil {
		commit = m.History.Head
	}
	anchor := forecastAnchor(cfg, m.Backlogs, now)
	// Each backlog's forecast, and where each of its open items is in it,
	// on a core of its own: the simulations are most of the work, and the
	// items' dates the rest.
	bs := m.Backlogs.Backlogs
	opens := make([][]*backlog.Item, len(bs))
	made := make([]*views.BacklogForecast, len(bs))
	type itemDates struct {
		it    *backlog.Item
		at    int // its place among the backlog's open items
		dates *views.Dates
	}
	dated := make([][]itemDates, len(bs))
	workers.Each(len(bs), func(i int) {
		b := bs[i]
		in := forecast.Backlog{ID: b.Page.ID, Commit: commit, Now: now, Anchor: anchor, Weeks: b.IterationWeeks,
			Window: fc.Window, Trials: fc.Trials, Unit: fc.Unit, Declared: b.Velocity}
		for _, it := range b.Items {
			switch {
			case it.Open():
				opens[i] = append(opens[i], it)
				in.Open = append(in.Open, it.Page.Item.Estimate.Value)
			case it.Done && m.History != nil:
				if h := m.History.Items[it.Page.Path]; h != nil && h.DoneOn != "" {
					if day, err := time.Parse(time.DateOnly, h.DoneOn); err == nil {
						in.Done = append(in.Done, forecast.Done{Day: day, Points: it.Page.Item.Estimate.Value})
					}
				}
			}
		}
		from := fmt.Sprintf("%+v", in)
		var f *forecast.Forecast
		if before != nil {
			if bf := before.Backlogs[b.Page.ID]; bf != nil && bf.From == from {
				f = bf.Forecast
			}
		}
		if f == nil {
			f = forecast.Of(in)
		}
		made[i] = &views.BacklogForecast{Forecast: f, Declared: b.Velocity, From: from}
		if f.Basis == forecast.None {
			return
		}
		for j, it := range opens[i] {
			if fc.Unit == forecast.Points && !it.Page.Item.Estimate.Set {
				continue // it counts as nothing for the items below it, and has no forecast of its own
			}
			var end time.Time
			if it.Release != nil {
				end = it.Release.Page.Release.End
			}
			dated[i] = append(dated[i], itemDates{it, j, datesOf([]forecast.Part{{F: f, Item: j}}, f.Basis, fc, end)})
		}
	})
	// Where each open item is in its backlog's forecast.
	parts := map[*backlog.Item]forecast.Part{}
	for i, b := range bs {
		out.Backlogs[b.Page.ID] = made[i]
		for _, d := range dated[i] {
			parts[d.it] = forecast.Part{F: made[i].Forecast, Item: d.at}
			out.Items[d.it.Page.ID] = d.dates
		}
	}
	rs := m.Backlogs.Releases
	releases := make([]*views.Dates, len(rs))
	workers.Each(len(rs), func(k int) { releases[k] = releaseForecast(rs[k], parts, fc) })
	for k, r := range rs {
		if releases[k] != nil {
			out.Releases[r.Page.ID] = releases[k]
		}
	}
	return out
}

// datesOf is when the work in parts is done: by the days of fc's
// percentiles and of its confidence, and, when end is a day, how likely
// by then.
func datesOf(parts []forecast.Part, basis string, fc config.Forecast, end time.Time) *views.Dates {
	j, ok := forecast.Join(parts)
	if !ok {
		return &views.Dates{Basis: basis}
	}
	d := &views.Dates{Basis: basis, Days: j.Dates(fc.Percentiles)}
	if day, ok := j.Day(fc.Confidence); ok {
		d.Confident = day.Format(time.DateOnly)
	}
	if !end.IsZero() {
		p := math.Round(j.By(end)*100) / 100
		d.Probability = &p
	}
	return d
}

// forecastRisks makes the risks of bm's releases from the forecasts of
// fc where they stand on measured throughput: an open item of a release
// still in the making is at risk when it is less likely than [forecast]
// confidence to be done by the release's end. Items forecast from a
// declared velocity keep the risks backlog.Derive found, the same ones.
func forecastRisks(bm *backlog.Model, fc *views.Forecasts) {
	if bm == nil || fc == nil {
		return
	}
	measured := func(it *backlog.Item) *views.Dates {
		if d := fc.Items[it.Page.ID]; d != nil && d.Basis == forecast.Measured && d.Probability != nil {
			return d
		}
		return nil
	}
	for _, r := range bm.Releases {
		f := r.Page.Release
		if r.Overdue || r.Closed() || f.End.IsZero() {
			continue
		}
		had := map[*backlog.Item]backlog.Risk{}
		for _, rk := range r.Risks {
			had[rk.Item] = rk
		}
		r.Risks = r.Risks[:0]
		for _, it := range r.Scope {
			d := measured(it)
			switch {
			case d == nil:
				if rk, ok := had[it]; ok {
					r.Risks = append(r.Risks, rk)
				}
			case it.Open() && *d.Probability < fc.Confidence:
				r.Risks = append(r.Risks, backlog.Risk{Item: it, Reason: riskReason(d, f.End, fc.Confidence)})
			}
		}
		r.Unforecast = slices.DeleteFunc(r.Unforecast, func(it *backlog.Item) bool { return measured(it) != nil })
	}
}

// riskReason says how likely the work of d is done by the day end, and
// by when it is as likely as confidence: "62 % likely done by
// 2026-05-15; 85 % by 2026-05-29".
func riskReason(d *views.Dates, end time.Time, confidence float64) string {
	by := "beyond the forecast's reach"
	if d.Confident != "" {
		by = "by " + d.Confident
	}
	return fmt.Sprintf("%s %% likely done by %s; %s %% %s", views.Percent(*d.Probability), end.Format(time.DateOnly), views.Percent(confidence), by)
}

// releaseForecast is when release r's open scope is done: each backlog's
// part is its lowest-ranked open scope item and all above it. Nil when
// the scope has no open item, or one with no forecast.
func releaseForecast(r *backlog.Release, parts map[*backlog.Item]forecast.Part, fc config.Forecast) *views.Dates {
	last := map[*forecast.Forecast]int{}
	var order []*forecast.Forecast
	for _, it := range r.Scope {
		if !it.Open() {
			continue
		}
		p, ok := parts[it]
		if !ok {
			return nil
		}
		if _, seen := last[p.F]; !seen {
			order = append(order, p.F)
		}
		last[p.F] = max(last[p.F], p.Item)
	}
	if len(order) == 0 {
		return nil
	}
	var ps []forecast.Part
	basis := forecast.Measured
	mixed := false
	for _, f := range order {
		ps = append(ps, forecast.Part{F: f, Item: last[f]})
		mixed = mixed || f.Basis != order[0].Basis
		if f.Basis != forecast.Measured {
			basis = f.Basis // the weaker
		}
	}
	d := datesOf(ps, basis, fc, r.Page.Release.End)
	d.Mixed = mixed
	return d
}

// forecastAnchor is the first day of an iteration of the grid throughput
// is measured on: [roadmap] cycle_start, or the earliest release's start,
// or, for neither, the build's day.
func forecastAnchor(cfg *config.Config, m *backlog.Model, now time.Time) time.Time {
	if !cfg.Roadmap.CycleStart.IsZero() {
		return cfg.Roadmap.CycleStart
	}
	var first time.Time
	for _, r := range m.Releases {
		if s := r.Page.Release.Start; !s.IsZero() && (first.IsZero() || s.Before(first)) {
			first = s
		}
	}
	if first.IsZero() {
		return now
	}
	return first
}

// ForecastQuery says which forecasts ForecastList lists: one backlog's
// or one release's, or, with neither, every one.
type ForecastQuery struct {
	Backlog, Release string
}

// ForecastReport is what `backlight forecast` prints.
type ForecastReport struct {
	Percentiles []int
	Confidence  float64 // [forecast] confidence
	Backlogs    []BacklogReport
	Releases    []ReleaseReport
}

// BacklogReport is a backlog's forecast: its throughput and velocities,
// and each open item's days.
type BacklogReport struct {
	ID, Title string
	*views.BacklogForecast
	Items []ItemReport // open, in rank order
}

// ItemReport is an open item's days, by percentile; nil without a basis.
type ItemReport struct {
	ID, Key, Title string
	Dates          *views.Dates
}

// ReleaseReport is a release's forecast; Dates nil when it has none.
type ReleaseReport struct {
	ID, Title, End string
	Dates          *views.Dates
}

// ForecastList loads the site at opts.Source with its history, as a build
// does, and lists the forecasts q asks for. A site whose content has
// errors is listed too; res holds its diagnostics.
func ForecastList(ctx context.Context, opts Options, q ForecastQuery) (*ForecastReport, *Result, error) {
	l, res, err := loadForList(ctx, opts)
	if err != nil {
		return nil, res, err
	}
	m := l.model
	if m.Backlogs == nil || m.Forecasts == nil {
		return nil, res, errors.New("the site has no backlogs to forecast")
	}
	var backlogIDs, releaseIDs []string
	for _, b := range m.Backlogs.Backlogs {
		backlogIDs = append(backlogIDs, b.Page.ID)
	}
	for _, r := range m.Backlogs.Releases {
		releaseIDs = append(releaseIDs, r.Page.ID)
	}
	if q.Backlog != "" && !slices.Contains(backlogIDs, q.Backlog) {
		return nil, res, fmt.Errorf("--backlog %q: no such backlog; the site's backlogs are %s", q.Backlog, generator.OrList(backlogIDs))
	}
	if q.Release != "" && !slices.Contains(releaseIDs, q.Release) {
		return nil, res, fmt.Errorf("--release %q: no such release; the site's releases are %s", q.Release, generator.OrList(releaseIDs))
	}
	out := &ForecastReport{Percentiles: m.Forecasts.Percentiles, Confidence: m.Forecasts.Confidence}
	for _, b := range m.Backlogs.Backlogs {
		if q.Release != "" || q.Backlog != "" && b.Page.ID != q.Backlog {
			continue
		}
		br := BacklogReport{ID: b.Page.ID, Title: b.Page.Title, BacklogForecast: m.Forecasts.Backlogs[b.Page.ID]}
		for _, it := range b.Items {
			if it.Open() {
				br.Items = append(br.Items, ItemReport{ID: it.Page.ID, Key: it.Page.Item.Key, Title: it.Page.Title, Dates: m.Forecasts.Items[it.Page.ID]})
			}
		}
		out.Backlogs = append(out.Backlogs, br)
	}
	for _, r := range m.Backlogs.Releases {
		if q.Backlog != "" || q.Release != "" && r.Page.ID != q.Release {
			continue
		}
		out.Releases = append(out.Releases, ReleaseReport{ID: r.Page.ID, Title: r.Page.Title,
			End: views.ISODate(r.Page.Release.End), Dates: m.Forecasts.Releases[r.Page.ID]})
	}
	return out, res, nil
}
