package site

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	cssComment  = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssSelector = regexp.MustCompile(`([^{}]+)\{`)
	cssClass    = regexp.MustCompile(`\.(-?[_a-zA-Z][\w-]*)`)
	htmlClass   = regexp.MustCompile(`\sclass="([^"]*)"`)
	htmlSheet   = regexp.MustCompile(`<link rel="?stylesheet"? href="([^"]+)"`)
	// fingerprint is the content hash the build puts in an asset's name.
	fingerprint = regexp.MustCompile(`\.[0-9a-f]{8,}(\.css)$`)
)

// TestPagesLoadTheSheetsTheyUse builds the example site and the golden
// site and checks, page by page, that every class of the page's markup
// that some stylesheet of the theme styles is styled by a sheet the page
// links: the rules of what only some pages show live in sheets of their
// own (render.sheets picks them), and a page that shows such a thing
// without its sheet would look broken.
func TestPagesLoadTheSheetsTheyUse(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites")
	}
	defined := sheetClasses(t, filepath.Join("..", "..", "themes", "default", "static", "css"))
	if len(defined) < 5 {
		t.Fatalf("found %d stylesheets in the default theme, expected a base sheet and several per-feature sheets", len(defined))
	}
	for _, src := range []string{filepath.Join("..", ".."), filepath.Join("..", "..", "testdata", "sites", "basic", "src")} {
		dest := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		pages := 0
		err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if !strings.Contains(string(data), "stylesheet") {
				return nil // a redirect page
			}
			pages++
			rel, _ := filepath.Rel(dest, p)
			checkPageSheets(t, src+": "+filepath.ToSlash(rel), string(data), defined)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if pages == 0 {
			t.Errorf("%s: no page links a stylesheet", src)
		}
	}
}

// checkPageSheets reports the classes of one page styled only by sheets
// it does not link.
func checkPageSheets(t *testing.T, where, page string, defined map[string]map[string]bool) {
	t.Helper()
	linked := map[string]bool{}
	for _, m := range htmlSheet.FindAllStringSubmatch(page, -1) {
		linked[path.Base(fingerprint.ReplaceAllString(m[1], "$1"))] = true
	}
	missing := map[string][]string{}
	for _, m := range htmlClass.FindAllStringSubmatch(page, -1) {
		for class := range strings.FieldsSeq(m[1]) {
			var in []string
			found := false
			for sheet, classes := range defined {
				if classes[class] {
					in = append(in, sheet)
					found = found || linked[sheet]
				}
			}
			if len(in) > 0 && !found {
				slices.Sort(in)
				missing[class] = in
			}
		}
	}
	for class, in := range missing {
		t.Errorf("%s uses class %q, which only %s style, and does not link it (it links %v)", where, class, strings.Join(in, " and "), linked)
	}
}

// sheetClasses maps each stylesheet of dir to the classes its selectors
// name.
func sheetClasses(t *testing.T, dir string) map[string]map[string]bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".css") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		classes := map[string]bool{}
		for _, sel := range cssSelector.FindAllStringSubmatch(cssComment.ReplaceAllString(string(data), ""), -1) {
			if strings.HasPrefix(strings.TrimSpace(sel[1]), "@") {
				continue
			}
			for _, c := range cssClass.FindAllStringSubmatch(sel[1], -1) {
				classes[c[1]] = true
			}
		}
		out[e.Name()] = classes
	}
	return out
}
