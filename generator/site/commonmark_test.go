package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// specExample is one example of the CommonMark spec, as goldmark's
// _test/spec.json holds it.
type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// specMode is the unsafeHTML setting an entry of a table applies to.
type specMode int

const (
	safeOnly   specMode = 1 << iota // unsafeHTML = false
	unsafeOnly                      // unsafeHTML = true
	bothModes  = safeOnly | unsafeOnly
)

func (m specMode) has(unsafe bool) bool {
	if unsafe {
		return m&unsafeOnly != 0
	}
	return m&safeOnly != 0
}

// specDifference is a group of spec examples whose published HTML differs
// from the spec's on purpose, and why.
type specDifference struct {
	reason   string
	mode     specMode
	examples []int
}

// deliberateDifferences lists the examples that Backlight renders
// differently from the CommonMark spec because of a choice it makes. Each
// group was checked by looking at the output; an example that differs for
// any other reason is a bug, not an entry here. An entry that stops
// differing fails the test, so that the table stays true.
// An example may be in several groups when several choices change it.
var deliberateDifferences = []specDifference{
	{"raw HTML is off by default: with unsafeHTML = false a raw HTML block or inline tag is " +
		"replaced by an HTML comment and reported as a warning", safeOnly, []int{
		21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165,
		166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185,
		186, 187, 188, 189, 190, 191, 201, 308, 309, 344, 475, 476, 477, 491, 494, 524, 536, 613, 614, 615,
		616, 617, 623, 625, 626, 627, 628, 629, 630, 631, 642, 643}},
	{"link filtering: with unsafeHTML = false an autolink whose scheme is not on the safe list " +
		"is published as plain text, with a warning", safeOnly, []int{596, 598, 599, 601}},
	{"typographer: straight quotes, -- and --- and ... become curly quotes, dashes and an ellipsis",
		bothModes, []int{14, 46, 55, 87, 91, 106, 197, 209, 210, 352, 359, 363, 380, 385, 395, 508, 590,
			619, 620, 622, 624, 626, 650}},
	{"automatic heading ids: every heading gets an id attribute, for links to it", bothModes, []int{
		10, 59, 62, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 86, 89, 90, 91,
		95, 96, 102, 103, 115, 141, 214, 215, 227, 228, 229, 230, 232, 300, 646, 647}},
	{"wiki links: [[...]] is a link to another page (here to none, so a broken-link span)",
		bothModes, []int{548, 559, 590}},
	{"GFM autolinks: a bare URL or e-mail address becomes a link", bothModes, []int{608, 611, 612}},
	{`images load when they are near and decode off the main thread: every Markdown image gets ` +
		`loading="lazy" and decoding="async" (and its width and height when it is a file of the site)`, bothModes, []int{
		517, 520, 531, 572, 573, 574, 575, 576, 577, 578, 579, 580, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591}},
	{"the minifier drops whitespace that HTML does not show: at the start or end of a block, " +
		"or after other whitespace across a tag or comment", unsafeOnly, []int{
		162, 163, 164, 165, 166, 187, 625, 626, 627, 628}},
	{"the minifier compacts the CSS of a raw style element (same rules)", unsafeOnly, []int{172, 176}},
	{"the minifier collapses whitespace in a class attribute, a space-separated list",
		unsafeOnly, []int{154}},
}

// pendingLinkFixes lists the examples for which the link checker reports
// an error although the Markdown is valid, until they are fixed; remove an
// entry once its example renders without an error (the test says which).
// None is left: an empty destination ([link](), examples 200 and 485–487,
// 567) was checked as a link to the heading "", and is now a link to the
// page itself.
var pendingLinkFixes = []specDifference{}

// rightLinkErrors lists the examples for which an error is right on a page
// of a site: a link to a heading the page does not have.
var rightLinkErrors = []specDifference{
	{"[link](#fragment) on a page without a heading with the id fragment", bothModes, []int{501}},
}

