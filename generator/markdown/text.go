package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// maxText caps the plain text kept of one body, for the search index: a
// page's first 64 KiB of text say what it is about.
const maxText = 64 << 10

// bodyText is the text a reader sees in a parsed body: its words, code
// included, with blocks on lines of their own and no markup or raw HTML.
func bodyText(doc ast.Node, src []byte) string {
	var b strings.Builder
	newline := func() {
		if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b.Len() > maxText {
			return ast.WalkStop, nil
		}
		if n.Type() == ast.TypeBlock {
			newline()
			if entering && isCode(n) {
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					b.Write(seg.Value(src))
				}
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *WikiLink:
			b.WriteString(n.Label)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}
