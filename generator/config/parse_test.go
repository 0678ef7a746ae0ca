package config

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// parse returns the diagnostics as text, leaving out the warning about a
// baseURL without a host, which most tests do not set (TestBaseURLWarning
// checks it).
func parse(t *testing.T, src string) (*Config, []string) {
	t.Helper()
	c, diags := Parse("site.toml", []byte(src))
	if c == nil {
		t.Fatal("Parse returned no Config")
	}
	var out []string
	for _, d := range slices.Clone(diags).Sort() {
		if d.Severity == generator.Warning && strings.Contains(d.Message, "need an absolute URL") {
			continue
		}
		out = append(out, d.Error())
	}
	return c, out
}

func parseClean(t *testing.T, src string) *Config {
	t.Helper()
	c, diags := parse(t, src)
	if len(diags) > 0 {
		t.Fatalf("got diagnostics:\n\t%s\nwant none", strings.Join(diags, "\n\t"))
	}
	return c
}

func TestEmptyFileGivesTheDefaults(t *testing.T) {
	for _, src := range []string{"", "\n# only a comment\n", "\ufeff"} {
		c := parseClean(t, src)
		want := Default()
		if !reflect.DeepEqual(c, want) {
			t.Errorf("%q: got %+v, want %+v", src, c, want)
		}
	}
}

func TestDefaultsMatchTheContentModel(t *testing.T) {
	c := Default()
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", c.Title, "Backlight site"},
		{"baseURL", c.BaseURL, "/"},
		{"language", c.Language, "en"},
		{"theme", c.Theme, "default"},
		{"levels", c.Levels, []string{"team", "cluster", "organisation"}},
		{"build", c.Build, Build{Minify: true, UnsafeHTML: false, BrokenLinks: "error"}},
		{"kinds", c.Backlog.Kinds, []string{"feature", "change", "bug", "knowledge-gap", "improvement"}},
		{"statuses", c.Backlog.Statuses, []string{"idea", "refining", "ready", "in-progress", "done", "released", "dropped"}},
		{"ready", c.Backlog.Ready, []string{"ready", "in-progress"}},
		{"done", c.Backlog.Done, []string{"done", "released"}},
		{"dropped", c.Backlog.Dropped, []string{"dropped"}},
		{"dor", c.Backlog.DoR, []string{"estimate", "acceptance"}},
		{"horizon", c.Backlog.Horizon, 3},
		{"iteration_weeks", c.Backlog.IterationWeeks, 2},
		{"types", c.TypeOrder, []string{"role", "group", "event", "artifact", "cadence", "area", "backlog", "item", "release", "page"}},
		{"relations", c.RelationOrder, []string{"is_a", "part_of", "member_of", "moderates", "responsible_for", "approves",
			"accepts", "organizes", "attends", "optionally_attends", "creates", "works_in", "adapted_in", "inspected_in",
			"created_in", "constrained_by", "in_area"}},
		{"part_of", c.Relations["part_of"], Relation{Label: "is part of", Inverse: "consists of",
			From: []string{"role", "group", "event", "cadence"}, To: []string{"group", "event", "cadence"}, Acyclic: true}},
		{"is_a", c.Relations["is_a"], Relation{Label: "is a kind of", Inverse: "has the specific kinds", To: []string{"same"}, Acyclic: true}},
		{"in_area", c.Relations["in_area"], Relation{Label: "is in area", Inverse: "includes", From: []string{"role", "group"}, To: []string{"area"}}},
		{"item label", c.TypeLabel("item"), "Backlog item"},
		{"item plural", c.TypePlural("item"), "Backlog items"},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s: got %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
	if len(c.Relations) != len(c.RelationOrder) || len(c.Types) != len(c.TypeOrder) {
		t.Errorf("got %d relations for %d names and %d types for %d names, want equal counts",
			len(c.Relations), len(c.RelationOrder), len(c.Types), len(c.TypeOrder))
	}
}

