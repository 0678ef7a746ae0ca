package content

import (
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

func TestTypeIDAndURLComeFromTheFolder(t *testing.T) {
	tests := []struct {
		path                  string
		typ, id, section, url string
	}{
		{"roles/cluster-product-owner.md", "role", "cluster-product-owner", "roles", "/roles/cluster-product-owner/"},
		{"groups/cpo-group.md", "group", "cpo-group", "groups", "/groups/cpo-group/"},
		{"events/cluster-review.md", "event", "cluster-review", "events", "/events/cluster-review/"},
		{"artifacts/cluster-backlog.md", "artifact", "cluster-backlog", "artifacts", "/artifacts/cluster-backlog/"},
		{"cadences/sprint.md", "cadence", "sprint", "cadences", "/cadences/sprint/"},
		{"areas/market.md", "area", "market", "areas", "/areas/market/"},
		{"releases/pump-ctrl-3-1-eu.md", "release", "pump-ctrl-3-1-eu", "releases", "/releases/pump-ctrl-3-1-eu/"},
		{"backlogs/cluster-pumps/_index.md", "backlog", "cluster-pumps", "backlogs", "/backlogs/cluster-pumps/"},
		{"backlogs/Cluster-Pumps/CBI-214.md", "item", "cbi-214", "backlogs", "/backlogs/cluster-pumps/cbi-214/"},
		{"about.md", "page", "about", "", "/about/"},
		{"guides/writing.md", "page", "writing", "guides", "/guides/writing/"},
		{"roles/nested/deeper.md", "role", "deeper", "roles", "/roles/deeper/"},
		{"roles/Upper Case.MD", "role", "upper case", "roles", "/roles/upper%20case/"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			text := "---\ntitle: T\n---\n"
			if tt.typ == "item" {
				text = "---\ntitle: T\nid: X-1\n---\n"
			}
			p := loadOne(t, tt.path, text)
			got := [4]string{p.Type, p.ID, p.Section, p.URL}
			want := [4]string{tt.typ, tt.id, tt.section, tt.url}
			if got != want {
				t.Errorf("got type, id, section, URL %q, want %q", got, want)
			}
			if p.Path != tt.path || p.File != "content/"+tt.path {
				t.Errorf("got Path %q, File %q, want %q, %q", p.Path, p.File, tt.path, "content/"+tt.path)
			}
		})
	}
}

func TestTypeKeyOverridesTheFolder(t *testing.T) {
	tests := []struct {
		path, typ string
		url       string
	}{
		{"roles/stakeholder.md", "group", "/roles/stakeholder/"},
		{"misc/x.md", "artifact", "/misc/x/"},
		{"backlogs/b/note.md", "page", "/backlogs/note/"},
	}
	for _, tt := range tests {
		p := loadOne(t, tt.path, "---\ntitle: T\ntype: "+tt.typ+"\n---\n")
		if p.Type != tt.typ || p.URL != tt.url {
			t.Errorf("%s: got type %q, URL %q, want %q, %q", tt.path, p.Type, p.URL, tt.typ, tt.url)
		}
		if p.Item != nil {
			t.Errorf("%s: got an Item for type %s, want none", tt.path, p.Type)
		}
	}
}

func TestBacklogIndexIsABacklogNamedForItsFolder(t *testing.T) {
	p := loadOne(t, "backlogs/Cluster-Pumps/_index.md", `---
title: Cluster Pumps backlog
level: cluster
owner: Cluster Product Owner
relations: { is_a: Cluster Backlog }
velocity: 40
iteration_weeks: 2
order: [CBI-214, CBI-198]
---
Intro.
`)
	if p.ID != "cluster-pumps" || p.Type != "backlog" || p.URL != "/backlogs/cluster-pumps/" {
		t.Errorf("got id %q type %q URL %q, want cluster-pumps backlog /backlogs/cluster-pumps/", p.ID, p.Type, p.URL)
	}
	f := "content/backlogs/Cluster-Pumps/_index.md"
	want := &generator.Backlog{
		Owner:          &generator.Ref{Name: "Cluster Product Owner", Pos: generator.Pos{File: f, Line: 4, Col: 8}},
		Velocity:       generator.Number{Value: 40, Set: true},
		IterationWeeks: generator.Number{Value: 2, Set: true},
		Order: []generator.Ref{
			{Name: "CBI-214", Pos: generator.Pos{File: f, Line: 8, Col: 9}},
			{Name: "CBI-198", Pos: generator.Pos{File: f, Line: 8, Col: 18}},
		},
	}
	if !reflect.DeepEqual(p.Backlog, want) {
		t.Errorf("got %+v, want %+v", p.Backlog, want)
	}
	rel := []generator.Relation{{Name: "is_a", Pos: generator.Pos{File: f, Line: 5, Col: 14},
		Targets: []generator.Ref{{Name: "Cluster Backlog", Pos: generator.Pos{File: f, Line: 5, Col: 20}}}}}
	if !reflect.DeepEqual(p.Relations, rel) {
		t.Errorf("got relations %+v, want %+v", p.Relations, rel)
	}
	if p.Item != nil || p.Release != nil {
		t.Errorf("got Item %v Release %v on a backlog, want nil", p.Item, p.Release)
	}
}

