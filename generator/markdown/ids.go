package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// headingIDs makes heading ids that keep letters of every script: accents
// are dropped (Überblick → uberblick), other letters kept (会议 → 会议), and
// everything else becomes a single hyphen. Ids are unique within a page.
type headingIDs struct {
	used map[string]bool
	next map[string]int // the first suffix worth trying for a base, so that n equal headings take linear time
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Slug turns text into an id fragment as headings get them.
func Slug(text string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return norm.NFC.String(b.String())
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := max(h.next[base], 1); h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
		h.next[base] = i + 1 // ids are never freed: every suffix below is taken
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
