package site

import (
	"bytes"
	"strings"
	"testing"
)

// TestMinifyKeepsWhatTheAuthorWrote checks the page minifier on what it
// used to change: the spaces of code, kbd and samp, the space after a code
// span, the text after an empty comment "<!-->", and CDATA sections. It
// must still leave scripts alone and still collapse ordinary whitespace.
func TestMinifyKeepsWhatTheAuthorWrote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"leading space of code", "<p><code> a</code></p>", "<p><code> a</code></p>"},
		{"spaces only", "<p><code>  </code></p>", "<p><code>  </code></p>"},
		{"trailing space of code", "<p><code>foo </code></p>", "<p><code>foo </code></p>"},
		{"kbd and samp", "<p><kbd> Ctrl </kbd> <samp>a\n  b</samp></p>", "<p><kbd> Ctrl </kbd> <samp>a\n  b</samp></p>"},
		{"upper case tag", "<p><CODE> a</CODE></p>", "<p><code> a</code></p>"},
		{"nested in code", "<p><code><b> a </b></code></p>", "<p><code><b> a </b></code></p>"},
		{"text after code is not glued", "<p>with <code>, </code> and</p>", "<p>with <code>, </code> and</p>"},
		{"newline after a space code span", "<p><code> </code>\naaa</p>", "<p><code> </code>\naaa</p>"},
		{"empty comment <!-->", "<p>foo <!--> bar --></p>", "<p>foo <!---->bar --></p>"},
		{"empty comment <!--->", "<p>foo <!---> bar --></p>", "<p>foo <!---->bar --></p>"},
		{"comment kept", "<p>a <!-- note --> b</p>", "<p>a <!-- note -->b</p>"},
		{"cdata", "<div><![CDATA[\n  x  y\n]]></div>", "<div><![CDATA[\n  x  y\n]]></div>"},
		{"script left alone", "<script>var s = \"<!-->\";</script><p><code> a</code></p>",
			`<script>var s="<\!-->"</script><p><code> a</code></p>`}, // the JS minifier's escape, not "<!---->"
		{"stand-in runes of the page are kept", "<p>\ue000\ue001 <code> a\ue002</code></p>", "<p>\ue000\ue001 <code> a\ue002</code></p>"},
		{"other text still collapses", "<p>  a \n\n b  </p>\n<p> c</p>", "<p>a\nb</p><p>c</p>"},
		{"pre still kept", "<pre><code>  x\n  y</code></pre>", "<pre><code>  x\n  y</code></pre>"},
	}
	mi := newMinify()
	const head = "<!doctype html><html><head><title>t</title></head><body>"
	const tail = "</body></html>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := mi.minify(&out, bytes.NewBufferString(head+tt.in+tail), ".html"); err != nil {
				t.Fatalf("minify: %v", err)
			}
			got := strings.TrimSuffix(strings.TrimPrefix(out.String(), head), tail)
			if got != tt.want {
				t.Errorf("minify(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFreeRunesAvoidTheRunesOfThePage checks that the stand-ins for
// whitespace are runes the page does not hold, so that restoring them
// changes nothing else.
func TestFreeRunesAvoidTheRunesOfThePage(t *testing.T) {
	if base, ok := freeRunes([]byte("plain")); !ok || base != 0xE000 {
		t.Errorf("freeRunes(plain) = %U, %v; want U+E000, true", base, ok)
	}
	base, ok := freeRunes([]byte("a\ue003b\ue007"))
	if !ok || base != 0xE00A {
		t.Errorf("freeRunes with U+E003 and U+E007 = %U, %v; want U+E00A, true", base, ok)
	}
	var all strings.Builder
	for r := rune(0xE000); r <= 0xF8FF; r++ {
		all.WriteRune(r)
	}
	if base, ok := freeRunes([]byte(all.String())); ok {
		t.Errorf("freeRunes of every private use rune = %U, true; want false", base)
	}
}

// TestMinifyLayoutKeepsTemplateActions checks the minifier of theme
// layouts: it collapses the markup's whitespace as the page minifier does
// but leaves every {{ }} action as written, even inside attributes, and
// keeps the spaces of code.
func TestMinifyLayoutKeepsTemplateActions(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"whitespace between blocks", "<div>\n  <p>a</p>\n  <p>b</p>\n</div>", "<div><p>a</p><p>b</p></div>"},
		{"action as text", "<p>\n  {{ .Title }}\n</p>", "<p>{{ .Title }}</p>"},
		{"action in an attribute", `<a href="{{ .URL }}" class="x {{if .On}}on{{end}}">{{.T}}</a>`, `<a href="{{ .URL }}" class="x {{if .On}}on{{end}}">{{.T}}</a>`},
		{"trim markers", "<ul>\n{{- range .L }}\n  <li>{{ . }}</li>\n{{- end }}\n</ul>", "<ul>{{- range .L }}<li>{{ . }}</li>{{- end }}</ul>"},
		{"define blocks", `{{define "main"}}<main>  <h1>{{.T}}</h1>  </main>{{end}}`, `{{define "main"}}<main><h1>{{.T}}</h1></main>{{end}}`},
		{"code spaces", "<p><code> {{ .X }} </code></p>", "<p><code> {{ .X }} </code></p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := minifyLayout("t.html", []byte(tt.in))
			if err != nil {
				t.Fatalf("minifyLayout: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("minifyLayout(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
