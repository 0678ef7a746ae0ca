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
	t := template.HTMLEscapeString(text)
	g, ok := e.glossary[id]
	if !ok {
		return template.HTML(t)
	}
	return template.HTML(`<a class="term" href="` + template.HTMLEscapeString(generator.Rel(root, glossary.URL)+"#"+g.ID) + `">` + t + `</a>`)
}

// relationTerm links a relation's label or inverse label to its entry.
func (e *Engine) relationTerm(root, name, text string) template.HTML {
	return e.term(root, "relation:"+name, text)
}
