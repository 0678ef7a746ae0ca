package backlog

import (
	"strconv"

	"github.com/backlight-wiki/backlight/generator"
)

// ordinal writes 1st, 2nd, 3rd, 4th, 11th, 21st, 112th.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// atLine says " (line 7)" for a position with a line, and nothing otherwise.
func atLine(p generator.Pos) string {
	if p.Line == 0 {
		return ""
	}
	return " (line " + strconv.Itoa(p.Line) + ")"
}
