package backlog

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestReadinessNeedsAReadyStatusAndEveryDoRField(t *testing.T) {
	tests := []struct {
		name    string
		dor     []string
		spec    string
		ready   bool
		missing []string
	}{
		{"default definition met", nil, "estimate=8", true, nil},
		{"a zero estimate is an estimate", nil, "estimate=0", true, nil},
		{"no estimate", nil, "", false, []string{"estimate"}},
		{"no acceptance criteria", nil, "estimate=3 noacceptance", false, []string{"acceptance criteria"}},
		{"status not ready comes first", nil, "status=idea noacceptance", false, []string{"status", "estimate", "acceptance criteria"}},
		{"in-progress is ready", nil, "status=in-progress estimate=1", true, nil},
		{"done is not a ready status", nil, "status=done estimate=1", false, []string{"status"}},
		{"value, release, parent, team, source, tags present", []string{"value", "release", "parent", "team", "source", "tags"},
			"value=0 release=r1 parent=PBI-1 team=alpha source=hotline tags=x", true, nil},
		{"value, release, parent, team, source, tags missing", []string{"value", "release", "parent", "team", "source", "tags"},
			"", false, []string{"value", "release", "parent", "team", "source", "tags"}},
		{"missing fields follow the definition's order", []string{"release", "acceptance", "value"},
			"noacceptance", false, []string{"release", "acceptance criteria", "value"}},
		{"an empty definition needs only the status", []string{}, "noacceptance", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := derive(t, func(s *Settings) {
				if tt.dor != nil {
					s.DoR = tt.dor
				}
			}, backlogPage("b", "B", ""), itemPage("b", "X-1", tt.spec),
				itemPage("p", "PBI-1", ""), page(generator.TypeRelease, "r1"), page(generator.TypeGroup, "alpha"))
			it := item(t, m, "X-1")
			if it.Ready != tt.ready || !slices.Equal(it.Missing, tt.missing) {
				t.Errorf("got ready %v missing %q, want %v %q", it.Ready, it.Missing, tt.ready, tt.missing)
			}
		})
	}
}
