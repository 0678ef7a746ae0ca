package search

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"", nil},
		{"One sentence", []string{"One sentence"}},
		{"First. Second! Third? Fourth", []string{"First.", "Second!", "Third?", "Fourth"}},
		{"Release 3.1 ships. Next", []string{"Release 3.1 ships.", "Next"}},
		{"e.g. this", []string{"e.g.", "this"}},
		{"Line one\nLine two\r\n\nLine three.", []string{"Line one", "Line two", "Line three."}},
		{"  padded .  ", []string{"padded ."}},
		{"End.\tTab", []string{"End.", "Tab"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range sentences(tt.body) {
			got = append(got, tt.body[s.lo:s.hi])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"the quick, brown fox", 12, "the quick…"},
		{"abcdefghijklmnop", 6, "abcde…"},
		{"naïve café über alles", 12, "naïve café…"},
		{"one two", 1, "…"},
	}
	for _, tt := range tests {
		got := cut(tt.s, tt.limit)
		if got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("cut(%q, %d) is %d characters long", tt.s, tt.limit, n)
		}
	}
}

// excerptsOf indexes docs, which must be in document order, and returns
// their excerpts.
func excerptsOf(docs []Doc) []string {
	terms := make([]docTerms, len(docs))
	toks := make([]tokenizer, 1)
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	score(terms, toks, nil)
	out := make([]string, len(docs))
	for i := range docs {
		out[i] = excerpt(&docs[i], &terms[i])
	}
	return out
}

func TestExcerpt(t *testing.T) {
	common := "Teams plan the work of the week together. "
	var long strings.Builder
	for i := range 12 {
		fmt.Fprintf(&long, "Sentence %d speaks of topic%d and of subject%d at some length. ", i, i, i)
	}
	docs := []Doc{
		{Summary: "Only a summary."},
		{Summary: strings.Repeat("word ", 100)},
		{Body: common + "Nothing special happens here. The zeolite filter needs replacing after a year. " + common},
		{Summary: "Teams plan the work of the week together.", Body: common + "Pumps need calibration."},
		{Body: long.String()},
		{Body: "Short one. " + strings.Repeat("averyveryverylongwordwithoutspaces ", 20)},
	}
	for range 20 { // documents that share the common words
		docs = append(docs, Doc{Body: common + "Nothing special happens here."})
	}
	got := excerptsOf(docs)
	for i, e := range got {
		if n := utf8.RuneCountInString(e); n > maxExcerpt {
			t.Errorf("excerpt %d is %d characters long", i, n)
		}
	}
	if got[0] != "Only a summary." {
		t.Errorf("summary only: %q", got[0])
	}
	if !strings.HasSuffix(got[1], "word…") || !strings.HasPrefix(got[1], "word word") {
		t.Errorf("long summary: %q, want it cut after a word", got[1])
	}
	if !strings.Contains(got[2], "zeolite") {
		t.Errorf("the sentence with the document's rarest word is left out: %q", got[2])
	}
	if z, c := strings.Index(got[2], "zeolite"), strings.Index(got[2], "Teams plan"); c >= 0 && c > z {
		t.Errorf("sentences are out of body order: %q", got[2])
	}
	if got[3] != "Teams plan the work of the week together. Pumps need calibration." {
		t.Errorf("the summary is repeated or the body left out: %q", got[3])
	}
	if n := utf8.RuneCountInString(got[4]); n < maxExcerpt-minCut {
		t.Errorf("a long body gives a short excerpt: %q", got[4])
	}
	if !strings.HasPrefix(got[5], "Short one.") && !strings.Contains(got[5], "…") {
		t.Errorf("excerpt of long words: %q", got[5])
	}
}

