package generator

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Closest returns up to n candidates that look like word, nearest first:
// those within an edit distance of a third of the word's length (at least
// two), compared without case. Ties keep the candidates' order. Nothing
// looks like an empty word.
func Closest(word string, candidates []string, n int) []string {
	w := strings.ToLower(word)
	if strings.TrimSpace(w) == "" {
		return nil // every candidate would start with it
	}
	limit := max(2, utf8.RuneCountInString(w)/3)
	type scored struct {
		s string
		d int
	}
	var hits []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(w, lc)
		if strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc) {
			d = min(d, 1)
		}
		if d <= limit && lc != w {
			hits = append(hits, scored{c, d})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return a.d - b.d })
	var out []string
	for _, h := range hits {
		if len(out) == n {
			break
		}
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, h.s) }) {
			out = append(out, h.s) // "Cluster" and "cluster" are one suggestion
		}
	}
	return out
}

// DidYouMean formats Closest's answer as ` (did you mean "a" or "b"?)`, or
// returns "" when nothing is close.
func DidYouMean(word string, candidates []string) string {
	c := Closest(word, candidates, 3)
	if len(c) == 0 {
		return ""
	}
	q := make([]string, len(c))
	for i, s := range c {
		q[i] = `"` + s + `"`
	}
	return " (did you mean " + strings.Join(q, " or ") + "?)"
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
