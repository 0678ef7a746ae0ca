package generator

import (
	"slices"
	"testing"
)

func TestClosestSuggestsNearNamesNearestFirst(t *testing.T) {
	relations := []string{"is_a", "part_of", "member_of", "moderates", "responsible_for", "approves",
		"accepts", "organizes", "attends", "optionally_attends", "creates", "in_area"}
	tests := []struct {
		word       string
		candidates []string
		n          int
		want       []string
	}{
		{"moderate", relations, 3, []string{"moderates"}}, // a prefix counts as distance 1
		{"atends", relations, 3, []string{"attends"}},     // one deletion
		{"acepts", relations, 3, []string{"accepts"}},     // within 2 edits of a short word
		{"Moderates", relations, 3, nil},                  // the same name without case is no suggestion
		{"xyz", relations, 3, nil},                        // nothing close
		{"part", relations, 3, []string{"part_of"}},       // prefix
		{"team", []string{"teams", "tram", "steam", "x"}, 3, []string{"teams", "tram", "steam"}},
		{"team", []string{"steam", "tram", "teams"}, 2, []string{"steam", "tram"}}, // ties keep candidate order, n caps
		{"TEAM", []string{"teams", "Teams", "teams"}, 3, []string{"teams"}},        // one suggestion per name without case
		{"cluster", []string{"Cluster"}, 3, nil},
		{"Überblick", []string{"uberblick", "überblik", "xxxxblxck"}, 3, []string{"uberblick", "überblik"}}, // runes, not bytes: ü is one edit
		{"", []string{"a", "ab", "abc"}, 3, nil},                                                            // nothing looks like nothing
		{"  ", []string{"a", "ab", "abc"}, 3, nil},                                                          // nor like blanks
	}
	for _, tt := range tests {
		got := Closest(tt.word, tt.candidates, tt.n)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Closest(%q, %q, %d): got %q, want %q", tt.word, tt.candidates, tt.n, got, tt.want)
		}
	}
}

func TestClosestAllowsAThirdOfALongWord(t *testing.T) {
	word := "optionaly_atend" // 15 runes: 5 edits allowed, 3 needed
	got := Closest(word, []string{"optionally_attends", "organizes"}, 3)
	if want := []string{"optionally_attends"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Closest("abcdef", []string{"uvwxyz"}, 3); len(got) != 0 {
		t.Errorf("got %q, want nothing for 6 edits", got)
	}
}

func TestDidYouMeanFormatsOneTwoOrThree(t *testing.T) {
	tests := []struct {
		word       string
		candidates []string
		want       string
	}{
		{"moderate", []string{"moderates", "organizes"}, ` (did you mean "moderates"?)`},
		{"tem", []string{"team", "tea"}, ` (did you mean "team" or "tea"?)`},
		{"ab", []string{"abc", "abd", "abe", "abf"}, ` (did you mean "abc" or "abd" or "abe"?)`},
		{"zzzzzz", []string{"team", "cluster"}, ""},
		{"team", nil, ""},
	}
	for _, tt := range tests {
		if got := DidYouMean(tt.word, tt.candidates); got != tt.want {
			t.Errorf("DidYouMean(%q, %q): got %q, want %q", tt.word, tt.candidates, got, tt.want)
		}
	}
}

func TestDistanceCountsRuneEdits(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"über", "uber", 1},
		{"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q): got %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPageLabelAndPos(t *testing.T) {
	p := &Page{File: "content/roles/cpo.md", Title: "Cluster Product Owner",
		Keys: []KeyPos{{"title", Pos{"content/roles/cpo.md", 2, 1}}}}
	if got, want := p.Label(), "Cluster Product Owner"; got != want {
		t.Errorf("Label: got %q, want %q", got, want)
	}
	p.Abbr = "CPO"
	if got, want := p.Label(), "Cluster Product Owner (CPO)"; got != want {
		t.Errorf("Label: got %q, want %q", got, want)
	}
	if got, want := p.Pos("title"), (Pos{"content/roles/cpo.md", 2, 1}); got != want {
		t.Errorf("Pos(title): got %v, want %v", got, want)
	}
	if got, want := p.Pos("level"), (Pos{File: "content/roles/cpo.md", Line: 1}); got != want {
		t.Errorf("Pos(level): got %v, want %v", got, want)
	}
}
