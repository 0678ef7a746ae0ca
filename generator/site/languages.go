package site

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// A multilingual site is published once for each language: the default
// language's pages at the top of the output, each other language's in a
// folder named by its code. A language's site is the default's model
// with each page replaced by a copy that carries the language's text
// (the translation's title, summary, tags, acceptance criteria and body,
// or the page's own where there is no translation), its own relation
// graph and backlog model over those copies, resolved by the same index
// of names, its own rendered bodies and its own engine, whose labels and
// strings are the language's. Every page links the others of its
// language, so a reader stays in the language they chose.

// language is the site in one language other than the default.
type language struct {
	code, prefix string
	pages        map[*generator.Page]*generator.Page // the default language's page → this language's copy
	intros       map[string]*generator.Page          // the folders' introductions, copied
	model        *views.Model
	bodies       *renderedBodies
	engine       *render.Engine
	fallback     map[*generator.Page]bool // this language's copies of the pages without a translation
}

// newLanguage copies the pages and introductions into language code,
// before their sources are rendered, which lets those go.
func newLanguage(code string, pages []*generator.Page, intros map[string]*generator.Page) *language {
	l := &language{code: code, prefix: langPrefix(code), pages: make(map[*generator.Page]*generator.Page, len(pages)),
		intros: make(map[string]*generator.Page, len(intros)), fallback: map[*generator.Page]bool{}}
	for _, p := range pages {
		l.pages[p] = l.localize(p)
	}
	for k, p := range intros {
		l.intros[k] = l.localize(p)
	}
	return l
}

// translatedPaths maps the path of each page translated into the
// language to its translation's.
func (l *language) translatedPaths() map[string]string {
	paths := map[string]string{}
	for p, c := range l.pages {
		if c.Path != p.Path {
			paths[p.Path] = c.Path
		}
	}
	return paths
}

// localize is p in the language: a copy with the translation's text, or
// with the page's own, marked as a fallback.
func (l *language) localize(p *generator.Page) *generator.Page {
	c := *p
	tr := p.Translations[l.code]
	if tr == nil {
		l.fallback[&c] = true
		return &c
	}
	c.Path, c.File, c.Body, c.BodyLine = tr.Path, tr.File, tr.Body, tr.BodyLine
	if tr.Title != "" {
		c.Title = tr.Title
	}
	if tr.Abbr != "" {
		c.Abbr = tr.Abbr
	}
	if tr.Summary != "" {
		c.Summary = tr.Summary
	}
	if tr.Tags != nil {
		c.Tags = tr.Tags
	}
	if len(tr.Aliases) > 0 {
		c.Aliases = slices.Concat(p.Aliases, tr.Aliases)
	}
	if p.Item != nil && tr.Acceptance != nil {
		it := *p.Item
		it.Acceptance = tr.Acceptance
		c.Item = &it
	}
	return &c
}

// derive makes the language's model: its relation graph and backlogs
// over its pages, resolved by the default language's index ix (so that
// every name of every language finds the same page), and its bodies.
// It returns what rendering the translations' bodies reported; the
// fallbacks' bodies are the default language's, whose diagnostics are
// reported once, there.
func (l *language) derive(ix *graph.Index, cfg *config.Config, settings backlog.Settings, md *markdown.Renderer, files *siteFiles, base string, m *views.Model) generator.Diagnostics {
	lix := ix.Mapped(func(p *generator.Page) *generator.Page { return l.pages[p] })
	pages := lix.Pages()
	// The relations and backlogs beside the bodies, as for the default
	// language (loadModel): neither writes what the other reads. The
	// default language's graph and backlogs reported their errors.
	var g *graph.Graph
	var bm *backlog.Model
	var derived sync.WaitGroup
	derived.Go(func() {
		g, _ = graph.Build(lix, vocabularyIn(cfg, l.code))
		bm, _ = backlog.Derive(pages, g.Target, settings)
	})
	rb, diags := renderBodies(md, lix, files, base, l.prefix, pages, l.intros)
	derived.Wait()
	forecastRisks(bm, m.Forecasts)
	l.bodies = rb
	l.model = &views.Model{Pages: pages, Links: g, Vocabulary: g.Vocabulary(), Backlogs: bm, Glossary: m.Glossary,
		Provided: m.Provided, Fallback: l.fallback, History: m.History.Translated(l.translatedPaths()), Forecasts: m.Forecasts}
	withBodies(l.model, rb)
	fallbackFiles := make(map[string]bool, len(l.fallback))
	for p := range l.fallback {
		fallbackFiles[p.File] = true
	}
	var own generator.Diagnostics
	for _, d := range diags {
		if !fallbackFiles[d.Pos.File] {
			own = append(own, d)
		}
	}
	return own
}

