package site

import (
	"bytes"
	"cmp"
	"errors"
	"hash/maphash"
	"html/template"
	"maps"
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
	up    string     // the folder of the page's language under the top of the site, where the files are: "de/"; ""
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
	return r.files.target(ref, views.Up(r.root, r.up))
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

// renderedBodies is the prose stage: the rendered Markdown of every page
// and introduction, and what the links in it say about other pages (the
// backlinks, or "mentioned in" lists, and the checks of links to
// #headings). Build makes it with renderBodies; the development server
// keeps it and applies edits with Update. A value is never changed once
// made: Update returns a new one that shares what did not change.
type renderedBodies struct {
	md         *markdown.Renderer
	files      *siteFiles                 // the files published as they are
	base       string                     // the base URL's path
	up         string                     // the folder of the bodies' language under the top of the site, "de/"; "" for the default's
	introPages map[string]*generator.Page // the introductions, by folder
	pages      []*generator.Page          // the published pages, in path order
	all        []*generator.Page          // the pages, then the intros by folder, as rendered

	bodies    map[*generator.Page]*views.Body
	intros    map[string]*views.Body
	backlinks map[*generator.Page][]*generator.Page     // pages whose prose links to the key page, by title
	texts     map[*generator.Page]string                // each page's plain text, for the search index
	linked    map[*generator.Page][]*generator.Page     // the pages each body links to (linkedPages), intros included
	frags     map[*generator.Page][]markdown.Link       // each body's links to #headings, intros included
	mdDiags   map[*generator.Page]generator.Diagnostics // what rendering each body reported
	dests     map[*generator.Page]bodyDests             // each body's destinations inside the site, intros included
	fragDiags map[*generator.Page]generator.Diagnostics // each body's links to #headings that do not exist
	ids       map[string]*generator.Page                // the pages by id
	sources   map[*generator.Page]sourceSum             // what each body was rendered from, to tell an edit that leaves it as it was
	seed      maphash.Seed
}

// sourceSum identifies the Markdown a body was rendered from: a hash of
// its bytes, and the line it starts on, which its diagnostics count from.
type sourceSum struct {
	hash uint64
	line int
}

// sum is the sourceSum of p's Body.
func (rb *renderedBodies) sum(p *generator.Page) sourceSum {
	return sourceSum{maphash.Bytes(rb.seed, p.Body), p.BodyLine}
}

// unchanged reports whether p, loaded again, has the body that was
// rendered for the page it replaces, old: then the rendering is still
// true, since the names links resolve to did not change either.
func (rb *renderedBodies) unchanged(old, p *generator.Page) bool {
	s, ok := rb.sources[old]
	return ok && s == rb.sum(p)
}

// renderBodies renders every body in parallel, then finds the backlinks
// and checks that each link to a #heading of another page finds that
// heading. It returns the bodies' diagnostics.
func renderBodies(md *markdown.Renderer, ix *graph.Index, files *siteFiles, base, up string, pages []*generator.Page, intros map[string]*generator.Page) (*renderedBodies, generator.Diagnostics) {
	rb := &renderedBodies{md: md, files: files, base: base, up: up, introPages: intros, pages: pages,
		bodies: map[*generator.Page]*views.Body{}, intros: map[string]*views.Body{},
		backlinks: map[*generator.Page][]*generator.Page{}, texts: map[*generator.Page]string{},
		linked: map[*generator.Page][]*generator.Page{}, frags: map[*generator.Page][]markdown.Link{},
		mdDiags: map[*generator.Page]generator.Diagnostics{}, dests: map[*generator.Page]bodyDests{},
		fragDiags: map[*generator.Page]generator.Diagnostics{},
		ids:       make(map[string]*generator.Page, len(pages)), sources: make(map[*generator.Page]sourceSum, len(pages)), seed: maphash.MakeSeed()}
	rb.all = slices.Clone(pages)
	for _, k := range slices.Sorted(maps.Keys(intros)) {
		rb.all = append(rb.all, intros[k])
	}
	for _, p := range pages {
		rb.ids[p.ID] = p
	}
	return rb.Update(ix, rb.all)
}

// Update renders the bodies of the changed pages again, from their Body,
// and returns the prose stage with them, and its diagnostics. The changed
// pages keep their files, ids and titles (the development server loads
// the whole site again when one of those changes). The bodies of the
// other pages are kept, and the backlinks are updated for the links the
// changed bodies lost and gained.
func (rb *renderedBodies) Update(ix *graph.Index, changed []*generator.Page) (*renderedBodies, generator.Diagnostics) {
	next := rb.clone()
	order := next.ordered(changed)
	results := make([]renderedBody, len(order))
	bufs := make([]bytes.Buffer, workers.Count(len(order)))
	workers.EachWorker(len(order), func(w, i int) {
		p := order[i]
		r := &results[i]
		r.sum = next.sum(p)
		r.Result = next.md.RenderWith(&bufs[w], markdown.Source{Body: p.Body, File: p.File, Path: p.Path, BodyLine: p.BodyLine, Title: p.Title},
			resolver{ix, next.rootOf(p), next.files, next.base, next.up})
		p.Body = nil // rendered; the source, and the file it pins, can go
		// What the stage keeps of the links is made here, on every core,
		// and the links themselves go: at 50,000 pages they were 50 MB
		// of the most a build holds.
		r.linked = next.linkedPages(p, r.Links)
		r.frags = headingLinks(r.Links)
		r.dests = newBodyDests(r.Refs)
		r.Links, r.Refs = nil, nil
	})
	touched := map[*generator.Page]bool{}
	headings := false // whether the headings of a changed page changed
	for i, p := range order {
		next.dropBacklinks(p, touched)
		headings = headings || !sameHeadings(next.bodies[p], results[i].Headings)
		next.store(p, &results[i])
	}
	for i, p := range order {
		next.addBacklinks(p, results[i].linked, touched)
	}
	lists := make([][]*generator.Page, 0, len(touched))
	for t := range touched {
		if len(next.backlinks[t]) == 0 {
			delete(next.backlinks, t)
		} else {
			lists = append(lists, next.backlinks[t])
		}
	}
	workers.Each(len(lists), func(i int) { sortByTitle(lists[i]) })
	checked := order // the links of the changed bodies; every body's when a heading changed
	if headings {
		checked = next.all
	}
	for _, p := range checked {
		if d := next.checkFragments(p); len(d) > 0 {
			next.fragDiags[p] = d
		} else {
			delete(next.fragDiags, p)
		}
	}
	return next, next.diagnostics()
}

// clone copies rb's tables, for Update to change.
func (rb *renderedBodies) clone() *renderedBodies {
	next := *rb
	next.bodies, next.intros, next.texts = maps.Clone(rb.bodies), maps.Clone(rb.intros), maps.Clone(rb.texts)
	next.linked, next.frags, next.mdDiags, next.dests = maps.Clone(rb.linked), maps.Clone(rb.frags), maps.Clone(rb.mdDiags), maps.Clone(rb.dests)
	next.backlinks, next.fragDiags = maps.Clone(rb.backlinks), maps.Clone(rb.fragDiags)
	next.sources = maps.Clone(rb.sources)
	return &next
}

// ordered lists the changed pages in the order of all, so that the
// backlinks and diagnostics do not depend on the order of changed.
func (rb *renderedBodies) ordered(changed []*generator.Page) []*generator.Page {
	if len(changed) == len(rb.all) {
		return changed
	}
	now := make(map[*generator.Page]bool, len(changed))
	for _, p := range changed {
		now[p] = true
	}
	var out []*generator.Page
	for _, p := range rb.all {
		if now[p] {
			out = append(out, p)
		}
	}
	return out
}

// isIntro reports whether p is a folder's introduction.
func (rb *renderedBodies) isIntro(p *generator.Page) bool {
	return rb.introPages[p.Section] == p
}

// rootOf is the path from p's output to the site's root.
func (rb *renderedBodies) rootOf(p *generator.Page) string {
	if !rb.isIntro(p) {
		return generator.RootOf(p.URL)
	}
	if p.Section == "" {
		return "./"
	}
	return generator.RootOf("/" + p.Section + "/")
}

// renderedBody is what rendering one body gave, its links already made
// into what the stage keeps of them.
type renderedBody struct {
	markdown.Result // without its Links and Refs
	sum             sourceSum
	linked          []*generator.Page // linkedPages
	frags           []markdown.Link   // headingLinks
	dests           bodyDests
}

// headingLinks are the links to a #heading among links, or nil.
func headingLinks(links []markdown.Link) []markdown.Link {
	var out []markdown.Link
	for _, l := range links {
		if l.Fragment != "" {
			out = append(out, l)
		}
	}
	return slices.Clip(out)
}

// store records what rendering p's body gave.
func (rb *renderedBodies) store(p *generator.Page, r *renderedBody) {
	b := &views.Body{HTML: template.HTML(r.HTML), Headings: r.Headings, Lead: r.Lead}
	rb.sources[p] = r.sum
	setOrDelete(rb.linked, p, r.linked)
	setOrDelete(rb.frags, p, r.frags)
	if r.dests.empty() {
		delete(rb.dests, p)
	} else {
		rb.dests[p] = r.dests
	}
	if len(r.Diags) > 0 {
		rb.mdDiags[p] = r.Diags
	} else {
		delete(rb.mdDiags, p)
	}
	if rb.isIntro(p) {
		rb.intros[p.Section] = b
		return
	}
	rb.bodies[p], rb.texts[p] = b, r.Text
}

// dropBacklinks takes p out of the backlinks of the pages its body linked
// to before it changed.
func (rb *renderedBodies) dropBacklinks(p *generator.Page, touched map[*generator.Page]bool) {
	if rb.isIntro(p) {
		return
	}
	for _, t := range rb.linked[p] {
		if !slices.Contains(rb.backlinks[t], p) {
			continue
		}
		rb.backlinks[t] = slices.DeleteFunc(slices.Clone(rb.backlinks[t]), func(q *generator.Page) bool { return q == p })
		touched[t] = true
	}
}

// linkedPages lists the pages other than p that its prose links to, once
// each, in the order of its links.
func (rb *renderedBodies) linkedPages(p *generator.Page, links []markdown.Link) []*generator.Page {
	var out []*generator.Page
	for _, l := range links {
		if t := rb.ids[l.Target]; t != nil && t != p && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// addBacklinks records that p's prose links to the pages linked
// (linkedPages); the lists touched are sorted by Update.
func (rb *renderedBodies) addBacklinks(p *generator.Page, linked []*generator.Page, touched map[*generator.Page]bool) {
	if rb.isIntro(p) {
		return
	}
	for _, t := range linked {
		if !touched[t] {
			rb.backlinks[t] = slices.Clone(rb.backlinks[t]) // the list may be shared with the previous value
			touched[t] = true
		}
		rb.backlinks[t] = append(rb.backlinks[t], p)
	}
}

// diagnostics are what rendering the bodies reported, in page order, and
// the #heading checks.
func (rb *renderedBodies) diagnostics() generator.Diagnostics {
	var out generator.Diagnostics
	for _, p := range rb.all {
		out.Append(rb.mdDiags[p])
		out.Append(rb.fragDiags[p])
	}
	return out
}

// checkFragments checks that each link of p's body to a #heading of a
// page finds that heading.
func (rb *renderedBodies) checkFragments(p *generator.Page) generator.Diagnostics {
	var diags generator.Diagnostics
	for _, l := range rb.frags[p] {
		b := rb.bodies[rb.ids[l.Target]]
		if b == nil {
			continue // a page that could not be loaded: its own error says why
		}
		checkFragment(l, b.Headings, &diags)
	}
	return diags
}

// sameHeadings reports whether a body had the headings, by id.
func sameHeadings(b *views.Body, hs []markdown.Heading) bool {
	if b == nil || len(b.Headings) != len(hs) {
		return false
	}
	for i, h := range hs {
		if b.Headings[i].ID != h.ID {
			return false
		}
	}
	return true
}

// setOrDelete sets m[k] to v, or deletes it when v is empty.
func setOrDelete[V any](m map[*generator.Page][]V, k *generator.Page, v []V) {
	if len(v) > 0 {
		m[k] = v
	} else {
		delete(m, k)
	}
}

func sortByTitle(ps []*generator.Page) {
	slices.SortFunc(ps, generator.CompareTitles)
}

func checkFragment(l markdown.Link, hs []markdown.Heading, diags *generator.Diagnostics) {
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
