package corpus

import (
	"math/rand/v2"
	"strings"
)

// body writes page i's Markdown: an introduction, one or two ## sections
// with a paragraph, a list and sometimes a table or a fenced code block,
// and the links that no sentence took in a closing line.
func (pl *plan) body(r *rand.Rand, i int) string {
	p := pl.pages[i]
	w := &bodyWriter{r: r, st: styleOf(p.typ), links: pl.links(r, i), vars: pl.vars(p)}
	w.paragraph(between(r, 2, 4))
	heads := sample(r, w.st.headings, between(r, 1, 2))
	w.heading(heads[0])
	w.paragraph(between(r, 1, 3))
	w.list(between(r, 3, 5))
	if len(w.st.columns) > 0 && chance(r, 0.3) {
		w.table(between(r, 2, 4))
	}
	if len(heads) > 1 {
		w.heading(heads[1])
		w.paragraph(between(r, 1, 3))
		if w.st.lang != "" && chance(r, 0.25) {
			w.code(between(r, 2, 5))
		}
	}
	w.closing()
	return w.b.String()
}

// vars are the slot values a page sets for its own prose.
func (pl *plan) vars(p *page) map[string]string {
	v := map[string]string{"It": "This " + p.typ, "level": p.level}
	switch {
	case p.item != nil:
		v["Source"] = "The " + p.item.source
	case p.release != nil:
		v["system"] = strings.ToLower(p.release.system.name)
		v["variant"] = p.release.variant
	}
	return v
}

// bodyWriter writes a body in a style, handing out its links one by one.
type bodyWriter struct {
	r     *rand.Rand
	st    *style
	links []string
	vars  map[string]string
	b     strings.Builder
}

func (w *bodyWriter) heading(text string) {
	w.b.WriteString("## " + text + "\n\n")
}

// paragraph writes n different sentences, about one in three carrying a
// link.
func (w *bodyWriter) paragraph(n int) {
	for k, tmpl := range sample(w.r, w.st.sentences, n) {
		if k > 0 {
			w.b.WriteByte(' ')
		}
		if len(w.links) > 0 && chance(w.r, 0.35) {
			tmpl = pick(w.r, linkSentences)
			w.vars["link"] = w.next()
		}
		w.b.WriteString(sentence(w.r, tmpl, w.vars))
	}
	w.b.WriteString("\n\n")
}

// list writes n different items (fewer if the style has fewer), some
// ending with a link.
func (w *bodyWriter) list(n int) {
	for _, tmpl := range sample(w.r, w.st.items, n) {
		w.b.WriteString("- " + sentence(w.r, tmpl, w.vars))
		if len(w.links) > 0 && chance(w.r, 0.25) {
			w.b.WriteString(" (" + w.next() + ")")
		}
		w.b.WriteString(".\n")
	}
	w.b.WriteString("\n")
}

// table writes a table of n rows without links, whose | would split cells.
func (w *bodyWriter) table(n int) {
	rule := make([]string, len(w.st.columns))
	for i := range rule {
		rule[i] = "---"
	}
	w.row(w.st.columns)
	w.row(rule)
	for range n {
		cells := make([]string, len(w.st.cells))
		for i, c := range w.st.cells {
			cells[i] = sentence(w.r, c, w.vars)
		}
		w.row(cells)
	}
	w.b.WriteString("\n")
}

func (w *bodyWriter) row(cells []string) {
	w.b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

// code writes a fenced code block of n lines.
func (w *bodyWriter) code(n int) {
	w.b.WriteString("```" + w.st.lang + "\n")
	for range n {
		w.b.WriteString(fill(w.r, pick(w.r, w.st.code), w.vars) + "\n")
	}
	w.b.WriteString("```\n\n")
}

// closing writes the links no sentence took.
func (w *bodyWriter) closing() {
	if len(w.links) == 0 {
		return
	}
	w.b.WriteString("Related: " + andList(w.links) + ".\n")
	w.links = nil
}

func (w *bodyWriter) next() string {
	l := w.links[0]
	w.links = w.links[1:]
	return l
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
