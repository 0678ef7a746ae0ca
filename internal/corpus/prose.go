package corpus

import (
	"math/rand/v2"
	"strings"
)

// Prose is made of templates whose {slots} are filled from the slots
// table below, or from values a page sets, such as {It} for "This role".

// slots are the phrases a template's {slot} may become.
var slots = map[string][]string{
	"domain": {"pump", "valve", "sensor", "controller", "portal", "telemetry", "billing", "firmware",
		"gateway", "dosing", "metering", "cooling", "booster", "diagnostics", "calibration", "service"},
	"thing": {"backlog", "roadmap", "release plan", "test plan", "decision log", "risk list",
		"interface list", "definition of done", "forecast", "dependency board", "glossary", "runbook"},
	"state": {"current", "honest", "visible", "small", "ready", "in sync", "short", "readable"},
	"actors": {"the product owners", "the teams", "the flow coaches", "the systems engineers",
		"the stakeholders", "field service", "sales", "the support desk", "the architects",
		"the plant operators", "the installers", "quality assurance"},
	"when": {"every iteration", "once per cycle", "at the start of each cycle", "before each release",
		"every morning", "twice a cycle", "at the end of each iteration", "every week",
		"after each review", "when the forecast slips"},
	"outcome": {"fewer surprises at the review", "a forecast people trust", "smaller items",
		"faster feedback from the field", "less rework", "releases that ship on time",
		"clear ownership", "shorter waiting times", "calmer release weeks", "fewer hand-offs"},
	"metric": {"lead time", "defect rate", "forecast accuracy", "cycle time", "escaped-defect rate",
		"value delivered", "support load", "planning effort", "time to restore"},
	"n":          {"2", "3", "4", "5", "8", "10", "15", "20", "30", "45", "90"},
	"unit":       {"minutes", "hours", "days", "devices", "sites", "percent"},
	"incident":   {"a failed rollout", "an audit finding", "a week of support calls", "a customer escalation", "a field test", "a lost tender"},
	"workaround": {"copy the data by hand", "call the site", "restart the device", "export a spreadsheet", "wait for the nightly job", "ask the support desk"},
	"component":  {"controller firmware", "gateway", "portal back end", "mobile app", "reporting service", "device registry", "data pipeline"},
	"risk": {"the {variant} launch slips", "support load keeps growing", "audits keep failing",
		"installers stop trusting the data", "the {metric} gets worse"},
	"variant": {"EU", "US"},
	"check": {"the {domain} {component} keeps running during the update", "no data is lost when the link drops",
		"{actors} can undo the change", "the {metric} does not get worse", "the change is logged"},
	// Slots of tables and code blocks.
	"step":      {"Prepare", "Present", "Discuss", "Decide", "Record", "Follow up"},
	"condition": {"offline", "after an update", "with a weak signal", "during commissioning", "after a power cut"},
	"codekey":   {"timebox", "participants", "inputs", "outputs", "cadence", "review"},
	"day":       {"02", "09", "14", "21", "27"},
	"hour":      {"06", "08", "11", "15", "22"},
	"minute":    {"03", "17", "30", "42", "58"},
	"severity":  {"INFO", "WARN", "ERROR"},
	"event":     {"reading out of range", "link lost", "retry scheduled", "config reloaded", "queue full"},
}

// summaries are one-sentence summaries of wiki pages, by type.
var summaries = map[string][]string{
	"role": {"A {level}-level role that keeps the {domain} {thing} {state}.",
		"A {level}-level role that works with {actors} for {outcome}.",
		"The {level}-level role accountable for the {domain} {thing}."},
	"group": {"A {level}-level group in which {actors} agree on the {domain} {thing}.",
		"A {level}-level group that meets {when} for {outcome}.",
		"The {level}-level group that owns the {domain} {thing} together."},
	"event": {"A {level}-level event, held {when}, in which {actors} review the {domain} {thing}.",
		"A {level}-level event for {outcome}, held {when}.",
		"The {level}-level event in which the {domain} {thing} is made {state}."},
	"artifact": {"A {level}-level artifact that keeps the {domain} work {state}.",
		"The {level}-level record {actors} use for {outcome}.",
		"A {level}-level artifact, updated {when}, that makes the {domain} {thing} visible."},
}

// fill replaces each {slot} of tmpl with vars[slot] if set, else with a
// random phrase from slots, filled in turn.
func fill(r *rand.Rand, tmpl string, vars map[string]string) string {
	var b strings.Builder
	fillTo(&b, r, tmpl, vars)
	return b.String()
}

func fillTo(b *strings.Builder, r *rand.Rand, tmpl string, vars map[string]string) {
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			return
		}
		end := open + strings.IndexByte(tmpl[open:], '}')
		b.WriteString(tmpl[:open])
		name := tmpl[open+1 : end]
		if v, ok := vars[name]; ok {
			b.WriteString(v)
		} else {
			fillTo(b, r, pick(r, slots[name]), vars)
		}
		tmpl = tmpl[end+1:]
	}
}

// summary is a wiki page's one-sentence summary.
func summary(r *rand.Rand, typ, level string) string {
	return fill(r, pick(r, summaries[typ]), map[string]string{"level": level})
}

// criteria are the templates of acceptance criteria.
var criteria = []string{
	"{actors} see the result within {n} {unit}",
	"works for the EU and US variants",
	"{check}",
	"the {metric} is measured before and after",
	"tested on {n} devices in the lab",
	"documented in the {thing}",
}

// acceptance returns n acceptance criteria.
func acceptance(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i, t := range sample(r, criteria, n) {
		out[i] = fill(r, t, nil)
	}
	return out
}

// sentence capitalises a filled template.
func sentence(r *rand.Rand, tmpl string, vars map[string]string) string {
	s := fill(r, tmpl, vars)
	return strings.ToUpper(s[:1]) + s[1:]
}
