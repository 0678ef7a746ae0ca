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

// TestBacklogRowsWriteWhatTheirActionsWrote does the same for the rows of
// a backlog's ranking table, with the actions as the minified layout has
// them (no white space between the cells).
func TestBacklogRowsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T", Glossary: []glossary.Entry{
		{ID: "horizon", Kind: glossary.KindConcept, Title: "Refinement horizon"}}})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("rows").Funcs(e.funcs()).Parse(
		`{{define "readiness"}}{{if or .Done .Dropped}}{{else if .Ready}}<span class="badge ready">ready</span>{{else if .InHorizon}}<span class="badge refine" title="missing: {{.Missing}}">needs refinement</span>{{else}}<span class="badge coarse" title="missing: {{.Missing}}">coarse</span>{{end}}{{end}}` +
			`{{with .B}}{{$after := .HorizonAfter}}{{$text := .HorizonText}}{{range .Rows}}<tr data-kind="{{.Kind}}" data-status="{{.Status}}" data-release="{{.Release}}" data-tag="{{.TagData}}"{{if or .Done .Dropped}} class="closed"{{end}}>` +
			`<td class="num rank">{{.Rank}}{{if not .Ranked}}<span class="unranked" title="not in the product owner's order; ranked by priority">*</span>{{end}}</td>` +
			`<td class="key">{{.Key}}</td><td class="card-title"><a href="{{.Href}}">{{.Title}}</a></td><td class="kind">{{.Kind}}</td><td class="state"><span class="status s-{{.Status}}">{{.Status}}</span></td>` +
			`<td class="num" data-label="Value">{{.Value}}</td><td class="num" data-label="Estimate">{{.Estimate}}</td><td class="num" data-label="Priority">{{.Priority}}</td><td class="num forecast" data-label="Iteration">{{.Forecast}}</td>` +
			`<td data-label="Release">{{if .ReleaseHref}}<a href="{{.ReleaseHref}}">{{.ReleaseTitle}}</a>{{end}}</td>` +
			`<td class="state">{{template "readiness" .}}</td></tr>` +
			`{{if eq .Rank $after}}<tr class="horizon-line" aria-hidden="false"><td colspan="11">End of the {{term $.Root "horizon" "refinement horizon"}}: {{$text}}</td></tr>{{end}}{{end}}{{end}}`))
	bv := &views.BacklogView{HorizonAfter: 3, HorizonText: "items <above> & ready"}
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		bv.Rows = append(bv.Rows, views.BacklogRow{Rank: i + 1, Ranked: i%3 != 0, Ready: i%4 == 1, InHorizon: i%5 < 2,
			Done: i%7 == 2, Dropped: i%11 == 3, Key: s, Title: at(1), Href: at(2), Kind: at(3), Status: at(4),
			Value: at(5), Estimate: at(6), Priority: at(7), Forecast: at(8), Release: at(9), ReleaseHref: at(10)[:min(len(at(10)), i%3*9)],
			ReleaseTitle: at(11), Missing: at(12), TagData: at(13)})
	}
	for _, root := range []string{"./", "../../"} {
		var want strings.Builder
		if err := ref.Execute(&want, map[string]any{"Root": root, "B": bv}); err != nil {
			t.Fatal(err)
		}
		if got := string(e.backlogRows(root, bv)); got != want.String() {
			t.Errorf("root %q:\n got %s\nwant %s", root, got, want.String())
		}
	}
}

// TestBoardCardsWriteWhatTheirActionsWrote does the same for the cards
// of a column of a backlog's board.
func TestBoardCardsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("cards").Funcs(e.funcs()).Parse(
		`{{define "readiness"}}{{if or .Done .Dropped}}{{else if .Ready}}<span class="badge ready">ready</span>{{else if .InHorizon}}<span class="badge refine" title="missing: {{.Missing}}">needs refinement</span>{{else}}<span class="badge coarse" title="missing: {{.Missing}}">coarse</span>{{end}}{{end}}` +
			`{{range .}}<li data-kind="{{.Kind}}" data-status="{{.Status}}" data-release="{{.Release}}" data-tag="{{.TagData}}"><span class="key">{{.Key}}</span> <a href="{{.Href}}">{{.Title}}</a> {{template "readiness" .}}</li>{{end}}`))
	var cards []views.BacklogRow
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		cards = append(cards, views.BacklogRow{Rank: i + 1, Ready: i%4 == 1, InHorizon: i%5 < 2, Done: i%7 == 2, Dropped: i%11 == 3,
			Key: s, Title: at(1), Href: at(2), Kind: at(3), Status: at(4), Release: at(9), Missing: at(12), TagData: at(13)})
	}
	sameBytes(t, ref, []actionCase{{"cards", cards, func() (template.HTML, error) { return e.boardCards(cards), nil }}})
}

