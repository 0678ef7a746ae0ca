package search

import (
	"cmp"
	"slices"
	"strings"
)

// sortDocs returns a copy of docs in document-number order: by type (the
// order of types, then types it does not name by name, then no type), by
// title without case, then by URL. Documents equal in all three keep
// their order. Strings are made valid UTF-8.
func sortDocs(docs []Doc, types []Facet) []Doc {
	rank := make(map[string]int, len(types))
	for i, t := range types {
		if _, ok := rank[t.Value]; !ok {
			rank[t.Value] = i
		}
	}
	typeRank := func(t string) int {
		if r, ok := rank[t]; ok {
			return r
		}
		if t == "" {
			return len(types) + 1
		}
		return len(types)
	}
	type keyed struct {
		doc        *Doc
		rank       int
		lowerTitle string
		at         int
	}
	ks := make([]keyed, len(docs))
	for i := range docs {
		ks[i] = keyed{&docs[i], typeRank(docs[i].Type), strings.ToLower(docs[i].Title), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := strings.Compare(a.doc.Type, b.doc.Type); c != 0 {
			return c
		}
		if c := strings.Compare(a.lowerTitle, b.lowerTitle); c != 0 {
			return c
		}
		if c := strings.Compare(a.doc.URL, b.doc.URL); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	out := make([]Doc, len(ks))
	eachDoc(len(ks), func(_, i int) { out[i] = validDoc(*ks[i].doc) }) // the bodies are most of the bytes
	return out
}

// validDoc returns d with every string made valid UTF-8.
func validDoc(d Doc) Doc {
	for _, s := range [...]*string{&d.URL, &d.Title, &d.Type, &d.Key, &d.Abbr, &d.Summary, &d.Body, &d.Level, &d.Status, &d.Release} {
		*s = validUTF8(*s)
	}
	for _, list := range [...]*[]string{&d.Aliases, &d.Tags, &d.Headings} {
		cloned := false
		for i, s := range *list {
			if v := validUTF8(s); v != s {
				if !cloned {
					*list, cloned = slices.Clone(*list), true // never write to the caller's slice
				}
				(*list)[i] = v
			}
		}
	}
	return d
}

// The facets, in their order in a facets file entry.
const (
	facetType = iota
	facetLevel
	facetStatus
	facetRelease
	numFacets
)

// facets are the manifest's lists of facet values and each document's
// index into them (-1 for none).
type facets struct {
	lists [numFacets][]Facet
	docs  [][numFacets]int
}

// newFacets lists the values of docs' facets: those opts names, in its
// order (the first of two equal values), then those it does not, by value.
func newFacets(docs []Doc, opts Options) facets {
	var f facets
	named := [numFacets][]Facet{opts.Types, opts.Levels, opts.Statuses, opts.Releases}
	value := func(d *Doc, k int) string {
		return [numFacets]string{d.Type, d.Level, d.Status, d.Release}[k]
	}
	f.docs = make([][numFacets]int, len(docs))
	for k := range numFacets {
		index := map[string]int{}
		for _, v := range named[k] {
			if _, ok := index[v.Value]; !ok {
				index[v.Value] = len(f.lists[k])
				f.lists[k] = append(f.lists[k], v)
			}
		}
		var extra []string
		for i := range docs {
			if v := value(&docs[i], k); v != "" {
				if _, ok := index[v]; !ok {
					index[v] = -1
					extra = append(extra, v)
				}
			}
		}
		slices.Sort(extra)
		for _, v := range extra {
			index[v] = len(f.lists[k])
			f.lists[k] = append(f.lists[k], Facet{Value: v, Label: v})
		}
		for i := range docs {
			f.docs[i][k] = -1
			if v := value(&docs[i], k); v != "" {
				f.docs[i][k] = index[v]
			}
		}
	}
	return f
}
