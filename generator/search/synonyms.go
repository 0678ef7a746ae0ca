package search

import (
	"strings"
	"unicode/utf8"
)

// Synonym is another word, or words, for a term: a query that has From
// (sprint, program increment) also looks for To (iteration, cycle).
type Synonym struct{ From, To string }

// synonymTable is the manifest's "synonyms": the stems of each synonym's
// words, joined by single spaces, mapped to the folded words of what it
// stands for, joined the same way ("sprint" → "iteration", "program
// increment" → "cycle"). The browser replaces a run of query words whose
// stems are a key by the value and searches for both queries. Of two
// synonyms with the same stems, the first is kept; one that stands for
// itself is left out.
func synonymTable(syns []Synonym, lang string) map[string]string {
	if len(syns) == 0 {
		return nil
	}
	table := map[string]string{}
	for _, s := range syns {
		key := strings.Join(WordsIn(lang, s.From), " ")
		to := strings.Join(foldedWords(s.To), " ")
		if _, taken := table[key]; taken || key == "" || to == "" || key == strings.Join(WordsIn(lang, s.To), " ") {
			continue
		}
		table[key] = to
	}
	return table
}

// foldedWords returns the words of text, folded but not stemmed, as the
// index splits and folds them.
func foldedWords(text string) []string {
	var t tokenizer
	var out []string
	for _, run := range strings.Split(validUTF8(text), " ") {
		plain := true
		for i := 0; i < len(run); i++ {
			plain = plain && run[i] < utf8.RuneSelf
		}
		if plain {
			t.spans = asciiWords(t.spans[:0], run, 0, len(run))
		} else {
			t.spans = uniWords(t.spans[:0], run, 0, len(run))
		}
		for _, sp := range t.spans {
			if t.fold(run[sp[0]:sp[1]]) {
				out = append(out, string(t.word))
			}
		}
	}
	return out
}
