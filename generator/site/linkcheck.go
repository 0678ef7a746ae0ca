package site

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// The link check reads every HTML file the build renders, before it is
// minified, and resolves each href and src that points inside the site,
// as the browser will, against the files the build writes: Markdown links
// and images of any form, wiki links, relation and theme links alike.
// A link with a #fragment must also find an element with that id. What
// does not resolve is reported at the Markdown source's position when a
// body wrote it, and once per broken target for the theme's links. Links
// with a scheme or "//" leave the site and are not fetched.

// linkCheck is one build's check. scan runs on the writing goroutines,
// each on the outputs it writes; report runs once every file is written.
type linkCheck struct {
	base    string                 // the base URL's path, "/" or "/wiki/"
	caches  []map[string]*pageLink // one per writing goroutine: links from the root ("../../x/" on a page two folders down), resolved once; nil for one not kept
	index   map[string]int         // output path → index in outs and scans
	scans   []pageScan
	outs    []render.Output
	dests   map[string]bodyDests // by output path: the Markdown destinations its body wrote
	files   map[string]string    // by output path: the source file of its body
	warning bool                 // report broken links as warnings ([build] brokenLinks)
	// bodiesOnly reports only the links the Markdown bodies wrote: when
	// the content has errors, a broken link of the theme is most likely
	// one of their consequences (a list page that is not made).
	bodiesOnly bool
	byID       map[string]string // page id → URL, to suggest the page a broken folder link meant
	// assumed are output paths that exist although this run writes no
	// such output: check leaves out the search index, which pages link.
	assumed map[string]bool
	// langs are the folders of the languages published under one ("de/"),
	// whose pages' links climb to that folder.
	langs []string
}

// langOf returns the folder of the language whose pages are under dir,
// and the climb from dir to it; "" and "" for the top's.
func (lc *linkCheck) langOf(dir string) (lang, up string) {
	for _, p := range lc.langs {
		if p != "" && strings.HasPrefix(dir, p) {
			return p, strings.Repeat("../", strings.Count(dir[len(p):], "/"))
		}
	}
	return "", ""
}

// cached resolves href from the top once per writing goroutine w.
func (lc *linkCheck) cached(w int, href []byte) *pageLink {
	cache := lc.caches[w]
	r, hit := cache[string(href)] // no copy of href to look it up
	if !hit {
		key := string(href)
		if l, keep := lc.resolve("", key); keep {
			r = &l
		}
		cache[key] = r
	}
	return r
}

// pageScan is what the check keeps of one HTML file: its ids, and the
// links that are broken or need an id to be looked for.
type pageScan struct {
	ids   string     // "\x00id\x00id\x00…"
	links []pageLink // broken, or with a #fragment
	// fromRoot are such links that climb to the root first, shared with
	// the cache that resolved them, so that a link on every page (to a
	// glossary entry, say) is kept once: their href is the part after
	// the climb, which the report puts back.
	fromRoot []*pageLink
	// fromLang are the links that climb to the root of the page's
	// language's folder ("../../roles/cpo/" on de/roles/x/), kept as
	// fromRoot are, their href from the top ("de/roles/cpo/").
	fromLang []*pageLink
}

// pageLink is a link found in a file.
type pageLink struct {
	href    string // the attribute's value, entities decoded
	self    bool   // "#x" or "?q#x": the file itself
	target  string // the output path it names, "" when there is none
	missing string // else the site path it was looked for at
	outside bool   // a path from the host's root outside the base URL's path
	above   bool   // a relative path that climbs above the site's root
	frag    string // the fragment, %-escapes decoded
}

