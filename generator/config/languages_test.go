package config

import (
	"slices"
	"strings"
	"testing"
)

func TestLanguagesAreOrderedDefaultFirst(t *testing.T) {
	c := parseClean(t, `
defaultLanguage = "de"
[languages.en]
name = "English"
[languages.fr]
[languages.de]
title = "Prozess-Wiki"
`)
	if c.DefaultLanguage != "de" || c.Language != "de" {
		t.Errorf("got default %q, language %q, want de for both", c.DefaultLanguage, c.Language)
	}
	if want := []string{"de", "en", "fr"}; !slices.Equal(c.LanguageOrder, want) {
		t.Errorf("LanguageOrder: got %v, want %v", c.LanguageOrder, want)
	}
	if want := []string{"en", "fr"}; !slices.Equal(c.Translated(), want) {
		t.Errorf("Translated: got %v, want %v", c.Translated(), want)
	}
	if !c.Multilingual() {
		t.Error("Multilingual: got false for a site with [languages]")
	}
	for code, want := range map[string]string{"de": "Deutsch", "en": "English", "fr": "fr"} {
		if got := c.LanguageName(code); got != want {
			t.Errorf("LanguageName(%q): got %q, want %q", code, got, want)
		}
	}
}

func TestOneLanguageWithoutTheTable(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{``, "en"},
		{`language = "de"`, "de"},
		{`defaultLanguage = "pt-br"`, "pt-br"},
		{"language = \"nl\"\ndefaultLanguage = \"nl\"", "nl"},
		{`language = "en-US"`, "en-US"},
	} {
		c := parseClean(t, tt.src)
		if c.DefaultLanguage != tt.want || c.Language != tt.want || !slices.Equal(c.LanguageOrder, []string{tt.want}) {
			t.Errorf("%q: got default %q, language %q, order %v; want %s", tt.src, c.DefaultLanguage, c.Language, c.LanguageOrder, tt.want)
		}
		if c.Multilingual() || len(c.Translated()) != 0 {
			t.Errorf("%q: got multilingual %v, translated %v; want one language", tt.src, c.Multilingual(), c.Translated())
		}
	}
}

func TestLanguageProblemsNameTheirLine(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"default not among the languages", "defaultLanguage = \"fr\"\n[languages.en]\n[languages.de]\n",
			[]string{`site.toml:1:1: the default language "fr" has no [languages.fr] table (languages: en, de)`}},
		{"default en implied but missing", "[languages.de]\n",
			[]string{`site.toml:1:1: the default language "en" has no [languages.en] table (languages: de)`}},
		{"a code in capitals", "[languages.en]\n[languages.DE]\n",
			[]string{`site.toml:2:1: language code "DE" must be lower-case letters with optional subtags, such as de or pt-br`}},
		{"the two names disagree", "language = \"en\"\ndefaultLanguage = \"de\"\n",
			[]string{`site.toml:1:1: language "en" and defaultLanguage "de" disagree`}},
		{"not a code", "language = \"English\"\n",
			[]string{`site.toml:1:1: language "English" must be a language code such as en, de or en-US`}},
		{"a default in capitals with languages", "defaultLanguage = \"en-US\"\n[languages.en-us]\n",
			[]string{`site.toml:1:1: the default language "en-US" has no [languages.en-US] table (languages: en-us)`}},
		{"subdir without languages", "defaultLanguageInSubdir = true\n",
			[]string{`site.toml:1:1: defaultLanguageInSubdir needs a [languages] table`}},
		{"labels of an unknown relation", "[languages.en]\n[languages.de.relations.moderate]\nlabel = \"moderiert\"\n",
			[]string{`site.toml:2:1: [languages.de.relations.moderate]: there is no relation "moderate" (did you mean "moderates"?)`}},
		{"labels of an unknown type", "[languages.en]\n[languages.de.types.roles]\nlabel = \"Rolle\"\n",
			[]string{`site.toml:2:1: [languages.de.types.roles]: there is no type "roles" (did you mean "role"?)`}},
		{"an unknown key", "[languages.en]\n[languages.de]\nnmae = \"Deutsch\"\n",
			[]string{`site.toml:3:1: unknown key "languages.de.nmae" in site.toml (did you mean "name"?)`}},
		{"an unknown key in relation labels", "[languages.en]\n[languages.de.relations.moderates]\nlable = \"moderiert\"\n",
			[]string{`site.toml:3:1: unknown key "languages.de.relations.moderates.lable" in site.toml (did you mean "label"?)`}},
	} {
		_, diags := parse(t, tt.src)
		for _, w := range tt.want {
			if !slices.ContainsFunc(diags, func(d string) bool { return strings.HasPrefix(d, w) }) {
				t.Errorf("%s: missing\n\t%s\ngot:\n\t%s", tt.name, w, strings.Join(diags, "\n\t"))
			}
		}
		if len(diags) != len(tt.want) {
			t.Errorf("%s: got %d diagnostics, want %d:\n\t%s", tt.name, len(diags), len(tt.want), strings.Join(diags, "\n\t"))
		}
	}
}