func TestItemFieldsAreRead(t *testing.T) {
	p := loadOne(t, "backlogs/cluster-pumps/cbi-214.md", `---
id: CBI-214
title: Remote error log upload
kind: feature
status: refining
value: 13
estimate: 0.5
parent: PBI-31
release: pump-ctrl-3-1-eu
team: Team Alpha
source: service hotline
acceptance:
  - the log arrives within 5 minutes of a fault
  - works for the EU and US radio variants
tags: [diagnostics]
---
Free Markdown description.
`)
	f := "content/backlogs/cluster-pumps/cbi-214.md"
	want := &generator.Item{
		Key: "CBI-214", Backlog: "cluster-pumps", Kind: "feature", Status: "refining",
		Value:      generator.Number{Value: 13, Set: true},
		Estimate:   generator.Number{Value: 0.5, Set: true},
		Parent:     &generator.Ref{Name: "PBI-31", Pos: generator.Pos{File: f, Line: 8, Col: 9}},
		Release:    &generator.Ref{Name: "pump-ctrl-3-1-eu", Pos: generator.Pos{File: f, Line: 9, Col: 10}},
		Team:       &generator.Ref{Name: "Team Alpha", Pos: generator.Pos{File: f, Line: 10, Col: 7}},
		Source:     "service hotline",
		Acceptance: []string{"the log arrives within 5 minutes of a fault", "works for the EU and US radio variants"},
	}
	if !reflect.DeepEqual(p.Item, want) {
		t.Errorf("got %+v, want %+v", p.Item, want)
	}
	if !slices.Equal(p.Tags, []string{"diagnostics"}) {
		t.Errorf("got tags %q, want [diagnostics]", p.Tags)
	}
	if string(p.Body) != "Free Markdown description.\n" || p.BodyLine != 17 {
		t.Errorf("got body %q on line %d, want %q on line 17", p.Body, p.BodyLine, "Free Markdown description.\n")
	}
}

func TestItemWithoutNumbersLeavesThemUnset(t *testing.T) {
	p := loadOne(t, "backlogs/b/x.md", "---\ntitle: X\nid: B-1\nvalue:\nestimate: 0\n---\n")
	if p.Item.Value.Set {
		t.Errorf("got value %+v, want unset for an empty value", p.Item.Value)
	}
	if !p.Item.Estimate.Set || p.Item.Estimate.Value != 0 {
		t.Errorf("got estimate %+v, want a set 0", p.Item.Estimate)
	}
}

func TestReleaseFieldsAreRead(t *testing.T) {
	p := loadOne(t, "releases/pump-ctrl-3-1-eu.md", `---
title: Pump controller 3.1 (EU)
system: Pump controller
variant: EU
version: "3.1"
start: 2026-04-01
end: 2026-06-26T17:00:00+02:00
status: planned
released_on:
---
Notes.
`)
	want := &generator.Release{
		System: "Pump controller", Variant: "EU", Version: "3.1", Status: "planned",
		Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		End:   time.Date(2026, 6, 26, 15, 0, 0, 0, time.UTC),
	}
	got := *p.Release
	if !got.End.Equal(want.End) {
		t.Errorf("got end %v, want %v", got.End, want.End)
	}
	got.End = want.End
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("got %+v, want %+v", got, *want)
	}
}

