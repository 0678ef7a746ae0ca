package generator

import (
	"strconv"
	"strings"
	"unicode"
)

// Pos is a position in a source file. Line and Col count from 1; zero
// means unknown, and String degrades to "file:line" or "file".
type Pos struct {
	File string // slash-separated path, relative to the site root
	Line int
	Col  int
}

// IsValid reports whether the position names at least a file.
func (p Pos) IsValid() bool { return p.File != "" }

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	s := p.File
	if strings.ContainsFunc(s, unicode.IsControl) {
		// A file name with an escape sequence must not reach a terminal
		// as one: control characters are written as Go escapes.
		q := strconv.Quote(s)
		s = q[1 : len(q)-1]
	}
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	return s
}

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}
