package glossary

import (
	"slices"
	"testing"
)

// FuzzMatcherPrefilter checks that passing over the words whose first two
// bytes start no term (Matcher.starts) finds exactly the terms that
// looking every word up finds, in text of any case and script, with
// terms that are abbreviations, plurals, several words and one letter.
func FuzzMatcherPrefilter(f *testing.F) {
	in := testInput()
	in.Overrides = []Override{
		{ID: "iteration", Synonyms: &[]string{"sprint", "timebox", "Ölstand", "x", "İstanbul"}},
		{ID: "wip", Title: ptr("Work in progress"), Synonyms: &[]string{"WIP", "ÄB"}},
	}
	es, _ := Build(in)
	m := NewMatcher(es)
	all := *m
	for i := range all.starts {
		all.starts[i] = ^uint64(0) // every word looked up
	}
	for _, s := range []string{"Two Sprints and a WIP limit", "the ölstand, Ölstands", "X marks; İstanbul, i̇stanbul", "PI planning, the DoD, a PBI", "ÄB äb Äb", "Kelvin: \u212Aelvin velocity"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		find := func(m *Matcher) []Match {
			var out []Match
			m.Each([]byte(text), func(x Match) bool { out = append(out, x); return true })
			return out
		}
		if got, want := find(m), find(&all); !slices.Equal(got, want) {
			t.Errorf("%q: found %v, looking every word up finds %v", text, got, want)
		}
	})
}
