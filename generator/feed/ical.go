package feed

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Calendar is an iCalendar object of all-day events.
type Calendar struct {
	ProdID string    // e.g. "-//Backlight//Backlight 0.3//EN"
	Name   string    // X-WR-CALNAME and NAME (RFC 7986)
	URL    string    // optional: source URL of the calendar, written as URL and SOURCE (RFC 7986)
	Stamp  time.Time // DTSTAMP of every event (the build time), written in UTC
	Events []Event
}

// Event is one all-day event of a Calendar.
type Event struct {
	UID         string // stable, e.g. "release-pump-ctrl-3-1-eu@wiki.example.org"
	Summary     string
	Description string    // plain text, may contain newlines
	URL         string    // absolute or empty
	Status      string    // "TENTATIVE", "CONFIRMED", "CANCELLED" or ""; anything else is left out
	Categories  []string  // written as one CATEGORIES property; empty ones are left out
	Start, End  time.Time // all-day dates; End is the LAST day, inclusive
	Sequence    int       // optional SEQUENCE, written when above zero
}

// maxLine is the longest a physical line may be, in octets, without its
// CRLF (RFC 5545, section 3.1).
const maxLine = 75

const (
	dateLayout  = "20060102"
	stampLayout = "20060102T150405Z"
)

// Bytes writes the calendar as an iCalendar stream: CRLF line endings,
// lines folded at 75 octets, events in the order given.
func (c Calendar) Bytes() []byte {
	var w contentWriter
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + escapeText(c.ProdID))
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	if name := escapeText(c.Name); name != "" {
		w.line("X-WR-CALNAME:" + name)
		w.line("NAME:" + name)
	}
	if u := cleanURI(c.URL); u != "" {
		w.line("URL:" + u)
		w.line("SOURCE;VALUE=URI:" + u)
	}
	stamp := c.Stamp.UTC().Format(stampLayout)
	for _, e := range c.Events {
		w.event(e, stamp)
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

func (w *contentWriter) event(e Event, stamp string) {
	start, end := eventDates(e.Start, e.End)
	w.line("BEGIN:VEVENT")
	w.line("UID:" + escapeText(e.UID))
	w.line("DTSTAMP:" + stamp)
	w.line("DTSTART;VALUE=DATE:" + start.Format(dateLayout))
	w.line("DTEND;VALUE=DATE:" + end.Format(dateLayout))
	w.line("SUMMARY:" + escapeText(e.Summary))
	if d := escapeText(e.Description); d != "" {
		w.line("DESCRIPTION:" + d)
	}
	if u := cleanURI(e.URL); u != "" {
		w.line("URL:" + u)
	}
	if s := strings.ToUpper(strings.TrimSpace(e.Status)); s == "TENTATIVE" || s == "CONFIRMED" || s == "CANCELLED" {
		w.line("STATUS:" + s)
	}
	var cats []string
	for _, c := range e.Categories {
		if c := escapeText(c); c != "" {
			cats = append(cats, c)
		}
	}
	if len(cats) > 0 {
		w.line("CATEGORIES:" + strings.Join(cats, ","))
	}
	if e.Sequence > 0 {
		w.line("SEQUENCE:" + strconv.Itoa(e.Sequence))
	}
	w.line("TRANSP:TRANSPARENT")
	w.line("END:VEVENT")
}

// eventDates returns the first day of an all-day event and the day after
// its last, as midnight UTC: DTEND is exclusive in RFC 5545. The dates are
// read in each time's own location, so a release dated 2026-05-01 in any
// zone is written as 20260501. An end before the start makes a one-day
// event.
func eventDates(start, end time.Time) (time.Time, time.Time) {
	first := civilDate(start)
	last := civilDate(end)
	if last.Before(first) {
		last = first
	}
	return first, last.AddDate(0, 0, 1)
}

func civilDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// contentWriter collects folded content lines.
type contentWriter struct {
	buf bytes.Buffer
}

// line writes one content line, folded so that no physical line exceeds
// 75 octets: a fold is CRLF followed by one space, and it never falls
// inside a UTF-8 sequence or between a backslash and the character it
// escapes. The line must be valid UTF-8 without control characters, as
// escapeText and cleanURI make it.
func (w *contentWriter) line(s string) {
	n := 0 // octets on the current physical line
	for i := 0; i < len(s); {
		size := 1
		if s[i] == '\\' && i+1 < len(s) {
			size = 2
		} else if s[i] >= utf8.RuneSelf {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		if n+size > maxLine {
			w.buf.WriteString("\r\n ")
			n = 1
		}
		w.buf.WriteString(s[i : i+size])
		n += size
		i += size
	}
	w.buf.WriteString("\r\n")
}

// escapeText makes s a TEXT value (RFC 5545, section 3.3.11): backslash,
// semicolon and comma are escaped with a backslash, a newline is written
// as \n, carriage returns and every other control character but the tab
// are removed, and invalid UTF-8 bytes become U+FFFD.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			// dropped, CR included
		default:
			b.WriteRune(r) // utf8.RuneError for an invalid byte: U+FFFD
		}
	}
	return b.String()
}

// cleanURI makes s fit a URI value without changing what it points to:
// leading and trailing spaces and control characters are trimmed, tabs,
// carriage returns and newlines inside are removed (as browsers do), and
// every remaining byte that may not stand in a URI (RFC 3986: spaces,
// other control characters, non-ASCII, and "<>\"\\^`{|}") is
// percent-encoded, which turns an IRI into its URI (RFC 3987, section
// 3.1). A percent sign that starts no escape is encoded as %25. Whatever is written can thus neither break the line structure
// nor need escaping.
func cleanURI(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f })
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\r' || c == '\n':
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c != '%' && uriByte(c):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// uriByte reports whether c may stand as it is in a URI: an unreserved or
// reserved character of RFC 3986.
func uriByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