// actionCase is a function's output, got, to compare with what the
// template name wrote for data.
type actionCase struct {
	name string
	data any
	got  func() (template.HTML, error)
}

// sameBytes wants each case's function to write what ref's template of
// the case's name writes.
func sameBytes(t *testing.T, ref *template.Template, cases []actionCase) {
	t.Helper()
	for _, c := range cases {
		var want strings.Builder
		if err := ref.ExecuteTemplate(&want, c.name, c.data); err != nil {
			t.Fatal(err)
		}
		got, err := c.got()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, want.String())
		}
	}
}

// TestItemListsWriteWhatTheirActionsWrote does the same for the lists of
// an item's page: the items it was refined from, the rows of the items
// refined from it and its acceptance criteria.
func TestItemListsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("lists").Funcs(e.funcs()).Parse(
		`{{define "chain"}}{{range .}}<li><a href="{{.Href}}">{{with .Abbr}}{{.}} {{end}}{{.Title}}</a></li>{{end}}{{end}}` +
			`{{define "children"}}{{range .}}<tr><td class="card-title"><a href="{{.Href}}">{{with .Abbr}}<span class="key">{{.}}</span> {{end}}{{.Title}}</a></td><td><span class="status s-{{.Status}}">{{.Status}}</span></td><td class="num" data-label="{{t "estimate"}}">{{.Estimate}}</td><td data-label="{{t "done_column"}}"><meter min="0" max="100" value="{{.DonePct}}">{{.DonePct}}%</meter> {{.DonePct}}%</td></tr>{{end}}{{end}}` +
			`{{define "checklist"}}{{range .}}<li>{{.}}</li>{{end}}{{end}}`))
	var (
		chain    []views.Entry
		children []views.ChildRow
	)
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		en := views.Entry{Title: s, Href: at(1), Abbr: at(2)[:min(len(at(2)), i%3*4)]}
		chain = append(chain, en)
		children = append(children, views.ChildRow{Entry: en, Status: at(3), Estimate: at(4), DonePct: i * 7 % 101})
	}
	sameBytes(t, ref, []actionCase{
		{"chain", chain, func() (template.HTML, error) { return chainLinks(chain), nil }},
		{"children", children, func() (template.HTML, error) { return e.childRows(children) }},
		{"checklist", tricky, func() (template.HTML, error) { return textItems(tricky), nil }},
	})
}

// TestMatrixRowsWriteWhatTheirActionsWrote does the same for the rows of
// a responsibility matrix: cells with no mark, one and several.
func TestMatrixRowsWriteWhatTheirActionsWrote(t *testing.T) {
	ref := template.Must(template.New("rows").Parse(
		`{{range .}}<tr><th scope="row"><a href="{{.Href}}">{{.Title}}</a>{{with .Abbr}} <abbr class="abbr">{{.}}</abbr>{{end}}</th>{{range .Cells}}<td>{{range $i, $m := .}}{{if $i}} {{end}}<abbr title="{{.Label}}">{{.Symbol}}</abbr>{{end}}</td>{{end}}</tr>{{end}}`))
	var rows []views.MatrixRow
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		r := views.MatrixRow{Entry: views.Entry{Title: s, Href: at(1), Abbr: at(2)[:min(len(at(2)), i%3*4)]}}
		for c := range i % 4 {
			var marks []views.Mark
			for m := range (i + c) % 3 {
				marks = append(marks, views.Mark{Symbol: at(3 + m), Label: at(5 + m), Relation: at(7)})
			}
			r.Cells = append(r.Cells, marks)
		}
		rows = append(rows, r)
	}
	sameBytes(t, ref, []actionCase{{"rows", rows, func() (template.HTML, error) { return matrixRows(rows), nil }}})
}

