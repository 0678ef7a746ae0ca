package site

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
)

// exampleReleases builds the example site on a fixed day and returns its
// output folder and the releases of its model.json.
func exampleReleases(t *testing.T, now time.Time) (string, []releaseOut) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Source: "../..", Dest: dest, Now: now, Version: "test"})
	if err != nil {
		t.Fatalf("build the example: %v\n%s", err, res.Diags.Error())
	}
	var model struct{ Releases []releaseOut }
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	return dest, model.Releases
}

type releaseOut struct {
	ID, Title, Start, End, Status, URL, Phase string
	Scope                                     []string
	Progress                                  float64
	AtRisk                                    []struct{ Item, Reason string } `json:"at_risk"`
}

func TestReleaseCalendarParsesBackWithOneEventPerRelease(t *testing.T) {
	dest, releases := exampleReleases(t, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	data, err := os.ReadFile(filepath.Join(dest, "releases.ics"))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("releases.ics does not parse: %v", err)
	}
	events := cal.Events()
	if len(events) != len(releases) || len(releases) < 6 {
		t.Fatalf("%d events for %d releases", len(events), len(releases))
	}
	statuses := map[string]bool{}
	for i, ev := range events {
		r := releases[i]
		statuses[r.Status] = true
		uid, _ := ev.Props.Text(ical.PropUID)
		if want := "release-" + r.ID + "@wiki.example.org"; uid != want {
			t.Errorf("event %d: UID %q, want %q", i, uid, want)
		}
		summary, _ := ev.Props.Text(ical.PropSummary)
		start, err1 := ev.DateTimeStart(time.UTC)
		end, err2 := ev.DateTimeEnd(time.UTC)
		if summary != r.Title || err1 != nil || err2 != nil {
			t.Errorf("event %d: summary %q (%v, %v), want %q", i, summary, err1, err2, r.Title)
			continue
		}
		lastDay := end.AddDate(0, 0, -1).Format(time.DateOnly) // DTEND is the day after the last
		if start.Format(time.DateOnly) != r.Start || lastDay != r.End {
			t.Errorf("%s: event from %s to %s, want %s to %s", r.ID, start.Format(time.DateOnly), lastDay, r.Start, r.End)
		}
		if p := ev.Props.Get(ical.PropDateTimeStart); p == nil || p.ValueType() != ical.ValueDate {
			t.Errorf("%s: DTSTART is not an all-day date", r.ID)
		}
	}
	for _, s := range []string{"planned", "in-progress", "released", "cancelled"} {
		if !statuses[s] {
			t.Errorf("the example has no %s release", s)
		}
	}
	// The calendar is the same the next day apart from its time stamps:
	// subscribers see stable events.
	dest2, _ := exampleReleases(t, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
	again, _ := os.ReadFile(filepath.Join(dest2, "releases.ics"))
	if a, b := withoutStamps(data), withoutStamps(again); len(a) != len(b) || !slices.Equal(uids(a), uids(b)) {
		t.Errorf("UIDs changed between builds")
	}
}

func withoutStamps(ics []byte) []string {
	var out []string
	for _, l := range strings.Split(string(ics), "\r\n") {
		if !strings.HasPrefix(l, "DTSTAMP:") {
			out = append(out, l)
		}
	}
	return out
}

func uids(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "UID:") {
			out = append(out, l)
		}
	}
	return out
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func TestReleaseFeedIsAtomNewestFirstAndLinkedFromEveryPage(t *testing.T) {
	dest, releases := exampleReleases(t, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	data, err := os.ReadFile(filepath.Join(dest, "releases.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("releases.xml is not Atom: %v", err)
	}
	if f.ID == "" || f.Title == "" || f.Updated == "" || len(f.Entries) != len(releases) {
		t.Fatalf("feed id %q, title %q, updated %q, %d entries for %d releases", f.ID, f.Title, f.Updated, len(f.Entries), len(releases))
	}
	var last time.Time
	for i, e := range f.Entries {
		when, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil || e.ID == "" || e.Title == "" {
			t.Errorf("entry %d: id %q, title %q, updated %q (%v)", i, e.ID, e.Title, e.Updated, err)
			continue
		}
		if i > 0 && when.After(last) {
			t.Errorf("entry %d (%s) is newer than the one before it", i, e.Title)
		}
		last = when
		path := strings.TrimPrefix(e.Link.Href, "https://wiki.example.org/")
		if _, err := os.Stat(filepath.Join(dest, path, "index.html")); err != nil {
			t.Errorf("entry %s links to %s, which the site does not have", e.Title, e.Link.Href)
		}
	}
	err = filepath.WalkDir(dest, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		page, _ := os.ReadFile(path)
		if bytes.Contains(page, []byte(`http-equiv="refresh"`)) {
			return nil // a redirect stub for an alias, not a page
		}
		if !bytes.Contains(page, []byte(`type=application/atom+xml`)) && !bytes.Contains(page, []byte(`type="application/atom+xml"`)) {
			t.Errorf("%s does not link the release feed", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReleasePagesExplainRisk(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	res, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	page, _ := os.ReadFile(filepath.Join(dest, "releases", "alpha-1", "index.html"))
	for _, want := range []string{
		// A-4 is ranked after: 16 points at 10 per two weeks
		// finish in iteration 2, on 28 May, after the release's 15 May.
		"forecast to finish in iteration 2 (by 2026-05-28), 13 days after the release ends on 2026-05-15",
		"Third item", // the done bug in the generated notes
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the release page does not say %q", want)
		}
	}
	item, _ := os.ReadFile(filepath.Join(dest, "backlogs", "alpha", "a-4", "index.html"))
	if !bytes.Contains(item, []byte("at risk")) || !bytes.Contains(item, []byte("Alpha 1.0")) {
		t.Error("A-4's page does not show its release and that it is at risk")
	}
	item, _ = os.ReadFile(filepath.Join(dest, "backlogs", "alpha", "a-1", "index.html"))
	if !bytes.Contains(item, []byte("on track")) {
		t.Error("A-1's page does not say it is on track for its release")
	}
}
