package backlog

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// Release statuses (content model §5).
const (
	Planned    = "planned"
	InProgress = "in-progress"
	Released   = "released"
	Cancelled  = "cancelled"
)

// ReleaseStatuses lists the statuses a release may have, in their order on
// a roadmap.
var ReleaseStatuses = []string{Planned, InProgress, Released, Cancelled}

// Roadmap phases: where a release stands seen from the build date.
const (
	PhaseNow       = "now"       // in progress, or planned and already started
	PhaseNext      = "next"      // planned, starting within Settings.NextWeeks
	PhaseLater     = "later"     // planned, starting after that
	PhaseReleased  = "released"  // shipped
	PhaseCancelled = "cancelled" // will not ship
)

// Release is one release with its scope and figures derived.
type Release struct {
	Page  *generator.Page
	Lane  string  // "System · Variant", or the system alone without a variant
	Scope []*Item // items naming the release, by rank, then backlog title, then key

	Estimate     float64 // rolled-up estimate of the scope, counting no item twice
	DoneEstimate float64 // the part of Estimate that is done
	Progress     float64 // DoneEstimate ÷ Estimate; by count of top items when Estimate is 0; 1 for a released release without scope
	Counts       map[string]int

	Risks      []Risk  // open scope items that may miss the release, in scope order
	Unforecast []*Item // open scope items whose backlog has no velocity
	Notes      []Notes // done scope items grouped by kind
	Overdue    bool    // not released or cancelled, and its end is before the build date
	Phase      string  // one of the Phase constants
}

// Risk is an open item that may miss its release, and why.
type Risk struct {
	Item   *Item
	Reason string // "forecast to finish in iteration 4 (by 2026-07-10), 14 days after the release ends on 2026-06-26"
}

// Notes are the done items of one kind, for generated release notes.
type Notes struct {
	Kind  string
	Items []*Item
}

// Open reports whether an item still has work to do.
func (it *Item) Open() bool { return !it.Done && !it.Dropped }

// Closed reports whether the release has shipped or will not ship.
func (r *Release) Closed() bool {
	s := r.Page.Release.Status
	return s == Released || s == Cancelled
}

// releases derives every release: validation, scope, progress, risk,
// notes and phase. It runs after the backlogs are ranked and forecast.
func (d *deriver) releases(pages []*generator.Page) {
	byPage := map[*generator.Page]*Release{}
	for _, p := range pages {
		if p.Release == nil {
			continue
		}
		r := &Release{Page: p, Counts: map[string]int{}, Lane: laneOf(p.Release)}
		d.model.Releases = append(d.model.Releases, r)
		byPage[p] = r
		d.validateRelease(p)
	}
	slices.SortFunc(d.model.Releases, compareReleases)
	d.duplicateReleases()
	for _, it := range d.items {
		if t := d.target(it.Page.Item.Release); t != nil {
			if r := byPage[t]; r != nil {
				it.Release = r
				r.Scope = append(r.Scope, it)
			}
		}
	}
	today := day(d.s.Now)
	for _, r := range d.model.Releases {
		slices.SortStableFunc(r.Scope, compareScope) // d.items is in key order, and so is each scope
		r.progress()
		r.Overdue = !r.Closed() && !today.IsZero() && !r.Page.Release.End.IsZero() && r.Page.Release.End.Before(today)
		for _, it := range r.Scope {
			d.assess(r, it, today)
		}
		r.Notes = d.notes(r)
	}
	d.phases(today)
}

// laneOf names a release's roadmap lane.
func laneOf(r *generator.Release) string {
	if r.Variant == "" {
		return r.System
	}
	return r.System + " · " + r.Variant
}

// compareReleases orders releases by start, then lane, version and id.
func compareReleases(a, b *Release) int {
	return cmp.Or(a.Page.Release.Start.Compare(b.Page.Release.Start),
		strings.Compare(strings.ToLower(a.Lane), strings.ToLower(b.Lane)),
		compareVersions(a.Page.Release.Version, b.Page.Release.Version),
		strings.Compare(a.Page.ID, b.Page.ID))
}

// compareVersions compares dotted versions part by part, numbers as
// numbers: 3.9 before 3.10.
func compareVersions(a, b string) int {
	return compareKeys(a, b)
}

// compareScope orders a release's items by rank, then backlog; a stable
// sort of items in key order keeps them by key after that.
func compareScope(a, b *Item) int {
	return cmp.Or(cmp.Compare(a.Rank, b.Rank), strings.Compare(backlogTitle(a), backlogTitle(b)))
}

func backlogTitle(it *Item) string {
	if it.Backlog == nil {
		return ""
	}
	return it.Backlog.sortTitle
}

