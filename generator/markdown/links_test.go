package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestWikiLinksResolveToTheTargetURL(t *testing.T) {
	tests := []struct {
		name, body, html string
		links            []Link
	}{
		{"by title shows the title", "[[Cluster Product Owner]]",
			`<p><a class="wikilink" href="/roles/cpo/" title="Cluster Product Owner">Cluster Product Owner</a></p>`,
			[]Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"by title without case keeps the author's text", "[[cluster product owner]]",
			`<p><a class="wikilink" href="/roles/cpo/" title="Cluster Product Owner">cluster product owner</a></p>`,
			[]Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"by id shows the title", "See [[cpo]].",
			`<p>See <a class="wikilink" href="/roles/cpo/" title="Cluster Product Owner">Cluster Product Owner</a>.</p>`,
			[]Link{{Target: "cpo", Pos: pos(5, 5)}}},
		{"with text shows the text", "[[cpo|the CPO]]",
			`<p><a class="wikilink" href="/roles/cpo/" title="Cluster Product Owner">the CPO</a></p>`,
			[]Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"empty text shows the title", "[[cpo|]]",
			`<p><a class="wikilink" href="/roles/cpo/" title="Cluster Product Owner">Cluster Product Owner</a></p>`,
			[]Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"with heading adds the fragment", "[[cpo#duties]]",
			`<p><a class="wikilink" href="/roles/cpo/#duties" title="Cluster Product Owner">Cluster Product Owner</a></p>`,
			[]Link{{Target: "cpo", Fragment: "duties", Pos: pos(5, 1)}}},
		{"with heading and text", "[[ cpo # duties | Duties ]]",
			`<p><a class="wikilink" href="/roles/cpo/#duties" title="Cluster Product Owner">Duties</a></p>`,
			[]Link{{Target: "cpo", Fragment: "duties", Pos: pos(5, 1)}}},
		{"local heading", "[[#local]]\n\n## Local",
			"<p><a class=\"wikilink\" href=\"#local\">local</a></p>\n<h2 id=\"local\">Local</h2>", nil},
		{"title and label are escaped", "[[CBI-214|a <b> & c]]",
			`<p><a class="wikilink" href="/backlogs/b/cbi-214/" title="Remote &lt;log&gt; upload">a &lt;b&gt; &amp; c</a></p>`,
			[]Link{{Target: "cbi-214", Pos: pos(5, 1)}}},
		{"inside code stays text", "`[[cpo]]`",
			`<p><code>[[cpo]]</code></p>`, nil},
		{"empty brackets stay text", "[[]] and [[ ]]",
			`<p>[[]] and [[ ]]</p>`, nil},
		{"a bracket inside is no wiki link", "[[a[b]]",
			`<p>[[a[b]]</p>`, nil},
		{"on a later line", "First line\nsecond [[cpo]]",
			"<p>First line\nsecond <a class=\"wikilink\" href=\"/roles/cpo/\" title=\"Cluster Product Owner\">Cluster Product Owner</a></p>",
			[]Link{{Target: "cpo", Pos: pos(6, 8)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(t, tt.body, Options{})
			checkDiags(t, r, nil)
			if got := strings.TrimSpace(string(r.HTML)); got != tt.html {
				t.Errorf("got %s, want %s", got, tt.html)
			}
			if !slices.Equal(r.Links, tt.links) {
				t.Errorf("got links %v, want %v", r.Links, tt.links)
			}
		})
	}
}

func pos(line, col int) generator.Pos {
	return generator.Pos{File: "content/roles/a.md", Line: line, Col: col}
}

func TestRelativeMarkdownLinksResolveToTheTargetURL(t *testing.T) {
	tests := []struct {
		name, body, html string
		asked            []string
		links            []Link
	}{
		{"same folder", "[CPO](cpo.md)", `<p><a href="/roles/cpo/">CPO</a></p>`,
			[]string{"path:roles/cpo.md"}, []Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"dot slash", "[CPO](./cpo.md)", `<p><a href="/roles/cpo/">CPO</a></p>`,
			[]string{"path:roles/cpo.md"}, []Link{{Target: "cpo", Pos: pos(5, 1)}}},
		{"other folder with fragment", "x [B](../artifacts/cluster-backlog.md#refinement)",
			`<p>x <a href="/artifacts/cluster-backlog/#refinement">B</a></p>`,
			[]string{"path:artifacts/cluster-backlog.md"}, []Link{{Target: "cluster-backlog", Fragment: "refinement", Pos: pos(5, 3)}}},
		{"external .md link is untouched", "[x](https://example.org/readme.md)",
			`<p><a href="https://example.org/readme.md">x</a></p>`, nil, nil},
		{"protocol-relative link is untouched", "[x](//example.org/readme.md)",
			`<p><a href="//example.org/readme.md">x</a></p>`, nil, nil},
		{"site-absolute link is untouched", "[x](/roles/cpo/)",
			`<p><a href="/roles/cpo/">x</a></p>`, nil, nil},
		{"mailto is untouched", "[x](mailto:po@example.org)",
			`<p><a href="mailto:po@example.org">x</a></p>`, nil, nil},
		{"other relative files are untouched", "[x](../files/plan.pdf)",
			`<p><a href="../files/plan.pdf">x</a></p>`, nil, nil},
		{"images are not resolved", "![x](cpo.md)",
			`<p><img src="cpo.md" alt="x" loading="lazy" decoding="async"></p>`, nil, nil},
		{"external autolink is untouched", "<https://example.org/a.md> and https://example.org",
			`<p><a href="https://example.org/a.md">https://example.org/a.md</a> and <a href="https://example.org">https://example.org</a></p>`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := newResolver()
			r := New(Options{}).Render(Source{Body: []byte(tt.body), File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 5}, res)
			checkDiags(t, r, nil)
			if got := strings.TrimSpace(string(r.HTML)); got != tt.html {
				t.Errorf("got %s, want %s", got, tt.html)
			}
			if !slices.Equal(res.asked, tt.asked) {
				t.Errorf("got resolver asked %q, want %q", res.asked, tt.asked)
			}
			if !slices.Equal(r.Links, tt.links) {
				t.Errorf("got links %v, want %v", r.Links, tt.links)
			}
		})
	}
}