// TestTreeNodesWriteWhatTheirActionsWrote does the same for the
// traceability tree, three levels deep.
func TestTreeNodesWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("tree").Funcs(e.funcs()).Parse(
		`{{define "treenodes"}}{{range .}}<li><a href="{{.Href}}">{{with .Abbr}}<span class="key">{{.}}</span> {{end}}{{.Title}}</a> <span class="status s-{{.Status}}">{{.Status}}</span> <span class="tree-figures">{{t "n_pts" "n" .Estimate}} · <meter min="0" max="100" value="{{.DonePct}}">{{.DonePct}}%</meter> {{t "pct_done" "pct" .DonePct}}</span>{{with .Children}}<ul>{{template "treenodes" .}}</ul>{{end}}</li>{{end}}{{end}}` +
			`{{template "treenodes" .}}`))
	node := func(i int) views.TreeNode {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		return views.TreeNode{Entry: views.Entry{Title: at(0), Href: at(1), Abbr: at(2)[:min(len(at(2)), i%3*4)]},
			Status: at(3), Estimate: at(4), DonePct: i * 13 % 101}
	}
	var tree []views.TreeNode
	for i := range tricky {
		n := node(i)
		for k := range i % 3 {
			c := node(i + k + 1)
			if k == 1 {
				c.Children = []views.TreeNode{node(i + 7)}
			}
			n.Children = append(n.Children, c)
		}
		tree = append(tree, n)
	}
	sameBytes(t, ref, []actionCase{{"tree", tree, func() (template.HTML, error) { return e.treeNodes(tree) }}})
}

// TestReleaseScopeWritesWhatItsActionsWrote does the same for the rows
// of a release's scope and the items of its notes: at risk, done,
// dropped, ready and not, with and without a backlog, a likely day or a
// forecast.
func TestReleaseScopeWritesWhatItsActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("scope").Funcs(e.funcs()).Parse(
		`{{define "rows"}}{{range .}}<tr{{if .Risk}} class="at-risk"{{else if or .Done .Dropped}} class="closed"{{end}}><td class="card-title"><a href="{{.Href}}"><span class="key">{{.Key}}</span> {{.Title}}</a></td><td data-label="{{t "backlog"}}">{{if .BacklogHref}}<a href="{{.BacklogHref}}">{{.Backlog}}</a>{{end}}</td><td class="num" data-label="{{t "rank"}}">{{.Rank}}</td><td><span class="status s-{{.Status}}">{{.Status}}</span></td><td>{{if .Done}}{{t "done"}}{{else if .Dropped}}{{t "dropped"}}{{else if .Ready}}<span class="badge ready">{{t "ready"}}</span>{{else}}<span class="badge coarse" title="{{t "missing"}} {{.Missing}}">{{t "not_ready"}}</span>{{end}}</td><td class="num" data-label="{{t "estimate"}}">{{.Estimate}}</td><td data-label="{{t "forecast"}}">{{with .LikelyBy}}{{.}}{{else}}{{with .ForecastEnd}}{{t "by_date" "date" .}}{{end}}{{end}}</td><td class="risk-cell">{{with .Risk}}<span class="badge risk">{{t "at_risk"}}</span> <span class="risk-reason">{{.}}</span>{{end}}</td></tr>{{end}}{{end}}` +
			`{{define "notes"}}{{range .}}<li><a href="{{.Href}}"><span class="key">{{.Abbr}}</span> {{.Title}}</a>{{with .Summary}}: {{.}}{{end}}</li>{{end}}{{end}}`))
	var (
		rows  []views.ScopeRow
		notes []views.Entry
	)
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		cut := func(k, n int) string { return at(k)[:min(len(at(k)), i%n*5)] }
		rows = append(rows, views.ScopeRow{Rank: i + 1, Key: s, Title: at(1), Href: at(2), Status: at(3), Backlog: at(4),
			BacklogHref: cut(5, 3), Ready: i%4 == 1, Done: i%5 == 2, Dropped: i%7 == 3, Missing: at(6), Estimate: at(7),
			ForecastEnd: cut(8, 3), LikelyBy: cut(9, 4), Risk: cut(10, 5)})
		notes = append(notes, views.Entry{Title: s, Href: at(1), Abbr: at(2), Summary: cut(3, 2)})
	}
	sameBytes(t, ref, []actionCase{
		{"rows", rows, func() (template.HTML, error) { return e.scopeRows(rows) }},
		{"notes", notes, func() (template.HTML, error) { return noteItems(notes), nil }},
	})
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

