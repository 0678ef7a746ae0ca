package site

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSearchSynonymsOnExampleSite types words a Scrum or SAFe reader
// uses first into the header box of the example site: the glossary's
// synonyms (docs/search.md) find the pages of the site's own terms.
func TestSearchSynonymsOnExampleSite(t *testing.T) {
	chromiumPath(t)
	base := buildWithSearch(t, "../..")
	ctx := newBrowser(t)
	do(t, ctx, "open a page", chromedp.Navigate(base+"/roles/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
	for _, tc := range []struct {
		query string
		want  func(title string) bool
		what  string
	}{
		{"sprint", func(s string) bool { return s == "Iteration" }, "the Iteration cadence"},
		{"sprints", func(s string) bool { return s == "Iteration" }, "the Iteration cadence"},
		{"program increment", func(s string) bool { return strings.HasSuffix(strings.ToLower(s), "cycle") }, "a cycle cadence"},
		{"PI planning", func(s string) bool {
			return strings.Contains(strings.ToLower(s), "cycle") || strings.Contains(s, "Planning")
		}, "a cycle or planning page"},
	} {
		d := typeAndWait(t, ctx, tc.query)
		top := d.Titles[:min(3, len(d.Titles))]
		if !slices.ContainsFunc(top, tc.want) {
			t.Errorf("%s should be among the first three results for %q: %q", tc.what, tc.query, d.Titles)
		}
	}
	if d := typeAndWait(t, ctx, "glossary"); len(d.Titles) == 0 || d.Titles[0] != "Glossary" {
		t.Errorf("the glossary page should be the first result for its title: %q", d.Titles)
	}
}
