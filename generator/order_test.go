package generator

import (
	"strings"
	"testing"
)

// compareLowered is what CompareFold must agree with.
func compareLowered(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }

func TestCompareFold(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "a", -1},
		{"a", "", 1},
		{"Backlog", "backlog", 0},
		{"Backlog", "backlogs", -1},
		{"Zeta", "alpha", 1},
		{"Éclair", "éclair", 0},
		{"Über", "uber", 1},
		{"ÄRGER", "ärger", 0},
		{"a\xffb", "a\uFFFDb", 0}, // invalid UTF-8 lowers to U+FFFD, as in strings.ToLower
		{"İstanbul", "istanbul", compareLowered("İstanbul", "istanbul")},
		{"ΣΊΣΥΦΟΣ", "σίσυφοσ", compareLowered("ΣΊΣΥΦΟΣ", "σίσυφοσ")},
	} {
		if got := CompareFold(c.a, c.b); got != c.want || got != compareLowered(c.a, c.b) {
			t.Errorf("CompareFold(%q, %q) = %d, want %d (strings.ToLower order %d)", c.a, c.b, got, c.want, compareLowered(c.a, c.b))
		}
	}
}

func FuzzCompareFold(f *testing.F) {
	for _, s := range []string{"", "a", "B", "Éclair", "\xff", "ß", "İ", "K"} {
		f.Add(s, strings.ToUpper(s))
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := CompareFold(a, b), compareLowered(a, b); got != want {
			t.Errorf("CompareFold(%q, %q) = %d, strings.ToLower order %d", a, b, got, want)
		}
	})
}