// newLinkCheck starts the check of a build with what it needs of the
// rendered bodies (their destinations and files) and pages, so that
// those may go before the site's files are planned and the search index
// is built; plan gives it the files.
func newLinkCheck(rb *renderedBodies, pages []*generator.Page, warning bool) *linkCheck {
	lc := &linkCheck{base: rb.base, dests: map[string]bodyDests{}, files: map[string]string{}, warning: warning}
	lc.byID = make(map[string]string, len(pages))
	for _, p := range pages {
		lc.byID[p.ID] = p.URL
	}
	lc.addBodies(rb, pages)
	return lc
}

// addBodies gives the check the destinations and files of the bodies of
// one language, whose pages are written under its folder, rb.up ("de/";
// "" for the default language's at the top).
func (lc *linkCheck) addBodies(rb *renderedBodies, pages []*generator.Page) {
	prefix := rb.up
	for _, p := range pages {
		out := prefix + generator.OutPath(p.URL)
		lc.addDests(out, rb.dests[p])
		lc.files[out] = p.File
	}
	for section, p := range rb.introPages {
		out := prefix + "index.html"
		if section != "" {
			out = prefix + section + "/index.html"
		}
		lc.addDests(out, rb.dests[p])
		lc.files[out] = p.File
	}
}

// addDests keeps the destinations of the body written to out, if any.
func (lc *linkCheck) addDests(out string, d bodyDests) {
	if !d.empty() {
		lc.dests[out] = d
	}
}

// plan tells the check the files the build writes, which links may
// find; it comes before the first scan.
func (lc *linkCheck) plan(outs []render.Output) {
	lc.index, lc.scans, lc.outs = make(map[string]int, len(outs)), make([]pageScan, len(outs)), outs
	lc.caches = make([]map[string]*pageLink, workers.Count(len(outs)))
	for w := range lc.caches {
		lc.caches[w] = map[string]*pageLink{}
	}
	for i, o := range outs {
		lc.index[o.Path] = i
	}
}

// bodyDests is what the link check keeps of the destinations inside the
// site that one Markdown body wrote. Those resolved, or reported, when
// the body was rendered are kept only as hashes of their decoded URLs
// (destHash): 8 bytes instead of a markdown.Ref, since one is looked for
// only when a link of the page is broken. The others are kept whole, for
// the report to name their position.
type bodyDests struct {
	unresolved []markdown.Ref
	checked    []uint64
}

// empty reports whether the body wrote no destination inside the site.
func (d bodyDests) empty() bool { return len(d.unresolved) == 0 && len(d.checked) == 0 }

// newBodyDests keeps what the link check needs of a body's refs.
func newBodyDests(refs []markdown.Ref) bodyDests {
	var d bodyDests
	n := 0
	for _, r := range refs {
		if r.Checked {
			n++
		}
	}
	if n > 0 {
		d.checked = make([]uint64, 0, n)
	}
	for _, r := range refs {
		if r.Checked {
			d.checked = append(d.checked, destHash(r.URL))
		} else {
			d.unresolved = append(d.unresolved, r)
		}
	}
	d.unresolved = slices.Clip(d.unresolved)
	return d
}

