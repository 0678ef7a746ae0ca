package site

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"github.com/backlight-wiki/backlight/internal/examplehistory"
)

// TestForecastsStandOnTheBacklogsOwnHistory builds a site whose git
// history finished one item of 2 points in each of the four one-week
// iterations before the build (gitrepo.Throughput, built on 2026-02-02):
// the forecast stands on that throughput,
// and, as it never varied, every percentile is the deterministic day. A
// release whose scope needs three iterations cannot finish by a day
// one iteration away, and surely finishes by one four away.
func TestForecastsStandOnTheBacklogsOwnHistory(t *testing.T) {
	r := gitrepo.Throughput(t)
	_, dest := buildHistoryAt(t, r.Dir, time.Date(2026, 2, 2, 12, 0, 0, 0, time.UTC))

	var model struct {
		Backlogs []struct {
			ID               string
			VelocityDeclared float64 `json:"velocity_declared"`
			VelocityMeasured float64 `json:"velocity_measured"`
			Basis            string
			Throughput       []struct {
				Start, End string
				Items      int
				Points     float64
			}
		}
		Items    []map[string]json.RawMessage
		Releases []map[string]json.RawMessage
	}
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	if len(model.Backlogs) != 1 {
		t.Fatalf("%d backlogs in model.json", len(model.Backlogs))
	}
	b := model.Backlogs[0]
	if b.Basis != "measured" || b.VelocityMeasured != 2 || b.VelocityDeclared != 50 || len(b.Throughput) != 4 ||
		b.Throughput[0].Start != "2026-01-05" || b.Throughput[3].End != "2026-02-01" {
		t.Fatalf("backlog %+v", b)
	}
	for _, tp := range b.Throughput {
		if tp.Items != 1 || tp.Points != 2 {
			t.Errorf("throughput %+v, want 1 item of 2 points", tp)
		}
	}
	dates := map[string]string{}
	for _, it := range model.Items {
		var id string
		json.Unmarshal(it["id"], &id)
		dates[id] = string(it["forecast_dates"])
	}
	// Work ahead: t-7 2 points, t-8 6, t-9 8: iterations 1, 3 and 4 from 02-02.
	for id, want := range map[string]string{
		"t-7": `{"50":"2026-02-08","85":"2026-02-08","95":"2026-02-08"}`,
		"t-8": `{"50":"2026-02-22","85":"2026-02-22","95":"2026-02-22"}`,
		"t-9": `{"50":"2026-03-01","85":"2026-03-01","95":"2026-03-01"}`,
		"t-1": "", // done: none
	} {
		if dates[id] != want {
			t.Errorf("%s: forecast_dates %s, want %s", id, dates[id], want)
		}
	}
	for _, rel := range model.Releases {
		var id string
		json.Unmarshal(rel["id"], &id)
		want := map[string]string{
			"r-soon":  `{"basis":"measured","dates":{"50":"2026-02-22","85":"2026-02-22","95":"2026-02-22"},"probability":0,"confidence_date":"2026-02-22","at_risk":true}`,
			"r-later": `{"basis":"measured","dates":{"50":"2026-03-01","85":"2026-03-01","95":"2026-03-01"},"probability":1,"confidence_date":"2026-03-01","at_risk":false}`,
		}[id]
		if got := string(rel["forecast"]); got != want {
			t.Errorf("release %s: forecast %s, want %s", id, got, want)
		}
	}
}

// TestForecastPages checks what the pages say of the forecasts of
// TestForecastsStandOnTheBacklogsOwnHistory's site: an open item's day
// and basis, a release's probability, its day at [forecast] confidence
// and its risk in words, the item that puts it at risk, and the
// roadmap's bars, cards and table.
func TestForecastPages(t *testing.T) {
	r := gitrepo.Throughput(t)
	_, dest := buildHistoryAt(t, r.Dir, time.Date(2026, 2, 2, 12, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		page string
		want []string
		not  []string
	}{
		{"backlogs/team/t-8/index.html", []string{
			"Likely doneby 22 February 2026 (from the throughput of the last 4 iterations)",
			"at risk 0 % likely done by 2026-02-10; 85 % by 2026-02-22",
		}, nil},
		{"backlogs/team/t-7/index.html", []string{
			"Likely doneby 8 February 2026",
			"on track 100 % likely by 10 February 2026",
		}, []string{"at risk"}},
		{"backlogs/team/t-1/index.html", nil, []string{"Likely done", "No forecast"}},
		{"releases/r-soon/index.html", []string{
			"0 % likely by 10 February 2026 · 85 % likely by 22 February 2026 (from the throughput of the last 4 iterations)",
			"At risk: less than 85 % likely to be done by its end.",
			"85 % likely by 22 February 2026", // t-8's row in the scope
		}, nil},
		{"releases/r-later/index.html", []string{"100 % likely by 1 March 2026 · 85 % likely by 1 March 2026"}, []string{"At risk: less than"}},
		{"releases/index.html", []string{"0 % likely", "100 % likely", "Likely"}, nil},
		// The flow charts' data: a done item of 2 points in each of the
		// four iterations; the items by status on the last day.
		{"backlogs/team/index.html", []string{
			"Iteration Items Points 5 January – 11 January 2026 1 2 12 January – 18 January 2026 1 2 19 January – 25 January 2026 1 2 26 January – 1 February 2026 1 2",
			"measured: 2 points an iteration over the last 4, which the forecasts stand on",
			"Status 5 Jan 14 Jan 23 Jan 2 Feb ready 7 5 4 3 done 0 2 3 4", // a column for each of four days
		}, []string{"Cycle times:"}}, // no item was ever in progress
		{"releases/r-soon/index.html", []string{"Burn-up", "Day Scope (points) Done (points) 2 January 2026 6 0 2 February 2026 6 0"}, nil},
		{"releases/r-later/index.html", []string{"Burn-up", "2 February 2026 2 0"}, nil},
	} {
		b, err := os.ReadFile(filepath.Join(dest, c.page))
		if err != nil {
			t.Fatal(err)
		}
		if c.page == "releases/index.html" {
			for _, bar := range []string{">1 · 0 %<", ">2 · 100 %<"} { // the bars' labels
				if !strings.Contains(string(b), bar) {
					t.Errorf("the roadmap has no bar labelled %q", bar)
				}
			}
		}
		text := visibleText(b)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s does not say %q:\n%s", c.page, w, text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(text, w) {
				t.Errorf("%s says %q", c.page, w)
			}
		}
	}
}

