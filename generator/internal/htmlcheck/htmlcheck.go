// Package htmlcheck checks generated HTML against the invariants that keep
// a published site free of script injection: no frames, plug-ins or forms
// beyond the theme's own, no script but the theme's files, no event
// handler attributes, and no URL that a browser would resolve to anything
// but http, https, mailto or a relative address.
//
// It parses the way a browser's tokenizer does (golang.org/x/net/html),
// so entity-encoded attribute values are judged by what they decode to.
// It is a test tool, not a sanitizer: it reports, it never rewrites.
package htmlcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/backlight-wiki/backlight/generator/safeurl"
)

// Allow lists what the checked pages may contain beyond the fixed rules.
type Allow struct {
	// FormClasses and FormAttrs admit a <form> that has one of these
	// classes or carries one of these attributes (the theme's search box
	// and filters). Any other form is a problem.
	FormClasses []string
	FormAttrs   []string
	// ScriptSrc matches the src of an admitted <script>; a script without
	// src, with inline text or whose src does not match is a problem. Nil
	// admits no script at all. The src may have no scheme and may not
	// start with "//" in any case: scripts come from the site itself.
	ScriptSrc *regexp.Regexp
}

// Problem is one broken invariant.
type Problem struct {
	Line      int    // 1-based line of the tag or text that breaks the rule
	Element   string // lower-case element name
	Attribute string // lower-case attribute name, "" for the element itself
	Message   string
}

func (p Problem) String() string {
	where := "<" + p.Element + ">"
	if p.Attribute != "" {
		where = "<" + p.Element + " " + p.Attribute + ">"
	}
	return fmt.Sprintf("%d: %s: %s", p.Line, where, p.Message)
}

// forbidden are elements that never belong in a page (forms are handled
// apart, since the theme has some).
var forbidden = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "applet": true,
}

// urlAttrs are the attributes whose value a browser resolves as a URL.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true,
	"xlink:href": true, "poster": true, "cite": true, "background": true,
	"longdesc": true, "manifest": true, "codebase": true, "ping": true,
}

// dangerous are schemes reported even when only percent-decoding the
// address reveals them: a relative "%6Aavascript:" is harmless to the
// browser but means an encoder or sanitizer got something wrong.
var dangerous = []string{"javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem"}

// Check parses doc and reports every broken invariant, in document order.
func Check(doc []byte, allowed Allow) []Problem {
	c := checker{allow: allowed}
	c.run(doc, 1)
	return c.problems
}

type checker struct {
	allow    Allow
	problems []Problem
}

func (c *checker) add(line int, el, attr, format string, args ...any) {
	c.problems = append(c.problems, Problem{Line: line, Element: el, Attribute: attr, Message: fmt.Sprintf(format, args...)})
}

type attr struct{ key, val string }

func (c *checker) run(doc []byte, line int) {
	z := html.NewTokenizer(bytes.NewReader(doc))
	open := "" // the raw-text element whose content comes next
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		raw := z.Raw()
		start := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.TextToken:
			c.text(open, start, raw)
			open = ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			var attrs []attr
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs = append(attrs, attr{string(k), string(v)})
			}
			el := string(name)
			c.tag(start, el, attrs)
			open = ""
			if tt == html.StartTagToken && (el == "script" || el == "style" || el == "noscript") {
				open = el
			}
		default:
			open = ""
		}
	}
}

// text checks the content of a raw-text element.
func (c *checker) text(el string, line int, raw []byte) {
	switch el {
	case "script":
		if len(bytes.TrimSpace(raw)) > 0 {
			c.add(line, el, "", "inline script text")
		}
	case "style":
		if why := badStyle(string(raw)); why != "" {
			c.add(line, el, "", "style sheet %s", why)
		}
	case "noscript":
		// Raw text to a scripting browser, markup to one without:
		// check it as markup.
		c.run(raw, line)
	}
}

