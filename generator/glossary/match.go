package glossary

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matcher finds the terms of a site's linked entries (Entry.Link) in
// text: titles and synonyms, whole words only, a term of several words
// across the white space between them. A one-word term with two or more
// capital letters (DoD, PI) is an abbreviation and matches with its case only;
// any other matches in any case, its last word also with a final "s" or
// "es" (iterations, releases). It is built once per build, and safe for
// concurrent use.
type Matcher struct {
	first map[string][]phrase // the first word, lower-cased unless exact → phrases starting with it, longest first
	// starts has a bit for the first two bytes of each first word,
	// ASCII letters lower-cased (prefix). A word whose first two bytes
	// are ASCII and have no bit starts no term: most words of a text
	// are passed over without being lower-cased and looked up.
	starts [1 << 16 / 64]uint64
}

// prefix is the index of w's bit in Matcher.starts: its first two
// bytes, ASCII letters lower-cased (0 for a one-byte word's second);
// ok is false when one of them is not ASCII, and lower-casing the word
// could change them.
func prefix(w []byte) (bit int, ok bool) {
	var b [2]byte
	for i := range min(2, len(w)) {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return int(b[0])<<8 | int(b[1]), true
}

// phrase is one term.
type phrase struct {
	words []string // lower-cased, unless exact
	exact bool     // an abbreviation
	id    string
	title string // the entry's title
}

// Match is a term found in text: the byte range, its entry's id and, for
// an abbreviation, the entry's title (to expand it), else "".
type Match struct {
	Start, End int
	ID, Abbr   string
}

// NewMatcher builds the matcher of the entries that link. Of two entries
// with the same term, the first keeps it.
func NewMatcher(entries []Entry) *Matcher {
	m := &Matcher{first: map[string][]phrase{}}
	seen := map[string]bool{}
	for _, e := range entries {
		if !e.Link {
			continue
		}
		for _, t := range append([]string{e.Title}, e.Synonyms...) {
			p := phrase{exact: isAbbreviation(t), id: e.ID, title: e.Title}
			for _, w := range splitWords(t) {
				if !p.exact {
					w = strings.ToLower(w)
				}
				p.words = append(p.words, w)
			}
			key := strings.Join(p.words, " ")
			if len(p.words) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			m.first[p.words[0]] = append(m.first[p.words[0]], p)
		}
	}
	for w, ps := range m.first {
		if bit, ok := prefix([]byte(w)); ok {
			m.starts[bit/64] |= 1 << (bit % 64)
		}
		slices.SortStableFunc(ps, func(a, b phrase) int { return cmp.Compare(len(b.words), len(a.words)) })
	}
	return m
}

// Empty reports whether the matcher has no term at all.
func (m *Matcher) Empty() bool { return m == nil || len(m.first) == 0 }

// isAbbreviation reports whether a term is one word with two or more
// capital letters.
func isAbbreviation(t string) bool {
	if len(splitWords(t)) != 1 {
		return false
	}
	n := 0
	for _, r := range t {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// splitWords returns the runs of letters and digits of s.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// span is a word of the text being matched.
type span struct{ start, end int }

// Each calls yield with each term in text, left to right, the longest at
// each place; the matches do not overlap. It stops when yield returns
// false.
func (m *Matcher) Each(text []byte, yield func(Match) bool) {
	if m.Empty() {
		return
	}
	var spans [64]span // most texts have fewer words: no allocation for them
	words := wordSpans(spans[:0], text)
	var buf [64]byte
	for i := 0; i < len(words); i++ {
		w := text[words[i].start:words[i].end]
		if bit, ok := prefix(w); ok && m.starts[bit/64]&(1<<(bit%64)) == 0 {
			continue // the word, its lower case and its singular all start as no term does
		}
		p, n, ok := m.longest(text, words, i, lower(buf[:0], w))
		if !ok {
			continue
		}
		end := words[i+n-1].end
		if !boundary(text, words[i].start, end) {
			continue
		}
		match := Match{Start: words[i].start, End: end, ID: p.id}
		if p.exact {
			match.Abbr = p.title
		}
		if !yield(match) {
			return
		}
		i += n - 1
	}
}

// longest finds the longest phrase that starts at word i, and how many
// words it covers. An abbreviation is filed under its first word as
// written, any other term under it lower-cased (low), so looking the word
// up as it is and lower-cased finds both.
func (m *Matcher) longest(text []byte, words []span, i int, low []byte) (phrase, int, bool) {
	word := text[words[i].start:words[i].end]
	if !bytes.Equal(word, low) {
		for _, p := range m.first[string(word)] {
			if p.follows(text, words, i) {
				return p, len(p.words), true
			}
		}
	}
	for _, p := range m.first[string(low)] {
		if p.follows(text, words, i) {
			return p, len(p.words), true
		}
	}
	// a plural of a one-word term: iterations, releases
	for _, cut := range []int{1, 2} {
		if len(low) <= cut+1 || low[len(low)-1] != 's' || cut == 2 && low[len(low)-2] != 'e' {
			continue
		}
		for _, p := range m.first[string(low[:len(low)-cut])] {
			if !p.exact && len(p.words) == 1 {
				return p, 1, true
			}
		}
	}
	return phrase{}, 0, false
}

// follows reports whether the phrase's words after the first follow word
// i, each after white space only, the last also in its plural.
func (p phrase) follows(text []byte, words []span, i int) bool {
	if i+len(p.words) > len(words) {
		return false
	}
	for k := 1; k < len(p.words); k++ {
		prev, next := words[i+k-1], words[i+k]
		if len(bytes.TrimSpace(text[prev.end:next.start])) > 0 {
			return false
		}
		w := text[next.start:next.end]
		if !p.wordIs(w, p.words[k], k == len(p.words)-1) {
			return false
		}
	}
	return true
}

// wordIs compares a word of the text with a word of the phrase.
func (p phrase) wordIs(w []byte, want string, last bool) bool {
	if p.exact {
		return string(w) == want
	}
	if bytes.EqualFold(w, []byte(want)) {
		return true
	}
	if !last {
		return false
	}
	for _, suffix := range []string{"s", "es"} {
		if len(w) == len(want)+len(suffix) && bytes.EqualFold(w[:len(want)], []byte(want)) && bytes.EqualFold(w[len(want):], []byte(suffix)) {
			return true
		}
	}
	return false
}

// boundary reports whether a match may start and end where it does: not
// inside an entity (&amp;, &#38;), after a backslash, nor next to a slash,
// an @ or an underscore, where the word belongs to a path, an address or
// a name.
func boundary(text []byte, start, end int) bool {
	if start > 0 && bytes.IndexByte([]byte(`&\#/@_`), text[start-1]) >= 0 {
		return false
	}
	if end < len(text) && bytes.IndexByte([]byte(`/@_`), text[end]) >= 0 {
		return false
	}
	return true
}

// wordSpans appends the runs of letters and digits of text to out.
func wordSpans(out []span, text []byte) []span {
	start := -1
	for i := 0; i < len(text); {
		var in bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			in = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			in = isWordRune(r)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// lower appends w lower-cased to dst.
func lower(dst, w []byte) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}