func TestDefaultReturnsAFreshCopy(t *testing.T) {
	a := Default()
	a.Relations["part_of"] = Relation{}
	a.Types["role"] = Type{}
	a.Levels[0] = "changed"
	b := Default()
	if b.Relations["part_of"].Label != "is part of" || b.Types["role"].Label != "Role" || b.Levels[0] != "team" {
		t.Errorf("got %+v, want Default unchanged by an earlier caller", b)
	}
}

func TestSiteValuesReplaceDefaults(t *testing.T) {
	c := parseClean(t, `
title    = "Example Org process wiki"
baseURL  = "https://wiki.example.org/"
language = "de"
theme    = "corporate"
editURL  = "https://git.example.org/org/wiki/edit/main/content/"
levels   = ["team", "tribe"]
[build]
minify     = false
unsafeHTML = true
[backlog]
kinds    = ["feature", "bug"]
horizon  = 5
iteration_weeks = 3
`)
	want := Default()
	want.Title, want.BaseURL, want.Language, want.Theme = "Example Org process wiki", "https://wiki.example.org/", "de", "corporate"
	want.DefaultLanguage, want.LanguageOrder = "de", []string{"de"} // language is the older name of defaultLanguage
	want.EditURL = "https://git.example.org/org/wiki/edit/main/content/"
	want.Levels = []string{"team", "tribe"}
	want.Build = Build{Minify: false, UnsafeHTML: true, BrokenLinks: "error"}
	want.Backlog.Kinds, want.Backlog.Horizon, want.Backlog.IterationWeeks = []string{"feature", "bug"}, 5, 3
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v, want %+v", c, want)
	}
	if !c.HasLevel("tribe") || c.HasLevel("cluster") {
		t.Errorf("HasLevel: got tribe %v cluster %v, want true false", c.HasLevel("tribe"), c.HasLevel("cluster"))
	}
}

