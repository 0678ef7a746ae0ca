package content

import (
	"reflect"
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// bilingual are the options of a site in English (the default) and German.
var bilingual = func() Options {
	o := testOptions
	o.Languages, o.Default = []string{"de"}, "en"
	return o
}()

func loadIn(t *testing.T, opts Options, files map[string]string) (*Result, generator.Diagnostics) {
	t.Helper()
	res, diags := Load(mapFS(files), opts)
	if res == nil {
		t.Fatal("Load returned no result")
	}
	return res, diags
}

func TestTranslationsJoinTheirPage(t *testing.T) {
	res, diags := loadIn(t, bilingual, map[string]string{
		"roles/cpo.md":             "---\ntitle: Cluster Product Owner\nabbr: CPO\nlevel: cluster\n---\nOwns the cluster backlog.\n",
		"roles/cpo.de.md":          "---\ntitle: Cluster-Produktverantwortlicher\nabbr: CPV\nsummary: Verantwortet das Cluster-Backlog.\naliases: [Produktverantwortlicher]\ntags: [planung]\n---\n\nVerantwortet das Cluster-Backlog.\n",
		"backlogs/cb/_index.md":    "---\ntitle: Cluster Backlog\n---\n",
		"backlogs/cb/_index.de.md": "---\ntitle: Cluster-Backlog\n---\n",
		"backlogs/cb/cbi-1.md":     "---\ntitle: Fault log\nid: CBI-1\nacceptance: [arrives within 5 minutes]\n---\n",
		"backlogs/cb/cbi-1.de.md":  "---\ntitle: Fehlerprotokoll\nacceptance: [kommt innerhalb von 5 Minuten an]\n---\n",
		"_index.md":                "---\ntitle: Home\n---\n",
		"_index.de.md":             "---\ntitle: Startseite\n---\nWillkommen.\n",
		"roles/po.md":              "---\ntitle: Product Owner\n---\n",
	})
	if len(diags) > 0 {
		t.Fatalf("got diagnostics:\n%v\nwant none", lines(diags))
	}
	if len(res.Pages) != 4 {
		t.Errorf("got %d pages, want 4: a translation is not a page of its own", len(res.Pages))
	}
	cpo := page(t, res, "roles/cpo.md")
	want := &generator.Translation{Lang: "de", Path: "roles/cpo.de.md", File: "content/roles/cpo.de.md",
		Title: "Cluster-Produktverantwortlicher", Abbr: "CPV", Summary: "Verantwortet das Cluster-Backlog.",
		Tags: []string{"planung"}, Aliases: []generator.Ref{{Name: "Produktverantwortlicher", Pos: generator.Pos{File: "content/roles/cpo.de.md", Line: 5, Col: 11}}},
		Body: []byte("\nVerantwortet das Cluster-Backlog.\n"), BodyLine: 8}
	if got := cpo.Translations["de"]; !reflect.DeepEqual(got, want) {
		t.Errorf("got translation\n%+v\nwant\n%+v", got, want)
	}
	if cpo.Title != "Cluster Product Owner" || cpo.Level != "cluster" {
		t.Errorf("the page kept %q at level %q, want its own title and level", cpo.Title, cpo.Level)
	}
	item := page(t, res, "backlogs/cb/cbi-1.md")
	if tr := item.Translations["de"]; tr == nil || !slices.Equal(tr.Acceptance, []string{"kommt innerhalb von 5 Minuten an"}) {
		t.Errorf("item translation: got %+v, want its acceptance", tr)
	}
	if tr := page(t, res, "backlogs/cb/_index.md").Translations["de"]; tr == nil || tr.Title != "Cluster-Backlog" {
		t.Errorf("backlog translation: got %+v", tr)
	}
	if tr := res.Intros[""].Translations["de"]; tr == nil || tr.Title != "Startseite" {
		t.Errorf("home introduction translation: got %+v", tr)
	}
	if po := page(t, res, "roles/po.md"); po.Translations != nil {
		t.Errorf("an untranslated page got translations %v", po.Translations)
	}
}

func TestTranslationProblemsAreReportedAtTheirPosition(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"structure in a translation", map[string]string{
			"roles/cpo.md":    "---\ntitle: CPO\n---\n",
			"roles/cpo.de.md": "---\ntitle: CPV\nlevel: cluster\nrelations:\n  moderates: [x]\n---\n",
		}, []string{
			`content/roles/cpo.de.md:3:1: level is part of the page's structure, the same in every language: set it in content/roles/cpo.md (a translation sets only title, abbr, summary, aliases, tags and acceptance, and the body)`,
			`content/roles/cpo.de.md:4:1: relations is part of the page's structure, the same in every language: set it in content/roles/cpo.md (a translation sets only title, abbr, summary, aliases, tags and acceptance, and the body)`,
		}},
		{"an item's status in its translation", map[string]string{
			"backlogs/cb/_index.md":   "---\ntitle: CB\n---\n",
			"backlogs/cb/cbi-1.md":    "---\ntitle: A\nid: CBI-1\n---\n",
			"backlogs/cb/cbi-1.de.md": "---\ntitle: B\nstatus: done\n---\n",
		}, []string{
			`content/backlogs/cb/cbi-1.de.md:3:1: status is part of the page's structure, the same in every language: set it in content/backlogs/cb/cbi-1.md (a translation sets only title, abbr, summary, aliases, tags and acceptance, and the body)`,
		}},
		{"a translation of nothing", map[string]string{
			"roles/cpo.de.md": "---\ntitle: CPV\n---\n",
		}, []string{
			`content/roles/cpo.de.md:1: a translation of roles/cpo.md, which does not exist: a translation sits beside the page it translates and has its name, with the language before .md (cpo.de.md translates cpo.md)`,
		}},
		{"a file named for the default language", map[string]string{
			"roles/cpo.md":    "---\ntitle: CPO\n---\n",
			"roles/cpo.en.md": "---\ntitle: CPO\n---\n",
		}, []string{
			`content/roles/cpo.en.md:1: en is the site's default language, whose text is the page's own file, content/roles/cpo.md: move this text there, or name the file for another language`,
		}},
		{"acceptance on a role", map[string]string{
			"roles/cpo.md":    "---\ntitle: CPO\n---\n",
			"roles/cpo.de.md": "---\ntitle: CPV\nacceptance: [x]\n---\n",
		}, []string{
			`content/roles/cpo.de.md:3:1: warning: key "acceptance" has no meaning on a role page and is ignored`,
		}},
		{"an unknown key", map[string]string{
			"roles/cpo.md":    "---\ntitle: CPO\n---\n",
			"roles/cpo.de.md": "---\ntitle: CPV\nsumary: x\n---\n",
		}, []string{
			`content/roles/cpo.de.md:3:1: warning: unknown front-matter key "sumary" is ignored (did you mean "summary"?) (a translation sets only title, abbr, summary, aliases, tags and acceptance, and the body)`,
		}},
		{"a translation of a page that could not be read is no second error", map[string]string{
			"roles/cpo.md":    "---\ntitle: [CPO\n---\n",
			"roles/cpo.de.md": "---\ntitle: CPV\n---\n",
		}, []string{
			`content/roles/cpo.md:2:8: invalid YAML front matter: did not find expected ',' or ']'; the "[" here is never closed: end the list with "]", or quote the value if the bracket is text`,
		}},
		{"a translation with broken front matter", map[string]string{
			"roles/cpo.md":    "---\ntitle: CPO\n---\n",
			"roles/cpo.de.md": "---\ntitle: CPV\n",
		}, []string{
			`content/roles/cpo.de.md:1:1: front matter opened with "---" is never closed (expected a line "---" before the body)`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := loadIn(t, bilingual, tt.files)
			diffLines(t, lines(diags), tt.want)
		})
	}
}

