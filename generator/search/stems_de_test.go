package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// stemsDeFile lists German "word stem" pairs, one a line, sorted: the
// browser's German stemmer is tested against it. Its words are a sample
// of a German word list, folded as the index folds them (and some with
// their umlauts and ß), and germanCases.
const stemsDeFile = "testdata/stems-de.txt"

// germanCases are words that exercise each step of the German algorithm.
var germanCases = strings.Fields(`
	anforderung anforderungen anforderungs anforderte aufeinanderfolgenden
	kenntnisse kenntnissen ergebnis ergebnisse ergebnissen verhältnis verhaltnisse
	häuser hauser bäume baume straße strasse grüße gruße größte grosste schönste schönsten
	freundlichkeit möglichkeiten moglichkeit lustigkeit ehrlichkeit erreichbarkeit zuständigkeit
	herrlich herrlicher kindheit schönheiten gesundheit freiheitlich
	bestimmung bestimmungen beteiligung beteiligungen lesend lesende geltend
	kategorisch kategorischen logik politik beliebig beliebige ewig ewige ledig
	aktuellste aktuellsten weitesten kunst kunstst bekanntest fernste
	bauer bauern treue treuen bayern ja zu an ab aus ei eis eier
	verantwortlich verantwortlichen verantwortlichkeit produktverantwortlicher
	planung planungen iteration iterationen rückblick überprüfung einheitlichkeit
`)

func TestGermanStemsFileIsInSyncWithStemIn(t *testing.T) {
	if golden.Update() {
		writeStemsDeFile(t)
	}
	data, err := os.ReadFile(stemsDeFile)
	if err != nil {
		t.Fatalf("reading %s (go test -update rewrites it): %v", stemsDeFile, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 5000 {
		t.Errorf("%s has %d lines, want at least 5,000", stemsDeFile, len(lines))
	}
	var words []string
	changed := 0
	for i, line := range lines {
		word, stem, ok := strings.Cut(line, " ")
		if !ok || word == "" || stem == "" || strings.Contains(stem, " ") {
			t.Fatalf("%s:%d: %q is not \"word stem\"", stemsDeFile, i+1, line)
		}
		if got := StemIn("de", word); got != stem {
			t.Errorf("%s:%d: StemIn(de, %q) = %q, file says %q; go test -update rewrites the file", stemsDeFile, i+1, word, got, stem)
		}
		if stem != word {
			changed++
		}
		words = append(words, word)
	}
	if !slices.IsSorted(words) || len(slices.Compact(slices.Clone(words))) != len(words) {
		t.Errorf("%s is not sorted by word, or lists a word twice", stemsDeFile)
	}
	if changed < len(lines)/2 {
		t.Errorf("only %d of %d words have a stem other than themselves: is the German stemmer in use?", changed, len(lines))
	}
	for _, w := range germanCases {
		if !slices.Contains(words, w) {
			t.Errorf("%s lacks the case %q (go test -update adds it)", stemsDeFile, w)
		}
	}
}

// writeStemsDeFile writes stemsDeFile for the words it lists and
// germanCases, with their stems.
func writeStemsDeFile(t *testing.T) {
	words := slices.Clone(germanCases)
	if old, err := os.ReadFile(stemsDeFile); err == nil {
		for _, line := range strings.Split(string(old), "\n") {
			if word, _, ok := strings.Cut(line, " "); ok {
				words = append(words, word)
			}
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w + " " + StemIn("de", w) + "\n")
	}
	if err := os.WriteFile(stemsDeFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestStemInPicksTheLanguage(t *testing.T) {
	for _, tt := range []struct{ lang, word, want string }{
		{"de", "anforderungen", "anforder"},
		{"de", "anforderung", "anforder"},
		{"de-at", "anforderungen", "anforder"},
		{"de", "häuser", "haus"},
		{"de", "straße", "strass"},
		{"de", "zu", "zu"},
		{"en", "requirements", "requir"},
		{"en", "anforderungen", Stem("anforderungen")},
		{"fr", "requirements", "requir"}, // no French stemmer: the English one, as before languages
		{"", "running", "run"},
	} {
		if got := StemIn(tt.lang, tt.word); got != tt.want {
			t.Errorf("StemIn(%q, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestAGermanIndexStemsGerman(t *testing.T) {
	docs := []Doc{
		{URL: "a/", Title: "Prüfliste", Type: "artifact", Body: "Jede neue Anforderung kommt auf diese Liste."},
		{URL: "b/", Title: "Abstimmungsrunde", Type: "event", Body: "Die Teams klären ihre Anforderungen."},
	}
	de := readIndex(t, Build(docs, Options{Language: "de", Synonyms: []Synonym{{From: "Anforderungen", To: "Bedarf"}}}))
	if de.manifest.Stemmer != "de" {
		t.Errorf("the manifest of a German index names stemmer %q, want de", de.manifest.Stemmer)
	}
	if p := de.postings("anforder"); len(p) != 2 {
		t.Errorf("the German stem anforder has postings %v, want both documents", p)
	}
	if _, ok := de.manifest.Synonyms["anforder"]; !ok {
		t.Errorf("synonyms %v: want the German stem of Anforderungen as the key", de.manifest.Synonyms)
	}
	en := readIndex(t, Build(docs, Options{}))
	if en.manifest.Stemmer != "" {
		t.Errorf("the manifest of an English index names stemmer %q, want none", en.manifest.Stemmer)
	}
	if p := en.postings("anforder"); len(p) != 0 {
		t.Errorf("an English index has the German stem: %v", p)
	}
}
