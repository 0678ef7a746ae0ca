package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// TestUpdateEqualsABuildOfTheEditedPages edits pages in place, as the
// development server does, and checks that Update gives what Build gives
// for the edited pages, leaving the graph it was called on as it was.
func TestUpdateEqualsABuildOfTheEditedPages(t *testing.T) {
	tests := []struct {
		name string
		edit map[string][]string // page id → its relations after the edit
		errs string              // what the diagnostics say, "" for none
	}{
		{"a relation added", map[string][]string{"dev": {"part_of: team", "attends: sync", "relates: lead"}}, ""},
		{"a relation taken out", map[string][]string{"lead": {"part_of: team"}}, ""},
		{"a target changed", map[string][]string{"dev": {"part_of: team", "attends: retro"}}, ""},
		{"two pages", map[string][]string{"dev": {"relates: lead"}, "lead": {"relates: dev", "attends: retro"}}, ""},
		{"a cycle", map[string][]string{"team": {"part_of: squad"}, "squad": {"part_of: team"}}, "forms a cycle"},
		{"a cycle closed by one page", map[string][]string{"team": {"part_of: squad"}}, "forms a cycle"},
		{"a cycle taken apart", map[string][]string{"squad": {"relates: team"}}, ""},
		{"an unknown target", map[string][]string{"dev": {"attends: nowhere"}}, "nowhere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := []*generator.Page{
				newPage("role", "dev", "Developer", "part_of: team", "attends: sync"),
				newPage("role", "lead", "Lead", "part_of: team", "attends: sync", "moderates: team"),
				newPage("group", "team", "Team"),
				newPage("group", "squad", "Squad", "part_of: team"),
				newPage("event", "sync", "Sync"),
				newPage("event", "retro", "Retro"),
				withRelease(item("a-1", "A-1", "First"), "v1"),
				newPage("release", "v1", "V1"),
			}
			ix := NewIndex(pages)
			g, diags := Build(ix, vocab)
			if len(diags) > 0 {
				t.Fatal(diags.Error())
			}
			was := dump(g, pages)
			var changed []*generator.Page
			var before []generator.Page
			for _, p := range pages {
				if rels, ok := tt.edit[p.ID]; ok {
					before = append(before, *p)
					*p = *newPage(p.Type, p.ID, p.Title, rels...)
					changed = append(changed, p)
				}
			}
			// The item is edited too: its release is the same page, by a new reference.
			before = append(before, *pages[6])
			pages[6].Item = &generator.Item{Key: "A-1", Backlog: "b", Release: &generator.Ref{Name: "v1"}}
			changed = append(changed, pages[6])

			got, gotDiags := g.Update(changed, before)
			want, wantDiags := Build(ix, vocab)
			if tt.errs != "" {
				if !gotDiags.HasErrors() || !strings.Contains(gotDiags.Error(), tt.errs) {
					t.Errorf("diagnostics %q, want %q among them", gotDiags.Error(), tt.errs)
				}
				return
			}
			if len(gotDiags) > 0 || len(wantDiags) > 0 {
				t.Fatalf("diagnostics: update %v, build %v", gotDiags, wantDiags)
			}
			if d, w := dump(got, pages), dump(want, pages); d != w {
				t.Errorf("update:\n%s\nbuild:\n%s", d, w)
			}
			if got.Target(pages[6].Item.Release) != pages[7] {
				t.Error("the item's new release reference is not resolved")
			}
			if now := dump(g, pages); now != was {
				t.Errorf("the graph Update was called on changed:\n%s\nwas:\n%s", now, was)
			}
		})
	}
}

func withRelease(p *generator.Page, release string) *generator.Page {
	p.Item.Release = &generator.Ref{Name: release}
	return p
}

// dump writes every page's relations both ways, in order.
func dump(g *Graph, pages []*generator.Page) string {
	var b strings.Builder
	for _, p := range pages {
		for _, e := range g.Out(p) {
			fmt.Fprintf(&b, "%s -%s-> %s\n", p.ID, e.Relation, e.To.ID)
		}
		for _, e := range g.In(p) {
			fmt.Fprintf(&b, "%s <-%s- %s\n", p.ID, e.Relation, e.From.ID)
		}
	}
	return b.String()
}
