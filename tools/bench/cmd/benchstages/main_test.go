package main

import (
	"math"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// TestParseTracesPutsEachSampleInItsFirstStage feeds pprof -traces text
// and checks the sums: a relation graph drawn while a page is written
// counts as relation graphs, not templates or writing; the corpus and
// the collector have stages of their own; unknown stacks are "other".
func TestParseTracesPutsEachSampleInItsFirstStage(t *testing.T) {
	const traces = `File: site.test
Type: cpu
-----------+-------------------------------------------------------
      10ms   svg.bestRadial
             github.com/backlight-wiki/backlight/generator/render.neighbourhood
             github.com/backlight-wiki/backlight/generator/render.(*Engine).pageView
             github.com/backlight-wiki/backlight/generator/site.writeOne
             github.com/backlight-wiki/backlight/generator/site.writeAll.func1
-----------+-------------------------------------------------------
      20ms   text/template.(*state).walk
             github.com/backlight-wiki/backlight/generator/render.(*Engine).execute
             github.com/backlight-wiki/backlight/generator/site.writeAll.func1
-----------+-------------------------------------------------------
     1.5s   runtime.scanobject
             runtime.gcBgMarkWorker
-----------+-------------------------------------------------------
      30ms   github.com/backlight-wiki/backlight/internal/corpus.Write
             github.com/backlight-wiki/backlight/generator/site.benchCorpus
-----------+-------------------------------------------------------
      40ms   runtime.memmove
             somewhere.else
-----------+-------------------------------------------------------
`
	got, err := parseTraces(strings.NewReader(traces))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"write: relation graphs (SVG)":       0.01,
		"write: templates":                   0.02,
		"garbage collector":                  1.5,
		"(benchmark harness: not the build)": 0.03,
		other:                                0.04,
	}
	if len(got) != len(want) {
		t.Errorf("got stages %v, want %v", got, want)
	}
	for k, v := range want {
		if math.Abs(got[k]-v) > 1e-9 {
			t.Errorf("%s: got %v s, want %v s", k, got[k], v)
		}
	}
	tab := table(harness.Roots{"a"}, []map[string]float64{got}, 1)
	var total string
	for _, row := range tab.Rows {
		if row[0] == "total" {
			total = row[1]
		}
	}
	if total != "1.57" {
		t.Errorf("total %q, want 1.57 (the corpus left out)", total)
	}
	if profiled(3) != 4 || profiled(1) != 1 {
		t.Errorf("profiled(3) = %d, profiled(1) = %d; want 4 and 1", profiled(3), profiled(1))
	}
}
