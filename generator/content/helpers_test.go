package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/backlight-wiki/backlight/generator"
)

// testOptions are a site's defaults: the built-in levels and types.
var testOptions = Options{
	Prefix: "content",
	Levels: []string{"team", "cluster", "organisation"},
	Types:  []string{"role", "group", "event", "artifact", "cadence", "area", "backlog", "item", "release", "page"},
}

// mapFS turns path → text into a content folder.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// load loads files with testOptions.
func load(t *testing.T, files map[string]string) (*Result, generator.Diagnostics) {
	t.Helper()
	res, diags := Load(mapFS(files), testOptions)
	if res == nil {
		t.Fatal("Load returned no result")
	}
	return res, diags
}

// lines formats diagnostics one per entry, sorted, as a build prints them.
func lines(diags generator.Diagnostics) []string {
	var out []string
	for _, d := range slices.Clone(diags).Sort() {
		out = append(out, d.Error())
	}
	return out
}

// loadOne loads a single file and returns its page (or intro), failing on
// any diagnostic.
func loadOne(t *testing.T, path, text string) *generator.Page {
	t.Helper()
	res, diags := load(t, map[string]string{path: text})
	if len(diags) > 0 {
		t.Fatalf("got diagnostics:\n%s\nwant none", strings.Join(lines(diags), "\n"))
	}
	for _, p := range res.Pages {
		return p
	}
	for _, p := range res.Intros {
		return p
	}
	t.Fatalf("got no page for %s", path)
	return nil
}

func page(t *testing.T, res *Result, path string) *generator.Page {
	t.Helper()
	for _, p := range res.Pages {
		if p.Path == path {
			return p
		}
	}
	t.Fatalf("got no page %s", path)
	return nil
}

func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	t.Errorf("got diagnostics:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
}
