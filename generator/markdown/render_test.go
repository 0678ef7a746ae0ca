package markdown

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestExtensionsAreOn(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // each must appear in the HTML
	}{
		{"GFM table", "| a | b |\n|---|--:|\n| 1 | 2 |",
			[]string{"<table>", "<th>a</th>", `<td style="text-align:right">2</td>`}},
		{"strikethrough", "~~gone~~", []string{"<del>gone</del>"}},
		{"task list", "- [ ] open\n- [x] done",
			[]string{`<input disabled="" type="checkbox"> open`, `<input checked="" disabled="" type="checkbox"> done`}},
		{"bare URL autolink", "see https://example.org/x and www.example.org",
			[]string{`<a href="https://example.org/x">https://example.org/x</a>`, `<a href="http://www.example.org">www.example.org</a>`}},
		{"footnote", "Claim[^1].\n\n[^1]: Source.",
			[]string{`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`, `<li id="fn:1">`}},
		{"definition list", "Term\n: Definition", []string{"<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>"}},
		{"typographer", `"Quoted" -- it's ... done`, []string{"&ldquo;Quoted&rdquo; &ndash; it&rsquo;s &hellip; done"}},
		{"heading attribute", "## Plan {#the-plan .wide}", []string{`<h2 id="the-plan" class="wide">Plan</h2>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(t, tt.body, Options{})
			checkDiags(t, r, nil)
			for _, w := range tt.want {
				if !strings.Contains(string(r.HTML), w) {
					t.Errorf("got %s, want it to contain %s", r.HTML, w)
				}
			}
		})
	}
}

func TestHeadingIDsKeepLettersAndAreUnique(t *testing.T) {
	r := render(t, "# Überblick\n\n## Überblick\n\n### Überblick\n\n## 会议 und Ablauf\n\n## !!!\n\n## C++ & Go: 2026\n\n## Taken {#a-2}\n\n## A\n\n## A\n\n## A", Options{})
	checkDiags(t, r, nil)
	want := []Heading{
		{1, "uberblick", "Überblick"},
		{2, "uberblick-1", "Überblick"},
		{3, "uberblick-2", "Überblick"},
		{2, "会议-und-ablauf", "会议 und Ablauf"},
		{2, "section", "!!!"},
		{2, "c-go-2026", "C++ & Go: 2026"},
		{2, "a-2", "Taken"},
		{2, "a", "A"},
		{2, "a-1", "A"},
		{2, "a-3", "A"}, // a-2 is taken by an explicit id
	}
	if !slices.Equal(r.Headings, want) {
		t.Errorf("got %v, want %v", r.Headings, want)
	}
	if !strings.Contains(string(r.HTML), `<h1 id="uberblick">Überblick</h1>`) {
		t.Errorf("got %s, want the id in the HTML", r.HTML)
	}
}

func TestHeadingWithEmptyOrRepeatedExplicitIDGetsAUniqueOne(t *testing.T) {
	r := render(t, "# Plan {#}\n\n## Goal {#x}\n\n## Other {#x}\n\n## {#}", Options{})
	want := []Heading{{1, "plan", "Plan"}, {2, "x", "Goal"}, {2, "x-1", "Other"}, {2, "section", ""}}
	if !slices.Equal(r.Headings, want) {
		t.Errorf("got %v, want %v", r.Headings, want)
	}
	if !strings.Contains(string(r.HTML), `<h2 id="x-1">Other</h2>`) {
		t.Errorf("got %s, want the new id in the HTML", r.HTML)
	}
}

func TestHeadingIDsStartAfreshOnEveryPage(t *testing.T) {
	md := New(Options{})
	for range 2 {
		r := md.Render(Source{Body: []byte("# Intro"), File: "f.md"}, newResolver())
		if len(r.Headings) != 1 || r.Headings[0].ID != "intro" {
			t.Fatalf("got %v, want one heading with id intro", r.Headings)
		}
	}
}

func TestHeadingTextIsPlain(t *testing.T) {
	r := render(t, "## The *big* [[cpo]] `code` plan[^1]\n\n[^1]: x", Options{})
	if len(r.Headings) != 1 {
		t.Fatalf("got %v, want one heading", r.Headings)
	}
	if got, want := r.Headings[0].Text, "The big Cluster Product Owner code plan"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Überblick", "uberblick"},
		{"Cluster Product Owner", "cluster-product-owner"},
		{"  spaced   out  ", "spaced-out"},
		{"Crème brûlée", "creme-brulee"},
		{"会议", "会议"},
		{"Ωμέγα", "ωμεγα"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"Version 3.1 (EU)", "version-3-1-eu"},
		{"!!!", ""},
		{"", ""},
		{"ÅNGSTRÖM", "angstrom"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLimitsRefuseDeepInputsBeforeParsing(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"100,000 block quote markers", strings.Repeat(">", 100000),
			"content/roles/a.md:5:1: block quotes are nested too deeply (at most 32 levels)"},
		{"block quotes with spaces on a later line", "fine\n" + strings.Repeat("> ", 33) + "x",
			"content/roles/a.md:6:1: block quotes are nested too deeply (at most 32 levels)"},
		{"quotes between list markers", strings.Repeat("> 1. ", 40),
			"content/roles/a.md:5:1: block quotes are nested too deeply (at most 32 levels)"},
		{"nested bullet lists", strings.Repeat("- ", 300),
			"content/roles/a.md:5:1: line is indented too deeply (at most 256 spaces)"},
		{"nested ordered lists", strings.Repeat("1. ", 300),
			"content/roles/a.md:5:1: line is indented too deeply (at most 256 spaces)"},
		{"deep indentation", strings.Repeat(" ", 300) + "x",
			"content/roles/a.md:5:1: line is indented too deeply (at most 256 spaces)"},
		{"brackets", "a\n\nb " + strings.Repeat("[", 5001),
			"content/roles/a.md:7:1: too many brackets in a row (at most 5000)"},
		{"brackets and nothing else", strings.Repeat("]", 5001),
			"content/roles/a.md:5:1: too many brackets in a row (at most 5000)"},
		{"link openers and nothing else", strings.Repeat("](", 1001),
			"content/roles/a.md:5:1: too many links on one line (at most 1000)"},
		{"unclosed link destinations", strings.Repeat("[a](", 1001),
			"content/roles/a.md:5:1: too many links on one line (at most 1000)"},
		{"link reference definitions", strings.Repeat("[a]: /b\n", 1001),
			"content/roles/a.md:1005:1: too many link reference definitions in one paragraph (at most 1000; separate them with blank lines)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(t, tt.body, Options{})
			checkDiags(t, r, []string{tt.want})
			if len(r.HTML) != 0 {
				t.Errorf("got %d bytes of HTML, want none: the body must be refused before parsing", len(r.HTML))
			}
		})
	}
}

func TestLimitsLeaveOrdinaryTextAlone(t *testing.T) {
	bodies := []string{
		strings.Repeat("> ", 32) + "deep but allowed",
		strings.Repeat("  ", 100) + "- indented list",
		"1 2 3 4 5 6 7 8 9 " + strings.Repeat("10 ", 200), // numbers are no list markers
		strings.Repeat("[a](b) ", 1000),
		strings.Repeat("[", 5000),
		strings.Repeat("](", 1000),
		strings.Repeat("[a]: /b\n", 1000) + "\n" + strings.Repeat("[c]: /d\n", 1000),
		"2026. was a year",
	}
	for _, b := range bodies {
		if _, msg, ok := checkLimits([]byte(b)); !ok {
			t.Errorf("%.40q…: got %q, want no limit", b, msg)
		}
	}
}

func TestManyEqualHeadingsGetSuccessiveIDs(t *testing.T) {
	var b strings.Builder
	for range 3000 {
		b.WriteString("Same\n====\n\n")
	}
	r := render(t, b.String(), Options{})
	if len(r.Headings) != 3000 {
		t.Fatalf("got %d headings, want 3000", len(r.Headings))
	}
	for i, h := range r.Headings {
		want := "same"
		if i > 0 {
			want = fmt.Sprintf("same-%d", i)
		}
		if h.ID != want {
			t.Fatalf("heading %d: got id %q, want %q", i, h.ID, want)
		}
	}
}

func TestLongLineOfUnclosedWikiLinksStaysText(t *testing.T) {
	body := strings.Repeat("[[a ", 20000)
	r := render(t, body, Options{})
	checkDiags(t, r, nil)
	if strings.Contains(string(r.HTML), "wikilink") {
		t.Errorf("got a wiki link from unclosed brackets")
	}
}

func TestPositionsCountFromBodyLine(t *testing.T) {
	for _, line := range []int{0, 1, 12} {
		r := New(Options{}).Render(Source{Body: []byte("x\n\n[[nope]]"), File: "f.md", BodyLine: line}, newResolver())
		want := max(line, 1) + 2
		if len(r.Diags) != 1 || r.Diags[0].Pos.Line != want || r.Diags[0].Pos.Col != 1 {
			t.Errorf("BodyLine %d: got %v, want one error on line %d, column 1", line, r.Diags, want)
		}
	}
}

func TestRendererIsSafeForConcurrentUse(t *testing.T) {
	md := New(Options{})
	body := []byte("# Title\n\n## Title\n\n[[cpo]] [x](cpo.md) <javascript:x>\n\n| a |\n|---|\n| b |")
	want := md.Render(Source{Body: body, File: "f.md", Path: "roles/a.md"}, newResolver())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got := md.Render(Source{Body: body, File: "f.md", Path: "roles/a.md"}, newResolver())
				if string(got.HTML) != string(want.HTML) || !slices.Equal(got.Headings, want.Headings) {
					t.Errorf("got different output from concurrent renders")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestEmptyBodyRendersNothing(t *testing.T) {
	r := render(t, "", Options{})
	if len(r.HTML) != 0 || len(r.Diags) != 0 || len(r.Headings) != 0 {
		t.Errorf("got %q %v %v, want nothing", r.HTML, r.Diags, r.Headings)
	}
}

func TestTextIsWhatAReaderSees(t *testing.T) {
	body := "# Cluster *Review*\n\nThe [[Cluster Review|review]] shows\nthe increment. <b>raw</b>\n\n- [x] done item\n- `code span`\n\n```go\nfunc main() {}\n```\n\n| a | b |\n|---|---|\n| c | d |\n"
	got := render(t, body, Options{}).Text
	want := "Cluster Review\nThe review shows the increment. raw\ndone item\ncode span\nfunc main() {}\na\nb\nc\nd"
	if got != want {
		t.Errorf("text:\n got %q\nwant %q", got, want)
	}
}

// TestTextResolvesEscapesAndTypography checks that the plain text of
// bodies and headings (for search, the table of contents and titles) is
// what a reader sees: the typographer's quotes and dashes as characters,
// entities and backslash escapes resolved, code spans as typed.
func TestTextResolvesEscapesAndTypography(t *testing.T) {
	tests := []struct{ name, body, text, heading string }{
		{"typographer", "## Don't \"quote\" -- it...\n\nx", "Don’t “quote” – it…\nx", "Don’t “quote” – it…"},
		{"entities", "## 5 &lt; 6 &amp; &copy; &#x41;\n\nx", "5 < 6 & © A\nx", "5 < 6 & © A"},
		{"backslash escapes", "## \\*not emphasis\\* \\[x\\]\n\nx", "*not emphasis* [x]\nx", "*not emphasis* [x]"},
		{"code spans as typed", "## `a &amp; \\*` b\n\nx", "a &amp; \\* b\nx", "a &amp; \\* b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(t, tt.body, Options{})
			if r.Text != tt.text {
				t.Errorf("text: got %q, want %q", r.Text, tt.text)
			}
			if len(r.Headings) != 1 || r.Headings[0].Text != tt.heading {
				t.Errorf("headings: got %+v, want one with text %q", r.Headings, tt.heading)
			}
		})
	}
}
