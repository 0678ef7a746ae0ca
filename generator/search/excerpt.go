package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Excerpt sizes, in characters (runes).
const (
	maxExcerpt = 300 // at most this long, "…" included
	minCut     = 40  // a sentence is cut to no fewer characters than this
)

// maxPicks bounds the sentences an excerpt considers.
const maxPicks = 32

// excerpt is the text a result shows: d's summary, then sentences of its
// body, in body order, at most maxExcerpt characters in all. Sentences
// are picked by the stems they carry: next the one holding the stem that
// d scores highest for among those that neither the summary nor a picked
// sentence holds (the first of equals), until none is left or the
// excerpt is full. A sentence that does not fit is cut at a word boundary
// with "…" when at least minCut characters remain, and ends the excerpt.
// Parts are joined as joinParts says, so that a heading does not run into
// the sentence after it.
func excerpt(d *Doc, dt *docTerms) string {
	budget := maxExcerpt
	summary := collapse(d.Summary)
	if n := utf8.RuneCountInString(summary); n >= budget {
		return cut(summary, budget)
	} else if n > 0 {
		budget -= n + utf8.RuneCountInString(separator(summary))
	}
	covered := make([]bool, len(dt.ids))
	for _, c := range dt.other {
		if c.field == fieldSummary {
			covered[c.term] = true
		}
	}
	taken := make([]bool, len(dt.sents))
	var picked []int
	var texts []string
	for range maxPicks {
		best, bestScore := -1, int32(0)
		for s, sn := range dt.sents {
			if taken[s] {
				continue
			}
			var top int32
			if dt.wide != nil {
				top = topScore(dt.wide[sn.wlo:sn.whi], covered, dt.score)
			} else {
				top = topScore(dt.body[sn.wlo:sn.whi], covered, dt.score)
			}
			if top > bestScore {
				best, bestScore = s, top
			}
		}
		if best < 0 {
			break
		}
		taken[best] = true
		sn := dt.sents[best]
		if dt.wide != nil {
			cover(dt.wide[sn.wlo:sn.whi], covered)
		} else {
			cover(dt.body[sn.wlo:sn.whi], covered)
		}
		text := collapse(d.Body[sn.lo:sn.hi])
		if strings.Contains(summary, text) {
			continue
		}
		if n := utf8.RuneCountInString(text); n <= budget {
			picked, texts = append(picked, best), append(texts, text)
			budget -= n + utf8.RuneCountInString(separator(text))
			continue
		}
		if budget >= minCut {
			picked, texts = append(picked, best), append(texts, cut(text, budget))
		}
		if budget >= minCut || budget < minCut/4 {
			break
		}
	}
	// Back in body order, after the summary.
	order := make([]int, len(picked))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(picked[a], picked[b]) })
	out := make([]string, 0, len(texts)+1)
	if summary != "" {
		out = append(out, summary)
	}
	for _, i := range order {
		out = append(out, texts[i])
	}
	// Separators are charged as parts are picked, but the one that goes
	// unwritten is the last part's in body order: cut makes up the
	// difference of their lengths.
	return cut(joinParts(out), maxExcerpt)
}

// topScore is the highest score of the terms among words that are not
// covered, or 0.
func topScore[T uint16 | int32](words []T, covered []bool, score []int32) int32 {
	var top int32
	for _, t := range words {
		if !covered[t] && score[t] > top {
			top = score[t]
		}
	}
	return top
}

// cover marks the terms among words covered.
func cover[T uint16 | int32](words []T, covered []bool) {
	for _, t := range words {
		covered[t] = true
	}
}

// headingSeparator follows a part of an excerpt that does not end a
// sentence: a heading, a list item or a table cell, which the body text
// holds on a line of its own and the excerpt would otherwise run into
// the next part ("Common objections This is…").
const headingSeparator = " — "

// joinParts joins the parts of an excerpt: after a part that ends a
// sentence with a space, after any other with headingSeparator.
func joinParts(parts []string) string {
	n := 0
	for i, p := range parts {
		n += len(p)
		if i < len(parts)-1 {
			n += len(separator(p))
		}
	}
	var b strings.Builder
	b.Grow(n) // exactly: the excerpts are kept until the docs files are made
	for i, p := range parts {
		b.WriteString(p)
		if i < len(parts)-1 {
			b.WriteString(separator(p))
		}
	}
	return b.String()
}

// separator is what follows the part p of an excerpt when another comes
// after it.
func separator(p string) string {
	if endsSentence(p) {
		return " "
	}
	return headingSeparator
}

// endsSentence reports whether s ends in sentence punctuation (. ! ? : ;
// or …), closing quotes and brackets after it aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')]}»”’")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…", r)
}

// sentences returns the sentences of body, with their byte ranges, white
// space trimmed, empty ones left out: a sentence ends after ".", "!" or
// "?" followed by white space, and at a line break.
func sentences(body string) []sentence {
	var out []sentence
	add := func(lo, hi int) {
		for lo < hi && isSpaceByte(body[lo]) {
			lo++
		}
		for hi > lo && isSpaceByte(body[hi-1]) {
			hi--
		}
		if lo < hi {
			out = append(out, sentence{lo: int32(lo), hi: int32(hi)})
		}
	}
	start := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '\n' || c == '\r':
			add(start, i)
			start = i + 1
		case (c == '.' || c == '!' || c == '?') && i+1 < len(body) && isSpaceByte(body[i+1]):
			add(start, i+1)
			start = i + 1
		}
	}
	add(start, len(body))
	return out
}

// isSpaceByte reports whether c is ASCII white space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// collapse trims s and makes each run of white space in it one space.
func collapse(s string) string {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c != ' ' && isSpaceByte(c),
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// cut shortens s to at most limit characters (runes), "…" included, at a
// word boundary when there is one in its second half, with trailing
// punctuation dropped before the "…". s is returned as it is when it fits.
func cut(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	if limit <= 1 {
		return "…"
	}
	// end is the byte offset after the first limit-1 runes.
	end, n := 0, 0
	for end < len(s) && n < limit-1 {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		n++
	}
	head := s[:end]
	if !isSpaceAt(s, end) {
		// The cut falls inside a word: go back to the last space, unless
		// that would lose more than half.
		if sp := strings.LastIndexByte(head, ' '); sp > len(head)/2 {
			head = head[:sp]
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—([{\"'", r)
	})
	return head + "…"
}

// isSpaceAt reports whether s has a space at byte offset i.
func isSpaceAt(s string, i int) bool { return i < len(s) && s[i] == ' ' }
