package config

import (
	"time"

	"maps"

	"github.com/backlight-wiki/backlight/generator"
)

// builtinRelations is the default vocabulary of content model §3, in the
// order relation boxes show it.
var builtinRelations = []struct {
	name string
	rel  Relation
}{
	{"is_a", Relation{Label: "is a kind of", Inverse: "has the specific kinds", To: []string{"same"}, Acyclic: true}},
	{"part_of", Relation{Label: "is part of", Inverse: "consists of",
		From: []string{"role", "group", "event", "cadence"}, To: []string{"group", "event", "cadence"}, Acyclic: true}},
	{"member_of", Relation{Label: "is a member of", Inverse: "has members",
		From: []string{"role", "group", "cadence"}, To: []string{"group", "cadence"}, Acyclic: true}},
	{"moderates", Relation{Label: "moderates", Inverse: "is moderated by", From: []string{"role"}, To: []string{"group"}}},
	{"responsible_for", Relation{Label: "is responsible for", Inverse: "is the responsibility of", From: roleGroup, To: artifact}},
	{"approves", Relation{Label: "approves", Inverse: "is approved by", From: roleGroup, To: artifact}},
	{"accepts", Relation{Label: "accepts", Inverse: "is accepted by", From: roleGroup, To: artifact}},
	{"organizes", Relation{Label: "organizes", Inverse: "is organized by", From: roleGroup, To: event}},
	{"attends", Relation{Label: "attends", Inverse: "is attended by", From: roleGroup, To: event}},
	{"optionally_attends", Relation{Label: "optionally attends", Inverse: "is optionally attended by", From: roleGroup, To: event}},
	{"creates", Relation{Label: "creates", Inverse: "is created by", From: roleGroup, To: artifact}},
	{"works_in", Relation{Label: "works in", Inverse: "is the base rhythm of", From: []string{"group"}, To: []string{"cadence"}}},
	{"adapted_in", Relation{Label: "is adapted in", Inverse: "adapts", From: artifact, To: event}},
	{"inspected_in", Relation{Label: "is inspected in", Inverse: "inspects", From: artifact, To: event}},
	{"created_in", Relation{Label: "is created in", Inverse: "produces", From: artifact, To: event}},
	{"constrained_by", Relation{Label: "is constrained by", Inverse: "constrains", From: []string{"artifact", "item"}, To: artifact}},
	{"in_area", Relation{Label: "is in area", Inverse: "includes", From: roleGroup, To: []string{"area"}}},
}

var (
	roleGroup = []string{"role", "group"}
	artifact  = []string{"artifact"}
	event     = []string{"event"}
)

// Default returns the configuration of a site whose site.toml is empty.
func Default() *Config {
	c := &Config{
		Title:    "Backlight site",
		BaseURL:  "/",
		Language: "en",

		DefaultLanguage: "en",
		LanguageOrder:   []string{"en"},
		Theme:           "default",
		Levels:          []string{"team", "cluster", "organisation"},
		Build:           Build{Minify: true, BrokenLinks: "error"},
		Types:           map[string]Type{},
		Relations:       map[string]Relation{},
		Backlog: Backlog{
			Kinds:          []string{"feature", "change", "bug", "knowledge-gap", "improvement"},
			Statuses:       []string{"idea", "refining", "ready", "in-progress", "done", "released", "dropped"},
			Ready:          []string{"ready", "in-progress"},
			Done:           []string{"done", "released"},
			Dropped:        []string{"dropped"},
			Active:         []string{"in-progress"},
			DoR:            []string{"estimate", "acceptance"},
			Horizon:        3,
			IterationWeeks: 2,
		},
		Roadmap:  Roadmap{CycleWeeks: 13},
		History:  History{Enabled: true, TimeZone: "UTC", Location: time.UTC},
		Forecast: Forecast{Window: 10, Trials: 10000, Percentiles: []int{50, 85, 95}, Unit: "points", Confidence: 0.85},
	}
	for _, t := range generator.BuiltinTypes() {
		c.Types[t.Name] = Type{Label: t.Label, Plural: t.Plural}
		c.TypeOrder = append(c.TypeOrder, t.Name)
	}
	for _, r := range builtinRelations {
		c.Relations[r.name] = r.rel
		c.RelationOrder = append(c.RelationOrder, r.name)
	}
	return c
}

// clone copies the maps so that a caller's changes stay its own.
func (c *Config) clone() *Config {
	d := *c
	d.Types = maps.Clone(c.Types)
	d.Relations = maps.Clone(c.Relations)
	return &d
}
