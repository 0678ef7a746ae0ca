package markdown

import "testing"

func TestLeadIsTheFirstParagraphOfProse(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"first paragraph", "The team's voice.\nIt decides.\n\nSecond paragraph.", "The team’s voice. It decides."},
		{"after a heading", "## Purpose\n\nOwns the *cluster* backlog and its [[order]].", "Owns the cluster backlog and its order."},
		{"bold heading line skipped", "**Purpose**\n\nThe team meets every morning for fifteen minutes.", "The team meets every morning for fifteen minutes."},
		{"short sentence kept", "Be brief.\n\nMore.", "Be brief."},
		{"notes, quotes and code skipped", "> [!NOTE]\n> Draft page.\n\n> quoted words from someone else\n\n```\ncode here for sure\n```\n\nReal text starts here now.", "Real text starts here now."},
		{"list item paragraph", "- first point of a loose list\n\n- second", "first point of a loose list"},
		{"entities and escapes", "Value \\* effort &amp; risk, in one line of text.", "Value * effort & risk, in one line of text."},
		{"images and raw HTML left out", "![Org chart](org.png) The chart <b>shows</b> every role we have.", "The chart shows every role we have."},
		{"table only", "| a | b |\n|---|---|\n| 1 | 2 |", ""},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := render(t, c.body, Options{})
			if r.Lead != c.want {
				t.Errorf("lead %q, want %q", r.Lead, c.want)
			}
		})
	}
}