func TestParseReportsEveryProblemWithItsLine(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unknown top-level key suggests the closest", "title = \"x\"\ntilte = \"y\"\n", []string{
			`site.toml:2:1: unknown key "tilte" in site.toml (did you mean "title"?)`,
		}},
		{"unknown top-level key with nothing close", "colour = \"red\"\n", []string{
			`site.toml:1:1: unknown key "colour" in site.toml`,
		}},
		{"unknown key in [build]", "title = \"x\"\n[build]\nminfy = true\n", []string{
			`site.toml:3:1: unknown key "build.minfy" in site.toml (did you mean "minify"?)`,
		}},
		{"unknown key in [backlog]", "[backlog]\nhorizon = 3\n  horizn = 3\n", []string{
			`site.toml:3:3: unknown key "backlog.horizn" in site.toml (did you mean "horizon"?)`,
		}},
		{"unknown key in [relations.x]", "[relations.part_of]\nlabel = \"x\"\nlable = \"x\"\n", []string{
			`site.toml:3:1: unknown key "relations.part_of.lable" in site.toml (did you mean "label"?)`,
		}},
		{"unknown key in [types.x]", "[types.role]\nplurl = \"Rollen\"\n", []string{
			`site.toml:2:1: unknown key "types.role.plurl" in site.toml (did you mean "plural"?)`,
		}},
		{"unknown table in [build]", "[build.extra]\nx = 1\n", []string{
			`site.toml:1:1: unknown key "build.extra" in site.toml`,
			`site.toml:2:1: unknown key "build.extra.x" in site.toml`,
		}},
		{"TOML syntax error has line and column", "title = \"x\"\nlevels = [\"team\"\n", []string{
			`site.toml:2:17: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file (key "levels")`,
		}},
		{"TOML value missing", "title = \n", []string{
			`site.toml:1:9: invalid TOML: expected value but found '\n' instead (key "title")`,
		}},
		{"duplicate TOML key", "title = \"a\"\ntitle = \"b\"\n", []string{
			`site.toml:2:13: invalid TOML: Key 'title' has already been defined.`,
		}},
		{"text for a boolean is a type error with its line", "title = \"a\"\n[build]\nminify = \"yes\"\n", []string{
			`site.toml:3:1: build.minify: expected true or false, got the text "yes"`,
		}},
		{"text for a list is a type error with its line", "levels = \"team\"\n", []string{
			`site.toml:1:1: levels: expected a list of names in quotes, e.g. ["a", "b"], got the text "team"`,
		}},
		{"number for text is a type error with its line", "\n\ntitle = 3\n", []string{
			`site.toml:3:1: title: expected text in quotes, got the number 3`,
		}},
		{"every wrong value is reported, in the file's order", "title = 1\n[build]\nminify = \"yes\"\nunsafeHTML = \"no\"\n[backlog]\nhorizon = \"3\"\n[relations.x]\nfrom = \"role\"\n", []string{
			`site.toml:1:1: title: expected text in quotes, got the number 1`,
			`site.toml:3:1: build.minify: expected true or false, got the text "yes"`,
			`site.toml:4:1: build.unsafeHTML: expected true or false, got the text "no"`,
			`site.toml:6:1: backlog.horizon: expected a whole number, got the text "3"`,
			`site.toml:8:1: relations.x.from: expected a list of names in quotes, e.g. ["a", "b"], got the text "role"`,
		}},
		{"a value where a table belongs is an error", "relations = 3\n[types]\nrole = [\"Rolle\"]\n", []string{
			`site.toml:1: invalid value: (last key "relations"): expected a table, got a number`,
			`site.toml:3: invalid value: (last key "types.role"): expected a table, got an array`,
		}},
		{"unknown type in from and to suggests the closest", `
[relations.reports_to]
label = "reports to"
inverse = "reports"
from = ["role"]
to = ["rol"]
[relations.coaches]
label = "coaches"
inverse = "is coached by"
from = ["grup", "role"]
`, []string{
			`site.toml:6:1: relation "reports_to": unknown type "rol" in to (did you mean "role"?)`,
			`site.toml:10:1: relation "coaches": unknown type "grup" in from (did you mean "group"?)`,
		}},
		{"same is a type only in to", "[relations.mirrors]\nlabel = \"m\"\ninverse = \"n\"\nfrom = [\"same\"]\nto = [\"same\"]\n", []string{
			`site.toml:4:1: relation "mirrors": unknown type "same" in from (did you mean "page"?)`,
		}},
		{"a site type may be used in relations", "[types.team]\nlabel = \"Team\"\n[relations.coaches]\nlabel = \"c\"\ninverse = \"d\"\nto = [\"team\"]\n", nil},
		{"new relation needs labels", "[relations.new]\nacyclic = true\n", []string{
			`site.toml:1:1: relation "new" needs a label`,
			`site.toml:1:1: relation "new" needs an inverse label`,
		}},
		{"relation name must be lower-case", "[relations.Reports-To]\nlabel = \"x\"\ninverse = \"y\"\n", []string{
			`site.toml:1:1: relation name "Reports-To" must be lower-case letters, digits and underscores`,
		}},
		{"type name must be lower-case", "[types.Widget]\nlabel = \"W\"\n", []string{
			`site.toml:1:1: type name "Widget" must be lower-case letters, digits and hyphens`,
		}},
		{"backlog lists must name statuses", `[backlog]
ready = ["redy"]
done = ["finished"]
dropped = ["dropped", "gone"]
`, []string{
			`site.toml:2:1: backlog.ready names "redy", which is not one of backlog.statuses (idea, refining, ready, in-progress, done, released, dropped)`,
			`site.toml:3:1: backlog.done names "finished", which is not one of backlog.statuses (idea, refining, ready, in-progress, done, released, dropped)`,
			`site.toml:4:1: backlog.dropped names "gone", which is not one of backlog.statuses (idea, refining, ready, in-progress, done, released, dropped)`,
		}},
		{"new statuses leave the default lists unknown", "[backlog]\nstatuses = [\"open\", \"closed\"]\nready = [\"open\"]\ndone = [\"closed\"]\n", []string{
			`site.toml: backlog.dropped names "dropped", which is not one of backlog.statuses (open, closed)`,
		}},
		{"definition of ready must name item fields", "[backlog]\ndor = [\"estimat\", \"value\"]\n", []string{
			`site.toml:2:1: backlog.dor names "estimat", which is not an item field (estimate, value, acceptance, release, parent, team, source, tags) (did you mean "estimate"?)`,
		}},
		{"horizon and iteration length must be positive", "[backlog]\nhorizon = 0\niteration_weeks = -1\n", []string{
			`site.toml:2:1: backlog.horizon must be at least 1, not 0`,
			`site.toml:3:1: backlog.iteration_weeks must be at least 1, not -1`,
		}},
		{"roadmap cycles take a TOML date", "[roadmap]\ncycle_weeks = 13\ncycle_start = 2026-01-05\n", nil},
		{"a roadmap date written as text is a type error", "[roadmap]\ncycle_start = \"2026-01-05\"\n", []string{
			`site.toml:2: invalid value: (last key "roadmap.cycle_start"): expected a date like 2026-01-05, without quotes, got a string`,
		}},
		{"forecast settings", "[forecast]\nwindow = 6\ntrials = 2000\npercentiles = [50, 90]\nunit = \"items\"\nconfidence = 0.9\n", nil},
		{"a whole confidence is a number", "[forecast]\nconfidence = 0\n", []string{
			`site.toml:2:1: forecast.confidence must be more than 0 and less than 1, not 0`,
		}},
		{"forecast settings out of range", "[forecast]\nwindow = 0\ntrials = 10\npercentiles = [85, 50]\nunit = \"hours\"\nconfidence = 1.5\n", []string{
			`site.toml:2:1: forecast.window must be from 1 to 100 iterations, not 0`,
			`site.toml:3:1: forecast.trials must be from 100 to 1000000, not 10`,
			`site.toml:4:1: forecast.percentiles must be ascending, each from 1 to 99: [85 50]`,
			`site.toml:5:1: forecast.unit must be "points" or "items", not "hours"`,
			`site.toml:6:1: forecast.confidence must be more than 0 and less than 1, not 1.5`,
		}},
		{"percentiles written as text", "[forecast]\npercentiles = [\"50\"]\n", []string{
			`site.toml:2:1: forecast.percentiles: expected a list of whole numbers, e.g. [50, 85, 95], got an array`,
		}},
		{"negative cycle length", "[roadmap]\ncycle_weeks = -2\n", []string{
			`site.toml:2:1: roadmap.cycle_weeks must be 0 (no cycles) or more, not -2`,
		}},
		{"unknown roadmap key", "[roadmap]\ncycle_week = 2\n", []string{
			`site.toml:2:1: unknown key "roadmap.cycle_week" in site.toml (did you mean "cycle_weeks"?)`,
		}},
		{"malformed, duplicate and empty lists", "levels = [\"Team\", \"team\", \"team\"]\n[backlog]\nkinds = []\n", []string{
			`site.toml:1:1: levels: "Team" must be lower-case letters, digits and hyphens`,
			`site.toml:1:1: levels: "team" is listed twice`,
			`site.toml:3:1: backlog.kinds must not be empty`,
		}},
		{"baseURL must be http(s) or a path", "baseURL = \"ftp://example.org/\"\n", []string{
			`site.toml:1:1: baseURL "ftp://example.org/" must be an http(s) URL or a path starting with /`,
		}},
		{"relative baseURL is an error", "baseURL = \"wiki\"\n", []string{
			`site.toml:1:1: baseURL "wiki" must be an http(s) URL or a path starting with /`,
		}},
		{"editURL must be http(s)", "editURL = \"javascript:alert(1)\"\n", []string{
			`site.toml:1:1: editURL "javascript:alert(1)" must be an http(s) URL`,
		}},
		{"theme must be a plain folder name", "theme = \"../x\"\n", []string{
			`site.toml:1:1: theme "../x" must be a folder name under themes/, without slashes or dots`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parse(t, tt.src)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestTypeErrorsAreTheSameOnEveryRun(t *testing.T) {
	src := []byte("[relations]\na = []\nb = []\nc = []\n[build]\nminify = 1\nunsafeHTML = 2\n")
	_, first := Parse("site.toml", src)
	if len(first) != 5 {
		t.Fatalf("got %v, want 5 errors", first)
	}
	for range 20 {
		if _, again := Parse("site.toml", src); !slices.Equal(again, first) {
			t.Fatalf("got %v, want %v", again, first)
		}
	}
}

func TestSyntaxErrorLeavesTheDefaults(t *testing.T) {
	c, diags := Parse("site.toml", []byte("title = \"x\"\n[build\n"))
	if !diags.HasErrors() {
		t.Fatalf("got no error, want a syntax error")
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("got %+v, want the defaults", c)
	}
}

func TestSiteRelationOverridingOneFieldKeepsTheOthers(t *testing.T) {
	c := parseClean(t, "[relations.part_of]\nlabel = \"belongs to\"\n\n[relations.moderates]\nacyclic = true\nfrom = [\"role\", \"group\"]\n")
	def := Default()
	want := def.Relations["part_of"]
	want.Label = "belongs to"
	if got := c.Relations["part_of"]; !reflect.DeepEqual(got, want) {
		t.Errorf("part_of: got %+v, want %+v", got, want)
	}
	want = def.Relations["moderates"]
	want.Acyclic, want.From = true, []string{"role", "group"}
	if got := c.Relations["moderates"]; !reflect.DeepEqual(got, want) {
		t.Errorf("moderates: got %+v, want %+v", got, want)
	}
	if !slices.Equal(c.RelationOrder, def.RelationOrder) {
		t.Errorf("got order %q, want the built-in order %q", c.RelationOrder, def.RelationOrder)
	}
}

func TestSiteRelationCanClearAList(t *testing.T) {
	c := parseClean(t, "[relations.moderates]\nfrom = []\n")
	if got := c.Relations["moderates"]; len(got.From) != 0 || !slices.Equal(got.To, []string{"group"}) {
		t.Errorf("got %+v, want from any, to group", got)
	}
}

func TestNewRelationsAreAppendedInDeclarationOrder(t *testing.T) {
	c := parseClean(t, `
[relations.reports_to]
label = "reports to"
inverse = "reports"

[relations.part_of]
label = "belongs to"

[relations.coaches]
label = "coaches"
inverse = "is coached by"
from = ["role"]
to = ["group", "role"]
acyclic = true
`)
	def := Default()
	wantOrder := append(slices.Clone(def.RelationOrder), "reports_to", "coaches")
	if !slices.Equal(c.RelationOrder, wantOrder) {
		t.Errorf("got %q, want %q", c.RelationOrder, wantOrder)
	}
	want := Relation{Label: "coaches", Inverse: "is coached by", From: []string{"role"}, To: []string{"group", "role"}, Acyclic: true}
	if got := c.Relations["coaches"]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSiteTypesAreAddedAndBuiltInsRelabelled(t *testing.T) {
	c := parseClean(t, `
[types.team]
plural = "Teams"

[types.role]
label = "Rolle"

[types.guild]
label = "Guild"
plural = "Guilds"
`)
	wantOrder := append(slices.Clone(Default().TypeOrder), "team", "guild")
	if !slices.Equal(c.TypeOrder, wantOrder) {
		t.Errorf("got %q, want %q", c.TypeOrder, wantOrder)
	}
	checks := []struct{ got, want string }{
		{c.TypeLabel("role"), "Rolle"},
		{c.TypePlural("role"), "Roles"}, // the plural is kept
		{c.TypeLabel("team"), "team"},   // no label: the name
		{c.TypePlural("team"), "Teams"},
		{c.TypeLabel("guild"), "Guild"},
		{c.TypePlural("guild"), "Guilds"},
		{c.TypeLabel("unknown"), "unknown"},
		{c.TypePlural("unknown"), "unknowns"},
	}
	for i, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("check %d: got %q, want %q", i, ch.got, ch.want)
		}
	}
}

func TestBaseURLIsNormalised(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/wiki", "https://example.org/wiki/"},
		{"https://example.org/wiki/", "https://example.org/wiki/"},
		{"http://example.org", "http://example.org/"},
		{"/docs", "/docs/"},
		{"/", "/"},
	}
	for _, tt := range tests {
		c := parseClean(t, "baseURL = \""+tt.in+"\"\n")
		if c.BaseURL != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, c.BaseURL, tt.want)
		}
	}
}

