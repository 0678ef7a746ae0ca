package views

import (
	"html/template"
	"strings"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/i18n"
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
	Done        []string         // [backlog].done: the statuses of finished items
	Dropped     []string         // [backlog].dropped: the statuses of items given up
	Roadmap     RoadmapSettings  // the roadmap's cycle grid
	Types       []TypeInfo       // in display order
	Nav         []Link           // filled by New, in its copy: the list pages that have pages
	Feed        string           // filled by New, in its copy: the release feed's URL, when the site has releases
	ChangesURL  string           // filled by New, in its copy: the change list's URL, when the site has history
	Glossary    []glossary.Entry // the glossary's entries; none: no glossary page and no term links
	GlossaryURL string           // filled by render.New: the glossary page's URL, "" when there is none
	Icons       []IconLink       // filled by render.New: the site's icons, provided or drawn
	Limits      Limits           // the size limits; New fills those left zero from DefaultLimits
	// Languages are a multilingual site's languages, in site.toml's
	// order, the default first; nil for a site in one language. Prefix
	// is this site's folder under the top of the whole site, "de/", ""
	// for the default language's pages at the top.
	Languages []Language
	Prefix    string
	Top       bool // this language's site writes the files of the top of the whole site (robots.txt, the sitemap index)
	// Strings are the theme's words in the site's language (render.New
	// reads the English ones when none are given).
	Strings *i18n.Strings
}

// Language is one language a multilingual site is published in.
type Language struct {
	Code, Name string
	Prefix     string // its folder under the top of the site, "de/"; "" at the top
	BaseURL    string // the base URL of its pages, ending in /
	// Has reports whether the language's site has a page at site URL u
	// (its tag lists differ from the others'); nil: every page.
	Has func(u string) bool
}

// Alternate is the same page in one of the site's languages.
type Alternate struct {
	Lang, Name string
	Href       string // from the page that links it
	URL        string // absolute where the base URL is
	Current    bool   // the page itself
}

// IconLink is a <link> of every page's head that names the site's icon.
type IconLink struct {
	Rel, URL, Type, Sizes string
}

// TypeInfo names a page type.
type TypeInfo struct {
	Name, Label, Plural string
}

// View is the data of one rendered page, whatever its kind.
//
// The fields every page's layouts read come first, in about the order
// they read them: text/template finds a field by comparing its name with
// each of the struct's in turn, at every use (docs/design.md).
type View struct {
	Page        *PageView
	Root        string // relative path from this page to the site root, "./" or "../../"
	Site        *SiteInfo
	Kind        string      // home, list, page, 404, redirect
	HeadKey     string      // what the head's links depend on: the root and the sheets, for cached
	Pager       *Pager      // on a page of a list cut into pages
	NavKey      string      // what the header depends on: the root and the current section, for cached
	Alternates  []Alternate // the page in every language that has it (alternates)
	Breadcrumbs []Link
	URL         string // site-relative URL of this page
	Title       string
	Description string
	Canonical   string
	AbsURL      string   // the page's absolute URL, for og:url, or "" when the site's base URL is not absolute
	Sheets      []string // the theme's stylesheets the page needs beyond css/style.css ("css/backlog.css")
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
	Changes     *ChangesView      // on the change list, and a backlog's page: its changes since its system's last release

	lead     string      // the first paragraph of a list's introduction, for describe
	level    string      // on a level's page and its graph page: the level
	typ      string      // on a type's list: the type
	part     *matrixPart // on a level's group page: its group
	partials *Partials   // the output of cached partials, shared by the views of one Site
}

// Top is the path from the page to the top of the whole site, where the
// theme's and the site's files are: Root, but for the pages of a
// language published under a folder of its own, Root and up one more.
func (v *View) Top() string { return Up(v.Root, v.Site.Prefix) }

// Up is the path from a page whose links climb to its language's root by
// root, to the top of a site whose language is under prefix.
func Up(root, prefix string) string {
	if prefix == "" {
		return root
	}
	if strings.HasPrefix(root, "/") { // the 404 page's absolute root
		return strings.TrimSuffix(root, prefix)
	}
	up := strings.Repeat("../", strings.Count(prefix, "/"))
	if root == "./" {
		return up
	}
	return root + up
}