// TestCommonMarkSpec renders every example of the CommonMark spec the way a
// page body is published (Markdown, then the page minifier) and compares
// the result with the spec's HTML after normalising both as the spec's own
// test runner does. It runs with unsafeHTML off and on.
func TestCommonMarkSpec(t *testing.T) {
	examples := loadSpecExamples(t)
	for _, unsafe := range []bool{false, true} {
		t.Run(fmt.Sprintf("unsafeHTML=%v", unsafe), func(t *testing.T) {
			deliberate := specTable(t, deliberateDifferences, unsafe)
			pending := specTable(t, pendingLinkFixes, unsafe)
			right := specTable(t, rightLinkErrors, unsafe)
			r := markdown.New(markdown.Options{UnsafeHTML: unsafe})
			mini := newMinify()
			match := 0
			for _, ex := range examples {
				res := r.Render(markdown.Source{Body: []byte(ex.Markdown), File: "spec.md", Path: "spec.md", BodyLine: 1}, nothingResolver{})
				_, errorWanted := right[ex.Example]
				checkSpecDiags(t, ex, res.Diags, pending[ex.Example], errorWanted)
				got, err := publishedBody(mini, []byte(res.HTML))
				if err != nil {
					t.Errorf("example %d (%s): %v", ex.Example, ex.Section, err)
					continue
				}
				want := normalizeHTML(ex.HTML)
				got = normalizeHTML(got)
				reason, listed := deliberate[ex.Example]
				switch {
				case got == want && listed:
					t.Errorf("example %d (%s) matches the spec now but is listed as a deliberate difference (%s): remove it from the table",
						ex.Example, ex.Section, reason)
				case got == want:
					match++
				case !listed:
					t.Errorf("example %d (%s) differs from the spec:\nmarkdown: %q\nwant: %q\ngot:  %q",
						ex.Example, ex.Section, ex.Markdown, want, got)
				}
			}
			t.Logf("unsafeHTML=%v: %d of %d match, %d deliberate", unsafe, match, len(examples), len(deliberate))
		})
	}
}

// loadSpecExamples reads the spec examples from the goldmark module the
// build uses, so that they follow the spec version goldmark implements.
func loadSpecExamples(t *testing.T) []specExample {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("cannot find the goldmark module for its CommonMark spec examples (go list -m: %v)", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json"))
	if err != nil {
		t.Fatalf("read the CommonMark spec examples: %v", err)
	}
	var examples []specExample
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatalf("decode %s: %v", filepath.Join(dir, "_test", "spec.json"), err)
	}
	if len(examples) == 0 {
		t.Fatalf("no examples in %s", filepath.Join(dir, "_test", "spec.json"))
	}
	return examples
}

// specTable maps the examples of tbl that apply in this mode to their
// reasons.
func specTable(t *testing.T, tbl []specDifference, unsafe bool) map[int]string {
	t.Helper()
	m := map[int]string{}
	for _, d := range tbl {
		if !d.mode.has(unsafe) {
			continue
		}
		for _, n := range d.examples {
			if prev, ok := m[n]; ok {
				m[n] = prev + "; " + d.reason
			} else {
				m[n] = d.reason
			}
		}
	}
	return m
}

// nothingResolver resolves no link, as for a page alone in its site.
type nothingResolver struct{}

func (nothingResolver) Resolve(ref string, path bool) (markdown.Target, error) {
	return markdown.Target{}, errors.New("no page " + ref)
}

// checkSpecDiags fails on an error diagnostic for valid Markdown, except
// those of links to other pages, which nothingResolver cannot resolve.
// For an example of pendingLinkFixes (pending is its reason) or of
// rightLinkErrors (wanted) it wants an error instead, so that the tables
// shrink as the link checker is mended.
func checkSpecDiags(t *testing.T, ex specExample, diags generator.Diagnostics, pending string, wanted bool) {
	t.Helper()
	var errs []string
	for _, d := range diags {
		if d.Severity != generator.Error ||
			strings.HasPrefix(d.Message, "broken wiki link ") || strings.HasPrefix(d.Message, "broken link to ") {
			continue
		}
		errs = append(errs, d.Error())
	}
	switch {
	case len(errs) > 0 && pending == "" && !wanted:
		t.Errorf("example %d (%s) is valid Markdown but reported as an error:\nmarkdown: %q\n%s",
			ex.Example, ex.Section, ex.Markdown, strings.Join(errs, "\n"))
	case len(errs) == 0 && pending != "":
		t.Errorf("example %d (%s) has no false error any more (%s): remove it from pendingLinkFixes",
			ex.Example, ex.Section, pending)
	case len(errs) == 0 && wanted:
		t.Errorf("example %d (%s) links to a heading the page does not have, but no error says so",
			ex.Example, ex.Section)
	}
}

