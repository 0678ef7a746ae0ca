package feed

import (
	"path/filepath"
	"testing"
	"time"
	"unicode"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// build is the build time of the fixtures.
var build = time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)

// release is one release of the fixtures, the same data the calendar and
// the feed are made of. They are listed newest first, as a caller sorts
// feed entries.
type release struct {
	slug, title, text, html, status string
	start, end                      time.Time
	tags                            []string
	seq                             int
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var releases = []release{
	{
		slug:   "sensor-hub-2-0",
		title:  "Sensor hub 2.0 — Grüße aus Köln",
		text:   "Major release: new calibration model, MQTT 5, and a \\-escaped path C:\\hub\\cfg.",
		html:   "<p>Major release: new calibration model &amp; MQTT 5.</p>",
		status: "TENTATIVE",
		start:  day(2026, 6, 15),
		end:    day(2026, 6, 15),
		tags:   []string{"release", "sensor-hub"},
	},
	{
		slug:   "pump-ctrl-3-1-eu",
		title:  "Pump controller 3.1 (EU rollout)",
		text:   "Staged rollout to the EU fleet; firmware 3.1.0, then 3.1.1 after the pilot sites.\nRollback plan: see the runbook, section 4.",
		html:   "<p>Staged rollout to the EU fleet; firmware <code>3.1.0</code>, then <code>3.1.1</code>.</p>",
		status: "CONFIRMED",
		start:  day(2026, 5, 4),
		end:    day(2026, 5, 8),
		tags:   []string{"release", "pump-ctrl", "EU"},
		seq:    2,
	},
	{
		slug:   "legacy-gateway-1-9",
		title:  "Legacy gateway 1.9 (withdrawn)",
		text:   "Withdrawn: superseded by the sensor hub, 2.0.",
		status: "CANCELLED",
		start:  day(2026, 3, 30),
		end:    day(2026, 4, 2),
		tags:   []string{"release", "gateway", "withdrawn"},
		seq:    1,
	},
}

func releaseCalendar() Calendar {
	c := Calendar{
		ProdID: "-//Backlight//Backlight 0.3//EN",
		Name:   "Wiki releases",
		URL:    "https://wiki.example.org/releases.ics",
		Stamp:  build,
	}
	for _, r := range releases {
		c.Events = append(c.Events, Event{
			UID:         "release-" + r.slug + "@wiki.example.org",
			Summary:     r.title,
			Description: r.text,
			URL:         "https://wiki.example.org/releases/" + r.slug + "/",
			Status:      r.status,
			Categories:  r.tags,
			Start:       r.start,
			End:         r.end,
			Sequence:    r.seq,
		})
	}
	return c
}

func releaseFeed() Feed {
	f := Feed{
		Title:     "Wiki releases",
		ID:        "https://wiki.example.org/releases.atom",
		Self:      "https://wiki.example.org/releases.atom",
		Alternate: "https://wiki.example.org/releases/",
		Updated:   build,
		Author:    "Platform team",
		Generator: "Backlight",
	}
	for _, r := range releases {
		f.Entries = append(f.Entries, Entry{
			ID:         "https://wiki.example.org/releases/" + r.slug + "/",
			Title:      r.title,
			Link:       "https://wiki.example.org/releases/" + r.slug + "/",
			Published:  r.start.AddDate(0, 0, -60).Add(8 * time.Hour),
			Updated:    r.start.AddDate(0, 0, -57).Add(14*time.Hour + 5*time.Minute),
			Summary:    r.text,
			Content:    r.html,
			Categories: r.tags,
		})
	}
	return f
}

// checkGolden compares got with testdata/name, or rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.File(t, filepath.Join("testdata", name), got)
}

// wantText is what an iCalendar TEXT value reads back as, stated from the
// rules rather than from the code: carriage returns and control
// characters other than tab and newline are gone, and each invalid UTF-8
// byte is U+FFFD.
func wantText(s string) string {
	var out []rune
	for _, r := range s {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// wantXML is what an XML text reads back as: characters outside XML 1.0's
// Char production, and invalid UTF-8 bytes, are U+FFFD.
func wantXML(s string) string {
	var out []rune
	for _, r := range s {
		ok := r == 0x9 || r == 0xA || r == 0xD ||
			0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
		if !ok {
			r = 0xFFFD
		}
		out = append(out, r)
	}
	return string(out)
}
