package views

import (
	"math"
	"strconv"
	"time"

	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/forecast"
)

// Likely is how likely an open item or a release's open scope is to be
// done by when, from its backlogs' forecasts (docs/forecasting.md), as
// the page writes it.
type Likely struct {
	Days        []LikelyDay
	Single      string // the day, written out, when every percentile's is the same (a declared velocity's forecast); then Days need not be listed
	Basis       string // forecast.Measured or forecast.Declared
	BasisText   string // "from the throughput of its last 10 iterations"
	Probability string // percent done by the release's end ("72"); "" without an end
	End         string // that end, written out
	Confident   string // the day it is done with [forecast] confidence, written out; "" out of reach
	Confidence  string // that confidence, in percent ("85")
	AtRisk      bool   // less likely than the confidence to be done by the end
	Reason      string // why it is at risk, in words: "62 % likely by 15 May; 85 % by 29 May"
}

// LikelyDay is one percentile's day: "85 % likely by 17 March 2026".
type LikelyDay struct {
	Pct  int
	Date string // written out; "" when out of reach
}

// likely is the forecast d of an item or a release whose end is end
// (zero: none), or nil.
func (s *Site) likely(fs *Forecasts, d *Dates, end time.Time) *Likely {
	if fs == nil || d == nil || d.Basis != forecast.Measured && !d.Mixed {
		// A declared velocity's forecast is the forecast iteration the
		// pages show already, and its risks are the release's.
		return nil
	}
	l := &Likely{Basis: d.Basis, Confidence: Percent(fs.Confidence), Confident: s.day(d.Confident)}
	for i, p := range fs.Percentiles {
		l.Days = append(l.Days, LikelyDay{Pct: p, Date: s.day(d.Days[p])})
		if i == 0 || l.Single == l.Days[i].Date {
			l.Single = l.Days[i].Date
		} else {
			l.Single = ""
		}
	}
	switch {
	case d.Mixed:
		l.BasisText = s.tr("basis_mixed", "from the throughput of the last {n} iterations where there is enough, else from the declared velocity", "n", fs.Window)
	case d.Basis == forecast.Measured:
		l.BasisText = s.tr("basis_measured", "from the throughput of the last {n} iterations", "n", fs.Window)
	default:
		l.BasisText = s.tr("basis_declared", "from the declared velocity")
	}
	if d.Probability != nil && !end.IsZero() {
		l.Probability, l.End = Percent(*d.Probability), s.site.Strings.DateOr(end)
		l.AtRisk = d.AtRisk(fs.Confidence)
		by := s.tr("likely_beyond", "not within the forecast's reach")
		if l.Confident != "" {
			by = s.tr("likely_by", "by {date}", "date", l.Confident)
		}
		l.Reason = s.tr("likely_reason", "{pct} % likely by {end}; {confidence} % {by}",
			"pct", l.Probability, "end", l.End, "confidence", l.Confidence, "by", by)
	}
	return l
}

// noForecast says why an open item of backlog b has no forecast from
// its backlog's history, or "" when it has one.
func (s *Site) noForecast(fs *Forecasts, it *backlog.Item) string {
	if fs == nil || it.Backlog == nil || !it.Open() || fs.Items[it.Page.ID] != nil {
		return ""
	}
	if bf := fs.Backlogs[it.Backlog.Page.ID]; bf != nil && bf.Basis == forecast.None {
		return s.whyNone(fs, bf)
	}
	if fs.Unit == forecast.Points && !it.Page.Item.Estimate.Set {
		return s.tr("no_forecast_estimate", "it has no estimate.")
	}
	return ""
}

// whyNone says why backlog forecast bf has no basis.
func (s *Site) whyNone(fs *Forecasts, bf *BacklogForecast) string {
	if fs.Unit == forecast.Items && bf.Declared > 0 {
		return s.tr("no_forecast_items", "forecasts count items, and fewer than 3 of the last {n} iterations finished one (a declared velocity counts points).", "n", fs.Window)
	}
	return s.tr("no_forecast_history", "fewer than 3 of the last {n} iterations finished an item, and the backlog declares no velocity.", "n", fs.Window)
}

// Percent writes a share (0–1) in percent, with at most one decimal.
func Percent(share float64) string {
	return strconv.FormatFloat(math.Round(share*1000)/10, 'f', -1, 64)
}
