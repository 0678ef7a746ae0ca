package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindWikiLink is the AST kind of a [[wiki link]].
var KindWikiLink = ast.NewNodeKind("WikiLink")

// WikiLink is a [[target#fragment|label]] link. Dest is filled in when the
// target resolves; Offset is where "[[" starts in the source.
type WikiLink struct {
	ast.BaseInline
	Target   string
	Fragment string
	Label    string
	Dest     string
	Title    string
	Offset   int
}

// Kind implements ast.Node.
func (n *WikiLink) Kind() ast.NodeKind { return KindWikiLink }

// Dump implements ast.Node.
func (n *WikiLink) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Target": n.Target, "Fragment": n.Fragment, "Label": n.Label}, nil)
}

// wikiLinkParser parses [[…]] at a "[" trigger. Its priority, 199, puts it
// before goldmark's link parser (200), which would otherwise take the
// first "[" as an ordinary link's text.
type wikiLinkParser struct{}

func (wikiLinkParser) Trigger() []byte { return []byte{'['} }

func (wikiLinkParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	// The target and label hold no bracket, so the first bracket after
	// "[[" must open the closing "]]". Looking no further keeps a long
	// line of unclosed "[[" linear.
	end := bytes.IndexAny(line[2:], "[]")
	if end < 0 || !bytes.HasPrefix(line[2+end:], []byte("]]")) {
		return nil
	}
	end += 2
	inner := line[2:end]
	if len(bytes.TrimSpace(inner)) == 0 || bytes.ContainsAny(inner, "[]\n") {
		return nil
	}
	n := &WikiLink{Offset: seg.Start}
	target, label, hasLabel := bytes.Cut(inner, []byte("|"))
	target, frag, _ := bytes.Cut(target, []byte("#"))
	n.Target = string(bytes.TrimSpace(target))
	n.Fragment = string(bytes.TrimSpace(frag))
	n.Label = string(bytes.TrimSpace(label))
	if !hasLabel || n.Label == "" {
		n.Label = n.Target
		if n.Target == "" {
			n.Label = n.Fragment
		}
	}
	block.Advance(end + 2)
	return n
}

// wikiLinkRenderer writes a resolved wiki link as <a>, an unresolved one as
// its label in a span that the stylesheet marks as broken.
type wikiLinkRenderer struct{}

func (wikiLinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindWikiLink, renderWikiLink)
}

func renderWikiLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*WikiLink)
	if n.Dest == "" {
		_, _ = w.WriteString(`<span class="broken-link">`)
		writeEscaped(w, n.Label)
		_, _ = w.WriteString(`</span>`)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<a class="wikilink" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.Dest), true)))
	if n.Title != "" {
		_, _ = w.WriteString(`" title="`)
		writeEscaped(w, n.Title)
	}
	_, _ = w.WriteString(`">`)
	writeEscaped(w, n.Label)
	_, _ = w.WriteString(`</a>`)
	return ast.WalkSkipChildren, nil
}

// writeEscaped writes s escaped as util.EscapeHTML escapes it, without
// a copy of s as bytes to escape: a wiki link's label and title are
// written on every page that has one.
func writeEscaped(w util.BufWriter, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		if e := util.EscapeHTMLByte(s[i]); e != nil {
			_, _ = w.WriteString(s[done:i])
			_, _ = w.Write(e)
			done = i + 1
		}
	}
	_, _ = w.WriteString(s[done:])
}

// wikiLinks is the goldmark extension that adds [[wiki links]].
type wikiLinks struct{}

func (wikiLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(wikiLinkParser{}, 199)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(wikiLinkRenderer{}, 199)))
}
