package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// note is the HTML of an alert of kind k titled title around body.
func note(k, title, body string) string {
	return `<div class="callout callout-` + k + `" role="note">` + "\n" +
		`<p class="callout-title">` + title + "</p>\n" + body + "</div>\n"
}

func TestAlerts(t *testing.T) {
	tests := []struct {
		name, body, want string
		diags            []string
	}{
		{"note", "> [!NOTE]\n> Read *this*.", note("note", "Note", "<p>Read <em>this</em>.</p>\n"), nil},
		{"tip", "> [!TIP]\n> x", note("tip", "Tip", "<p>x</p>\n"), nil},
		{"important", "> [!IMPORTANT]\n> x", note("important", "Important", "<p>x</p>\n"), nil},
		{"warning", "> [!WARNING]\n> x", note("warning", "Warning", "<p>x</p>\n"), nil},
		{"caution", "> [!CAUTION]\n> x", note("caution", "Caution", "<p>x</p>\n"), nil},
		{"any case, spaces around", ">  [!cAuTiOn]  \n> x", note("caution", "Caution", "<p>x</p>\n"), nil},
		{"CRLF", "> [!NOTE]\r\n> x\r\n", note("note", "Note", "<p>x</p>\n"), nil},
		{"several lines and blocks", "> [!NOTE]\n> one\n> two\n>\n> - a\n> - b",
			note("note", "Note", "<p>one\ntwo</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"), nil},
		{"marker then a block", "> [!TIP]\n> ## Heading", note("tip", "Tip", `<h2 id="heading">Heading</h2>`+"\n"), nil},
		{"lazy continuation", "> [!NOTE]\ntext", note("note", "Note", "<p>text</p>\n"), nil},
		{"in a list", "- > [!NOTE]\n  > x", "<ul>\n<li>\n" + note("note", "Note", "<p>x</p>\n") + "</li>\n</ul>\n", nil},
		{"holds a section", "> [!NOTE]\n> :::details More\n> x\n> :::",
			note("note", "Note", "<details>\n<summary>More</summary>\n<p>x</p>\n</details>\n"), nil},
		{"nested quote stays a quote", "> [!NOTE]\n> > quoted",
			note("note", "Note", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"), nil},
		{"plain quote", "> just a quote", "<blockquote>\n<p>just a quote</p>\n</blockquote>\n", nil},
		{"marker not at the start", "> See [!NOTE]\n> x", "<blockquote>\n<p>See [!NOTE]\nx</p>\n</blockquote>\n", nil},
		{"marker outside a quote", "[!NOTE]\nx", "<p>[!NOTE]\nx</p>\n", nil},
		{"marker not in the first paragraph", "> x\n>\n> [!NOTE]\n> y", "<blockquote>\n<p>x</p>\n<p>[!NOTE]\ny</p>\n</blockquote>\n", nil},
		{"unknown kind", "> [!NOTES]\n> x", "<blockquote>\n<p>[!NOTES]\nx</p>\n</blockquote>\n",
			[]string{`content/roles/a.md:5:3: warning: [!NOTES] is not an alert kind, so this block quote stays one (the kinds are NOTE, TIP, IMPORTANT, WARNING, CAUTION) (did you mean "NOTE"?)`}},
		{"unknown kind, no suggestion", "\n> [!FOO]\n> x", "<blockquote>\n<p>[!FOO]\nx</p>\n</blockquote>\n",
			[]string{`content/roles/a.md:6:3: warning: [!FOO] is not an alert kind, so this block quote stays one (the kinds are NOTE, TIP, IMPORTANT, WARNING, CAUTION)`}},
		{"text on the marker's line", "> [!NOTE] x", "<blockquote>\n<p>[!NOTE] x</p>\n</blockquote>\n",
			[]string{`content/roles/a.md:5:3: warning: [!NOTE] makes an alert only alone on the block quote's first line: start the text on the next line`}},
		{"nothing after the marker", "> [!TIP]", "<blockquote>\n<p>[!TIP]</p>\n</blockquote>\n",
			[]string{`content/roles/a.md:5:3: warning: [!TIP] makes an alert only with text after it: this block quote stays one`}},
		{"not a marker", "> [!] [!1] [NOTE]\n> x", "<blockquote>\n<p>[!] [!1] [NOTE]\nx</p>\n</blockquote>\n", nil},
		{"marker made a link", "[!note]: https://example.org\n\n> [!NOTE]\n> x",
			"<blockquote>\n<p><a href=\"https://example.org\">!NOTE</a>\nx</p>\n</blockquote>\n", nil},
	}
	for _, tt := range tests {
		for _, unsafe := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				r := render(t, tt.body, Options{UnsafeHTML: unsafe})
				checkDiags(t, r, tt.diags)
				if string(r.HTML) != tt.want {
					t.Errorf("unsafeHTML %v: got\n%s\nwant\n%s", unsafe, r.HTML, tt.want)
				}
			})
		}
	}
}

