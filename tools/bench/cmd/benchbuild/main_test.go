package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in      string
		want    []int
		wantErr bool
	}{
		{in: "1000,10000", want: []int{1000, 10000}},
		{in: " 500 , 2000", want: []int{500, 2000}},
		{in: "1000,", wantErr: true},
		{in: "ten", wantErr: true},
		{in: "10", wantErr: true}, // below corpus.MinPages
	}
	for _, tt := range tests {
		got, err := parseSizes(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestRunsForASize(t *testing.T) {
	cfg, err := parseFlags([]string{"-runs", "5", "-large-runs", "3"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for pages, want := range map[int]int{1000: 5, 10000: 5, 50000: 3} {
		if got := cfg.runsFor(pages); got != want {
			t.Errorf("runsFor(%d) = %d, want %d", pages, got, want)
		}
	}
	if _, err := parseFlags([]string{"-large-runs", "0"}, io.Discard); err == nil {
		t.Error("-large-runs 0 was accepted")
	}
}

// fakeTool returns a stand-in for a build tool that exits at once.
func fakeTool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true command to stand in for a build tool")
	}
	return path
}

func TestMeasureTreeRunsBothToolsInPairs(t *testing.T) {
	tool := fakeTool(t)
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "public", "stale.html")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	b := bench{cfg: config{backlight: tool}, hugo: tool, progress: &progress}
	r, err := b.measureTree(context.Background(), dir, "disk", 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.pages != corpus.MinPages || r.hugo == nil || len(r.backlight.walls) != 3 || len(r.hugo.walls) != 3 || r.backlight.wall() <= 0 {
		t.Errorf("got %d pages, backlight %v, hugo %v; want %d pages measured 3 times by both tools", r.pages, r.backlight, r.hugo, corpus.MinPages)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("got %v for a file of an earlier build, want it removed before the runs", err)
	}
	// The order swaps from pair to pair: true, true | true, true ... is
	// told apart by the run lines, backlight first, then hugo first.
	var order []string
	for _, line := range strings.Split(progress.String(), "\n") {
		if _, rest, ok := strings.Cut(line, "disk, "); ok {
			order = append(order, strings.Fields(rest)[0])
		}
	}
	want := []string{"backlight", "hugo", "hugo", "backlight", "backlight", "hugo"}
	if !slices.Equal(order, want) {
		t.Errorf("runs in the order %v, want %v", order, want)
	}
}

// runsOf is a tool's runs with these walls (ms) and peaks (MiB).
func runsOf(wallsMs []int, peaksMiB []int64) runs {
	var r runs
	for i, w := range wallsMs {
		r.add(harness.Measured{Wall: time.Duration(w) * time.Millisecond, RSS: peaksMiB[i] << 20})
	}
	return r
}

func TestChecksJudgeEachTarget(t *testing.T) {
	hugo10k := runsOf([]int{2000, 2200, 1800}, []int64{400, 400, 400})
	hugo50k := runsOf([]int{10000, 10000, 10000}, []int64{1600, 1600, 1600})
	rows := []row{
		// median wall 900 ms ÷ 2000 = 0.45 (pass at 0.5), memory 100 ÷ 400 = 0.25 (pass).
		{pages: 10000, medium: "tmpfs", backlight: runsOf([]int{900, 800, 1000}, []int64{100, 90, 110}), hugo: &hugo10k},
		// 1600 ÷ 2000 = 0.8 (fails 0.7 on disk), memory 0.25.
		{pages: 10000, medium: "disk", backlight: runsOf([]int{1600, 1600, 1600}, []int64{100, 100, 100}), hugo: &hugo10k},
		// 5400 ÷ 10000 = 0.54 (fails 0.5); memory 560 ÷ 1600 = 0.35 (fails); growth 5400 ÷ 900 = 6 (fails 5.5), memory 5.6 (fails).
		{pages: 50000, medium: "tmpfs", backlight: runsOf([]int{5400, 5400, 5400}, []int64{560, 560, 560}), hugo: &hugo50k},
	}
	got := map[string]string{}
	for _, c := range checks(rows) {
		got[c.what] = c.verdict()
	}
	want := map[string]string{
		"wall ÷ hugo, 10000 pages on tmpfs":              "pass",
		"memory ÷ hugo, 10000 pages on tmpfs":            "pass",
		"wall ÷ hugo, 10000 pages on disk":               "FAIL",
		"memory ÷ hugo, 10000 pages on disk":             "pass",
		"wall ÷ hugo, 50000 pages on tmpfs":              "FAIL",
		"memory ÷ hugo, 50000 pages on tmpfs":            "FAIL",
		"backlight wall, 50000 ÷ 10000 pages on tmpfs":   "FAIL",
		"backlight memory, 50000 ÷ 10000 pages on tmpfs": "FAIL",
	}
	for what, v := range want {
		if got[what] != v {
			t.Errorf("%s: got %q, want %q", what, got[what], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got checks %v, want those of %v (no growth check on disk, which has one size)", got, want)
	}
}

func TestReportShowsRatiosHugoAndVerdicts(t *testing.T) {
	hugo := runsOf([]int{2000}, []int64{200})
	rows := []row{{pages: 1000, medium: "tmpfs", backlight: runsOf([]int{500}, []int64{50}), hugo: &hugo}}
	var out bytes.Buffer
	printReport(&out, config{runs: 5, largeRuns: 3}, "backlight devel (bin/backlight)", harness.Hugo{Path: "/x/hugo", Version: "v0.165.0", Note: "as named"}, rows)
	for _, want := range []string{"backlight devel (bin/backlight)", "hugo v0.165.0 (/x/hugo", "2000", "500 ms", "0.25", "50.0", "200.0", "pass"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReportWithoutHugoSaysSo(t *testing.T) {
	rows := []row{{pages: 1000, medium: "disk", backlight: runsOf([]int{500}, []int64{50})}}
	var out bytes.Buffer
	printReport(&out, config{runs: 5, largeRuns: 3}, "bin/backlight", harness.Hugo{Note: "-hugo none"}, rows)
	for _, want := range []string{"not measured (-hugo none)", "none measurable"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMeasureTreeRunsTheBaselineInTheSameRounds(t *testing.T) {
	tool := fakeTool(t)
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var progress bytes.Buffer
	b := bench{cfg: config{backlight: tool, baseline: tool}, hugo: tool, progress: &progress}
	r, err := b.measureTree(context.Background(), dir, "disk", 2)
	if err != nil {
		t.Fatal(err)
	}
	if r.baseline == nil || len(r.baseline.walls) != 2 {
		t.Fatalf("baseline runs %v, want 2", r.baseline)
	}
	var order []string
	for _, line := range strings.Split(progress.String(), "\n") {
		if _, rest, ok := strings.Cut(line, "disk, "); ok {
			order = append(order, strings.Fields(rest)[0])
		}
	}
	want := []string{"backlight", "hugo", "baseline", "baseline", "hugo", "backlight"}
	if !slices.Equal(order, want) {
		t.Errorf("runs in the order %v, want %v", order, want)
	}
	var out bytes.Buffer
	hugo := runsOf([]int{2000}, []int64{400})
	old := runsOf([]int{1000}, []int64{200})
	rows := []row{{pages: 10000, medium: "tmpfs", backlight: runsOf([]int{800}, []int64{100}), hugo: &hugo, baseline: &old}}
	printReport(&out, config{runs: 5, largeRuns: 3}, "bin/backlight", harness.Hugo{Path: "/x/hugo", Version: "v0.165.0"}, rows)
	for _, want := range []string{"Against the baseline", "1.00 s", "0.80", "0.50", "0.40", "200.0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestMeasureTreesTakeTurnsBetweenSizes(t *testing.T) {
	tool := fakeTool(t)
	var trees []tree
	for i, n := range []int{corpus.MinPages, 2 * corpus.MinPages} {
		dir := t.TempDir()
		if _, err := corpus.Write(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		trees = append(trees, tree{dir: dir, runs: 3 - i}) // the larger tree gets fewer rounds, as at 50,000 pages
	}
	var progress bytes.Buffer
	b := bench{cfg: config{backlight: tool}, hugo: tool, progress: &progress}
	rows, err := b.measureTrees(context.Background(), trees, "tmpfs")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].pages != corpus.MinPages || rows[1].pages != 2*corpus.MinPages ||
		len(rows[0].backlight.walls) != 3 || len(rows[0].hugo.walls) != 3 || len(rows[1].backlight.walls) != 2 || len(rows[1].hugo.walls) != 2 {
		t.Fatalf("rows %+v; want %d pages measured 3 times and %d pages twice, by both tools", rows, corpus.MinPages, 2*corpus.MinPages)
	}
	var order []string
	for _, line := range strings.Split(progress.String(), "\n") {
		if pages, rest, ok := strings.Cut(strings.TrimSpace(line), " pages, tmpfs, "); ok {
			order = append(order, pages+" "+strings.Fields(rest)[0])
		}
	}
	small, large := func(tool string) string { return "300 " + tool }, func(tool string) string { return "600 " + tool }
	want := []string{
		small("backlight"), small("hugo"), large("backlight"), large("hugo"), // round 1
		large("hugo"), large("backlight"), small("hugo"), small("backlight"), // round 2, the other way round
		small("backlight"), small("hugo"), // round 3: the larger tree has had its two
	}
	if !slices.Equal(order, want) {
		t.Errorf("runs in the order\n%v\nwant\n%v", order, want)
	}
}
