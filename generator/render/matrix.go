package render

import (
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// Matrix is a responsibility matrix of a level: roles and groups as rows,
// events or artifacts as columns, and in each cell the relations between
// them as short marks.
type Matrix struct {
	ID, Title string
	Columns   []Entry
	Rows      []MatrixRow
	Legend    []Mark
}

// MatrixRow is a role or group and its marks, one cell per column.
type MatrixRow struct {
	Entry
	Cells [][]Mark
}

// Mark is one relation in a cell: a short symbol and the relation's label.
type Mark struct {
	Symbol, Label, Relation string
}

// matrixSpec says which relations a matrix shows, with their symbols.
type matrixSpec struct {
	id, title, column string
	marks             []Mark
}

var matrixSpecs = []matrixSpec{
	{"events-matrix", "Who organizes and attends the events", generator.TypeEvent, []Mark{
		{Symbol: "O", Relation: "organizes"}, {Symbol: "A", Relation: "attends"}, {Symbol: "(A)", Relation: "optionally_attends"}}},
	{"artifacts-matrix", "Who is responsible for the artifacts", generator.TypeArtifact, []Mark{
		{Symbol: "R", Relation: "responsible_for"}, {Symbol: "Ap", Relation: "approves"},
		{Symbol: "Ac", Relation: "accepts"}, {Symbol: "C", Relation: "creates"}}},
}

// matrices builds a level's responsibility matrices from the relations:
// columns are the level's events (or artifacts) that anyone relates to in
// those ways, rows every role or group that does, of whatever level; for
// the page at root.
func (e *plan) matrices(m *index, level, root string) []Matrix {
	var out []Matrix
	for _, spec := range matrixSpecs {
		marks := e.labelMarks(m, spec.marks)
		if len(marks) == 0 {
			continue
		}
		mx := buildMatrix(m, level, root, spec, marks)
		if len(mx.Rows) > 0 {
			out = append(out, mx)
		}
	}
	return out
}

// labelMarks keeps the marks whose relation the vocabulary has, labelled.
func (e *plan) labelMarks(m *index, marks []Mark) []Mark {
	var out []Mark
	for _, mk := range marks {
		for _, rt := range m.Vocabulary {
			if rt.Name == mk.Relation {
				mk.Label = rt.Label
				out = append(out, mk)
			}
		}
	}
	return out
}

func buildMatrix(m *index, level, root string, spec matrixSpec, marks []Mark) Matrix {
	mx := Matrix{ID: spec.id, Title: spec.title, Legend: marks}
	var cols []*generator.Page
	rowSet := map[*generator.Page]bool{}
	for _, col := range m.byLevelType[level+"\x00"+spec.column] {
		used := false
		for _, ed := range m.Links.In(col) {
			if markOf(marks, ed.Relation) != nil && (ed.From.Type == generator.TypeRole || ed.From.Type == generator.TypeGroup) {
				rowSet[ed.From] = true
				used = true
			}
		}
		if used {
			cols = append(cols, col)
		}
	}
	rows := make([]*generator.Page, 0, len(rowSet))
	for p := range rowSet {
		rows = append(rows, p)
	}
	slices.SortStableFunc(rows, func(a, b *generator.Page) int {
		if a.Type != b.Type { // roles before groups
			if a.Type == generator.TypeRole {
				return -1
			}
			return 1
		}
		return 0
	})
	sortRowsWithinType(rows)
	mx.Columns = entries(root, cols)
	for _, r := range rows {
		row := MatrixRow{Entry: entry(root, r), Cells: make([][]Mark, len(cols))}
		for _, ed := range m.Links.Out(r) {
			if mk := markOf(marks, ed.Relation); mk != nil {
				if i := slices.Index(cols, ed.To); i >= 0 {
					row.Cells[i] = append(row.Cells[i], *mk)
				}
			}
		}
		mx.Rows = append(mx.Rows, row)
	}
	return mx
}

// sortRowsWithinType sorts roles and groups each by weight and title,
// keeping roles first.
func sortRowsWithinType(rows []*generator.Page) {
	split := 0
	for split < len(rows) && rows[split].Type == generator.TypeRole {
		split++
	}
	sortPages(rows[:split])
	sortPages(rows[split:])
}

func markOf(marks []Mark, relation string) *Mark {
	for i := range marks {
		if marks[i].Relation == relation {
			return &marks[i]
		}
	}
	return nil
}
