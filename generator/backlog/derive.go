package backlog

import (
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// Settings are site.toml's [backlog] table.
type Settings struct {
	Kinds, Statuses, Ready, Done, Dropped, DoR []string
	Horizon, IterationWeeks                    int
	// Now is the build date: iteration 1 starts on its day, and forecasts,
	// release risks and the roadmap's phases count from it. Zero leaves
	// forecast dates, risks and phases that need a date unset.
	Now time.Time
	// NextWeeks is how many weeks from Now a planned release may start
	// and still be "next" on the roadmap; 0 means 13, a quarter.
	NextWeeks int
	// UnreadBacklogs are the ids of backlogs whose _index.md could not be
	// loaded: their items are not reported as belonging to no backlog,
	// since that file's own error says what is wrong.
	UnreadBacklogs []string
}

// Model is the derived state of every backlog and item of a site.
type Model struct {
	Backlogs []*Backlog                // in title order
	Items    map[*generator.Page]*Item // every item page
	Releases []*Release                // by start date, then lane, version and id
}

// Backlog is one backlog with its items ranked and its figures derived.
type Backlog struct {
	Page           *generator.Page
	Items          []*Item        // in rank order: the order list first, then unranked items by priority
	Velocity       float64        // 0 when unknown
	IterationWeeks int            // the backlog's own, or the site's default
	HorizonEnd     int            // index in Items of the first item beyond the refinement horizon (len(Items) if all are inside)
	Counts         map[string]int // items by status
	Estimate       float64        // total estimate of not-dropped items
	Health         float64        // share (0..1) of horizon items that are ready; 1 when the horizon is empty
	Warnings       generator.Diagnostics

	sortTitle string // the title in lower case, for ordering release scopes
}

// Item is one backlog item with everything derived about it.
type Item struct {
	Page           *generator.Page
	Backlog        *Backlog  // nil when the item's folder has no backlog page
	Rank           int       // 1-based position in the backlog
	Ranked         bool      // named in the order list
	Priority       float64   // value ÷ estimate, the estimate at least 0.5; always finite
	Ready          bool      // status in Ready and every DoR field present
	Missing        []string  // "status" when the status is not a ready one, then the DoR fields missing
	Forecast       int       // iteration in which it should finish (from 1); 0 without velocity or when done/dropped
	ForecastEnd    time.Time // last day of the forecast iteration, counted from Settings.Now; zero without a forecast or a date
	InHorizon      bool      // inside the refinement horizon; never done/dropped
	Done, Dropped  bool
	Parent         *Item    // resolved parent item (may be in another backlog)
	Children       []*Item  // items whose parent is this one, in rank order, then key
	Chain          []*Item  // parent chain from the top-level item down to the parent
	RolledEstimate float64  // own estimate if no not-dropped children, else the sum of theirs
	DoneShare      float64  // share (0..1) of RolledEstimate that is done
	Release        *Release // the release it names, when that resolved to a release page

	sortKey string // naturalKey of its key
}

// Key returns the item key, or the page id when the item has none.
func (it *Item) Key() string { return keyOf(it.Page) }

// deriver carries one Derive call's inputs and results.
type deriver struct {
	s      Settings
	target func(*generator.Ref) *generator.Page
	model  *Model
	items  []*Item // every item, in key order
	diags  generator.Diagnostics
}

// Derive ranks and analyses every backlog. pages are all published pages
// (wiki pages, backlogs, items, releases); target returns the page a
// reference field resolved to (nil when it did not resolve — the graph
// stage has already reported that, and it is not reported again).
func Derive(pages []*generator.Page, target func(*generator.Ref) *generator.Page, s Settings) (*Model, generator.Diagnostics) {
	d := &deriver{s: s, target: target, model: &Model{Items: map[*generator.Page]*Item{}}}
	members := d.collect(pages)
	for _, b := range d.model.Backlogs {
		d.rank(b, members[b.Page.ID])
		d.forecast(b)
		d.diags.Append(b.Warnings)
	}
	d.hierarchy()
	d.releases(pages)
	return d.model, d.diags.Sort()
}

// collect makes the Backlog and Item values, validates every item and
// returns each backlog's items by backlog id, in key order.
func (d *deriver) collect(pages []*generator.Page) map[string][]*Item {
	byID := map[string]*Backlog{}
	n := 0
	for _, p := range pages {
		if p.Item != nil {
			n++
		}
	}
	store := make([]Item, n) // one allocation for every item
	d.items = make([]*Item, 0, n)
	d.model.Items = make(map[*generator.Page]*Item, n)
	for _, p := range pages {
		switch {
		case p.Backlog != nil:
			b := &Backlog{Page: p, Counts: map[string]int{}, sortTitle: strings.ToLower(p.Title)}
			d.model.Backlogs = append(d.model.Backlogs, b)
			byID[p.ID] = b
		case p.Item != nil:
			it := &store[len(d.items)]
			it.Page, it.sortKey = p, naturalKey(keyOf(p))
			d.model.Items[p] = it
			d.items = append(d.items, it)
		}
	}
	slices.SortFunc(d.model.Backlogs, func(a, b *Backlog) int { return compareTitles(a.Page, b.Page) })
	slices.SortFunc(d.items, compareItems)
	members := map[string][]*Item{}
	for _, it := range d.items {
		it.Backlog = byID[it.Page.Item.Backlog]
		d.validate(it)
		d.classify(it)
		if it.Backlog != nil {
			members[it.Page.Item.Backlog] = append(members[it.Page.Item.Backlog], it)
		}
	}
	return members
}

// classify sets what an item's own fields decide: done, dropped,
// priority and readiness.
func (d *deriver) classify(it *Item) {
	status := it.Page.Item.Status
	it.Done = slices.Contains(d.s.Done, status)
	it.Dropped = slices.Contains(d.s.Dropped, status)
	it.Priority = priority(it.Page.Item)
	it.Missing = d.missing(it.Page)
	it.Ready = len(it.Missing) == 0
}

// compareTitles orders pages by title without case, then by id.
func compareTitles(a, b *generator.Page) int {
	if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}
