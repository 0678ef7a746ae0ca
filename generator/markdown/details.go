package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/backlight-wiki/backlight/generator"
)

// maxDetails caps how deeply collapsible sections nest: a closing line is
// offered to every open section, so each level costs every line of it.
const maxDetails = 16

// KindDetails is the AST kind of a collapsible section; KindDetailsSummary
// that of its summary.
var (
	KindDetails        = ast.NewNodeKind("Details")
	KindDetailsSummary = ast.NewNodeKind("DetailsSummary")
)

// Details is a collapsible section, written as a fenced container:
//
//	:::details Why three days?
//	Markdown, other containers included.
//	:::
//
// Its first child is its DetailsSummary. The fence is three or more
// colons; a line of at least as many colons, and nothing else, closes it.
type Details struct {
	ast.BaseBlock
	Fence   int  // colons in the opening fence
	Offset  int  // where the opening fence starts in the source
	Closed  bool // its closing fence was found
	TooDeep bool // opened inside maxDetails sections: reported, never rendered
}

// Kind implements ast.Node.
func (n *Details) Kind() ast.NodeKind { return KindDetails }

// Dump implements ast.Node.
func (n *Details) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// DetailsSummary is the summary of a collapsible section: the rest of the
// opening line, parsed as inline Markdown, or "Details" when it is empty.
type DetailsSummary struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *DetailsSummary) Kind() ast.NodeKind { return KindDetailsSummary }

// Dump implements ast.Node.
func (n *DetailsSummary) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// detailsParser opens a section at ":::details" (or "::: details", as
// VitePress writes it; the word in any case) and closes it at a line of
// colons. Sections nest: a closing line belongs to the innermost open
// section that its colons are enough for, and a fenced code block keeps
// its lines, so code can show the syntax.
type detailsParser struct{}

func (detailsParser) Trigger() []byte { return []byte{':'} }

func (detailsParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	fence := colons(line[pos:])
	if fence < 3 {
		return nil, parser.NoChildren
	}
	word := pos + fence + util.TrimLeftSpaceLength(line[pos+fence:])
	const name = "details"
	if len(line)-word < len(name) || !bytes.EqualFold(line[word:word+len(name)], []byte(name)) {
		return nil, parser.NoChildren
	}
	after := word + len(name)
	if after < len(line) && !util.IsSpace(line[after]) {
		return nil, parser.NoChildren // ":::detailed"
	}
	n := &Details{Fence: fence, Offset: seg.Start - seg.Padding + pos}
	reader.AdvanceToEOL()
	if depth(parent) >= maxDetails {
		n.TooDeep = true
		return n, parser.NoChildren
	}
	s := &DetailsSummary{}
	start := after + util.TrimLeftSpaceLength(line[after:])
	stop := len(line) - util.TrimRightSpaceLength(line)
	if start < stop {
		s.Lines().Append(text.NewSegment(seg.Start-seg.Padding+start, seg.Start-seg.Padding+stop))
	}
	n.AppendChild(n, s)
	return n, parser.HasChildren
}

func (detailsParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	d := node.(*Details)
	if d.TooDeep {
		return parser.Close
	}
	line, _ := reader.PeekLine()
	if w, pos := util.IndentWidth(line, reader.LineOffset()); w < 4 {
		if n := closingFence(line[pos:]); n >= d.Fence && !innerTakes(d, n, pc) {
			d.Closed = true
			reader.AdvanceToEOL()
			return parser.Close
		}
	}
	return parser.Continue | parser.HasChildren
}

func (detailsParser) Close(ast.Node, text.Reader, parser.Context) {}

func (detailsParser) CanInterruptParagraph() bool { return true }

func (detailsParser) CanAcceptIndentedLine() bool { return false }

// colons counts the colons that open b.
func colons(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ':' {
		n++
	}
	return n
}

