package render

import (
	"strconv"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
)

// ItemView is what an item's page shows beyond its fields: where it
// stands in its backlog, whether it is ready, where it came from and
// what it was refined into.
type ItemView struct {
	Rank           int
	Ranked         bool
	Priority       string
	Forecast       string
	ForecastEnd    string // the date the forecast iteration ends, counted from the build date
	Ready          bool
	Missing        []string
	InHorizon      bool
	Done, Dropped  bool
	Chain          []Entry // from the top-level item down to the parent
	Children       []ChildRow
	RolledEstimate string
	DonePct        int
}

// ChildRow is an item refined from this one, with its rolled-up progress.
type ChildRow struct {
	Entry
	Status   string
	Estimate string
	DonePct  int
}

func itemView(m *Model, p *generator.Page, now time.Time) *ItemView {
	it := m.Backlogs.Items[p]
	if it == nil {
		return nil
	}
	v := &ItemView{Rank: it.Rank, Ranked: it.Ranked, Priority: trimFloat(it.Priority), Ready: it.Ready,
		Missing: it.Missing, InHorizon: it.InHorizon, Done: it.Done, Dropped: it.Dropped,
		RolledEstimate: trimFloat(it.RolledEstimate), DonePct: pct(it.DoneShare)}
	if it.Forecast > 0 {
		v.Forecast = strconv.Itoa(it.Forecast)
		if it.Backlog != nil && !now.IsZero() {
			v.ForecastEnd = date(now.AddDate(0, 0, 7*it.Backlog.IterationWeeks*it.Forecast))
		}
	}
	for _, c := range it.Chain {
		v.Chain = append(v.Chain, entry(c.Page))
	}
	for _, c := range it.Children {
		v.Children = append(v.Children, childRow(c))
	}
	return v
}

func childRow(c *backlog.Item) ChildRow {
	return ChildRow{Entry: entry(c.Page), Status: c.Page.Item.Status, Estimate: trimFloat(c.RolledEstimate), DonePct: pct(c.DoneShare)}
}

func pct(f float64) int { return int(f*100 + 0.5) }