// TestItemFactsWriteWhatTheirActionsWrote does the same for an item's
// standing, with every branch: ranked or not, a forecast with and without
// its end, likely days (one, or each percentile's, some out of reach), no
// forecast and why, each readiness, and a release at risk, on track with
// and without a probability, or neither.
func TestItemFactsWriteWhatTheirActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T", Glossary: []glossary.Entry{
		{ID: "priority", Kind: glossary.KindConcept, Title: "Priority"}, {ID: "forecast", Kind: glossary.KindConcept, Title: "Forecast"}}})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("item").Funcs(e.funcs()).Parse(
		`{{define "likelydays"}}{{with .Single}}{{t "by_date" "date" .}}{{else}}{{range $i, $d := .Days}}{{if $i}} · {{end}}<span class="likely-day">{{if $d.Date}}{{t "pct_likely_by" "pct" $d.Pct "date" $d.Date}}{{else}}{{t "pct_likely_beyond" "pct" $d.Pct}}{{end}}</span>{{end}}{{end}} <span class="basis">({{.BasisText}})</span>{{end}}` +
			`{{$item := .I}}{{with .I}}<div><dt>{{t "rank"}}</dt><dd>{{.Rank}}{{if not .Ranked}} ({{t "by_priority"}}){{end}}</dd></div>` +
			`<div><dt>{{term $.Root "priority" (print (t "priority"))}}</dt><dd>{{.Priority}}</dd></div>` +
			`{{with .Forecast}}<div><dt>{{term $.Root "forecast" (print (t "forecast"))}}</dt><dd>{{t "iteration_n" "n" .}}{{with $item.ForecastEnd}}<span class="forecast-end">, {{t "ends_about" "date" .}}</span>{{end}}</dd></div>{{end}}` + "\n" +
			`{{with .Likely}}<div class="likely-fact"><dt>{{term $.Root "forecast" (print (t "likely_done"))}}</dt><dd>{{template "likelydays" .}}</dd></div>{{else}}{{with $item.NoForecast}}<div class="likely-fact"><dt>{{term $.Root "forecast" (print (t "likely_done"))}}</dt><dd class="no-forecast">{{t "no_forecast_because" "why" .}}</dd></div>{{end}}{{end}}` +
			`<div><dt>{{term $.Root "readiness" (print (t "readiness"))}}</dt><dd>{{if .Done}}{{t "done"}}{{else if .Dropped}}{{t "dropped"}}{{else if .Ready}}<span class="badge ready">{{t "ready"}}</span>{{else}}<span class="badge {{if .InHorizon}}refine{{else}}coarse{{end}}">{{if .InHorizon}}{{t "needs_refinement"}}{{else}}{{t "not_ready_yet"}}{{end}}</span>{{with .Missing}} <span class="missing">{{t "missing"}} {{range $i, $m := .}}{{if $i}}, {{end}}{{$m}}{{end}}</span>{{end}}{{end}}</dd></div>` +
			`{{with .Release}}<div class="release-fact"><dt>{{t "release"}}</dt><dd><a href="{{.Href}}">{{.Title}}</a> <span class="status rs-{{$item.ReleaseStatus}}">{{$item.ReleaseStatus}}</span>{{with $item.Risk}} <span class="badge risk">{{t "at_risk"}}</span> <span class="risk-reason">{{.}}</span>{{else}}{{if and (or $item.ForecastEnd (and $item.Likely $item.Likely.Probability)) (not $item.Done) (not $item.Dropped)}} <span class="badge ready">{{t "on_track"}}</span>{{with $item.Likely}}{{with .Probability}} <span class="likely-by-end">{{t "pct_likely_by" "pct" . "date" $item.Likely.End}}</span>{{end}}{{end}}{{end}}{{end}}</dd></div>{{end}}{{end}}`))
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		it := &views.ItemView{Rank: i + 1, Ranked: i%3 != 0, Priority: s, Ready: i%4 == 1, InHorizon: i%5 < 2,
			Done: i%7 == 2, Dropped: i%11 == 3, Risk: at(1)[:min(len(at(1)), i%3*4)]}
		if i%2 == 0 {
			it.Forecast, it.ForecastEnd = at(2), at(3)[:min(len(at(3)), i%4*3)]
		}
		if i%3 != 1 {
			it.Missing = []string{at(4), at(5)}[:i%3]
		}
		switch i % 4 {
		case 0:
			it.Likely = &views.Likely{Single: at(6), BasisText: at(7)}
		case 1:
			it.Likely = &views.Likely{Days: []views.LikelyDay{{Pct: 50, Date: at(6)}, {Pct: 85}, {Pct: 95, Date: at(8)}},
				BasisText: at(7), Probability: at(9)[:min(len(at(9)), i%2*9)], End: at(10)}
		case 2:
			it.NoForecast = at(11)
		}
		if i%5 != 4 {
			it.Release, it.ReleaseStatus = &views.Link{Title: at(12), Href: at(13)}, at(14)
		}
		for _, root := range []string{"./", "../../"} {
			var want strings.Builder
			if err := ref.Execute(&want, map[string]any{"Root": root, "I": it}); err != nil {
				t.Fatal(err)
			}
			got, err := e.itemFacts(root, it)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("item %d, root %q:\n got %s\nwant %s", i, root, got, want.String())
			}
		}
	}
}

