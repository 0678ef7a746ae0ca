package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/backlight-wiki/backlight/generator"
)

// KindAlert is the AST kind of a GitHub-style alert; KindAlertTitle that
// of its title.
var (
	KindAlert      = ast.NewNodeKind("Alert")
	KindAlertTitle = ast.NewNodeKind("AlertTitle")
)

// Alert is a block quote whose first line was a "[!NOTE]" marker (or
// TIP, IMPORTANT, WARNING, CAUTION). Its first child is its AlertTitle;
// the block quote's other content follows.
type Alert struct {
	ast.BaseBlock
	Callout string // lower-case kind: "note", "tip", "important", "warning" or "caution"
}

// Kind implements ast.Node.
func (n *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (n *Alert) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Callout": n.Callout}, nil)
}

// AlertTitle is an alert's title, held as a String child so that the
// plain text for search reads it like any other block.
type AlertTitle struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (n *AlertTitle) Kind() ast.NodeKind { return KindAlertTitle }

// Dump implements ast.Node.
func (n *AlertTitle) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// alertTitle returns the title of an upper-case alert kind, or "" when
// GitHub knows no such kind.
func alertTitle(kind string) string {
	switch kind {
	case "NOTE":
		return "Note"
	case "TIP":
		return "Tip"
	case "IMPORTANT":
		return "Important"
	case "WARNING":
		return "Warning"
	case "CAUTION":
		return "Caution"
	}
	return ""
}

// alertKinds lists the kinds, for messages.
func alertKinds() []string { return []string{"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"} }

// alertMarker reads the first line of a block quote's first paragraph.
// found is true when it starts with "[!" and ASCII letters and "]"; kind
// is those letters in upper case and rest what follows on the line.
func alertMarker(line []byte) (kind string, rest []byte, found bool) {
	line = bytes.TrimLeft(line, " \t")
	if !bytes.HasPrefix(line, []byte("[!")) {
		return "", nil, false
	}
	i := 2
	for i < len(line) && (line[i] >= 'a' && line[i] <= 'z' || line[i] >= 'A' && line[i] <= 'Z') {
		i++
	}
	if i == 2 || i >= len(line) || line[i] != ']' {
		return "", nil, false
	}
	return strings.ToUpper(string(line[2:i])), bytes.TrimSpace(line[i+1:]), true
}

// firstLine returns the first source line of a block quote whose first
// child is a paragraph, and that paragraph.
func firstLine(q *ast.Blockquote) (text.Segment, *ast.Paragraph, bool) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return text.Segment{}, nil, false
	}
	return p.Lines().At(0), p, true
}

// alertTransformer turns the block quotes that GitHub shows as alerts into
// Alert nodes: the marker must stand alone on the quote's first line, and
// something must follow it. Any other block quote stays one (the
// diagnostics say why when it looks like a failed alert; see
// containerDiags).
type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if q, ok := n.(*ast.Blockquote); ok {
			quotes = append(quotes, q)
		}
		if n.Type() == ast.TypeInline || n.Kind() == ast.KindParagraph {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes { // changed after the walk, which a replaced node would end
		toAlert(q, src)
	}
}

// toAlert replaces q by an Alert when it is one.
func toAlert(q *ast.Blockquote, src []byte) {
	line, p, ok := firstLine(q)
	if !ok {
		return
	}
	kind, rest, found := alertMarker(line.Value(src))
	title := alertTitle(kind)
	if !found || len(rest) > 0 || title == "" || (p.Lines().Len() == 1 && p.NextSibling() == nil) {
		return
	}
	// The marker's inline nodes are plain text ("[", "!NOTE", "]"); a
	// link reference definition named "!note" would make it a link, which
	// is left alone.
	var marker []ast.Node
	var seen []byte
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Stop > line.Stop {
			break
		}
		marker = append(marker, c)
		seen = append(seen, t.Segment.Value(src)...)
	}
	if !bytes.Equal(bytes.TrimSpace(seen), bytes.TrimSpace(line.Value(src))) {
		return
	}
	for _, c := range marker {
		p.RemoveChild(p, c)
	}
	if p.ChildCount() == 0 {
		q.RemoveChild(q, p)
	}
	a := &Alert{Callout: strings.ToLower(kind)}
	a.SetBlankPreviousLines(q.HasBlankPreviousLines())
	t := &AlertTitle{}
	t.AppendChild(t, ast.NewString([]byte(title)))
	a.AppendChild(a, t)
	for c := q.FirstChild(); c != nil; {
		next := c.NextSibling()
		a.AppendChild(a, c) // AppendChild takes c out of q first
		c = next
	}
	q.Parent().ReplaceChild(q.Parent(), q, a)
}

// alertRenderer writes an alert as a note with a text title:
//
//	<div class="callout callout-tip" role="note">
//	<p class="callout-title">Tip</p>
//	…
//	</div>
//
// The kind is named in words, so it does not rest on colour; an icon, if
// a theme wants one, belongs in its stylesheet.
type alertRenderer struct{}

func (alertRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, renderAlert)
	reg.Register(KindAlertTitle, renderAlertTitle)
}

func renderAlert(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="callout callout-`)
	_, _ = w.WriteString(node.(*Alert).Callout) // one of five fixed words
	_, _ = w.WriteString("\" role=\"note\">\n")
	return ast.WalkContinue, nil
}

func renderAlertTitle(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<p class="callout-title">`)
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// alerts is the goldmark extension that turns "> [!NOTE]" block quotes
// into alerts.
type alerts struct{}

func (alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(alertRenderer{}, 500)))
}

// alertProblem says why a block quote that starts with a "[!…]" marker
// is not an alert, with the marker's offset; msg is "" for a quote
// without one, and for one whose marker is a link.
func alertProblem(q *ast.Blockquote, src []byte) (off int, msg string) {
	line, p, ok := firstLine(q)
	if !ok {
		return 0, ""
	}
	kind, rest, found := alertMarker(line.Value(src))
	switch {
	case !found:
		return 0, ""
	case alertTitle(kind) == "":
		return line.Start, fmt.Sprintf("[!%s] is not an alert kind, so this block quote stays one (the kinds are %s)%s",
			kind, strings.Join(alertKinds(), ", "), generator.DidYouMean(kind, alertKinds()))
	case len(rest) > 0:
		return line.Start, fmt.Sprintf("[!%s] makes an alert only alone on the block quote's first line: start the text on the next line", kind)
	case p.Lines().Len() == 1 && p.NextSibling() == nil:
		return line.Start, fmt.Sprintf("[!%s] makes an alert only with text after it: this block quote stays one", kind)
	}
	return 0, ""
}
