package svg

import (
	"bytes"
	"strings"
	"testing"
)

func TestHostileTextIsShownAsText(t *testing.T) {
	const (
		label = `<img src=x onerror=alert(1)>`
		abbr  = `"&'<`
	)
	nodes := []Node{
		{ID: "x", Label: label, Abbr: abbr, Type: `role" onload="alert(1)`, Href: `a/"onmouseover="alert(1)`},
		{ID: "<y>", Label: "Plain & </text><script>alert(1)</script>", Type: "event", Href: "b/?q=1&r=<2>"},
	}
	edges := []Edge{{"x", "<y>", `</title><script>alert(2)</script>`}}
	for name, svg := range map[string][]byte{
		"neighbourhood": Neighbourhood("x", nodes, edges),
		"overview":      Overview(nodes, edges),
		"legend":        Legend([]string{`role" onload="alert(1)`, "<script>"}),
	} {
		d := decode(t, svg) // fails unless well-formed
		for _, e := range d.elems {
			if n := e.Name.Local; n == "img" || n == "script" {
				t.Errorf("%s: hostile text became a <%s> element", name, n)
			}
			for _, a := range e.Attr {
				if strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("%s: hostile text became an attribute %s=%q", name, a.Name.Local, a.Value)
				}
			}
		}
		if name == "legend" {
			continue
		}
		for _, want := range []string{label, abbr, "Plain & </text><script>alert(1)</script>", "</title><script>alert(2)</script>"} {
			if !strings.Contains(d.text, want) {
				t.Errorf("%s: text %q is not shown as text:\n%s", name, want, svg)
			}
		}
		if hrefs := d.links(); count(hrefs, `a/"onmouseover="alert(1)`) != 1 || count(hrefs, "b/?q=1&r=<2>") != 1 {
			t.Errorf("%s: hrefs are not kept as given (escaped): %q", name, hrefs)
		}
	}
}

func TestDangerousHrefsAreNotLinked(t *testing.T) {
	tests := []struct {
		href   string
		linked bool
	}{
		{"../roles/cpo/", true},
		{"cpo/#agenda", true},
		{"/wiki/roles/", true},
		{"?q=a:b", true},
		{"#top", true},
		{"https://example.org/a:b", true},
		{"HTTP://example.org/", true},
		{"mailto:po@example.org", true},
		{"", false},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"  javascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"\x01javascript:alert(1)", false},
		{"&#106;avascript:alert(1)", false},
		{"javascript&colon;alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
	}
	for _, tt := range tests {
		nodes := []Node{{ID: "a", Label: "Centre", Href: "self/"}, {ID: "b", Label: "Target", Type: "role", Href: tt.href}}
		svg := Neighbourhood("a", nodes, []Edge{{"a", "b", "x"}})
		linked := len(decode(t, svg).links()) == 2
		if linked != tt.linked {
			t.Errorf("href %q: linked = %v, want %v", tt.href, linked, tt.linked)
		}
		if !tt.linked && !bytes.Contains(svg, []byte(`<g class="node t-role">`)) {
			t.Errorf("href %q: the node must still be drawn, without a link", tt.href)
		}
		if lower := bytes.ToLower(svg); bytes.Contains(lower, []byte("javascript:")) || bytes.Contains(lower, []byte("data:")) {
			t.Errorf("href %q appears in the output", tt.href)
		}
	}
}

func TestCleanKeepsTextXMLCanRead(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Cluster \t Review\n", "Cluster Review"},
		{"a\x00b\x1bc", "a\uFFFDb\uFFFDc"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"\uFFFE", "\uFFFD"},
		{"Überblick – 計画", "Überblick – 計画"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	svg := Overview([]Node{{ID: "a", Label: "nul\x00 esc\x1b bad\xff", Abbr: "\uFFFF"}}, nil)
	parseSVG(t, svg)
}

// FuzzCleanShortcut checks the shortcut of clean: a string isClean says
// needs nothing is one clean returns unchanged, and clean's output needs
// nothing more.
func FuzzCleanShortcut(f *testing.F) {
	for _, s := range []string{"Cluster Product Owner", " lead", "lead ", "a  b", "tab\there", "Ü", "x\x7f", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if isClean(s) && clean(s) != s {
			t.Errorf("isClean(%q) but clean gives %q", s, clean(s))
		}
		if c := clean(s); clean(c) != c {
			t.Errorf("clean(%q) = %q, which clean changes again to %q", s, c, clean(c))
		}
	})
}