func TestDetails(t *testing.T) {
	tests := []struct {
		name, body, want string
		diags            []string
	}{
		{"summary with inline Markdown", ":::details Why *three* days?\nBody.\n:::\nafter",
			"<details>\n<summary>Why <em>three</em> days?</summary>\n<p>Body.</p>\n</details>\n<p>after</p>\n", nil},
		{"VitePress spacing, any case", "::: DETAILS  Spaced  \nx\n:::",
			"<details>\n<summary>Spaced</summary>\n<p>x</p>\n</details>\n", nil},
		{"no summary", ":::details\nx\n:::", "<details>\n<summary>Details</summary>\n<p>x</p>\n</details>\n", nil},
		{"empty", ":::details E\n:::", "<details>\n<summary>E</summary>\n</details>\n", nil},
		{"blocks inside", ":::details S\n## Steps\n\n1. one\n2. two\n\n| a |\n|---|\n| 1 |\n:::",
			"<details>\n<summary>S</summary>\n<h2 id=\"steps\">Steps</h2>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n" +
				"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</details>\n", nil},
		{"interrupts a paragraph", "text\n:::details S\nx\n:::", "<p>text</p>\n<details>\n<summary>S</summary>\n<p>x</p>\n</details>\n", nil},
		{"closes a paragraph", ":::details S\nx\n:::\ny", "<details>\n<summary>S</summary>\n<p>x</p>\n</details>\n<p>y</p>\n", nil},
		{"nested", ":::details A\n:::details B\nb\n:::\na\n:::",
			"<details>\n<summary>A</summary>\n<details>\n<summary>B</summary>\n<p>b</p>\n</details>\n<p>a</p>\n</details>\n", nil},
		{"nested, longer outer fence", "::::details A\n:::details B\nb\n:::\na\n::::",
			"<details>\n<summary>A</summary>\n<details>\n<summary>B</summary>\n<p>b</p>\n</details>\n<p>a</p>\n</details>\n", nil},
		{"short closer does not close a long fence", "::::details A\n:::\n::::",
			"<details>\n<summary>A</summary>\n<p>:::</p>\n</details>\n", nil},
		{"code keeps its lines", ":::details A\n```md\n:::\n```\n:::",
			"<details>\n<summary>A</summary>\n<pre><code class=\"language-md\">:::\n</code></pre>\n</details>\n", nil},
		{"inside a list", "- item\n\n  :::details In a list\n  x\n  :::\n- next",
			"<ul>\n<li>\n<p>item</p>\n<details>\n<summary>In a list</summary>\n<p>x</p>\n</details>\n</li>\n<li>\n<p>next</p>\n</li>\n</ul>\n", nil},
		{"holds a list", ":::details L\n- a\n- b\n:::\nafter",
			"<details>\n<summary>L</summary>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</details>\n<p>after</p>\n", nil},
		{"inside a quote", "> :::details Q\n> x\n> :::", "<blockquote>\n<details>\n<summary>Q</summary>\n<p>x</p>\n</details>\n</blockquote>\n", nil},
		{"holds an alert", ":::details D\n> [!TIP]\n> x\n:::", "<details>\n<summary>D</summary>\n" + note("tip", "Tip", "<p>x</p>\n") + "</details>\n", nil},
		{"CRLF", ":::details A\r\nx\r\n:::\r\ny\r\n", "<details>\n<summary>A</summary>\n<p>x</p>\n</details>\n<p>y</p>\n", nil},
		{"another word", ":::detailsX\n:::tip T\n:::", "<p>:::detailsX\n:::tip T\n:::</p>\n", nil},
		{"two colons", "::details X", "<p>::details X</p>\n", nil},
		{"indented four is code", "    :::details X", "<pre><code>:::details X\n</code></pre>\n", nil},
		{"stray closer is text", ":::", "<p>:::</p>\n", nil},
		{"unclosed", "intro\n\n  :::details Never closed\nx",
			"<p>intro</p>\n<details>\n<summary>Never closed</summary>\n<p>x</p>\n</details>\n",
			[]string{`content/roles/a.md:7:3: ":::details Never closed" is never closed: end the section with a line of ":::" (inside a list item, indented like the item's text)`}},
		{"closer too short for the inner section closes the outer", ":::details A\n::::details B\n:::\n",
			"<details>\n<summary>A</summary>\n<details>\n<summary>B</summary>\n</details>\n</details>\n",
			[]string{`content/roles/a.md:6:1: "::::details B" is never closed: end the section with a line of "::::" (inside a list item, indented like the item's text)`}},
		{"closer not indented in a list", "- :::details L\n  x\n:::",
			"<ul>\n<li>\n<details>\n<summary>L</summary>\n<p>x\n:::</p>\n</details>\n</li>\n</ul>\n",
			[]string{`content/roles/a.md:5:3: ":::details L" is never closed: end the section with a line of ":::" (inside a list item, indented like the item's text)`}},
	}
	for _, tt := range tests {
		for _, unsafe := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				r := render(t, tt.body, Options{UnsafeHTML: unsafe})
				checkDiags(t, r, tt.diags)
				if string(r.HTML) != tt.want {
					t.Errorf("unsafeHTML %v: got\n%s\nwant\n%s", unsafe, r.HTML, tt.want)
				}
			})
		}
	}
}