// closingFence returns the number of colons of a closing line (three or
// more colons, then only spaces), or 0.
func closingFence(b []byte) int {
	n := colons(b)
	if n < 3 || !util.IsBlank(b[n:]) {
		return 0
	}
	return n
}

// innerTakes reports whether a closing line of n colons belongs to a block
// opened inside d: a section that n colons close, or a fenced code block.
// The blocks open inside d are those after it in the list of open blocks.
func innerTakes(d *Details, n int, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	for i := len(blocks) - 1; i >= 0 && blocks[i].Node != d; i-- {
		switch b := blocks[i].Node.(type) {
		case *Details:
			if !b.TooDeep && n >= b.Fence {
				return true
			}
		case *ast.FencedCodeBlock:
			return true
		}
	}
	return false
}

// depth counts the sections that hold n.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		if _, ok := n.(*Details); ok {
			d++
		}
	}
	return d
}

// summaryTransformer gives a section without a summary the summary
// "Details" (after inline parsing, which takes blocks' children for its
// own).
type summaryTransformer struct{}

func (summaryTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := n.(*DetailsSummary); ok && entering && !s.HasChildren() {
			s.AppendChild(s, ast.NewString([]byte("Details")))
		}
		if n.Type() == ast.TypeInline || n.Kind() == ast.KindParagraph || n.Kind() == KindDetailsSummary {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// detailsRenderer writes a section as <details> with its <summary> first.
// Browsers show it closed and open it on a click, with Enter or Space, on
// find in page and when a link names a heading inside it; the site needs
// no script for it.
type detailsRenderer struct{}

func (detailsRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindDetails, renderDetails)
	reg.Register(KindDetailsSummary, renderDetailsSummary)
}

func renderDetails(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	switch {
	case node.(*Details).TooDeep:
		return ast.WalkSkipChildren, nil
	case entering:
		_, _ = w.WriteString("<details>\n")
	default:
		_, _ = w.WriteString("</details>\n")
	}
	return ast.WalkContinue, nil
}

func renderDetailsSummary(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<summary>")
	} else {
		_, _ = w.WriteString("</summary>\n")
	}
	return ast.WalkContinue, nil
}

// details is the goldmark extension that adds ":::details" sections. Its
// priority puts it before the definition list parsers, which also start
// at ":" but want a space after it.
type details struct{}

func (details) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(detailsParser{}, 90)),
		parser.WithASTTransformers(util.Prioritized(summaryTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(detailsRenderer{}, 500)))
}

// containerDiags reports what went wrong with alerts and collapsible
// sections: a section never closed or nested too deeply (errors, at its
// opening fence), and a block quote that looks like a failed alert
// (a warning, at its marker; see alertProblem). Only blocks are visited.
func containerDiags(doc ast.Node, src []byte, lines lineIndex, diags *generator.Diagnostics) {
	deep := false // reported once: a runaway body would repeat it on every line
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Details:
			switch {
			case n.TooDeep && !deep:
				deep = true
				diags.Errorf(lines.pos(n.Offset), "collapsible sections are nested too deeply (at most %d levels)", maxDetails)
			case n.TooDeep:
			case !n.Closed:
				diags.Errorf(lines.pos(n.Offset), "%q is never closed: end the section with a line of %q (inside a list item, indented like the item's text)",
					string(bytes.TrimSpace(lineAt(src, n.Offset))), strings.Repeat(":", n.Fence))
			}
		case *ast.Blockquote:
			if off, msg := alertProblem(n, src); msg != "" {
				diags.Warnf(lines.pos(off), "%s", msg)
			}
		}
		if n.Type() == ast.TypeInline || n.Kind() == ast.KindParagraph {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// lineAt returns the rest of the source line that starts at off, at most
// 60 bytes of it (the quoted opening line of a message).
func lineAt(src []byte, off int) []byte {
	l := src[off:]
	if i := bytes.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	if len(l) > 60 {
		l = append(bytes.Clone(l[:57]), "..."...)
	}
	return l
}
