package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// maxLead caps the text kept of a body's lead: a page's description needs
// its first sentence or two.
const maxLead = 600

// minLeadWords is the number of words from which a paragraph without a
// sentence's end is read as prose rather than a heading set in bold
// ("**Purpose**").
const minLeadWords = 4

// bodyLead is the plain text of a body's first paragraph of prose: the
// first paragraph outside quotes, notes and tables that ends a sentence
// or has a few words. It is "" when the body has none.
func bodyLead(doc ast.Node, src []byte) string {
	lead := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Blockquote, *Alert, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			if t := inlineText(n, src); isProse(t) {
				lead = t
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return lead
}

// inlineText is the text a reader sees of a block's inline content, on
// one line, without images.
func inlineText(block ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == block {
			return ast.WalkContinue, nil
		}
		if b.Len() > maxLead {
			return ast.WalkStop, nil
		}
		return writeInline(&b, n, src, false), nil
	})
	// A copy, not the builder's bytes: the lead is kept until the page is
	// written, and the builder's buffer has grown past its length.
	return strings.Join(strings.Fields(b.String()), " ")
}

// isProse reports whether a paragraph's text reads as prose, not as a
// heading.
func isProse(t string) bool {
	if t == "" {
		return false
	}
	return strings.ContainsAny(t[len(t)-1:], ".!?:;…") || len(strings.Fields(t)) >= minLeadWords
}