// destHash identifies a destination by its decoded URL: the 64-bit
// FNV-1a hash, the same in every build and language. Two URLs share a
// hash by chance once in 2⁶⁴.
func destHash(url string) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range []byte(markdown.PathDecode(url)) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// scan reads the rendered bytes of output i on writing goroutine w.
// Templates and the Markdown renderer write every attribute as
// name="value", with entities escaped. Nearly every internal link climbs
// to the site's root first ("../../roles/cpo/"), as Backlight writes
// them: those are resolved once per goroutine, whatever page they are on.
func (lc *linkCheck) scan(w, i int, data []byte) {
	o := lc.outs[i]
	if path.Ext(o.Path) != ".html" || o.Packed {
		return
	}
	dir := path.Dir(o.Path) + "/"
	if dir == "./" {
		dir = ""
	}
	up := strings.Repeat("../", strings.Count(dir, "/"))
	lang, langUp := lc.langOf(dir)
	s := &lc.scans[i]
	var ids strings.Builder
	ids.WriteByte(0)
	var seen map[string]bool
	var self []pageLink // "#x" links: checked against this page's ids once they are all read
	for rest := data; ; {
		at := bytes.Index(rest, []byte(`="`))
		if at < 0 {
			break
		}
		name := attrName(rest[:at])
		rest = rest[at+2:]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			break
		}
		value := rest[:end]
		rest = rest[end+1:]
		switch name {
		case "":
		case "id":
			if bytes.IndexByte(value, '&') < 0 {
				ids.Write(value)
			} else {
				ids.WriteString(html.UnescapeString(string(value)))
			}
			ids.WriteByte(0)
		case "href", "src":
			var l pageLink
			var keep bool
			if fromRoot, ok := bytes.CutPrefix(value, []byte(up)); ok && up != "" && rootRelative(fromRoot) {
				if r := lc.cached(w, fromRoot); r != nil && !slices.Contains(s.fromRoot, r) {
					s.fromRoot = append(s.fromRoot, r)
				}
				continue
			} else if fromLang, ok := bytes.CutPrefix(value, []byte(langUp)); ok && langUp != "" && rootRelative(fromLang) {
				if r := lc.cached(w, append([]byte(lang), fromLang...)); r != nil && !slices.Contains(s.fromLang, r) {
					s.fromLang = append(s.fromLang, r)
				}
				continue
			} else {
				l, keep = lc.resolve(dir, unescape(value))
			}
			if !keep {
				continue
			}
			if l.self {
				self = append(self, l)
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			if !seen[l.href] {
				seen[l.href] = true
				s.links = append(s.links, l)
			}
		}
	}
	s.ids = ids.String()
	for _, l := range self {
		if !hasID(s.ids, l.frag) && (seen == nil || !seen[l.href]) {
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[l.href] = true
			s.links = append(s.links, l) // broken: kept for the report
		}
	}
}

// zgotmpl is what html/template writes instead of a URL it refuses
// (javascript: in site.toml's editURL, say): not a link of the site, and
// the configuration's check reports its cause.
const zgotmpl = "#ZgotmplZ"

// rootRelative reports whether the rest of a link after the climb to
// the root can be resolved from the root alone: not "#x" or "?q" (which
// stay on the page), no further climb, no entity.
func rootRelative(rest []byte) bool {
	return (len(rest) == 0 || rest[0] != '#' && rest[0] != '?') && !bytes.HasPrefix(rest, []byte("../")) && bytes.IndexByte(rest, '&') < 0
}

// unescape decodes an attribute value's entities.
func unescape(v []byte) string {
	if bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	return html.UnescapeString(string(v))
}

// attrName returns the attribute name that ends b when white space comes
// before it: `<a class="x" href` gives "href".
func attrName(b []byte) string {
	i := len(b)
	for i > 0 && (b[i-1] >= 'a' && b[i-1] <= 'z' || b[i-1] == '-') {
		i--
	}
	if i == 0 || i == len(b) || !strings.ContainsRune(" \n\t\r", rune(b[i-1])) {
		return ""
	}
	switch string(b[i:]) { // no allocation: the names checked are constants
	case "id":
		return "id"
	case "href":
		return "href"
	case "src":
		return "src"
	}
	return "other"
}

// resolve reads an href or src of a file in folder dir as the browser
// does, and returns it when it is broken or has a #fragment to look for.
func (lc *linkCheck) resolve(dir, href string) (pageLink, bool) {
	if href == "" || markdown.HasScheme(href) || href == zgotmpl {
		return pageLink{}, false
	}
	rest, frag, _ := strings.Cut(href, "#")
	p, _, _ := strings.Cut(rest, "?")
	p = markdown.PathDecode(p)
	l := pageLink{href: href, frag: markdown.PathDecode(frag), self: p == ""}
	if l.self {
		return l, l.frag != ""
	}
	var site string
	if strings.HasPrefix(p, "/") {
		in, ok := strings.CutPrefix(p, lc.base)
		if !ok && p+"/" != lc.base {
			l.outside = true
			return l, true
		}
		site = in
	} else {
		site = path.Join(dir, p)
		if strings.HasSuffix(p, "/") && site != "." {
			site += "/"
		}
	}
	if site == ".." || strings.HasPrefix(site, "../") {
		l.above = true
		return l, true
	}
	if t, ok := lc.file(site); ok {
		l.target = t
		return l, l.frag != "" && path.Ext(t) == ".html"
	}
	l.missing = "/" + strings.TrimPrefix(site, ".")
	return l, true
}

