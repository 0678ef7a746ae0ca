package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/backlight-wiki/backlight/generator"
)

// Name stands in a key's path for a name the site chooses: a type or a
// relation, as in types.<name>.label.
const Name = "<name>"

// kind is what a key takes.
type kind int

const (
	kindTable kind = iota
	kindText
	kindBool
	kindInt
	kindNames
	kindDate
	kindNumber
	kindInts
)

// words names the kind for the configuration reference.
func (k kind) words() string {
	return [...]string{"table", "text", "true or false", "whole number", "list of names", "date", "number", "list of whole numbers"}[k]
}

// expected says what the kind takes, for a type error.
func (k kind) expected() string {
	return [...]string{"a table", "text in quotes", "true or false", "a whole number",
		`a list of names in quotes, e.g. ["a", "b"]`, "a date like 2026-01-05, without quotes", "a number such as 0.85",
		"a list of whole numbers, e.g. [50, 85, 95]"}[k]
}

// target returns a pointer to a fresh Go value of the kind, to decode into.
func (k kind) target() any {
	switch k {
	case kindText:
		return new(string)
	case kindBool:
		return new(bool)
	case kindInt:
		return new(int)
	case kindNames:
		return new([]string)
	case kindDate:
		return new(time.Time)
	case kindNumber:
		return new(float64)
	case kindInts:
		return new([]int)
	}
	return new(map[string]any)
}

// Key declares one key site.toml accepts: the one place that says which
// keys exist, what they take, their defaults and what they mean. Parse
// checks the file's keys against it (exactly, case included), type errors
// say what it says a key takes, and docs/configuration.md is written from it.
type Key struct {
	Path    string // dotted TOML path, Name for a name the site chooses: "build.brokenLinks", "types.<name>.label"
	Type    string // what the key takes, in words: "text", "list of names", "table"
	Default string // the default as TOML ("13", `"error"`), from Default(); a phrase for keys under a Name; "" for none
	Doc     string // one line on what it means

	kind kind
}

// IsTable reports whether the key is a table ([build], [types.<name>]).
func (k Key) IsTable() bool { return k.kind == kindTable }

