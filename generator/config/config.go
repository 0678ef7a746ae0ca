// Package config reads site.toml: defaults first, then strict decoding (an
// unknown key is an error naming the key and its line), then validation.
//
// Every key a site may set is a field below and is declared once in Keys
// (keys.go), with its type, default and meaning; docs/configuration.md, the
// reference for authors, is written from that declaration.
package config

import (
	"slices"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// Config is a site's configuration after defaults and validation.
type Config struct {
	Title    string `toml:"title"`
	BaseURL  string `toml:"baseURL"`
	Language string `toml:"language"`
	// DefaultLanguage is the language of the pages' own files, published
	// at the root; after Parse it is set (to Language unless site.toml
	// says otherwise), and Language equals it.
	DefaultLanguage         string              `toml:"defaultLanguage"`
	DefaultLanguageInSubdir bool                `toml:"defaultLanguageInSubdir"`
	Languages               map[string]Language `toml:"languages"`
	Theme                   string              `toml:"theme"`
	EditURL                 string              `toml:"editURL"`
	Levels                  []string            `toml:"levels"`

	Build     Build                    `toml:"build"`
	Types     map[string]Type          `toml:"types"`
	Relations map[string]Relation      `toml:"relations"`
	Backlog   Backlog                  `toml:"backlog"`
	Roadmap   Roadmap                  `toml:"roadmap"`
	History   History                  `toml:"history"`
	Forecast  Forecast                 `toml:"forecast"`
	Glossary  map[string]GlossaryEntry `toml:"glossary"`

	// TypeOrder lists the type names: the built-in ones first, in their
	// fixed order, then the site's own in the order site.toml declares them.
	TypeOrder []string `toml:"-"`
	// RelationOrder lists relation names in vocabulary order: built-in
	// first, then the site's own in declaration order.
	RelationOrder []string `toml:"-"`
	// LanguageOrder lists the site's languages: the default first, then
	// the others in the order site.toml declares them. A site without
	// [languages] has its one language.
	LanguageOrder []string `toml:"-"`
	// GlossaryOrder lists the ids of Glossary in the order site.toml
	// declares them.
	GlossaryOrder []string `toml:"-"`
}

// Build holds the [build] table.
type Build struct {
	Minify      bool   `toml:"minify"`
	UnsafeHTML  bool   `toml:"unsafeHTML"`
	BrokenLinks string `toml:"brokenLinks"` // "error" (the default) or "warning": how a link inside the site that leads nowhere is reported
}

// Type is a page type: its singular and plural labels.
type Type struct {
	Label  string `toml:"label"`
	Plural string `toml:"plural"`
}

// Relation is one entry of the relation vocabulary (content model §3).
// From and To list allowed source and target types; empty means any, and
// the target type "same" means the source's own type.
type Relation struct {
	Label   string   `toml:"label"`
	Inverse string   `toml:"inverse"`
	From    []string `toml:"from"`
	To      []string `toml:"to"`
	Acyclic bool     `toml:"acyclic"`
}

// Backlog holds the [backlog] table (content model §4).
type Backlog struct {
	Kinds          []string `toml:"kinds"`
	Statuses       []string `toml:"statuses"`
	Ready          []string `toml:"ready"`
	Done           []string `toml:"done"`
	Dropped        []string `toml:"dropped"`
	Active         []string `toml:"active"` // statuses in which work has started: an item's first day in one is when it started
	DoR            []string `toml:"dor"`
	Horizon        int      `toml:"horizon"`
	IterationWeeks int      `toml:"iteration_weeks"`
}

// GlossaryEntry is one [glossary.<id>] table: what a site changes in a
// built-in glossary entry, or a new entry. A nil field is not set.
type GlossaryEntry struct {
	Title      *string   `toml:"title"`
	Definition *string   `toml:"definition"`
	Synonyms   *[]string `toml:"synonyms"`
	Link       *bool     `toml:"link"`
	Disabled   *bool     `toml:"disabled"`
}

// Roadmap holds the [roadmap] table: the cycle grid of the roadmap
// timeline. Iterations inside a cycle are [backlog].iteration_weeks long;
// the weeks of a cycle after its last whole iteration are its inter-cycle
// time.
type Roadmap struct {
	CycleWeeks int       `toml:"cycle_weeks"` // weeks per cycle; 0 draws no cycles
	CycleStart time.Time `toml:"cycle_start"` // first day of one cycle; zero: the earliest release's start
}

// History holds the [history] table: what the site's git history adds to
// its pages (docs/history.md).
type History struct {
	Enabled  bool   `toml:"enabled"`  // read the history when the site is in a git work tree
	Authors  bool   `toml:"authors"`  // publish commit authors' names
	TimeZone string `toml:"timeZone"` // the zone calendar days are counted in, an IANA name
	URL      string `toml:"url"`      // a file's history page, {path} standing for its path from the repository's top

	// Location is TimeZone, loaded.
	Location *time.Location `toml:"-"`
}

// Forecast holds the [forecast] table: how forecasts sample each
// backlog's history (docs/forecasting.md).
type Forecast struct {
	Window      int     `toml:"window"`      // complete iterations sampled, the most recent
	Trials      int     `toml:"trials"`      // futures simulated per backlog
	Percentiles []int   `toml:"percentiles"` // ascending, 1–99
	Unit        string  `toml:"unit"`        // "points" or "items"
	Confidence  float64 `toml:"confidence"`  // a release less likely than this to finish by its end is at risk
}

// HistoryPathToken stands in [history].url for a file's path.
const HistoryPathToken = "{path}"

// TypeLabel returns the singular label of type t, or t itself.
func (c *Config) TypeLabel(t string) string {
	if ty, ok := c.Types[t]; ok && ty.Label != "" {
		return ty.Label
	}
	return t
}

// TypePlural returns the plural label of type t.
func (c *Config) TypePlural(t string) string {
	if ty, ok := c.Types[t]; ok && ty.Plural != "" {
		return ty.Plural
	}
	return generator.Plural(c.TypeLabel(t))
}

// HasLevel reports whether l is one of the site's levels.
func (c *Config) HasLevel(l string) bool { return slices.Contains(c.Levels, l) }
