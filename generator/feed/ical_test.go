package feed

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain", "Pump controller 3.1", "Pump controller 3.1"},
		{"comma", "a,b", `a\,b`},
		{"semicolon", "a;b", `a\;b`},
		{"backslash", `C:\hub`, `C:\\hub`},
		{"escaped-looking", `\n`, `\\n`},
		{"newline", "one\ntwo", `one\ntwo`},
		{"crlf", "one\r\ntwo", `one\ntwo`},
		{"lone cr", "one\rtwo", "onetwo"},
		{"tab kept", "a\tb", "a\tb"},
		{"c0 controls", "a\x00b\x07c\x1bd\x1fe", "abcde"},
		{"del", "a\x7fb", "ab"},
		{"c1 controls", "a\u0085b\u009fc", "abc"},
		{"colon and quote", `key: "v"`, `key: "v"`},
		{"non-ascii", "Grüße — 東京 🎉", "Grüße — 東京 🎉"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"all together", "x,y;z\\\r\n\x01", `x\,y\;z\\\n`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := escapeText(tc.in); got != tc.want {
				t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanURI(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain", "https://wiki.example.org/releases/a/?q=1&r=2#top", "https://wiki.example.org/releases/a/?q=1&r=2#top"},
		{"kept reserved", "https://x.org/a;b,c=d:e@f!$'()*+", "https://x.org/a;b,c=d:e@f!$'()*+"},
		{"trimmed", " \t https://x.org/ \r\n", "https://x.org/"},
		{"controls trimmed", "\x00https://x.org/\x7f", "https://x.org/"},
		{"inner space", "https://x.org/a b", "https://x.org/a%20b"},
		{"inner line break removed", "https://x.org/a\r\nb\tc", "https://x.org/abc"},
		{"inner control", "https://x.org/a\x01b", "https://x.org/a%01b"},
		{"non-ascii", "https://x.org/Köln", "https://x.org/K%C3%B6ln"},
		{"unsafe ascii", `https://x.org/"<>\^` + "`{|}", "https://x.org/%22%3C%3E%5C%5E%60%7B%7C%7D"},
		{"escape kept", "https://x.org/a%2Cb%c3%b6", "https://x.org/a%2Cb%c3%b6"},
		{"bare percent", "https://x.org/100%", "https://x.org/100%25"},
		{"half escape", "https://x.org/%zz%4", "https://x.org/%25zz%254"},
		{"only blanks", " \r\n ", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanURI(tc.in); got != tc.want {
				t.Errorf("cleanURI(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name, in string
		want     []string // physical lines, without CRLF
	}{
		{"short", "SUMMARY:x", []string{"SUMMARY:x"}},
		{"empty", "", []string{""}},
		{"74 octets", a(74), []string{a(74)}},
		{"exactly 75 octets", a(75), []string{a(75)}},
		{"76 octets", a(76), []string{a(75), " a"}},
		{"75 + 74", a(149), []string{a(75), " " + a(74)}},
		{"75 + 74 + 1", a(150), []string{a(75), " " + a(74), " a"}},
		{"2-octet rune fits exactly", a(73) + "é", []string{a(73) + "é"}},
		{"2-octet rune across", a(74) + "éb", []string{a(74), " éb"}},
		{"3-octet rune across", a(73) + "€", []string{a(73), " €"}},
		{"3-octet rune at 75", a(72) + "€x", []string{a(72) + "€", " x"}},
		{"4-octet rune across", a(72) + "🎉", []string{a(72), " 🎉"}},
		{"4-octet rune across by 3", a(74) + "🎉", []string{a(74), " 🎉"}},
		{"4-octet rune fits exactly", a(71) + "🎉", []string{a(71) + "🎉"}},
		{"continuation boundary", a(75) + a(73) + "é", []string{a(75), " " + a(73), " é"}},
		{"escape kept whole", a(74) + `\,`, []string{a(74), ` \,`}},
		{"escape fits exactly", a(73) + `\n`, []string{a(73) + `\n`}},
		{"all multi-byte", strings.Repeat("東", 30), []string{strings.Repeat("東", 25), " " + strings.Repeat("東", 5)}},
		{
			"long URL",
			"URL:https://wiki.example.org/releases/pump-controller-3-1-eu-rollout/?utm_source=calendar&utm_medium=ics",
			[]string{
				"URL:https://wiki.example.org/releases/pump-controller-3-1-eu-rollout/?utm_s",
				" ource=calendar&utm_medium=ics",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w contentWriter
			w.line(tc.in)
			want := strings.Join(tc.want, "\r\n") + "\r\n"
			if got := w.buf.String(); got != want {
				t.Errorf("folded %q\n got %q\nwant %q", tc.in, got, want)
			}
			if got := unfold(w.buf.String()); got != tc.in+"\r\n" {
				t.Errorf("unfolded %q, want %q", got, tc.in)
			}
		})
	}
}

// unfold undoes line folding: a CRLF followed by one space is removed.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

// contentLines unfolds an iCalendar stream into its content lines.
func contentLines(t testing.TB, b []byte) []string {
	t.Helper()
	s := string(b)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("stream does not end in CRLF: %q", s)
	}
	return strings.Split(strings.TrimSuffix(unfold(s), "\r\n"), "\r\n")
}

// checkPhysical checks the line structure of an iCalendar stream: valid
// UTF-8, CRLF only, no line longer than 75 octets, no control character
// but the tab.
func checkPhysical(t testing.TB, b []byte) {
	t.Helper()
	if !utf8.Valid(b) {
		t.Fatalf("output is not valid UTF-8")
	}
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			t.Fatalf("CR without LF at %d", i)
		}
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			t.Fatalf("LF without CR at %d", i)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n") {
		if len(line) > maxLine {
			t.Fatalf("line of %d octets: %q", len(line), line)
		}
		for _, r := range line {
			if r < 0x20 && r != '\t' || r == 0x7f || 0x80 <= r && r < 0xa0 {
				t.Fatalf("control character %U in line %q", r, line)
			}
		}
	}
}

func TestCalendarHeader(t *testing.T) {
	c := Calendar{ProdID: "-//Backlight//Backlight 0.3//EN", Stamp: build}
	got := contentLines(t, c.Bytes())
	want := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//Backlight//Backlight 0.3//EN",
		"CALSCALE:GREGORIAN",
		"METHOD:PUBLISH",
		"END:VCALENDAR",
	}
	if !slices.Equal(got, want) {
		t.Errorf("empty calendar:\n got %q\nwant %q", got, want)
	}

	c.Name = "Releases, all; of them"
	c.URL = "https://wiki.example.org/releases.ics"
	got = contentLines(t, c.Bytes())
	for _, line := range []string{
		`X-WR-CALNAME:Releases\, all\; of them`,
		`NAME:Releases\, all\; of them`,
		"URL:https://wiki.example.org/releases.ics",
		"SOURCE;VALUE=URI:https://wiki.example.org/releases.ics",
	} {
		if !slices.Contains(got, line) {
			t.Errorf("no line %q in %q", line, got)
		}
	}
}

