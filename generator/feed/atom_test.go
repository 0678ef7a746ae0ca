package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
)

// Test-side structs: they read what a feed reader would, independently of
// the ones that write.
type readFeed struct {
	XMLName   xml.Name    `xml:"feed"`
	ID        string      `xml:"id"`
	Title     readText    `xml:"title"`
	Updated   string      `xml:"updated"`
	Links     []readLink  `xml:"link"`
	Author    []string    `xml:"author>name"`
	Generator string      `xml:"generator"`
	Entries   []readEntry `xml:"entry"`
}

type readText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type readLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type readEntry struct {
	ID         string     `xml:"id"`
	Title      readText   `xml:"title"`
	Updated    string     `xml:"updated"`
	Published  string     `xml:"published"`
	Links      []readLink `xml:"link"`
	Summary    *readText  `xml:"summary"`
	Content    *readText  `xml:"content"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
}

// parseFeed checks that b is well-formed XML with a declaration and reads
// it as Atom.
func parseFeed(t testing.TB, b []byte) readFeed {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n")) {
		t.Fatalf("no XML declaration: %.60q", b)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
	}
	var f readFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("cannot decode the feed: %v\n%s", err, b)
	}
	if f.XMLName.Space != atomNS || f.XMLName.Local != "feed" {
		t.Fatalf("root element is {%s}%s, want {%s}feed", f.XMLName.Space, f.XMLName.Local, atomNS)
	}
	return f
}

func parseDate(t testing.TB, what, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.RFC3339, s)
	if err != nil || !strings.HasSuffix(s, "Z") {
		t.Errorf("%s %q is not an RFC 3339 date in UTC: %v", what, s, err)
	}
	return d
}

func link(links []readLink, rel string) (readLink, bool) {
	for _, l := range links {
		if l.Rel == rel {
			return l, true
		}
	}
	return readLink{}, false
}

func TestFeedGolden(t *testing.T) {
	b, err := releaseFeed().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	parseFeed(t, b)
	checkGolden(t, "releases.atom", b)
}

func TestFeedParsesBack(t *testing.T) {
	in := releaseFeed()
	in.Title = "Releases <script>alert('x')</script> & \"more\""
	in.Author = "Ops & <Team>\x01"
	hostile := Entry{
		ID:         "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
		Title:      "<script>alert(1)</script> & &amp; ]]> \x00\x08\x1b bell\a 🎉 \uFFFE\uFFFF",
		Link:       "https://wiki.example.org/a?b=1&c=<2>",
		Published:  time.Date(2026, 4, 1, 12, 0, 0, 0, time.FixedZone("UTC+2", 2*3600)),
		Updated:    time.Date(2026, 4, 2, 23, 59, 59, 999, time.FixedZone("UTC-5", -5*3600)),
		Summary:    "Line 1\r\nLine 2\rLine 3\n\ttab \u0085 \x7f Grüße 東京 \xff\xfe invalid",
		Content:    `<p onclick="x()">Tom &amp; Jerry</p><script>alert("x")</script><![CDATA[ ]]>`,
		Categories: []string{"<b>", "a & b", "", "emoji 🎉"},
	}
	in.Entries = append([]Entry{hostile}, in.Entries...)
	b, err := in.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte("<p ")) {
		t.Errorf("markup was not escaped:\n%s", b)
	}
	got := parseFeed(t, b)

	if got.ID != in.ID || got.Title.Text != wantXML(in.Title) {
		t.Errorf("feed id, title = %q, %q; want %q, %q", got.ID, got.Title.Text, in.ID, wantXML(in.Title))
	}
	if d := parseDate(t, "feed updated", got.Updated); !d.Equal(in.Updated) {
		t.Errorf("feed updated = %v, want %v", d, in.Updated)
	}
	if !slices.Equal(got.Author, []string{wantXML(in.Author)}) || !strings.Contains(got.Author[0], "\uFFFD") {
		t.Errorf("author = %q, want [%q]", got.Author, wantXML(in.Author))
	}
	if got.Generator != "Backlight" {
		t.Errorf("generator = %q", got.Generator)
	}
	if l, ok := link(got.Links, "self"); !ok || l.Href != in.Self || l.Type != "application/atom+xml" {
		t.Errorf("self link = %+v, %v", l, ok)
	}
	if l, ok := link(got.Links, "alternate"); !ok || l.Href != in.Alternate || l.Type != "text/html" {
		t.Errorf("alternate link = %+v, %v", l, ok)
	}

	if len(got.Entries) != len(in.Entries) {
		t.Fatalf("read %d entries, wrote %d", len(got.Entries), len(in.Entries))
	}
	for i, e := range in.Entries {
		g := got.Entries[i]
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			if g.ID != e.ID {
				t.Errorf("id = %q, want %q", g.ID, e.ID)
			}
			if g.Title.Text != wantXML(e.Title) {
				t.Errorf("title = %q, want %q", g.Title.Text, wantXML(e.Title))
			}
			if d := parseDate(t, "updated", g.Updated); !d.Equal(e.Updated.Truncate(time.Second)) {
				t.Errorf("updated = %v, want %v", d, e.Updated)
			}
			if d := parseDate(t, "published", g.Published); !d.Equal(e.Published) {
				t.Errorf("published = %v, want %v", d, e.Published)
			}
			if l, ok := link(g.Links, "alternate"); !ok || l.Href != cleanURI(e.Link) {
				t.Errorf("link = %+v, %v; want %q", l, ok, cleanURI(e.Link))
			}
			if g.Summary == nil || g.Summary.Text != wantXML(e.Summary) || g.Summary.Type != "text" {
				t.Errorf("summary = %+v, want text %q", g.Summary, wantXML(e.Summary))
			}
			if e.Content == "" {
				if g.Content != nil {
					t.Errorf("content = %+v, want none", g.Content)
				}
			} else if g.Content == nil || g.Content.Text != wantXML(e.Content) || g.Content.Type != "html" {
				t.Errorf("content = %+v, want html %q", g.Content, wantXML(e.Content))
			}
			var terms, want []string
			for _, c := range g.Categories {
				terms = append(terms, c.Term)
			}
			for _, c := range e.Categories {
				if c != "" {
					want = append(want, wantXML(c))
				}
			}
			if !slices.Equal(terms, want) {
				t.Errorf("categories = %q, want %q", terms, want)
			}
		})
	}
	if l := got.Entries[0].Links[0].Href; l != "https://wiki.example.org/a?b=1&c=%3C2%3E" {
		t.Errorf("hostile link = %q", l)
	}
}

func TestFeedFallbacks(t *testing.T) {
	published := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	newest := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	in := Feed{
		Title: "Releases",
		Self:  "releases.atom", // relative: the site has no base URL
		Entries: []Entry{
			{Title: "No id, no link", Published: published},
			{Title: "Link only", Link: "releases/a/", Updated: newest},
			{ID: "urn:x:c", Title: "Nothing dated"},
		},
	}
	b, err := in.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	got := parseFeed(t, b)
	if want := UUID("releases.atom", "", "Releases"); got.ID != want {
		t.Errorf("feed id = %q, want %q", got.ID, want)
	}
	if d := parseDate(t, "feed updated", got.Updated); !d.Equal(newest) {
		t.Errorf("feed updated = %v, want the newest entry's %v", d, newest)
	}
	if !slices.Equal(got.Author, []string{"Releases"}) {
		t.Errorf("author = %q, want the title", got.Author)
	}
	if l, ok := link(got.Links, "self"); !ok || l.Href != "releases.atom" {
		t.Errorf("self link = %+v", l)
	}
	if _, ok := link(got.Links, "alternate"); ok || got.Generator != "" {
		t.Errorf("alternate link or generator written though empty: %s", b)
	}
	e := got.Entries
	if want := UUID(got.ID, "No id, no link", "2026-03-01T00:00:00Z"); e[0].ID != want || !strings.HasPrefix(e[0].ID, "urn:uuid:") {
		t.Errorf("entry 0 id = %q, want %q", e[0].ID, want)
	}
	if e[0].Updated != "2026-03-01T00:00:00Z" || e[0].Published != "2026-03-01T00:00:00Z" {
		t.Errorf("entry 0 updated, published = %q, %q; want its published date", e[0].Updated, e[0].Published)
	}
	if e[1].ID != "releases/a/" || e[1].Published != "" {
		t.Errorf("entry 1 id, published = %q, %q; want the link and none", e[1].ID, e[1].Published)
	}
	if e[2].Updated != got.Updated || len(e[2].Links) != 0 || e[2].Summary != nil || e[2].Content != nil {
		t.Errorf("entry 2 = %+v; want the feed's updated and no link, summary or content", e[2])
	}
}

func TestFeedEntriesKeepTheirOrder(t *testing.T) {
	var in Feed
	ids := []string{"urn:x:b", "urn:x:c", "urn:x:a"}
	for i, id := range ids {
		in.Entries = append(in.Entries, Entry{ID: id, Title: id, Updated: build.AddDate(0, 0, i)})
	}
	b, err := in.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range parseFeed(t, b).Entries {
		got = append(got, e.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("entries in order %q, want %q", got, ids)
	}
}

func TestFeedRejectsUnwritableYears(t *testing.T) {
	for _, f := range []Feed{
		{Title: "t", Updated: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Title: "t", Updated: build, Entries: []Entry{{Title: "e", Updated: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)}}},
		{Title: "t", Updated: build, Entries: []Entry{{Title: "e", Updated: build, Published: time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC)}}},
	} {
		if b, err := f.Bytes(); err == nil {
			t.Errorf("no error for %+v:\n%s", f, b)
		}
	}
	// Year 0 and 9999 are fine, and so is a zero time.
	for _, d := range []time.Time{{}, time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)} {
		b, err := Feed{Title: "t", Updated: d}.Bytes()
		if err != nil {
			t.Errorf("%v: %v", d, err)
			continue
		}
		parseFeed(t, b)
	}
}

func TestXMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain <b> & \"q\"", "plain <b> & \"q\""},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"nul\x00 bell\a esc\x1b", "nul\uFFFD bell\uFFFD esc\uFFFD"},
		{"del\x7f nel\u0085", "del\x7f nel\u0085"}, // XML 1.0 allows them
		{"\uFFFE\uFFFF", "\uFFFD\uFFFD"},
		{"\xff\xfe", "\uFFFD\uFFFD"},
		{"\uFFFD kept", "\uFFFD kept"},
		{"🎉 \U0010FFFF", "🎉 \U0010FFFF"},
	} {
		if got := xmlText(tc.in); got != tc.want {
			t.Errorf("xmlText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFeedContentBase checks that an entry's xml:base is written on its
// content, in the XML namespace a feed reader looks it up in, and only
// when set.
func TestFeedContentBase(t *testing.T) {
	in := releaseFeed()
	in.Entries[0].ContentBase = "https://wiki.example.org/releases/pump-3-1/?a=1&b=2"
	in.Entries[0].Content = `<p>See <a href="../../roles/cpo/">the CPO</a>.</p>`
	b, err := in.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Entries []struct {
			Content struct {
				Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
			} `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Entries) < 2 {
		t.Fatalf("got %d entries", len(got.Entries))
	}
	if got.Entries[0].Content.Base != in.Entries[0].ContentBase {
		t.Errorf("xml:base = %q, want %q", got.Entries[0].Content.Base, in.Entries[0].ContentBase)
	}
	if n := bytes.Count(b, []byte("xml:base=")); n != 1 {
		t.Errorf("got %d xml:base attributes, want 1 (only the entry that has one):\n%s", n, b)
	}
}
