package render

import (
	"encoding/hex"
	"html/template"
	"io"
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

// Model is everything a site's files are made from. The outputs Plan
// makes read Bodies and Backlinks when they are written, never when they
// are planned, so that both may be replaced after planning (the
// development server does so after an edit of bodies alone).
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

	baseURL     string                       // filled by Plan, for absolute URLs in exports
	levels      []string                     // filled by Plan, lowest first
	byID        map[string]*generator.Page   // filled by Plan
	byLevelType map[string][]*generator.Page // "level\x00type" → pages, sorted; filled by Plan
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
func (m *Model) page(id string) *generator.Page { return m.byID[id] }

// Output is one file of the site: its slash path under the destination and
// a function that writes its bytes.
type Output struct {
	Path   string
	Source string        // what produced it, for "two sources for one path" errors
	Pos    generator.Pos // where that source is written, when it is
	// Kind is what the theme's templates make of it, "page role", "list
	// /releases/", "redirect", …: outputs of one kind run the same template
	// code on data of one shape, so a check renders one of each. It is ""
	// for files not made by the templates (exports, feeds, static files).
	Kind   string
	Write  func(w io.Writer) error
	Packed bool // already compact (the search index): not to be minified
	// Minified is true for pages written by minified layouts: only the
	// HTML they insert (Markdown bodies, graphs) keeps its own newlines,
	// which minifying the page again would save a few bytes of, at a
	// seventh of a build's time, so it is not.
	Minified bool
}

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

func entry(p *generator.Page) Entry {
	e := Entry{Title: p.Title, Abbr: p.Abbr, URL: p.URL, Summary: p.Summary}
	if p.Item != nil {
		e.Abbr = p.Item.Key
		e.Badge = p.Item.Status
	}
	if p.Release != nil {
		e.Badge = p.Release.Status
	}
	return e
}

func entries(ps []*generator.Page) []Entry {
	out := make([]Entry, len(ps))
	for i, p := range ps {
		out[i] = entry(p)
	}
	return out
}
