package glossary

import (
	"fmt"
	"slices"
)

// Entry is one term of the glossary.
type Entry struct {
	ID         string // its anchor on the glossary page: "horizon", "member_of"
	Kind       string // KindConcept, KindType or KindRelation
	Title      string // "Refinement horizon"; a relation's label
	Definition string
	Synonyms   []string // other words readers use for it: "sprint"
	Link       bool     // linked where it first appears in a page's text
	Inverse    string   // a relation's inverse label
}

// Override is what site.toml says about one entry ([glossary.<id>]): nil
// fields keep what the entry had.
type Override struct {
	ID         string
	Title      *string
	Definition *string
	Synonyms   *[]string // replaces the entry's synonyms
	Link       *bool
	Disabled   *bool // true: no such entry
}

// TypeInfo is one page type of the site.
type TypeInfo struct{ Name, Label string }

// RelationInfo is one relation of the site's vocabulary.
type RelationInfo struct{ Name, Label, Inverse string }

// Input is what a site's glossary is made of.
type Input struct {
	Settings  Settings
	Types     []TypeInfo     // in the site's order
	Relations []RelationInfo // in vocabulary order
	Overrides []Override     // in site.toml's order
}

// Problem is an override that cannot make an entry: a new entry without
// a title or a definition.
type Problem struct {
	ID, Message string
}

// Build returns the site's entries, concepts first, then the page types,
// then the relations, each in its order, then entries only site.toml
// names, in its order; entries switched off are left out.
func Build(in Input) ([]Entry, []Problem) {
	var out []Entry
	index := map[string]int{}
	add := func(e Entry) {
		if _, taken := index[e.ID]; taken {
			e.ID = e.Kind + "-" + e.ID // a site's relation named like a concept
		}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	for _, c := range concepts {
		add(Entry{ID: c.id, Kind: KindConcept, Title: c.title, Definition: c.def(in.Settings), Synonyms: slices.Clone(c.synonyms), Link: c.link})
	}
	for _, t := range in.Types {
		b := types[t.Name]
		def := ""
		if b.def != nil {
			def = b.def(in.Settings)
		}
		add(Entry{ID: t.Name, Kind: KindType, Title: t.Label, Definition: def, Synonyms: slices.Clone(b.synonyms), Link: b.link})
	}
	for _, r := range in.Relations {
		add(Entry{ID: r.Name, Kind: KindRelation, Title: r.Label, Inverse: r.Inverse, Definition: relations[r.Name]})
	}
	var problems []Problem
	off := map[string]bool{}
	for _, o := range in.Overrides {
		i, ok := index[o.ID]
		if !ok {
			if missing := missingFields(o); missing != "" {
				problems = append(problems, Problem{ID: o.ID, Message: fmt.Sprintf(
					"glossary entry %q is not built in, so it needs %s", o.ID, missing)})
				continue
			}
			add(Entry{ID: o.ID, Kind: KindConcept, Link: true})
			i = index[o.ID]
		}
		apply(&out[i], o)
		off[o.ID] = o.Disabled != nil && *o.Disabled
	}
	kept := out[:0]
	for _, e := range out {
		if e.Kind == KindRelation && e.Definition == "" {
			e.Definition = relationDefinition(e.Title, e.Inverse)
		}
		if !off[e.ID] {
			kept = append(kept, e)
		}
	}
	return kept, problems
}

// missingFields says what a new entry lacks: "a title", "a definition",
// both, or "".
func missingFields(o Override) string {
	switch {
	case o.Title == nil && o.Definition == nil:
		return "a title and a definition"
	case o.Title == nil:
		return "a title"
	case o.Definition == nil:
		return "a definition"
	}
	return ""
}

// apply sets the fields an override gives.
func apply(e *Entry, o Override) {
	if o.Title != nil {
		e.Title = *o.Title
	}
	if o.Definition != nil {
		e.Definition = *o.Definition
	}
	if o.Synonyms != nil {
		e.Synonyms = slices.Clone(*o.Synonyms)
	}
	if o.Link != nil {
		e.Link = *o.Link
	}
}

// relationDefinition says what a relation without a definition means in
// terms of its labels.
func relationDefinition(label, inverse string) string {
	return fmt.Sprintf("A relation of this site: page X %s page Y, and Y's page lists X under %q.", label, inverse)
}
