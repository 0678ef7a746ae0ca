package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator/render/views"
)

// The item's standing and its forecast are written by Go, not by the
// partial's actions: every backlog item's page has them, most pages of a
// site are items, and the partial's three dozen actions cost more than
// the rest of an item's page (docs/benchmarks.md). They write the bytes
// the default theme's item partial wrote, escaped as html/template
// escaped them there.

// itemFacts writes the rows of an item's standing: rank, priority,
// forecast iteration, when it is likely done (or why that is not known),
// readiness and target release, as
// <div><dt>label</dt><dd>value</dd></div> each; the labels of the
// glossary's concepts linked to their entries. root is the page's.
func (e *Engine) itemFacts(root string, it *views.ItemView) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(1024)
	w.WriteString("<div><dt>")
	w.t("rank")
	w.WriteString("</dt><dd>")
	w.WriteString(strconv.Itoa(it.Rank))
	if !it.Ranked {
		w.WriteString(" (")
		w.t("by_priority")
		w.WriteString(")")
	}
	w.WriteString("</dd></div><div><dt>")
	w.term(root, "priority", "priority")
	w.WriteString("</dt><dd>")
	w.text(it.Priority)
	w.WriteString("</dd></div>")
	if it.Forecast != "" {
		w.WriteString("<div><dt>")
		w.term(root, "forecast", "forecast")
		w.WriteString("</dt><dd>")
		w.t("iteration_n", "n", it.Forecast)
		if it.ForecastEnd != "" {
			w.WriteString(`<span class="forecast-end">, `)
			w.t("ends_about", "date", it.ForecastEnd)
			w.WriteString("</span>")
		}
		w.WriteString("</dd></div>")
	}
	w.WriteString("\n")
	if it.Likely != nil {
		w.WriteString(`<div class="likely-fact"><dt>`)
		w.term(root, "forecast", "likely_done")
		w.WriteString("</dt><dd>")
		w.likelyDays(it.Likely)
		w.WriteString("</dd></div>")
	} else if it.NoForecast != "" {
		w.WriteString(`<div class="likely-fact"><dt>`)
		w.term(root, "forecast", "likely_done")
		w.WriteString(`</dt><dd class="no-forecast">`)
		w.t("no_forecast_because", "why", it.NoForecast)
		w.WriteString("</dd></div>")
	}
	w.WriteString("<div><dt>")
	w.term(root, "readiness", "readiness")
	w.WriteString("</dt><dd>")
	w.readiness(it)
	w.WriteString("</dd></div>")
	if it.Release != nil {
		w.release(it)
	}
	return w.result()
}

// readiness writes whether an item is done, dropped, ready or what it
// still lacks.
func (w *htmlWriter) readiness(it *views.ItemView) {
	switch {
	case it.Done:
		w.t("done")
	case it.Dropped:
		w.t("dropped")
	case it.Ready:
		w.WriteString(`<span class="badge ready">`)
		w.t("ready")
		w.WriteString("</span>")
	default:
		if it.InHorizon {
			w.WriteString(`<span class="badge refine">`)
			w.t("needs_refinement")
		} else {
			w.WriteString(`<span class="badge coarse">`)
			w.t("not_ready_yet")
		}
		w.WriteString("</span>")
		if len(it.Missing) > 0 {
			w.WriteString(` <span class="missing">`)
			w.t("missing")
			w.WriteString(" ")
			for i, m := range it.Missing {
				if i > 0 {
					w.WriteString(", ")
				}
				w.text(m)
			}
			w.WriteString("</span>")
		}
	}
}

