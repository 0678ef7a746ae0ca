package site

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// minifier minifies outputs by file extension; nil means copy as is.
type minifier struct {
	m     *minify.M
	page  *minify.M // for .html
	types map[string]string
}

// newMinify returns a minifier for HTML, CSS, JS, SVG, JSON and XML. HTML
// keeps document tags, end tags, attribute quotes and attributes at their
// default values, so that the output still passes HTML validators:
// html-validate's no-implicit-button-type wants a submit button's
// type="submit", which costs 14 bytes a button.
func newMinify() *minifier {
	// HTML gets its own minifier without an SVG one: the inline graphs are
	// written compact already, and minifying them again cost a tenth of a
	// large build. Stand-alone .svg files are still minified.
	page := minify.New()
	page.Add("text/html", htmlMinifier())
	page.AddFunc("text/css", css.Minify)
	page.AddFunc("application/javascript", js.Minify)
	m := minify.New()
	m.Add("text/html", htmlMinifier())
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("application/xml", xml.Minify)
	return &minifier{m: m, page: page, types: map[string]string{
		".html": "text/html", ".css": "text/css", ".js": "application/javascript",
		".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
	}}
}

// htmlMinifier returns the HTML minifier of both sets. It keeps comments:
// the themes have none, so only an author's raw HTML (unsafeHTML = true)
// can hold one, and it is there on purpose.
func htmlMinifier() *html.Minifier {
	return &html.Minifier{KeepComments: true, KeepDefaultAttrVals: true, KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true}
}

// minifyLayout minifies the source of a theme layout, keeping its Go
// template actions as they are: a page its minified layouts write is as
// compact as the page minified, less the whitespace that the Markdown
// bodies and other HTML values hold, so it is written as it comes. Code,
// kbd and samp text is shielded as in minifyPage.
func minifyLayout(name string, src []byte) ([]byte, error) {
	m := minify.New()
	lm := htmlMinifier()
	lm.TemplateDelims = html.GoTemplateDelims
	m.Add("text/html", lm)
	m.AddFunc("text/css", css.Minify)
	shielded, sh, _ := shieldHTML(src)
	var out bytes.Buffer
	out.Grow(len(shielded))
	if err := m.Minify("text/html", &out, bytes.NewReader(shielded)); err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return sh.restore(out.Bytes()), nil
}

// minifies reports whether minify changes files with extension ext; a
// nil minifier changes none.
func (mi *minifier) minifies(ext string) bool {
	if mi == nil {
		return false
	}
	_, ok := mi.types[ext]
	return ok
}

// minify writes src minified to w. src is passed as a *bytes.Buffer
// because the minifiers read its bytes in place instead of copying them.
func (mi *minifier) minify(w io.Writer, src *bytes.Buffer, ext string) error {
	if mi != nil {
		if ext == ".html" {
			return mi.minifyPage(w, src)
		}
		if mt, ok := mi.types[ext]; ok {
			return mi.m.Minify(mt, w, src)
		}
	}
	_, err := w.Write(src.Bytes())
	return err
}

// minifyPage minifies an HTML page without changing what it shows. The
// minifier trims the whitespace of text next to tags, which is right for
// most text but not for code, whose spaces show (` a` is "<code> a</code>"),
// and its trim carries on past an inline end tag, gluing the text after a
// code span to it. It also reads "<!-->", an empty comment, as the start of
// a comment that runs to the next "-->", swallowing the text between. So a
// page with either is shielded first and mended after.
func (mi *minifier) minifyPage(w io.Writer, src *bytes.Buffer) error {
	shielded, sh, changed := shieldHTML(src.Bytes())
	if !changed {
		return mi.page.Minify("text/html", w, src)
	}
	var out bytes.Buffer
	out.Grow(len(shielded))
	if err := mi.page.Minify("text/html", &out, bytes.NewBuffer(shielded)); err != nil {
		return err
	}
	if _, err := w.Write(sh.restore(out.Bytes())); err != nil {
		return fmt.Errorf("write minified page: %w", err)
	}
	return nil
}

// htmlSpace is the whitespace of HTML, which the minifier collapses and
// trims; the index of a byte in it picks its stand-in rune.
const htmlSpace = " \t\n\r\f"

// spaceShield stands in for the whitespace of verbatim text while the
// minifier runs: rune base+i for htmlSpace[i]. The runes are from the
// private use area, and ones the page does not hold, so that restoring
// them changes nothing else.
type spaceShield struct {
	base rune // 0 when nothing was shielded
}

