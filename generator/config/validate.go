package config

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/backlight-wiki/backlight/generator"
)

// DoRFields are the item fields a definition of ready may require.
var DoRFields = []string{"estimate", "value", "acceptance", "release", "parent", "team", "source", "tags"}

var (
	nameRE     = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	glossaryRE = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)
	relationRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// validate checks the decoded configuration and normalises the base URL.
func validate(c *Config, file string, src []byte, diags *generator.Diagnostics) {
	at := func(path ...string) generator.Pos { return Locate(file, src, path...) }
	validateURLs(c, at, diags)
	if c.Theme == "" || strings.ContainsAny(c.Theme, `/\.`) {
		diags.Errorf(at("theme"), "theme %q must be a folder name under themes/, without slashes or dots", c.Theme)
	}
	checkList(diags, at("levels"), "levels", c.Levels, nameRE)
	for _, name := range c.TypeOrder {
		if !nameRE.MatchString(name) {
			diags.Errorf(at("types", name), "type name %q must be lower-case letters, digits and hyphens", name)
		}
	}
	for _, name := range c.RelationOrder {
		validateRelation(c, name, at, diags)
	}
	validateBacklog(&c.Backlog, at, diags)
	for _, id := range c.GlossaryOrder {
		validateGlossaryEntry(id, c.Glossary[id], at, diags)
	}
	if c.Build.BrokenLinks != "error" && c.Build.BrokenLinks != "warning" {
		diags.Errorf(at("build", "brokenLinks"), "build.brokenLinks must be %q or %q (for a migration), not %q", "error", "warning", c.Build.BrokenLinks)
	}
	validateHistory(&c.History, at, diags)
	validateForecast(&c.Forecast, at, diags)
	if c.Roadmap.CycleWeeks < 0 {
		diags.Errorf(at("roadmap", "cycle_weeks"), "roadmap.cycle_weeks must be 0 (no cycles) or more, not %d", c.Roadmap.CycleWeeks)
	}
}

func validateForecast(f *Forecast, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	if f.Window < 1 || f.Window > 100 {
		diags.Errorf(at("forecast", "window"), "forecast.window must be from 1 to 100 iterations, not %d", f.Window)
	}
	if f.Trials < 100 || f.Trials > 1_000_000 {
		diags.Errorf(at("forecast", "trials"), "forecast.trials must be from 100 to 1000000, not %d", f.Trials)
	}
	if len(f.Percentiles) == 0 {
		diags.Errorf(at("forecast", "percentiles"), "forecast.percentiles must name at least one percentile, such as [50, 85, 95]")
	}
	for i, p := range f.Percentiles {
		if p < 1 || p > 99 || i > 0 && p <= f.Percentiles[i-1] {
			diags.Errorf(at("forecast", "percentiles"), "forecast.percentiles must be ascending, each from 1 to 99: %v", f.Percentiles)
			break
		}
	}
	if f.Unit != "points" && f.Unit != "items" {
		diags.Errorf(at("forecast", "unit"), "forecast.unit must be %q or %q, not %q", "points", "items", f.Unit)
	}
	if !(f.Confidence > 0 && f.Confidence < 1) {
		diags.Errorf(at("forecast", "confidence"), "forecast.confidence must be more than 0 and less than 1, not %v", f.Confidence)
	}
}

func validateHistory(h *History, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	loc, err := time.LoadLocation(h.TimeZone)
	if err != nil || h.TimeZone == "" || h.TimeZone == "Local" {
		diags.Errorf(at("history", "timeZone"), "history.timeZone %q is not a time zone: give an IANA name such as UTC or Europe/Berlin", h.TimeZone)
		loc = time.UTC
	}
	h.Location = loc
	if h.URL == "" {
		return
	}
	if u, err := url.Parse(strings.ReplaceAll(h.URL, HistoryPathToken, "x")); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		diags.Errorf(at("history", "url"), "history.url %q must be an http(s) URL", h.URL)
	} else if !strings.Contains(h.URL, HistoryPathToken) {
		diags.Errorf(at("history", "url"), "history.url %q must contain %s, where each file's path goes", h.URL, HistoryPathToken)
	}
}

func validateURLs(c *Config, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	u, err := url.Parse(c.BaseURL)
	switch {
	case err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme == "" && !strings.HasPrefix(c.BaseURL, "/")):
		diags.Errorf(at("baseURL"), "baseURL %q must be an http(s) URL or a path starting with /", c.BaseURL)
	case u.Host == "":
		const need = "the sitemap, feeds and canonical links need an absolute URL such as https://wiki.example.org/"
		if pos := at("baseURL"); pos.Line > 0 {
			diags.Warnf(pos, "baseURL %q has no host: %s", c.BaseURL, need)
		} else {
			pos = at("title") // where a reader of the file looks first
			pos.Line = max(pos.Line, 1)
			diags.Warnf(pos, "baseURL is not set: %s", need)
		}
		fallthrough
	case !strings.HasSuffix(c.BaseURL, "/"):
		if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	if c.EditURL == "" {
		return
	}
	if u, err := url.Parse(c.EditURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		diags.Errorf(at("editURL"), "editURL %q must be an http(s) URL", c.EditURL)
	}
}

