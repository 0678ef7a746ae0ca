package htmlcheck

import (
	"regexp"
	"strings"
	"testing"
)

var theme = Allow{
	FormClasses: []string{"site-search", "search-form"},
	FormAttrs:   []string{"data-filters"},
	ScriptSrc:   regexp.MustCompile(`^((\.\./)*|/([\w.-]+/)*)js/[\w.-]+\.js$`),
}

func TestCheckFlagsHostileSnippets(t *testing.T) {
	hostile := []string{
		// Elements.
		`<iframe src="https://example.com/"></iframe>`,
		`<IFRAME SRC="x.html"></IFRAME>`,
		`<object data="x.swf"></object>`,
		`<embed src="x.swf">`,
		`<form action="https://evil.example/"><input></form>`,
		`<form class="site-search-evil"></form>`,
		`<svg><foreignObject><iframe></iframe></foreignObject></svg>`,
		// Scripts.
		`<script>alert(1)</script>`,
		`<SCRIPT>alert(1)</SCRIPT>`,
		`<script src="https://evil.example/x.js"></script>`,
		`<script src="//evil.example/js/x.js"></script>`,
		`<script src="/js/../../evil.js"></script>`,
		`<script src="../js/site.js">alert(1)</script>`,
		`<script src="js/evil.php"></script>`,
		`<svg><script>alert(1)</script></svg>`,
		`<noscript><a href="javascript:alert(1)">x</a></noscript>`,
		// Event handlers.
		`<img src="x.png" onerror="alert(1)">`,
		`<img src="x.png" ONERROR="alert(1)">`,
		`<body onload=alert(1)>`,
		`<svg onload="alert(1)"></svg>`,
		`<a href="x.html" onClick="alert(1)">x</a>`,
		`<svg><a href="x.html" onmouseover="alert(1)"><text>x</text></a></svg>`,
		// javascript: in every spelling.
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="JavaScript:alert(1)">x</a>`,
		`<a href="JAVASCRIPT:alert(1)">x</a>`,
		`<a href=javascript:alert(1)>x</a>`,
		`<a href="  javascript:alert(1)">x</a>`,
		`<a href="&#32;javascript:alert(1)">x</a>`,
		`<a href="&#x01;javascript:alert(1)">x</a>`,
		`<a href="&#1;&#2;&#31;javascript:alert(1)">x</a>`,
		"<a href=\"\x01javascript:alert(1)\">x</a>",
		`<a href="java&#x09;script:alert(1)">x</a>`,
		`<a href="java&#9;script:alert(1)">x</a>`,
		`<a href="java&Tab;script:alert(1)">x</a>`,
		`<a href="java&#10;script:alert(1)">x</a>`,
		`<a href="java&NewLine;script:alert(1)">x</a>`,
		`<a href="java&#13;script:alert(1)">x</a>`,
		"<a href=\"java\tscript:alert(1)\">x</a>",
		"<a href=\"java\nscript:alert(1)\">x</a>",
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="&#0106;&#0097;vascript:alert(1)">x</a>`,
		`<a href="&#x6A;avascript:alert(1)">x</a>`,
		`<a href="&#X6a;&#X61;vascript:alert(1)">x</a>`,
		`<a href="&#x6A&#x61vascript:alert(1)">x</a>`,
		`<a href="javascript&colon;alert(1)">x</a>`,
		`<a href="javascript&#58;alert(1)">x</a>`,
		`<a href="javascript&#x3a;alert(1)">x</a>`,
		`<a href="%6Aavascript:alert(1)">x</a>`,
		`<a href="javascript%3Aalert(1)">x</a>`,
		`<a href="%6A%61%76%61%73%63%72%69%70%74%3A%61%6C%65%72%74%28%31%29">x</a>`,
		`<a href="%256Aavascript:alert(1)">x</a>`,
		`<a href="&#37;6Aavascript:alert(1)">x</a>`,
		`<a href="vbscript:msgbox(1)">x</a>`,
		`<a href="VbScRiPt:msgbox(1)">x</a>`,
		`<a href="&#118;bscript:msgbox(1)">x</a>`,
		// data: and other schemes.
		`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
		`<a href="DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
		`<a href=" data:text/html,x">x</a>`,
		`<a href="&#100;ata:text/html,x">x</a>`,
		`<img src="data:image/svg+xml,<svg onload=alert(1)>">`,
		`<img src="data:image/svg+xml;base64,PHN2Zy8+">`,
		`<img src="Data:Image/SVG+XML,x">`,
		`<a href="file:///etc/passwd">x</a>`,
		`<a href="ftp://example.com/">x</a>`,
		`<a href="blob:https://example.com/1">x</a>`,
		// Other URL attributes.
		`<img src="javascript:alert(1)">`,
		`<img srcset="a.png 1x, javascript:alert(1) 2x">`,
		`<video poster="javascript:alert(1)"></video>`,
		`<blockquote cite="javascript:alert(1)"></blockquote>`,
		`<table background="javascript:alert(1)"></table>`,
		`<button formaction="javascript:alert(1)">x</button>`,
		`<form class="site-search" action="javascript:alert(1)"></form>`,
		`<link rel="stylesheet" href="javascript:alert(1)">`,
		`<base href="javascript:alert(1)//">`,
		`<meta http-equiv="refresh" content="0; url=javascript:alert(1)">`,
		`<meta http-equiv="Refresh" content="0;URL='data:text/html,x'">`,
		// Inline SVG.
		`<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><a xlink:href="&#106;avascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><use href="data:image/svg+xml,x#a"/></svg>`,
		`<svg><use xlink:href="javascript:alert(1)"/></svg>`,
		`<svg><image href="javascript:alert(1)"/></svg>`,
		`<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`,
		`<svg><a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a></svg>`,
		// Style.
		`<p style="width: expression(alert(1))">x</p>`,
		`<p style="background:url(javascript:alert(1))">x</p>`,
		`<p style="background: URL( 'javascript:alert(1)' )">x</p>`,
		`<style>p { background: url("javascript:alert(1)") }</style>`,
	}
	for _, h := range hostile {
		if got := Check([]byte(h), theme); len(got) == 0 {
			t.Errorf("not flagged: %s", h)
		}
	}
}