func TestCommonFieldsAreRead(t *testing.T) {
	p := loadOne(t, "roles/cpo.md", `---
title: "  Cluster Product Owner  "
abbr: CPO
level: cluster
summary: Owns the cluster backlog.
tags: [product, cluster]
aliases: [old-cpo, product-owner-cluster]
weight: -5
date: 2026-01-02
draft: false
---
`)
	f := "content/roles/cpo.md"
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", p.Title, "Cluster Product Owner"},
		{"abbr", p.Abbr, "CPO"},
		{"level", p.Level, "cluster"},
		{"summary", p.Summary, "Owns the cluster backlog."},
		{"tags", p.Tags, []string{"product", "cluster"}},
		{"aliases", p.Aliases, []generator.Ref{{Name: "old-cpo", Pos: generator.Pos{File: f, Line: 7, Col: 11}},
			{Name: "product-owner-cluster", Pos: generator.Pos{File: f, Line: 7, Col: 20}}}},
		{"weight", p.Weight, -5},
		{"date", p.Date, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"draft", p.Draft, false},
		{"label", p.Label(), "Cluster Product Owner (CPO)"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func TestDraftFlag(t *testing.T) {
	tests := []struct {
		fm   string
		want bool
	}{
		{"draft: true\n", true},
		{"draft: True\n", true},
		{"draft: false\n", false},
		{"draft:\n", false},
		{"", false},
	}
	for _, tt := range tests {
		p := loadOne(t, "roles/a.md", "---\ntitle: A\n"+tt.fm+"---\n")
		if p.Draft != tt.want {
			t.Errorf("%q: got draft %v, want %v", tt.fm, p.Draft, tt.want)
		}
	}
	p := loadOne(t, "roles/a.md", "+++\ntitle = \"A\"\ndraft = true\n+++\n")
	if !p.Draft {
		t.Errorf("TOML draft = true: got false, want true")
	}
}

func TestRelationsKeepTargetsInOrderWithPositions(t *testing.T) {
	p := loadOne(t, "roles/cpo.md", `---
title: Cluster Product Owner
relations:
  is_a: Product Owner (generic)
  part_of: [Cluster, Cluster Management Circle]
  organizes:
    - Cluster Planning
    - Cluster Review
---
`)
	f := "content/roles/cpo.md"
	at := func(l, c int) generator.Pos { return generator.Pos{File: f, Line: l, Col: c} }
	want := []generator.Relation{
		{Name: "is_a", Pos: at(4, 3), Targets: []generator.Ref{{Name: "Product Owner (generic)", Pos: at(4, 9)}}},
		{Name: "part_of", Pos: at(5, 3), Targets: []generator.Ref{{Name: "Cluster", Pos: at(5, 13)}, {Name: "Cluster Management Circle", Pos: at(5, 22)}}},
		{Name: "organizes", Pos: at(6, 3), Targets: []generator.Ref{{Name: "Cluster Planning", Pos: at(7, 7)}, {Name: "Cluster Review", Pos: at(8, 7)}}},
	}
	if !reflect.DeepEqual(p.Relations, want) {
		t.Errorf("got %+v, want %+v", p.Relations, want)
	}
}

func TestBOMAndCRLFAreAcceptedWithCorrectLines(t *testing.T) {
	p := loadOne(t, "roles/a.md", "\ufeff---\r\ntitle: A\r\nlevel: team\r\n---\r\nFirst line\r\nsecond\rthird\r\n")
	if p.Title != "A" || p.Level != "team" {
		t.Errorf("got title %q level %q, want A team", p.Title, p.Level)
	}
	if got, want := p.Pos("level"), (generator.Pos{File: "content/roles/a.md", Line: 3, Col: 1}); got != want {
		t.Errorf("got level at %v, want %v", got, want)
	}
	if got, want := string(p.Body), "First line\nsecond\nthird\n"; got != want {
		t.Errorf("got body %q, want %q", got, want)
	}
	if p.BodyLine != 5 {
		t.Errorf("got body line %d, want 5", p.BodyLine)
	}
	_, diags := load(t, map[string]string{"roles/b.md": "\ufeff---\r\ntitle: B\r\nlevel: galaxy\r\n---\r\n"})
	diffLines(t, lines(diags), []string{
		`content/roles/b.md:3:8: unknown level "galaxy" (the site's levels are team, cluster, organisation)`,
	})
}

func TestTOMLFrontMatterKeepsKeyPositions(t *testing.T) {
	p := loadOne(t, "roles/a.md", `+++
title = "A"
level = "team"
weight = 3
date = 2026-04-01

[relations]
part_of = ["Cluster", "Circle"]

[params]
color = "red"
+++
Body
`)
	f := "content/roles/a.md"
	at := func(l, c int) generator.Pos { return generator.Pos{File: f, Line: l, Col: c} }
	wantKeys := []generator.KeyPos{{Key: "title", Pos: at(2, 1)}, {Key: "level", Pos: at(3, 1)}, {Key: "weight", Pos: at(4, 1)},
		{Key: "date", Pos: at(5, 1)}, {Key: "relations", Pos: at(7, 1)}, {Key: "params", Pos: at(10, 1)}}
	if !reflect.DeepEqual(p.Keys, wantKeys) {
		t.Errorf("got keys %v, want %v", p.Keys, wantKeys)
	}
	wantRel := []generator.Relation{{Name: "part_of", Pos: at(8, 1),
		Targets: []generator.Ref{{Name: "Cluster", Pos: at(8, 1)}, {Name: "Circle", Pos: at(8, 1)}}}}
	if !reflect.DeepEqual(p.Relations, wantRel) {
		t.Errorf("got relations %+v, want %+v", p.Relations, wantRel)
	}
	if p.Weight != 3 || !p.Date.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got weight %d date %v, want 3 2026-04-01", p.Weight, p.Date)
	}
	if p.Params["color"] != "red" {
		t.Errorf("got params %v, want color red", p.Params)
	}
	if p.BodyLine != 13 || string(p.Body) != "Body\n" {
		t.Errorf("got body %q on line %d, want %q on line 13", p.Body, p.BodyLine, "Body\n")
	}
}

func TestJSONFrontMatterKeepsKeyPositions(t *testing.T) {
	tests := []struct {
		name, src string
		first     int // line of "title"
		bodyLine  int
	}{
		{"bare object", "{\n  \"title\": \"A\",\n  \"level\": \"team\",\n  \"relations\": {\"part_of\": [\"X\", \"Y\"]}\n}\n\nBody\n", 2, 7},
		{"---json", "---json\n{\n  \"title\": \"A\",\n  \"level\": \"team\",\n  \"relations\": {\"part_of\": [\"X\", \"Y\"]}\n}\n---\nBody\n", 3, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadOne(t, "roles/a.md", tt.src)
			at := func(l, c int) generator.Pos { return generator.Pos{File: "content/roles/a.md", Line: l, Col: c} }
			l := tt.first
			wantKeys := []generator.KeyPos{{Key: "title", Pos: at(l, 3)}, {Key: "level", Pos: at(l+1, 3)}, {Key: "relations", Pos: at(l+2, 3)}}
			if !reflect.DeepEqual(p.Keys, wantKeys) {
				t.Errorf("got keys %v, want %v", p.Keys, wantKeys)
			}
			wantRel := []generator.Relation{{Name: "part_of", Pos: at(l+2, 17),
				Targets: []generator.Ref{{Name: "X", Pos: at(l+2, 29)}, {Name: "Y", Pos: at(l+2, 34)}}}}
			if !reflect.DeepEqual(p.Relations, wantRel) {
				t.Errorf("got relations %+v, want %+v", p.Relations, wantRel)
			}
			if p.Title != "A" || p.Level != "team" || string(p.Body) != "Body\n" || p.BodyLine != tt.bodyLine {
				t.Errorf("got title %q level %q body %q line %d, want A team %q %d", p.Title, p.Level, p.Body, p.BodyLine, "Body\n", tt.bodyLine)
			}
		})
	}
}