// TestRelatedTableWritesWhatItsActionsWrote does the same for the
// related-pages table: columns with and without related pages, other
// pages of the level and the link to the rest.
func TestRelatedTableWritesWhatItsActionsWrote(t *testing.T) {
	ref := template.Must(template.New("related").Funcs(template.FuncMap{"links": links}).Parse(
		`<thead><tr>{{range .}}<th scope="col">{{.Title}}</th>{{end}}</tr></thead><tbody><tr>{{range .}}<td data-label="{{.Title}}">` +
			`{{with .Related}}<ul class="related-direct">{{links .}}</ul>{{end}}` + "\n" +
			`{{with .Others}}<ul class="related-level">{{links .}}</ul>{{end}}` + "\n" +
			`{{with .More}}<p class="more"><a href="{{.Href}}">{{.Title}}</a></p>{{end}}</td>{{end}}</tr></tbody>`))
	var cols []views.RelatedColumn
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		c := views.RelatedColumn{Title: s}
		if i%3 != 0 {
			c.Related = []views.Entry{{Title: at(1), Href: at(2), Abbr: at(3)}}
		}
		if i%4 != 1 {
			c.Others = []views.Entry{{Title: at(4), Href: at(5)}, {Title: at(6), Href: at(7), Abbr: at(8)}}
		}
		if i%2 == 0 {
			c.More = &views.Link{Title: at(9), Href: at(10)}
		}
		cols = append(cols, c)
	}
	for _, cs := range [][]views.RelatedColumn{cols, cols[:1], nil} {
		var want strings.Builder
		if err := ref.Execute(&want, cs); err != nil {
			t.Fatal(err)
		}
		if got := string(relatedTable(cs)); got != want.String() {
			t.Errorf("%d columns:\n got %s\nwant %s", len(cs), got, want.String())
		}
	}
}

// TestPageHeadWritesWhatItsActionsWrote does the same for a content
// page's header: with and without a translation note, level, abbreviation,
// summary and tags.
func TestPageHeadWritesWhatItsActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("head").Funcs(e.funcs()).Parse(
		`{{with .}}{{with .TextLang}}<p class="notice untranslated">{{t "not_yet_translated"}} <a href="{{$.Original}}" hreflang="{{.}}">{{t "read_original"}}</a></p>{{end}}` +
			`<p class="kicker"><a href="{{.TypeHref}}">{{.TypeLabel}}</a>{{with .Level}} · <a href="{{.Href}}">{{t "level_of" "level" .Title}}</a>{{end}}</p>` +
			`<h1{{with .TextLang}} lang="{{.}}"{{end}}>{{.Title}}{{with .Abbr}} <abbr class="abbr">{{.}}</abbr>{{end}}</h1>` +
			`{{with .Summary}}<p class="lead"{{with $.TextLang}} lang="{{.}}"{{end}}>{{.}}</p>{{end}}` + "\n" +
			`{{with .Tags}}<ul class="tags" aria-label="{{t "tags"}}">{{range .}}<li><a href="{{.Href}}">#{{.Title}}</a></li>{{end}}</ul>{{end}}{{end}}`))
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		p := &views.PageView{Title: s, TypeHref: at(1), TypeLabel: at(2), Abbr: at(3)[:min(len(at(3)), i%3*3)],
			Summary: at(4)[:min(len(at(4)), i%4*5)]}
		if i%3 == 0 {
			p.TextLang, p.Original = at(5), at(6)
		}
		if i%2 == 1 {
			p.Level = &views.Link{Title: at(7), Href: at(8)}
		}
		for k := range i % 4 {
			p.Tags = append(p.Tags, views.Link{Title: at(9 + k), Href: at(10 + k)})
		}
		var want strings.Builder
		if err := ref.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		got, err := e.pageHead(p)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("page %d:\n got %s\nwant %s", i, got, want.String())
		}
	}
}

