package generator

import (
	"strings"
	"testing"
)

func TestArticleAndOrList(t *testing.T) {
	tests := []struct{ got, want string }{
		{Article("item"), "an item"},
		{Article("event"), "an event"},
		{Article("role"), "a role"},
		{OrList(nil), ""},
		{OrList([]string{"a"}), "a"},
		{OrList([]string{"a", "b"}), "a or b"},
		{OrList([]string{"a", "b", "c"}), "a, b or c"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestPluralCountAndCapitalise(t *testing.T) {
	tests := []struct{ got, want string }{
		{Plural("role"), "roles"},
		{Plural("process"), "processes"},
		{Plural("box"), "boxes"},
		{Plural("match"), "matches"},
		{Plural("wish"), "wishes"},
		{Plural("category"), "categories"},
		{Plural("day"), "days"},
		{Plural("y"), "ys"},
		{Plural(""), "s"},
		{Count(0, "error"), "0 errors"},
		{Count(1, "error"), "1 error"},
		{Count(2, "more page"), "2 more pages"},
		{ForCount(1, "was", "were"), "was"},
		{ForCount(3, "was", "were"), "were"},
		{Capitalise("backlog item"), "Backlog item"},
		{Capitalise("überblick"), "Überblick"},
		{Capitalise(""), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestOneLineJoinsFieldsWithSingleSpaces(t *testing.T) {
	for _, s := range []string{"", "a", "one line as it is", " lead", "trail ", "two  spaces", "tab\there", "new\nline", "\r\n", "x\vy\fz",
		"nbsp\u00a0inside", "ünïcode words", "  ", " ", "a b c d"} {
		if got, want := OneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"a b", " a", "a\u2003b", "a\u0085b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := OneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
