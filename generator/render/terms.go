package render

import (
	"html/template"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/glossary"
)

// glossaryIndex maps what templates name to entry ids: a concept or type
// by its id, a relation by "relation:" and its name (a relation named
// like a concept has another id).
func glossaryIndex(es []glossary.Entry) map[string]glossary.Entry {
	m := make(map[string]glossary.Entry, len(es)*2)
	for _, e := range es {
		if e.Kind == glossary.KindRelation {
			m["relation:"+strings.TrimPrefix(e.ID, "relation-")] = e
			continue
		}
		m[e.ID] = e
	}
	return m
}

// term links text to the glossary entry id from a page whose root is
// root: <a class="term" href="../glossary/#velocity">velocity</a>. Without
// such an entry (the site switched it off) it is the text alone. Text is
// escaped.
func (e *Engine) term(root, id, text string) template.HTML {
	if _, ok := e.glossary[id]; !ok {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	e.writeTerm(&b, root, id, text)
	return template.HTML(b.String())
}

// writeTerm writes what term returns, without a string of its own: the
// href's parts escaped one by one, which escapes as the whole would.
func (e *Engine) writeTerm(b *strings.Builder, root, id, text string) {
	g, ok := e.glossary[id]
	if !ok {
		b.WriteString(template.HTMLEscapeString(text))
		return
	}
	head, tail := generator.RelParts(root, glossary.URL)
	b.Grow(len(`<a class="term" href="#"></a>`) + len(head) + len(tail) + len(g.ID) + len(text))
	b.WriteString(`<a class="term" href="`)
	b.WriteString(template.HTMLEscapeString(head))
	b.WriteString(template.HTMLEscapeString(tail))
	b.WriteString("#")
	b.WriteString(template.HTMLEscapeString(g.ID))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(text))
	b.WriteString(`</a>`)
}

// relationTerm links a relation's label or inverse label to its entry.
func (e *Engine) relationTerm(root, name, text string) template.HTML {
	return e.term(root, "relation:"+name, text)
}
