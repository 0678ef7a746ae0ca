package tomlpos

import "testing"

func TestFindLocatesKeysInTablesAndDottedAssignments(t *testing.T) {
	src := []byte(`# site
title = "x"
[build]
  minify = true
[relations.part_of]
label = "is part of"
"backlog".horizon = 3
`)
	tests := []struct {
		path      []string
		line, col int
	}{
		{[]string{"title"}, 2, 1},
		{[]string{"build"}, 3, 1},
		{[]string{"build", "minify"}, 4, 3},
		{[]string{"relations", "part_of"}, 5, 1},
		{[]string{"relations", "part_of", "label"}, 6, 1},
		{[]string{"relations", "part_of", "backlog", "horizon"}, 7, 1},
		{[]string{"missing"}, 0, 0},
	}
	for _, tt := range tests {
		line, col := Find(src, tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Find(%v) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}
