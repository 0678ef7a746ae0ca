package config

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// Language is one [languages.<code>] table: a language the site is
// published in. Without any, the site has one language, Config.Language.
type Language struct {
	Name      string                    `toml:"name"`      // the language's name in itself, for the switcher ("Deutsch")
	Title     string                    `toml:"title"`     // the site's title in the language; "": Config.Title
	Relations map[string]RelationLabels `toml:"relations"` // relation labels in the language, over the built-in ones
	Types     map[string]Type           `toml:"types"`     // type labels in the language, over the built-in ones
}

// RelationLabels are how a relation reads in one language.
type RelationLabels struct {
	Label   string `toml:"label"`
	Inverse string `toml:"inverse"`
}

// langRE is what a language code may be: a BCP 47 primary tag, lower
// case, with optional subtags ("en", "de", "pt-br"). It is a folder of
// the published site and part of file names (page.de.md).
var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// tagRE is what the language of a site with one language may be: any
// BCP 47 tag, in the case it is usually written ("en-US"), since it names
// no folder or file.
var tagRE = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// builtinLanguageNames are the names of the languages whose labels are
// built in, as the switcher shows them: each in itself.
var builtinLanguageNames = map[string]string{"en": "English", "de": "Deutsch"}

// builtinLabels are the built-in relations' labels in the languages other
// than English that Backlight knows (English is builtinRelations).
var builtinLabels = map[string]map[string]RelationLabels{
	"de": {
		"is_a":               {"ist eine Art von", "hat die Unterarten"},
		"part_of":            {"ist Teil von", "besteht aus"},
		"member_of":          {"ist Mitglied von", "hat als Mitglieder"},
		"moderates":          {"moderiert", "wird moderiert von"},
		"responsible_for":    {"ist verantwortlich für", "liegt in der Verantwortung von"},
		"approves":           {"genehmigt", "wird genehmigt von"},
		"accepts":            {"nimmt ab", "wird abgenommen von"},
		"organizes":          {"organisiert", "wird organisiert von"},
		"attends":            {"nimmt teil an", "hat als Teilnehmende"},
		"optionally_attends": {"nimmt optional teil an", "hat als optionale Teilnehmende"},
		"creates":            {"erstellt", "wird erstellt von"},
		"works_in":           {"arbeitet im", "ist der Grundrhythmus von"},
		"adapted_in":         {"wird angepasst in", "passt an"},
		"inspected_in":       {"wird überprüft in", "überprüft"},
		"created_in":         {"wird erstellt in", "erzeugt"},
		"constrained_by":     {"wird eingeschränkt durch", "schränkt ein"},
		"in_area":            {"gehört zum Bereich", "umfasst"},
	},
}

// builtinTypeLabels are the built-in types' labels in the languages other
// than English that Backlight knows.
var builtinTypeLabels = map[string]map[string]Type{
	"de": {
		"role":     {Label: "Rolle", Plural: "Rollen"},
		"group":    {Label: "Gruppe", Plural: "Gruppen"},
		"event":    {Label: "Ereignis", Plural: "Ereignisse"},
		"artifact": {Label: "Artefakt", Plural: "Artefakte"},
		"cadence":  {Label: "Kadenz", Plural: "Kadenzen"},
		"area":     {Label: "Bereich", Plural: "Bereiche"},
		"page":     {Label: "Seite", Plural: "Seiten"},
		"backlog":  {Label: "Backlog", Plural: "Backlogs"},
		"item":     {Label: "Backlog-Eintrag", Plural: "Backlog-Einträge"},
		"release":  {Label: "Release", Plural: "Releases"},
	},
}

// Multilingual reports whether the site is published in more than one
// language, or in one under [languages].
func (c *Config) Multilingual() bool { return len(c.Languages) > 0 }

// Translated lists the languages other than the default, in the order
// site.toml declares them: the languages a page may have translations in.
func (c *Config) Translated() []string {
	var out []string
	for _, l := range c.LanguageOrder {
		if l != c.DefaultLanguage {
			out = append(out, l)
		}
	}
	return out
}

// LanguageName is the name the language switcher shows for code.
func (c *Config) LanguageName(code string) string {
	if l, ok := c.Languages[code]; ok && l.Name != "" {
		return l.Name
	}
	if n, ok := builtinLanguageNames[code]; ok {
		return n
	}
	return code
}

