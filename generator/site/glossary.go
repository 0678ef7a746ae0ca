package site

import (
	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/glossary"
)

// siteGlossary builds the site's glossary from the built-in entries, its
// types and relations and what site.toml (src) says in [glossary]; a new
// entry without a title or definition is an error at its table.
func siteGlossary(cfg *config.Config, src []byte) ([]glossary.Entry, generator.Diagnostics) {
	in := glossary.Input{Settings: glossary.Settings{Horizon: cfg.Backlog.Horizon, IterationWeeks: cfg.Backlog.IterationWeeks,
		CycleWeeks: cfg.Roadmap.CycleWeeks, DoR: cfg.Backlog.DoR}}
	for _, t := range cfg.TypeOrder {
		in.Types = append(in.Types, glossary.TypeInfo{Name: t, Label: cfg.TypeLabel(t)})
	}
	for _, name := range cfg.RelationOrder {
		r := cfg.Relations[name]
		in.Relations = append(in.Relations, glossary.RelationInfo{Name: name, Label: r.Label, Inverse: r.Inverse})
	}
	for _, id := range cfg.GlossaryOrder {
		g := cfg.Glossary[id]
		in.Overrides = append(in.Overrides, glossary.Override{ID: id, Title: g.Title, Definition: g.Definition,
			Synonyms: g.Synonyms, Link: g.Link, Disabled: g.Disabled})
	}
	entries, problems := glossary.Build(in)
	var diags generator.Diagnostics
	for _, p := range problems {
		diags.Errorf(config.Locate("site.toml", src, "glossary", p.ID), "%s", p.Message)
	}
	return entries, diags
}

// GlossaryURL is the glossary page's URL from the page being rendered,
// for the links of its terms.
func (r resolver) GlossaryURL() string { return generator.Rel(r.root, glossary.URL) }
