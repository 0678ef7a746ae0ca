package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// The targets of docs/benchmarks.md: Backlight's figures as a fraction of
// Hugo's, and the growth allowed beyond the growth of the page count.
const (
	wallTmpfsTarget = 0.5
	wallDiskTarget  = 0.7
	memoryTarget    = 0.3
	growthSlack     = 1.1 // 50,000 pages within 5.5 × the 10,000-page figures
)

// printReport prints the measurements and the targets.
func printReport(w io.Writer, cfg config, backlightVersion string, hugo harness.Hugo, rows []row) {
	fmt.Fprintf(w, "\nmedians of paired runs (%d per size up to %d pages, %d above); %d CPUs\nbacklight: %s\nhugo: %s\n\n",
		cfg.runs, largeSize, cfg.largeRuns, runtime.NumCPU(), backlightVersion, hugo)
	measurements(rows).Text(w)
	if t := againstBaseline(rows); t != nil {
		t.Text(w)
	}
	targets(rows).Text(w)
}

// againstBaseline compares the binary measured with the -baseline one, in
// the same runs: before and after a change, each also against Hugo. It is
// nil without a baseline.
func againstBaseline(rows []row) *harness.Table {
	t := &harness.Table{
		Title: "Against the baseline (same runs)",
		Head:  []string{"pages", "medium", "baseline wall", "backlight wall", "wall ÷ baseline", "baseline ÷ hugo", "backlight ÷ hugo", "baseline MiB", "backlight MiB", "memory ÷ baseline"},
		Right: []bool{true, false, true, true, true, true, true, true, true, true},
	}
	for _, r := range rows {
		if r.baseline == nil {
			continue
		}
		bw, ow := r.backlight.wall(), r.baseline.wall()
		oq, bq := "–", "–"
		if r.hugo != nil {
			oq, bq = harness.Ratio(float64(ow), float64(r.hugo.wall())), harness.Ratio(float64(bw), float64(r.hugo.wall()))
		}
		t.Add(fmt.Sprint(r.pages), r.medium, harness.Ms(ow), harness.Ms(bw), harness.Ratio(float64(bw), float64(ow)), oq, bq,
			mib(r.baseline.peak()), mib(r.backlight.peak()), harness.Ratio(float64(r.backlight.peak()), float64(r.baseline.peak())))
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// measurements is one line per corpus and medium.
func measurements(rows []row) *harness.Table {
	t := &harness.Table{
		Title: "Builds",
		Head:  []string{"pages", "medium", "runs", "backlight wall", "pages/s", "hugo wall", "wall ÷ hugo", "backlight MiB", "hugo MiB", "memory ÷ hugo"},
		Right: []bool{true, false, true, true, true, true, true, true, true, true},
	}
	for _, r := range rows {
		bw, bm := r.backlight.wall(), r.backlight.peak()
		hw, hm, wq, mq := "–", "–", "–", "–"
		if r.hugo != nil {
			hw, hm = harness.Ms(r.hugo.wall()), mib(r.hugo.peak())
			wq, mq = harness.Ratio(float64(bw), float64(r.hugo.wall())), harness.Ratio(float64(bm), float64(r.hugo.peak()))
		}
		t.Add(fmt.Sprint(r.pages), r.medium, fmt.Sprint(len(r.backlight.walls)), harness.Ms(bw),
			fmt.Sprintf("%.0f", float64(r.pages)/bw.Seconds()), hw, wq, mib(bm), hm, mq)
	}
	return t
}

func mib(bytes int64) string {
	if bytes <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", harness.MiB(bytes))
}

// check is one target, measured.
type check struct {
	what   string
	value  float64 // 0: not measured
	target float64 // at most
}

func (c check) verdict() string {
	switch {
	case c.value <= 0:
		return "not measured"
	case c.value <= c.target:
		return "pass"
	}
	return "FAIL"
}

// checks are the targets the rows can tell: the ratios to Hugo on each row,
// and Backlight's growth from the smallest size to the largest on each
// medium.
func checks(rows []row) []check {
	var cs []check
	for _, r := range rows {
		if r.hugo == nil {
			continue
		}
		wallTarget := wallDiskTarget
		if r.medium == "tmpfs" {
			wallTarget = wallTmpfsTarget
		}
		cs = append(cs,
			check{fmt.Sprintf("wall ÷ hugo, %d pages on %s", r.pages, r.medium), ratio(float64(r.backlight.wall()), float64(r.hugo.wall())), wallTarget},
			check{fmt.Sprintf("memory ÷ hugo, %d pages on %s", r.pages, r.medium), ratio(float64(r.backlight.peak()), float64(r.hugo.peak())), memoryTarget})
	}
	for _, m := range []string{"tmpfs", "disk"} {
		small, large, ok := extremes(rows, m)
		if !ok {
			continue
		}
		bound := growthSlack * float64(large.pages) / float64(small.pages)
		what := fmt.Sprintf("%d ÷ %d pages on %s", large.pages, small.pages, m)
		cs = append(cs,
			check{"backlight wall, " + what, ratio(float64(large.backlight.wall()), float64(small.backlight.wall())), bound},
			check{"backlight memory, " + what, ratio(float64(large.backlight.peak()), float64(small.backlight.peak())), bound})
	}
	return cs
}

// extremes are the rows of the fewest and the most pages on a medium, when
// they differ.
func extremes(rows []row, medium string) (small, large row, ok bool) {
	for _, r := range rows {
		if r.medium != medium {
			continue
		}
		if !ok || r.pages < small.pages {
			small = r
		}
		if !ok || r.pages > large.pages {
			large = r
		}
		ok = true
	}
	return small, large, ok && large.pages > small.pages
}

func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a / b
}

// targets is the table of checks.
func targets(rows []row) *harness.Table {
	t := &harness.Table{
		Title: "Targets (docs/benchmarks.md)",
		Head:  []string{"target", "measured", "at most", "verdict"},
		Right: []bool{false, true, true, false},
	}
	for _, c := range checks(rows) {
		t.Add(c.what, harness.Ratio(c.value, 1), fmt.Sprintf("%.2f", c.target), c.verdict())
	}
	if len(t.Rows) == 0 {
		t.Add("none measurable: no Hugo, and one size", "–", "–", "–")
	}
	return t
}
