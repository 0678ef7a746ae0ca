package views

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/backlight-wiki/backlight/generator"
)

// A level's responsibility matrices grow with the square of the site:
// their rows are the roles and groups, their columns the events and
// artifacts. So each level also has a page per group, /levels/<l>/groups/<id>/,
// with the rows of the group and of its member roles and the columns they
// mark; roles in no group come in runs of Limits.MatrixChunkRows at
// /levels/<l>/other/<n>/. The level's page shows the whole matrices only
// while they have at most Limits.InlineMatrixCells cells, and always a
// table of the group pages.

// matrixPart is one group page of a level.
type matrixPart struct {
	url, title string
	group      *generator.Page // nil for a run of roles in no group
	rows       []*generator.Page
}

// MatrixPart is a line of a level's table of group pages: the group, its
// rows, and how many columns of each matrix they mark.
type MatrixPart struct {
	Title, URL, Href string
	Rows             int
	Counts           []int // per matrix of the level, in order
}

// MatrixParts is the table of a level's group pages.
type MatrixParts struct {
	Columns []string // the matrices' column types: "Events", "Artifacts"
	Parts   []MatrixPart
	Whole   bool // the level's page shows the whole matrices too
}

// matrixParts splits the rows of a level's matrices by group: a group's
// part holds the group and the roles and groups that are members or part
// of it; the roles in no group are cut into runs of chunk rows.
func (s *Site) matrixParts(m *index, level string, lms []levelMatrix, chunk int) []matrixPart {
	seen := map[*generator.Page]bool{}
	var rows []*generator.Page
	for _, lm := range lms {
		for p := range lm.rows {
			if !seen[p] {
				seen[p] = true
				rows = append(rows, p)
			}
		}
	}
	sortMatrixRows(rows)
	byGroup := map[*generator.Page]*matrixPart{}
	var groups []*generator.Page
	var loose []*generator.Page
	for _, r := range rows {
		g := groupOf(m, r)
		if g == nil {
			loose = append(loose, r)
			continue
		}
		if byGroup[g] == nil {
			byGroup[g] = &matrixPart{url: levelURL(level) + "groups/" + generator.EscapePath(g.ID) + "/", title: g.Title, group: g}
			groups = append(groups, g)
		}
		byGroup[g].rows = append(byGroup[g].rows, r)
	}
	sortPages(groups)
	var out []matrixPart
	for _, g := range groups {
		out = append(out, *byGroup[g])
	}
	runs := slices.Collect(slices.Chunk(loose, chunk))
	for i, run := range runs {
		title := s.tr("roles_in_no_group", "Roles in no group")
		if len(runs) > 1 {
			title += fmt.Sprintf(" (%d of %d)", i+1, len(runs))
		}
		out = append(out, matrixPart{url: levelURL(level) + "other/" + strconv.Itoa(i+1) + "/", title: title, rows: run})
	}
	return out
}

// groupOf is the group a matrix row belongs to: a group itself, or the
// first group a role is a member or part of; nil for none.
func groupOf(m *index, p *generator.Page) *generator.Page {
	if p.Type == generator.TypeGroup {
		return p
	}
	for _, rel := range []string{"member_of", "part_of"} {
		for _, ed := range m.Links.Out(p) {
			if ed.Relation == rel && ed.To.Type == generator.TypeGroup {
				return ed.To
			}
		}
	}
	return nil
}

// matrixPartsTable sums up the parts for the level's page, at root.
func (s *Site) matrixPartsTable(m *index, lms []levelMatrix, parts []matrixPart, root string) *MatrixParts {
	if len(parts) == 0 {
		return nil
	}
	t := &MatrixParts{Whole: wholeMatricesFit(lms, s.site.Limits.InlineMatrixCells)}
	for _, lm := range lms {
		t.Columns = append(t.Columns, s.typeInfo(lm.spec.column).Plural)
	}
	for _, p := range parts {
		line := MatrixPart{Title: p.title, URL: p.url, Href: generator.Rel(root, p.url), Rows: len(p.rows)}
		for _, lm := range lms {
			line.Counts = append(line.Counts, lm.columnsMarkedBy(m, p.rows))
		}
		t.Parts = append(t.Parts, line)
	}
	return t
}

// columnsMarkedBy counts the columns of lm that any of rows marks.
func (lm levelMatrix) columnsMarkedBy(m *index, rows []*generator.Page) int {
	cols := map[*generator.Page]bool{}
	for _, r := range rows {
		for _, ed := range m.Links.Out(r) {
			if _, ok := lm.col[ed.To]; ok && markOf(lm.marks, ed.Relation) != nil {
				cols[ed.To] = true
			}
		}
	}
	return len(cols)
}

// wholeMatricesFit reports whether a level's page can show its matrices
// whole: each has at most max cells.
func wholeMatricesFit(lms []levelMatrix, max int) bool {
	for _, lm := range lms {
		if lm.cells() > max {
			return false
		}
	}
	return true
}

// matrixPartView is a group page of a level: the level's matrices cut to
// the part's rows.
func (s *Site) matrixPartView(m *index, level string, lms []levelMatrix, p matrixPart) *View {
	v := s.view("list", p.url, p.title+" · "+s.tr("level_of", "{level} level", "level", s.levelTitle(level)))
	v.level, v.part = level, &p
	v.Breadcrumbs = linked(v.Root, Link{Title: s.tr("home", "Home"), URL: "/"}, Link{Title: s.tr("levels", "Levels"), URL: "/levels/"},
		Link{Title: s.levelTitle(level), URL: levelURL(level)}, Link{Title: p.title})
	for _, lm := range lms {
		if mx := lm.matrix(m, p.rows, v.Root); len(mx.Rows) > 0 {
			v.Matrices = append(v.Matrices, mx)
		}
	}
	if p.group != nil {
		v.Groups = []Group{{ID: "group", Title: s.tr("the_group", "The group"), Entries: entries(v.Root, []*generator.Page{p.group})}}
	}
	return v
}