func (c *checker) tag(line int, el string, attrs []attr) {
	if forbidden[el] {
		c.add(line, el, "", "element not allowed")
	}
	if el == "form" && !c.formAllowed(attrs) {
		c.add(line, el, "", "form not among the theme's (classes %v, attributes %v)", c.allow.FormClasses, c.allow.FormAttrs)
	}
	if el == "script" {
		src, ok := get(attrs, "src")
		switch {
		case !ok:
			c.add(line, el, "", "script without src")
		case c.allow.ScriptSrc == nil || !c.allow.ScriptSrc.MatchString(src):
			c.add(line, el, "src", "script src %q is not one of the theme's scripts", src)
		case scheme(normalize(src)) != "" || crossOrigin(normalize(src)):
			c.add(line, el, "src", "script src %q is not on the site", src)
		}
	}
	// SVG animation can set an href to any value.
	animatesHref := false
	if el == "set" || el == "animate" {
		if a, _ := get(attrs, "attributename"); strings.HasSuffix(strings.ToLower(strings.TrimSpace(a)), "href") {
			animatesHref = true
		}
	}
	for _, a := range attrs {
		switch {
		case strings.HasPrefix(strings.ToLower(a.key), "on"):
			c.add(line, el, a.key, "event handler attribute")
		case urlAttrs[a.key] || (a.key == "data" && el == "object") ||
			(animatesHref && (a.key == "to" || a.key == "from" || a.key == "values")):
			c.url(line, el, a.key, a.val)
		case a.key == "srcset" || a.key == "imagesrcset":
			for _, cand := range strings.Split(a.val, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					c.url(line, el, a.key, f[0])
				}
			}
		case a.key == "style":
			if why := badStyle(a.val); why != "" {
				c.add(line, el, a.key, "style %s", why)
			}
		case a.key == "content" && el == "meta":
			if eq, _ := get(attrs, "http-equiv"); strings.EqualFold(strings.TrimSpace(eq), "refresh") {
				if u, ok := refreshURL(a.val); ok {
					c.url(line, el, a.key, u)
				}
			}
		}
	}
}

func (c *checker) formAllowed(attrs []attr) bool {
	for _, a := range attrs {
		if slices.Contains(c.allow.FormAttrs, a.key) {
			return true
		}
		if a.key == "class" {
			for _, cl := range strings.Fields(a.val) {
				if slices.Contains(c.allow.FormClasses, cl) {
					return true
				}
			}
		}
	}
	return false
}

// url reports a URL attribute value that does not resolve to http, https,
// mailto or a relative address.
func (c *checker) url(line int, el, key, val string) {
	if why := BadURL(val); why != "" {
		c.add(line, el, key, "%s in %q", why, val)
	}
}

// BadURL says why a decoded attribute value is not a safe link target, or
// returns "" when it is http, https, mailto or relative.
func BadURL(val string) string {
	u := normalize(val)
	switch s := scheme(u); s {
	case "", "http", "https", "mailto":
	default:
		return "scheme " + s + ":"
	}
	// Percent-decoding must not reveal a dangerous scheme either.
	for range 3 {
		d, changed := safeurl.PercentDecode(u) // the decoding only: the verdict below is this checker's own
		if !changed {
			break
		}
		u = normalize(d)
		if s := scheme(u); slices.Contains(dangerous, s) {
			return "percent-encoded scheme " + s + ":"
		}
	}
	return ""
}

// normalize does what a browser's URL parser does before it reads the
// scheme: trim leading and trailing C0 controls and spaces, and remove
// every tab and newline.
func normalize(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// scheme returns the lower-case scheme of a normalized URL, or "" when
// the URL is relative: a scheme is an ASCII letter followed by letters,
// digits, "+", "-" or ".", then ":".
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

// crossOrigin reports whether a URL without scheme still names another
// host: "//host/x", which browsers also spell with backslashes.
func crossOrigin(u string) bool {
	return len(u) >= 2 && (u[0] == '/' || u[0] == '\\') && (u[1] == '/' || u[1] == '\\')
}

// badStyle says what is wrong with CSS text, or returns "".
func badStyle(css string) string {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == '"' || r == '\'' || r == '\\' {
			return -1
		}
		return r
	}, strings.ToLower(css))
	for _, bad := range []string{"expression(", "url(javascript:", "url(vbscript:", "-moz-binding", "behavior:"} {
		if strings.Contains(s, bad) {
			return "contains " + bad
		}
	}
	return ""
}

// refreshURL extracts the address of a meta refresh: "5; url=/next".
func refreshURL(content string) (string, bool) {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		_, rest, ok = strings.Cut(content, ",")
	}
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		rest = strings.TrimSpace(rest[3:])
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "="))
	}
	rest = strings.Trim(rest, `"'`)
	return rest, true
}

func get(attrs []attr, key string) (string, bool) {
	for _, a := range attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}
