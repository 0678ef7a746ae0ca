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

// BacklogView is a backlog's page: its items in rank order, the end of
// the refinement horizon, warnings, a board by status, and filters.
type BacklogView struct {
	Rows           []BacklogRow
	HorizonAfter   int // the rank after which the refinement horizon ends; 0 when it holds no item
	HorizonText    string
	Warnings       []string
	Board          []BoardColumn
	Filters        []Filter
	Velocity       string
	IterationWeeks int
	Estimate       string
	HealthPct      int
	Exports        []Link
	Chart          template.HTML // value against effort, as inline SVG
	Unranked       bool          // some row is not in the product owner's order: the table's note explains its marker
	Changes        *ChangesView  // its changes since its system's last release, from the site's history; nil without
	Flow           *FlowView     // its throughput, cumulative flow and cycle times, from the site's history; nil without
	Measured       string        // its velocity measured over [forecast] window, when its forecasts stand on it ("9.7")
	Window         int           // that window, in iterations
	NoForecast     string        // why its items have no forecast (no basis); "" when they have one
}

// BacklogRow is one item in a backlog's table or board.
type BacklogRow struct {
	Rank                                    int
	Ranked, Ready, InHorizon, Done, Dropped bool
	Key, Title, URL, Href, Kind, Status     string
	Value, Estimate, Priority, Forecast     string
	Release, ReleaseURL, ReleaseHref        string // the release's id (for filters), URL and link
	ReleaseTitle                            string
	Missing                                 string
	Tags                                    []string
	TagData                                 string // tags joined by spaces, for filtering
}

// BoardColumn is one status of the board view.
type BoardColumn struct {
	Status string
	Cards  []BacklogRow
}

// Filter is one select of the backlog filters: a field and its values.
type Filter struct {
	Name, Label string
	Options     []FilterOption
}

// FilterOption is one value of a filter and how many items have it.
type FilterOption struct {
	Value, Label string // the label is what readers see: a release's title for its id
	Count        int
}

// backlogView is the view of backlog p's page, whose root is root.
func (s *Site) backlogView(m *index, p *generator.Page, root string) *BacklogView {
	var b *backlog.Backlog
	for _, x := range m.Backlogs.Backlogs {
		if x.Page == p {
			b = x
		}
	}
	if b == nil {
		return nil
	}
	bv := &BacklogView{Velocity: s.num(Decimal(b.Velocity)), IterationWeeks: b.IterationWeeks,
		Estimate: s.num(Decimal(b.Estimate)), HealthPct: int(b.Health*100 + 0.5)}
	for i, it := range b.Items {
		bv.Rows = append(bv.Rows, s.backlogRow(m, it, root))
		bv.Unranked = bv.Unranked || !it.Ranked
		if i < b.HorizonEnd {
			bv.HorizonAfter = it.Rank
		}
	}
	bv.HorizonText = s.horizonText(b)
	for _, w := range b.Warnings {
		bv.Warnings = append(bv.Warnings, w.Message)
	}
	bv.Board = board(bv.Rows)
	bv.Filters = filters(bv.Rows)
	bv.Chart = scatter(b, root)
	bv.Exports = linked(root, Link{Title: "backlog.json", URL: p.URL + "backlog.json"}, Link{Title: "backlog.csv", URL: p.URL + "backlog.csv"})
	if m.History != nil {
		bv.Changes = s.backlogChanges(m, b, root)
		bv.Flow = s.flowView(m, b, root)
	}
	if fs := m.Forecasts; fs != nil {
		if bf := fs.Backlogs[b.Page.ID]; bf != nil {
			switch bf.Basis {
			case forecast.Measured:
				bv.Measured, bv.Window = s.num(Decimal(math.Round(bf.Velocity*10)/10)), fs.Window
			case forecast.None:
				bv.NoForecast = s.whyNone(fs, bf)
			}
		}
	}
	return bv
}

// backlogChanges are the changes to a backlog and its items since the
// last release of its system (the systems of the releases its items
// target) that shipped by the build's day; without one, those of the
// change list's period.
func (s *Site) backlogChanges(m *index, b *backlog.Backlog, root string) *ChangesView {
	systems := map[string]bool{}
	for _, it := range b.Items {
		if r := m.Links.Target(it.Page.Item.Release); r != nil && r.Release != nil {
			systems[r.Release.System] = true
		}
	}
	var last *generator.Page
	var lastDay time.Time
	for _, r := range m.Backlogs.Releases {
		f := r.Page.Release
		day := f.ReleasedOn
		if day.IsZero() {
			day = f.End
		}
		if f.Status != backlog.Released || !systems[f.System] || day.IsZero() || day.After(s.site.Now) {
			continue
		}
		if last == nil || day.After(lastDay) {
			last, lastDay = r.Page, day
		}
	}
	until := s.site.Now.Format(time.DateOnly)
	since := m.History.Since
	heading := s.tr("changes_in_period", "Changes since {date}", "date", s.day(since))
	if last != nil {
		since = lastDay.AddDate(0, 0, 1).Format(time.DateOnly)
		heading = s.tr("changes_since_release", "Changes since {release}, released {date}", "release", last.Title, "date", s.day(lastDay.Format(time.DateOnly)))
	}
	id := b.Page.ID
	cs := InPeriod(m.History.Changes, since, until, func(c *changes.Change) bool { return c.Backlog == id || c.ID == id })
	limit := s.site.Limits.BacklogChanges
	return &ChangesView{Heading: heading, Backlog: id, Since: s.day(since), Until: s.day(until), Count: len(cs), Hidden: max(0, len(cs)-limit),
		Days: s.changeDays(m, cs, root, limit)}
}

