package markdown

import (
	"bytes"
	"cmp"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/safeurl"
)

// walker visits a parsed body once: it collects headings, resolves and
// records links, neutralises dangerous URLs and reports raw HTML.
type walker struct {
	r     *Renderer
	src   Source
	lines lineIndex
	res   Resolver
	out   *Result
	self  []selfLink
	drop  []*ast.AutoLink // dangerous autolinks, replaced by their text after the walk
	ids   *headingIDs
	seen  map[string]bool // heading ids given so far
	terms *termLinker     // nil: no glossary terms to link
}

// selfLink is a "#fragment" link to a heading of the same page, checked
// once the whole page's headings are known.
type selfLink struct {
	frag string
	pos  generator.Pos
}

func (w *walker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	w.terms.visit(n, entering)
	if !entering {
		switch n := n.(type) {
		case *ast.Heading:
			w.heading(n) // on leaving, so that its wiki links show their titles
		case *ast.Document:
			w.checkSelfLinks()
		}
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *WikiLink:
		w.wikiLink(n)
	case *ast.Link:
		n.Destination = w.destination(n, n.Destination, true)
	case *ast.Image:
		n.Destination = w.destination(n, n.Destination, false)
	case *ast.AutoLink:
		if !w.r.unsafe && !safeurl.Safe(string(n.URL(w.src.Body))) {
			w.warnDangerous(w.autoLinkPos(n), string(n.URL(w.src.Body)))
			w.drop = append(w.drop, n) // replacing it now would end the walk of its siblings
		}
	case *ast.RawHTML, *ast.HTMLBlock:
		if !w.r.unsafe {
			w.out.Diags.Warnf(w.nodePos(n), "raw HTML is not published (set unsafeHTML = true under [build] in site.toml to allow it)")
		}
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

func (w *walker) heading(n *ast.Heading) {
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	text := plainText(n, w.src.Body)
	if len(idb) == 0 || w.seen[string(idb)] {
		// An empty {#} or an id written twice: make a unique one.
		idb = w.ids.Generate([]byte(cmp.Or(string(idb), text)), n.Kind())
		n.SetAttributeString("id", idb)
	}
	w.seen[string(idb)] = true
	w.out.Headings = append(w.out.Headings, Heading{Level: n.Level, ID: string(idb), Text: text})
}

func (w *walker) wikiLink(n *WikiLink) {
	pos := w.lines.pos(n.Offset)
	if n.Target == "" {
		n.Dest = "#" + n.Fragment
		w.self = append(w.self, selfLink{n.Fragment, pos})
		w.ref(n.Dest, pos, false, true)
		return
	}
	t, err := w.res.Resolve(n.Target, false)
	if err != nil {
		w.out.Diags.Errorf(pos, "broken wiki link [[%s]]: %v", n.Target, err)
		return
	}
	if !w.r.unsafe && !safeurl.Safe(t.URL) {
		w.warnDangerous(pos, t.URL)
		return
	}
	n.Dest, n.Title = t.URL, t.Title
	if n.Fragment != "" {
		n.Dest += "#" + n.Fragment
	}
	w.ref(n.Dest, pos, false, true) // its #fragment is checked with the other pages' links
	if n.Label == n.Target && !strings.EqualFold(n.Target, t.Title) {
		n.Label = t.Title // [[cpo]] shows the page's title, not its id
	}
	w.out.Links = append(w.out.Links, Link{Target: t.ID, Fragment: n.Fragment, Pos: pos})
}

// destination decides what a link or image points to and returns the
// destination to publish: a relative .md link becomes its page's URL, a
// relative path to a file published with the site that file's URL, and a
// dangerous URL nothing. Every destination inside the site is recorded in
// Refs; what cannot be checked here is checked once the site is rendered.
// Destinations are read as the browser will read them: entities and
// backslash escapes decoded, then, for file paths, %-escapes.
func (w *walker) destination(n ast.Node, dest []byte, isLink bool) []byte {
	raw := string(dest)
	if !safeurl.Safe(raw) && !w.r.unsafe {
		w.warnDangerous(w.nodePos(n), raw)
		return nil
	}
	img, _ := n.(*ast.Image)
	if img != nil {
		// Every image loads when it comes near and decodes off the main
		// thread; a file of the site's also gets its size (setImageSize).
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
	}
	d := decodeDestination(dest)
	if d == "" || hasScheme(d) {
		return dest // "" links to the page itself; a scheme or "//" leaves the site
	}
	pos := w.nodePos(n)
	rest, frag, hasFrag := strings.Cut(d, "#")
	file, query, hasQuery := strings.Cut(rest, "?")
	suffix := ""
	if hasQuery {
		suffix += "?" + query
	}
	if hasFrag {
		suffix += "#" + frag
	}
	if strings.HasPrefix(d, "/") {
		if img != nil {
			if f, ok := w.file(pathDecode(file), true); ok {
				setImageSize(img, f)
			}
		}
		w.ref(d, pos, img != nil, false)
		return dest
	}
	if file == "" {
		w.ref(d, pos, img != nil, true)
		if isLink && !hasQuery {
			w.self = append(w.self, selfLink{pathDecode(frag), pos})
		}
		return dest
	}
	target := path.Join(path.Dir(w.src.Path), pathDecode(file))
	if isLink && strings.HasSuffix(strings.ToLower(file), ".md") {
		w.ref(d, pos, false, true)
		t, err := w.res.Resolve(target, true)
		if err != nil {
			w.out.Diags.Errorf(pos, "broken link to %s: %v", d, err)
			return dest
		}
		if !w.r.unsafe && !safeurl.Safe(t.URL) {
			w.warnDangerous(pos, t.URL)
			return nil
		}
		w.out.Links = append(w.out.Links, Link{Target: t.ID, Fragment: pathDecode(frag), Pos: pos})
		return []byte(t.URL + suffix)
	}
	if f, ok := w.file(target, false); ok {
		if img != nil {
			setImageSize(img, f)
		}
		w.ref(f.URL+suffix, pos, img != nil, true)
		return []byte(f.URL + suffix)
	}
	w.ref(d, pos, img != nil, false)
	return dest
}

// ref records a destination inside the site.
func (w *walker) ref(u string, pos generator.Pos, image, checked bool) {
	w.out.Refs = append(w.out.Refs, Ref{URL: u, Pos: pos, Image: image, Checked: checked})
}

// file looks a published file up, when the resolver knows files.
func (w *walker) file(ref string, fromRoot bool) (FileTarget, bool) {
	if fr, ok := w.res.(FileResolver); ok {
		return fr.File(ref, fromRoot)
	}
	return FileTarget{}, false
}

// setImageSize gives an image of the site its intrinsic size, so that the
// browser lays the page out before the image arrives.
func setImageSize(img *ast.Image, f FileTarget) {
	if f.Width > 0 && f.Height > 0 {
		img.SetAttributeString("width", []byte(strconv.Itoa(f.Width)))
		img.SetAttributeString("height", []byte(strconv.Itoa(f.Height)))
	}
}

// decodeDestination reads a Markdown destination as the HTML renderer
// will write it and the browser read it: backslash escapes and entity
// references resolved.
func decodeDestination(dest []byte) string {
	d := util.UnescapePunctuations(dest)
	d = util.ResolveNumericReferences(d)
	d = util.ResolveEntityNames(d)
	return string(d)
}

// pathDecode decodes the %-escapes of a path or fragment as a browser
// does before it asks for a file or looks for an id.
func pathDecode(s string) string {
	d, _ := safeurl.PercentDecode(s)
	return d
}

// PathDecode decodes the %-escapes of a URL's path or fragment as a
// browser does before it asks for a file or looks for an id; an invalid
// escape stays as it is.
func PathDecode(s string) string { return pathDecode(s) }

// HasScheme reports whether u leaves the site: it starts with a scheme
// ("https:", "mailto:") or with "//".
func HasScheme(u string) bool { return hasScheme(u) }

func (w *walker) checkSelfLinks() {
	for _, l := range w.self {
		if !w.hasHeading(l.frag) {
			w.out.Diags.Errorf(l.pos, "link to #%s: this page has no heading with that id%s", l.frag,
				generator.DidYouMean(l.frag, w.headingIDs()))
		}
	}
}

func (w *walker) hasHeading(id string) bool {
	for _, h := range w.out.Headings {
		if h.ID == id {
			return true
		}
	}
	return strings.HasPrefix(id, "fn:") || strings.HasPrefix(id, "fnref:")
}

func (w *walker) headingIDs() []string {
	ids := make([]string, len(w.out.Headings))
	for i, h := range w.out.Headings {
		ids[i] = h.ID
	}
	return ids
}

func (w *walker) warnDangerous(pos generator.Pos, url string) {
	w.out.Diags.Warnf(pos, "a %s: URL was removed from a link (set unsafeHTML = true under [build] in site.toml to allow it)", safeurl.UnsafeScheme(url))
}

// dropAutoLinks replaces the dangerous autolinks by their plain text.
func (w *walker) dropAutoLinks() {
	for _, n := range w.drop {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(w.src.Body)))
	}
}