// publishedBody returns body as a page publishes it: inside a minimal page
// that goes through the site's minifier, then cut out of it again.
func publishedBody(mini *minifier, body []byte) (string, error) {
	var page, out bytes.Buffer
	page.WriteString("<!doctype html><html><head><title>t</title></head><body><main>")
	page.Write(body)
	page.WriteString("</main></body></html>")
	if err := mini.minify(&out, &page, ".html"); err != nil {
		return "", fmt.Errorf("minify: %w", err)
	}
	s := out.String()
	start, end := strings.Index(s, "<main>"), strings.LastIndex(s, "</main>")
	if start < 0 || end < start {
		return "", fmt.Errorf("the minified page lost its <main> element: %q", s)
	}
	return s[start+len("<main>") : end], nil
}

// specBlockTags are the elements around which whitespace does not show, so
// the normaliser drops it, as the spec's test runner does.
var specBlockTags = map[string]bool{
	"article": true, "aside": true, "blockquote": true, "body": true, "button": true, "canvas": true,
	"caption": true, "col": true, "colgroup": true, "dd": true, "div": true, "dl": true, "dt": true,
	"embed": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hgroup": true, "hr": true, "iframe": true, "li": true, "map": true, "object": true, "ol": true,
	"output": true, "p": true, "pre": true, "progress": true, "script": true, "section": true,
	"style": true, "table": true, "tbody": true, "td": true, "textarea": true, "tfoot": true,
	"th": true, "thead": true, "tr": true, "ul": true, "video": true,
}

// normalizeHTML rewrites s so that two fragments compare equal when they
// differ only in what HTML does not show: whitespace runs outside <pre>
// become one space and whitespace next to block tags goes, attributes are
// sorted, tag names are lower case, characters are written with as few
// entities as possible and void tags lose their slash.
func normalizeHTML(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	inPre := 0
	lastTag, lastWasTag, lastWasEnd := "", false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			text := tok.Data
			if lastWasTag && lastTag == "br" {
				text = strings.TrimLeft(text, "\n")
			}
			if inPre == 0 {
				text = collapseSpace(text)
				if lastWasTag && specBlockTags[lastTag] {
					text = strings.TrimLeft(text, " ")
					if lastWasEnd {
						text = strings.TrimRight(text, " ")
					}
				}
			}
			b.WriteString(html.EscapeString(text))
			lastWasTag = false
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name := tok.Data
			if specBlockTags[name] {
				trimmed := strings.TrimRight(b.String(), " \t\n\r\f")
				b.Reset()
				b.WriteString(trimmed)
			}
			if name == "pre" {
				if tt == html.EndTagToken {
					inPre = max(inPre-1, 0)
				} else {
					inPre++
				}
			}
			if tt == html.EndTagToken {
				b.WriteString("</" + name + ">")
			} else {
				attrs := slices.Clone(tok.Attr)
				slices.SortFunc(attrs, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
				b.WriteString("<" + name)
				for _, a := range attrs {
					b.WriteString(" " + a.Key + `="` + html.EscapeString(a.Val) + `"`)
				}
				b.WriteString(">")
			}
			lastTag, lastWasTag, lastWasEnd = name, true, tt == html.EndTagToken
		case html.CommentToken:
			b.WriteString("<!--" + tok.Data + "-->")
			lastWasTag = false
		case html.DoctypeToken:
			b.WriteString("<!DOCTYPE " + tok.Data + ">")
			lastWasTag = false
		}
	}
	return strings.TrimSpace(b.String())
}

// collapseSpace turns each run of HTML whitespace in text into one space.
// It leaves other white space, such as U+00A0, alone: that shows.
func collapseSpace(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if strings.ContainsRune(" \t\n\r\f", r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