// validateRelease reports missing and malformed release fields.
func (d *deriver) validateRelease(p *generator.Page) {
	r := p.Release
	for _, f := range []struct{ key, value string }{{"system", r.System}, {"version", r.Version}} {
		if pos, missing := missingAt(p, f.key, f.value); missing {
			d.diags.Errorf(pos, "release %s has no %s (e.g. %s)", p.ID, f.key, example(f.key))
		}
	}
	for _, f := range []struct {
		key string
		t   time.Time
	}{{"start", r.Start}, {"end", r.End}} {
		if f.t.IsZero() && !hasKey(p, f.key) {
			d.diags.Errorf(p.Pos("title"), "release %s has no %s date (e.g. %s: 2026-04-06)", p.ID, f.key, f.key)
		}
	}
	for _, f := range []struct {
		key string
		t   time.Time
	}{{"start", r.Start}, {"end", r.End}, {"released_on", r.ReleasedOn}} {
		if !f.t.IsZero() && !d.s.Now.IsZero() && math.Abs(f.t.Sub(d.s.Now).Hours()) > 24*365.25*farYears {
			d.diags.Warnf(p.Pos(f.key), "%s %s is more than %d years from today; is the year mistyped? (the roadmap leaves this release out)",
				f.key, f.t.Format(time.DateOnly), farYears)
		}
	}
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		d.diags.Errorf(p.Pos("end"), "end %s is before start %s: a release ends on or after the day it starts",
			r.End.Format(time.DateOnly), r.Start.Format(time.DateOnly))
	}
	switch {
	case r.Status == "":
		if pos, missing := missingAt(p, "status", r.Status); missing {
			d.diags.Errorf(pos, "release %s has no status (statuses: %s)", p.ID, strings.Join(ReleaseStatuses, ", "))
		}
	case !slices.Contains(ReleaseStatuses, r.Status):
		d.diags.Errorf(p.Pos("status"), "unknown release status %q (statuses: %s)%s",
			r.Status, strings.Join(ReleaseStatuses, ", "), generator.DidYouMean(r.Status, ReleaseStatuses))
	case r.Status == Released && r.ReleasedOn.IsZero() && !hasKey(p, "released_on"):
		d.diags.Errorf(p.Pos("status"), "release %s is released but has no released_on date (e.g. released_on: %s)",
			p.ID, cmp.Or(dateOf(r.End), "2026-06-29"))
	case r.Status != Released && !r.ReleasedOn.IsZero():
		d.diags.Warnf(p.Pos("released_on"), "released_on is ignored while the status is %q; set status: released", r.Status)
	}
}

// farYears is how far from the build date a release date may lie before
// it is taken for a typo and left off the roadmap.
const farYears = 25

// OnRoadmap reports whether a release is drawn on the roadmap timeline:
// it has both dates, and neither lies more than 25 years from now.
func (r *Release) OnRoadmap(now time.Time) bool {
	f := r.Page.Release
	if f.Start.IsZero() || f.End.IsZero() {
		return false
	}
	if now.IsZero() {
		return true
	}
	limit := 24 * 365.25 * farYears
	return math.Abs(f.Start.Sub(now).Hours()) <= limit && math.Abs(f.End.Sub(now).Hours()) <= limit
}

// missingAt reports whether a required text is missing, and where to say
// so: at the title when the key is absent, at the key when it is written
// with an empty or whitespace-only text. A key whose value the loader
// already rejected (a list where a text belongs) is not reported again.
func missingAt(p *generator.Page, key, value string) (generator.Pos, bool) {
	switch {
	case strings.TrimSpace(value) != "":
		return generator.Pos{}, false
	case !hasKey(p, key):
		return p.Pos("title"), true
	case slices.Contains(p.Release.Blank, key):
		return p.Pos(key), true
	}
	return generator.Pos{}, false
}

// hasKey reports whether the page writes key, so that a value the loader
// already rejected is not reported a second time as missing.
func hasKey(p *generator.Page, key string) bool {
	return slices.ContainsFunc(p.Keys, func(k generator.KeyPos) bool { return k.Key == key })
}

func example(key string) string {
	if key == "system" {
		return "system: Pump controller"
	}
	return `version: "3.1"`
}

// duplicateReleases reports two releases of one system, variant and
// version, at the later file, naming the first.
func (d *deriver) duplicateReleases() {
	first := map[[3]string]*generator.Page{}
	byFile := slices.Clone(d.model.Releases)
	slices.SortFunc(byFile, func(a, b *Release) int { return strings.Compare(a.Page.File, b.Page.File) })
	for _, r := range byFile {
		f := r.Page.Release
		if f.System == "" || f.Version == "" {
			continue
		}
		k := [3]string{strings.ToLower(f.System), strings.ToLower(f.Variant), strings.ToLower(f.Version)}
		if p, ok := first[k]; ok {
			d.diags.Errorf(r.Page.Pos("version"), "%s %s is defined twice: here and in %s%s (a system, variant and version name one release)",
				r.Lane, f.Version, p.File, atLine(p.Pos("version")))
			continue
		}
		first[k] = r.Page
	}
}

