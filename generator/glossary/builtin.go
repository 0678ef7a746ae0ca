package glossary

import (
	"fmt"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// URL is the site URL of the glossary page; every link to an entry is
// URL + "#" + the entry's id.
const URL = "/glossary/"

// Kinds of entries, which are also the glossary page's sections, in order.
const (
	KindConcept  = "concept"  // a planning word: horizon, velocity, cycle…
	KindType     = "type"     // a page type
	KindRelation = "relation" // a relation of the vocabulary
)

// Settings are the site's figures that the built-in definitions quote.
type Settings struct {
	Horizon        int      // [backlog].horizon, in iterations
	IterationWeeks int      // [backlog].iteration_weeks
	CycleWeeks     int      // [roadmap].cycle_weeks; 0: no cycles
	DoR            []string // [backlog].dor, the fields a ready item must have
}

// builtin is one built-in entry: a concept, or the definition of a
// built-in type or relation (whose title comes from the site's labels).
type builtin struct {
	id, title string
	synonyms  []string
	link      bool // linked where it first appears in a page's text
	def       func(Settings) string
}

func text(s string) func(Settings) string { return func(Settings) string { return s } }

// concepts are the built-in planning terms, in the glossary's order.
var concepts = []builtin{
	{"horizon", "Refinement horizon", nil, true, func(s Settings) string {
		return fmt.Sprintf("How far ahead a backlog is refined: the open items forecast to finish within the next %s. "+
			"Items inside the horizon should be ready; items further down may stay rough until they come closer.", generator.Count(s.Horizon, "iteration"))
	}},
	{"refinement-health", "Refinement health", nil, true, text(
		"The share of the items inside a backlog's refinement horizon that are ready. " +
			"100 % means that everything the team expects to work on soon is refined enough to start.")},
	{"readiness", "Readiness", nil, true, text(
		"Whether an item can be started: it is ready when its status counts as refined and it meets the Definition of Ready. " +
			"An item that is not ready lists what it is missing; inside the refinement horizon it \"needs refinement\", further down it is \"coarse\".")},
	{"dor", "Definition of Ready", []string{"DoR"}, true, func(s Settings) string {
		return "The checklist an item must meet before work on it starts" + fieldList(s.DoR) +
			". It keeps teams from starting work they do not yet understand."
	}},
	{"dod", "Definition of Done", []string{"DoD"}, true, text(
		"The quality bar every finished piece of work meets, such as tested, reviewed and documented. " +
			"Work that does not meet it is not done, however much effort went into it.")},
	{"rank", "Rank", nil, false, text(
		"An item's place in its backlog, 1 being the most important. The product owner sets the order; " +
			"items they have not placed follow, highest priority first.")},
	{"priority", "Priority", nil, true, text(
		"Value points divided by the estimate (at least half a point): how much value an item gives per point of effort. " +
			"An item with value 8 and estimate 5 has priority 1.6. It orders the items the product owner has not ranked.")},
	{"value", "Value points", nil, true, text(
		"How much an item is worth to customers or the organisation, in relative points: an item of 8 is worth about twice one of 4.")},
	{"estimate", "Estimate", []string{"story points"}, true, text(
		"The expected effort of an item in points, relative to other items rather than in hours. " +
			"Estimates add up to the work ahead that forecasts divide by the velocity.")},
	{"velocity", "Velocity", nil, true, func(s Settings) string {
		return fmt.Sprintf("How many estimate points a backlog's team finishes per iteration (%s unless the backlog says otherwise), measured over the last iterations. "+
			"Forecasts divide the work ahead by it; a backlog without a velocity has no forecasts.", generator.Count(s.IterationWeeks, "week"))
	}},
	{"forecast", "Forecast", nil, true, text(
		"The iteration in which an item is expected to be finished: the estimates of the open items up to and including it, divided by the velocity. " +
			"Iteration 1 is the current one. A forecast is an expectation, not a promise; it moves when the order or the velocity changes.")},
	{"iteration", "Iteration", []string{"sprint"}, true, func(s Settings) string {
		return fmt.Sprintf("A short fixed time box, %s here, in which a team plans, builds and reviews a slice of work. "+
			"Inside a cycle, iterations are numbered I1, I2…: \"C4 2026 / I3\" is the third iteration of the fourth cycle of 2026.", generator.Count(s.IterationWeeks, "week"))
	}},
	{"cycle", "Cycle", []string{"PI", "program increment", "planning interval"}, true, func(s Settings) string {
		d := "A longer planning period made of several iterations, in which teams work toward shared goals and plan together at its start"
		if s.CycleWeeks > 0 && s.IterationWeeks > 0 {
			n := s.CycleWeeks / s.IterationWeeks
			d += fmt.Sprintf(" (%s here: %s", generator.Count(s.CycleWeeks, "week"), generator.Count(n, "iteration"))
			if rest := s.CycleWeeks - n*s.IterationWeeks; rest > 0 {
				d += fmt.Sprintf(" and %s of inter-cycle time", generator.Count(rest, "week"))
			}
			d += ")"
		}
		return d + ". The roadmap numbers cycles by year: \"C4 2026\" is the fourth cycle of 2026."
	}},
	{"level", "Level", nil, false, text(
		"A layer of the organisation, such as team, cluster or organisation. Every role, event and backlog belongs to one level, and each level has an overview page.")},
}

// types are the definitions of the built-in page types, by name.
var types = map[string]builtin{
	"role":     {synonyms: nil, def: text("A set of responsibilities a person takes on, such as product owner. One person may hold several roles.")},
	"group":    {def: text("A standing set of roles or teams that work or decide together.")},
	"event":    {def: text("A recurring meeting with a purpose, such as planning, review or retrospective.")},
	"artifact": {def: text("A thing the organisation produces and keeps up to date, such as a backlog or a Definition of Done.")},
	"cadence":  {def: text("A rhythm of time boxes, such as the iteration or the cycle, that events and teams follow.")},
	"area":     {def: text("A field of responsibility that roles and groups belong to, such as technology or market.")},
	"backlog":  {link: true, def: text("An ordered list of the work a team or group intends to do, most important first, with its velocity and forecasts.")},
	"item": {synonyms: []string{"product backlog item", "PBI"}, link: true, def: text(
		"One piece of work in a backlog: a feature, change, bug, knowledge gap or improvement, with a key such as CBI-214, a status, an estimate and value points.")},
	"release": {link: true, def: text("A version of a product shipped to users on a planned date, with the backlog items it is to contain; the roadmap shows every release.")},
	"page":    {def: text("A wiki page that is none of the other types: an explanation, a how-to, a decision.")},
}

// relations are the definitions of the built-in relations, by name. A
// relation's title and labels come from the site's vocabulary.
var relations = map[string]string{
	"is_a":               "One page is a more specific kind of another of the same type, such as a team product owner of a product owner.",
	"part_of":            "One page is a piece of a larger whole, such as an event of a cadence or a group of a larger group.",
	"member_of":          "A role, group or cadence belongs to a group or cadence, usually with others of its kind.",
	"moderates":          "A role leads a group's meetings and keeps its work going.",
	"responsible_for":    "A role or group owns an artifact: it keeps it up to date and answers for its content.",
	"approves":           "A role or group gives the approval an artifact needs before it counts.",
	"accepts":            "A role or group checks an artifact's results against what was agreed and accepts them.",
	"organizes":          "A role or group prepares an event, invites to it and makes sure it happens.",
	"attends":            "A role or group takes part in an event.",
	"optionally_attends": "A role or group may take part in an event when its topics concern them.",
	"creates":            "A role or group produces an artifact.",
	"works_in":           "A group follows a cadence as its basic rhythm.",
	"adapted_in":         "An artifact is changed in an event.",
	"inspected_in":       "An artifact is looked at and judged in an event.",
	"created_in":         "An artifact comes into being in an event.",
	"constrained_by":     "An artifact or backlog item must respect the rules of another artifact, such as a Definition of Done.",
	"in_area":            "A role or group belongs to an area of responsibility.",
}

// fieldList says which fields a ready item must have, or nothing.
func fieldList(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f
		if f == "acceptance" {
			names[i] = "acceptance criteria"
		}
	}
	last := names[len(names)-1]
	if len(names) == 1 {
		return ": on this site, " + last
	}
	return ": on this site, " + strings.Join(names[:len(names)-1], ", ") + " and " + last
}
