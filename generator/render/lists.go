package render

// The template functions that write what a partial's loop of actions
// wrote: a row or an item of a list for each element, escaped as
// html/template escapes in the same place (docs/themes.md lists them;
// render/html_test.go renders each against the actions it replaced).

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator/render/views"
)

// links writes entries as list items, each a link with the page's
// abbreviation: <li><a href="…">Title</a> <abbr class="abbr">CPO</abbr></li>.
// One call per list instead of several template actions per entry: the
// relation box, related pages and mentions of a large site hold tens of
// thousands of them. Text and URLs are escaped.
func links(es []views.Entry) template.HTML {
	var b strings.Builder
	b.Grow(linksSize(es)) // most have nothing to escape: one allocation
	writeLinks(&b, es)
	return template.HTML(b.String())
}

// linksSize is about what writeLinks writes of es: all of it when
// nothing needs escaping.
func linksSize(es []views.Entry) int {
	n := 0
	for _, e := range es {
		n += len(e.Href) + len(e.Title) + len(e.Abbr) + len(`<li><a href=""></a> <abbr class="abbr"></abbr></li>`)
	}
	return n
}

// writeLinks writes what links returns to b.
func writeLinks(b *strings.Builder, es []views.Entry) {
	for _, e := range es {
		b.WriteString(`<li><a href="`)
		b.WriteString(template.HTMLEscapeString(e.Href))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(e.Title))
		b.WriteString(`</a>`)
		if e.Abbr != "" {
			b.WriteString(` <abbr class="abbr">`)
			b.WriteString(template.HTMLEscapeString(e.Abbr))
			b.WriteString(`</abbr>`)
		}
		b.WriteString("</li>")
	}
}

