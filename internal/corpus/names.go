package corpus

import (
	"strconv"
	"strings"
)

// names hands out titles and ids so that no reference can be ambiguous:
// a title, an id and an item key are all names a reference may use, so
// they share one namespace, compared without case.
type names map[string]bool

// free reports whether neither the title nor the id is taken.
func (n names) free(title, id string) bool {
	return !n[strings.ToLower(title)] && !n[strings.ToLower(id)]
}

// claim takes a title and an id.
func (n names) claim(title, id string) {
	n[strings.ToLower(title)] = true
	n[strings.ToLower(id)] = true
}

// unique returns the first title from next that is free, trying up to 40
// candidates, then the last one with a number appended. It claims the
// title and its slug.
func (n names) unique(next func() string) (title, id string) {
	for range 40 {
		title = next()
		if id = slug(title); n.free(title, id) {
			n.claim(title, id)
			return title, id
		}
	}
	base := title
	for k := 2; ; k++ {
		title = base + " " + strconv.Itoa(k)
		if id = slug(title); n.free(title, id) {
			n.claim(title, id)
			return title, id
		}
	}
}

// slug turns a title into an id: lower-case letters and digits, with
// single hyphens between the words.
func slug(title string) string {
	var b strings.Builder
	gap := false
	for _, c := range strings.ToLower(title) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			gap = false
		} else {
			gap = true
		}
	}
	return b.String()
}

// initials abbreviates a title by its capitalised words: "Team Pump
// Integration Owner" → "TPIO".
func initials(title string) string {
	var b strings.Builder
	for _, w := range strings.Fields(title) {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