// TestHeadMetaWritesWhatItsActionsWrote does the same for what the head
// of every page says about it, with the actions as the minified base
// layout has them: with and without a title, description, absolute URL,
// canonical link and other languages.
func TestHeadMetaWritesWhatItsActionsWrote(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	ref := template.Must(template.New("head").Parse(
		`<title>{{if .Title}}{{.Title}} · {{end}}{{.Site.Title}}</title>{{with .Description}}<meta name="description" content="{{.}}">{{end}}` + "\n" +
			`<meta property="og:title" content="{{or .Title .Site.Title}}">{{with .Description}}<meta property="og:description" content="{{.}}">{{end}}` + "\n" +
			`<meta property="og:type" content="{{if eq .Kind "page"}}article{{else}}website{{end}}"><meta property="og:site_name" content="{{.Site.Title}}">{{with .AbsURL}}<meta property="og:url" content="{{.}}">{{end}}` + "\n" +
			`<meta name="twitter:card" content="summary"><meta name="generator" content="Backlight {{.Site.Version}}"><meta name="color-scheme" content="light dark">{{if .Canonical}}<link rel="canonical" href="{{.Canonical}}">{{end}}` + "\n" +
			`{{with .Alternates}}{{range .}}<link rel="alternate" hreflang="{{.Lang}}" href="{{.URL}}">` + "\n" +
			`{{end}}<link rel="alternate" hreflang="x-default" href="{{(index . 0).URL}}">` + "\n" + `{{end}}`))
	kinds := []string{"page", "list", "home", "404"}
	for i, s := range tricky {
		at := func(k int) string { return tricky[(i+k)%len(tricky)] }
		v := &views.View{Site: &views.SiteInfo{Title: at(1), Version: at(2)}, Kind: kinds[i%len(kinds)], Title: s,
			Description: at(3)[:min(len(at(3)), i%3*4)], AbsURL: at(4)[:min(len(at(4)), i%4*6)], Canonical: at(5)[:min(len(at(5)), i%5*3)]}
		for k := range i % 3 {
			v.Alternates = append(v.Alternates, views.Alternate{Lang: at(6 + k), URL: at(8 + k), Href: at(9 + k), Name: at(10 + k)})
		}
		var want strings.Builder
		if err := ref.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if got := string(e.headMeta(v)); got != want.String() {
			t.Errorf("page %d:\n got %s\nwant %s", i, got, want.String())
		}
	}
}

// TestAttrOfHTMLIsWhatTheTemplateWrites: a theme's string in an
// attribute, as html/template writes template.HTML there.
func TestAttrOfHTMLIsWhatTheTemplateWrites(t *testing.T) {
	ref := template.Must(template.New("attr").Parse(`<p title="{{.}}">`))
	for _, s := range append(tricky, "<b>Tags</b>", `a "b" <i>c</i> &amp; d`, "x<y", "Schlagwörter") {
		var want strings.Builder
		if err := ref.Execute(&want, template.HTML(s)); err != nil {
			t.Fatal(err)
		}
		if got := `<p title="` + attrOfHTML(template.HTML(s)) + `">`; got != want.String() {
			t.Errorf("%q: got %s, want %s", s, got, want.String())
		}
	}
}

// TestTermLinksToItsGlossaryEntry: a term is linked to its entry from
// pages at any depth, its text escaped; without an entry it is the text.
func TestTermLinksToItsGlossaryEntry(t *testing.T) {
	e, err := New(themes.Default(), views.SiteInfo{Title: "T", Glossary: []glossary.Entry{
		{ID: "velocity", Kind: glossary.KindConcept, Title: "Velocity"}, {ID: "a&b", Kind: glossary.KindConcept, Title: "A&B"}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ root, id, text, want string }{
		{"./", "velocity", "velocity", `<a class="term" href="glossary/#velocity">velocity</a>`},
		{"../../", "velocity", "Velocity <i>", `<a class="term" href="../../glossary/#velocity">Velocity &lt;i&gt;</a>`},
		{"../", "a&b", `"x"`, `<a class="term" href="../glossary/#a&amp;b">&#34;x&#34;</a>`},
		{"../", "nothing", "a & b", `a &amp; b`},
	}
	for _, tt := range tests {
		if got := string(e.term(tt.root, tt.id, tt.text)); got != tt.want {
			t.Errorf("term(%q, %q, %q) = %s, want %s", tt.root, tt.id, tt.text, got, tt.want)
		}
		var b strings.Builder
		if e.writeTerm(&b, tt.root, tt.id, tt.text); b.String() != tt.want {
			t.Errorf("writeTerm(%q, %q, %q) wrote %s, want %s", tt.root, tt.id, tt.text, b.String(), tt.want)
		}
	}
}
