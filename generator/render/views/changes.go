package views

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/changes"
)

// ChangesURL is the page of what changed lately; ChangesFeedURL its Atom
// feed.
const (
	ChangesURL     = "/changes/"
	ChangesFeedURL = "/changes.xml"
)

// ChangeDay is one day of a change list, its changes grouped.
type ChangeDay struct {
	Day    string // YYYY-MM-DD
	Date   string // written out
	Groups []ChangeGroup
}

// ChangeGroup is the changes of one sort on one day: new items, items
// done, status changes, moves in rank, release scope, estimates and
// values, relations, new pages, edited pages, removals.
type ChangeGroup struct {
	Kind  string // new, done, status, rank, scope, numbers, relations, pages, edited, removed
	Title string
	Lines []ChangeLine
}

// ChangeLine is one change: the page it concerns and what happened to it.
type ChangeLine struct {
	Page        *Link  // the page, linked while it exists; else Title only
	Key         string // an item's key
	Text        string // what happened, after the page's name: "refining → ready"
	Subject     string // the commit's subject, for edited pages
	Author      string // only where the site publishes authors
	Uncommitted bool
	Status      string // the new status, for a badge
}

// ChangesView is the change list of one period.
type ChangesView struct {
	Heading      string // on a backlog's page: which period
	Since, Until string // the period, written out
	Days         []ChangeDay
	Count        int    // changes in the period
	Hidden       int    // of those, left out past the page's limit
	FeedHref     string // the Atom feed
	Backlog      string // on a backlog's page: its id, for the command that lists them all
}

// changeGroups lists the groups in the order a day shows them.
var changeGroups = []struct{ kind, key, english string }{
	{"new", "changes_new", "New items"},
	{"done", "changes_done", "Items done"},
	{"status", "changes_status", "Status changes"},
	{"rank", "changes_rank", "Moved in rank"},
	{"scope", "changes_scope", "Release scope"},
	{"numbers", "changes_numbers", "Estimates and values"},
	{"relations", "changes_relations", "Relations"},
	{"pages", "changes_pages", "New pages"},
	{"edited", "changes_edited", "Pages edited"},
	{"removed", "changes_removed", "Removed"},
}

// groupOf is the group a change is shown in.
func (s *Site) groupOf(c *changes.Change) string {
	switch c.Kind {
	case changes.Added:
		if c.Type == generator.TypeItem {
			return "new"
		}
		return "pages"
	case changes.StatusChanged:
		if to, _ := c.To.(string); slices.Contains(s.site.Done, to) {
			return "done"
		}
		return "status"
	case changes.RankChanged:
		return "rank"
	case changes.ReleaseChanged:
		return "scope"
	case changes.EstimateChanged, changes.ValueChanged:
		return "numbers"
	case changes.RelationAdded, changes.RelationRemoved:
		return "relations"
	case changes.Edited:
		return "edited"
	}
	return "removed"
}

// InPeriod returns the changes dated from since to until (YYYY-MM-DD,
// both included; "" for no bound) that keep, newest day first.
func InPeriod(cs []changes.Change, since, until string, keep func(*changes.Change) bool) []*changes.Change {
	var out []*changes.Change
	for i := range cs {
		c := &cs[i]
		if (since == "" || c.Date >= since) && (until == "" || c.Date <= until) && (keep == nil || keep(c)) {
			out = append(out, c)
		}
	}
	// Newest day first; a day's changes in the order they were made.
	slices.SortStableFunc(out, func(a, b *changes.Change) int { return cmp.Compare(b.Date, a.Date) })
	return out
}

// changeDays groups changes, newest first, by day and group, with links
// relative to root; at most limit changes are shown.
func (s *Site) changeDays(m *index, cs []*changes.Change, root string, limit int) []ChangeDay {
	var days []ChangeDay
	for i, c := range cs {
		if i == limit {
			break
		}
		if len(days) == 0 || days[len(days)-1].Day != c.Date {
			days = append(days, ChangeDay{Day: c.Date, Date: s.day(c.Date)})
		}
		d := &days[len(days)-1]
		kind := s.groupOf(c)
		gi := slices.IndexFunc(d.Groups, func(g ChangeGroup) bool { return g.Kind == kind })
		if gi < 0 {
			d.Groups = append(d.Groups, ChangeGroup{Kind: kind})
			gi = len(d.Groups) - 1
		}
		d.Groups[gi].Lines = append(d.Groups[gi].Lines, s.changeLine(m, c, root))
	}
	for i := range days {
		slices.SortStableFunc(days[i].Groups, func(a, b ChangeGroup) int { return cmp.Compare(groupIndex(a.Kind), groupIndex(b.Kind)) })
		for j := range days[i].Groups {
			g := &days[i].Groups[j]
			g.Title = s.tr(changeGroups[groupIndex(g.Kind)].key, changeGroups[groupIndex(g.Kind)].english)
		}
	}
	return days
}

func groupIndex(kind string) int {
	return slices.IndexFunc(changeGroups, func(g struct{ kind, key, english string }) bool { return g.kind == kind })
}

