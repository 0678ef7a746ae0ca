package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/backlight-wiki/backlight/generator/glossary"
)

// GlossaryResolver is implemented by a Resolver whose site has a
// glossary page: GlossaryURL returns its URL relative to the page being
// rendered. Terms link to it only when the resolver implements it.
type GlossaryResolver interface {
	GlossaryURL() string
}

// KindTerm is the AST kind of a glossary term's link.
var KindTerm = ast.NewNodeKind("Term")

// Term is the first occurrence of a glossary term on a page, linked to its
// entry; its child is the term's text. Abbr is the entry's title when the
// term is an abbreviation of it.
type Term struct {
	ast.BaseInline
	Dest string
	Abbr string
}

// Kind implements ast.Node.
func (n *Term) Kind() ast.NodeKind { return KindTerm }

// Dump implements ast.Node.
func (n *Term) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Dest": n.Dest, "Abbr": n.Abbr}, nil)
}

// termLinker links the first occurrence of each glossary term in a body's
// text. The walker hands it the text nodes outside links, headings, code
// and raw HTML, in body order; link then makes one pass over their text
// with the site's prebuilt matcher.
type termLinker struct {
	terms *glossary.Matcher
	dest  string // the glossary page's URL from this page
	texts []*ast.Text
	skip  int             // depth inside nodes whose text is not linked
	seen  map[string]bool // entries linked already, or named in the page's title
}

// noTerms reports whether a node's text is left alone: links (a link
// inside a link is not allowed), headings, code, raw HTML, images.
func noTerms(n ast.Node) bool {
	switch n.(type) {
	case *ast.Link, *ast.AutoLink, *ast.Image, *ast.Heading, *ast.CodeSpan, *ast.CodeBlock,
		*ast.FencedCodeBlock, *ast.RawHTML, *ast.HTMLBlock, *WikiLink, *AlertTitle, *DetailsSummary:
		return true
	}
	return false
}

// visit is called by the walker for every node, entering and leaving.
func (l *termLinker) visit(n ast.Node, entering bool) {
	if l == nil {
		return
	}
	if noTerms(n) {
		if entering {
			l.skip++
		} else {
			l.skip--
		}
		return
	}
	if t, ok := n.(*ast.Text); ok && entering && l.skip == 0 && !t.IsRaw() {
		l.texts = append(l.texts, t)
	}
}

// link wraps each term's first occurrence in a Term node.
func (l *termLinker) link(src []byte) {
	if l == nil {
		return
	}
	seen := l.seen
	var found []glossary.Match
	for _, t := range l.texts {
		found = found[:0]
		seg := t.Segment
		l.terms.Each(seg.Value(src), func(m glossary.Match) bool {
			if !seen[m.ID] {
				seen[m.ID] = true
				found = append(found, m)
			}
			return true
		})
		if len(found) > 0 {
			l.split(t, found)
		}
	}
}

// split replaces text node t by its text around the matches and a Term
// node for each match. The last piece keeps t's line break.
func (l *termLinker) split(t *ast.Text, found []glossary.Match) {
	parent := t.Parent()
	seg := t.Segment
	at := seg.Start
	for _, m := range found {
		start, end := seg.Start+m.Start, seg.Start+m.End
		if start > at {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(at, start)))
		}
		term := &Term{Dest: l.dest + "#" + m.ID, Abbr: m.Abbr}
		term.AppendChild(term, ast.NewTextSegment(text.NewSegment(start, end)))
		parent.InsertBefore(parent, t, term)
		at = end
	}
	rest := ast.NewTextSegment(text.NewSegment(at, seg.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	parent.ReplaceChild(parent, t, rest)
}

// termRenderer writes a Term as <a class="term" href="…">, with <abbr
// title="…"> inside for an abbreviation.
type termRenderer struct{}

func (termRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, renderTerm)
}

func renderTerm(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Term)
	if !entering {
		if n.Abbr != "" {
			_, _ = w.WriteString(`</abbr>`)
		}
		_, _ = w.WriteString(`</a>`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a class="term" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.Dest), true)))
	_, _ = w.WriteString(`">`)
	if n.Abbr != "" {
		_, _ = w.WriteString(`<abbr title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(n.Abbr)))
		_, _ = w.WriteString(`">`)
	}
	return ast.WalkContinue, nil
}

// terms is the goldmark extension that renders Term nodes.
type terms struct{}

func (terms) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(termRenderer{}, 199)))
}