func TestBOMIsIgnored(t *testing.T) {
	c := parseClean(t, "\ufefftitle = \"With BOM\"\n")
	if c.Title != "With BOM" {
		t.Errorf("got %q, want %q", c.Title, "With BOM")
	}
}

func TestLocateFindsKeysAndDegrades(t *testing.T) {
	src := []byte("title = \"x\"\n\n[build]\n  minify = true\n[relations.part_of]\nlabel = \"y\"\n")
	tests := []struct {
		path []string
		want generator.Pos
	}{
		{[]string{"title"}, generator.Pos{File: "site.toml", Line: 1, Col: 1}},
		{[]string{"build"}, generator.Pos{File: "site.toml", Line: 3, Col: 1}},
		{[]string{"build", "minify"}, generator.Pos{File: "site.toml", Line: 4, Col: 3}},
		{[]string{"relations", "part_of", "label"}, generator.Pos{File: "site.toml", Line: 6, Col: 1}},
		{[]string{"missing"}, generator.Pos{File: "site.toml"}},
	}
	for _, tt := range tests {
		if got := Locate("site.toml", src, tt.path...); got != tt.want {
			t.Errorf("Locate(%q): got %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestKeysMatchTheirCaseExactly(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a top-level key in lower case", "title = \"x\"\nbaseurl = \"https://example.org/\"\n", []string{
			`site.toml:2:1: unknown key "baseurl" in site.toml (did you mean "baseURL"?)`,
		}},
		{"a key in another case in [build]", "[build]\nMinify = false\nbrokenlinks = \"warning\"\n", []string{
			`site.toml:2:1: unknown key "build.Minify" in site.toml (did you mean "minify"?)`,
			`site.toml:3:1: unknown key "build.brokenlinks" in site.toml (did you mean "brokenLinks"?)`,
		}},
		{"two keys differing in case: the second is reported", "baseURL = \"https://a.example/\"\nBaseURL = \"https://b.example/\"\n", []string{
			`site.toml:2:1: unknown key "BaseURL" in site.toml (did you mean "baseURL"?)`,
		}},
		{"a table in another case", "[Roadmap]\ncycle_weeks = 4\n", []string{
			`site.toml:1:1: unknown key "Roadmap" in site.toml (did you mean "roadmap"?)`,
			`site.toml:2:1: unknown key "Roadmap.cycle_weeks" in site.toml`,
		}},
		{"a relation field in another case", "[relations.part_of]\nLabel = \"x\"\n", []string{
			`site.toml:2:1: unknown key "relations.part_of.Label" in site.toml (did you mean "label"?)`,
		}},
		{"brokenLinks is a known key", "[build]\nbrokenLinks = \"warning\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parse(t, tt.src)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestKeysInAnotherCaseSetNothing(t *testing.T) {
	c, _ := Parse("site.toml", []byte("baseurl = \"https://x.example/\"\n[build]\nMinify = false\n[backlog]\nHorizon = 9\n[types.role]\nLabel = \"Rolle\"\n"))
	want := Default()
	if c.BaseURL != want.BaseURL || c.Build.Minify != want.Build.Minify || c.Backlog.Horizon != want.Backlog.Horizon || c.TypeLabel("role") != "Role" {
		t.Errorf("got baseURL %q, minify %v, horizon %d, role label %q; want the defaults", c.BaseURL, c.Build.Minify, c.Backlog.Horizon, c.TypeLabel("role"))
	}
	c, _ = Parse("site.toml", []byte("BaseURL = \"https://b.example/\"\nbaseURL = \"https://a.example/\"\n"))
	if c.BaseURL != "https://a.example/" {
		t.Errorf("got baseURL %q, want the one spelled baseURL", c.BaseURL)
	}
}

func TestBaseURLWarning(t *testing.T) {
	const need = "the sitemap, feeds and canonical links need an absolute URL such as https://wiki.example.org/"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty file", "", []string{`site.toml:1: warning: baseURL is not set: ` + need}},
		{"at the title", "# My wiki\n\ntitle = \"Wiki\"\n", []string{`site.toml:3:1: warning: baseURL is not set: ` + need}},
		{"a path", "title = \"Wiki\"\nbaseURL = \"/docs\"\n", []string{`site.toml:2:1: warning: baseURL "/docs" has no host: ` + need}},
		{"an absolute URL", "baseURL = \"https://wiki.example.org/\"\n", nil},
		{"a bad URL is an error only", "baseURL = \"wiki\"\n", []string{`site.toml:1:1: baseURL "wiki" must be an http(s) URL or a path starting with /`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("site.toml", []byte(tt.src))
			var got []string
			for _, d := range diags.Sort() {
				got = append(got, d.Error())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestGlossaryEntriesKeepWhatTheySet(t *testing.T) {
	c := parseClean(t, `
[glossary.iteration]
synonyms = ["sprint", "timebox"]

[glossary.dod]
disabled = true

[glossary.wip]
title = "Work in progress"
definition = "Started, not finished."
link = false
`)
	if !slices.Equal(c.GlossaryOrder, []string{"iteration", "dod", "wip"}) {
		t.Errorf("order = %v", c.GlossaryOrder)
	}
	it := c.Glossary["iteration"]
	if it.Title != nil || it.Synonyms == nil || !slices.Equal(*it.Synonyms, []string{"sprint", "timebox"}) {
		t.Errorf("iteration = %+v", it)
	}
	if d := c.Glossary["dod"].Disabled; d == nil || !*d {
		t.Errorf("dod.disabled = %v", d)
	}
	w := c.Glossary["wip"]
	if w.Title == nil || *w.Title != "Work in progress" || w.Link == nil || *w.Link {
		t.Errorf("wip = %+v", w)
	}
}

func TestGlossaryProblemsNameTheirLine(t *testing.T) {
	_, diags := parse(t, `title = "x"

[glossary.Bad]
title = "B"

[glossary.ok]
title = " "
synonyms = ["a", "a", "--"]
colour = "red"
`)
	want := []string{
		`site.toml:3:1: glossary id "Bad" must be lower-case letters, digits, hyphens and underscores, starting with a letter`,
		`site.toml:7:1: glossary.ok.title must not be empty`,
		`site.toml:8:1: glossary.ok.synonyms: "a" is listed twice`,
		`site.toml:8:1: glossary.ok.synonyms: "--" has no letter or digit`,
		`site.toml:9:1: unknown key "glossary.ok.colour" in site.toml`,
	}
	for _, w := range want {
		if !slices.ContainsFunc(diags, func(d string) bool { return strings.HasPrefix(d, w) }) {
			t.Errorf("missing %s\ngot:\n\t%s", w, strings.Join(diags, "\n\t"))
		}
	}
	_, diags = parse(t, "[glossary.ok]\nlink = \"yes\"\n")
	if len(diags) != 1 || !strings.Contains(diags[0], "site.toml:2:") || !strings.Contains(diags[0], "expected true or false") {
		t.Errorf("a type error: %v", diags)
	}
}
