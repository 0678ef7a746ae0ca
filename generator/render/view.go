package render

import (
	"html/template"

	"github.com/backlight-wiki/backlight/generator/markdown"
)

// SiteInfo is what every template may know about the site.
type SiteInfo struct {
	Title    string
	BaseURL  string // absolute or root path, ending in /
	Language string
	EditURL  string
	Version  string
	Levels   []string
	Types    []TypeInfo // in display order
	Nav      []Link     // filled by New: the list pages that have pages
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
	Breadcrumbs []Link
	Page        *PageView
	Intro       template.HTML
	Groups      []Group
	Levels      []LevelGroup
	Target      string // the page a redirect points to
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// Entry is a page in a list.
type Entry struct {
	Title, Abbr, URL, Summary, Badge string
}

// Group is a titled list of entries.
type Group struct {
	ID, Title, URL string
	Entries        []Entry
}

// LevelGroup is one level on the home page: its pages grouped by type.
type LevelGroup struct {
	Title, URL string
	Groups     []Group
}

// PageView is a content page as templates see it.
type PageView struct {
	ID, Type, Title, Abbr, Summary string
	TypeLabel, TypeURL             string
	Level                          *Link
	Tags                           []Link
	Body                           template.HTML
	TOC                            []markdown.Heading
	EditURL                        string
	Source                         string // path of the source file from the site root
	Facts                          []Fact
	Checklist                      []string
	Relations                      []RelationGroup // declared, then inverse, each in vocabulary order
	Params                         map[string]any
}

// Fact is one labelled value of a page, linked when it names a page.
type Fact struct {
	Label, Value, URL string
}

// RelationGroup is one line of a page's relation box: a relation's label
// (or its inverse label) and the pages it links.
type RelationGroup struct {
	Name    string // the relation's name, is_a
	Label   string // "is part of", or for an inverse "consists of"
	Inverse bool
	Pages   []Entry
}
