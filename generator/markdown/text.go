package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// maxText caps the plain text kept of one body, for the search index: a
// page's first 64 KiB of text say what it is about.
const maxText = 64 << 10

// bodyText is the text a reader sees in a parsed body: its words, code
// included, with blocks on lines of their own and no markup or raw HTML.
func bodyText(doc ast.Node, src []byte) string {
	var b strings.Builder
	b.Grow(min(len(src), maxText)) // the text is about as long as the source, less its markup
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
		return writeInline(&b, n, src, true), nil
	})
	text := strings.TrimSpace(b.String())
	if b.Cap()-len(text) > len(text)/8 {
		// The text stays in memory until the search index is built:
		// keep it without the room the markup left.
		text = strings.Clone(text)
	}
	return text
}

// writeInline writes the text a reader sees of the inline node n (which
// the walk is entering) to b, and says how the walk goes on: raw HTML,
// and images unless withImages, are skipped; a wiki link is its label.
func writeInline(b *strings.Builder, n ast.Node, src []byte, withImages bool) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(textValue(n, src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		b.Write(textValue(n, src))
	case *ast.RawHTML:
		return ast.WalkSkipChildren
	case *ast.Image:
		if !withImages {
			return ast.WalkSkipChildren
		}
	case *WikiLink:
		b.WriteString(n.Label)
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// textValue is the text a reader sees of a Text or String node, as
// goldmark's HTML renderer writes it but unescaped: backslash escapes
// and entity references are resolved ("\\*" is "*", "&amp;" is "&"), except
// in code spans, and the typographer's substitutions, which it stores as
// HTML ("&ldquo;"), become the characters they stand for.
func textValue(n ast.Node, src []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(src)
		if n.IsRaw() || inCodeSpan(n) {
			return v
		}
		return resolveText(v)
	case *ast.String:
		switch {
		case n.IsCode():
			return []byte(html.UnescapeString(string(n.Value)))
		case n.IsRaw():
			return n.Value
		}
		return resolveText(n.Value)
	}
	return nil
}

// resolveText resolves backslash escapes and entity references in a copy
// of v.
func resolveText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v // nothing to resolve: most text
	}
	v = util.UnescapePunctuations(bytes.Clone(v))
	return util.ResolveEntityNames(util.ResolveNumericReferences(v))
}

func inCodeSpan(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.CodeSpan); ok {
			return true
		}
	}
	return false
}

func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}
