package feed

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"
)

// FuzzCalendar writes an event of arbitrary text and checks the line
// structure and that the text reads back, both with the rules as stated
// and with an independent parser.
func FuzzCalendar(f *testing.F) {
	f.Add("Pump controller 3.1", "Rollout\r\nstep 2", "https://wiki.example.org/a b")
	f.Add(strings.Repeat("a", 66), strings.Repeat("é", 40), "")
	f.Add(strings.Repeat("東", 30)+",;\\", "\x00\x1b\u0085\x7f\t🎉\xff", "\x00 https://x/\n")
	f.Add(strings.Repeat(`\,`, 50), strings.Repeat("🎉", 19)+"a", "https://x.org/"+strings.Repeat("ü", 40))
	f.Fuzz(func(t *testing.T, summary, description, url string) {
		c := Calendar{ProdID: "-//fuzz//EN", Stamp: build, Events: []Event{{
			UID: "fuzz@x", Summary: summary, Description: description, URL: url,
			Start: day(2026, 5, 4), End: day(2026, 5, 4),
		}}}
		b := c.Bytes()
		checkPhysical(t, b)

		// The rules as stated: unfold, find the properties, unescape.
		props := map[string]string{}
		for _, line := range contentLines(t, b) {
			name, value, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("content line without a colon: %q", line)
			}
			props[name] = value
		}
		if got, err := unescape(props["SUMMARY"]); err != nil || got != wantText(summary) {
			t.Errorf("SUMMARY reads back as %q, %v; want %q", got, err, wantText(summary))
		}
		if d, ok := props["DESCRIPTION"]; ok != (wantText(description) != "") {
			t.Errorf("DESCRIPTION written %v for %q", ok, description)
		} else if got, err := unescape(d); err != nil || got != wantText(description) {
			t.Errorf("DESCRIPTION reads back as %q, %v; want %q", got, err, wantText(description))
		}
		if u := props["URL"]; strings.ContainsAny(u, " \t\"<>\\^`{|}") || strings.IndexFunc(u, func(r rune) bool { return r < 0x20 || r > 0x7e }) >= 0 {
			t.Errorf("URL %q holds characters a URI cannot", u)
		}

		// An independent parser agrees.
		cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
		if err != nil {
			t.Fatalf("go-ical: %v\n%q", err, b)
		}
		events := cal.Events()
		if len(events) != 1 {
			t.Fatalf("go-ical read %d events", len(events))
		}
		if got, err := events[0].Props.Text(ical.PropSummary); err != nil || got != wantText(summary) {
			t.Errorf("go-ical SUMMARY = %q, %v; want %q", got, err, wantText(summary))
		}
		if got, err := events[0].Props.Text(ical.PropDescription); err != nil || got != wantText(description) {
			t.Errorf("go-ical DESCRIPTION = %q, %v; want %q", got, err, wantText(description))
		}
	})
}

// unescape reads a TEXT value strictly: only \\ \; \, \n and \N are escapes,
// and an unescaped comma or semicolon is an error, since one TEXT was written.
func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			i++
			if i == len(s) {
				return "", io.ErrUnexpectedEOF
			}
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", &escapeError{s[i-1 : i+1]}
			}
		case ',', ';':
			return "", &escapeError{string(c)}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

type escapeError struct{ seq string }

func (e *escapeError) Error() string { return "bad escape or separator " + e.seq }

// FuzzFeed writes an entry of arbitrary text and checks the output is
// well-formed XML whose text reads back.
func FuzzFeed(f *testing.F) {
	f.Add("Releases", "<script>alert(1)</script> & 🎉", "<p>a &amp; b</p>", "https://x.org/a b")
	f.Add("\x00\x01\uFFFE", "line\r\nline\r", "]]><![CDATA[", "\xff")
	f.Fuzz(func(t *testing.T, title, summary, content, link string) {
		in := Feed{Title: title, ID: "urn:x:feed", Self: link, Updated: build, Author: title, Generator: summary, Entries: []Entry{{
			ID: "urn:x:entry", Title: title, Link: link, Published: build, Updated: build,
			Summary: summary, Content: content, Categories: []string{title, summary},
		}}}
		b, err := in.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed XML: %v\n%q", err, b)
			}
		}
		got := parseFeed(t, b)
		if len(got.Entries) != 1 {
			t.Fatalf("read %d entries", len(got.Entries))
		}
		e := got.Entries[0]
		if got.Title.Text != wantXML(title) || e.Title.Text != wantXML(title) {
			t.Errorf("title reads back as %q and %q, want %q", got.Title.Text, e.Title.Text, wantXML(title))
		}
		if summary != "" && (e.Summary == nil || e.Summary.Text != wantXML(summary)) {
			t.Errorf("summary reads back as %+v, want %q", e.Summary, wantXML(summary))
		}
		if content != "" && (e.Content == nil || e.Content.Text != wantXML(content)) {
			t.Errorf("content reads back as %+v, want %q", e.Content, wantXML(content))
		}
		if e.ID != "urn:x:entry" || got.ID != "urn:x:feed" {
			t.Errorf("ids read back as %q, %q", got.ID, e.ID)
		}
	})
}
