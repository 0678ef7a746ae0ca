package render

import (
	"html/template"

	"github.com/backlight-wiki/backlight/generator"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// SiteInfo is what every template may know about the site.
type SiteInfo struct {
	Title       string
	BaseURL     string // absolute or root path, ending in /
	Language    string
	EditURL     string
	Version     string
	Now         time.Time // the build date: forecasts give iteration end dates from it
	Levels      []string
	Statuses    []string         // [backlog].statuses, in workflow order
	Roadmap     RoadmapSettings  // the roadmap's cycle grid
	Types       []TypeInfo       // in display order
	Nav         []Link           // filled by New: the list pages that have pages
	Feed        string           // filled by Plan: the release feed's URL, when the site has releases
	Glossary    []glossary.Entry // the glossary's entries; none: no glossary page and no term links
	GlossaryURL string           // filled by New: the glossary page's URL, "" when there is none
	Icons       []IconLink       // filled by Plan: the site's icons, provided or drawn
	Limits      Limits           // the size limits; New fills those left zero from DefaultLimits
}

// TypeInfo names a page type.
type TypeInfo struct {
	Name, Label, Plural string
}

// View is the data of one rendered page, whatever its kind.
type View struct {
	Site        *SiteInfo
	Kind        string // home, list, page, 404, redirect
	URL         string // site-relative URL of this page
	Root        string // relative path from this page to the site root, "./" or "../../"
	Title       string
	Description string
	Canonical   string
	Sheets      []string // the theme's stylesheets the page needs beyond css/style.css ("css/backlog.css")
	Breadcrumbs []Link
	Page        *PageView
	Intro       template.HTML
	Groups      []Group
	Levels      []LevelGroup
	Target      string            // the page a redirect points to
	Matrices    []Matrix          // a level's responsibility matrices
	MatrixParts *MatrixParts      // on a level's page: its group pages
	BacklogList []BacklogSummary  // on the backlogs index
	Tree        []TreeNode        // on the traceability page
	Graph       *LevelGraph       // on a level's graph page
	GraphURL    string            // on a level's page: its graph page
	Roadmap     *RoadmapView      // on the releases list page
	Glossary    []GlossarySection // on the glossary page
	Pager       *Pager            // on a page of a list cut into pages
	Nav         []NavItem
	NavKey      string // what the header depends on: the root and the current section, for cached

	lead  string      // the first paragraph of a list's introduction, for describe
	level string      // on a level's page and its graph page: the level
	typ   string      // on a type's list: the type
	part  *matrixPart // on a level's group page: its group
}

// AbsURL is the page's absolute URL, for og:url, or "" when the site's
// base URL is not absolute.
func (v *View) AbsURL() string {
	if strings.HasPrefix(v.Canonical, "https://") || strings.HasPrefix(v.Canonical, "http://") {
		return v.Canonical
	}
	return ""
}

// Link is a titled URL. Href is URL relative to the page being rendered.
type Link struct {
	Title string
	URL   string
	Href  string
}

// Entry is a page in a list. Href is URL relative to the page being
// rendered.
type Entry struct {
	Title, Abbr, URL, Href, Summary, Badge string
}

// NavItem is a link of the site navigation as one page shows it.
type NavItem struct {
	Title, Href string
	Current     string // "page" on the list page itself, "true" below it, else ""
}

// Group is a titled list of entries.
type Group struct {
	ID, Title, URL string
	Entries        []Entry
	Hidden         int   // pages of the group left out of Entries
	More           *Link // where the whole group is listed, when Hidden > 0
}

// Count is the number of pages in the group, shown or not.
func (g Group) Count() int { return len(g.Entries) + g.Hidden }

// LevelGroup is one level on the home page: its pages grouped by type.
type LevelGroup struct {
	Title, URL string
	Groups     []Group
}

// PageView is a content page as templates see it.
type PageView struct {
	ID, Type, Title, Abbr, Summary string
	TypeLabel, TypeURL, TypeHref   string
	Level                          *Link
	Tags                           []Link
	Body                           template.HTML
	TOC                            []markdown.Heading
	EditURL                        string
	Source                         string // path of the source file from the site root
	Facts                          []Fact
	Checklist                      []string
	Relations                      []RelationGroup // declared, then inverse, each in vocabulary order
	Related                        []RelatedColumn // the related-pages table, for wiki pages
	MentionedIn                    []Entry         // pages whose prose links here, by title, at most 60
	MoreMentions                   int             // how many more pages link here
	Graph                          *PageGraph      // the neighbourhood, nil when not drawn
	Backlog                        *BacklogView    // on a backlog's page
	Item                           *ItemView       // on an item's page
	Release                        *ReleaseView    // on a release's page
	Params                         map[string]any

	src  *generator.Page // the page itself, for describe
	lead string          // the first paragraph of its body, for describe
}

// Fact is one labelled value of a page, linked when it names a page.
type Fact struct {
	Label, Value, URL, Href string
	Term                    string // the glossary entry of the label, or ""
}

// RelationGroup is one line of a page's relation box: a relation's label
// (or its inverse label) and the pages it links.
type RelationGroup struct {
	Name    string // the relation's name, is_a
	Label   string // "is part of", or for an inverse "consists of"
	Inverse bool
	Pages   []Entry
}

// setHrefs fills every Href of the view: its URL made relative to the
// view's page, so that templates need no function call per link.
func (v *View) setHrefs() {
	for i := range v.Breadcrumbs {
		v.Breadcrumbs[i].Href = Rel(v.Root, v.Breadcrumbs[i].URL)
	}
	groups := func(gs []Group) {
		for gi := range gs {
			g := &gs[gi]
			for i := range g.Entries {
				g.Entries[i].Href = Rel(v.Root, g.Entries[i].URL)
			}
			if g.More != nil {
				g.More.Href = Rel(v.Root, g.More.URL)
			}
		}
	}
	groups(v.Groups)
	for i := range v.BacklogList {
		b := &v.BacklogList[i]
		b.Href = Rel(v.Root, b.URL)
		if b.Owner != nil {
			b.Owner.Href = Rel(v.Root, b.Owner.URL)
		}
	}
	treeHrefs(v, v.Tree)
	if p := v.Pager; p != nil {
		for _, l := range []*Link{p.Prev, p.Next} {
			if l != nil {
				l.Href = Rel(v.Root, l.URL)
			}
		}
		for i := range p.Pages {
			if p.Pages[i].URL != "" {
				p.Pages[i].Href = Rel(v.Root, p.Pages[i].URL)
			}
		}
	}
	if t := v.MatrixParts; t != nil {
		for i := range t.Parts {
			t.Parts[i].Href = Rel(v.Root, t.Parts[i].URL)
		}
	}
	for mi := range v.Matrices {
		mx := &v.Matrices[mi]
		v.hrefs(mx.Columns)
		for ri := range mx.Rows {
			mx.Rows[ri].Href = Rel(v.Root, mx.Rows[ri].URL)
		}
	}
	for i := range v.Levels {
		groups(v.Levels[i].Groups)
	}
	if p := v.Page; p != nil {
		for i := range p.Tags {
			p.Tags[i].Href = Rel(v.Root, p.Tags[i].URL)
		}
		for i := range p.Facts {
			p.Facts[i].Href = Rel(v.Root, p.Facts[i].URL)
		}
		for ri := range p.Relations {
			v.hrefs(p.Relations[ri].Pages)
		}
		for ci := range p.Related {
			c := &p.Related[ci]
			v.hrefs(c.Related)
			v.hrefs(c.Others)
			if c.More != nil {
				c.More.Href = Rel(v.Root, c.More.URL)
			}
		}
		v.hrefs(p.MentionedIn)
		if b := p.Backlog; b != nil {
			for i := range b.Rows {
				v.rowHrefs(&b.Rows[i])
			}
			for ci := range b.Board {
				for i := range b.Board[ci].Cards {
					v.rowHrefs(&b.Board[ci].Cards[i])
				}
			}
			for i := range b.Exports {
				b.Exports[i].Href = Rel(v.Root, b.Exports[i].URL)
			}
		}
		if it := p.Item; it != nil {
			v.hrefs(it.Chain)
			for i := range it.Children {
				it.Children[i].Href = Rel(v.Root, it.Children[i].URL)
			}
		}
		if p.Level != nil {
			p.Level.Href = Rel(v.Root, p.Level.URL)
		}
		p.TypeHref = Rel(v.Root, p.TypeURL)
	}
	v.Nav = make([]NavItem, len(v.Site.Nav))
	v.NavKey = v.Root
	for i, n := range v.Site.Nav {
		v.Nav[i] = NavItem{Title: n.Title, Href: Rel(v.Root, n.URL)}
		switch {
		case v.URL == n.URL:
			v.Nav[i].Current = "page"
		case strings.HasPrefix(v.URL, n.URL):
			v.Nav[i].Current = "true"
		}
		if v.Nav[i].Current != "" {
			v.NavKey += " " + strconv.Itoa(i) + v.Nav[i].Current
		}
	}
}

func (v *View) hrefs(es []Entry) {
	for i := range es {
		es[i].Href = Rel(v.Root, es[i].URL)
	}
}

func (v *View) rowHrefs(r *BacklogRow) {
	r.Href = Rel(v.Root, r.URL)
	if r.ReleaseURL != "" {
		r.ReleaseHref = Rel(v.Root, r.ReleaseURL)
	}
}

func treeHrefs(v *View, nodes []TreeNode) {
	for i := range nodes {
		nodes[i].Href = Rel(v.Root, nodes[i].URL)
		treeHrefs(v, nodes[i].Children)
	}
}
