package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/safeurl"
	"github.com/backlight-wiki/backlight/themes"
)

// tricky are values that html/template escapes: entities, quotes, +,
// NUL, non-ASCII, spaces, percent-escapes and schemes.
var tricky = []string{"", "plain", "a & b", "<b>x</b>", `say "hi"`, "it's", "1+1", "nul\x00here",
	"Prüfer", "a b", "50%", "%41", "x?q=1&r=2#frag", "../../roles/cpo/", "https://example.org/a b",
	"mailto:po@example.org", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "tel:+49", "(x)", "[x]",
	"~user", "\u00a0nbsp", "tab\there", "emoji 🙂", "back\\slash", "`tick`", "{curly}", "|pipe|", "^caret"}

// TestFactsWriteWhatTheirActionsWrote renders facts with the facts
// function and with the actions the default theme had before it, through
// html/template, and wants the same bytes.
func TestFactsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T", Glossary: []glossary.Entry{
		{ID: "value", Kind: glossary.KindConcept, Title: "Value"}, {ID: "a+b", Kind: glossary.KindConcept, Title: "A+B"}}})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("facts").Funcs(e.funcs()).Parse(
		`{{range .Facts}}<div><dt>{{if .Term}}{{term $.Root .Term .Label}}{{else}}{{.Label}}{{end}}</dt><dd>{{if .URL}}<a href="{{.Href}}">{{.Value}}</a>{{else}}{{.Value}}{{end}}</dd></div>{{end}}`))
	var facts []views.Fact
	for i, s := range tricky {
		f := views.Fact{Label: s, Value: tricky[(i+1)%len(tricky)]}
		switch i % 4 {
		case 1:
			f.URL, f.Href = "/x/", s
		case 2:
			f.Term = "value"
		case 3:
			f.Term, f.URL, f.Href = "a+b", "/y/", tricky[(i+2)%len(tricky)]
		}
		facts = append(facts, f)
	}
	for _, root := range []string{"./", "../../"} {
		var want strings.Builder
		if err := ref.Execute(&want, map[string]any{"Root": root, "Facts": facts}); err != nil {
			t.Fatal(err)
		}
		if got := string(e.facts(root, facts)); got != want.String() {
			t.Errorf("root %q:\n got %s\nwant %s", root, got, want.String())
		}
	}
}

// TestRelationsWriteWhatTheirActionsWrote does the same for the rows of
// the relation box.
func TestRelationsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T", Glossary: []glossary.Entry{
		{ID: "relation-part_of", Kind: glossary.KindRelation, Title: "is part of"}}})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("relations").Funcs(e.funcs()).Parse(
		`{{range .Groups}}<div class="rel{{if .Inverse}} inverse{{end}}"><dt>{{relterm $.Root .Name .Label}}</dt><dd><ul>{{links .Pages}}</ul></dd></div>{{end}}`))
	var gs []views.RelationGroup
	for i, s := range tricky {
		g := views.RelationGroup{Name: "part_of", Label: s, Inverse: i%2 == 1}
		if i%3 == 0 {
			g.Name = s
		}
		g.Pages = []views.Entry{{Title: s, Href: tricky[(i+1)%len(tricky)], Abbr: tricky[(i+2)%len(tricky)]}}
		gs = append(gs, g)
	}
	var want strings.Builder
	if err := ref.Execute(&want, map[string]any{"Root": "../", "Groups": gs}); err != nil {
		t.Fatal(err)
	}
	if got := string(e.relations("../", gs)); got != want.String() {
		t.Errorf("\n got %s\nwant %s", got, want.String())
	}
}

// TestCrumbsWriteWhatTheirActionsWrote does the same for breadcrumbs.
func TestCrumbsWriteWhatTheirActionsWrote(t *testing.T) {
	ref := template.Must(template.New("crumbs").Parse(
		`{{range .}}<li>{{if .URL}}<a href="{{.Href}}">{{.Title}}</a>{{else}}<span aria-current="page">{{.Title}}</span>{{end}}</li>{{end}}`))
	var ls []views.Link
	for i, s := range tricky {
		l := views.Link{Title: s}
		if i%3 != 0 {
			l.URL, l.Href = "/x/", tricky[(i+1)%len(tricky)]
		}
		ls = append(ls, l)
	}
	var want strings.Builder
	if err := ref.Execute(&want, ls); err != nil {
		t.Fatal(err)
	}
	if got := string(crumbs(ls)); got != want.String() {
		t.Errorf("\n got %s\nwant %s", got, want.String())
	}
}

// TestEntryListWritesWhatItsActionsWrote does the same for entries.
func TestEntryListWritesWhatItsActionsWrote(t *testing.T) {
	ref := template.Must(template.New("entries").Parse(
		`{{range .}}<li><a href="{{.Href}}">{{.Title}}</a>{{with .Abbr}} <abbr class="abbr">{{.}}</abbr>{{end}}{{with .Badge}} <span class="badge">{{.}}</span>{{end}}{{with .Summary}}<span class="summary">{{.}}</span>{{end}}</li>{{end}}`))
	var es []views.Entry
	for i, s := range tricky {
		e := views.Entry{Title: s, Href: tricky[(i+1)%len(tricky)]}
		if i%2 == 0 {
			e.Abbr = tricky[(i+2)%len(tricky)]
		}
		if i%3 == 0 {
			e.Badge = tricky[(i+3)%len(tricky)]
		}
		if i%4 != 0 {
			e.Summary = tricky[(i+4)%len(tricky)]
		}
		es = append(es, e)
	}
	var want strings.Builder
	if err := ref.Execute(&want, es); err != nil {
		t.Fatal(err)
	}
	if got := string(entryList(es)); got != want.String() {
		t.Errorf("\n got %s\nwant %s", got, want.String())
	}
}

// FuzzEscapesAgreeWithTemplate checks escHTML and escHref against what
// html/template writes for {{.}} in text and in href="…": the same bytes,
// except that a URL safeurl refuses and html/template passes (safeurl is
// the stricter) is "#ZgotmplZ".
func FuzzEscapesAgreeWithTemplate(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	text := template.Must(template.New("t").Parse(`{{.}}`))
	href := template.Must(template.New("h").Parse(`<a href="{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := text.Execute(&want, s); err != nil {
			t.Skip()
		}
		if got := escHTML(s); got != want.String() {
			t.Errorf("escHTML(%q) = %q, html/template writes %q", s, got, want.String())
		}
		want.Reset()
		if err := href.Execute(&want, s); err != nil {
			t.Skip()
		}
		wantHref := strings.TrimSuffix(strings.TrimPrefix(want.String(), `<a href="`), `">`)
		got := escHref(s)
		if !safeurl.Safe(s) {
			if got != "#ZgotmplZ" {
				t.Errorf("escHref(%q) = %q for a URL safeurl refuses", s, got)
			}
			return
		}
		if got != wantHref {
			t.Errorf("escHref(%q) = %q, html/template writes %q", s, got, wantHref)
		}
	})
}
