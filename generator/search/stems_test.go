package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// stemsFile lists "word stem" pairs, one a line, sorted: the browser's
// stemmer is tested against it.
const stemsFile = "testdata/stems.txt"

// stemCases are words that exercise each step of Porter2, besides those
// of the example site's pages.
var stemCases = strings.Fields(`
	generously skies skis dying lying tying idly gently ugly early only singly sky news howe
	atlas cosmos bias andes inning innings outing outings canning cannings herring herrings
	earring earrings proceed proceeds proceeded proceeding exceed exceeds exceeded exceeding
	succeed succeeds succeeded succeeding
	relational conditional rational valenci hesitanci digitizer conformabli radicalli
	differentli vileli analogousli vietnamization predication operator feudalism
	decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
	triplicate formative formalize electriciti electrical hopeful goodness
	revival allowance inference airliner gyroscopic adjustable defensible irritant
	replacement adjustment dependent adoption homologou communism activate angulariti
	homologous effective bowdlerize generalization generalizations organization
	organizations realization sensational international operational motivational
	national nationalization fulness carefulness usefulness helpfulness thoughtfulness
	cried cries tied ties died dies spied spies fried flies replied replies studied
	studies applied applies carried carries denied denies ied ies
	running jumping singing sing thing things bring string swimming hoping hopping
	filing filling failing falling luxuriating hopped hoped tanned planned fizzed
	hurriedly allegedly markedly supposedly reportedly assuredly deservedly repeatedly
	dedly eedly agreed agreedly feed feedly bleed need needs
	happy happily happiness cry crying say says saying played playing joy enjoy boy toys
	by my fly try trying tries y yy ay ey oy ye yes eyes
	a i o an am as at be do go he if in is it me no of on or so to up us we
	ox axe ace bed bet cat dog eat ego use
	caresses ponies caress cats feed agreed plastered bled motoring
	conflated troubled sized hopping tanned falling hissing fizzed failing filing
	happy sky knack knackeries knaves consign consigned consigning consignment
	consist consisted consistency consistent consistently consisting consists
	generate generation generic general commune communal arsenal arsenic
	owner's owners' don't can't it's product's teams' o'clock
	abundantly fluently easily quickly lovely loveliness lonely loneliness
	argue argued argues arguing argument arguments
	beautiful beautifully beauty beauties duty duties
	refine refined refinement refines refining
	ready readiness already backlog backlogs cadence cadences estimate estimates estimation
`)

func TestStemsFileIsInSyncWithStem(t *testing.T) {
	if golden.Update() {
		writeStemsFile(t)
	}
	data, err := os.ReadFile(stemsFile)
	if err != nil {
		t.Fatalf("reading %s (go test -update writes it): %v", stemsFile, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 1500 {
		t.Errorf("%s has %d lines, want about 2,000", stemsFile, len(lines))
	}
	var words []string
	for i, line := range lines {
		word, stem, ok := strings.Cut(line, " ")
		if !ok || word == "" || stem == "" || strings.Contains(stem, " ") {
			t.Fatalf("%s:%d: %q is not \"word stem\"", stemsFile, i+1, line)
		}
		if got := Stem(word); got != stem {
			t.Errorf("%s:%d: Stem(%q) = %q, file says %q; go test -update rewrites the file", stemsFile, i+1, word, got, stem)
		}
		words = append(words, word)
	}
	if !slices.IsSorted(words) {
		t.Errorf("%s is not sorted by word", stemsFile)
	}
	if len(slices.Compact(slices.Clone(words))) != len(words) {
		t.Errorf("%s lists a word twice", stemsFile)
	}
}

// writeStemsFile writes stemsFile from stemCases, the words of the
// example site's pages (../../content) and the words it already lists.
func writeStemsFile(t *testing.T) {
	words := slices.Clone(stemCases)
	err := filepath.WalkDir(filepath.Join("..", "..", "content"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		words = append(words, plainWords(string(data))...)
		return nil
	})
	if err != nil {
		t.Fatalf("reading the example site: %v", err)
	}
	if old, err := os.ReadFile(stemsFile); err == nil {
		for _, line := range strings.Split(string(old), "\n") {
			if word, _, ok := strings.Cut(line, " "); ok {
				words = append(words, word)
			}
		}
	}
	slices.Sort(words)
	words = slices.Compact(words)
	var b bytes.Buffer
	for _, w := range words {
		b.WriteString(w + " " + Stem(w) + "\n")
	}
	if err := os.WriteFile(stemsFile, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// plainWords returns the words of text, folded, that are made of the
// letters a-z with at most one inner apostrophe: those that any Porter2
// stemmer takes as they are.
func plainWords(text string) []string {
	var out []string
	var t tokenizer
	for _, sp := range uniWords(nil, text, 0, len(text)) {
		if !t.fold(text[sp[0]:sp[1]]) {
			continue
		}
		w := string(t.word)
		letters := strings.Trim(strings.Replace(w, "'", "", 1), "abcdefghijklmnopqrstuvwxyz") == ""
		if letters && !strings.HasPrefix(w, "'") && !strings.HasSuffix(w, "'") {
			out = append(out, w)
		}
	}
	return out
}
