package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestSynonymTable(t *testing.T) {
	got := synonymTable([]Synonym{
		{"sprint", "Iteration"},
		{"Sprints", "Cycle"}, // same stems as "sprint": the first is kept
		{"PI", "Cycle"},
		{"Program  Increment", "Cycle"},
		{"product backlog item", "Backlog item"},
		{"DoD", "Definition of Done"},
		{"Café", "Über-Größe"},
		{"iteration", "Iterations"}, // stands for itself
		{"", "Cycle"},
		{"---", "Cycle"},
	}, "")
	want := map[string]string{
		"sprint":               "iteration",
		"pi":                   "cycle",
		"program increment":    "cycle",
		"product backlog item": "backlog item",
		"dod":                  "definition of done",
		"cafe":                 "uber große",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if synonymTable(nil, "") != nil {
		t.Error("no synonyms should give no table, which the manifest leaves out")
	}
}

func TestManifestCarriesSynonyms(t *testing.T) {
	docs := []Doc{{URL: "cadences/iteration/", Title: "Iteration", Body: "Two weeks."}}
	for _, tc := range []struct {
		syns []Synonym
		want string
	}{
		{nil, ""},
		{[]Synonym{{"sprint", "Iteration"}, {"program increment", "Cycle"}}, `"synonyms":{"program increment":"cycle","sprint":"iteration"}`},
	} {
		ix := Build(docs, Options{Synonyms: tc.syns})
		m := string(ix.Files()[0].Data)
		if tc.want == "" && strings.Contains(m, "synonyms") || tc.want != "" && !strings.Contains(m, tc.want) {
			t.Errorf("%v: manifest %s", tc.syns, m)
		}
	}
}
