package search

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

// referenceScores computes each document's score for each of its stems
// as docs/search.md says, plainly: documents in the order given, fields
// made of Words, BM25F with each field's mean length over the documents
// where it is not empty.
func referenceScores(docs []Doc) []map[string]int32 {
	weights := [numFields]float64{8, 8, 5, 4, 3, 2, 1.5, 1}
	type fields [numFields]map[string]int
	tf := make([]fields, len(docs))
	lens := make([][numFields]int, len(docs))
	df := map[string]int{}
	var sum [numFields]float64
	var count [numFields]int
	for d, doc := range docs {
		texts := [numFields][]string{{doc.Key}, {doc.Abbr}, {doc.Title}, doc.Aliases, doc.Tags, doc.Headings, {doc.Summary}, {doc.Body}}
		seen := map[string]bool{}
		for f, ts := range texts {
			tf[d][f] = map[string]int{}
			for _, text := range ts {
				for _, w := range Words(text) {
					tf[d][f][w]++
					lens[d][f]++
					if !seen[w] {
						seen[w] = true
						df[w]++
					}
				}
			}
			if lens[d][f] > 0 {
				sum[f] += float64(lens[d][f])
				count[f]++
			}
		}
	}
	n := float64(len(docs))
	out := make([]map[string]int32, len(docs))
	for d := range docs {
		out[d] = map[string]int32{}
		total := map[string]float64{}
		for f := range numFields {
			for w, c := range tf[d][f] {
				mean := sum[f] / float64(count[f])
				total[w] += weights[f] * float64(c) / (1 - 0.75 + 0.75*float64(lens[d][f])/mean)
			}
		}
		for w, t := range total {
			idf := math.Log(1 + (n-float64(df[w])+0.5)/(float64(df[w])+0.5))
			out[d][w] = int32(max(1, math.Round(idf*t/(1.2+t)*100)))
		}
	}
	return out
}

// scoresOf builds the index of docs, which must be in document order,
// and returns each document's scores.
func scoresOf(docs []Doc) []map[string]int32 {
	terms := make([]docTerms, len(docs))
	toks := make([]tokenizer, 1)
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	p := score(terms, toks, nil)
	out := make([]map[string]int32, len(docs))
	for d := range terms {
		out[d] = map[string]int32{}
		for i, id := range terms[d].ids {
			out[d][p.stems[id]] = terms[d].score[i]
		}
	}
	return out
}

func TestScoresFollowTheFormula(t *testing.T) {
	docs := newCorpus(5).docs(300)
	got, want := scoresOf(docs), referenceScores(docs)
	for d := range docs {
		if len(got[d]) != len(want[d]) {
			t.Fatalf("document %d has %d stems, want %d", d, len(got[d]), len(want[d]))
		}
		for w, s := range want[d] {
			if got[d][w] != s {
				t.Errorf("document %d, stem %q: score %d, want %d", d, w, got[d][w], s)
			}
		}
	}
}

func TestRanking(t *testing.T) {
	filler := "Teams meet every week to plan the work of the next iteration together."
	docs := []Doc{
		{Title: "Planning", Body: filler + " The pump controller needs calibration."},    // 0: body match
		{Title: "Pump controller", Body: filler},                                         // 1: title match
		{Title: "Backlog item", Key: "PUMP-7", Body: filler},                             // 2: key match
		{Title: "Review", Tags: []string{"pump"}, Body: filler},                          // 3: tag match
		{Title: "Calibration", Summary: "How the pump is calibrated.", Body: filler},     // 4: summary match
		{Title: "Rare words", Body: filler + " Zeolite filters and pump seals wear."},    // 5: rare and common words
		{Title: "Long page", Body: filler + " pump " + repeatWords("lorem ipsum ", 200)}, // 6: a long body
	}
	for i := range 40 { // pages that do not mention pumps
		docs = append(docs, Doc{Title: fmt.Sprintf("Other %d", i), Body: filler})
	}
	s := scoresOf(docs)
	order := []int{2, 1, 3, 4, 0}
	for i := 1; i < len(order); i++ {
		hi, lo := order[i-1], order[i]
		if s[hi]["pump"] <= s[lo]["pump"] {
			t.Errorf("score for pump of document %d (%d) is not above document %d's (%d)", hi, s[hi]["pump"], lo, s[lo]["pump"])
		}
	}
	if s[0]["pump"] <= s[6]["pump"] {
		t.Errorf("one mention in a short body (%d) scores no higher than in a long one (%d)", s[0]["pump"], s[6]["pump"])
	}
	if s[5]["zeolit"] <= s[5]["pump"] {
		t.Errorf("a rare word (%d) scores no higher than a common one (%d) in one document", s[5]["zeolit"], s[5]["pump"])
	}
	if s[5]["the"] >= s[5]["zeolit"] {
		t.Errorf("a word of every document (%d) scores as high as a rare one (%d)", s[5]["the"], s[5]["zeolit"])
	}
	for d := range s {
		for w, v := range s[d] {
			if v < 1 {
				t.Errorf("document %d, stem %q: score %d below 1", d, w, v)
			}
		}
	}
}

