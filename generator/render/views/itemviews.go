package views

import (
	"strconv"

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
	Release        *Link  // the release it targets
	ReleaseStatus  string // that release's status
	Risk           string // why it may miss that release; empty when on track

	backlog string // its backlog's title, for describe
}

// ChildRow is an item refined from this one, with its rolled-up progress.
type ChildRow struct {
	Entry
	Status   string
	Estimate string
	DonePct  int
}

func (s *Site) itemView(m *index, p *generator.Page, root string) *ItemView {
	it := m.Backlogs.Items[p]
	if it == nil {
		return nil
	}
	v := &ItemView{Rank: it.Rank, Ranked: it.Ranked, Priority: s.num(Decimal(it.Priority)), Ready: it.Ready,
		Missing: it.Missing, InHorizon: it.InHorizon, Done: it.Done, Dropped: it.Dropped,
		RolledEstimate: s.num(Decimal(it.RolledEstimate)), DonePct: pct(it.DoneShare)}
	if it.Backlog != nil {
		v.backlog = it.Backlog.Page.Title
	}
	if it.Forecast > 0 {
		v.Forecast = strconv.Itoa(it.Forecast)
		v.ForecastEnd = s.site.Strings.DateOr(it.ForecastEnd)
	}
	if r := it.Release; r != nil {
		v.Release = link(root, r.Page.Title, r.Page.URL)
		v.ReleaseStatus = r.Page.Release.Status
		for _, rk := range r.Risks {
			if rk.Item == it {
				v.Risk = rk.Reason
			}
		}
	}
	for _, c := range it.Chain {
		v.Chain = append(v.Chain, entry(root, c.Page))
	}
	for _, c := range it.Children {
		v.Children = append(v.Children, s.childRow(root, c))
	}
	return v
}

func (s *Site) childRow(root string, c *backlog.Item) ChildRow {
	return ChildRow{Entry: entry(root, c.Page), Status: c.Page.Item.Status, Estimate: s.num(Decimal(c.RolledEstimate)), DonePct: pct(c.DoneShare)}
}
