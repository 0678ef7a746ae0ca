package backlog

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestKindAndStatusMustBeDeclared(t *testing.T) {
	const kinds = "(kinds: feature, change, bug, knowledge-gap, improvement)"
	const statuses = "(statuses: idea, refining, ready, in-progress, done, released, dropped)"
	tests := []struct {
		name string
		spec string
		want []string
	}{
		{"known kind and status", "kind=bug status=idea", nil},
		{"unknown kind", "kind=feat", []string{
			`content/backlogs/b/x-1.md:4:1: unknown kind "feat" ` + kinds + ` (did you mean "feature"?)`}},
		{"unknown status", "status=redy", []string{
			`content/backlogs/b/x-1.md:5:1: unknown status "redy" ` + statuses + ` (did you mean "ready"?)`}},
		{"unknown status, nothing alike", "status=zzzzzz", []string{
			`content/backlogs/b/x-1.md:5:1: unknown status "zzzzzz" ` + statuses}},
		{"no kind and no status", "kind= status=", []string{
			"content/backlogs/b/x-1.md:2:1: X-1 has no kind " + kinds,
			"content/backlogs/b/x-1.md:2:1: X-1 has no status " + statuses}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := derive(t, nil, backlogPage("b", "B", ""), itemPage("b", "X-1", tt.spec))
			if got := messages(only(diags, generator.Error)); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestItemWithoutBacklogPageIsAnError(t *testing.T) {
	m, diags := derive(t, quiet, itemPage("lost", "L-1", ""))
	want := []string{"content/backlogs/lost/l-1.md:1: L-1 belongs to no backlog: there is no content/backlogs/lost/_index.md (items live in content/backlogs/<backlog>/)"}
	if got := messages(diags); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if it := item(t, m, "L-1"); it.Backlog != nil || it.Rank != 0 {
		t.Errorf("got backlog %v rank %d, want none and 0", it.Backlog, it.Rank)
	}
}
