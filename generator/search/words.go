package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
	"github.com/kljensen/snowball/english"
	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Words returns the stems of the words of text, in order, as the index
// holds them: text split at Unicode word boundaries (UAX #29), segments
// without a letter or a digit dropped, each word folded as Fold folds it
// and stemmed by Stem. Stop words are kept.
func Words(text string) []string { return WordsIn("", text) }

// WordsIn is Words in the language lang: its words stemmed by StemIn.
func WordsIn(lang, text string) []string {
	t := tokenizer{lang: lang}
	t.split(validUTF8(text))
	var out []string
	for _, h := range t.hits {
		out = append(out, t.stems[h.id])
	}
	return out
}

// Fold is the form in which exact entries (titles, abbreviations, keys,
// aliases) are indexed and queries are compared with them: Unicode NFKD,
// nonspacing marks (Mn) dropped, the typographic apostrophes ’ ‘ ‛ made
// ', lower case, runs of white space made single spaces, trimmed.
// Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	if ascii(s) {
		return collapse(strings.ToLower(s))
	}
	s = validUTF8(s)
	var scratch []byte
	folded := string(foldInto(nil, &scratch, s))
	return strings.Join(strings.Fields(folded), " ")
}

// Stem is the English Snowball (Porter2) stem of one folded word, as
// github.com/kljensen/snowball computes it, stop words included: a word
// of at most two characters (runes, not bytes) is its own stem.
func Stem(word string) string {
	if utf8.RuneCountInString(word) <= 2 {
		return word
	}
	// The second argument makes the stemmer stem stop words too, rather
	// than return them unchanged, as Porter2 and the browser's stemmer do.
	if s := english.Stem(word, true); s != "" {
		return s
	}
	return word
}

// stemmerName is what the manifest says of the stemmer of an index in
// lang: "de" for German, "" (left out) for English.
func stemmerName(lang string) string {
	if isGerman(lang) {
		return "de"
	}
	return ""
}

func isGerman(lang string) bool { return lang == "de" || strings.HasPrefix(lang, "de-") }

// StemIn is the stem of one folded word in the language lang: for German
// (de, or de-…), what the Snowball project's German algorithm gives, as
// github.com/blevesearch/snowballstem computes it; for English and every
// language without a stemmer of its own here, Stem. A word of at most two
// characters is its own stem. The browser's stemmers give the same stems
// (a browser test compares them on more than 5,000 German words).
func StemIn(lang, word string) string {
	if !isGerman(lang) {
		return Stem(word)
	}
	if utf8.RuneCountInString(word) <= 2 {
		return word
	}
	env := snowballstem.NewEnv(word)
	german.Stem(env)
	if s := env.Current(); s != "" {
		return s
	}
	return word
}

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// validUTF8 replaces each invalid byte sequence in s with U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// tokenizer splits, folds and stems text, and numbers the stems it
// meets. It caches each folded word's stem number, so that a repeated
// word costs a map look-up. A tokenizer is used by one goroutine at a
// time.
type tokenizer struct {
	lang    string           // the language, for StemIn
	ids     map[string]int32 // folded word → word number
	words   []string         // word number → folded word
	stemOf  []int32          // word number → stem number
	numbers map[string]int32 // stem → stem number
	stems   []string         // stem number → stem
	word    []byte           // the folded word being looked up
	hash    uint32           // its FNV-1a hash
	scratch []byte           // NFKD output

	// recent caches the stem numbers of recent words by hash, in front
	// of ids: most words of a text are among a few hundred. tokenizer.doc
	// makes it; Words does without.
	recent *[recentSize]recentWord

	// For tokenizer.doc: slot[n] is the index of stem number n among a
	// document's terms when mark[n] == gen.
	slot    []int32
	mark    []uint32
	gen     uint32
	termBuf []termCount
	bodyBuf []int32
	hits    []hit    // the words split found
	spans   [][2]int // segments of one run of text

	_ [128]byte // keeps tokenizers that work side by side off each other's cache lines
}

// recentSize is the number of recent words a tokenizer caches.
const recentSize = 4096

// recentWord is a cached word and its stem number.
type recentWord struct {
	word string
	stem int32
}

// hit is one word of a text: its stem number and its byte offset.
type hit struct{ id, off int32 }

// split sets t.hits to the words of text, which must be valid UTF-8.
//
// UAX #29 puts a boundary before every space (but one after another) and
// after every run of spaces but for marks and format characters that
// follow it, which are no words and start none. So the runs of text
// between spaces have the same words segmented apart as together: a run
// of ASCII is split by asciiWords, any other by uniWords.
func (t *tokenizer) split(text string) {
	if t.ids == nil {
		t.ids = make(map[string]int32)
		t.numbers = make(map[string]int32)
	}
	t.hits = t.hits[:0]
	for lo := 0; lo < len(text); {
		// [lo, hi) is a run without spaces, plain if it is all ASCII.
		hi, plain := lo, true
		for hi < len(text) && text[hi] != ' ' {
			plain = plain && text[hi] < utf8.RuneSelf
			hi++
		}
		if plain {
			t.spans = asciiWords(t.spans[:0], text, lo, hi)
		} else {
			t.spans = uniWords(t.spans[:0], text, lo, hi)
		}
		for _, sp := range t.spans {
			if t.fold(text[sp[0]:sp[1]]) {
				t.hits = append(t.hits, hit{t.number(), int32(sp[0])})
			}
		}
		lo = hi
		for lo < len(text) && text[lo] == ' ' {
			lo++
		}
	}
}

