package site

import (
	"context"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render"
)

func htmlOut(p, body string) render.Output {
	return render.Output{Path: p, Source: p, Write: func(w io.Writer) error { _, err := io.WriteString(w, body); return err }}
}

// TestLinkCheckReadsLinksAsTheBrowserDoes resolves the links of a small
// rendered site: relative, from the root under a base path, folders with
// and without their slash, %-escapes and entities, fragments of this and
// other pages; and reports each broken one once, at the Markdown
// position when a body wrote it, or once per target for the theme.
func TestLinkCheckReadsLinksAsTheBrowserDoes(t *testing.T) {
	dev := &generator.Page{File: "content/roles/dev.md", URL: "/roles/dev/"}
	lead := &generator.Page{File: "content/roles/lead.md", URL: "/roles/lead/"}
	at := func(line, col int) generator.Pos { return generator.Pos{File: dev.File, Line: line, Col: col} }
	body := `<p id="top"><a href="../lead/">ok</a> <a href="../lead">ok, no slash</a> <a href="/wiki/roles/lead/#duties">ok</a>
<a href="../lead/#nope">bad fragment</a> <a href="#top">ok</a> <a href="#gone">bad self</a>
<img src="org%20chart.png"> <a href="../../caf%C3%A9/">ok</a> <a href="a&amp;b.pdf">ok</a>
<a href="../getting-started/">missing</a> <a href="/handbook/x/">outside</a> <a href="../../../up/">above the root</a>
<a href="https://example.org/x">external</a> <a href="//cdn.example/y">external</a> <a href="">self</a>
<a  href="../getting-started/">twice, one report</a></p>
<nav><a href="../../items/">theme bug</a></nav>`
	outs := []render.Output{
		htmlOut("roles/dev/index.html", body),
		htmlOut("roles/dev/org chart.png", ""),
		htmlOut("roles/dev/a&b.pdf", ""),
		htmlOut("roles/lead/index.html", `<h2 id="duties">Duties</h2><nav><a href="../../items/">theme bug</a></nav>`),
		htmlOut("café/index.html", `<p>x</p>`),
		htmlOut("index.html", `<p>home</p>`),
	}
	rb := &renderedBodies{base: "/wiki/", dests: map[*generator.Page]bodyDests{dev: newBodyDests([]markdown.Ref{
		{URL: "../lead/#nope", Pos: at(4, 1)},
		{URL: "#gone", Pos: at(4, 30), Checked: true}, // reported when the body was rendered
		{URL: "org chart.png", Pos: at(5, 1), Image: true},
		{URL: "../getting-started/", Pos: at(6, 1)},
		{URL: "../getting-started/", Pos: at(8, 1)},
		{URL: "/handbook/x/", Pos: at(6, 40)},
		{URL: "../../../up/", Pos: at(6, 70)},
	})}}
	lc := newLinkCheck(rb, []*generator.Page{dev, lead}, false)
	lc.plan(outs)
	if err := renderAll(context.Background(), outs, lc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range lc.report().Sort() {
		got = append(got, d.Error())
	}
	want := []string{
		`content/roles/dev.md: broken link "../../items/" in the theme's layout, on /roles/dev/ and 1 more page: the site has no page or file at /items/`,
		`content/roles/dev.md:4:1: broken link "../lead/#nope": /roles/lead/ has no element with the id "nope"`,
		`content/roles/dev.md:6:1: broken link "../getting-started/": the site has no page or file at /roles/getting-started/`,
		`content/roles/dev.md:6:40: broken link "/handbook/x/": the site is published under /wiki/, so this leads outside it; write the link relative to the page, or starting with /wiki/`,
		`content/roles/dev.md:6:70: broken link "../../../up/": it climbs above the site's root`,
		`content/roles/dev.md:8:1: broken link "../getting-started/": the site has no page or file at /roles/getting-started/`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lc.warning = true
	for _, d := range lc.report() {
		if d.Severity != generator.Warning {
			t.Errorf("brokenLinks = \"warning\" still gives %s", d.Error())
		}
	}
}

func TestSVGSizeAndTheFileLimit(t *testing.T) {
	for svg, want := range map[string][2]int{
		`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"/>`: {120, 40},
		`<svg width="120px" height="40.4px" viewBox="0 0 10 10"/>`:          {120, 40},
		`<?xml version="1.0"?><!-- c --><svg viewBox="0 0 300.6 150"/>`:     {301, 150},
		`<svg width="100%" height="50%" viewBox="0,0,64,32"/>`:              {64, 32},
		`<svg width="10em" height="2em"/>`:                                  {0, 0},
		`not xml at all`:                                                    {0, 0},
		`<svg viewBox="0 0 1e9 5"/>`:                                        {0, 0},
	} {
		w, h := svgSize(strings.NewReader(svg))
		if [2]int{w, h} != want {
			t.Errorf("%s: got %dx%d, want %dx%d", svg, w, h, want[0], want[1])
		}
	}
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "static"), 0o755)
	big, err := os.Create(filepath.Join(src, "static", "video.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(MaxPublishedFile + 1) // sparse: nothing is written
	big.Close()
	os.WriteFile(filepath.Join(src, "static", ".nojekyll"), nil, 0o644)
	os.WriteFile(filepath.Join(src, "static", ".DS_Store"), nil, 0o644)
	sf, diags := loadFiles(src, nil)
	if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), "static/video.mp4: the file is 25.0 MiB; files a site publishes may be at most 25 MiB") {
		t.Errorf("got %q, want one error naming static/video.mp4", diags.Error())
	}
	var paths []string
	for _, o := range sf.outputs() {
		paths = append(paths, o.Path)
	}
	if !slices.Equal(paths, []string{".nojekyll"}) {
		t.Errorf("published %q, want only .nojekyll", paths)
	}
}