// changeLine is one change as a line: the page, linked while it exists,
// in the page's language, and what happened.
func (s *Site) changeLine(m *index, c *changes.Change, root string) ChangeLine {
	l := ChangeLine{Key: c.Key, Author: c.Author, Uncommitted: c.Commit == ""}
	title := c.Title
	if p := m.page(c.ID); p != nil && c.Kind != changes.Removed {
		l.Page = link(root, p.Title, p.URL)
	} else {
		l.Page = &Link{Title: title}
	}
	name := func(id any) string {
		sid, _ := id.(string)
		if p := m.page(sid); p != nil {
			return p.Title
		}
		return sid
	}
	switch c.Kind {
	case changes.Added:
		if st, ok := c.To.(string); ok {
			l.Text, l.Status = s.tr("change_added_as", "added as {status}", "status", st), st
		} else {
			l.Text = s.tr("change_added_as_type", "new {type}", "type", s.typeLabel(c.Type))
		}
	case changes.Removed:
		l.Text = s.tr("change_removed", "removed")
	case changes.StatusChanged:
		from, _ := c.From.(string)
		to, _ := c.To.(string)
		l.Text, l.Status = cmp.Or(from, "–")+" → "+to, to
	case changes.RankChanged:
		from, to := toInt(c.From), toInt(c.To)
		switch {
		case c.FromBacklog != "":
			l.Text = s.tr("change_moved_backlog", "moved from {from} (rank {was}) to {to}, rank {rank}", "from", name(c.FromBacklog), "was", from, "to", name(c.Backlog), "rank", to)
		case to < from:
			l.Text = s.trn("change_up", from-to, "up {n} place, {from} → {to}", "up {n} places, {from} → {to}", "from", from, "to", to)
		default:
			l.Text = s.trn("change_down", to-from, "down {n} place, {from} → {to}", "down {n} places, {from} → {to}", "from", from, "to", to)
		}
	case changes.ReleaseChanged:
		switch {
		case c.From == nil:
			l.Text = s.tr("change_scope_added", "added to {release}", "release", name(c.To))
		case c.To == nil:
			l.Text = s.tr("change_scope_removed", "taken out of {release}", "release", name(c.From))
		default:
			l.Text = s.tr("change_scope_moved", "moved from {from} to {to}", "from", name(c.From), "to", name(c.To))
		}
	case changes.EstimateChanged, changes.ValueChanged:
		what := s.tr("estimate", "Estimate")
		if c.Kind == changes.ValueChanged {
			what = s.tr("value", "Value")
		}
		l.Text = what + " " + s.number(c.From) + " → " + s.number(c.To)
	case changes.RelationAdded:
		l.Text = s.relationLabel(m, c.Relation) + " " + name(c.To)
	case changes.RelationRemoved:
		l.Text = s.tr("change_relation_removed", "no longer {relation} {page}", "relation", s.relationLabel(m, c.Relation), "page", name(c.From))
	case changes.Edited:
		l.Text, l.Subject = s.tr("change_edited", "edited"), c.Subject
	}
	return l
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

// number writes a change's number, "–" for none.
func (s *Site) number(v any) string {
	f, ok := v.(float64)
	if !ok {
		return "–"
	}
	return s.num(Decimal(f))
}

// relationLabel is how relation name reads on the declaring page.
func (s *Site) relationLabel(m *index, name string) string {
	for _, rt := range m.Vocabulary {
		if rt.Name == name {
			return rt.Label
		}
	}
	return name
}

// typeLabel is type t's label, lower-case as in a sentence.
func (s *Site) typeLabel(t string) string {
	for _, ti := range s.site.Types {
		if ti.Name == t {
			return strings.ToLower(ti.Label)
		}
	}
	return t
}

// trn is tr for a plural string: one and other in English, key's forms
// in the theme's language.
func (s *Site) trn(key string, n int, one, other string, args ...any) string {
	return s.site.Strings.OrN(key, n, one, other, args...)
}

// changesView is the page of what changed from Since to the build's day.
func (s *Site) changesView(m *index) *View {
	v := s.view("changes", ChangesURL, s.tr("changes_title", "What changed"))
	h := m.History
	until := s.site.Now.Format(time.DateOnly)
	cs := InPeriod(h.Changes, h.Since, until, nil)
	v.Description = s.tr("changes_description", "What changed on {site} since {date}: new items, items done, status and rank changes, release scope and edited pages.",
		"site", s.site.Title, "date", s.day(h.Since))
	v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: v.Title})
	limit := s.site.Limits.Changes
	v.Changes = &ChangesView{Since: s.day(h.Since), Until: s.day(until), Count: len(cs), Hidden: max(0, len(cs)-limit),
		FeedHref: generator.Rel(v.Root, ChangesFeedURL), Days: s.changeDays(m, cs, v.Root, limit)}
	return v
}

// ChangeFeedDays are the days of the change list as its Atom feed
// carries them, with links from root, the site's absolute URL.
func ChangeFeedDays(info *SiteInfo, m *Model, root string) []ChangeDay {
	h := m.History
	return ChangeDays(info, m, InPeriod(h.Changes, h.Since, info.Now.Format(time.DateOnly), nil), root, cmp.Or(info.Limits.Changes, DefaultLimits().Changes))
}

// ChangeDays groups changes cs, newest first, by day and group as the
// change list shows them, at most limit of them, with links from root
// (a site's absolute URL, for a feed or the terminal).
func ChangeDays(info *SiteInfo, m *Model, cs []*changes.Change, root string, limit int) []ChangeDay {
	s := &Site{site: info, m: newIndex(m, info.Levels)}
	return s.changeDays(s.m, cs, root, limit)
}