// progress sums the scope's estimate and done estimate over its top items
// (those whose parent chain holds no other scope item), so that an item
// and its children are not counted twice.
func (r *Release) progress() {
	tops, done := 0, 0
	for _, it := range r.Scope {
		r.Counts[it.Page.Item.Status]++
		if it.Dropped || slices.ContainsFunc(it.Chain, func(a *Item) bool { return a.Release == r }) {
			continue
		}
		tops++
		if it.DoneShare >= 1 {
			done++
		}
		r.Estimate += it.RolledEstimate
		r.DoneEstimate += it.RolledEstimate * it.DoneShare
	}
	switch {
	case r.Estimate > 0:
		r.Progress = min(r.DoneEstimate/r.Estimate, 1)
	case tops > 0:
		r.Progress = float64(done) / float64(tops)
	case r.Page.Release.Status == Released:
		r.Progress = 1 // shipped with nothing tracked: all of it is done
	}
}

// assess decides whether an open item may miss its release.
func (d *deriver) assess(r *Release, it *Item, today time.Time) {
	if !it.Open() {
		return
	}
	f := r.Page.Release
	switch f.Status {
	case Cancelled:
		d.diags.Warnf(it.Page.Item.Release.Pos, "%s targets %s, which is cancelled; choose another release or drop the item",
			it.Key(), r.Page.Title)
		return
	case Released:
		d.diags.Warnf(it.Page.Item.Release.Pos, "%s targets %s, which was released%s, but is still %q",
			it.Key(), r.Page.Title, onDate(f.ReleasedOn), it.Page.Item.Status)
		return
	}
	switch {
	case r.Overdue:
		r.Risks = append(r.Risks, Risk{it, fmt.Sprintf("still %q, and the release was due to end on %s", it.Page.Item.Status, dateOf(f.End))})
	case it.Forecast == 0 || today.IsZero():
		r.Unforecast = append(r.Unforecast, it)
	case !f.End.IsZero() && it.ForecastEnd.After(f.End):
		late := int(it.ForecastEnd.Sub(f.End).Hours()/24 + 0.5)
		r.Risks = append(r.Risks, Risk{it, fmt.Sprintf("forecast to finish in iteration %d (by %s), %s after the release ends on %s",
			it.Forecast, dateOf(it.ForecastEnd), days(late), dateOf(f.End))})
	}
}

func onDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return " on " + dateOf(t)
}

func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// notes groups a release's done items by kind, in [backlog].kinds order
// and then by kind name for kinds the site does not list.
func (d *deriver) notes(r *Release) []Notes {
	var out []Notes
	for _, it := range r.Scope {
		if !it.Done {
			continue
		}
		k := it.Page.Item.Kind
		i := slices.IndexFunc(out, func(n Notes) bool { return n.Kind == k })
		if i < 0 {
			out = append(out, Notes{Kind: k})
			i = len(out) - 1
		}
		out[i].Items = append(out[i].Items, it)
	}
	rank := func(k string) int {
		if i := slices.Index(d.s.Kinds, k); i >= 0 {
			return i
		}
		return len(d.s.Kinds)
	}
	slices.SortStableFunc(out, func(a, b Notes) int {
		return cmp.Or(cmp.Compare(rank(a.Kind), rank(b.Kind)), strings.Compare(a.Kind, b.Kind))
	})
	return out
}

// phases places every release on the Now / Next / Later board: started
// releases are now, those starting within the next Settings.NextWeeks
// weeks (13 without a setting) are next, and the others are later.
func (d *deriver) phases(today time.Time) {
	weeks := d.s.NextWeeks
	if weeks <= 0 {
		weeks = defaultNextWeeks
	}
	var next time.Time
	if !today.IsZero() {
		next = today.AddDate(0, 0, 7*weeks)
	}
	for _, r := range d.model.Releases {
		f := r.Page.Release
		switch {
		case f.Status == Released:
			r.Phase = PhaseReleased
		case f.Status == Cancelled:
			r.Phase = PhaseCancelled
		case f.Status == InProgress || (!today.IsZero() && !f.Start.IsZero() && !f.Start.After(today)):
			r.Phase = PhaseNow
		case !next.IsZero() && f.Start.Before(next):
			r.Phase = PhaseNext
		default:
			r.Phase = PhaseLater
		}
	}
}

// defaultNextWeeks is how far ahead "next" reaches: a quarter.
const defaultNextWeeks = 13

// day is t's calendar date at midnight UTC; the zero time stays zero.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