func TestJoinPartsSeparatesHeadings(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{nil, ""},
		{[]string{"Only a heading"}, "Only a heading"},
		{[]string{"First.", "Second!", "Third?"}, "First. Second! Third?"},
		{[]string{`Why "just enough"`, "This is the refinement horizon.", "Ready is not a contract", "Common objections", "None."},
			`Why "just enough" — This is the refinement horizon. Ready is not a contract — Common objections — None.`},
		{[]string{"Steps:", "Plan the week"}, "Steps: Plan the week"},
		{[]string{`He said "stop."`, "Then (briefly.)", "Next"}, `He said "stop." Then (briefly.) Next`},
		{[]string{"A cut sentence…", "Next"}, "A cut sentence… Next"},
		{[]string{"Naïve café", "über alles"}, "Naïve café — über alles"},
	}
	for _, tt := range tests {
		if got := joinParts(tt.parts); got != tt.want {
			t.Errorf("joinParts(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

func TestExcerptSeparatesAHeadingFromTheSentenceAfterIt(t *testing.T) {
	body := "Why just enough\nThis is the refinement horizon.\nCommon objections\nA horizon is not a deadline."
	docs := []Doc{{Body: body}}
	for range 5 {
		docs = append(docs, Doc{Body: "This is the refinement horizon."})
	}
	got := excerptsOf(docs)[0]
	want := "Why just enough — This is the refinement horizon. Common objections — A horizon is not a deadline."
	if got != want {
		t.Errorf("excerpt = %q, want %q", got, want)
	}
}

// TestExcerptBodyWords checks the body's words as the excerpt reads them:
// each stem once a sentence, 16-bit for a document of at most narrowTerms
// stems and 32-bit beyond, the excerpt the same either way.
func TestExcerptBodyWords(t *testing.T) {
	var tok tokenizer
	d := Doc{Body: "Plan plan PLAN the plan. The plan again."}
	dt := tok.doc(&d)
	var words []int
	for _, s := range dt.sents {
		words = append(words, int(s.whi-s.wlo))
	}
	if fmt.Sprint(words) != "[2 3]" || len(dt.body) != 5 || dt.wide != nil {
		t.Errorf("words a sentence %v, body %v, wide %v: want [2 3], each stem once a sentence, 16-bit", words, dt.body, dt.wide)
	}

	// A document with more stems than 16 bits number, among documents
	// that share its first sentence: the excerpt starts with the first
	// of its own.
	var big strings.Builder
	common := "Teams plan the work of the week together. "
	big.WriteString(common)
	first := ""
	for i := range narrowTerms + 5000 {
		fmt.Fprintf(&big, "w%dx", i)
		if i%10 == 9 {
			big.WriteString(". ")
			if first == "" {
				first = strings.TrimSpace(big.String()[len(common):])
			}
		} else {
			big.WriteByte(' ')
		}
	}
	docs := []Doc{{Body: big.String()}}
	for range 5 {
		docs = append(docs, Doc{Body: common})
	}
	terms := make([]docTerms, len(docs))
	toks := make([]tokenizer, 1)
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	if terms[0].wide == nil || terms[0].body != nil || terms[1].wide != nil {
		t.Fatalf("a document of %d stems is not held 32-bit, or one of a few stems is", len(terms[0].ids))
	}
	score(terms, toks, nil)
	if got := excerpt(&docs[0], &terms[0]); !strings.HasPrefix(got, first) {
		t.Errorf("excerpt of the large document = %.80q…, want it to start with %q", got, first)
	}

	// The 16-bit and the 32-bit words give the same excerpts.
	docs = []Doc{
		{Body: common + "Nothing special happens here. The zeolite filter needs replacing after a year. " + common},
		{Summary: "Teams plan the work of the week together.", Body: common + "Pumps need calibration."},
	}
	for range 20 {
		docs = append(docs, Doc{Body: common + "Nothing special happens here."})
	}
	terms = make([]docTerms, len(docs))
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	score(terms, toks, nil)
	for i := range docs {
		narrow := excerpt(&docs[i], &terms[i])
		wide := terms[i]
		wide.wide = make([]int32, len(wide.body))
		for k, w := range wide.body {
			wide.wide[k] = int32(w)
		}
		wide.body = nil
		if got := excerpt(&docs[i], &wide); got != narrow {
			t.Errorf("doc %d: excerpt from 32-bit words %q, from 16-bit %q", i, got, narrow)
		}
	}
}
