package backlog

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// Front-matter lines of a fake release page's keys.
var releaseLines = map[string]int{"title": 2, "system": 3, "variant": 4, "version": 5, "start": 6,
	"end": 7, "status": 8, "released_on": 9}

// releasePage makes content/releases/<id>.md from space-separated fields;
// underscores in values stand for spaces. Without a field the release is
// "Pump controller · EU 3.1", planned from 2026-04-06 to 2026-06-26.
// "system=" and the like leave a field empty (and unwritten).
func releasePage(id, spec string) *generator.Page {
	p := &generator.Page{ID: id, Type: generator.TypeRelease, Title: id, Section: "releases",
		File: "content/releases/" + id + ".md"}
	r := &generator.Release{System: "Pump controller", Variant: "EU", Version: "3.1",
		Start: date("2026-04-06"), End: date("2026-06-26"), Status: Planned}
	p.Release = r
	written := map[string]bool{"title": true, "system": true, "variant": true, "version": true,
		"start": true, "end": true, "status": true}
	for _, f := range strings.Fields(spec) {
		k, v, _ := strings.Cut(f, "=")
		v = strings.ReplaceAll(v, "_", " ")
		written[k] = v != ""
		switch k {
		case "system":
			r.System = v
		case "variant":
			r.Variant = v
		case "version":
			r.Version = v
		case "start":
			r.Start = date(v)
		case "end":
			r.End = date(v)
		case "status":
			r.Status = v
		case "released_on":
			r.ReleasedOn = date(v)
		default:
			panic("unknown release field " + k)
		}
	}
	for _, k := range []string{"title", "system", "variant", "version", "start", "end", "status", "released_on"} {
		if written[k] {
			p.Keys = append(p.Keys, generator.KeyPos{Key: k, Pos: generator.Pos{File: p.File, Line: releaseLines[k], Col: 1}})
		}
	}
	return p
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// at sets the build date.
func at(day string) func(*Settings) {
	return func(s *Settings) {
		quiet(s)
		s.Now = date(day)
	}
}

func release(t testing.TB, m *Model, id string) *Release {
	t.Helper()
	for _, r := range m.Releases {
		if r.Page.ID == id {
			return r
		}
	}
	t.Fatalf("no release %s in the model", id)
	return nil
}

func TestReleaseValidation(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want []string
	}{
		{"a complete planned release", "", nil},
		{"a release without a variant is fine", "variant=", nil},
		{"end before start", "start=2026-06-01 end=2026-05-31",
			[]string{"content/releases/r.md:7:1: end 2026-05-31 is before start 2026-06-01: a release ends on or after the day it starts"}},
		{"a one-day release", "start=2026-06-01 end=2026-06-01", nil},
		{"unknown status, with a suggestion", "status=releasd",
			[]string{`content/releases/r.md:8:1: unknown release status "releasd" (statuses: planned, in-progress, released, cancelled) (did you mean "released"?)`}},
		{"no status", "status=",
			[]string{"content/releases/r.md:2:1: release r has no status (statuses: planned, in-progress, released, cancelled)"}},
		{"released without released_on", "status=released",
			[]string{"content/releases/r.md:8:1: release r is released but has no released_on date (e.g. released_on: 2026-06-26)"}},
		{"released with released_on", "status=released released_on=2026-06-29", nil},
		{"released_on on a planned release is ignored", "released_on=2026-06-29",
			[]string{`content/releases/r.md:9:1: warning: released_on is ignored while the status is "planned"; set status: released`}},
		{"no system, version or dates", "system= version= start= end=", []string{
			"content/releases/r.md:2:1: release r has no end date (e.g. end: 2026-04-06)",
			"content/releases/r.md:2:1: release r has no start date (e.g. start: 2026-04-06)",
			"content/releases/r.md:2:1: release r has no system (e.g. system: Pump controller)",
			`content/releases/r.md:2:1: release r has no version (e.g. version: "3.1")`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := derive(t, quiet, releasePage("r", tt.spec))
			if got := messages(diags); !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAReleaseDatedDecadesAwayIsTakenForATypo(t *testing.T) {
	m, diags := derive(t, at("2026-05-01"), releasePage("r", "start=0202-04-06"))
	want := []string{"content/releases/r.md:6:1: warning: start 0202-04-06 is more than 25 years from today; is the year mistyped? (the roadmap leaves this release out)"}
	if got := messages(diags); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
	if release(t, m, "r").OnRoadmap(date("2026-05-01")) {
		t.Error("a release starting in the year 202 is drawn on the roadmap")
	}
}

func TestDuplicateReleasesAreReportedAtTheSecondFile(t *testing.T) {
	_, diags := derive(t, quiet,
		releasePage("b-copy", "variant=eu"),
		releasePage("a-first", ""),
		releasePage("c-other", "variant=US"),
	)
	want := []string{"content/releases/b-copy.md:5:1: Pump controller · eu 3.1 is defined twice: here and in content/releases/a-first.md (line 5) (a system, variant and version name one release)"}
	if got := messages(diags); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
}

func TestReleaseScopeIsInRankOrderAcrossBacklogs(t *testing.T) {
	pages := []*generator.Page{
		backlogPage("pumps", "Cluster Pumps backlog", "order=CBI-2,CBI-1,CBI-3"),
		itemPage("pumps", "CBI-1", "release=r"),
		itemPage("pumps", "CBI-2", "release=r"),
		itemPage("pumps", "CBI-3", "release=other"),
		backlogPage("alpha", "Alpha backlog", "order=TBI-9"),
		itemPage("alpha", "TBI-9", "release=r"),
		releasePage("r", ""),
		releasePage("other", "version=3.2 start=2026-07-06 end=2026-09-25"),
	}
	m, _ := derive(t, quiet, pages...)
	if got, want := keys(release(t, m, "r").Scope), []string{"TBI-9", "CBI-2", "CBI-1"}; !slices.Equal(got, want) {
		t.Errorf("scope = %v, want %v (rank 1 of Alpha before rank 1 of Cluster Pumps by title, then rank 2)", got, want)
	}
	if got := item(t, m, "CBI-3").Release; got == nil || got.Page.ID != "other" {
		t.Errorf("CBI-3's release = %v, want other", got)
	}
	if ids := []string{m.Releases[0].Page.ID, m.Releases[1].Page.ID}; !slices.Equal(ids, []string{"r", "other"}) {
		t.Errorf("releases in order %v, want by start date", ids)
	}
}

func TestReleaseProgress(t *testing.T) {
	tests := []struct {
		name                  string
		items                 []*generator.Page
		estimate, done, ratio float64
	}{
		{"done estimate over total", []*generator.Page{
			itemPage("pumps", "CBI-1", "release=r status=done estimate=5"),
			itemPage("pumps", "CBI-2", "release=r status=ready estimate=15"),
		}, 20, 5, 0.25},
		{"dropped items count for nothing", []*generator.Page{
			itemPage("pumps", "CBI-1", "release=r status=done estimate=5"),
			itemPage("pumps", "CBI-2", "release=r status=dropped estimate=15"),
		}, 5, 5, 1},
		{"an item and its child are counted once, through the parent's roll-up", []*generator.Page{
			itemPage("pumps", "CBI-1", "release=r status=in-progress estimate=100"),
			itemPage("pumps", "CBI-2", "release=r status=done estimate=3 parent=CBI-1"),
			itemPage("pumps", "CBI-3", "release=r status=ready estimate=1 parent=CBI-1"),
		}, 4, 3, 0.75},
		{"without estimates, by count of items", []*generator.Page{
			itemPage("pumps", "CBI-1", "release=r status=done"),
			itemPage("pumps", "CBI-2", "release=r status=ready"),
			itemPage("pumps", "CBI-3", "release=r status=idea"),
			itemPage("pumps", "CBI-4", "release=r status=released"),
		}, 0, 0, 0.5},
		{"an empty scope has no progress", nil, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := append([]*generator.Page{backlogPage("pumps", "Pumps", ""), releasePage("r", "")}, tt.items...)
			m, _ := derive(t, quiet, pages...)
			r := release(t, m, "r")
			if r.Estimate != tt.estimate || r.DoneEstimate != tt.done || math.Abs(r.Progress-tt.ratio) > 1e-9 {
				t.Errorf("estimate %g, done %g, progress %g; want %g, %g, %g", r.Estimate, r.DoneEstimate, r.Progress, tt.estimate, tt.done, tt.ratio)
			}
		})
	}
}

func TestReleaseRisks(t *testing.T) {
	// 10 points per 2-week iteration from Friday 2026-05-01: iteration 1
	// ends 2026-05-14, 2 on 05-28, 3 on 06-11, 4 on 06-25, 5 on 07-09.
	pages := []*generator.Page{
		backlogPage("pumps", "Pumps", "velocity=10 order=CBI-1,CBI-2,CBI-3,CBI-4,CBI-5"),
		itemPage("pumps", "CBI-1", "release=r estimate=20"),             // iteration 2: safe
		itemPage("pumps", "CBI-2", "release=r estimate=20"),             // iteration 4, ends 06-25: safe on 06-26
		itemPage("pumps", "CBI-3", "release=r status=done estimate=50"), // done: no risk, no forecast
		itemPage("pumps", "CBI-4", "release=r estimate=1"),              // iteration 5, ends 07-09: late
		itemPage("pumps", "CBI-5", "release=r status=dropped estimate=1"),
		backlogPage("alpha", "Alpha", "order=TBI-1"),
		itemPage("alpha", "TBI-1", "release=r estimate=1"), // no velocity: no forecast
		releasePage("r", ""), // ends 2026-06-26
	}
	m, diags := derive(t, at("2026-05-01"), pages...)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics %q", messages(diags))
	}
	if got := item(t, m, "CBI-2").ForecastEnd; !got.Equal(date("2026-06-25")) {
		t.Errorf("CBI-2 forecast end %s, want 2026-06-25", got)
	}
	r := release(t, m, "r")
	if len(r.Risks) != 1 || r.Risks[0].Item.Key() != "CBI-4" {
		t.Fatalf("risks %v, want CBI-4 only", r.Risks)
	}
	want := "forecast to finish in iteration 5 (by 2026-07-09), 13 days after the release ends on 2026-06-26"
	if r.Risks[0].Reason != want {
		t.Errorf("reason\n got %q\nwant %q", r.Risks[0].Reason, want)
	}
	if got := keys(r.Unforecast); !slices.Equal(got, []string{"TBI-1"}) {
		t.Errorf("unforecast %v, want [TBI-1]", got)
	}
	if r.Overdue {
		t.Error("a release ending after the build date is not overdue")
	}
}

func TestAnOverdueReleasePutsEveryOpenItemAtRisk(t *testing.T) {
	pages := []*generator.Page{
		backlogPage("pumps", "Pumps", "velocity=100 order=CBI-1,CBI-2"),
		itemPage("pumps", "CBI-1", "release=r estimate=1 status=refining"),
		itemPage("pumps", "CBI-2", "release=r estimate=1 status=done"),
		releasePage("r", "status=in-progress"),
	}
	m, _ := derive(t, at("2026-07-01"), pages...)
	r := release(t, m, "r")
	if !r.Overdue || r.Phase != PhaseNow {
		t.Errorf("overdue %v, phase %q; want true, now", r.Overdue, r.Phase)
	}
	want := []Risk{{item(t, m, "CBI-1"), `still "refining", and the release was due to end on 2026-06-26`}}
	if !slices.Equal(r.Risks, want) {
		t.Errorf("risks %v, want %v", r.Risks, want)
	}
}

func TestItemsOfClosedReleasesAreWarnedAbout(t *testing.T) {
	pages := []*generator.Page{
		backlogPage("pumps", "Pumps", "order=CBI-1,CBI-2,CBI-3"),
		itemPage("pumps", "CBI-1", "release=gone status=ready"),
		itemPage("pumps", "CBI-2", "release=shipped status=refining"),
		itemPage("pumps", "CBI-3", "release=shipped status=done"),
		releasePage("gone", "status=cancelled version=3.0"),
		releasePage("shipped", "status=released released_on=2026-06-29"),
	}
	m, diags := derive(t, at("2026-05-01"), pages...)
	want := []string{
		"content/backlogs/pumps/cbi-1.md:9:10: warning: CBI-1 targets gone, which is cancelled; choose another release or drop the item",
		`content/backlogs/pumps/cbi-2.md:9:10: warning: CBI-2 targets shipped, which was released on 2026-06-29, but is still "refining"`,
	}
	if got := messages(diags); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n got %q\nwant %q", got, want)
	}
	if r := release(t, m, "shipped"); len(r.Risks) != 0 || r.Phase != PhaseReleased {
		t.Errorf("a released release has no risks (%v) and phase released (%q)", r.Risks, r.Phase)
	}
}

func TestReleaseNotesGroupDoneItemsByKindInSiteOrder(t *testing.T) {
	pages := []*generator.Page{
		backlogPage("pumps", "Pumps", "order=CBI-1,CBI-2,CBI-3,CBI-4,CBI-5"),
		itemPage("pumps", "CBI-1", "release=r status=done kind=bug"),
		itemPage("pumps", "CBI-2", "release=r status=released kind=feature"),
		itemPage("pumps", "CBI-3", "release=r status=ready kind=feature"),
		itemPage("pumps", "CBI-4", "release=r status=done kind=bug"),
		itemPage("pumps", "CBI-5", "release=r status=done kind=zeta"),
		releasePage("r", ""),
	}
	m, _ := derive(t, func(s *Settings) { quiet(s); s.Kinds = append(s.Kinds, "zeta") }, pages...)
	var got []string
	for _, n := range release(t, m, "r").Notes {
		got = append(got, n.Kind+": "+strings.Join(keys(n.Items), " "))
	}
	want := []string{"feature: CBI-2", "bug: CBI-1 CBI-4", "zeta: CBI-5"}
	if !slices.Equal(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
}

func TestPhasesNowNextLater(t *testing.T) {
	pages := []*generator.Page{
		releasePage("eu-30", "version=3.0 start=2026-01-05 end=2026-03-27 status=released released_on=2026-03-30"),
		releasePage("eu-31", "version=3.1 start=2026-04-06 end=2026-06-26 status=in-progress"),
		releasePage("eu-32", "version=3.2 start=2026-07-06 end=2026-09-25"),
		releasePage("eu-33", "version=3.3 start=2026-07-31 end=2026-12-18"),            // 13 weeks after 05-01: later
		releasePage("us-31", "variant=US version=3.1 start=2026-04-20 end=2026-07-10"), // planned, started: now
		releasePage("us-32", "variant=US version=3.2 start=2026-07-30 end=2026-10-09"), // the last day of next
		releasePage("us-x", "variant=US version=3.9 start=2026-06-01 end=2026-06-30 status=cancelled"),
	}
	m, _ := derive(t, at("2026-05-01"), pages...)
	want := map[string]string{"eu-30": PhaseReleased, "eu-31": PhaseNow, "eu-32": PhaseNext, "eu-33": PhaseLater,
		"us-31": PhaseNow, "us-32": PhaseNext, "us-x": PhaseCancelled}
	for id, phase := range want {
		if got := release(t, m, id).Phase; got != phase {
			t.Errorf("%s: phase %q, want %q", id, got, phase)
		}
	}
	if got := release(t, m, "us-31").Lane; got != "Pump controller · US" {
		t.Errorf("lane %q", got)
	}
}

func TestForecastEndIsCappedForHugeIterations(t *testing.T) {
	pages := []*generator.Page{
		backlogPage("pumps", "Pumps", "velocity=0.000001 weeks=1000000000 order=CBI-1"),
		itemPage("pumps", "CBI-1", "estimate=1000000"),
	}
	m, _ := derive(t, at("2026-05-01"), pages...)
	if got := item(t, m, "CBI-1").ForecastEnd; got.Year() > 12100 || got.Year() < 2026 {
		t.Errorf("forecast end %s is not capped", got)
	}
}
