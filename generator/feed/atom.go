package feed

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Feed is an Atom 1.0 feed.
type Feed struct {
	Title     string
	ID        string    // IRI, e.g. the feed's absolute URL or a urn:uuid:
	Self      string    // rel="self" link (may be relative if the site has no base URL)
	Alternate string    // rel="alternate" link to the HTML page
	Updated   time.Time // newest entry's Updated, or the build time
	Author    string    // name
	Generator string    // e.g. "Backlight"
	Entries   []Entry
}

// Entry is one entry of a Feed.
type Entry struct {
	ID, Title, Link    string
	Published, Updated time.Time
	Summary            string // plain text
	Content            string // HTML, written as type="html" (escaped by encoding/xml)
	ContentBase        string // the absolute URL Content's relative links resolve against (xml:base), if any
	Categories         []string
}

// atomNS is the Atom namespace, the default one of the whole document.
const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName   xml.Name       `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string         `xml:"title"`
	Links     []atomLink     `xml:"link"`
	Updated   string         `xml:"updated"`
	ID        string         `xml:"id"`
	Author    atomPerson     `xml:"author"`
	Generator *atomGenerator `xml:"generator"`
	Entries   []atomEntry    `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomGenerator struct {
	Name string `xml:",chardata"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	Link       *atomLink      `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Summary    *atomText      `xml:"summary"`
	Content    *atomText      `xml:"content"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// Bytes writes the feed as an Atom document with an XML declaration,
// entries in the order given. It fails only on a date whose year is
// outside 0000–9999, which RFC 3339 cannot write.
func (f Feed) Bytes() ([]byte, error) {
	feedUpdated := f.Updated
	if feedUpdated.IsZero() {
		for _, e := range f.Entries {
			if u := entryUpdated(e); u.After(feedUpdated) {
				feedUpdated = u
			}
		}
	}
	id := cleanURI(xmlText(f.ID))
	if id == "" {
		id = UUID(f.Self, f.Alternate, f.Title)
	}
	author := f.Author
	if author == "" {
		author = f.Title
	}
	out := atomFeed{
		Title:  xmlText(f.Title),
		ID:     id,
		Author: atomPerson{Name: xmlText(author)},
	}
	var err error
	if out.Updated, err = rfc3339(feedUpdated); err != nil {
		return nil, fmt.Errorf("feed %q: updated: %w", f.Title, err)
	}
	if href := cleanURI(f.Self); href != "" {
		out.Links = append(out.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: href})
	}
	if href := cleanURI(f.Alternate); href != "" {
		out.Links = append(out.Links, atomLink{Rel: "alternate", Type: "text/html", Href: href})
	}
	if g := xmlText(f.Generator); g != "" {
		out.Generator = &atomGenerator{Name: g}
	}
	for _, e := range f.Entries {
		entry, err := atomEntryOf(e, id, feedUpdated)
		if err != nil {
			return nil, fmt.Errorf("feed %q: entry %q: %w", f.Title, e.Title, err)
		}
		out.Entries = append(out.Entries, entry)
	}
	body, err := xml.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	doc := make([]byte, 0, len(xml.Header)+len(body)+1)
	doc = append(doc, xml.Header...)
	doc = append(doc, body...)
	return append(doc, '\n'), nil
}

func atomEntryOf(e Entry, feedID string, feedUpdated time.Time) (atomEntry, error) {
	updated := entryUpdated(e)
	if updated.IsZero() {
		updated = feedUpdated
	}
	link := cleanURI(e.Link)
	id := cleanURI(xmlText(e.ID))
	if id == "" {
		id = link
	}
	if id == "" {
		id = UUID(feedID, e.Title, e.Published.UTC().Format(time.RFC3339))
	}
	out := atomEntry{Title: xmlText(e.Title), ID: id}
	var err error
	if out.Updated, err = rfc3339(updated); err != nil {
		return out, fmt.Errorf("updated: %w", err)
	}
	if !e.Published.IsZero() {
		if out.Published, err = rfc3339(e.Published); err != nil {
			return out, fmt.Errorf("published: %w", err)
		}
	}
	if link != "" {
		out.Link = &atomLink{Rel: "alternate", Href: link}
	}
	if e.Summary != "" {
		out.Summary = &atomText{Type: "text", Body: xmlText(e.Summary)}
	}
	if e.Content != "" {
		out.Content = &atomText{Type: "html", Base: xmlText(e.ContentBase), Body: xmlText(e.Content)}
	}
	for _, c := range e.Categories {
		if term := xmlText(c); strings.TrimSpace(term) != "" {
			out.Categories = append(out.Categories, atomCategory{Term: term})
		}
	}
	return out, nil
}

// entryUpdated is an entry's Updated, or its Published when that is zero.
func entryUpdated(e Entry) time.Time {
	if e.Updated.IsZero() {
		return e.Published
	}
	return e.Updated
}

// rfc3339 writes t in UTC as an RFC 3339 date-time, which has four-digit
// years only.
func rfc3339(t time.Time) (string, error) {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return "", fmt.Errorf("year %d is outside 0000–9999", y)
	}
	return t.Format(time.RFC3339), nil
}

// xmlText replaces every character XML 1.0 cannot hold (most control
// characters, U+FFFE, U+FFFF, and invalid UTF-8 bytes) with U+FFFD.
// Tab, newline and carriage return are kept; encoding/xml writes them as
// character references, so they survive parsing.
func xmlText(s string) string {
	clean := true
	for _, r := range s {
		if !xmlChar(r) || r == '\uFFFD' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !xmlChar(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r) // an invalid byte comes as utf8.RuneError: U+FFFD
	}
	return b.String()
}

// xmlChar reports whether r is a Char of XML 1.0 (section 2.2).
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	case r < 0x10000:
		return false
	}
	return r <= 0x10FFFF
}
