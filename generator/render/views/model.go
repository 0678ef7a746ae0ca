package views

import (
	"encoding/hex"
	"github.com/backlight-wiki/backlight/generator/changes"
	"html/template"
	"maps"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// Links answers what the graph stage resolved; graph.Graph implements it.
type Links interface {
	Out(p *generator.Page) []generator.Edge
	In(p *generator.Page) []generator.Edge
	Target(r *generator.Ref) *generator.Page
}

// Body is a rendered Markdown body.
type Body struct {
	HTML     template.HTML
	Headings []markdown.Heading
	Lead     string // the first paragraph of prose, plain text: the description of a page without a summary
}

// Model is everything a site's files are made from. The views that read
// Bodies and Backlinks (content pages, the home page) are made when their
// Spec's View is called, never by Site.Pages, so that both may be replaced
// after planning (the development server does so after an edit of bodies
// alone); export.Files reads them when its files are written.
type Model struct {
	Pages      []*generator.Page // published pages, in path order
	Bodies     map[*generator.Page]*Body
	Intros     map[string]*Body // the home page's (""), a list folder's
	Links      Links
	Vocabulary []generator.RelationType
	Backlinks  map[*generator.Page][]*generator.Page // pages whose prose links to the key page, by title
	Backlogs   *backlog.Model                        // ranks, readiness, forecasts, hierarchy
	Glossary   []glossary.Entry                      // the glossary page's entries, for the search index
	// Provided reports whether the site publishes a file as it is at a
	// path ("favicon.ico", from its static/ folder): the build then draws
	// no icon of its own there. Nil: none.
	Provided func(path string) bool
	// Fallback are, in a language other than the default, the pages not
	// translated into it: they show the default language's text, marked
	// as such. Nil: every page is in the site's language.
	Fallback map[*generator.Page]bool
	// History is what the site's git history says of its pages
	// (docs/history.md); nil: none was read.
	History *History
	// Forecasts are the forecasts from each backlog's own history
	// (docs/forecasting.md); nil for a site without backlogs.
	Forecasts *Forecasts
}

// History is what the site's git history says of its pages: their dates,
// the items' status timelines and the list of changes.
type History struct {
	*changes.Result
	Authors bool                         // the site publishes authors' names (Result has none otherwise)
	Head    string                       // the commit the site was built from
	Since   string                       // the first day the change list (/changes/) shows, YYYY-MM-DD
	URL     func(*generator.Page) string // the history page of a page's file; nil: none
}

// Translated is h for a language whose pages have their translations'
// paths: the translation at to (by the page's path from) shows the
// page's dates and, for an item, its timeline, which its own file holds.
func (h *History) Translated(paths map[string]string) *History {
	if h == nil || len(paths) == 0 {
		return h
	}
	r := *h.Result
	r.Pages, r.Items = maps.Clone(r.Pages), maps.Clone(r.Items)
	for from, to := range paths {
		if pg, ok := h.Pages[from]; ok {
			r.Pages[to] = pg
		}
		if it, ok := h.Items[from]; ok {
			r.Items[to] = it
		}
	}
	c := *h
	c.Result = &r
	return &c
}

// PageHistory is what the history says of page p, or nil.
func (m *Model) PageHistory(p *generator.Page) *changes.Page {
	if m.History == nil {
		return nil
	}
	return m.History.Pages[p.Path]
}

// ItemHistory is item p's status timeline, or nil.
func (m *Model) ItemHistory(p *generator.Page) *changes.Item {
	if m.History == nil {
		return nil
	}
	return m.History.Items[p.Path]
}

// byURL returns the published page at site URL u, or nil.
func (m *Model) byURL(u string) *generator.Page {
	for _, p := range m.Pages {
		if p.URL == u {
			return p
		}
	}
	return nil
}

// page returns the published page with id, or nil.
func (m *index) page(id string) *generator.Page { return m.byID[id] }

// levelURL returns a level's overview URL.
func levelURL(l string) string { return "/levels/" + l + "/" }

// tagURL returns a tag's page URL. A tag with no letter or digit ("++",
// "…") has an empty slug: it gets "-" and its bytes in hex instead, which
// no slug can spell (a slug never starts with "-"), rather than the
// folder "/tags//", which is no path at all.
func tagURL(t string) string {
	s := markdown.Slug(t)
	if s == "" {
		s = "-" + hex.EncodeToString([]byte(t))
	}
	return "/tags/" + s + "/"
}

// sortPages orders pages by weight, then title without case, then id.
func sortPages(ps []*generator.Page) {
	slices.SortStableFunc(ps, func(a, b *generator.Page) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return generator.CompareTitles(a, b)
	})
}

// entry is p in a list on the page at root.
func entry(root string, p *generator.Page) Entry {
	e := Entry{Title: p.Title, Abbr: p.Abbr, URL: p.URL, Href: generator.Rel(root, p.URL), Summary: p.Summary}
	if p.Item != nil {
		e.Abbr = p.Item.Key
		e.Badge = p.Item.Status
	}
	if p.Release != nil {
		e.Badge = p.Release.Status
	}
	return e
}

func entries(root string, ps []*generator.Page) []Entry {
	out := make([]Entry, len(ps))
	for i, p := range ps {
		out[i] = entry(root, p)
	}
	return out
}