func TestEventDates(t *testing.T) {
	west := time.FixedZone("UTC-7", -7*3600)
	east := time.FixedZone("UTC+10", 10*3600)
	for _, tc := range []struct {
		name       string
		start, end time.Time
		dtstart    string
		dtend      string
	}{
		{"one day", day(2026, 5, 4), day(2026, 5, 4), "20260504", "20260505"},
		{"five days", day(2026, 5, 4), day(2026, 5, 8), "20260504", "20260509"},
		{"end before start", day(2026, 5, 4), day(2026, 5, 1), "20260504", "20260505"},
		{"zero end", day(2026, 5, 4), time.Time{}, "20260504", "20260505"},
		{"end of month", day(2026, 4, 30), day(2026, 4, 30), "20260430", "20260501"},
		{"end of year", day(2026, 12, 30), day(2026, 12, 31), "20261230", "20270101"},
		{"leap day", day(2028, 2, 28), day(2028, 2, 28), "20280228", "20280229"},
		{"leap day inclusive", day(2028, 2, 29), day(2028, 2, 29), "20280229", "20280301"},
		{"not a leap year", day(2027, 2, 28), day(2027, 2, 28), "20270228", "20270301"},
		{"time of day ignored", day(2026, 5, 4).Add(23 * time.Hour), day(2026, 5, 5).Add(time.Minute), "20260504", "20260506"},
		{"late in a western zone", time.Date(2026, 5, 4, 23, 30, 0, 0, west), time.Date(2026, 5, 4, 23, 30, 0, 0, west), "20260504", "20260505"},
		{"early in an eastern zone", time.Date(2026, 5, 4, 1, 0, 0, 0, east), time.Date(2026, 5, 4, 1, 0, 0, 0, east), "20260504", "20260505"},
		{"same instant, end on the day before in its zone", time.Date(2026, 5, 4, 1, 0, 0, 0, east), time.Date(2026, 5, 3, 15, 0, 0, 0, time.UTC), "20260504", "20260505"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Calendar{Stamp: build, Events: []Event{{UID: "u", Summary: "s", Start: tc.start, End: tc.end}}}
			lines := contentLines(t, c.Bytes())
			for _, want := range []string{"DTSTART;VALUE=DATE:" + tc.dtstart, "DTEND;VALUE=DATE:" + tc.dtend} {
				if !slices.Contains(lines, want) {
					t.Errorf("no line %q in %q", want, lines)
				}
			}
		})
	}
}