// file is the output a site path names: the file, or a folder's
// index.html (also without the final slash, as static hosts serve it).
func (lc *linkCheck) file(p string) (string, bool) {
	p = strings.TrimPrefix(p, "/")
	if p == "" || p == "." {
		p = "index.html"
	} else if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if _, ok := lc.index[p]; ok || lc.assumed[p] {
		return p, true
	}
	if _, ok := lc.index[p+"/index.html"]; ok {
		return p + "/index.html", true
	}
	return "", false
}

// assume makes the check take the output path p for written.
func (lc *linkCheck) assume(p string) {
	if lc.assumed == nil {
		lc.assumed = map[string]bool{}
	}
	lc.assumed[p] = true
}

// report returns the broken links: each at the Markdown source's position
// when a body wrote it, else once per target of the theme's links.
func (lc *linkCheck) report() generator.Diagnostics {
	var diags generator.Diagnostics
	type themeLink struct {
		pages []string
		pos   generator.Pos
	}
	theme := map[string]*themeLink{}
	reported := map[generator.Pos]bool{}
	// The files' links are checked on every core, and reported in the
	// files' order.
	found := make([][]brokenLink, len(lc.scans))
	workers.Each(len(lc.scans), func(i int) { found[i] = lc.brokenLinks(i) })
	for i, bs := range found {
		o := lc.outs[i]
		for _, b := range bs {
			if len(b.refs) > 0 {
				for _, r := range b.refs {
					if reported[r.Pos] {
						continue
					}
					reported[r.Pos] = true
					kind := "link"
					if r.Image {
						kind = "image"
					}
					lc.add(&diags, r.Pos, "broken %s %q: %s", kind, r.URL, b.what)
				}
				continue
			}
			if lc.bodiesOnly {
				continue
			}
			key := b.href + "\x00" + b.what
			t := theme[key]
			if t == nil {
				t = &themeLink{pos: o.Pos}
				if f := lc.files[o.Path]; f != "" {
					t.pos = generator.Pos{File: f}
				}
				theme[key] = t
			}
			t.pages = append(t.pages, "/"+strings.TrimSuffix(o.Path, "index.html"))
		}
	}
	keys := make([]string, 0, len(theme))
	for k := range theme {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		t := theme[k]
		href, what, _ := strings.Cut(k, "\x00")
		on := t.pages[0]
		if n := len(t.pages) - 1; n > 0 {
			on += fmt.Sprintf(" and %s", generator.Count(n, "more page"))
		}
		lc.add(&diags, t.pos, "broken link %q in the theme's layout, on %s: %s", href, on, what)
	}
	return diags
}

// brokenLink is a broken link of a file: its href, what is wrong with
// it, and the destinations of the file's Markdown body that wrote it
// (none when the theme's layout did).
type brokenLink struct {
	href, what string
	refs       []markdown.Ref
}

