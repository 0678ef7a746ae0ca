package markdown

import (
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/glossary"
)

// glossaryResolver is a resolver whose site has a glossary page.
type glossaryResolver struct{ *fakeResolver }

func (glossaryResolver) GlossaryURL() string { return "../../glossary/" }

func termMatcher() *glossary.Matcher {
	return glossary.NewMatcher([]glossary.Entry{
		{ID: "iteration", Title: "Iteration", Synonyms: []string{"sprint"}, Link: true},
		{ID: "horizon", Title: "Refinement horizon", Link: true},
		{ID: "dod", Title: "Definition of Done", Synonyms: []string{"DoD"}, Link: true},
		{ID: "role", Title: "Role"}, // not linked
	})
}

func renderTerms(t *testing.T, body string) Result {
	t.Helper()
	r := New(Options{Terms: termMatcher()})
	return r.Render(Source{Body: []byte(body), File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 5}, glossaryResolver{newResolver()})
}

func TestTermsLinkTheirFirstOccurrence(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // substrings of the HTML, in order
		not        []string
	}{
		{"first only", "An iteration, then another iteration and a sprint.",
			[]string{`<p>An <a class="term" href="../../glossary/#iteration">iteration</a>, then another iteration and a sprint.</p>`}, nil},
		{"several in one text", "Each sprint ends inside the refinement horizon.",
			[]string{`<a class="term" href="../../glossary/#iteration">sprint</a> ends inside the <a class="term" href="../../glossary/#horizon">refinement horizon</a>.`}, nil},
		{"abbreviation", "Meet the DoD.",
			[]string{`<a class="term" href="../../glossary/#dod"><abbr title="Definition of Done">DoD</abbr></a>`}, nil},
		{"not in headings, links, code", "# The sprint\n\n[a sprint](https://x.org/) `sprint` [[cpo]]\n\n```\nsprint\n```\n\nA **sprint** here.",
			[]string{`<h1 id="the-sprint">The sprint</h1>`, `<a href="https://x.org/">a sprint</a> <code>sprint</code>`, `<strong><a class="term" href="../../glossary/#iteration">sprint</a></strong>`}, nil},
		{"line break kept", "one sprint\nnext line",
			[]string{"<a class=\"term\" href=\"../../glossary/#iteration\">sprint</a>\nnext line"}, nil},
		{"not linked entries", "Every role.", nil, []string{`class="term"`}},
		{"escapes left alone", "a \\*sprint\\* &amp;sprint", []string{`a *<a class="term" href="../../glossary/#iteration">sprint</a>* &amp;sprint`}, nil},
	}
	for _, tc := range tests {
		r := renderTerms(t, tc.body)
		html := string(r.HTML)
		at := 0
		for _, w := range tc.want {
			i := strings.Index(html[at:], w)
			if i < 0 {
				t.Errorf("%s: missing %s in\n%s", tc.name, w, html)
				break
			}
			at += i + len(w)
		}
		for _, n := range tc.not {
			if strings.Contains(html, n) {
				t.Errorf("%s: has %s:\n%s", tc.name, n, html)
			}
		}
		if strings.Contains(tc.body, "sprint") && !strings.Contains(r.Text, "sprint") {
			t.Errorf("%s: the search text lost the term: %q", tc.name, r.Text)
		}
	}
}

func TestTermsInTheTitleAreNotLinked(t *testing.T) {
	r := New(Options{Terms: termMatcher()})
	res := r.Render(Source{Body: []byte("Each sprint meets the DoD."), Title: "Team iteration"}, glossaryResolver{newResolver()})
	html := string(res.HTML)
	if strings.Contains(html, "#iteration") || !strings.Contains(html, "#dod") {
		t.Errorf("the page's own subject should not link, others should: %s", html)
	}
}

func TestTermsNeedAGlossaryPage(t *testing.T) {
	r := New(Options{Terms: termMatcher()}).Render(Source{Body: []byte("a sprint")}, newResolver())
	if strings.Contains(string(r.HTML), "term") {
		t.Errorf("a resolver without a glossary page got term links: %s", r.HTML)
	}
}
