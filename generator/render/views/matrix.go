package views

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
	id, title, key, column string // key: the title's string in the theme
	marks                  []Mark
}

var matrixSpecs = []matrixSpec{
	{"events-matrix", "Who organizes and attends the events", "matrix_events", generator.TypeEvent, []Mark{
		{Symbol: "O", Relation: "organizes"}, {Symbol: "A", Relation: "attends"}, {Symbol: "(A)", Relation: "optionally_attends"}}},
	{"artifacts-matrix", "Who is responsible for the artifacts", "matrix_artifacts", generator.TypeArtifact, []Mark{
		{Symbol: "R", Relation: "responsible_for"}, {Symbol: "Ap", Relation: "approves"},
		{Symbol: "Ac", Relation: "accepts"}, {Symbol: "C", Relation: "creates"}}},
}

// levelMatrix is what one of a level's matrices is made of: the level's
// events (or artifacts) that any role or group relates to in the spec's
// ways, in order, and those roles and groups, of whatever level.
type levelMatrix struct {
	spec  matrixSpec
	title string // in the site's language
	marks []Mark
	cols  []*generator.Page
	col   map[*generator.Page]int // index in cols
	rows  map[*generator.Page]bool
}

// levelMatrices finds the matrices of a level, those with rows only.
func (s *Site) levelMatrices(m *index, level string) []levelMatrix {
	var out []levelMatrix
	for _, spec := range matrixSpecs {
		marks := s.labelMarks(m, spec.marks)
		if len(marks) == 0 {
			continue
		}
		lm := levelMatrix{spec: spec, title: s.tr(spec.key, spec.title), marks: marks, col: map[*generator.Page]int{}, rows: map[*generator.Page]bool{}}
		for _, col := range m.byLevelType[level+"\x00"+spec.column] {
			used := false
			for _, ed := range m.Links.In(col) {
				if markOf(marks, ed.Relation) != nil && isMatrixRow(ed.From) {
					lm.rows[ed.From] = true
					used = true
				}
			}
			if used {
				lm.col[col] = len(lm.cols)
				lm.cols = append(lm.cols, col)
			}
		}
		if len(lm.rows) > 0 {
			out = append(out, lm)
		}
	}
	return out
}

// isMatrixRow reports whether p can be a matrix row: a role or a group.
func isMatrixRow(p *generator.Page) bool {
	return p.Type == generator.TypeRole || p.Type == generator.TypeGroup
}

// cells is the size of the whole matrix, rows times columns.
func (lm levelMatrix) cells() int { return len(lm.rows) * len(lm.cols) }

// matrix draws lm for the given rows (those of them lm has), with the
// columns they mark; every row and column when rows is nil; for the page
// at root.
func (lm levelMatrix) matrix(m *index, rows []*generator.Page, root string) Matrix {
	if rows == nil {
		for p := range lm.rows {
			rows = append(rows, p)
		}
	} else {
		rows = slices.DeleteFunc(slices.Clone(rows), func(p *generator.Page) bool { return !lm.rows[p] })
	}
	sortMatrixRows(rows)
	used := make([]bool, len(lm.cols))
	cells := make([]map[int][]Mark, len(rows))
	for ri, r := range rows {
		cells[ri] = map[int][]Mark{}
		for _, ed := range m.Links.Out(r) {
			if mk := markOf(lm.marks, ed.Relation); mk != nil {
				if ci, ok := lm.col[ed.To]; ok {
					cells[ri][ci] = append(cells[ri][ci], *mk)
					used[ci] = true
				}
			}
		}
	}
	var cols []*generator.Page
	var at []int // the index in lm.cols of each shown column
	for ci, c := range lm.cols {
		if used[ci] {
			cols = append(cols, c)
			at = append(at, ci)
		}
	}
	mx := Matrix{ID: lm.spec.id, Title: lm.title, Legend: lm.marks, Columns: entries(root, cols)}
	for ri, r := range rows {
		row := MatrixRow{Entry: entry(root, r), Cells: make([][]Mark, len(cols))}
		for i, ci := range at {
			row.Cells[i] = cells[ri][ci]
		}
		mx.Rows = append(mx.Rows, row)
	}
	return mx
}

// labelMarks keeps the marks whose relation the vocabulary has, labelled.
func (s *Site) labelMarks(m *index, marks []Mark) []Mark {
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

// sortMatrixRows sorts roles before groups, each by weight and title.
func sortMatrixRows(rows []*generator.Page) {
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