// horizonText is what the line that ends the refinement horizon says
// after "End of the refinement horizon:", which the theme writes.
func (s *Site) horizonText(b *backlog.Backlog) string {
	if b.Velocity > 0 {
		return s.tr("horizon_forecast", "items above are forecast within the next iterations and should be ready.")
	}
	return s.tr("horizon_no_velocity", "without a velocity, the top items above should be ready.")
}

func (s *Site) backlogRow(m *index, it *backlog.Item, root string) BacklogRow {
	p, fields := it.Page, it.Page.Item
	r := BacklogRow{Rank: it.Rank, Ranked: it.Ranked, Ready: it.Ready, InHorizon: it.InHorizon, Done: it.Done, Dropped: it.Dropped,
		Key: it.Key(), Title: p.Title, URL: p.URL, Href: generator.Rel(root, p.URL), Kind: fields.Kind, Status: fields.Status,
		Value: s.num(Number(fields.Value)), Estimate: s.num(Number(fields.Estimate)), Priority: s.num(Decimal(it.Priority)),
		Missing: strings.Join(it.Missing, ", "), Tags: p.Tags, TagData: strings.Join(p.Tags, " ")}
	if it.Forecast > 0 {
		r.Forecast = strconv.Itoa(it.Forecast)
	}
	if rel := m.Links.Target(fields.Release); rel != nil {
		r.Release, r.ReleaseURL, r.ReleaseHref, r.ReleaseTitle = rel.ID, rel.URL, generator.Rel(root, rel.URL), rel.Title
	}
	return r
}

// board groups rows by status, in the site's status order (statuses no
// item has are left out).
func board(rows []BacklogRow) []BoardColumn {
	var cols []BoardColumn
	for _, st := range statusOrder(rows) {
		col := BoardColumn{Status: st}
		for _, r := range rows {
			if r.Status == st {
				col.Cards = append(col.Cards, r)
			}
		}
		cols = append(cols, col)
	}
	return cols
}

// statusOrder lists the statuses of rows in a stable, meaningful order:
// first appearance in the ranking would mix them, so sort by the usual
// flow of work and put unknown ones last.
func statusOrder(rows []BacklogRow) []string {
	flow := []string{"idea", "refining", "ready", "in-progress", "done", "released", "dropped"}
	var seen []string
	for _, r := range rows {
		if r.Status != "" && !slices.Contains(seen, r.Status) {
			seen = append(seen, r.Status)
		}
	}
	slices.SortStableFunc(seen, func(a, b string) int {
		ia, ib := slices.Index(flow, a), slices.Index(flow, b)
		if ia < 0 {
			ia = len(flow)
		}
		if ib < 0 {
			ib = len(flow)
		}
		return cmp.Compare(ia, ib)
	})
	return seen
}

func filters(rows []BacklogRow) []Filter {
	labels := map[string]string{} // release titles by id
	for _, r := range rows {
		labels[r.Release] = r.ReleaseTitle
	}
	count := func(name string, value func(BacklogRow) []string) Filter {
		f := Filter{Name: name, Label: generator.Capitalise(name)}
		n := map[string]int{}
		for _, r := range rows {
			for _, v := range value(r) {
				if v != "" {
					n[v]++
				}
			}
		}
		for v, c := range n {
			label := v
			if name == "release" {
				label = cmp.Or(labels[v], v)
			}
			f.Options = append(f.Options, FilterOption{Value: v, Label: label, Count: c})
		}
		slices.SortFunc(f.Options, func(a, b FilterOption) int { return strings.Compare(a.Value, b.Value) })
		return f
	}
	one := func(get func(BacklogRow) string) func(BacklogRow) []string {
		return func(r BacklogRow) []string { return []string{get(r)} }
	}
	return []Filter{
		count("kind", one(func(r BacklogRow) string { return r.Kind })),
		count("status", one(func(r BacklogRow) string { return r.Status })),
		count("release", one(func(r BacklogRow) string { return r.Release })),
		count("tag", func(r BacklogRow) []string { return r.Tags }),
	}
}

// scatter draws the backlog's open items by estimate and value.
func scatter(b *backlog.Backlog, root string) template.HTML {
	var pts []svg.Point
	for _, it := range b.Items {
		f := it.Page.Item
		if it.Done || it.Dropped || !f.Value.Set || !f.Estimate.Set {
			continue
		}
		class := "coarse"
		switch {
		case it.Ready:
			class = "ready"
		case it.InHorizon:
			class = "refine"
		}
		pts = append(pts, svg.Point{Label: it.Key() + " " + it.Page.Title, Key: it.Key(), Href: generator.Rel(root, it.Page.URL),
			Value: f.Value.Value, Estimate: f.Estimate.Value, Class: class})
	}
	if len(pts) == 0 {
		return ""
	}
	return template.HTML(svg.Scatter("Value against effort of the open items of "+b.Page.Title, pts))
}
