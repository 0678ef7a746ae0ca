package content

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/backlight-wiki/backlight/generator"
)

// fuzzPaths are the places a fuzzed file may be loaded from, one per way
// the type and id are derived.
var fuzzPaths = []string{
	"roles/cpo.md", "backlogs/pumps/_index.md", "backlogs/pumps/cbi-1.md",
	"releases/r1.md", "about.md", "_index.md", "roles/_index.md", "misc/deep/x.md", "roles/sub/_index.md",
}

// FuzzLoad loads one arbitrary file and checks that Load neither panics
// nor hangs, that every diagnostic names the file at a line it has, and
// that a page it returns is consistent with the file's bytes.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		"---\ntitle: A\nlevel: team\nrelations:\n  part_of: [X, Y]\n---\nBody [[X]]\n",
		"+++\ntitle = \"A\"\n[relations]\npart_of = [\"X\"]\n+++\nBody\n",
		"{\n  \"title\": \"A\",\n  \"tags\": [\"x\"]\n}\n\nBody\n",
		"---json\n{\"title\": \"A\"}\n---\n",
		"\ufeff---\r\ntitle: A\r\n---\r\nBody\r\n",
		"---\ntitle: A\n",
		"---\ntitle: [\n---\n",
		"---\ntitle: A\ntitle: B\n---\n",
		"---\nid: CBI-1\ntitle: X\nvalue: -1\nestimate: 1e12\nparent: [a]\n---\n",
		"---\na: &a [x, x]\nb: [*a, *a]\n---\n",
		"# no front matter\n",
	}
	for i, s := range seeds {
		f.Add(uint8(i), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		p := fuzzPaths[int(which)%len(fuzzPaths)]
		file := "content/" + p
		res, diags := Load(mapFS(map[string]string{p: string(src)}), testOptions)
		norm := normalise(bytes.Clone(src))
		maxLine := 1 + bytes.Count(norm, []byte("\n"))
		for _, d := range diags {
			if d.Pos.File != file {
				t.Errorf("got %q, want a diagnostic naming %s", d.Error(), file)
			}
			if d.Pos.Line < 0 || d.Pos.Line > maxLine || d.Pos.Col < 0 {
				t.Errorf("got %q, want a line in 1..%d", d.Error(), maxLine)
			}
			if d.Message == "" || !utf8.ValidString(d.Message) {
				t.Errorf("got message %q, want valid, non-empty text", d.Message)
			}
		}
		pages := slices.Clone(res.Pages)
		for _, in := range res.Intros {
			pages = append(pages, in)
		}
		if len(pages) > 1 {
			t.Fatalf("got %d pages from one file, want at most 1", len(pages))
		}
		if len(pages) == 0 {
			if !diags.HasErrors() {
				t.Errorf("got no page and no error")
			}
			return
		}
		pg := pages[0]
		if pg.File != file || pg.Path != p {
			t.Errorf("got File %q Path %q, want %q %q", pg.File, pg.Path, file, p)
		}
		if !bytes.HasSuffix(norm, pg.Body) || bytes.ContainsRune(pg.Body, '\r') || !utf8.Valid(pg.Body) {
			t.Errorf("got body %q, want valid text without CR at the end of the file", pg.Body)
		}
		if pg.BodyLine < 1 || pg.BodyLine > maxLine {
			t.Errorf("got body line %d, want 1..%d", pg.BodyLine, maxLine)
		}
		if want := maxLine - bytes.Count(pg.Body, []byte("\n")); len(pg.Body) > 0 && pg.BodyLine != want {
			t.Errorf("got body line %d, want %d (the file's lines minus the body's)", pg.BodyLine, want)
		}
		for _, kp := range pg.Keys {
			k, pos := kp.Key, kp.Pos
			if pos.File != file || pos.Line < 1 || pos.Line > maxLine {
				t.Errorf("got key %q at %v, want a line of %s", k, pos, file)
			}
		}
		if pg.Title != strings.TrimSpace(pg.Title) || !strings.HasPrefix(pg.URL, "/") || !strings.HasSuffix(pg.URL, "/") {
			t.Errorf("got title %q URL %q, want a trimmed title and a /…/ URL", pg.Title, pg.URL)
		}
		if pg.Type == generator.TypeItem && pg.Item == nil {
			t.Errorf("got an item page without Item")
		}
		again, diags2 := Load(mapFS(map[string]string{p: string(src)}), testOptions)
		if !slices.Equal(lines(diags), lines(diags2)) || len(again.Pages) != len(res.Pages) {
			t.Errorf("got different results loading the same file twice")
		}
	})
}

// FuzzSplitBody checks that the body split takes from a file, having let
// the library read it only up to the end of the front matter
// (lineReader), is the rest the library gives when it reads all of it.
func FuzzSplitBody(f *testing.F) {
	long := strings.Repeat("x", 5000) // longer than the library's 4 KiB buffer
	seeds := []string{
		"---\ntitle: A\n---\nBody\n",
		"\n\n---\ntitle: A\n---\n\nBody\n",
		"---\ntitle: A\n---",
		"---  \ntitle: A\n---   \nBody",
		"+++\ntitle = \"A\"\n+++\nBody",
		"{\n\"title\": \"A\"\n}\n\nBody\n",
		"{\n\"title\": \"A\"\n}\nnot blank\n}\n\nBody\n",
		"---json\n{\"title\": \"A\"}\n---\n---\n",
		"---\ntitle: " + long + "\n---\n" + long + "\n",
		"---\ntitle: A\n",
		"# no front matter\n---\ntitle: A\n---\n",
		"",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		src = normalise(src)
		if !utf8.Valid(src) {
			return
		}
		var c captured
		rest, err := frontmatter.Parse(bytes.NewReader(src), &c, formats()...)
		if err != nil || !c.found {
			return
		}
		want := src[len(src)-len(rest):]
		if _, body, _, err := newSplitter().split("content/a.md", src); err == nil && !bytes.Equal(body, want) {
			t.Errorf("split: got body %q, want %q", body, want)
		}
		if body, ok := Body(src); !ok || !bytes.Equal(body, want) {
			t.Errorf("Body: got %q, %v, want %q", body, ok, want)
		}
	})
}