// Keys returns every key site.toml accepts, in the order of the
// configuration reference: the top-level keys, then each table and its
// keys. Defaults are read from Default().
func Keys() []Key {
	decl := []struct {
		path string
		kind kind
		dflt string // only for keys under a Name, whose defaults Default() cannot give
		doc  string
	}{
		{"title", kindText, "", "The site's name, shown in every page's header and title."},
		{"baseURL", kindText, "", "The address the site is published at, such as https://wiki.example.org/ (or a path starting with /); the sitemap, feeds and canonical links need an absolute URL, so a value without a host gets a warning. A missing final / is added."},
		{"language", kindText, "", "The older name of defaultLanguage: the language of the pages (their lang attribute), such as en, de or en-US."},
		{"defaultLanguage", kindText, "", "The language of the pages' own files, published at the site's root; none: language. With [languages] it must be one of them."},
		{"defaultLanguageInSubdir", kindBool, "", "Publish the default language under its code too (/en/roles/…/), with a page at the top that leads to it and names every language; the 404 page, robots.txt, the sitemap index, the icons and the theme's files stay at the top; needs [languages]."},
		{"theme", kindText, "", "A folder name under themes/ whose files override the embedded default theme, file by file."},
		{"editURL", kindText, "", "An http(s) address to which a page's path under content/ is appended for its \"edit this page\" link; none: no such links."},
		{"levels", kindNames, "", "The organisational levels a page's level and a backlog's level may name."},

		{"build", kindTable, "", "How pages are written."},
		{"build.minify", kindBool, "", "Minify the HTML, CSS, JavaScript, SVG, JSON and XML the build writes."},
		{"build.unsafeHTML", kindBool, "", "Keep raw HTML in Markdown and link targets other than http(s), mailto and relative ones; unless true they are dropped."},
		{"build.brokenLinks", kindText, "", "How a link inside the site that leads nowhere is reported: \"error\" or \"warning\" (for a migration)."},

		{"types", kindTable, "", "Page types: one `[types.<name>]` table per type, to relabel a built-in type or add one."},
		{"types." + Name, kindTable, "", "One page type; the name is lower-case letters, digits and hyphens."},
		{"types." + Name + ".label", kindText, "built-in: see below; a new type: its name", "The singular label shown for pages of the type."},
		{"types." + Name + ".plural", kindText, "built-in: see below; a new type: the label in the plural (\"Process\" → \"Processes\")", "The plural label, for lists."},

		{"relations", kindTable, "", "The relation vocabulary: one `[relations.<name>]` table per relation, to change a built-in one (the keys not given are kept) or add one."},
		{"relations." + Name, kindTable, "", "One relation; the name is lower-case letters, digits and underscores."},
		{"relations." + Name + ".label", kindText, "built-in: see below; required for a new relation", "How the relation reads on the page that declares it."},
		{"relations." + Name + ".inverse", kindText, "built-in: see below; required for a new relation", "How the relation reads on the pages it names."},
		{"relations." + Name + ".from", kindNames, "built-in: see below; a new relation: any type", "The types of page that may declare the relation; empty: any."},
		{"relations." + Name + ".to", kindNames, "built-in: see below; a new relation: any type", "The types of page it may name; empty: any; \"same\": the declaring page's own type."},
		{"relations." + Name + ".acyclic", kindBool, "built-in: see below; a new relation: false", "A cycle through the relation is an error naming the pages on it."},

		{"backlog", kindTable, "", "Backlog items: their kinds, statuses and readiness, and the forecast."},
		{"backlog.kinds", kindNames, "", "The kinds an item may have, in the order release notes list them."},
		{"backlog.statuses", kindNames, "", "The statuses an item may have."},
		{"backlog.ready", kindNames, "", "The statuses that count as refined (ready for work); each one of statuses."},
		{"backlog.done", kindNames, "", "The statuses of finished items; each one of statuses."},
		{"backlog.dropped", kindNames, "", "The statuses of items that will not be done; each one of statuses."},
		{"backlog.active", kindNames, "", "The statuses in which work on an item has started; its first day in one is when it started, for its cycle time (docs/history.md); each one of statuses."},
		{"backlog.dor", kindNames, "", "The definition of ready: the item fields a ready item must have (estimate, value, acceptance, release, parent, team, source, tags)."},
		{"backlog.horizon", kindInt, "", "The refinement horizon in iterations (at least 1): items forecast within it should be ready."},
		{"backlog.iteration_weeks", kindInt, "", "The length of an iteration in weeks (at least 1), unless a backlog sets its own."},

		{"roadmap", kindTable, "", "The cycle grid of the roadmap timeline."},
		{"roadmap.cycle_weeks", kindInt, "", "Weeks per cycle; iterations of backlog.iteration_weeks fill it from its first day and the rest is inter-cycle time; 0 draws no cycles."},
		{"roadmap.cycle_start", kindDate, "", "The first day of one cycle, as a TOML date without quotes (2026-01-05); none: the earliest release's start."},

		{"history", kindTable, "", "What the site's git history adds: when each page was last updated, each item's status timeline and the list of changes (docs/history.md)."},
		{"history.enabled", kindBool, "", "Read the history when the site is inside a git work tree; false: no dates, the same site otherwise."},
		{"history.authors", kindBool, "", "Publish the names of commit authors (\"by …\" beside a page's date, in the change list); off by default, as they are personal data."},
		{"history.timeZone", kindText, "", "The time zone calendar days are counted in, an IANA name such as Europe/Berlin."},
		{"history.url", kindText, "", "An http(s) address of a file's history, {path} standing for the file's path from the repository's top, such as https://git.example.org/wiki/-/commits/main/{path}; none: the date is not a link."},

		{"forecast", kindTable, "", "Forecasts from each backlog's own history: throughput per iteration and Monte Carlo simulation of the work ahead (docs/forecasting.md)."},
		{"forecast.window", kindInt, "", "The complete iterations of history a forecast samples, the most recent ones (1 to 100)."},
		{"forecast.trials", kindInt, "", "The futures simulated for each backlog (100 to 1,000,000)."},
		{"forecast.percentiles", kindInts, "", "The percentiles a forecast gives dates for, ascending, each from 1 to 99."},
		{"forecast.unit", kindText, "", "What work is counted in: \"points\" (estimates) or \"items\" (each item one, whatever its estimate)."},
		{"forecast.confidence", kindNumber, "", "The probability of finishing a release's open scope by its end below which the release, and each item of it, is at risk, where they are forecast from measured throughput (more than 0, less than 1; docs/forecasting.md)."},

		{"languages", kindTable, "", "The languages the site is published in, one `[languages.<code>]` table each; none: one language, language. Every page is published in each; a translation is a file beside the page with the code before .md (roles/cpo.de.md)."},
		{"languages." + Name, kindTable, "", "One language; the code is lower-case letters with optional subtags (de, pt-br), and is the folder its pages are published under."},
		{"languages." + Name + ".name", kindText, "English for en, Deutsch for de; otherwise the code", "The language's name in itself, as the language switcher shows it."},
		{"languages." + Name + ".title", kindText, "title", "The site's title in the language."},
		{"languages." + Name + ".relations", kindTable, "", "Relation labels in the language: one `[languages.<code>.relations.<name>]` table per relation, over the built-in ones (English and German are built in)."},
		{"languages." + Name + ".relations." + Name, kindTable, "", "One relation's labels in the language."},
		{"languages." + Name + ".relations." + Name + ".label", kindText, "built-in for en and de; otherwise the relation's label", "How the relation reads on the page that declares it."},
		{"languages." + Name + ".relations." + Name + ".inverse", kindText, "built-in for en and de; otherwise the relation's inverse", "How the relation reads on the pages it names."},
		{"languages." + Name + ".types", kindTable, "", "Type labels in the language: one `[languages.<code>.types.<name>]` table per type, over the built-in ones."},
		{"languages." + Name + ".types." + Name, kindTable, "", "One type's labels in the language."},
		{"languages." + Name + ".types." + Name + ".label", kindText, "built-in for en and de; otherwise the type's label", "The singular label in the language."},
		{"languages." + Name + ".types." + Name + ".plural", kindText, "built-in for en and de; otherwise the type's plural", "The plural label in the language."},

		{"glossary", kindTable, "", "The glossary page (/glossary/), whose entries the pages link to where a term first appears: one `[glossary.<id>]` table per entry, to change a built-in entry, switch one off or add one."},
		{"glossary." + Name, kindTable, "", "One entry; the id is its anchor on the page: a built-in term's (docs/content-model.md lists them), a type's or a relation's name, or a new one of lower-case letters, digits, hyphens and underscores."},
		{"glossary." + Name + ".title", kindText, "built-in: see docs/content-model.md; required for a new entry", "The term as the glossary shows it; a type's or relation's entry has its label."},
		{"glossary." + Name + ".definition", kindText, "built-in: see docs/content-model.md; required for a new entry", "What the term means, in a sentence or two of plain text."},
		{"glossary." + Name + ".synonyms", kindNames, "built-in: see docs/content-model.md; a new entry: none", "Other words readers use for the term (\"sprint\" for an iteration); they replace the built-in ones, are shown as \"also called\", are linked like the title, and a search for one finds what the title finds."},
		{"glossary." + Name + ".link", kindBool, "built-in: see docs/content-model.md; a new entry: true", "Link the title and synonyms where they first appear in a page's text."},
		{"glossary." + Name + ".disabled", kindBool, "false", "Leave the entry out: no glossary entry, no links, no search synonyms."},
	}
	def := reflect.ValueOf(Default()).Elem()
	keys := make([]Key, 0, len(decl))
	for _, d := range decl {
		k := Key{Path: d.path, Type: d.kind.words(), Default: d.dflt, Doc: d.doc, kind: d.kind}
		if d.kind != kindTable && !strings.Contains(d.path, Name) {
			k.Default = tomlDefault(def, strings.Split(d.path, "."))
		}
		keys = append(keys, k)
	}
	return keys
}

