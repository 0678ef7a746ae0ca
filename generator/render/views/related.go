package views

import (
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// relatedTypes are the columns the related-pages table always has, in
// order; other types get a column when a page relates to one of them.
var relatedTypes = []string{generator.TypeRole, generator.TypeGroup, generator.TypeEvent, generator.TypeArtifact}

// maxOthers caps the "other pages of the same level" in one column: a
// level of a large organisation has hundreds of roles, and a link to the
// level's overview serves better than a list of them on every page.
const maxOthers = 8

// RelatedColumn is one type's column of the related-pages table.
type RelatedColumn struct {
	Type, Title string
	Related     []Entry // pages related in either direction, by title
	Others      []Entry // other pages of the same level and type (at most maxOthers), by title
	More        *Link   // the level's overview, when Others was cut short
}

// relatedColumns builds the related-pages table of a wiki page: for each
// type, the pages it relates to or that relate to it, then other pages
// of its level, all linked from p's page at root.
func (s *Site) relatedColumns(m *index, p *generator.Page, root string) []RelatedColumn {
	related := map[*generator.Page]bool{}
	for _, ed := range m.Links.Out(p) {
		related[ed.To] = true
	}
	for _, ed := range m.Links.In(p) {
		related[ed.From] = true
	}
	types := slices.Clone(relatedTypes)
	for q := range related {
		if !slices.Contains(types, q.Type) && q.Type != generator.TypeItem {
			types = append(types, q.Type)
		}
	}
	var cols []RelatedColumn
	for _, t := range s.site.Types { // the site's type order
		if !slices.Contains(types, t.Name) {
			continue
		}
		col := RelatedColumn{Type: t.Name, Title: t.Plural}
		var rel []*generator.Page
		for q := range related {
			if q.Type == t.Name {
				rel = append(rel, q)
			}
		}
		sortPages(rel)
		col.Related = entries(root, rel)
		col.Others, col.More = s.levelOthers(m, p, t.Name, related, root)
		if len(col.Related) > 0 || len(col.Others) > 0 {
			cols = append(cols, col)
		}
	}
	return cols
}

// levelOthers lists up to maxOthers pages of type t on p's level that are
// neither p nor related to it.
func (s *Site) levelOthers(m *index, p *generator.Page, t string, related map[*generator.Page]bool, root string) ([]Entry, *Link) {
	if p.Level == "" {
		return nil, nil
	}
	var others []*generator.Page
	for _, q := range m.byLevelType[p.Level+"\x00"+t] {
		if q != p && !related[q] {
			if len(others) == maxOthers { // one more than shown: say there are more
				return entries(root, others), link(root, s.tr("all_level_pages", "all {level} level pages", "level", s.levelTitle(p.Level)), levelURL(p.Level))
			}
			others = append(others, q)
		}
	}
	return entries(root, others), nil
}