func repeatWords(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestCapPostings(t *testing.T) {
	tests := []struct {
		name                 string
		docs, scores         []int32
		limit                int
		wantDocs, wantScores []int32
	}{
		{"under the limit", []int32{1, 4, 9}, []int32{5, 1, 3}, 5, []int32{1, 4, 9}, []int32{5, 1, 3}},
		{"at the limit", []int32{1, 4}, []int32{5, 1}, 2, []int32{1, 4}, []int32{5, 1}},
		{"best kept in document order", []int32{1, 2, 3, 4, 5}, []int32{10, 50, 20, 40, 30}, 3, []int32{2, 4, 5}, []int32{50, 40, 30}},
		{"ties go to lower documents", []int32{3, 5, 8, 9}, []int32{7, 7, 9, 7}, 2, []int32{3, 8}, []int32{7, 9}},
		{"all equal", []int32{0, 1, 2, 3}, []int32{1, 1, 1, 1}, 3, []int32{0, 1, 2}, []int32{1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, scores := slices.Clone(tt.docs), slices.Clone(tt.scores)
			n := capPostings(docs, scores, tt.limit)
			if !slices.Equal(docs[:n], tt.wantDocs) || !slices.Equal(scores[:n], tt.wantScores) {
				t.Errorf("kept %v %v, want %v %v", docs[:n], scores[:n], tt.wantDocs, tt.wantScores)
			}
		})
	}
}

func TestPostingsAreCappedInTheIndex(t *testing.T) {
	docs := make([]Doc, 3000)
	for i := range docs {
		switch {
		case i >= maxPostings+200:
			docs[i] = Doc{Body: fmt.Sprintf("other%d", i)}
		case i%3 == 0:
			docs[i] = Doc{Body: "common common common"} // scores higher
		default:
			docs[i] = Doc{Body: "common"}
		}
	}
	terms := make([]docTerms, len(docs))
	toks := make([]tokenizer, 1)
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	p := score(terms, toks, nil)
	i := slices.Index(p.stems, "common")
	got, scores := p.list(i)
	if len(got) != maxPostings {
		t.Fatalf("common keeps %d documents, want %d", len(got), maxPostings)
	}
	if !slices.IsSorted(got) {
		t.Errorf("postings are not in document order")
	}
	kept := map[int32]bool{}
	for _, d := range got {
		kept[d] = true
	}
	for d := 0; d < maxPostings+200; d += 3 {
		if !kept[int32(d)] {
			t.Errorf("document %d, one of the best, was dropped", d)
		}
	}
	if want := maxPostings + len(docs) - maxPostings - 200; p.dropped != 200 || p.kept != want {
		t.Errorf("kept %d and dropped %d pairs, want %d and 200", p.kept, p.dropped, want)
	}
	if scores[0] < scores[1] {
		t.Errorf("document 0 (%d) scores below document 1 (%d)", scores[0], scores[1])
	}
}

func TestAppendPostingsDeltaEncodes(t *testing.T) {
	tests := []struct {
		docs, scores []int32
		want         string
	}{
		{nil, nil, "[]"},
		{[]int32{7}, []int32{120}, "[7,120]"},
		{[]int32{3, 4, 17, 1000}, []int32{1210, 830, 1, 45}, "[3,1210,1,830,13,1,983,45]"},
		{[]int32{0, 9}, []int32{5, 6}, "[0,5,9,6]"},
	}
	for _, tt := range tests {
		got := appendPostings(nil, tt.docs, tt.scores)
		if string(got) != tt.want {
			t.Errorf("appendPostings(%v, %v) = %s, want %s", tt.docs, tt.scores, got, tt.want)
		}
		if n := postingsLen(tt.docs, tt.scores); n != len(got) {
			t.Errorf("postingsLen(%v, %v) = %d, want %d", tt.docs, tt.scores, n, len(got))
		}
	}
}

// TestTermCountsKeptSparse checks that a document's stems, kept with
// their body frequency beside them and the other fields' apart, give
// back every field's frequency as the tokenizer counted it.
func TestTermCountsKeptSparse(t *testing.T) {
	d := Doc{Title: "Cluster planning", Summary: "Planning the cluster backlog.", Tags: []string{"planning"},
		Body: "The planning of a cluster. Planning happens each cycle."}
	var tok tokenizer
	dt := tok.doc(&d)
	want := map[string][numFields]uint16{
		Stem("planning"): {fieldTitle: 1, fieldTags: 1, fieldSummary: 1, fieldBody: 2},
		Stem("cluster"):  {fieldTitle: 1, fieldSummary: 1, fieldBody: 1},
		Stem("cycle"):    {fieldBody: 1},
		Stem("backlog"):  {fieldSummary: 1},
	}
	got := map[string][numFields]uint16{}
	for i, j := 0, 0; i < len(dt.ids); i++ {
		var tf [numFields]uint16
		tf, j = dt.tf(i, j)
		got[tok.stems[dt.ids[i]]] = tf
	}
	for stem, w := range want {
		if got[stem] != w {
			t.Errorf("stem %q: frequencies %v, want %v", stem, got[stem], w)
		}
	}
	for k, c := range dt.other {
		if c.field >= fieldBody || c.n == 0 || k > 0 && (c.term < dt.other[k-1].term || c.term == dt.other[k-1].term && c.field <= dt.other[k-1].field) {
			t.Errorf("count %d outside the body is %+v after %+v: want non-zero, not the body's, in stem and field order", k, c, dt.other[max(k-1, 0)])
		}
	}
}
