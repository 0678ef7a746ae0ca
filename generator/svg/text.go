package svg

import (
	"strings"
	"unicode"
)

// Text sizes in px. Layouts depend on them, so the SVG root carries
// font-size as an attribute instead of leaving it to the page's CSS.
// Drawings are shown at their natural size (one user unit a CSS px), so
// these are the sizes readers see: none is below minTextSize.
const (
	fontSize    = 12.0 // node labels
	lineHeight  = 15.0
	smallSize   = 12.0 // abbreviations, set apart by weight and colour
	smallLine   = 14.0
	edgeSize    = 11.0 // edge labels
	edgeLine    = 13.0
	minTextSize = 11.0 // the smallest text any drawing may hold
	ellipsis    = "…"
)

// advance holds the advance widths of printable ASCII (32 to 126) in
// thousandths of an em, measured on DejaVu Sans: it is the widest of the
// common system sans-serif fonts, so that text sized with it also fits in
// the narrower ones (Liberation Sans, Segoe UI, Roboto, San Francisco).
var advance = [95]uint16{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space to /
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // 0 to ?
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // @ to O
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // P to _
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` to o
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, // p to ~
}

// runeEm estimates the advance of r in em.
func runeEm(r rune) float64 {
	switch {
	case r >= 32 && r < 127:
		return float64(advance[r-32]) / 1000
	case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana):
		return 1
	}
	return 0.68 // accented Latin, Greek, Cyrillic: a little wider than the ASCII mean
}

// textWidth estimates the width of s in px at the given font size.
func textWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		em += runeEm(r)
	}
	return em * size
}

// clean makes user text fit for XML and for measuring: valid UTF-8, runs
// of white space collapsed to one space, and control characters and the
// characters XML forbids replaced by U+FFFD.
func clean(s string) string {
	if isClean(s) {
		return s // the common case, with no copy
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			r = '\uFFFD'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether clean would return s as it is: printable
// ASCII, with single spaces between words and none at the ends.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// fit breaks s into at most maxLines lines no wider than width px at size:
// after a space, hyphen or slash where it can, anywhere when a word alone
// is too wide. Text that does not fit is cut and the last line ends in an
// ellipsis; cut reports that.
func fit(s string, width, size float64, maxLines int) (lines []string, cut bool) {
	return fitInto(nil, s, width, size, maxLines)
}

// fitInto is fit with the lines appended to lines[:0], so that a caller
// with room for them makes no slice.
func fitInto(lines []string, s string, width, size float64, maxLines int) ([]string, bool) {
	lines = lines[:0]
	if s != "" && maxLines > 1 && oneLine(s, width, size) {
		return append(lines, s), false // what the loop below makes of it
	}
	for s != "" {
		if len(lines) == maxLines-1 {
			last, cut := truncate(s, width, size)
			return append(lines, last), cut
		}
		var line string
		line, s = breakLine(s, width, size)
		lines = append(lines, line)
	}
	return lines, false
}

// oneLine reports whether breakLine takes the whole of s: whether it is
// no wider than width at size, summed as breakLine sums it.
func oneLine(s string, width, size float64) bool {
	w := 0.0
	for _, r := range s {
		w += runeEm(r) * size
	}
	return w <= width
}

// breakLine splits s into the longest head no wider than width that ends
// at a break opportunity, or failing that, at any rune; the head has at
// least one rune. The tail starts with no space.
func breakLine(s string, width, size float64) (head, tail string) {
	w := 0.0
	end, next := -1, -1 // the last break found: head s[:end], tail s[next:]
	for i, r := range s {
		w += runeEm(r) * size
		if r == ' ' {
			end, next = i, i+1
		}
		if w > width && r != ' ' {
			if end > 0 {
				return s[:end], strings.TrimLeft(s[next:], " ")
			}
			if i == 0 {
				i = len(string(r))
			}
			return s[:i], strings.TrimLeft(s[i:], " ")
		}
		if r == '-' || r == '/' {
			end, next = i+1, i+1
		}
	}
	return s, ""
}

// truncate shortens s to fit width px at size, ending it in an ellipsis
// when anything was cut.
func truncate(s string, width, size float64) (string, bool) {
	if textWidth(s, size) <= width {
		return s, false
	}
	room := width - textWidth(ellipsis, size)
	w := 0.0
	for i, r := range s {
		w += runeEm(r) * size
		if w > room {
			return strings.TrimRight(s[:i], " -/") + ellipsis, true
		}
	}
	return s, false // not reached: s is wider than width
}
