package site

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// TestBacklinksOncePerPairByTitle renders bodies that link a page twice,
// link themselves and link from a folder's introduction, then edits one:
// each page's backlinks list every other page whose prose links to it,
// once, by title, and an edit moves only the links it changed.
func TestBacklinksOncePerPairByTitle(t *testing.T) {
	page := func(id, title, body string) *generator.Page {
		return &generator.Page{ID: id, Title: title, Section: "roles", Path: "roles/" + id + ".md", URL: "/roles/" + id + "/", Body: []byte(body)}
	}
	hub := page("hub", "Hub", "No links.")
	zed := page("zed", "Zed", "[[hub]] and [[hub|the hub again]], [[zed]] itself, and [[alpha]].")
	alpha := page("alpha", "Alpha", "Back to [[hub]].")
	mid := page("mid", "mid", "See [[Hub]].") // titles compare without case
	intro := &generator.Page{ID: "_index", Title: "Roles", Section: "roles", Path: "roles/_index.md", URL: "/roles/", Body: []byte("Start at [[hub]].")}
	pages := []*generator.Page{zed, hub, mid, alpha} // not in title order
	ix := graph.NewIndex(pages)
	md := markdown.New(markdown.Options{})
	rb, diags := renderBodies(md, ix, nil, "/", "", pages, map[string]*generator.Page{"roles": intro})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	titles := func(ps []*generator.Page) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Title)
		}
		return out
	}
	check := func(rb *renderedBodies, want map[*generator.Page][]string) {
		t.Helper()
		for _, p := range pages {
			if got := titles(rb.backlinks[p]); !slices.Equal(got, want[p]) {
				t.Errorf("backlinks of %s = %q, want %q", p.ID, got, want[p])
			}
		}
		if len(rb.backlinks) != len(want) {
			t.Errorf("%d pages have backlinks, want %d", len(rb.backlinks), len(want))
		}
	}
	check(rb, map[*generator.Page][]string{hub: {"Alpha", "mid", "Zed"}, alpha: {"Zed"}})

	zed.Body = []byte("Only [[alpha]] now, [[alpha]] twice.")
	mid.Body = []byte("See [[Zed]].")
	next, _ := rb.Update(ix, []*generator.Page{zed, mid})
	check(next, map[*generator.Page][]string{hub: {"Alpha"}, alpha: {"Zed"}, zed: {"mid"}})
	check(rb, map[*generator.Page][]string{hub: {"Alpha", "mid", "Zed"}, alpha: {"Zed"}}) // the earlier value is unchanged
}