func TestParamsAreDecodedToPlainValues(t *testing.T) {
	p := loadOne(t, "roles/a.md", "---\ntitle: A\nparams:\n  n: 3\n  f: 1.5\n  b: true\n  s: text\n  l: [1, two]\n  m: {k: v}\n  z:\n---\n")
	want := map[string]any{"n": int64(3), "f": 1.5, "b": true, "s": "text",
		"l": []any{int64(1), "two"}, "m": map[string]any{"k": "v"}, "z": nil}
	if !reflect.DeepEqual(p.Params, want) {
		t.Errorf("got %#v, want %#v", p.Params, want)
	}
}

func TestIntroductionsAreNotPages(t *testing.T) {
	res, diags := load(t, map[string]string{
		"_index.md":            "---\ntitle: Home\n---\nWelcome.\n",
		"roles/_index.md":      "---\ntitle: Roles\n---\nAll roles.\n",
		"roles/cpo.md":         "---\ntitle: CPO\n---\n",
		"backlogs/b/_index.md": "---\ntitle: B\n---\n",
	})
	if len(diags) > 0 {
		t.Fatalf("got %v, want no diagnostics", lines(diags))
	}
	var paths []string
	for _, p := range res.Pages {
		paths = append(paths, p.Path)
	}
	if want := []string{"backlogs/b/_index.md", "roles/cpo.md"}; !slices.Equal(paths, want) {
		t.Errorf("got pages %q, want %q", paths, want)
	}
	for section, want := range map[string]string{"": "Welcome.\n", "roles": "All roles.\n"} {
		intro := res.Intros[section]
		if intro == nil || string(intro.Body) != want {
			t.Errorf("intro %q: got %v, want body %q", section, intro, want)
		}
	}
	if len(res.Intros) != 2 {
		t.Errorf("got %d intros, want 2", len(res.Intros))
	}
}

