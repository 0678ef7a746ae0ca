package render

import (
	"html/template"
	"strings"

	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/safeurl"
)

// The template functions that write rows of HTML themselves (facts,
// crumbs, entryList, backlogRows) escape as html/template would escape
// the same values in the same places, so that a partial that calls them
// writes the bytes its actions wrote. links, older, escapes with
// template.HTMLEscapeString, which leaves + as it is.

// escHTML escapes s for HTML text or a quoted attribute value, as
// html/template does: &, <, >, ", ' and + as entities, NUL as U+FFFD.
func escHTML(s string) string {
	if strings.IndexAny(s, "&<>\"'+\x00") < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '+':
			b.WriteString("&#43;")
		case 0:
			b.WriteString("\uFFFD")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escHref makes u the value of an href attribute as html/template does
// with href="{{.}}": a URL that is not safe (safeurl, the project's one
// rule) or that html/template would refuse becomes "#ZgotmplZ", and every
// byte a URL may not hold as it is is percent-encoded (in lower-case
// hex), except a % that starts an escape; then the result is escaped for
// the attribute.
func escHref(u string) string {
	if !safeurl.Safe(u) || !templateSafe(u) {
		return "#ZgotmplZ"
	}
	var b strings.Builder
	kept := 0
	for i := 0; i < len(u); i++ {
		if urlByteKept(u, i) {
			continue
		}
		if kept == 0 {
			b.Grow(len(u) + 16)
		}
		const hex = "0123456789abcdef"
		b.WriteString(u[kept:i])
		b.WriteByte('%')
		b.WriteByte(hex[u[i]>>4])
		b.WriteByte(hex[u[i]&15])
		kept = i + 1
	}
	if kept > 0 {
		b.WriteString(u[kept:])
		u = b.String()
	}
	return escHTML(u)
}

// urlByteKept reports whether html/template's URL normaliser keeps the
// byte at i of u as it is: letters, digits, the unreserved and reserved
// characters of RFC 3986 except ' ( ), and a % before two hex digits.
func urlByteKept(u string, i int) bool {
	switch c := u[i]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '%':
		return i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2])
	default:
		return strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// templateSafe reports whether html/template passes u into a URL
// attribute: whatever comes before a first colon with no slash before it
// is a scheme, and only http, https and mailto pass, so ":x" does not.
// safeurl refuses every other scheme too; this adds only the empty one.
func templateSafe(u string) bool {
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// htmlWriter writes a theme's strings and escaped text into one builder,
// for the template functions that write what a partial's actions wrote,
// and keeps the first error of a string looked up, as a template's t
// would have stopped at it.
type htmlWriter struct {
	strings.Builder
	e    *Engine
	strs *i18n.Strings
	err  error
}

func (e *Engine) htmlWriter() *htmlWriter { return &htmlWriter{e: e, strs: e.info.Strings} }

// t writes the theme's string key, filled with args, as t does.
func (w *htmlWriter) t(key string, args ...any) {
	v, err := w.strs.HTML(key, args...)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.WriteString(string(v))
}

// attrT returns the theme's string key as html/template writes it into a
// quoted attribute value (attrOfHTML), as {{t "key"}} there did.
func (w *htmlWriter) attrT(key string) string {
	v, err := w.strs.HTML(key)
	if err != nil && w.err == nil {
		w.err = err
	}
	return attrOfHTML(v)
}

// text writes s escaped for HTML text or a quoted attribute value.
func (w *htmlWriter) text(s string) { w.WriteString(escHTML(s)) }

// term writes the theme's string key as the glossary term id, linked to
// its entry from a page whose root is root, as term $.Root id (print (t
// key)) did.
func (w *htmlWriter) term(root, id, key string) {
	v, err := w.strs.HTML(key)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.e.writeTerm(&w.Builder, root, id, string(v))
}

// lang writes a lang attribute of code, or nothing without one.
func (w *htmlWriter) lang(code string) {
	if code != "" {
		w.WriteString(` lang="`)
		w.text(code)
		w.WriteString(`"`)
	}
}

// result is what was written, or the first error.
func (w *htmlWriter) result() (template.HTML, error) {
	if w.err != nil {
		return "", w.err
	}
	return template.HTML(w.String()), nil
}

// writeLink writes <a href="href">text</a>, escaped as html/template
// escapes the two.
func writeLink(b *strings.Builder, href, text string) {
	b.WriteString(`<a href="`)
	b.WriteString(escHref(href))
	b.WriteString(`">`)
	b.WriteString(escHTML(text))
	b.WriteString(`</a>`)
}

// writeRaw writes open, html and close: html is HTML already.
func writeRaw(b *strings.Builder, open, html, close string) {
	b.WriteString(open)
	b.WriteString(html)
	b.WriteString(close)
}

// writeIn writes text, escaped, between open and close, and nothing when
// there is no text.
func writeIn(b *strings.Builder, open, text, close string) {
	if text != "" {
		b.WriteString(open)
		b.WriteString(escHTML(text))
		b.WriteString(close)
	}
}