// shieldHTML returns src with the whitespace of the text inside code, kbd
// and samp elements and of CDATA sections replaced by stand-in runes, and
// with each "<!-->" and "<!--->" written "<!---->", the same empty comment
// in a form the minifier reads right. It uses the minifier's own lexer, so
// that what it shields is what the minifier would see as text: not the
// inside of a tag, a comment or a script. changed is false, and src is
// returned, when there was nothing to do, which is the common case and
// costs a few scans.
func shieldHTML(src []byte) (out []byte, sh spaceShield, changed bool) {
	if !hasVerbatimTag(src) && !bytes.Contains(src, []byte("<!-->")) && !bytes.Contains(src, []byte("<!--->")) &&
		!bytes.Contains(src, []byte("<![CDATA[")) {
		return src, sh, false
	}
	base, free := freeRunes(src)
	copied := 0 // src[:copied] is in out
	verbatim, pre, raw := 0, 0, false
	for pos := 0; ; {
		// The lexer starts again after a mended comment, as the minifier's
		// will read it: in the text that follows.
		z := parse.NewInputBytes(src[pos:])
		l := phtml.NewLexer(z)
		restart := false
		for !restart {
			tt, data := l.Next()
			end := pos + z.Offset()
			begin := end - len(data)
			switch tt {
			case phtml.ErrorToken:
				z.Restore()
				if !changed {
					return src, sh, false
				}
				return append(out, src[copied:]...), sh, true
			case phtml.StartTagToken:
				switch name := string(l.Text()); {
				case name == "code" || name == "kbd" || name == "samp":
					verbatim++
				case name == "pre":
					pre++ // the minifier keeps all of a pre already
				case isRawTextTag(name):
					raw = true
				}
			case phtml.EndTagToken:
				switch string(l.Text()) {
				case "code", "kbd", "samp":
					verbatim = max(verbatim-1, 0)
				case "pre":
					pre = max(pre-1, 0)
				}
				raw = false
			case phtml.TextToken:
				// The lexer reads a CDATA section as text, though HTML reads
				// it as a comment, which the minifier keeps as written.
				cdata := bytes.HasPrefix(data, []byte("<![CDATA["))
				if (verbatim > 0 && pre == 0 && !raw || cdata) && free && bytes.ContainsAny(data, htmlSpace) {
					out = append(out, src[copied:begin]...)
					for _, c := range data {
						if i := strings.IndexByte(htmlSpace, c); i >= 0 {
							out = utf8.AppendRune(out, base+rune(i))
						} else {
							out = append(out, c)
						}
					}
					copied, sh.base, changed = end, base, true
				}
				raw = false
			case phtml.CommentToken:
				for _, empty := range []string{"<!--->", "<!-->"} {
					if bytes.HasPrefix(data, []byte(empty)) {
						out = append(out, src[copied:begin]...)
						out = append(out, "<!---->"...)
						copied, changed = begin+len(empty), true
						pos, restart = copied, true
						break
					}
				}
			}
		}
		z.Restore()
	}
}

// isRawTextTag reports whether the minifier's lexer reads the content of
// the element name as one text, which must be left alone.
func isRawTextTag(name string) bool {
	switch name {
	case "script", "style", "textarea", "title", "xmp", "iframe", "plaintext":
		return true
	}
	return false
}

// hasVerbatimTag reports whether src may hold a code, kbd or samp start
// tag, in any case.
func hasVerbatimTag(src []byte) bool {
	for i := bytes.IndexByte(src, '<'); i >= 0; {
		rest := src[i+1:]
		if len(rest) > 0 && (rest[0]|0x20 == 'c' || rest[0]|0x20 == 'k' || rest[0]|0x20 == 's') {
			for _, name := range []string{"code", "kbd", "samp"} {
				if len(rest) > len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) {
					return true
				}
			}
		}
		j := bytes.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// freeRunes returns the first of five private use runes in a row of which
// src holds none, and false when there are no such five. The five share
// the first byte of their UTF-8 form.
func freeRunes(src []byte) (rune, bool) {
	// Private use runes from U+E000 to U+F8FF start with 0xEE or 0xEF.
	if bytes.IndexByte(src, 0xEE) < 0 && bytes.IndexByte(src, 0xEF) < 0 {
		return 0xE000, true
	}
	held := map[rune]bool{}
	for _, r := range string(src) {
		if r >= 0xE000 && r <= 0xF8FF {
			held[r] = true
		}
	}
	for base := rune(0xE000); base+4 <= 0xF8FF; base += 5 {
		if base>>12 == (base+4)>>12 && // one first byte, for restore
			!held[base] && !held[base+1] && !held[base+2] && !held[base+3] && !held[base+4] {
			return base, true
		}
	}
	return 0, false
}

// restore puts the whitespace back for its stand-ins in b, in place: a
// stand-in takes three bytes and its whitespace one.
func (sh spaceShield) restore(b []byte) []byte {
	if sh.base == 0 {
		return b
	}
	lead := utf8.AppendRune(nil, sh.base)[0]
	out := b[:0]
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], lead)
		if j < 0 {
			return append(out, b[i:]...)
		}
		out = append(out, b[i:i+j]...)
		i += j
		r, n := utf8.DecodeRune(b[i:])
		if r >= sh.base && r < sh.base+rune(len(htmlSpace)) {
			out = append(out, htmlSpace[r-sh.base])
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
}
