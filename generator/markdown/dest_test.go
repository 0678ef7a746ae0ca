package markdown

import (
	"slices"
	"strings"
	"testing"
)

// fileResolver is a fakeResolver that also knows published files.
type fileResolver struct {
	*fakeResolver
	files map[string]FileTarget // by path in content/, or "/"+path from the root
}

func (f fileResolver) File(ref string, fromRoot bool) (FileTarget, bool) {
	if fromRoot {
		ref = "/" + strings.TrimPrefix(ref, "/")
	}
	t, ok := f.files[ref]
	return t, ok
}

// TestDestinationsAreReadAsTheBrowserReadsThem: links and images are
// decoded (escapes, entities, %-escapes) before they are checked or
// resolved, files beside a page resolve to their published URL with the
// image's size, and what cannot be decided here is recorded for the
// check of the rendered site.
func TestDestinationsAreReadAsTheBrowserReadsThem(t *testing.T) {
	res := fileResolver{newResolver(), map[string]FileTarget{
		"roles/org chart.png": {URL: "../../roles/org%20chart.png", Width: 640, Height: 480},
		"roles/notes.pdf":     {URL: "../../roles/notes.pdf"},
		"/img/logo.svg":       {URL: "/img/logo.svg", Width: 120, Height: 40},
	}}
	res.paths["roles/my file.md"] = cpo
	tests := []struct {
		name, body, html string
		refs             []Ref
		errors           []string
	}{
		{"an empty destination links to the page itself", "[link]()",
			`<p><a href="">link</a></p>`, nil, nil},
		{"a backslash escape in a fragment", "[x](#a\\_b)\n\n## a_b",
			`<p><a href="#a_b">x</a></p>` + "\n" + `<h2 id="a_b">a_b</h2>`,
			[]Ref{{URL: "#a_b", Pos: pos(5, 1), Checked: true}}, nil},
		{"an entity in a fragment", "[x](cpo.md#a&#95;b)",
			`<p><a href="/roles/cpo/#a_b">x</a></p>`,
			[]Ref{{URL: "cpo.md#a_b", Pos: pos(5, 1), Checked: true}}, nil},
		{"a %-escaped Markdown file", "[x](my%20file.md)",
			`<p><a href="/roles/cpo/">x</a></p>`,
			[]Ref{{URL: "my%20file.md", Pos: pos(5, 1), Checked: true}}, nil},
		{"a fragment that is missing", "[x](#nope)\n\n## Yes",
			`<p><a href="#nope">x</a></p>` + "\n" + `<h2 id="yes">Yes</h2>`,
			[]Ref{{URL: "#nope", Pos: pos(5, 1), Checked: true}},
			[]string{`content/roles/a.md:5:1: link to #nope: this page has no heading with that id`}},
		{"an image beside the page gets its URL and size", "![Org](<org chart.png>)",
			`<p><img src="../../roles/org%20chart.png" alt="Org" loading="lazy" decoding="async" width="640" height="480"></p>`,
			[]Ref{{URL: "../../roles/org%20chart.png", Pos: pos(5, 1), Image: true, Checked: true}}, nil},
		{"a file beside the page keeps its query and fragment", "[notes](notes.pdf#page=2)",
			`<p><a href="../../roles/notes.pdf#page=2">notes</a></p>`,
			[]Ref{{URL: "../../roles/notes.pdf#page=2", Pos: pos(5, 1), Checked: true}}, nil},
		{"an image from the root gets its size", "![logo](/img/logo.svg)",
			`<p><img src="/img/logo.svg" alt="logo" loading="lazy" decoding="async" width="120" height="40"></p>`,
			[]Ref{{URL: "/img/logo.svg", Pos: pos(5, 1), Image: true}}, nil},
		{"a folder URL is left for the site check", "[start](../getting-started/)",
			`<p><a href="../getting-started/">start</a></p>`,
			[]Ref{{URL: "../getting-started/", Pos: pos(5, 1)}}, nil},
		{"a missing image is left for the site check", "![gone](gone.png)",
			`<p><img src="gone.png" alt="gone" loading="lazy" decoding="async"></p>`,
			[]Ref{{URL: "gone.png", Pos: pos(5, 1), Image: true}}, nil},
		{"external links are not recorded", "[a](https://example.org/x) [b](//cdn.example/y) [c](mailto:a@b.example)",
			`<p><a href="https://example.org/x">a</a> <a href="//cdn.example/y">b</a> <a href="mailto:a@b.example">c</a></p>`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{}).Render(Source{Body: []byte(tt.body), File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 5}, res)
			if got := diagLines(r); !slices.Equal(got, tt.errors) {
				t.Errorf("got diagnostics %q, want %q", got, tt.errors)
			}
			if got := strings.TrimSpace(string(r.HTML)); got != tt.html {
				t.Errorf("got %s\nwant %s", got, tt.html)
			}
			if !slices.Equal(r.Refs, tt.refs) {
				t.Errorf("got refs %+v\nwant %+v", r.Refs, tt.refs)
			}
		})
	}
}
