package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator/render/views"
)

// scopeRows writes the rows of a release's scope table (.Page.Release.Scope):
// each item linked with its key, its backlog, rank, status, readiness,
// estimate, when it is likely done and why it is at risk, with the
// data-labels narrow screens show, marked at risk or closed.
func (e *Engine) scopeRows(rows []views.ScopeRow) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(720 * len(rows))
	backlog, rank, estimate, forecast := w.attrT("backlog"), w.attrT("rank"), w.attrT("estimate"), w.attrT("forecast")
	missing := w.attrT("missing")
	for _, r := range rows {
		switch {
		case r.Risk != "":
			w.WriteString(`<tr class="at-risk">`)
		case r.Done || r.Dropped:
			w.WriteString(`<tr class="closed">`)
		default:
			w.WriteString(`<tr>`)
		}
		w.WriteString(`<td class="card-title"><a href="`)
		w.WriteString(escHref(r.Href))
		w.WriteString(`"><span class="key">`)
		w.text(r.Key)
		w.WriteString(`</span> `)
		w.text(r.Title)
		writeRaw(&w.Builder, `</a></td><td data-label="`, backlog, `">`)
		if r.BacklogHref != "" {
			writeLink(&w.Builder, r.BacklogHref, r.Backlog)
		}
		writeRaw(&w.Builder, `</td><td class="num" data-label="`, rank, `">`)
		w.WriteString(strconv.Itoa(r.Rank))
		w.WriteString(`</td><td><span class="status s-`)
		w.text(r.Status)
		w.WriteString(`">`)
		w.text(r.Status)
		w.WriteString(`</span></td><td>`)
		switch {
		case r.Done:
			w.t("done")
		case r.Dropped:
			w.t("dropped")
		case r.Ready:
			w.WriteString(`<span class="badge ready">`)
			w.t("ready")
			w.WriteString(`</span>`)
		default:
			writeRaw(&w.Builder, `<span class="badge coarse" title="`, missing, ` `)
			w.text(r.Missing)
			w.WriteString(`">`)
			w.t("not_ready")
			w.WriteString(`</span>`)
		}
		writeRaw(&w.Builder, `</td><td class="num" data-label="`, estimate, `">`)
		w.text(r.Estimate)
		writeRaw(&w.Builder, `</td><td data-label="`, forecast, `">`)
		if r.LikelyBy != "" {
			w.text(r.LikelyBy)
		} else if r.ForecastEnd != "" {
			w.t("by_date", "date", r.ForecastEnd)
		}
		w.WriteString(`</td><td class="risk-cell">`)
		if r.Risk != "" {
			w.WriteString(`<span class="badge risk">`)
			w.t("at_risk")
			w.WriteString(`</span> <span class="risk-reason">`)
			w.text(r.Risk)
			w.WriteString(`</span>`)
		}
		w.WriteString(`</td></tr>`)
	}
	return w.result()
}

// noteItems writes the items of a group of a release's notes (.Items of
// .Page.Release.Notes): each linked with its key, then its summary.
func noteItems(items []views.Entry) template.HTML {
	var b strings.Builder
	n := 0
	for _, it := range items {
		n += len(it.Href) + len(it.Abbr) + len(it.Title) + len(it.Summary) + 64
	}
	b.Grow(n)
	for _, it := range items {
		b.WriteString(`<li><a href="`)
		b.WriteString(escHref(it.Href))
		b.WriteString(`"><span class="key">`)
		b.WriteString(escHTML(it.Abbr))
		b.WriteString(`</span> `)
		b.WriteString(escHTML(it.Title))
		b.WriteString(`</a>`)
		writeIn(&b, `: `, it.Summary, ``)
		b.WriteString(`</li>`)
	}
	return template.HTML(b.String())
}
