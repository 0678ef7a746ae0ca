package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/glossary"
)

// Target is the page a link resolves to.
type Target struct {
	ID    string
	URL   string
	Title string
}

// Resolver finds the page a link names. ref is an id, item key, alias or
// title for wiki links, or, when path is true, a slash path relative to
// content/ for links to .md files. The error says what is wrong (no such
// page, with the closest names; several pages, listing them).
type Resolver interface {
	Resolve(ref string, path bool) (Target, error)
}

// FileResolver is implemented by a Resolver that knows the files
// published with the site besides its pages (images, documents): File
// finds one by its slash path relative to content/, or, with fromRoot, by
// its path from the site's root ("/img/chart.png"), and returns the URL to
// link it with from the page being rendered.
type FileResolver interface {
	File(ref string, fromRoot bool) (FileTarget, bool)
}

// FileTarget is a published file a link or image names.
type FileTarget struct {
	URL           string
	Width, Height int // an image's intrinsic size in CSS pixels; 0 when unknown
}

// Ref is a link or image destination inside the site, as the browser will
// read it (entities and escapes decoded), for the check of every link
// once the site is rendered.
type Ref struct {
	URL     string
	Pos     generator.Pos
	Image   bool
	Checked bool // resolved here already (a page or a file), or reported here when broken
}

// Options configure a Renderer.
type Options struct {
	UnsafeHTML bool              // pass raw HTML and every URL scheme through
	Terms      *glossary.Matcher // glossary terms to link where they first appear; nil: none
}

// Renderer renders Markdown bodies; one is made per build and is safe for
// concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	unsafe bool
	terms  *glossary.Matcher
}

// New returns a Renderer with Backlight's goldmark configuration.
func New(opts Options) *Renderer {
	htmlOpts := []renderer.Option{}
	if opts.UnsafeHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.Typographer, wikiLinks{}, alerts{}, details{}, terms{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	return &Renderer{md: md, unsafe: opts.UnsafeHTML, terms: opts.Terms}
}

// Heading is a heading of a rendered page, for tables of contents and for
// checking [[page#heading]] links.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a resolved link to another page, for backlinks and for checking
// its #fragment once every page's headings are known.
type Link struct {
	Target   string // page id
	Fragment string // heading id, or ""
	Pos      generator.Pos
}

// Result is a rendered body.
type Result struct {
	HTML     string
	Text     string // the plain text, for search (at most about 64 KiB)
	Lead     string // the first paragraph of prose as plain text on one line, for the page's description
	Headings []Heading
	Links    []Link
	Refs     []Ref // every destination inside the site, in body order
	Diags    generator.Diagnostics
}

// Source is a body to render and where it comes from.
type Source struct {
	Body     []byte
	File     string // for positions
	Path     string // slash path under content/, for relative .md links
	BodyLine int    // file line on which Body starts
	Title    string // the page's title: the glossary terms in it are what the page is about, and are not linked
}

// Render parses and renders one body, resolving its links with res.
func (r *Renderer) Render(src Source, res Resolver) Result {
	return r.RenderWith(new(bytes.Buffer), src, res)
}

// RenderWith is Render writing the HTML through buf, a scratch buffer
// that a caller rendering many bodies keeps from one to the next (one per
// goroutine), so that it grows once instead of for every body; the
// Result's HTML is a copy of exactly its size.
func (r *Renderer) RenderWith(buf *bytes.Buffer, src Source, res Resolver) Result {
	var out Result
	lines := newLineIndex(src)
	if pos, msg, ok := checkLimits(src.Body); !ok {
		out.Diags.Errorf(lines.pos(pos), "%s", msg)
		return out
	}
	ids := newHeadingIDs()
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := r.md.Parser().Parse(text.NewReader(src.Body), parser.WithContext(ctx))
	w := walker{r: r, src: src, lines: lines, res: res, out: &out, ids: ids, seen: map[string]bool{}, terms: r.termLinker(res, src.Title)}
	if err := ast.Walk(doc, w.visit); err != nil {
		out.Diags.Errorf(generator.Pos{File: src.File}, "cannot process Markdown: %v", err)
	}
	w.dropAutoLinks()
	w.terms.link(src.Body)
	containerDiags(doc, src.Body, lines, &out.Diags)
	out.Text = bodyText(doc, src.Body)
	out.Lead = bodyLead(doc, src.Body)
	buf.Reset()
	buf.Grow(len(src.Body) * 3 / 2)
	if err := r.md.Renderer().Render(bufferWriter{buf}, src.Body, doc); err != nil {
		out.Diags.Errorf(generator.Pos{File: src.File}, "cannot render Markdown: %v", err)
	}
	out.HTML = buf.String() // a copy of exactly its size: bodies stay in memory until their page is written
	return out
}

// termLinker returns what links a body's glossary terms, or nil when
// there are none to link or no glossary page to link to.
func (r *Renderer) termLinker(res Resolver, title string) *termLinker {
	g, ok := res.(GlossaryResolver)
	if !ok || r.terms.Empty() {
		return nil
	}
	l := &termLinker{terms: r.terms, dest: g.GlossaryURL(), seen: map[string]bool{}}
	r.terms.Each([]byte(title), func(m glossary.Match) bool {
		l.seen[m.ID] = true
		return true
	})
	return l
}

// lineIndex turns byte offsets in a body into file positions.
type lineIndex struct {
	file   string
	first  int
	starts []int
}

func newLineIndex(src Source) lineIndex {
	l := lineIndex{file: src.File, first: max(src.BodyLine, 1), starts: []int{0}}
	for i, c := range src.Body {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

func (l lineIndex) pos(off int) generator.Pos {
	lo, hi := 0, len(l.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return generator.Pos{File: l.file, Line: l.first + lo, Col: off - l.starts[lo] + 1}
}

// bufferWriter lets goldmark write straight into a bytes.Buffer: it wraps
// any other writer in a bufio.Writer of its own, 4 KiB per body.
type bufferWriter struct{ *bytes.Buffer }

var _ util.BufWriter = bufferWriter{}

func (bufferWriter) Buffered() int { return 0 }
func (bufferWriter) Flush() error  { return nil }
