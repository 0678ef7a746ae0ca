package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/htmlcheck"
)

// themeAllow admits what the default theme itself puts in pages: the
// header's search box, the search page's form, the backlog filters, and
// its fingerprinted scripts under js/ (relative, or from the site's root
// on the 404 page, which is served at any depth).
var themeAllow = htmlcheck.Allow{
	FormClasses: []string{"site-search", "search-form"},
	FormAttrs:   []string{"data-filters"},
	ScriptSrc:   regexp.MustCompile(`^((\.\./)*|/([\w.-]+/)*)js/[\w.-]+\.js$`),
}

// TestHTMLInvariantsHoldOnTheExampleSite builds the repository's own site
// as make site does and checks every page and drawing it publishes.
func TestHTMLInvariantsHoldOnTheExampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example site")
	}
	checkHTMLTree(t, buildExample(t))
}

// TestHTMLInvariantsHoldOnHostileInput builds the golden site, whose
// content carries javascript: links and raw HTML, and checks its output.
func TestHTMLInvariantsHoldOnHostileInput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), Options{Source: filepath.Join("..", "..", "testdata", "sites", "basic", "src"),
		Dest: dest, Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	checkHTMLTree(t, dest)
}

func checkHTMLTree(t *testing.T, root string) {
	t.Helper()
	checked := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".svg")) {
			return err
		}
		doc, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		checked++
		rel, _ := filepath.Rel(root, p)
		for _, pr := range htmlcheck.Check(doc, themeAllow) {
			t.Errorf("%s:%s", filepath.ToSlash(rel), pr)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatalf("no .html or .svg files under %s", root)
	}
	t.Logf("checked %d files", checked)
}
