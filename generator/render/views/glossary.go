package views

import (
	"github.com/backlight-wiki/backlight/generator/glossary"
)

// GlossarySection is one part of the glossary page: the planning terms,
// the page types or the relations.
type GlossarySection struct {
	ID, Title string
	Entries   []glossary.Entry
}

// glossarySections groups the site's entries by kind, in the order of
// glossary.Build.
func glossarySections(es []glossary.Entry) []GlossarySection {
	secs := []GlossarySection{
		{ID: "terms", Title: "Planning terms"},
		{ID: "types", Title: "Page types"},
		{ID: "relations", Title: "Relations between pages"},
	}
	for _, e := range es {
		i := 0
		switch e.Kind {
		case glossary.KindType:
			i = 1
		case glossary.KindRelation:
			i = 2
		}
		secs[i].Entries = append(secs[i].Entries, e)
	}
	out := secs[:0]
	for _, s := range secs {
		if len(s.Entries) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// glossaryView is the glossary page.
func (s *Site) glossaryView() *View {
	v := s.view("glossary", glossary.URL, "Glossary")
	v.Description = "What the words used on " + s.site.Title + " mean: planning terms, page types and relations."
	v.Breadcrumbs = linked(v.Root, Link{Title: "Home", URL: "/"}, Link{Title: "Glossary"})
	v.Glossary = glossarySections(s.site.Glossary)
	return v
}
