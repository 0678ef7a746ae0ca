package site

import (
	"bytes"
	"io"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
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

// htmlMinifier returns the HTML minifier of both sets.
func htmlMinifier() *html.Minifier {
	return &html.Minifier{KeepDefaultAttrVals: true, KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true}
}

// minify writes src minified to w. src is passed as a *bytes.Buffer
// because the minifiers read its bytes in place instead of copying them.
func (mi *minifier) minify(w io.Writer, src *bytes.Buffer, ext string) error {
	if mi != nil {
		if ext == ".html" {
			return mi.page.Minify("text/html", w, src)
		}
		if mt, ok := mi.types[ext]; ok {
			return mi.m.Minify(mt, w, src)
		}
	}
	_, err := w.Write(src.Bytes())
	return err
}
