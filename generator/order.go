package generator

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CompareFold orders a and b as strings.Compare orders their lower-case
// forms (strings.ToLower), without making them: lists sort thousands of
// titles this way, and lowering both sides at each comparison made a
// tenth of a large build's allocations.
func CompareFold(a, b string) int {
	for a != "" && b != "" {
		ra, rb := rune(a[0]), rune(b[0])
		na, nb := 1, 1
		if ra >= utf8.RuneSelf {
			ra, na = utf8.DecodeRuneInString(a)
		}
		if rb >= utf8.RuneSelf {
			rb, nb = utf8.DecodeRuneInString(b)
		}
		if ra != rb {
			if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
				return c
			}
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// CompareTitles orders pages by title, letter case aside, then by id: the
// order of every list of pages.
func CompareTitles(a, b *Page) int {
	if c := CompareFold(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}
