package search

import (
	"cmp"
	"slices"
)

// Kinds of exact entries.
const (
	kindKey   = 1 // a key or an abbreviation
	kindTitle = 2 // a title or an alias
)

// maxExact is the number of documents an exact entry keeps: keys and
// abbreviations first, then titles and aliases, each by document number.
const maxExact = 1000

// exactHit is one document that an exact entry names.
type exactHit struct{ doc, kind int32 }

// exactIndex maps folded titles, abbreviations, keys and aliases to the
// documents that have them, in ascending document order.
type exactIndex struct {
	entries map[string][]exactHit
}

// exactEntries collects the exact entries of docs, which are in number
// order. A document that has one entry twice (a title equal to an alias,
// an abbreviation equal to its key) is listed once, with the lower kind.
func exactEntries(docs []Doc) exactIndex {
	x := exactIndex{entries: map[string][]exactHit{}}
	add := func(doc int, kind int32, s string) {
		e := Fold(s)
		if e == "" {
			return
		}
		hits := x.entries[e]
		if n := len(hits); n > 0 && hits[n-1].doc == int32(doc) {
			hits[n-1].kind = min(hits[n-1].kind, kind)
			return
		}
		x.entries[e] = append(hits, exactHit{int32(doc), kind})
	}
	for i := range docs {
		d := &docs[i]
		add(i, kindKey, d.Key)
		add(i, kindKey, d.Abbr)
		add(i, kindTitle, d.Title)
		for _, a := range d.Aliases {
			add(i, kindTitle, a)
		}
	}
	for e, hits := range x.entries {
		if len(hits) > maxExact {
			hits = slices.Clone(hits)
			slices.SortStableFunc(hits, func(a, b exactHit) int { return cmp.Compare(a.kind, b.kind) })
			hits = hits[:maxExact]
			slices.SortFunc(hits, func(a, b exactHit) int { return cmp.Compare(a.doc, b.doc) })
			x.entries[e] = hits
		}
	}
	return x
}