func TestTranslationNamesWithoutLanguagesAreIds(t *testing.T) {
	// A site with one language reads cpo.de.md as a page whose id is
	// cpo.de, as before languages existed; a site with languages reads a
	// code it does not publish the same way.
	for _, opts := range []Options{testOptions, bilingual} {
		res, diags := loadIn(t, opts, map[string]string{
			"roles/cpo.fr.md": "---\ntitle: Le CPO\n---\n",
			"roles/v1.2.md":   "---\ntitle: Version 1.2\n---\n",
		})
		if len(diags) > 0 {
			t.Fatalf("languages %v: got diagnostics %v", opts.Languages, lines(diags))
		}
		if page(t, res, "roles/cpo.fr.md").ID != "cpo.fr" || page(t, res, "roles/v1.2.md").ID != "v1.2" {
			t.Errorf("languages %v: got ids %q and %q", opts.Languages, res.Pages[0].ID, res.Pages[1].ID)
		}
	}
}

func TestTranslationOf(t *testing.T) {
	o := Options{Languages: []string{"de", "pt-br"}, Default: "en"}
	for _, tt := range []struct {
		p, of, lang string
		ok          bool
	}{
		{"roles/cpo.de.md", "roles/cpo.md", "de", true},
		{"roles/cpo.pt-br.md", "roles/cpo.md", "pt-br", true},
		{"cpo.de.md", "cpo.md", "de", true},
		{"_index.de.md", "_index.md", "de", true},
		{"roles/cpo.en.md", "roles/cpo.md", "en", true}, // for loadTranslation to refuse
		{"roles/cpo.fr.md", "", "", false},
		{"roles/cpo.md", "", "", false},
		{"roles/.de.md", "", "", false},
		{"roles/cpo.DE.md", "", "", false},
	} {
		of, lang, ok := o.translationOf(tt.p)
		if of != tt.of || lang != tt.lang || ok != tt.ok {
			t.Errorf("translationOf(%q): got %q, %q, %v; want %q, %q, %v", tt.p, of, lang, ok, tt.of, tt.lang, tt.ok)
		}
	}
	if _, _, ok := (Options{}).translationOf("roles/cpo.de.md"); ok {
		t.Error("a site with one language has no translations")
	}
}