func TestEventLines(t *testing.T) {
	c := Calendar{
		Stamp: time.Date(2026, 5, 1, 2, 3, 4, 5, time.FixedZone("UTC+2", 2*3600)),
		Events: []Event{
			{UID: "minimal@x", Summary: "Minimal", Start: day(2026, 5, 4)},
			{
				UID: "full@x", Summary: "Full, with; specials", Description: "Line one\nLine two",
				URL: "https://x.org/a b", Status: "confirmed", Categories: []string{"release", "", "a,b", "\x01"},
				Start: day(2026, 5, 4), End: day(2026, 5, 5), Sequence: 3,
			},
			{UID: "odd@x", Summary: "Odd status", Status: "DONE", Sequence: -1, Start: day(2026, 5, 4)},
		},
	}
	got := contentLines(t, c.Bytes())
	want := []string{
		"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
		"BEGIN:VEVENT",
		"UID:minimal@x",
		"DTSTAMP:20260501T000304Z",
		"DTSTART;VALUE=DATE:20260504",
		"DTEND;VALUE=DATE:20260505",
		"SUMMARY:Minimal",
		"TRANSP:TRANSPARENT",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:full@x",
		"DTSTAMP:20260501T000304Z",
		"DTSTART;VALUE=DATE:20260504",
		"DTEND;VALUE=DATE:20260506",
		`SUMMARY:Full\, with\; specials`,
		`DESCRIPTION:Line one\nLine two`,
		"URL:https://x.org/a%20b",
		"STATUS:CONFIRMED",
		`CATEGORIES:release,a\,b`,
		"SEQUENCE:3",
		"TRANSP:TRANSPARENT",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:odd@x",
		"DTSTAMP:20260501T000304Z",
		"DTSTART;VALUE=DATE:20260504",
		"DTEND;VALUE=DATE:20260505",
		"SUMMARY:Odd status",
		"TRANSP:TRANSPARENT",
		"END:VEVENT",
		"END:VCALENDAR",
	}
	if !slices.Equal(got, want) {
		t.Errorf("content lines:\n got %q\nwant %q", got, want)
	}
}

func TestEventsKeepTheirOrder(t *testing.T) {
	// Neither by date nor by UID: the caller's order is the output's.
	order := []string{"c@x", "a@x", "b@x", "a2@x"}
	starts := []time.Time{day(2026, 7, 1), day(2026, 1, 1), day(2026, 9, 1), day(2025, 1, 1)}
	var c Calendar
	for i, uid := range order {
		c.Events = append(c.Events, Event{UID: uid, Summary: uid, Start: starts[i], End: starts[i]})
	}
	var got []string
	for _, line := range contentLines(t, c.Bytes()) {
		if uid, ok := strings.CutPrefix(line, "UID:"); ok {
			got = append(got, uid)
		}
	}
	if !slices.Equal(got, order) {
		t.Errorf("UIDs in order %q, want %q", got, order)
	}
}

func TestCalendarGolden(t *testing.T) {
	b := releaseCalendar().Bytes()
	checkPhysical(t, b)
	checkGolden(t, "releases.ics", b)
}

func TestCalendarLongLinesFold(t *testing.T) {
	long := strings.Repeat("Grüße, 東京; 🎉 \\ ", 20)
	c := Calendar{Stamp: build, Events: []Event{{
		UID: "long@x", Summary: long, Description: long + "\n" + long,
		URL:   "https://wiki.example.org/" + strings.Repeat("very-long-path-segment/", 12) + "?q=Köln",
		Start: day(2026, 5, 4),
	}}}
	b := c.Bytes()
	checkPhysical(t, b)
	if n := bytes.Count(b, []byte("\r\n ")); n < 20 {
		t.Errorf("only %d folds in %q", n, b)
	}
}