// release writes the row of the release an item targets: its link and
// status, and whether the item is at risk of missing it or on track.
func (w *htmlWriter) release(it *views.ItemView) {
	w.WriteString(`<div class="release-fact"><dt>`)
	w.t("release")
	w.WriteString(`</dt><dd><a href="`)
	w.WriteString(escHref(it.Release.Href))
	w.WriteString(`">`)
	w.text(it.Release.Title)
	w.WriteString(`</a> <span class="status rs-`)
	w.text(it.ReleaseStatus)
	w.WriteString(`">`)
	w.text(it.ReleaseStatus)
	w.WriteString("</span>")
	switch {
	case it.Risk != "":
		w.WriteString(` <span class="badge risk">`)
		w.t("at_risk")
		w.WriteString(`</span> <span class="risk-reason">`)
		w.text(it.Risk)
		w.WriteString("</span>")
	case (it.ForecastEnd != "" || it.Likely != nil && it.Likely.Probability != "") && !it.Done && !it.Dropped:
		w.WriteString(` <span class="badge ready">`)
		w.t("on_track")
		w.WriteString("</span>")
		if l := it.Likely; l != nil && l.Probability != "" {
			w.WriteString(` <span class="likely-by-end">`)
			w.t("pct_likely_by", "pct", l.Probability, "date", l.End)
			w.WriteString("</span>")
		}
	}
	w.WriteString("</dd></div>")
}

// likelyDays writes when l's work is likely done: one day, or each
// percentile's, and what the forecast stands on.
func (w *htmlWriter) likelyDays(l *views.Likely) {
	if l.Single != "" {
		w.t("by_date", "date", l.Single)
	} else {
		for i, d := range l.Days {
			if i > 0 {
				w.WriteString(" · ")
			}
			w.WriteString(`<span class="likely-day">`)
			if d.Date != "" {
				w.t("pct_likely_by", "pct", d.Pct, "date", d.Date)
			} else {
				w.t("pct_likely_beyond", "pct", d.Pct)
			}
			w.WriteString("</span>")
		}
	}
	w.WriteString(` <span class="basis">(`)
	w.text(l.BasisText)
	w.WriteString(")</span>")
}

// likelyDays is the template function of htmlWriter.likelyDays.
func (e *Engine) likelyDays(l *views.Likely) (template.HTML, error) {
	w := e.htmlWriter()
	w.likelyDays(l)
	return w.result()
}

// chainLinks writes the items an item was refined from (.Page.Item.Chain),
// top-level first, as <li> links with their keys before their titles.
func chainLinks(chain []views.Entry) template.HTML {
	var b strings.Builder
	b.Grow(160 * len(chain))
	for _, c := range chain {
		b.WriteString(`<li><a href="`)
		b.WriteString(escHref(c.Href))
		b.WriteString(`">`)
		if c.Abbr != "" {
			b.WriteString(escHTML(c.Abbr))
			b.WriteString(` `)
		}
		b.WriteString(escHTML(c.Title))
		b.WriteString(`</a></li>`)
	}
	return template.HTML(b.String())
}

// childRows writes the rows of the table of the items refined from an
// item (.Page.Item.Children): the linked key and title, the status, the
// estimate and how much of it is done, as a meter and a percentage.
func (e *Engine) childRows(children []views.ChildRow) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(480 * len(children))
	estimate, done := w.attrT("estimate"), w.attrT("done_column")
	for _, c := range children {
		w.WriteString(`<tr><td class="card-title"><a href="`)
		w.WriteString(escHref(c.Href))
		w.WriteString(`">`)
		if c.Abbr != "" {
			w.WriteString(`<span class="key">`)
			w.text(c.Abbr)
			w.WriteString(`</span> `)
		}
		w.text(c.Title)
		w.WriteString(`</a></td><td><span class="status s-`)
		w.text(c.Status)
		w.WriteString(`">`)
		w.text(c.Status)
		writeRaw(&w.Builder, `</span></td><td class="num" data-label="`, estimate, `">`)
		w.text(c.Estimate)
		writeRaw(&w.Builder, `</td><td data-label="`, done, `"><meter min="0" max="100" value="`)
		pct := strconv.Itoa(c.DonePct)
		writeRaw(&w.Builder, pct, `">`, pct)
		writeRaw(&w.Builder, `%</meter> `, pct, `%</td></tr>`)
	}
	return w.result()
}
