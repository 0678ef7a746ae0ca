// Package safeurl decides whether a URL may be published in a link or an
// image: the one check that Markdown links, wiki links, relation links and
// the links of SVG charts all go through. It reads a URL as a browser
// would (entities decoded, spaces and control characters dropped) and
// more strictly still (behind percent-encoding), because an author's text
// and a site's configuration are not to be trusted with javascript:.
package safeurl

import (
	"html"
	"slices"
	"strings"
)

// safeSchemes are the only schemes a published URL may have (a URL
// without one, relative or "//host/…", is fine too). Anything else, from
// javascript: to a tel: or an ms-…: protocol handler, is not ours to vouch
// for: the site's invariant (internal/htmlcheck) admits these alone.
var safeSchemes = []string{"http", "https", "mailto"}

// scriptSchemes run code or embed content. They are looked for even where
// a browser would not see a scheme: after dropping every space and control
// character, and behind percent-encoding ("%6Aavascript:"), which only an
// encoder or sanitizer that got something wrong would produce.
var scriptSchemes = []string{"javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem"}

// UnsafeScheme returns the lower-case scheme that makes u unpublishable,
// or "" when u is safe. Entities are decoded first, as the HTML parser
// will; the scheme is read as a browser's URL parser reads it (leading
// and trailing spaces and control characters trimmed, tabs and newlines
// dropped), and, more strictly, with every space and control character
// dropped and after up to three rounds of percent-decoding for the
// script schemes.
func UnsafeScheme(u string) string {
	if plain(u) {
		// Nothing to decode and nothing to drop: the scheme is what a
		// browser reads, and what the long way would find. Nearly every
		// URL of a build ("../../roles/cpo/", "https://…") comes here,
		// where the long way made three copies of it.
		if s := scheme(u); s != "" && !slices.Contains(safeSchemes, s) {
			return s
		}
		return ""
	}
	return unsafeScheme(u)
}

// plain reports whether u is printable ASCII without a space, an entity
// (&) or percent-encoding (%): a URL that clean leaves as it is, but for
// its case, and that PercentDecode does not change.
func plain(u string) bool {
	for i := 0; i < len(u); i++ {
		if b := u[i]; b <= ' ' || b >= 0x7f || b == '&' || b == '%' {
			return false
		}
	}
	return true
}

// unsafeScheme is UnsafeScheme the long way, for any u.
func unsafeScheme(u string) string {
	c := clean(u)
	for range 4 {
		if s := scheme(c); slices.Contains(scriptSchemes, s) {
			return s
		}
		d, changed := PercentDecode(c)
		if !changed {
			break
		}
		c = clean(d)
	}
	if s := scheme(browserForm(html.UnescapeString(u))); s != "" && !slices.Contains(safeSchemes, s) {
		return s
	}
	return ""
}

// Safe reports whether u may be published: UnsafeScheme finds nothing.
func Safe(u string) bool { return UnsafeScheme(u) == "" }

// browserForm does what a browser's URL parser does before it reads the
// scheme: trim leading and trailing C0 controls and spaces and drop every
// tab and newline.
func browserForm(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
}

// scheme returns the lower-case scheme of u, or "" when u has none: an
// ASCII letter, then letters, digits, "+", "-" or ".", then ":".
func scheme(u string) string {
	for i := 0; i < len(u); i++ {
		b := u[i]
		switch {
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
		case i > 0 && (b >= '0' && b <= '9' || b == '+' || b == '-' || b == '.'):
		case i > 0 && b == ':':
			return strings.ToLower(u[:i])
		default:
			return ""
		}
	}
	return ""
}

// PercentDecode decodes every valid %XX escape of s and leaves any other
// "%" as it is; changed is false when there was none.
func PercentDecode(s string) (_ string, changed bool) {
	if !strings.Contains(s, "%") {
		return s, false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			changed = true
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), changed
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

func unhex(b byte) byte {
	switch {
	case b >= 'a':
		return b - 'a' + 10
	case b >= 'A':
		return b - 'A' + 10
	}
	return b - '0'
}

// clean decodes entities, drops every space and control character and
// lower-cases u.
func clean(u string) string {
	u = html.UnescapeString(u)
	var b strings.Builder
	for _, r := range u {
		if r > ' ' && r != 0x7f {
			b.WriteRune(r)
		}
	}
	return strings.ToLower(b.String())
}
