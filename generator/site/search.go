package site

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/search"
)

// searchOutputs builds the search index of the model's pages and returns
// its files as outputs.
func searchOutputs(cfg *config.Config, lang, prefix string, m *views.Model, texts map[*generator.Page]string, strs *i18n.Strings) []render.Output {
	opts := indexOptions(cfg, lang, m)
	if base, _, _ := strings.Cut(strings.ToLower(lang), "-"); base != i18n.Fallback && strs != nil {
		opts.UI = strs.Export(searchUIKeys)
	}
	ix := search.Build(indexDocs(m, texts), opts)
	var outs []render.Output
	for _, f := range ix.Files() {
		outs = append(outs, render.Output{Path: prefix + f.Path, Source: "the search index", Packed: true, Write: func(w io.Writer) error {
			_, err := w.Write(f.Data)
			return err
		}, Release: func() { f.Data = nil }})
	}
	return outs
}

// searchUIKeys are the strings of the theme that the browser's search
// shows in a language other than English (docs/search.md).
var searchUIKeys = []string{"search_results_label", "search_all_results", "search_no_results", "search_count_results",
	"search_count_pages", "search_of", "search_chosen", "search_facet_type", "search_facet_level", "search_facet_status", "search_facet_release"}

// indexDocs turns every published page into a search document.
func indexDocs(m *views.Model, texts map[*generator.Page]string) []search.Doc {
	docs := make([]search.Doc, 0, len(m.Pages))
	for _, p := range m.Pages {
		d := search.Doc{URL: strings.TrimPrefix(p.URL, "/"), Title: p.Title, Type: p.Type, Abbr: p.Abbr,
			Tags: p.Tags, Summary: p.Summary, Body: texts[p], Level: p.Level}
		for _, a := range p.Aliases {
			d.Aliases = append(d.Aliases, a.Name)
		}
		if b := m.Bodies[p]; b != nil {
			for _, h := range b.Headings {
				d.Headings = append(d.Headings, h.Text)
			}
		}
		switch {
		case p.Item != nil:
			d.Key, d.Status = p.Item.Key, p.Item.Status
			if t := m.Links.Target(p.Item.Release); t != nil {
				d.Release = t.ID
			}
		case p.Release != nil:
			d.Status = p.Release.Status
		}
		docs = append(docs, d)
	}
	if len(m.Glossary) > 0 {
		docs = append(docs, glossaryDoc(m.Glossary))
	}
	return docs
}

// glossaryType is the glossary page's type in the search index, for its
// badge and facet: it is no content page, so it has no type of the site's.
const glossaryType = "glossary"

// glossaryDoc is the glossary page as a search document: its entries'
// titles as headings, their synonyms and definitions as the body.
func glossaryDoc(es []glossary.Entry) search.Doc {
	d := search.Doc{URL: strings.TrimPrefix(glossary.URL, "/"), Title: "Glossary", Type: glossaryType,
		Summary: "What the words used on this site mean."}
	var body strings.Builder
	for _, e := range es {
		d.Headings = append(d.Headings, e.Title)
		body.WriteString(e.Title)
		if len(e.Synonyms) > 0 {
			body.WriteString(" (also called " + strings.Join(e.Synonyms, ", ") + ")")
		}
		body.WriteString(": " + e.Definition + "\n")
	}
	d.Body = body.String()
	return d
}

// indexOptions names the facet values in display order: types in type
// order, levels lowest first, item statuses then release statuses, and
// releases by start date.
func indexOptions(cfg *config.Config, lang string, m *views.Model) search.Options {
	o := search.Options{Language: lang}
	for _, t := range cfg.TypeOrder {
		ls := cfg.TypeIn(lang, t)
		o.Types = append(o.Types, search.Facet{Value: t, Label: ls.Label, Plural: ls.Plural})
	}
	if len(m.Glossary) > 0 && !slices.Contains(cfg.TypeOrder, glossaryType) {
		o.Types = append(o.Types, search.Facet{Value: glossaryType, Label: "Glossary", Plural: "Glossary"})
	}
	for _, l := range cfg.Levels {
		o.Levels = append(o.Levels, search.Facet{Value: l, Label: generator.Capitalise(l)})
	}
	seen := map[string]bool{}
	for _, s := range append(cfg.Backlog.Statuses, backlog.ReleaseStatuses...) {
		if !seen[s] {
			seen[s] = true
			o.Statuses = append(o.Statuses, search.Facet{Value: s, Label: s})
		}
	}
	if m.Backlogs != nil {
		for _, r := range m.Backlogs.Releases {
			o.Releases = append(o.Releases, search.Facet{Value: r.Page.ID, Label: r.Page.Title})
		}
	}
	for _, e := range m.Glossary {
		for _, s := range e.Synonyms {
			o.Synonyms = append(o.Synonyms, search.Synonym{From: s, To: e.Title})
		}
	}
	return o
}

// IndexInput loads and checks the site at opts.Source as Build does and
// returns what its search index is made of, so that tools can time
// search.Build alone (make bench-search does).
func IndexInput(opts Options) ([]search.Doc, search.Options, error) {
	res := &Result{ByType: map[string]int{}}
	l, err := load(context.Background(), opts, res)
	if err != nil {
		return nil, search.Options{}, fmt.Errorf("%w\n%s", err, res.Diags.Error())
	}
	return indexDocs(l.model, l.bodies.texts), indexOptions(l.cfg, l.cfg.DefaultLanguage, l.model), nil
}
