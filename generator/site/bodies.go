package site

import (
	"cmp"
	"errors"
	"html/template"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// resolver resolves a page's links to URLs relative to that page.
type resolver struct {
	ix    *graph.Index
	root  string
	files *siteFiles // the files published as they are; nil when none are known
	base  string     // the path of the base URL, "/" or "/wiki/"
}

// File finds a file published as it is: by its path in content/, or from
// the site's root (under the base URL's path).
func (r resolver) File(ref string, fromRoot bool) (markdown.FileTarget, bool) {
	if r.files == nil {
		return markdown.FileTarget{}, false
	}
	if fromRoot {
		rest, ok := strings.CutPrefix(ref, r.base)
		if !ok {
			return markdown.FileTarget{}, false
		}
		ref = rest
	}
	return r.files.target(ref, r.root)
}

func (r resolver) Resolve(ref string, isPath bool) (markdown.Target, error) {
	var p *generator.Page
	var err error
	if isPath {
		p, err = r.ix.LookupPath(ref)
	} else {
		p, err = r.ix.Lookup(ref)
	}
	if ue, ok := errors.AsType[*graph.UnreadError](err); ok {
		// A file that could not be loaded: its own error says why, and a
		// link to it is no second error. The site is not written anyway.
		u := ue.Unread
		return markdown.Target{ID: u.ID, URL: generator.Rel(r.root, u.URL), Title: cmp.Or(u.Title, u.ID)}, nil
	}
	if err != nil {
		return markdown.Target{}, err
	}
	return markdown.Target{ID: p.ID, URL: generator.Rel(r.root, p.URL), Title: p.Title}, nil
}

// renderBodies renders every body in parallel, then checks that each link
// to a #heading of another page finds that heading.
func renderBodies(md *markdown.Renderer, ix *graph.Index, files *siteFiles, base string, pages []*generator.Page, intros map[string]*generator.Page) (*renderedBodies, generator.Diagnostics) {
	all := slices.Clone(pages)
	for _, k := range slices.Sorted(mapKeys(intros)) {
		all = append(all, intros[k])
	}
	results := make([]markdown.Result, len(all))
	workers.Each(len(all), func(i int) {
		p := all[i]
		root := generator.RootOf(p.URL)
		if _, intro := intros[p.Section]; intro && intros[p.Section] == p {
			root = generator.RootOf("/" + p.Section + "/")
			if p.Section == "" {
				root = "./"
			}
		}
		results[i] = md.Render(markdown.Source{Body: p.Body, File: p.File, Path: p.Path, BodyLine: p.BodyLine, Title: p.Title}, resolver{ix, root, files, base})
		p.Body = nil // rendered; the source, and the file it pins, can go
	})
	var diags generator.Diagnostics
	out := &renderedBodies{bodies: make(map[*generator.Page]*views.Body, len(pages)),
		intros: map[string]*views.Body{}, backlinks: map[*generator.Page][]*generator.Page{},
		texts: make(map[*generator.Page]string, len(pages)), links: make(map[*generator.Page][]markdown.Link, len(all)),
		mdDiags: make(map[*generator.Page]generator.Diagnostics), refs: make(map[*generator.Page][]markdown.Ref, len(all)),
		files: files, base: base, introPages: intros}
	for i, p := range all {
		r := results[i]
		diags.Append(r.Diags)
		if len(r.Diags) > 0 {
			out.mdDiags[p] = r.Diags
		}
		out.links[p] = r.Links
		out.refs[p] = r.Refs
		b := &views.Body{HTML: template.HTML(r.HTML), Headings: r.Headings, Lead: r.Lead}
		if i < len(pages) {
			out.bodies[p] = b
			out.texts[p] = r.Text
		} else {
			out.intros[p.Section] = b
		}
	}
	for i, p := range pages {
		for _, l := range out.links[all[i]] {
			addBacklink(out.backlinks, out.byID(pages, l.Target), p)
		}
	}
	for _, from := range out.backlinks {
		sortByTitle(from)
	}
	out.all = all
	out.fragDiags = fragmentDiags(all, out.links, out.bodies, pages)
	diags.Append(out.fragDiags)
	return out, diags
}

// byID finds a page by id, building the lookup table on first use.
func (rb *renderedBodies) byID(pages []*generator.Page, id string) *generator.Page {
	if rb.ids == nil {
		rb.ids = make(map[string]*generator.Page, len(pages))
		for _, p := range pages {
			rb.ids[p.ID] = p
		}
	}
	return rb.ids[id]
}

// fragmentDiags checks that every link to a #heading finds that heading.
func fragmentDiags(all []*generator.Page, links map[*generator.Page][]markdown.Link, bodies map[*generator.Page]*views.Body, pages []*generator.Page) generator.Diagnostics {
	headings := make(map[string][]markdown.Heading, len(pages))
	for _, p := range pages {
		if b := bodies[p]; b != nil {
			headings[p.ID] = b.Headings
		}
	}
	var diags generator.Diagnostics
	for _, p := range all {
		for _, l := range links[p] {
			checkFragment(l, headings, &diags)
		}
	}
	return diags
}

// renderedBodies are the rendered Markdown of a build and what the links
// in it say about other pages.
type renderedBodies struct {
	bodies     map[*generator.Page]*views.Body
	intros     map[string]*views.Body
	backlinks  map[*generator.Page][]*generator.Page
	texts      map[*generator.Page]string                // each page's plain text, for the search index
	links      map[*generator.Page][]markdown.Link       // each body's resolved links, intros included
	mdDiags    map[*generator.Page]generator.Diagnostics // what rendering each body reported
	refs       map[*generator.Page][]markdown.Ref        // each body's destinations inside the site, intros included
	files      *siteFiles                                // the files published as they are
	introPages map[string]*generator.Page                // the introductions, by folder
	base       string                                    // the base URL's path
	fragDiags  generator.Diagnostics                     // links to #headings that do not exist
	ids        map[string]*generator.Page
	all        []*generator.Page // the pages, then the intros, as rendered
}

// addBacklink records that from's prose links to to, once per pair.
func addBacklink(backlinks map[*generator.Page][]*generator.Page, to, from *generator.Page) {
	if to == nil || to == from || slices.Contains(backlinks[to], from) {
		return
	}
	backlinks[to] = append(backlinks[to], from)
}

func sortByTitle(ps []*generator.Page) {
	slices.SortFunc(ps, generator.CompareTitles)
}

func checkFragment(l markdown.Link, headings map[string][]markdown.Heading, diags *generator.Diagnostics) {
	if l.Fragment == "" {
		return
	}
	hs, ok := headings[l.Target]
	if !ok {
		return // a page that could not be loaded: its own error says why
	}
	var ids []string
	for _, h := range hs {
		if h.ID == l.Fragment {
			return
		}
		ids = append(ids, h.ID)
	}
	diags.Errorf(l.Pos, "link to %s#%s: that page has no heading with the id %q%s", l.Target, l.Fragment, l.Fragment,
		generator.DidYouMean(l.Fragment, ids))
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