// alternates are the page in every language the site is published in
// that has it, the page's own first in site.toml's order; none for a
// site in one language, for redirects and for the 404 page.
func (v *View) alternates() []Alternate {
	if len(v.Site.Languages) == 0 || v.Kind == "redirect" || v.Kind == "404" {
		return nil
	}
	top := v.Top()
	out := make([]Alternate, 0, len(v.Site.Languages))
	for _, l := range v.Site.Languages {
		if l.Has != nil && !l.Has(v.URL) {
			continue
		}
		out = append(out, Alternate{Lang: l.Code, Name: l.Name, Href: top + l.Prefix + strings.TrimPrefix(v.URL, "/"),
			URL: generator.AbsURL(l.BaseURL, v.URL), Current: l.Prefix == v.Site.Prefix})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// Nav is the site navigation as this page shows it: each list page's
// link, marked "page" on the list itself and "true" on the pages under
// it. It is made when a template asks for it, which the default theme's
// header, rendered once per NavKey, does once per section and depth.
func (v *View) Nav() []NavItem {
	nav := make([]NavItem, len(v.Site.Nav))
	for i, n := range v.Site.Nav {
		nav[i] = NavItem{Title: n.Title, Href: generator.Rel(v.Root, n.URL), Current: navCurrent(v.URL, n.URL)}
	}
	return nav
}

// navCurrent is how the page at u stands to the list page at list:
// "page" on the list, "true" under it, else "".
func navCurrent(u, list string) string {
	switch {
	case u == list:
		return "page"
	case strings.HasPrefix(u, list):
		return "true"
	}
	return ""
}

// Partials is the cache of the partials a theme renders once per key
// (the template function cached), shared by the views of one Site.
func (v *View) Partials() *Partials { return v.partials }

// Partials holds what cached partials wrote, by partial and key. It is
// safe for concurrent use. Every page looks up a few, so a lookup
// allocates nothing (a sync.Map's key would be boxed, and made by
// joining the two).
type Partials struct {
	mu   sync.RWMutex
	html map[partialKey]template.HTML
}

type partialKey struct{ name, key string }

// Load returns what the partial name wrote for key, if it was stored.
func (c *Partials) Load(name, key string) (template.HTML, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	h, ok := c.html[partialKey{name, key}]
	return h, ok
}

// Store keeps what the partial name wrote for key.
func (c *Partials) Store(name, key string, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.html == nil {
		c.html = map[partialKey]template.HTML{}
	}
	c.html[partialKey{name, key}] = h
}

// absURL is the page's absolute URL, for og:url, or "" when the site's
// base URL is not absolute.
func (v *View) absURL() string {
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

// linked gives each link its Href from the page at root.
func linked(root string, ls ...Link) []Link {
	for i := range ls {
		ls[i].Href = generator.Rel(root, ls[i].URL)
	}
	return ls
}

// link is a titled URL as the page at root links it.
func link(root, title, url string) *Link {
	return &Link{Title: title, URL: url, Href: generator.Rel(root, url)}
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

// Updated is a page's "last updated" line.
type Updated struct {
	Day         string // YYYY-MM-DD, for <time datetime>
	Date        string // written out in the page's language
	Author      string // the last commit's author, only where the site publishes authors
	URL         string // the file's history page; "" for none
	Uncommitted bool   // changed in the work tree since the last commit
}

// PageView is a content page as templates see it. The fields the
// default theme's page layout reads on every page come first, in the
// order it reads them, as on View.
type PageView struct {
	Relations []RelationGroup // declared, then inverse, each in vocabulary order
	Item      *ItemView       // on an item's page
	Release   *ReleaseView    // on a release's page
	Facts     []Fact
	Checklist []string
	TOC       []markdown.Heading
	// TextLang is the language of the page's title, summary and body
	// when it is not the site's: a page not yet translated shows the
	// default language's, and Original links to it there.
	TextLang     string
	Body         template.HTML
	Backlog      *BacklogView    // on a backlog's page
	Graph        *PageGraph      // the neighbourhood, nil when not drawn
	Related      []RelatedColumn // the related-pages table, for wiki pages
	MentionedIn  []Entry         // pages whose prose links here, by title, at most 60
	MoreMentions int             // how many more pages link here
	// Updated is when the page's file last changed, from the site's
	// history; nil without one.
	Updated                        *Updated
	EditURL                        string
	Source                         string // path of the source file from the site root
	ID, Type, Title, Abbr, Summary string
	TypeLabel, TypeURL, TypeHref   string
	Level                          *Link
	Tags                           []Link
	Params                         map[string]any
	Original                       string // the page in the default language, when TextLang is set

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
