package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", nil},
		{"spaces and punctuation only", "  -- ... !? ", nil},
		{"lower case and stems", "Refinement refined REFINES", []string{"refin", "refin", "refin"}},
		{"stop words are kept and stemmed", "The owner is being", []string{"the", "owner", "is", "be"}},
		{"key splits at the hyphen", "CBI-214", []string{"cbi", "214"}},
		{"decimal number is one word", "release 3.1 ships", []string{"releas", "3.1", "ship"}},
		{"thousands separator", "1,000 items", []string{"1,000", "item"}},
		{"sentence full stop is no part of a word", "Done. Next", []string{"done", "next"}},
		{"abbreviation with dots", "e.g. this", []string{"e.g", "this"}},
		{"apostrophe inside a word", "don't", []string{"don't"}},
		{"possessive", "the owner's backlog", []string{"the", "owner", "backlog"}},
		{"typographic apostrophe is folded", "the owner’s backlog", []string{"the", "owner", "backlog"}},
		{"quotes around a word", "‘quoted’ \"words\"", []string{"quot", "word"}},
		{"diaeresis dropped", "Über naïve", []string{"uber", "naiv"}},
		{"precomposed and decomposed agree", "caf\u00e9 cafe\u0301", []string{"cafe", "cafe"}},
		{"ligature decomposed", "ﬁnance", []string{"financ"}},
		{"superscript digit is a word of its own", "x²", []string{"x", "2"}},
		{"emoji dropped", "ship 🚀 it 👍🏽", []string{"ship", "it"}},
		{"ideographs are single words", "東京都", []string{"東", "京", "都"}},
		{"katakana runs are one word", "カタカナ", []string{"カタカナ"}},
		{"colon between letters joins", "std:vector", []string{"std:vector"}},
		{"underscore joins", "snake_case", []string{"snake_cas"}},
		{"line breaks split", "alpha\nbeta\r\ngamma", []string{"alpha", "beta", "gamma"}},
		{"tabs split", "alpha\tbeta", []string{"alpha", "beta"}},
		{"mark after a space", "a \u0301b", []string{"a", "b"}},
		{"invalid UTF-8 is no word", "ab\xffcd", []string{"ab", "cd"}},
		{"Greek", "Ωμέγα", []string{"ωμεγα"}},
		{"Cyrillic", "Привет мир", []string{"привет", "мир"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Cluster Product Owner", "cluster product owner"},
		{"  Cluster \t Product\nOwner  ", "cluster product owner"},
		{"CPO", "cpo"},
		{"CBI-214", "cbi-214"},
		{"Über-Straße", "uber-straße"},
		{"Ça va, Zoë?", "ca va, zoe?"},
		{"Owner’s Guide", "owner's guide"},
		{"ﬁ ligature", "fi ligature"},
		{"non\u00a0breaking", "non breaking"},
		{"İstanbul", "istanbul"},
		{"Release 3.1 (EU)", "release 3.1 (eu)"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"</script>", "</script>"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Fold(Fold(tt.in)); again != Fold(tt.in) {
			t.Errorf("Fold is not idempotent on %q: %q, then %q", tt.in, Fold(tt.in), again)
		}
	}
}

func TestStem(t *testing.T) {
	// Pairs from the Porter2 (English Snowball) algorithm's description
	// and its sample vocabulary.
	tests := []struct{ word, want string }{
		{"consign", "consign"}, {"consigned", "consign"}, {"consigning", "consign"},
		{"consignment", "consign"}, {"consistency", "consist"}, {"knackeries", "knackeri"},
		{"knaves", "knave"}, {"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"},
		{"cries", "cri"}, {"hopping", "hop"}, {"relational", "relat"},
		{"conditional", "condit"}, {"rational", "ration"}, {"generalization", "general"},
		{"hopefulness", "hope"}, {"goodness", "good"}, {"generously", "generous"},
		{"generate", "generat"}, {"communism", "communism"}, {"arsenal", "arsenal"},
		{"refinement", "refin"}, {"refined", "refin"}, {"refines", "refin"},
		// Exceptions.
		{"skies", "sky"}, {"skis", "ski"}, {"dying", "die"}, {"lying", "lie"},
		{"tying", "tie"}, {"news", "news"}, {"proceed", "proceed"}, {"exceed", "exceed"},
		{"succeed", "succeed"}, {"gently", "gentl"}, {"early", "earli"}, {"only", "onli"},
		{"singly", "singl"}, {"atlas", "atlas"}, {"cosmos", "cosmos"}, {"bias", "bias"},
		{"andes", "andes"}, {"innings", "inning"},
		// Stop words are stemmed too.
		{"being", "be"}, {"the", "the"}, {"was", "was"},
		// Short words, apostrophes, y.
		{"a", "a"}, {"is", "is"}, {"øs", "øs"}, {"owner's", "owner"}, {"don't", "don't"},
		{"happily", "happili"}, {"says", "say"}, {"crying", "cri"}, {"yes", "yes"},
		// Numbers and keys are left alone.
		{"214", "214"}, {"3.1", "3.1"}, {"cbi", "cbi"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// referenceWords is Words done plainly: uniseg over the whole text, each
// segment with a letter or digit folded with Fold's rules and stemmed.
func referenceWords(text string) []string {
	text = validUTF8(text)
	var out []string
	state := -1
	for len(text) > 0 {
		var seg string
		seg, text, state = uniseg.FirstWordInString(text, state)
		if !strings.ContainsFunc(seg, isLetterOrDigit) {
			continue
		}
		var scratch []byte
		w := strings.TrimSpace(string(foldInto(nil, &scratch, seg)))
		if w != "" {
			out = append(out, Stem(w))
		}
	}
	return out
}

// randomText makes text from pieces that exercise the word-boundary
// rules: ASCII letters, digits and punctuation, spaces, line breaks,
// marks, format characters, other scripts, emoji and flags.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"a", "B", "z", "y", "0", "7", "_", ".", ",", ";", ":", "'", "\"", "-", " ", " ", "  ",
		"\t", "\n", "\r\n", "\u0301", "\u00ad", "\u200d", "é", "ü", "ß", "’", "‘", "東", "カ",
		"ひ", "א", "\u05f4", "🙂", "🇩🇪", "²", "ﬁ", "İ", "Σ", "\u2028", "\u00a0", "\xff", "ab", "3.1",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestWordsAgreesWithWholeTextSegmentation(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		text := randomText(r, 1+r.IntN(12))
		if got, want := Words(text), referenceWords(text); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, want %q (uniseg over the whole text)", text, got, want)
		}
	}
}

func TestASCIIWordsAgreesWithUniseg(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const chars = "aZ09_.,;:'\"-!?()/ \t\n"
	for range 50_000 {
		b := make([]byte, 1+r.IntN(10))
		for i := range b {
			b[i] = chars[r.IntN(len(chars))]
		}
		text := strings.ReplaceAll(string(b), " ", "") // a run between spaces
		var got []string
		for _, sp := range asciiWords(nil, text, 0, len(text)) {
			got = append(got, text[sp[0]:sp[1]])
		}
		var want []string
		for _, sp := range uniWords(nil, text, 0, len(text)) {
			if seg := text[sp[0]:sp[1]]; strings.ContainsAny(seg, "aZ09_") {
				want = append(want, seg)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("asciiWords(%q) = %q, uniseg: %q", text, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "CBI-214 release 3.1", "owner’s naïve Über", "東京 カタカナ 🙂", "a \u0301b", "\xff\xfe", "x²ﬁ İ Σ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := Words(s)
		for _, w := range words {
			if w == "" || !utf8.ValidString(w) {
				t.Errorf("Words(%q) holds %q", s, w)
			}
		}
		if want := referenceWords(s); !slices.Equal(words, want) {
			t.Errorf("Words(%q) = %q, uniseg over the whole text: %q", s, words, want)
		}
		folded := Fold(s)
		if !utf8.ValidString(folded) {
			t.Errorf("Fold(%q) = %q is not valid UTF-8", s, folded)
		}
		if again := Fold(folded); again != folded {
			t.Errorf("Fold(%q) = %q, but Fold of that is %q", s, folded, again)
		}
	})
}