// number is the stem number of the folded word in t.word.
func (t *tokenizer) number() int32 {
	var r *recentWord
	if t.recent != nil {
		r = &t.recent[t.hash%recentSize]
		if r.word == string(t.word) && r.word != "" {
			return r.stem
		}
	}
	n, ok := t.ids[string(t.word)]
	if !ok {
		w := string(t.word)
		stem := StemIn(t.lang, w)
		id, ok := t.numbers[stem]
		if !ok {
			id = int32(len(t.stems))
			t.numbers[stem] = id
			t.stems = append(t.stems, stem)
		}
		n = int32(len(t.words))
		t.ids[w] = n
		t.words = append(t.words, w)
		t.stemOf = append(t.stemOf, id)
	}
	if r != nil {
		*r = recentWord{t.words[n], t.stemOf[n]}
	}
	return t.stemOf[n]
}

// uniWords appends to spans the byte ranges of the segments of
// text[lo:hi] that UAX #29 finds.
func uniWords(spans [][2]int, text string, lo, hi int) [][2]int {
	state := -1
	rest := text[lo:hi]
	for len(rest) > 0 {
		var seg string
		seg, rest, state = uniseg.FirstWordInString(rest, state)
		end := hi - len(rest)
		spans = append(spans, [2]int{end - len(seg), end})
	}
	return spans
}

// Word_Break classes of ASCII characters (UAX #29).
const (
	wbOther     = iota
	wbLetter    // A-Z a-z: ALetter
	wbNumeric   // 0-9
	wbExtendNum // _: ExtendNumLet
	wbMidLetter // :
	wbMidNum    // , ;
	wbMidNumLet // . and ' (MidNumLet, Single_Quote)
)

// asciiClasses holds the Word_Break class of each ASCII character, as far
// as word segments go: every character of class wbOther, spaces and line
// breaks included, is a segment of its own or part of one without letters
// or digits.
const asciiClasses = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // controls
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" +
	"\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x00\x00\x05\x00\x06\x00" + //  !"#$%&'()*+,-./
	"\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x04\x05\x00\x00\x00\x00" + // 0-9 :;<=>?
	"\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" + // @A-O
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x03" + // P-Z [\]^_
	"\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" + // `a-o
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00" //  p-z {|}~ DEL

// asciiWords appends to spans the byte range of each segment of the
// ASCII text[lo:hi] that holds a letter, a digit or "_": the runs of
// letters, digits and "_" (WB5, WB8–WB10, WB13a, WB13b) joined across one
// ":", ".", "'" between letters (WB6, WB7) or one ",", ";", ".", "'"
// between digits (WB11, WB12). It agrees with uniseg on such segments.
func asciiWords(spans [][2]int, text string, lo, hi int) [][2]int {
	i := lo
	for i < hi {
		if c := asciiClasses[text[i]]; c != wbLetter && c != wbNumeric && c != wbExtendNum {
			i++
			continue
		}
		start := i
		for i++; i < hi; i++ {
			k := asciiClasses[text[i]]
			if k == wbLetter || k == wbNumeric || k == wbExtendNum {
				continue
			}
			if k != wbOther && i+1 < hi {
				prev, next := asciiClasses[text[i-1]], asciiClasses[text[i+1]]
				letters := prev == wbLetter && next == wbLetter && (k == wbMidLetter || k == wbMidNumLet)
				digits := prev == wbNumeric && next == wbNumeric && (k == wbMidNum || k == wbMidNumLet)
				if letters || digits {
					i++ // the middle character; the loop steps over the next
					continue
				}
			}
			break
		}
		spans = append(spans, [2]int{start, i})
	}
	return spans
}

// fold puts the folded form of seg into t.word and reports whether seg is
// a word: whether it holds a letter or a digit and folds to something.
func (t *tokenizer) fold(seg string) bool {
	plain, word := true, false
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= utf8.RuneSelf {
			plain = false
			break
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			word = true
		}
	}
	if plain {
		if !word {
			return false
		}
		t.word = t.word[:0]
		h := uint32(fnvOffset)
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			t.word = append(t.word, c)
			h = (h ^ uint32(c)) * fnvPrime
		}
		t.hash = h
		return true
	}
	if !strings.ContainsFunc(seg, isLetterOrDigit) {
		return false
	}
	t.word = foldInto(t.word[:0], &t.scratch, seg)
	// A compatibility decomposition can yield a space (U+00A8 → " ̈"):
	// trim, so that a word never has white space at its ends.
	t.word = bytes.TrimSpace(t.word)
	h := uint32(fnvOffset)
	for _, c := range t.word {
		h = (h ^ uint32(c)) * fnvPrime
	}
	t.hash = h
	return len(t.word) > 0
}

// The FNV-1a hash's constants.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// isLetterOrDigit reports whether r is a letter or a number (Unicode L or N).
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// foldInto appends to dst the folded form of s, which must be valid
// UTF-8: NFKD, Mn dropped, apostrophes unified, lower case. White space
// is left as it is. scratch is a buffer for the decomposition.
func foldInto(dst []byte, scratch *[]byte, s string) []byte {
	start := len(dst)
	for range 3 {
		*scratch = norm.NFKD.AppendString((*scratch)[:0], s)
		dst = dst[:start]
		for _, r := range string(*scratch) {
			switch {
			case unicode.Is(unicode.Mn, r):
				continue
			case r == '\u2019' || r == '\u2018' || r == '\u201B':
				r = '\''
			}
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		// Lower-casing can, rarely, make a character that NFKD would
		// decompose again: fold until nothing changes.
		if norm.NFKD.IsNormal(dst[start:]) {
			break
		}
		s = string(dst[start:])
	}
	return dst
}