// TestCalendarParsesBack reads the output with an independent parser,
// emersion/go-ical, and checks every event against its input.
func TestCalendarParsesBack(t *testing.T) {
	c := releaseCalendar()
	hostile := strings.Repeat("Ünïcödé 🎉 ", 9)
	c.Events = append(c.Events, Event{
		UID:         "hostile,uid;with\\specials@wiki.example.org",
		Summary:     "Hot\x07fix; A, B \\ C — " + hostile,
		Description: "Line 1\r\nLine 2\n\tindented\x00\x1b[31m\u0085 " + hostile + "\n",
		URL:         "https://wiki.example.org/a b/Köln?x=\"1\"",
		Categories:  []string{"a,b", "c;d", "e\\f"},
		Start:       day(2026, 12, 31),
		End:         day(2027, 1, 2),
	})
	b := c.Bytes()
	checkPhysical(t, b)

	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the output: %v\n%s", err, b)
	}
	for name, want := range map[string]string{"PRODID": c.ProdID, "NAME": c.Name, "X-WR-CALNAME": c.Name, "VERSION": "2.0"} {
		if got, err := cal.Props.Text(name); err != nil || got != want {
			t.Errorf("calendar %s = %q, %v; want %q", name, got, err, want)
		}
	}
	events := cal.Events()
	if len(events) != len(c.Events) {
		t.Fatalf("read %d events, wrote %d", len(events), len(c.Events))
	}
	for i, e := range c.Events {
		got := events[i]
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			text := func(name string) string {
				t.Helper()
				s, err := got.Props.Text(name)
				if err != nil {
					t.Errorf("%s: %v", name, err)
				}
				return s
			}
			if s := text(ical.PropUID); s != wantText(e.UID) {
				t.Errorf("UID = %q, want %q", s, wantText(e.UID))
			}
			if s := text(ical.PropSummary); s != wantText(e.Summary) {
				t.Errorf("SUMMARY = %q, want %q", s, wantText(e.Summary))
			}
			if s := text(ical.PropDescription); s != wantText(e.Description) {
				t.Errorf("DESCRIPTION = %q, want %q", s, wantText(e.Description))
			}
			start, err := got.DateTimeStart(time.UTC)
			if err != nil || !start.Equal(e.Start) {
				t.Errorf("DTSTART = %v, %v; want %v", start, err, e.Start)
			}
			end, err := got.DateTimeEnd(time.UTC)
			if wantEnd := e.End.AddDate(0, 0, 1); err != nil || !end.Equal(wantEnd) {
				t.Errorf("DTEND = %v, %v; want %v (the day after End)", end, err, wantEnd)
			}
			for _, name := range []string{ical.PropDateTimeStart, ical.PropDateTimeEnd} {
				if vt := got.Props.Get(name).ValueType(); vt != ical.ValueDate {
					t.Errorf("%s has value type %q, want DATE", name, vt)
				}
			}
			stamp, err := got.Props.DateTime(ical.PropDateTimeStamp, nil)
			if err != nil || !stamp.Equal(build) || got.Props.Get(ical.PropDateTimeStamp).Value != "20260501T093000Z" {
				t.Errorf("DTSTAMP = %v, %v; want %v in UTC form", stamp, err, build)
			}
			u, err := got.Props.URI(ical.PropURL)
			if err != nil || u == nil || u.String() != cleanURI(e.URL) {
				t.Errorf("URL = %v, %v; want %q", u, err, cleanURI(e.URL))
			}
			cats, err := got.Props.Get(ical.PropCategories).TextList()
			var wantCats []string
			for _, c := range e.Categories {
				wantCats = append(wantCats, wantText(c))
			}
			if err != nil || !slices.Equal(cats, wantCats) {
				t.Errorf("CATEGORIES = %q, %v; want %q", cats, err, wantCats)
			}
			if e.Status != "" {
				if s, err := got.Status(); err != nil || string(s) != e.Status {
					t.Errorf("STATUS = %q, %v; want %q", s, err, e.Status)
				}
			}
			if e.Sequence > 0 {
				if n, err := got.Props.Get(ical.PropSequence).Int(); err != nil || n != e.Sequence {
					t.Errorf("SEQUENCE = %d, %v; want %d", n, err, e.Sequence)
				}
			}
			if s := text(ical.PropTransparency); s != "TRANSPARENT" {
				t.Errorf("TRANSP = %q", s)
			}
		})
	}
}