func TestStaticLinksOutOfTheFolderAreSkipped(t *testing.T) {
	src := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("not for the site"), 0o644)
	os.MkdirAll(filepath.Join(src, "static", "docs"), 0o755)
	os.WriteFile(filepath.Join(src, "static", "docs", "guide.pdf"), []byte("%PDF"), 0o644)
	if err := os.Symlink(outside, filepath.Join(src, "static", "secret.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink("docs/guide.pdf", filepath.Join(src, "static", "guide.pdf")) // inside: copied
	os.Symlink("docs", filepath.Join(src, "static", "more"))
	sf, diags := loadFiles(src, nil)
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	want := []string{
		"static/more: warning: skipped: a symbolic link to a folder; Backlight does not follow linked folders",
		"static/secret.txt: warning: skipped: a symbolic link that leads outside the static folder or to nothing; only links to files inside static/ are copied",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var paths []string
	for _, o := range sf.outputs() {
		paths = append(paths, o.Path)
	}
	slices.Sort(paths)
	if !slices.Equal(paths, []string{"docs/guide.pdf", "guide.pdf"}) {
		t.Errorf("published %q", paths)
	}
}

func TestDestHashComparesDecodedURLs(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"org%20chart.png", "org chart.png", true},
		{"../../caf%C3%A9/", "../../café/", true},
		{"../lead/", "../lead/", true},
		{"../lead/", "../lead", false},
		{"a", "b", false},
		{"", "x", false},
	} {
		if got := destHash(c.a) == destHash(c.b); got != c.same {
			t.Errorf("destHash(%q) == destHash(%q) is %v, want %v", c.a, c.b, got, c.same)
		}
	}
	// The hash is FNV-1a, the same in every process: the languages'
	// bodies and the check need not share a seed.
	for _, u := range []string{"", "../lead/#duties", "org%20chart.png"} {
		h := fnv.New64a()
		h.Write([]byte(markdown.PathDecode(u)))
		if got, want := destHash(u), h.Sum64(); got != want {
			t.Errorf("destHash(%q) = %#x, want FNV-1a %#x", u, got, want)
		}
	}
}