func TestIntroductionWithoutTitleIsFine(t *testing.T) {
	res, diags := load(t, map[string]string{"roles/_index.md": "Just an introduction.\n"})
	if len(diags) > 0 {
		t.Errorf("got %v, want no diagnostics", lines(diags))
	}
	if res.Intros["roles"] == nil {
		t.Errorf("got no intro for roles")
	}
}

func TestHiddenAndOtherFilesAreSkipped(t *testing.T) {
	res, diags := load(t, map[string]string{
		"roles/.draft.md":    "not even front matter",
		".git/x.md":          "nor this",
		"roles/.tmp/y.md":    "nor this",
		"roles/readme.txt":   "text",
		"roles/picture.png":  "\x89PNG",
		"roles/cpo.md":       "---\ntitle: CPO\n---\n",
		"roles/markdown.MD":  "---\ntitle: Upper-case extension\n---\n",
		"roles/notmarkdown":  "---\ntitle: no extension\n",
		"roles/cpo.md.orig":  "---\n",
		"roles/folder.md/ok": "x",
	})
	if len(diags) > 0 {
		t.Fatalf("got %v, want no diagnostics", lines(diags))
	}
	var ids []string
	for _, p := range res.Pages {
		ids = append(ids, p.ID)
	}
	if want := []string{"cpo", "markdown"}; !slices.Equal(ids, want) {
		t.Errorf("got %q, want %q", ids, want)
	}
}

func TestPagesComeInPathOrder(t *testing.T) {
	files := map[string]string{}
	want := []string{"a.md", "backlogs/b/_index.md", "backlogs/b/x.md", "events/e.md", "roles/a.md", "roles/b.md", "z.md"}
	for _, p := range want {
		files[p] = "---\ntitle: " + p + "\nid: K-" + p + "\n---\n"
	}
	for range 5 {
		res, _ := load(t, files)
		var got []string
		for _, p := range res.Pages {
			got = append(got, p.Path)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}

func TestEmptyContentFolderLoadsNothing(t *testing.T) {
	res, diags := Load(fstest.MapFS{}, testOptions)
	if len(diags) != 0 || len(res.Pages) != 0 || len(res.Intros) != 0 {
		t.Errorf("got %d pages, %d intros, %v, want nothing", len(res.Pages), len(res.Intros), lines(diags))
	}
}

func TestUnreadableFolderIsAnError(t *testing.T) {
	_, diags := Load(failFS{}, testOptions)
	if !diags.HasErrors() {
		t.Fatalf("got %v, want an error", lines(diags))
	}
	for _, d := range diags {
		if d.Pos.File == "" {
			t.Errorf("got %q, want a diagnostic naming a file", d.Error())
		}
	}
}

// failFS fails every operation.
type failFS struct{}

func (failFS) Open(string) (fs.File, error) { return nil, fs.ErrPermission }

func TestBodyStartsOnTheLineAfterTheFrontMatter(t *testing.T) {
	tests := []struct {
		src      string
		body     string
		bodyLine int
	}{
		{"---\ntitle: A\n---\nBody\n", "Body\n", 4},
		{"\n\n---\ntitle: A\n---\n\nBody\n", "\nBody\n", 6},
		{"---\ntitle: A\n---", "", 3}, // no newline after the closer: the body is empty, at its end
		{"+++\ntitle = \"A\"\n+++\nBody", "Body", 4},
	}
	for _, tt := range tests {
		p := loadOne(t, "roles/a.md", tt.src)
		if string(p.Body) != tt.body || p.BodyLine != tt.bodyLine {
			t.Errorf("%q: got body %q on line %d, want %q on line %d", tt.src, p.Body, p.BodyLine, tt.body, tt.bodyLine)
		}
	}
}

func TestKnownKeysDependOnTheType(t *testing.T) {
	tests := []struct {
		typ  string
		has  []string
		hasn []string
	}{
		{"role", []string{"title", "relations", "params"}, []string{"id", "owner", "system"}},
		{"item", []string{"title", "id", "estimate", "acceptance"}, []string{"owner", "system"}},
		{"backlog", []string{"title", "owner", "order", "velocity"}, []string{"id", "system"}},
		{"release", []string{"title", "start", "released_on"}, []string{"id", "owner"}},
	}
	for _, tt := range tests {
		keys := KnownKeys(tt.typ)
		for _, k := range tt.has {
			if !slices.Contains(keys, k) {
				t.Errorf("KnownKeys(%q): got no %q, want it", tt.typ, k)
			}
		}
		for _, k := range tt.hasn {
			if slices.Contains(keys, k) {
				t.Errorf("KnownKeys(%q): got %q, want it absent", tt.typ, k)
			}
		}
	}
}
