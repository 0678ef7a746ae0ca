package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator/internal/htmlcheck"
)

var (
	urlAttr = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*"([^"]*)"`)
	badTag  = regexp.MustCompile(`(?i)<(?:script|iframe|object|embed|style|svg|math|form|base|meta|link)[\s/>]|<[a-z][^>]*\son[a-z]+\s*=`)
)

// unsafeURL is the test's own reading of a dangerous URL, written apart
// from the package's: what a browser would run or embed.
func unsafeURL(u string) bool {
	u = html.UnescapeString(u)
	u = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(u)
	for _, s := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

// FuzzRender renders arbitrary bodies and checks that Render neither
// panics nor hangs, that valid UTF-8 stays valid, that every diagnostic
// names the file at a line of the body, that heading ids are unique and
// that, unless UnsafeHTML is set, no dangerous URL and no raw HTML tag
// reaches the output and the project's HTML invariant checker
// (internal/htmlcheck, a browser-grade tokenizer) finds nothing: a body
// admits no form and no script, not even the theme's.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# Überblick\n\n## Überblick\n\nSee [[cpo]], [[cpo|the CPO]], [[cpo#duties]] and [[#uberblick]].\n",
		"[a](cpo.md) [b](../artifacts/cluster-backlog.md#x) [c](missing.md) [d](https://example.org/x.md)\n",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](&#106;avascript:alert(1)) ![i](data:image/svg+xml,x) <javascript:alert(1)>\n",
		"<b>bold</b>\n\n<script>alert(1)</script>\n\n<a href=\"javascript:x\">a</a>\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [ ] t\n- [x] d\n\nwww.example.org\n\nf[^1]\n\n[^1]: n\n\nTerm\n: Def\n\n\"q\" -- ...\n",
		"## H {#id onclick=alert(1) .c}\n\n[[evil]] [e](evil.md)\n",
		strings.Repeat(">", 40) + "\n" + strings.Repeat("1. ", 100) + "\n",
		"[x][r]\n\n[r]: javascript:alert(1)\n",
		"[[a[[b]]c]] [[]] [[|x]] [[#]]\n",
		"The sprint ends. Each *iteration* and the refinement\nhorizon; see the DoD, [the DoD](x.md) and `DoD` in code.\n\n# Iteration\n\nSprints and sprint.\n",
		// Schemes internal/htmlcheck refuses beyond the script ones.
		"[](A:) [t](tel:1) ![f](ftp://x/y.png) <ms-msdt:x> [p](%6Aavascript:x) [q](java%09script:x) [ok](page%3Aone.html)\n",
	} {
		f.Add([]byte(s), false)
	}
	f.Add([]byte("[x](javascript:alert(1)) <b>raw</b>"), true)
	res := &fakeResolver{
		names: map[string]Target{"cpo": cpo, "cluster product owner": cpo, "evil": {ID: "evil", URL: "javascript:alert(1)", Title: "Evil"}},
		paths: map[string]Target{"roles/cpo.md": cpo, "artifacts/cluster-backlog.md": backlog, "roles/evil.md": {ID: "evil", URL: "data:text/html,x"}},
	}
	// The safe renderer also links glossary terms (a resolver with a
	// glossary page), so that their links are fuzzed with the rest.
	safe, unsafe := New(Options{Terms: termMatcher()}), New(Options{UnsafeHTML: true})
	f.Fuzz(func(t *testing.T, body []byte, allowUnsafe bool) {
		md := safe
		if allowUnsafe {
			md = unsafe
		}
		src := Source{Body: body, File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 3}
		var rs Resolver = &fakeResolver{names: res.names, paths: res.paths}
		if !allowUnsafe {
			rs = glossaryResolver{rs.(*fakeResolver)}
		}
		r := md.Render(src, rs)
		last := 3 + bytes.Count(body, []byte("\n"))
		for _, d := range r.Diags {
			if d.Pos.File != src.File || d.Pos.Line < 3 || d.Pos.Line > last {
				t.Errorf("got %q, want a diagnostic at a line of %s in 3..%d", d.Error(), src.File, last)
			}
		}
		for _, l := range r.Links {
			if l.Pos.Line < 3 || l.Pos.Line > last || l.Target == "" {
				t.Errorf("got link %+v, want a target and a line in 3..%d", l, last)
			}
		}
		seen := map[string]bool{}
		for _, h := range r.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Errorf("got heading id %q, want unique non-empty ids (%v)", h.ID, r.Headings)
			}
			seen[h.ID] = true
		}
		if utf8.Valid(body) && !utf8.Valid([]byte(r.HTML)) {
			t.Errorf("got invalid UTF-8 output from valid input")
		}
		if !allowUnsafe {
			for _, m := range urlAttr.FindAllSubmatch([]byte(r.HTML), -1) {
				if unsafeURL(string(m[1])) {
					t.Errorf("got dangerous URL %q in output:\n%s", m[1], r.HTML)
				}
			}
			if m := badTag.Find([]byte(r.HTML)); m != nil {
				t.Errorf("got raw HTML %q in output:\n%s", m, r.HTML)
			}
			for _, p := range htmlcheck.Check([]byte(r.HTML), htmlcheck.Allow{}) {
				t.Errorf("htmlcheck: %s in output:\n%s", p, r.HTML)
			}
		}
		again := md.Render(src, rs)
		if again.HTML != r.HTML || len(again.Diags) != len(r.Diags) {
			t.Errorf("got different output rendering the same body twice")
		}
	})
}