// brokenLinks are the broken links of output i that its body did not
// report when it was rendered.
func (lc *linkCheck) brokenLinks(i int) []brokenLink {
	s, o := lc.scans[i], lc.outs[i]
	var out []brokenLink
	// check reports l, whose href is written on the page with prefix
	// instead of trim before it: most links are whole, and their href
	// is made only for the report.
	check := func(l *pageLink, prefix, trim string) {
		what := lc.broken(o.Path, s, l)
		if what == "" {
			return
		}
		href := prefix + strings.TrimPrefix(l.href, trim)
		if slices.Contains(lc.dests[o.Path].checked, destHash(href)) {
			return // the body's: resolved, or reported, when it was rendered
		}
		out = append(out, brokenLink{href, what, lc.bodyRefs(o.Path, href)})
	}
	for i := range s.links {
		check(&s.links[i], "", "")
	}
	if len(s.fromRoot) > 0 || len(s.fromLang) > 0 {
		up := strings.Repeat("../", strings.Count(o.Path, "/"))
		lang, langUp := lc.langOf(path.Dir(o.Path) + "/")
		for _, r := range s.fromRoot {
			check(r, up, "")
		}
		for _, r := range s.fromLang {
			check(r, langUp, lang)
		}
	}
	return out
}

// hasID reports whether ids, a pageScan's "\x00id\x00id\x00…", holds
// id: whether it contains "\x00"+id+"\x00", without making that string.
func hasID(ids, id string) bool {
	if id == "" {
		return strings.Contains(ids, "\x00\x00")
	}
	for from := 0; ; {
		i := strings.Index(ids[from:], id)
		if i < 0 {
			return false
		}
		i += from
		if i > 0 && ids[i-1] == 0 && i+len(id) < len(ids) && ids[i+len(id)] == 0 {
			return true
		}
		from = i + 1
	}
}

// broken says what is wrong with a link of the file at out, or "".
func (lc *linkCheck) broken(out string, s pageScan, l *pageLink) string {
	switch {
	case l.outside:
		return "the site is published under " + lc.base + ", so this leads outside it; write the link relative to the page, or starting with " + lc.base
	case l.above:
		return "it climbs above the site's root"
	case !l.self && l.target == "":
		return "the site has no page or file at " + l.missing + lc.suggest(l.missing)
	}
	ids := s.ids
	if !l.self {
		if lc.assumed[l.target] {
			return "" // not written by this run: its ids are unknown
		}
		ids = lc.scans[lc.index[l.target]].ids
	}
	if l.frag == "" || hasID(ids, l.frag) {
		return ""
	}
	where := "this page"
	if !l.self && l.target != out {
		where = "/" + strings.TrimSuffix(l.target, "index.html")
	}
	known := slices.DeleteFunc(strings.Split(strings.Trim(ids, "\x00"), "\x00"), func(id string) bool { return id == "" })
	return fmt.Sprintf("%s has no element with the id %q%s", where, l.frag, generator.DidYouMean(l.frag, known))
}

// suggest names the page a broken link probably meant: the page whose id
// is the link's last folder ("getting-started/" for a page that is at
// /handbook/getting-started/, since a page's URL is its section and id).
func (lc *linkCheck) suggest(missing string) string {
	last := path.Base(strings.TrimSuffix(missing, "/"))
	if u, ok := lc.byID[strings.ToLower(last)]; ok && strings.TrimPrefix(u, "/") != strings.TrimPrefix(missing, "/") {
		return fmt.Sprintf(" (did you mean %s? link a page by its .md file or as [[%s]])", u, last)
	}
	return ""
}

// bodyRefs returns the destinations of the file's Markdown body that a
// link was written from, compared as the browser reads them.
func (lc *linkCheck) bodyRefs(out, href string) []markdown.Ref {
	want := markdown.PathDecode(href)
	var found []markdown.Ref
	for _, r := range lc.dests[out].unresolved {
		if markdown.PathDecode(r.URL) == want {
			found = append(found, r)
		}
	}
	return found
}

func (lc *linkCheck) add(d *generator.Diagnostics, pos generator.Pos, format string, args ...any) {
	if lc.warning {
		d.Warnf(pos, format, args...)
		return
	}
	d.Errorf(pos, format, args...)
}