// TestNoForecastSaysWhy checks that an open item of a backlog with too
// little history and no velocity says why it has no forecast, as does a
// release whose scope it is in.
func TestNoForecastSaysWhy(t *testing.T) {
	r := gitrepo.Throughput(t)
	r.Write("content/backlogs/team/_index.md", "---\ntitle: Team backlog\nlevel: team\norder: [t-7, t-8, t-9]\n---\n")
	r.Write("site.toml", "title = \"Forecasts\"\nbaseURL = \"https://wiki.example.org/\"\nlevels = [\"team\"]\n"+
		"[backlog]\niteration_weeks = 1\n[roadmap]\ncycle_start = 2026-01-05\n[forecast]\nwindow = 2\n")
	_, dest := buildHistoryAt(t, r.Dir, time.Date(2026, 2, 2, 12, 0, 0, 0, time.UTC))
	why := "fewer than 3 of the last 2 iterations finished an item, and the backlog declares no velocity."
	for page, why := range map[string]string{
		"backlogs/team/t-8/index.html": "No forecast: " + why,
		"releases/r-soon/index.html":   "No forecast: t-7: " + why, // its first open item says why
		"backlogs/team/index.html":     "No forecast: " + why,
	} {
		b, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		if text := visibleText(b); !strings.Contains(text, why) {
			t.Errorf("%s does not say why it has no forecast:\n%s", page, text)
		}
	}
}

// visibleText is an HTML page's text with its tags taken out and its
// white space collapsed: what a reader sees, in one line (a table's
// cells apart).
func visibleText(page []byte) string {
	s := string(page)
	for _, tag := range []string{"script", "style", "svg", "title"} {
		s = regexp.MustCompile(`(?s)<`+tag+`\b.*?</`+tag+`>`).ReplaceAllString(s, " ")
	}
	s = regexp.MustCompile(`</(td|th|tr)>`).ReplaceAllString(s, " ") // a table's cells apart
	s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestExampleBurnUpsEndAtTheReleasesProgress builds the example with its
// made-up history (as make site does) and checks that each release's
// burn-up ends, today, at the scope and done points its header gives:
// the burn-up counts the scope's top items, with their children's
// progress, as the release's progress does.
func TestExampleBurnUpsEndAtTheReleasesProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example")
	}
	src := filepath.Join(t.TempDir(), "example")
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	if _, err := examplehistory.Write(filepath.Join("..", ".."), src, now, 6, examplehistory.Seed); err != nil {
		t.Skip(err) // no git
	}
	_, dest := buildHistoryAt(t, src, now)
	pages, _ := filepath.Glob(filepath.Join(dest, "releases", "*", "index.html"))
	header := regexp.MustCompile(`· (\d+(?:\.\d+)?) of (\d+(?:\.\d+)?) points ·`)
	last := regexp.MustCompile(`7 December 2026 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) `)
	drawn := 0
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := visibleText(b)
		if !strings.Contains(text, "Burn-up") {
			continue
		}
		drawn++
		h, l := header.FindStringSubmatch(text), last.FindStringSubmatch(text)
		if h == nil || l == nil {
			t.Errorf("%s: no progress or no burn-up row for today:\n%s", p, text)
			continue
		}
		if h[1] != l[2] || h[2] != l[1] {
			t.Errorf("%s: the header says %s of %s points done, the burn-up today %s of %s", p, h[1], h[2], l[2], l[1])
		}
	}
	if drawn < 4 {
		t.Errorf("%d releases have a burn-up; want every open one with scope", drawn)
	}
}