func TestCheckPassesSafeSnippets(t *testing.T) {
	safe := []string{
		`<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>`,
		`<a href="https://example.com/">x</a>`,
		`<a href="HTTP://example.com/">x</a>`,
		`<a href="mailto:a@example.com">x</a>`,
		`<a href="../roles/team-lead/">x</a>`,
		`<a href="#intro">x</a>`,
		`<a href="?q=javascript:">x</a>`,
		`<a href="/abs/path">x</a>`,
		`<a href="//cdn.example.com/x">x</a>`,
		`<a href="./javascript:alert(1)">x</a>`, // a relative path
		`<a href="search/?q=data%3Atext">x</a>`,
		`<a href="">x</a>`,
		`<a>x</a>`,
		`<p>javascript:alert(1) as text, &lt;script&gt;</p>`,
		`<p title="onload=alert(1)" data-on="x">x</p>`,
		`<img src="../img/x.png" srcset="../img/x.png 1x, ../img/x@2.png 2x" alt="">`,
		`<script src="../js/site.1a2b3c4d.js" defer></script>`,
		`<script src="js/search.js" defer></script>`,
		`<script src="/js/site.17662788.js" defer></script>`,
		`<script src="/wiki/js/site.17662788.js" defer></script>`,
		`<script src="../../js/site.js" defer>  </script>`,
		`<form class="site-search" action="../search/" role="search"><input type="search" name="q"></form>`,
		`<form class="filters" data-filters hidden><select></select></form>`,
		`<form class="search-form" action="" role="search"></form>`,
		`<svg viewBox="0 0 10 10"><a href="../roles/x/"><text>x</text></a><use href="#node"/></svg>`,
		`<svg><a xlink:href="https://example.com/"><rect/></a></svg>`,
		`<p style="color: red; background: url(../img/x.png)">x</p>`,
		`<meta http-equiv="refresh" content="0; url=../new/">`,
		`<meta name="description" content="javascript: the good parts">`,
		`<!-- <script>alert(1)</script> -->`,
		`<pre><code>&lt;iframe src="javascript:alert(1)"&gt;</code></pre>`,
		`<textarea><script>alert(1)</script></textarea>`,
	}
	for _, s := range safe {
		if got := Check([]byte(s), theme); len(got) > 0 {
			t.Errorf("flagged %s: %v", s, got)
		}
	}
}

func TestCheckReportsLinesAndNames(t *testing.T) {
	doc := "<p>one</p>\n<p>two\n</p>\n<a\n href=\"javascript:x\">x</a>\n<img onerror=x>\n<script>\nalert(1)</script>"
	got := Check([]byte(doc), theme)
	want := []Problem{
		{Line: 4, Element: "a", Attribute: "href"},
		{Line: 6, Element: "img", Attribute: "onerror"},
		{Line: 7, Element: "script"},
		{Line: 7, Element: "script"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %d problems", got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.Line || g.Element != w.Element || g.Attribute != w.Attribute || g.Message == "" {
			t.Errorf("problem %d = %+v, want line %d <%s %s>", i, g, w.Line, w.Element, w.Attribute)
		}
	}
	if s := got[0].String(); !strings.HasPrefix(s, "4: <a href>: ") {
		t.Errorf("String() = %q", s)
	}
}

func TestCheckKeepsScriptsOnTheSiteWhateverThePattern(t *testing.T) {
	loose := Allow{ScriptSrc: regexp.MustCompile(`.`)}
	for _, h := range []string{
		`<script src="//evil.example/x.js"></script>`,
		`<script src="\\evil.example/x.js"></script>`,
		`<script src="/\\evil.example/x.js"></script>`,
		`<script src=" https://evil.example/x.js"></script>`,
		`<script src="data:text/javascript,alert(1)"></script>`,
	} {
		if got := Check([]byte(h), loose); len(got) == 0 {
			t.Errorf("not flagged: %s", h)
		}
	}
	if got := Check([]byte(`<script src="x.js"></script>`), loose); len(got) > 0 {
		t.Errorf("flagged a local script: %v", got)
	}
}

func TestBadURL(t *testing.T) {
	for in, bad := range map[string]bool{
		"https://x":           false,
		"x/y.html":            false,
		"\x00 javascript:x":   true,
		"jAvAsCrIpT:x":        true,
		"java\r\nscript:x":    true,
		"javascript :x":       false, // not a scheme: a relative path
		"data:image/png,x":    true,
		"tel:123":             true,
		"%64ata:text/html,x":  true,
		"page%3Aone.html":     false, // "page" is not a dangerous scheme
		"javascript:x\x00 \t": true,
	} {
		if got := BadURL(in) != ""; got != bad {
			t.Errorf("BadURL(%q) = %q, want bad=%v", in, BadURL(in), bad)
		}
	}
}
