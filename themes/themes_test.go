package themes

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestThemeScriptsNeverInsertHTML(t *testing.T) {
	bad := regexp.MustCompile(`\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b`)
	err := fs.WalkDir(Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		src, err := fs.ReadFile(Default(), p)
		if m := bad.Find(src); m != nil {
			t.Errorf("%s uses %s; build elements with text nodes", p, m)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDefaultThemeHasEveryLayout(t *testing.T) {
	for _, name := range []string{"layouts/base.html", "layouts/home.html", "layouts/list.html",
		"layouts/page.html", "layouts/404.html", "layouts/redirect.html", "archetypes/default.md"} {
		if _, err := fs.Stat(Default(), name); err != nil {
			t.Errorf("default theme: %v", err)
		}
	}
}

func TestOverlayPrefersTheSiteFileAndMergesListings(t *testing.T) {
	site := fstest.MapFS{"layouts/page.html": {Data: []byte("site")}, "static/extra.css": {Data: []byte("x")}}
	base := fstest.MapFS{"layouts/page.html": {Data: []byte("default")}, "layouts/list.html": {Data: []byte("list")}}
	o := Overlay(site, base)
	tests := map[string]string{"layouts/page.html": "site", "layouts/list.html": "list", "static/extra.css": "x"}
	for name, want := range tests {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
	entries, err := fs.ReadDir(o, "layouts")
	if err != nil || len(entries) != 2 || entries[0].Name() != "list.html" {
		t.Errorf("got %v, %v; want list.html and page.html", entries, err)
	}
	if err := fstest.TestFS(o, "layouts/page.html", "layouts/list.html", "static/extra.css"); err != nil {
		t.Error(err)
	}
}
