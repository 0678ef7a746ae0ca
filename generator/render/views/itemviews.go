package views

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/changes"
	"github.com/backlight-wiki/backlight/generator/svg"
)

// ItemView is what an item's page shows beyond its fields: where it
// stands in its backlog, whether it is ready, where it came from and
// what it was refined into.
type ItemView struct {
	// What the default theme's item partial reads on every item's page
	// comes first, in that order, as on View.
	Chain []Entry // from the top-level item down to the parent
	// The status strip, from the site's history (docs/history.md);
	// empty without history.
	Timeline       template.HTML
	Children       []ChildRow
	Rank           int
	Ranked         bool
	Priority       string
	Forecast       string
	ForecastEnd    string // the date the forecast iteration ends, counted from the build date
	Ready          bool
	Missing        []string
	InHorizon      bool
	Done, Dropped  bool
	RolledEstimate string
	DonePct        int
	Release        *Link   // the release it targets
	ReleaseStatus  string  // that release's status
	Risk           string  // why it may miss that release; empty when on track
	Likely         *Likely // when it is likely done, from its backlog's history or declared velocity; nil: none
	NoForecast     string  // why an open item has no such forecast; "" when it has one, or is not open
	// From the site's history too: the lead and cycle time of a done
	// item; empty without history.
	Started   string // the first day in an active status, written out
	DoneOn    string
	LeadDays  int // -1: not done
	CycleDays int // -1: not done, or never started

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
	if m.Forecasts != nil {
		var end time.Time
		if it.Release != nil {
			end = it.Release.Page.Release.End
		}
		v.Likely = s.likely(m.Forecasts, m.Forecasts.Items[p.ID], end)
		v.NoForecast = s.noForecast(m.Forecasts, it)
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
	v.LeadDays, v.CycleDays = -1, -1
	if h := m.ItemHistory(p); h != nil && len(h.History) > 0 {
		v.Timeline = s.statusStrip(h)
		v.Started, v.DoneOn = s.day(h.Started), s.day(h.DoneOn)
		v.LeadDays, v.CycleDays = h.LeadDays, h.CycleDays
	}
	return v
}

// statusStrip draws an item's status timeline up to the build's day.
func (s *Site) statusStrip(h *changes.Item) template.HTML {
	spans := make([]svg.StatusSpan, 0, len(h.History))
	var words []string
	year := 0
	for _, st := range h.History {
		start := parseDay(st.Date)
		// Under the strip, short dates: with the year at the first and
		// wherever it changes.
		label := s.memo("strip\x00"+st.Date, func() string { return s.site.Strings.DateAs("strip_day", "{day} {mon}", start) })
		if start.Year() != year {
			label = s.memo("strip year\x00"+st.Date, func() string { return s.site.Strings.DateAs("strip_day_year", "{day} {mon} {year}", start) })
			year = start.Year()
		}
		spans = append(spans, svg.StatusSpan{Status: st.Status, Class: "s-" + st.Status, Start: start, Date: label})
		words = append(words, s.memo("since\x00"+st.Status+"\x00"+st.Date, func() string {
			return s.site.Strings.Or("status_since", "{status} from {date}", "status", st.Status, "date", s.day(st.Date))
		}))
	}
	end := s.today()
	title := s.site.Strings.Or("status_timeline", "Status timeline") + ": " + strings.Join(words, ", ")
	return template.HTML(svg.StatusStrip(title, spans, end))
}

// today is the build's day, at midnight UTC as the history's days are.
func (s *Site) today() time.Time { return parseDay(s.site.Now.Format(time.DateOnly)) }

// day writes a YYYY-MM-DD day in the site's language, or "" for none.
func (s *Site) day(d string) string {
	return s.memo("day\x00"+d, func() string {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return ""
		}
		return s.site.Strings.Date(t)
	})
}

func (s *Site) childRow(root string, c *backlog.Item) ChildRow {
	return ChildRow{Entry: entry(root, c.Page), Status: c.Page.Item.Status, Estimate: s.num(Decimal(c.RolledEstimate)), DonePct: pct(c.DoneShare)}
}