// RelationLabelsIn returns how relation name reads in language lang: the
// site's [languages.<lang>.relations.<name>] over the built-in labels of
// the language, over the relation's own label and inverse. In the default
// language the site's own labels win over the built-in ones when the site
// changed them from the built-in English.
func (c *Config) RelationLabelsIn(lang, name string) RelationLabels {
	r := c.Relations[name]
	out := RelationLabels{Label: r.Label, Inverse: r.Inverse}
	if b, ok := builtinLabels[lang][name]; ok && (lang != c.DefaultLanguage || !c.relationChanged(name)) {
		out = b
	}
	l := c.Languages[lang].Relations[name]
	return RelationLabels{Label: cmp.Or(l.Label, out.Label), Inverse: cmp.Or(l.Inverse, out.Inverse)}
}

// relationChanged reports whether the site's own labels of relation name
// differ from the built-in English ones (a site's own relation has none).
func (c *Config) relationChanged(name string) bool {
	r := c.Relations[name]
	for _, b := range builtinRelations {
		if b.name == name {
			return b.rel.Label != r.Label || b.rel.Inverse != r.Inverse
		}
	}
	return true
}

// TypeIn returns the labels of type t in language lang, as
// RelationLabelsIn does for relations.
func (c *Config) TypeIn(lang, t string) Type {
	out := Type{Label: c.TypeLabel(t), Plural: c.TypePlural(t)}
	if b, ok := builtinTypeLabels[lang][t]; ok && (lang != c.DefaultLanguage || !c.typeChanged(t)) {
		out = b
	}
	l := c.Languages[lang].Types[t]
	return Type{Label: cmp.Or(l.Label, out.Label), Plural: cmp.Or(l.Plural, out.Plural)}
}

// typeChanged reports whether the site's own labels of type t differ from
// the built-in English ones (a site's own type has none).
func (c *Config) typeChanged(t string) bool {
	for _, b := range generator.BuiltinTypes() {
		if b.Name == t {
			return b.Label != c.TypeLabel(t) || b.Plural != c.TypePlural(t)
		}
	}
	return true
}

// validateLanguages checks defaultLanguage and [languages] and completes
// LanguageOrder and DefaultLanguage.
// order is the languages in the order site.toml declares them;
// languageSet and defaultSet say whether it sets language and
// defaultLanguage, the older and the newer name of one setting.
func validateLanguages(c *Config, order []string, languageSet, defaultSet bool, at func(...string) generator.Pos, diags *generator.Diagnostics) {
	switch {
	case languageSet && defaultSet && c.Language != c.DefaultLanguage:
		diags.Errorf(at("language"), "language %q and defaultLanguage %q disagree: set defaultLanguage only (language is the older name of the same setting)", c.Language, c.DefaultLanguage)
	case languageSet:
		c.DefaultLanguage = c.Language
	default:
		c.Language = c.DefaultLanguage
	}
	if !tagRE.MatchString(c.DefaultLanguage) {
		key := "defaultLanguage"
		if !defaultSet {
			key = "language"
		}
		diags.Errorf(at(key), "%s %q must be a language code such as en, de or en-US", key, c.DefaultLanguage)
	}
	if len(c.Languages) == 0 {
		c.LanguageOrder = []string{c.DefaultLanguage}
		if c.DefaultLanguageInSubdir {
			diags.Errorf(at("defaultLanguageInSubdir"), "defaultLanguageInSubdir needs a [languages] table that lists the site's languages")
		}
		return
	}
	if _, ok := c.Languages[c.DefaultLanguage]; !ok {
		pos := at("defaultLanguage")
		if pos.Line == 0 && len(order) > 0 {
			pos = at("languages", order[0])
		}
		diags.Errorf(pos, "the default language %q has no [languages.%s] table (languages: %s)", c.DefaultLanguage, c.DefaultLanguage, strings.Join(order, ", "))
	}
	c.LanguageOrder = []string{c.DefaultLanguage}
	for _, code := range order {
		if !langRE.MatchString(code) {
			diags.Errorf(at("languages", code), "language code %q must be lower-case letters with optional subtags, such as de or pt-br", code)
			continue
		}
		if code != c.DefaultLanguage {
			c.LanguageOrder = append(c.LanguageOrder, code)
		}
		l := c.Languages[code]
		for _, rel := range sortedKeys(l.Relations) {
			if _, ok := c.Relations[rel]; !ok {
				diags.Errorf(at("languages", code, "relations", rel), "[languages.%s.relations.%s]: there is no relation %q%s", code, rel, rel, generator.DidYouMean(rel, c.RelationOrder))
			}
		}
		for _, t := range sortedKeys(l.Types) {
			if _, ok := c.Types[t]; !ok {
				diags.Errorf(at("languages", code, "types", t), "[languages.%s.types.%s]: there is no type %q%s", code, t, t, generator.DidYouMean(t, c.TypeOrder))
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