// tomlDefault writes the value of Config v at the path of toml tags as
// TOML, or "" for an empty text or a zero date.
func tomlDefault(v reflect.Value, path []string) string {
	for _, name := range path {
		f, ok := fieldByTag(v.Type(), name)
		if !ok {
			return ""
		}
		v = v.FieldByIndex(f.Index)
	}
	switch x := v.Interface().(type) {
	case string:
		if x == "" {
			return ""
		}
		return fmt.Sprintf("%q", x)
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.Format(time.DateOnly)
	case []int:
		q := make([]string, len(x))
		for i, n := range x {
			q[i] = fmt.Sprint(n)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = fmt.Sprintf("%q", s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v.Interface())
}

// fieldByTag returns struct t's field whose toml tag is exactly name.
func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if tag, _, _ := strings.Cut(f.Tag.Get("toml"), ","); tag == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// keyIndex maps each declared path to its key.
func keyIndex(keys []Key) map[string]Key {
	m := make(map[string]Key, len(keys))
	for _, k := range keys {
		m[k.Path] = k
	}
	return m
}

// pattern returns the declared path a key of the file would have: the
// name of a type or relation becomes Name.
func pattern(k toml.Key) string {
	p := slices.Clone([]string(k))
	if len(p) >= 2 && (p[0] == "types" || p[0] == "relations" || p[0] == "glossary" || p[0] == "languages") {
		p[1] = Name
	}
	if len(p) >= 4 && p[0] == "languages" && (p[2] == "relations" || p[2] == "types") {
		p[3] = Name // [languages.<code>.relations.<name>]
	}
	return strings.Join(p, ".")
}

// unknownKeys reports every key of the file that is not declared, compared
// exactly: BurntSushi/toml would decode "baseurl" into BaseURL without a
// word, and with both "baseURL" and "baseurl" keep one of them.
func unknownKeys(md toml.MetaData, keys []Key, report func(k toml.Key, hint string)) {
	declared := map[string]bool{}
	for _, k := range keys {
		declared[k.Path] = true
	}
	for _, k := range md.Keys() {
		if declared[pattern(k)] {
			continue
		}
		parent := pattern(k[:len(k)-1])
		var siblings []string
		for _, d := range keys {
			dir, last, ok := cutLast(d.Path)
			if ok && dir == parent || !ok && len(k) == 1 {
				siblings = append(siblings, last)
			}
		}
		report(k, suggest(k[len(k)-1], siblings))
	}
}

// suggest names the declared key that differs from word only in case, or
// else the closest ones.
func suggest(word string, candidates []string) string {
	for _, c := range candidates {
		if strings.EqualFold(c, word) {
			return fmt.Sprintf(" (did you mean %q?)", c)
		}
	}
	return generator.DidYouMean(word, candidates)
}

// cutLast splits a path at its last dot; ok is false for a top-level key,
// whose last part is the path itself.
func cutLast(p string) (dir, last string, ok bool) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", p, false
	}
	return p[:i], p[i+1:], true
}