func TestBrokenLinksAreErrorsAtTheirPosition(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"unknown wiki link", "Intro\n\nSee [[Nobody]] here.", []string{
			`content/roles/a.md:7:5: broken wiki link [[Nobody]]: no page has the id, key, alias or title "Nobody"`,
		}},
		{"unknown wiki link with heading", "[[nobody#x|text]]", []string{
			`content/roles/a.md:5:1: broken wiki link [[nobody]]: no page has the id, key, alias or title "nobody"`,
		}},
		{"missing local heading suggests one", "## Duties\n\n[[#dutys]] and [x](#nowhere)", []string{
			`content/roles/a.md:7:1: link to #dutys: this page has no heading with that id (did you mean "duties"?)`,
			`content/roles/a.md:7:16: link to #nowhere: this page has no heading with that id`,
		}},
		{"local heading may come later", "[x](#later)\n\n## Later", nil},
		{"footnote fragments are fine", "[x](#fn:1)", nil},
		{"missing relative file", "text [gone](missing.md) and [deep](../x/y.md#z)", []string{
			`content/roles/a.md:5:6: broken link to missing.md: no file content/roles/missing.md`,
			`content/roles/a.md:5:29: broken link to ../x/y.md#z: no file content/x/y.md`,
		}},
		{"in a list item", "- one\n- two [[nope]]", []string{
			`content/roles/a.md:6:7: broken wiki link [[nope]]: no page has the id, key, alias or title "nope"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDiags(t, render(t, tt.body, Options{}), tt.want)
		})
	}
}

func TestBrokenWikiLinkRendersAsMarkedText(t *testing.T) {
	r := render(t, "[[Nobody|<x>]]", Options{})
	if got, want := strings.TrimSpace(string(r.HTML)), `<p><span class="broken-link">&lt;x&gt;</span></p>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestBrokenRelativeLinkKeepsItsDestination(t *testing.T) {
	r := render(t, "[gone](missing.md)", Options{})
	if got, want := strings.TrimSpace(string(r.HTML)), `<p><a href="missing.md">gone</a></p>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

const removed = "a %s: URL was removed from a link (set unsafeHTML = true under [build] in site.toml to allow it)"

func warning(line, col int, scheme string) string {
	return pos(line, col).String() + ": warning: " + strings.Replace(removed, "%s", scheme, 1)
}

func TestDangerousURLsAreNeutralisedWithAWarning(t *testing.T) {
	tests := []struct {
		name, body, html string
		want             []string
	}{
		{"javascript link", "[x](javascript:alert(1))", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"mixed case", "a [x](JaVaScRiPt:alert(1))", `<p>a <a href="">x</a></p>`,
			[]string{warning(5, 3, "javascript")}},
		{"entity encoded", "[x](&#106;avascript:alert(1))", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"hex entity and named colon", "[x](&#x6A;avascript&colon;alert(1))", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"in angle brackets", "[x](<javascript:alert(1)>)", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"vbscript", "[x](vbscript:msgbox)", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "vbscript")}},
		{"file", "[x](file:///etc/passwd)", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "file")}},
		{"data link", "[x](data:text/html,<script>alert(1)</script>)", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "data")}},
		{"data image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", `<p><img src="" alt="x"></p>`,
			[]string{warning(5, 1, "data")}},
		{"upper-case data image", "text ![x](DATA:image/png;base64,AAAA)", `<p>text <img src="" alt="x"></p>`,
			[]string{warning(5, 6, "data")}},
		{"reference definition", "[x][r]\n\n[r]: javascript:alert(1)", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"autolink becomes text", "a <javascript:alert(1)>", `<p>a javascript:alert(1)</p>`,
			[]string{warning(5, 3, "javascript")}},
		{"autolink on a later line", "first\nsecond <vbscript:x>", "<p>first\nsecond vbscript:x</p>",
			[]string{warning(6, 8, "vbscript")}},
		// Found by FuzzRender with internal/htmlcheck: any scheme but
		// http, https and mailto is removed, not only the script ones.
		{"unknown scheme (fuzz)", "[](A:)", `<p><a href=""></a></p>`,
			[]string{warning(5, 1, "a")}},
		{"tel", "[call](tel:+4912345)", `<p><a href="">call</a></p>`,
			[]string{warning(5, 1, "tel")}},
		{"ftp image", "![x](ftp://example.org/x.png)", `<p><img src="" alt="x"></p>`,
			[]string{warning(5, 1, "ftp")}},
		{"protocol handler autolink", "<ms-msdt:/id>", `<p>ms-msdt:/id</p>`,
			[]string{warning(5, 1, "ms-msdt")}},
		{"percent-encoded javascript", "[x](%6Aavascript:alert(1))", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
		{"percent-encoded tab", "[x](java%09script:alert(1))", `<p><a href="">x</a></p>`,
			[]string{warning(5, 1, "javascript")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render(t, tt.body, Options{})
			checkDiags(t, r, tt.want)
			if got := strings.TrimSpace(string(r.HTML)); got != tt.html {
				t.Errorf("got %s, want %s", got, tt.html)
			}
		})
	}
}

func TestSafeURLsAreKept(t *testing.T) {
	for _, body := range []string{
		"[x](https://example.org/a:b)", "[x](HTTP://example.org/)", "[x](mailto:po@example.org)",
		"[x](//example.org/x)", "[x](page%3Aone.html)", "[x](<notes 2024: plan.html>)", "[x](1a:b)",
		"[x](?q=a:b)", "<https://example.org/>",
	} {
		r := render(t, body, Options{})
		checkDiags(t, r, nil)
		if strings.Contains(string(r.HTML), `href=""`) {
			t.Errorf("%s: got %s, want the URL kept", body, r.HTML)
		}
	}
}

func TestDangerousAutolinkDoesNotHideTheLinksAfterIt(t *testing.T) {
	r := render(t, "<javascript:a> [x](javascript:b) [[cpo]] [y](missing.md)", Options{})
	checkDiags(t, r, []string{
		warning(5, 1, "javascript"),
		warning(5, 16, "javascript"),
		`content/roles/a.md:5:42: broken link to missing.md: no file content/roles/missing.md`,
	})
	if !strings.Contains(string(r.HTML), `href="/roles/cpo/"`) {
		t.Errorf("got %s, want the wiki link after the autolink resolved", r.HTML)
	}
}

func TestDangerousURLFromTheResolverIsDropped(t *testing.T) {
	res := &fakeResolver{names: map[string]Target{"evil": {ID: "evil", URL: "javascript:alert(1)", Title: "Evil"}},
		paths: map[string]Target{"roles/evil.md": {ID: "evil", URL: "&#106;avascript:alert(1)", Title: "Evil"}}}
	r := New(Options{}).Render(Source{Body: []byte("[[evil]] [e](evil.md)"), File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 5}, res)
	checkDiags(t, r, []string{warning(5, 1, "javascript"), warning(5, 10, "javascript")})
	if strings.Contains(string(r.HTML), "avascript") {
		t.Errorf("got %s, want no javascript: URL", r.HTML)
	}
}

func TestUnsafeHTMLKeepsSchemesAndRawHTML(t *testing.T) {
	r := render(t, "[x](javascript:alert(1)) <javascript:y> <b>bold</b>\n\n<div>block</div>", Options{UnsafeHTML: true})
	checkDiags(t, r, nil)
	want := "<p><a href=\"javascript:alert(1)\">x</a> <a href=\"javascript:y\">javascript:y</a> <b>bold</b></p>\n<div>block</div>"
	if got := strings.TrimSpace(string(r.HTML)); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRawHTMLIsDroppedWithAWarning(t *testing.T) {
	r := render(t, "Some <b>bold</b> text.\n\n<div>\n<script>alert(1)</script>\n</div>\n\n<!-- note -->", Options{})
	const msg = "warning: raw HTML is not published (set unsafeHTML = true under [build] in site.toml to allow it)"
	checkDiags(t, r, []string{
		"content/roles/a.md:5:6: " + msg,
		"content/roles/a.md:5:13: " + msg,
		"content/roles/a.md:7:1: " + msg,
		"content/roles/a.md:11:1: " + msg,
	})
	html := string(r.HTML)
	for _, bad := range []string{"<b>", "<script", "<div", "note"} {
		if strings.Contains(html, bad) {
			t.Errorf("got %s, want no %q", html, bad)
		}
	}
	if !strings.Contains(html, "bold") {
		t.Errorf("got %s, want the text between tags kept", html)
	}
}

func TestOutputHasNoDangerousHrefWhenSafe(t *testing.T) {
	body := strings.Join([]string{
		"[a](javascript:1)", "[b](JAVASCRIPT:2)", "[c](&#106;avascript:3)", "[d](java&#x09;script:4)",
		"[e]( javascript:5 )", "<javascript:6>", "![f](data:image/svg+xml,<svg onload=alert(7)>)",
		"[g][r]", "[r]: vbscript:8", "<a href=\"javascript:9\">h</a>",
	}, "\n\n")
	r := render(t, body, Options{})
	for _, bad := range []string{"javascript:", "vbscript:", "data:", "<a href=\"javascript"} {
		if strings.Contains(strings.ToLower(string(r.HTML)), `="`+bad) {
			t.Errorf("got %s, want no %s URL", r.HTML, bad)
		}
	}
}