func TestRelationLabelsPerLanguage(t *testing.T) {
	c := parseClean(t, `
[languages.en]
[languages.de]
[languages.fr]
[languages.de.relations.moderates]
inverse = "wird geleitet von"
[languages.fr.relations.part_of]
label = "fait partie de"
[relations.attends]
label = "takes part in"
[relations.reviews]
label = "reviews"
inverse = "is reviewed by"
`)
	for _, tt := range []struct {
		lang, rel string
		want      RelationLabels
	}{
		{"en", "part_of", RelationLabels{"is part of", "consists of"}},
		{"de", "part_of", RelationLabels{"ist Teil von", "besteht aus"}},
		{"de", "moderates", RelationLabels{"moderiert", "wird geleitet von"}},      // the site's inverse over the built-in label
		{"fr", "part_of", RelationLabels{"fait partie de", "consists of"}},         // no French built in: the site's label, the English inverse
		{"en", "attends", RelationLabels{"takes part in", "is attended by"}},       // the site's own English label
		{"de", "attends", RelationLabels{"nimmt teil an", "hat als Teilnehmende"}}, // German is built in for a built-in relation
		{"de", "reviews", RelationLabels{"reviews", "is reviewed by"}},             // a site's own relation without German labels
		{"en", "reviews", RelationLabels{"reviews", "is reviewed by"}},
	} {
		if got := c.RelationLabelsIn(tt.lang, tt.rel); got != tt.want {
			t.Errorf("RelationLabelsIn(%s, %s): got %+v, want %+v", tt.lang, tt.rel, got, tt.want)
		}
	}
	for _, tt := range []struct {
		lang, typ string
		want      Type
	}{
		{"en", "role", Type{"Role", "Roles"}},
		{"de", "role", Type{"Rolle", "Rollen"}},
		{"fr", "role", Type{"Role", "Roles"}},
		{"de", "item", Type{"Backlog-Eintrag", "Backlog-Einträge"}},
	} {
		if got := c.TypeIn(tt.lang, tt.typ); got != tt.want {
			t.Errorf("TypeIn(%s, %s): got %+v, want %+v", tt.lang, tt.typ, got, tt.want)
		}
	}
	// A German site gets German labels in its default language, but
	// those it wrote itself stay.
	de := parseClean(t, "language = \"de\"\n[types.group]\nlabel = \"Runde\"\nplural = \"Runden\"\n[relations.attends]\nlabel = \"besucht\"\n")
	for _, tt := range []struct {
		lang, typ string
		want      Type
	}{
		{"de", "role", Type{"Rolle", "Rollen"}},
		{"de", "group", Type{"Runde", "Runden"}},
	} {
		if got := de.TypeIn(tt.lang, tt.typ); got != tt.want {
			t.Errorf("German site: TypeIn(%s, %s): got %+v, want %+v", tt.lang, tt.typ, got, tt.want)
		}
	}
	if got, want := de.RelationLabelsIn("de", "attends"), (RelationLabels{"besucht", "is attended by"}); got != want {
		t.Errorf("German site: RelationLabelsIn(de, attends): got %+v, want %+v", got, want)
	}
	if got, want := de.RelationLabelsIn("de", "part_of"), (RelationLabels{"ist Teil von", "besteht aus"}); got != want {
		t.Errorf("German site: RelationLabelsIn(de, part_of): got %+v, want %+v", got, want)
	}
}

func TestEveryBuiltInRelationAndTypeHasGermanLabels(t *testing.T) {
	c := Default()
	for _, name := range c.RelationOrder {
		if l, ok := builtinLabels["de"][name]; !ok || l.Label == "" || l.Inverse == "" {
			t.Errorf("relation %s: no German label and inverse", name)
		}
	}
	for _, name := range c.TypeOrder {
		if l, ok := builtinTypeLabels["de"][name]; !ok || l.Label == "" || l.Plural == "" {
			t.Errorf("type %s: no German label and plural", name)
		}
	}
	if len(builtinLabels["de"]) != len(c.RelationOrder) || len(builtinTypeLabels["de"]) != len(c.TypeOrder) {
		t.Errorf("German labels for %d relations and %d types, want %d and %d: one for a relation or type that does not exist",
			len(builtinLabels["de"]), len(builtinTypeLabels["de"]), len(c.RelationOrder), len(c.TypeOrder))
	}
}