// vocabularyIn is the relation vocabulary with its labels in lang.
func vocabularyIn(cfg *config.Config, lang string) []generator.RelationType {
	out := vocabulary(cfg)
	for i := range out {
		ls := cfg.RelationLabelsIn(lang, out[i].Name)
		out[i].Label, out[i].Inverse = ls.Label, ls.Inverse
	}
	return out
}

// languageInfos are the site's languages as its pages link them, the
// default first.
func languageInfos(cfg *config.Config) []views.Language {
	if !cfg.Multilingual() {
		return nil
	}
	def := defaultPrefix(cfg)
	out := []views.Language{{Code: cfg.DefaultLanguage, Name: cfg.LanguageName(cfg.DefaultLanguage), Prefix: def, BaseURL: cfg.BaseURL + def}}
	for _, code := range cfg.Translated() {
		out = append(out, views.Language{Code: code, Name: cfg.LanguageName(code), Prefix: langPrefix(code), BaseURL: cfg.BaseURL + langPrefix(code)})
	}
	return out
}

// defaultPrefix is the folder of the default language's pages: "" at
// the top of the site, or its code with defaultLanguageInSubdir.
func defaultPrefix(cfg *config.Config) string {
	if cfg.Multilingual() && cfg.DefaultLanguageInSubdir {
		return langPrefix(cfg.DefaultLanguage)
	}
	return ""
}

// langPrefix is the folder of the pages in the language code, which
// is not the default or is in its own folder.
func langPrefix(code string) string { return code + "/" }

// rootRedirect is, for a site whose default language is in a folder of
// its own, the page at the top of the site that leads there, and names
// every language for a reader who wants another; nothing otherwise.
func rootRedirect(cfg *config.Config) []render.Output {
	def := defaultPrefix(cfg)
	if def == "" {
		return nil
	}
	var b strings.Builder
	title := html.EscapeString(cmp.Or(cfg.Title, "Backlight"))
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n", html.EscapeString(cfg.DefaultLanguage), title)
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n</head>\n<body>\n<ul>\n",
		html.EscapeString(generator.AbsURL(cfg.BaseURL+def, "/")), def)
	for _, l := range append([]string{cfg.DefaultLanguage}, cfg.Translated()...) {
		fmt.Fprintf(&b, "<li><a href=\"%s/\" hreflang=\"%s\" lang=\"%s\">%s</a></li>\n", l, l, l, html.EscapeString(cfg.LanguageName(l)))
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	page := b.String()
	return []render.Output{{Path: "index.html", Source: "the page at the top that leads to the default language (defaultLanguageInSubdir)",
		Write: func(w io.Writer) error {
			_, err := io.WriteString(w, page)
			return err
		}}}
}

// siteInfoIn is the site's settings as the pages of language lang see
// them.
func siteInfoIn(cfg *config.Config, lang, version string) views.SiteInfo {
	info := siteInfo(cfg, version)
	info.Language = lang
	info.BaseURL = cfg.BaseURL + langPrefix(lang)
	if t := cfg.Languages[lang].Title; t != "" {
		info.Title = t
	}
	for i := range info.Types {
		t := cfg.TypeIn(lang, info.Types[i].Name)
		info.Types[i].Label, info.Types[i].Plural = t.Label, t.Plural
	}
	return info
}

// knownURLs tells each language's Has which site URLs its pages are
// at, from the outputs planned for every language.
func knownURLs(langs []views.Language, outs []render.Output) {
	sets := make([]map[string]bool, len(langs))
	for i := range sets {
		sets[i] = map[string]bool{}
	}
	for _, o := range outs {
		for i := len(langs) - 1; i >= 0; i-- { // the longest prefix first: the default's is ""
			rest, ok := strings.CutPrefix(o.Path, langs[i].Prefix)
			if ok {
				sets[i][rest] = true
				break
			}
		}
	}
	for i := range langs {
		set := sets[i]
		langs[i].Has = func(u string) bool { return set[generator.OutPath(u)] }
	}
}
