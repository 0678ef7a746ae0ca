package render

import (
	"html/template"
	"strings"

	"github.com/backlight-wiki/backlight/generator/render/views"
)

// pageHead writes what a content page's header holds: the note that it
// is not yet translated, the kicker (its type and level), the title with
// its abbreviation, the summary and the tags. It writes the bytes the
// default theme's pagehead partial wrote with a dozen actions and three
// a tag, escaped as html/template escaped them there: every content
// page has one.
func (e *Engine) pageHead(p *views.PageView) (template.HTML, error) {
	w := e.htmlWriter()
	w.Grow(512 + len(p.Title) + len(p.Summary) + 96*len(p.Tags))
	if p.TextLang != "" {
		w.WriteString(`<p class="notice untranslated">`)
		w.t("not_yet_translated")
		w.WriteString(` <a href="`)
		w.WriteString(escHref(p.Original))
		w.WriteString(`" hreflang="`)
		w.text(p.TextLang)
		w.WriteString(`">`)
		w.t("read_original")
		w.WriteString(`</a></p>`)
	}
	w.WriteString(`<p class="kicker">`)
	writeLink(&w.Builder, p.TypeHref, p.TypeLabel)
	if p.Level != nil {
		w.WriteString(` · <a href="`)
		w.WriteString(escHref(p.Level.Href))
		w.WriteString(`">`)
		w.t("level_of", "level", p.Level.Title)
		w.WriteString(`</a>`)
	}
	w.WriteString(`</p><h1`)
	w.lang(p.TextLang)
	w.WriteString(`>`)
	w.text(p.Title)
	if p.Abbr != "" {
		w.WriteString(` <abbr class="abbr">`)
		w.text(p.Abbr)
		w.WriteString(`</abbr>`)
	}
	w.WriteString(`</h1>`)
	if p.Summary != "" {
		w.WriteString(`<p class="lead"`)
		w.lang(p.TextLang)
		w.WriteString(`>`)
		w.text(p.Summary)
		w.WriteString(`</p>`)
	}
	w.WriteString("\n")
	if len(p.Tags) > 0 {
		w.WriteString(`<ul class="tags" aria-label="`)
		if w.err == nil {
			w.err = e.tagsErr
		}
		w.WriteString(e.tagsLabel)
		w.WriteString(`">`)
		for _, t := range p.Tags {
			w.WriteString(`<li><a href="`)
			w.WriteString(escHref(t.Href))
			w.WriteString(`">#`)
			w.text(t.Title)
			w.WriteString(`</a></li>`)
		}
		w.WriteString(`</ul>`)
	}
	return w.result()
}

// attrOfHTML is HTML (a theme's string) as html/template writes it into
// a quoted attribute value: its tags stripped and its quotes, angle
// brackets and + as entities, entities kept. A plain string, as the
// theme's words are, is written as it is; any other is given to
// html/template itself (once per engine: New keeps the tag list's label).
func attrOfHTML(h template.HTML) string {
	if !strings.ContainsAny(string(h), "<>\"'+\x00") {
		return string(h)
	}
	var b strings.Builder
	t := template.Must(template.New("attr").Parse(`<p title="{{.}}">`))
	if err := t.Execute(&b, h); err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<p title="`), `">`)
}

// headMeta writes what the <head> of every page says about it: the
// title, the description, the Open Graph and Twitter card properties, the
// generator, the colour schemes, the canonical link and the page in the
// site's other languages. It writes the bytes the default theme's base
// layout wrote there with some twenty actions (with the line breaks its
// minified form keeps), escaped as html/template escaped them: every page
// of a site has one.
func (e *Engine) headMeta(v *views.View) template.HTML {
	var b strings.Builder
	b.Grow(640 + 2*len(v.Title) + 2*len(v.Description) + 2*len(v.AbsURL) + 96*len(v.Alternates))
	site := escHTML(v.Site.Title)
	b.WriteString(`<title>`)
	if v.Title != "" {
		b.WriteString(escHTML(v.Title))
		b.WriteString(` · `)
	}
	b.WriteString(site)
	b.WriteString(`</title>`)
	desc := escHTML(v.Description)
	if desc != "" {
		writeRaw(&b, `<meta name="description" content="`, desc, `">`)
	}
	b.WriteString("\n" + `<meta property="og:title" content="`)
	if v.Title != "" {
		b.WriteString(escHTML(v.Title))
	} else {
		b.WriteString(site)
	}
	b.WriteString(`">`)
	if desc != "" {
		writeRaw(&b, `<meta property="og:description" content="`, desc, `">`)
	}
	if v.Kind == "page" {
		b.WriteString("\n" + `<meta property="og:type" content="article">`)
	} else {
		b.WriteString("\n" + `<meta property="og:type" content="website">`)
	}
	writeRaw(&b, `<meta property="og:site_name" content="`, site, `">`)
	if v.AbsURL != "" {
		writeRaw(&b, `<meta property="og:url" content="`, escHTML(v.AbsURL), `">`)
	}
	writeRaw(&b, "\n"+`<meta name="twitter:card" content="summary"><meta name="generator" content="Backlight `, escHTML(v.Site.Version),
		`"><meta name="color-scheme" content="light dark">`)
	if v.Canonical != "" {
		writeRaw(&b, `<link rel="canonical" href="`, escHref(v.Canonical), `">`)
	}
	b.WriteString("\n")
	if len(v.Alternates) > 0 {
		for _, a := range v.Alternates {
			writeRaw(&b, `<link rel="alternate" hreflang="`, escHTML(a.Lang), `" href="`)
			writeRaw(&b, escHref(a.URL), `">`, "\n")
		}
		writeRaw(&b, `<link rel="alternate" hreflang="x-default" href="`, escHref(v.Alternates[0].URL), `">`+"\n")
	}
	return template.HTML(b.String())
}
