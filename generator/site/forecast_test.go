package site

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
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
			"r-soon":  `{"basis":"measured","dates":{"50":"2026-02-22","85":"2026-02-22","95":"2026-02-22"},"probability":0}`,
			"r-later": `{"basis":"measured","dates":{"50":"2026-03-01","85":"2026-03-01","95":"2026-03-01"},"probability":1}`,
		}[id]
		if got := string(rel["forecast"]); got != want {
			t.Errorf("release %s: forecast %s, want %s", id, got, want)
		}
	}
}