// matrixRows writes the rows of a responsibility matrix (.Rows of
// .Matrices): the role or group linked, with its abbreviation, then a
// cell a column, each mark's symbol with its relation's label as an
// abbreviation's title.
func matrixRows(rows []views.MatrixRow) template.HTML {
	var b strings.Builder
	n := 0
	for _, r := range rows {
		n += len(r.Href) + len(r.Title) + len(r.Abbr) + 96 + 16*len(r.Cells)
		for _, c := range r.Cells {
			n += 48 * len(c)
		}
	}
	b.Grow(n)
	for _, r := range rows {
		b.WriteString(`<tr><th scope="row">`)
		writeLink(&b, r.Href, r.Title)
		writeIn(&b, ` <abbr class="abbr">`, r.Abbr, `</abbr>`)
		b.WriteString(`</th>`)
		for _, c := range r.Cells {
			b.WriteString(`<td>`)
			for i, m := range c {
				if i > 0 {
					b.WriteString(` `)
				}
				writeRaw(&b, `<abbr title="`, escHTML(m.Label), `">`)
				b.WriteString(escHTML(m.Symbol))
				b.WriteString(`</abbr>`)
			}
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	return template.HTML(b.String())
}

// treeNodes writes the traceability tree (.Tree): each item an <li>
// with its linked key and title, status, estimate and how much of it is
// done, and the items refined from it in a list of their own.
func (e *Engine) treeNodes(nodes []views.TreeNode) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(400 * len(nodes))
	e.writeTreeNodes(w, nodes)
	return w.result()
}

func (e *Engine) writeTreeNodes(w *htmlWriter, nodes []views.TreeNode) {
	for _, n := range nodes {
		w.WriteString(`<li><a href="`)
		w.WriteString(escHref(n.Href))
		w.WriteString(`">`)
		writeIn(&w.Builder, `<span class="key">`, n.Abbr, `</span> `)
		w.text(n.Title)
		w.WriteString(`</a> <span class="status s-`)
		w.text(n.Status)
		w.WriteString(`">`)
		w.text(n.Status)
		w.WriteString(`</span> <span class="tree-figures">`)
		w.t("n_pts", "n", n.Estimate)
		pct := strconv.Itoa(n.DonePct)
		writeRaw(&w.Builder, ` · <meter min="0" max="100" value="`, pct, `">`)
		w.WriteString(pct)
		w.WriteString(`%</meter> `)
		w.t("pct_done", "pct", n.DonePct)
		w.WriteString(`</span>`)
		if len(n.Children) > 0 {
			w.WriteString(`<ul>`)
			e.writeTreeNodes(w, n.Children)
			w.WriteString(`</ul>`)
		}
		w.WriteString(`</li>`)
	}
}

// textItems writes each of texts as an <li>, escaped: a list of plain
// lines such as an item's acceptance criteria.
func textItems(texts []string) template.HTML {
	n := 0
	for _, s := range texts {
		n += len(s) + len("<li></li>")
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range texts {
		writeRaw(&b, "<li>", escHTML(s), "</li>")
	}
	return template.HTML(b.String())
}

// facts writes a facts list's rows, <div><dt>label</dt><dd>value</dd></div>
// each, the label linked to its glossary entry as term links it, the
// value to its page: what the default theme's range over .Page.Facts
// wrote, in one call instead of a dozen actions a row.
func (e *Engine) facts(root string, fs []views.Fact) template.HTML {
	var b strings.Builder
	n := 0
	for _, f := range fs {
		n += len(f.Label) + len(f.Value) + len(f.Href) + 96 // with a glossary link's
	}
	b.Grow(n)
	for _, f := range fs {
		b.WriteString("<div><dt>")
		if f.Term != "" {
			e.writeTerm(&b, root, f.Term, f.Label)
		} else {
			b.WriteString(escHTML(f.Label))
		}
		b.WriteString("</dt><dd>")
		if f.URL != "" {
			writeLink(&b, f.Href, f.Value)
		} else {
			b.WriteString(escHTML(f.Value))
		}
		b.WriteString("</dd></div>")
	}
	return template.HTML(b.String())
}

// relatedTable writes the head and body of the related-pages table: a
// column for each type, headed by its title, holding the pages related
// to the page (as links writes them), then other pages of its level,
// then the link to the rest: what the default theme's two ranges over
// .Page.Related wrote, in one call instead of a dozen actions a column.
func relatedTable(cols []views.RelatedColumn) template.HTML {
	n := len("<thead><tr></tr></thead><tbody><tr></tr></tbody>")
	for _, c := range cols {
		n += 2*len(c.Title) + 120 + linksSize(c.Related) + linksSize(c.Others)
		if c.More != nil {
			n += len(c.More.Href) + len(c.More.Title) + 40
		}
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString("<thead><tr>")
	for _, c := range cols {
		b.WriteString(`<th scope="col">`)
		b.WriteString(escHTML(c.Title))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead><tbody><tr>")
	for _, c := range cols {
		b.WriteString(`<td data-label="`)
		b.WriteString(escHTML(c.Title))
		b.WriteString(`">`)
		if len(c.Related) > 0 {
			b.WriteString(`<ul class="related-direct">`)
			writeLinks(&b, c.Related)
			b.WriteString("</ul>")
		}
		b.WriteString("\n")
		if len(c.Others) > 0 {
			b.WriteString(`<ul class="related-level">`)
			writeLinks(&b, c.Others)
			b.WriteString("</ul>")
		}
		b.WriteString("\n")
		if c.More != nil {
			b.WriteString(`<p class="more">`)
			writeLink(&b, c.More.Href, c.More.Title)
			b.WriteString("</p>")
		}
		b.WriteString("</td>")
	}
	b.WriteString("</tr></tbody>")
	return template.HTML(b.String())
}

// crumbs writes breadcrumbs as list items: a link for each that has a
// URL, the current page's title (marked aria-current) for the one
// without; escaped as html/template escapes.
func crumbs(ls []views.Link) template.HTML {
	var b strings.Builder
	n := 0
	for _, l := range ls {
		n += len(l.Title) + len(l.Href) + 32
	}
	b.Grow(n)
	for _, l := range ls {
		if l.URL != "" {
			b.WriteString("<li>")
			writeLink(&b, l.Href, l.Title)
			b.WriteString("</li>")
		} else {
			b.WriteString(`<li><span aria-current="page">`)
			b.WriteString(escHTML(l.Title))
			b.WriteString("</span></li>")
		}
	}
	return template.HTML(b.String())
}

// entryList writes a list of page entries as <li> items: the linked
// title, the abbreviation, a badge and the summary, each where there is
// one; escaped as html/template escapes.
func entryList(es []views.Entry) template.HTML {
	var b strings.Builder
	n := 0
	for _, e := range es {
		n += len(e.Href) + len(e.Title) + len(e.Abbr) + len(e.Badge) + len(e.Summary) + 96
	}
	b.Grow(n)
	for _, e := range es {
		b.WriteString("<li>")
		writeLink(&b, e.Href, e.Title)
		writeIn(&b, ` <abbr class="abbr">`, e.Abbr, "</abbr>")
		writeIn(&b, ` <span class="badge">`, e.Badge, "</span>")
		writeIn(&b, `<span class="summary">`, e.Summary, "</span>")
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// relations writes the rows of a page's relation box, <div class="rel">
// with the relation's label (linked to its glossary entry as relterm
// links it) and its pages as links writes them, in one call.
func (e *Engine) relations(root string, gs []views.RelationGroup) template.HTML {
	var b strings.Builder
	n := 0
	for _, g := range gs {
		n += len(g.Label) + 128 + linksSize(g.Pages)
	}
	b.Grow(n)
	for _, g := range gs {
		if g.Inverse {
			b.WriteString(`<div class="rel inverse"><dt>`)
		} else {
			b.WriteString(`<div class="rel"><dt>`)
		}
		b.WriteString(string(e.relationTerm(root, g.Name, g.Label)))
		b.WriteString("</dt><dd><ul>")
		writeLinks(&b, g.Pages)
		b.WriteString("</ul></dd></div>")
	}
	return template.HTML(b.String())
}

// backlogRows writes the rows of a backlog's ranking table, with the
// line where the refinement horizon ends: what the default theme's range
// over .Rows wrote, in one call instead of some forty actions a row.
func (e *Engine) backlogRows(root string, bv *views.BacklogView) template.HTML {
	var b strings.Builder
	b.Grow(len(bv.Rows) * 900)
	for _, r := range bv.Rows {
		b.WriteString(`<tr`)
		writeFilterData(&b, r)
		if r.Done || r.Dropped {
			b.WriteString(`" class="closed`)
		}
		b.WriteString(`"><td class="num rank">`)
		b.WriteString(strconv.Itoa(r.Rank))
		if !r.Ranked {
			b.WriteString(`<span class="unranked" title="`)
			b.WriteString(e.words.unranked)
			b.WriteString(`">*</span>`)
		}
		b.WriteString(`</td><td class="key">`)
		b.WriteString(escHTML(r.Key))
		b.WriteString(`</td><td class="card-title">`)
		writeLink(&b, r.Href, r.Title)
		b.WriteString(`</td><td class="kind">`)
		b.WriteString(escHTML(r.Kind))
		b.WriteString(`</td><td class="state"><span class="status s-`)
		b.WriteString(escHTML(r.Status))
		b.WriteString(`">`)
		b.WriteString(escHTML(r.Status))
		writeRaw(&b, `</span></td><td class="num" data-label="`, e.words.value, `">`)
		b.WriteString(escHTML(r.Value))
		writeRaw(&b, `</td><td class="num" data-label="`, e.words.estimate, `">`)
		b.WriteString(escHTML(r.Estimate))
		writeRaw(&b, `</td><td class="num" data-label="`, e.words.priority, `">`)
		b.WriteString(escHTML(r.Priority))
		writeRaw(&b, `</td><td class="num forecast" data-label="`, e.words.iteration, `">`)
		b.WriteString(escHTML(r.Forecast))
		writeRaw(&b, `</td><td data-label="`, e.words.release, `">`)
		if r.ReleaseHref != "" {
			writeLink(&b, r.ReleaseHref, r.ReleaseTitle)
		}
		b.WriteString(`</td><td class="state">`)
		e.writeReadiness(&b, r)
		b.WriteString(`</td></tr>`)
		if r.Rank == bv.HorizonAfter {
			b.WriteString(`<tr class="horizon-line" aria-hidden="false"><td colspan="11">`)
			b.WriteString(strings.Replace(e.words.endOf, "{horizon}", string(e.term(root, "horizon", e.words.horizon)), 1))
			b.WriteString(` `)
			b.WriteString(escHTML(bv.HorizonText))
			b.WriteString(`</td></tr>`)
		}
	}
	return template.HTML(b.String())
}

// writeFilterData writes the attributes a backlog's filters read from a
// row or card, leaving the last one's quote open for a class to follow.
func writeFilterData(b *strings.Builder, r views.BacklogRow) {
	b.WriteString(` data-kind="`)
	b.WriteString(escHTML(r.Kind))
	b.WriteString(`" data-status="`)
	b.WriteString(escHTML(r.Status))
	b.WriteString(`" data-release="`)
	b.WriteString(escHTML(r.Release))
	b.WriteString(`" data-tag="`)
	b.WriteString(escHTML(r.TagData))
}

// boardCards writes the cards of a column of a backlog's board: one <li>
// each, with the row's data- attributes for the filters, its key, linked
// title and readiness badge, as the default theme's actions wrote them.
func (e *Engine) boardCards(cards []views.BacklogRow) template.HTML {
	var b strings.Builder
	b.Grow(len(cards) * 300)
	for _, r := range cards {
		b.WriteString(`<li`)
		writeFilterData(&b, r)
		b.WriteString(`"><span class="key">`)
		b.WriteString(escHTML(r.Key))
		b.WriteString(`</span> `)
		writeLink(&b, r.Href, r.Title)
		b.WriteString(` `)
		e.writeReadiness(&b, r)
		b.WriteString(`</li>`)
	}
	return template.HTML(b.String())
}

// writeReadiness writes a row's readiness badge as the default theme's
// "readiness" partial did before backlogRows and boardCards wrote it.
func (e *Engine) writeReadiness(b *strings.Builder, r views.BacklogRow) {
	w := &e.words
	switch {
	case r.Done || r.Dropped:
	case r.Ready:
		writeRaw(b, `<span class="badge ready">`, w.ready, `</span>`)
	case r.InHorizon:
		writeRaw(b, `<span class="badge refine" title="`, w.missing, ` `)
		b.WriteString(escHTML(r.Missing))
		writeRaw(b, `">`, w.refine, `</span>`)
	default:
		writeRaw(b, `<span class="badge coarse" title="`, w.missing, ` `)
		b.WriteString(escHTML(r.Missing))
		writeRaw(b, `">`, w.coarse, `</span>`)
	}
}
