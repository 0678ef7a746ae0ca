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
func (s *Site) glossarySections(es []glossary.Entry) []GlossarySection {
	secs := []GlossarySection{
		{ID: "terms", Title: s.tr("glossary_terms", "Planning terms")},
		{ID: "types", Title: s.tr("glossary_types", "Page types")},
		{ID: "relations", Title: s.tr("glossary_relations", "Relations between pages")},
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
	v := s.view("glossary", glossary.URL, s.tr("glossary", "Glossary"))
	v.Description = s.tr("glossary_description", "What the words used on {site} mean: planning terms, page types and relations.", "site", s.site.Title)
	v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("glossary", "Glossary")})
	v.Glossary = s.glossarySections(s.site.Glossary)
	return v
}