func TestDetailsNestTooDeeply(t *testing.T) {
	body := strings.Repeat(":::details x\n", maxDetails+3) + strings.Repeat(":::\n", maxDetails+3)
	r := render(t, body, Options{})
	want := []string{`content/roles/a.md:21:1: collapsible sections are nested too deeply (at most 16 levels)`}
	checkDiags(t, r, want)
	if n := strings.Count(r.HTML, "<details>"); n != maxDetails {
		t.Errorf("got %d sections, want %d", n, maxDetails)
	}
}

func TestDetailsLinksAndHeadings(t *testing.T) {
	r := render(t, ":::details Ask the [[cpo]]\n## Inside\n\nSee [[#inside]].\n:::", Options{})
	checkDiags(t, r, nil)
	if len(r.Links) != 1 || r.Links[0].Target != "cpo" || r.Links[0].Pos.Line != 5 {
		t.Errorf("got links %+v, want the summary's link to cpo on line 5", r.Links)
	}
	if len(r.Headings) != 1 || r.Headings[0].ID != "inside" {
		t.Errorf("got headings %+v, want the heading inside the section", r.Headings)
	}
	if !strings.Contains(string(r.HTML), `<summary>Ask the <a class="wikilink" href="/roles/cpo/"`) {
		t.Errorf("got %s, want the summary's wiki link resolved", r.HTML)
	}
}

// TestContainersPlainText checks the text for search: an alert's title
// and a section's summary stand on lines of their own, before the text
// they head.
func TestContainersPlainText(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Before.\n\n> [!WARNING]\n> Do not *lower* the DoD.\n\nAfter.", "Before.\nWarning\nDo not lower the DoD.\nAfter."},
		{"Before.\n:::details Why **two** days?\nBecause.\n:::\nAfter.", "Before.\nWhy two days?\nBecause.\nAfter."},
		{":::details\nx\n:::", "Details\nx"},
		{"> [!FOO]\n> x", "[!FOO] x"},
	}
	for _, tt := range tests {
		if got := render(t, tt.body, Options{}).Text; got != tt.want {
			t.Errorf("%q: got text %q, want %q", tt.body, got, tt.want)
		}
	}
}

var (
	detailsTag = regexp.MustCompile(`<(/?)(details|summary)>`)
	calloutTag = regexp.MustCompile(`<div class="callout callout-(note|tip|important|warning|caution)" role="note">\n<p class="callout-title">`)
)

// FuzzContainers renders bodies built around alerts and collapsible
// sections and checks that Render neither panics nor hangs, that every
// <details> opens with a <summary> and closes in order, that in safe mode
// every <div> is an alert's and is closed, and that diagnostics stay
// within the body's lines.
func FuzzContainers(f *testing.F) {
	for _, s := range []string{
		"> [!NOTE]\n> x\n\n> [!tip]\n> - a\n\n> [!FOO]\n> y\n\n> [!NOTE] z\n",
		":::details A *b*\n:::details\n```\n:::\n```\n:::\n:::\n",
		"::::details A\n- :::details B\n  x\n  :::\n> :::details C\n> y\n::::\n",
		":::details unclosed\n> [!WARNING]\n> :::details inner\n",
		"- > [!CAUTION]\n  > :::details S\n  > x\n:::\n:::details\n",
		strings.Repeat(":::details x\n", 20) + strings.Repeat(":::\n", 21),
	} {
		f.Add([]byte(s))
	}
	safe := New(Options{})
	f.Fuzz(func(t *testing.T, body []byte) {
		src := Source{Body: body, File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 3}
		r := safe.Render(src, newResolver())
		last := 3 + bytes.Count(body, []byte("\n"))
		for _, d := range r.Diags {
			if d.Pos.Line < 3 || d.Pos.Line > last {
				t.Errorf("got %q, want a diagnostic at a line in 3..%d", d.Error(), last)
			}
		}
		var open []string // "details" or "summary", innermost last
		for _, m := range detailsTag.FindAllSubmatch([]byte(r.HTML), -1) {
			closing, name := len(m[1]) > 0, string(m[2])
			switch {
			case !closing && name == "details":
				open = append(open, name)
			case !closing && len(open) > 0 && open[len(open)-1] == "details":
				open = append(open, name)
			case closing && len(open) > 0 && open[len(open)-1] == name:
				open = open[:len(open)-1]
			default:
				t.Fatalf("got %s out of place in:\n%s", m[0], r.HTML)
			}
		}
		if len(open) > 0 {
			t.Errorf("got unclosed %v in:\n%s", open, r.HTML)
		}
		if d, s := strings.Count(r.HTML, "<details>"), strings.Count(r.HTML, "<summary>"); d != s {
			t.Errorf("got %d <details> and %d <summary>, want one summary each in:\n%s", d, s, r.HTML)
		}
		divs, ends := strings.Count(r.HTML, "<div"), strings.Count(r.HTML, "</div>")
		if n := len(calloutTag.FindAll([]byte(r.HTML), -1)); n != divs || divs != ends {
			t.Errorf("got %d alerts, %d <div> and %d </div>, want as many of each in:\n%s", n, divs, ends, r.HTML)
		}
	})
}