func validateRelation(c *Config, name string, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	r := c.Relations[name]
	pos := at("relations", name)
	if !relationRE.MatchString(name) {
		diags.Errorf(pos, "relation name %q must be lower-case letters, digits and underscores", name)
	}
	if r.Label == "" {
		diags.Errorf(pos, "relation %q needs a label", name)
	}
	if r.Inverse == "" {
		diags.Errorf(pos, "relation %q needs an inverse label", name)
	}
	for _, field := range []string{"from", "to"} {
		list := r.From
		if field == "to" {
			list = r.To
		}
		for _, t := range list {
			if _, ok := c.Types[t]; !ok && !(field == "to" && t == "same") {
				diags.Errorf(at("relations", name, field), "relation %q: unknown type %q in %s%s",
					name, t, field, generator.DidYouMean(t, c.TypeOrder))
			}
		}
	}
}

func validateBacklog(b *Backlog, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	checkList(diags, at("backlog", "kinds"), "backlog.kinds", b.Kinds, nameRE)
	checkList(diags, at("backlog", "statuses"), "backlog.statuses", b.Statuses, nameRE)
	if at("backlog", "active").Line == 0 {
		// a key added after sites chose their own statuses: its default
		// keeps only the statuses the site has
		b.Active = slices.DeleteFunc(b.Active, func(s string) bool { return !slices.Contains(b.Statuses, s) })
	}
	for _, f := range []struct {
		key  string
		list []string
	}{{"ready", b.Ready}, {"done", b.Done}, {"dropped", b.Dropped}, {"active", b.Active}} {
		for _, s := range f.list {
			if !slices.Contains(b.Statuses, s) {
				diags.Errorf(at("backlog", f.key), "backlog.%s names %q, which is not one of backlog.statuses (%s)",
					f.key, s, strings.Join(b.Statuses, ", "))
			}
		}
	}
	for _, f := range b.DoR {
		if !slices.Contains(DoRFields, f) {
			diags.Errorf(at("backlog", "dor"), "backlog.dor names %q, which is not an item field (%s)%s",
				f, strings.Join(DoRFields, ", "), generator.DidYouMean(f, DoRFields))
		}
	}
	if b.Horizon < 1 {
		diags.Errorf(at("backlog", "horizon"), "backlog.horizon must be at least 1, not %d", b.Horizon)
	}
	if b.IterationWeeks < 1 {
		diags.Errorf(at("backlog", "iteration_weeks"), "backlog.iteration_weeks must be at least 1, not %d", b.IterationWeeks)
	}
}

// checkList reports an empty list, a malformed entry and a duplicate.
func checkList(diags *generator.Diagnostics, pos generator.Pos, key string, list []string, re *regexp.Regexp) {
	if len(list) == 0 {
		diags.Errorf(pos, "%s must not be empty", key)
	}
	for i, s := range list {
		if !re.MatchString(s) {
			diags.Errorf(pos, "%s: %q must be lower-case letters, digits and hyphens", key, s)
		}
		if slices.Index(list, s) < i {
			diags.Errorf(pos, "%s: %q is listed twice", key, s)
		}
	}
}

// validateGlossaryEntry checks one [glossary.<id>] table. Whether a new
// entry has a title and a definition is checked where the built-in
// entries are known (package glossary).
func validateGlossaryEntry(id string, e GlossaryEntry, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	if !glossaryRE.MatchString(id) {
		diags.Errorf(at("glossary", id), "glossary id %q must be lower-case letters, digits, hyphens and underscores, starting with a letter", id)
	}
	for _, f := range []struct {
		key string
		v   *string
	}{{"title", e.Title}, {"definition", e.Definition}} {
		if f.v != nil && strings.TrimSpace(*f.v) == "" {
			diags.Errorf(at("glossary", id, f.key), "glossary.%s.%s must not be empty", id, f.key)
		}
	}
	if e.Synonyms == nil {
		return
	}
	for i, s := range *e.Synonyms {
		if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			diags.Errorf(at("glossary", id, "synonyms"), "glossary.%s.synonyms: %q has no letter or digit", id, s)
		}
		if slices.Index(*e.Synonyms, s) < i {
			diags.Errorf(at("glossary", id, "synonyms"), "glossary.%s.synonyms: %q is listed twice", id, s)
		}
	}
}