// autoLinkPos finds a <scheme:…> autolink, which keeps no position of its
// own: its label is a slice of the body, so their capacities tell its
// offset, one byte after the "<".
func (w *walker) autoLinkPos(n *ast.AutoLink) generator.Pos {
	if off := cap(w.src.Body) - cap(n.Label(w.src.Body)) - 1; off >= 0 && off < len(w.src.Body) {
		return w.lines.pos(off)
	}
	return w.nodePos(n)
}

// nodePos finds a node's position: an inline's first text segment (one
// column back, to the "[" of a link), else its block's first line.
func (w *walker) nodePos(n ast.Node) generator.Pos {
	if raw, ok := n.(*ast.RawHTML); ok && raw.Segments.Len() > 0 {
		return w.lines.pos(raw.Segments.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			off := t.Segment.Start
			if _, isLink := n.(*ast.Link); isLink && off > 0 {
				off--
			}
			if _, isImage := n.(*ast.Image); isImage && off > 1 {
				off -= 2
			}
			return w.lines.pos(off)
		}
	}
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			return w.lines.pos(b.Lines().At(0).Start)
		}
	}
	return generator.Pos{File: w.src.File, Line: w.lines.first}
}

// hasScheme reports whether u starts with "scheme:" or "//".
func hasScheme(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return false
	}
	for _, r := range u[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// plainText gathers the text of a node's inline children.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textValue(c, src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(textValue(c, src))
		case *WikiLink:
			b.WriteString(c.Label)
		case *east.FootnoteLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
