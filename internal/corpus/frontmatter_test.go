package corpus

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// tricky are values YAML would misread if written plain.
var tricky = []string{"yes", "No", "on", "null", "2.1", "2026-01-05", "- item", "a: b", "a #b",
	"[list]", "{map}", "& anchor", "*alias", "!tag", "'quoted'", `"double"`, `back\slash`,
	"trailing ", "People & Flow", "a, b", "50%", "@home", "`tick`", "ends:"}

func TestScalarsReadBackAsTheSameText(t *testing.T) {
	for _, s := range append(tricky, "Team Pump Owner", "Pump controller 2.1 (EU)", "Kick-off; then more") {
		for _, flow := range []bool{false, true} {
			doc := "key: " + scalar(s, false)
			if flow {
				doc = "key: [" + scalar(s, true) + ", other]"
			}
			var got map[string]any
			if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
				t.Errorf("%q: %v", doc, err)
				continue
			}
			v := got["key"]
			if flow {
				v = got["key"].([]any)[0]
			}
			if v != s {
				t.Errorf("%q reads back as %#v, want %q", doc, v, s)
			}
		}
	}
}

func TestPlainTextStaysUnquoted(t *testing.T) {
	for _, s := range []string{"Team Pump Integration Owner", "Pump controller 2.1 (EU)", "CBI-214", "in-progress"} {
		if got := scalar(s, true); got != s {
			t.Errorf("got %s, want %s unquoted", got, s)
		}
	}
	if got := scalar("a, b", true); !strings.HasPrefix(got, `"`) {
		t.Errorf("got %s in a flow list, want it quoted", got)
	}
}

func TestBlockMapWritesOneValueAsScalarAndSeveralAsList(t *testing.T) {
	var b strings.Builder
	frontMatter{&b}.blockMap("relations", []entry{{"is_a", []string{"product-owner"}}, {"attends", []string{"a", "b"}}})
	want := "relations:\n  is_a: product-owner\n  attends: [a, b]\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestRelPathClimbsToTheCommonFolder(t *testing.T) {
	tests := []struct{ dir, file, want string }{
		{"roles", "artifacts/x.md", "../artifacts/x.md"},
		{"backlogs/team-alpha", "roles/x.md", "../../roles/x.md"},
		{"backlogs/team-alpha", "backlogs/cluster-pumps/cbi-3.md", "../cluster-pumps/cbi-3.md"},
		{"backlogs/team-alpha", "backlogs/team-alpha/tbi-9.md", "tbi-9.md"},
		{"releases", "backlogs/portfolio/pbi-1.md", "../backlogs/portfolio/pbi-1.md"},
	}
	for _, tt := range tests {
		if got := relPath(tt.dir, tt.file); got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.dir, tt.file, got, tt.want)
		}
	}
}
