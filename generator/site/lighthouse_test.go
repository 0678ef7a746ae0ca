package site

// Lighthouse gate: Google's Lighthouse (npm lighthouse, run by its own
// command line in the headless Chromium the other browser tests use) on
// one page of every page type of the example site, with its mobile and its
// desktop preset. Accessibility, best practices and SEO must score exactly
// 100, cumulative layout shift must stay under maxLayoutShift and every
// page under its weight budgets. The performance score is reported (the
// median of LIGHTHOUSE_RUNS runs, 1 by default; `make lighthouse` runs
// three) but not gated: it moves with the machine's load. LIGHTHOUSE_PAGES
// (names of examplePages, comma-separated) runs the gate on those alone;
// LIGHTHOUSE_PARALLEL sets how many runs go at once.
//
// The test reads Lighthouse from $LIGHTHOUSE_BIN or from defaultLighthouse
// under the home folder, where
//
//	npm install --prefix "$HOME/.cache/backlight/lighthouse" lighthouse@12.8.2
//
// puts it (.ci/run does). Without it the test skips, unless
// BACKLIGHT_E2E=require.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
	"github.com/backlight-wiki/backlight/internal/headless"
)

// defaultLighthouse is where the lighthouse command is looked for, under
// the home folder, when LIGHTHOUSE_BIN is not set.
const defaultLighthouse = ".cache/backlight/lighthouse/node_modules/.bin/lighthouse"

const (
	// maxLayoutShift is the largest cumulative layout shift a page may
	// have ("good" in Web Vitals is under 0.1).
	maxLayoutShift = 0.05
	// maxPageBytes is the largest transfer, in bytes, of any page with
	// everything it loads (the search page with its index shards included).
	maxPageBytes = 300 << 10
	// maxUnusedCSS is the most stylesheet bytes a page may load without
	// using them, as Lighthouse counts them: it leaves out a sheet that
	// wastes less than 10 KiB, so TestPhoneLayout measures every rule.
	maxUnusedCSS = 12 << 10
	// lighthouseParallel is how many Lighthouse runs go at once: each
	// spends most of its time waiting for the page to settle.
	lighthouseParallel = 4
	// lighthouseTimeout bounds one run.
	lighthouseTimeout = 3 * time.Minute
)

// lighthousePages are the pages the gate runs on: the example pages but
// those whose audits would only repeat another's.
var lighthousePages = []string{"home", "role", "event", "backlog", "item", "release", "roadmap", "search", "level", "tag"}

// lighthouseResult is the part of a Lighthouse JSON report the gate reads.
type lighthouseResult struct {
	LighthouseVersion string `json:"lighthouseVersion"`
	RuntimeError      *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]lighthouseAudit `json:"audits"`
}

type lighthouseAudit struct {
	Title        string   `json:"title"`
	Score        *float64 `json:"score"`
	ScoreMode    string   `json:"scoreDisplayMode"`
	DisplayValue string   `json:"displayValue"`
	NumericValue float64  `json:"numericValue"`
	Details      struct {
		OverallSavingsBytes float64 `json:"overallSavingsBytes"`
	} `json:"details"`
}

// lighthouseBin returns the lighthouse command, or skips (fails under
// BACKLIGHT_E2E=require) when it is not installed.
func lighthouseBin(t *testing.T) string {
	t.Helper()
	path := os.Getenv("LIGHTHOUSE_BIN")
	if path == "" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, filepath.FromSlash(defaultLighthouse))
		}
	}
	if _, err := os.Stat(path); err != nil {
		msg := fmt.Sprintf("lighthouse not found (%v); install it with\n"+
			"\tnpm install --prefix \"$HOME/.cache/backlight/lighthouse\" lighthouse@12.8.2\n"+
			"or set LIGHTHOUSE_BIN to the path of its command", err)
		if os.Getenv("BACKLIGHT_E2E") == "require" {
			t.Fatal(msg + " (BACKLIGHT_E2E=require)")
		}
		t.Skip(msg)
	}
	return path
}

// lighthouseRuns is the number of runs per page and preset whose median
// performance score is reported.
func lighthouseRuns(t *testing.T) int {
	s := os.Getenv("LIGHTHOUSE_RUNS")
	if s == "" {
		return 1
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 9 {
		t.Fatalf("LIGHTHOUSE_RUNS=%q: want a number from 1 to 9", s)
	}
	return n
}

// lighthouseWorkers is how many runs go at once: lighthouseParallel, or
// LIGHTHOUSE_PARALLEL (`make lighthouse` runs one at a time, so that the
// performance scores are those of a machine doing nothing else).
func lighthouseWorkers(t *testing.T) int {
	s := os.Getenv("LIGHTHOUSE_PARALLEL")
	if s == "" {
		return lighthouseParallel
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 16 {
		t.Fatalf("LIGHTHOUSE_PARALLEL=%q: want a number from 1 to 16", s)
	}
	return n
}

// TestLighthouse runs the gate; see the top of this file.
func TestLighthouse(t *testing.T) {
	chromium := browsertest.Chromium(t)
	bin := lighthouseBin(t)
	runs := lighthouseRuns(t)
	base := serveSite(t, "../..")

	type job struct {
		page   examplePage
		preset string
		run    int
	}
	var jobs []job
	pages := lighthousePages
	if only := os.Getenv("LIGHTHOUSE_PAGES"); only != "" {
		pages = strings.Split(only, ",")
	}
	for _, name := range pages {
		i := slices.IndexFunc(examplePages, func(p examplePage) bool { return p.name == name })
		if i < 0 {
			t.Fatalf("lighthousePages names %q, which examplePages lacks", name)
		}
		for _, preset := range []string{"mobile", "desktop"} {
			for run := range runs {
				jobs = append(jobs, job{examplePages[i], preset, run})
			}
		}
	}
	results := make([]*lighthouseResult, len(jobs))
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, lighthouseWorkers(t))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i], errs[i] = runLighthouse(bin, chromium, t.TempDir(), base+j.page.path, j.preset)
		})
	}
	wg.Wait()

	perf := map[string][]float64{}
	var order []string
	for i, j := range jobs {
		where := fmt.Sprintf("%s (%s, %s)", j.page.name, j.page.path, j.preset)
		if errs[i] != nil {
			t.Errorf("%s: %v", where, errs[i])
			continue
		}
		r := results[i]
		if j.run == 0 {
			checkLighthouse(t, where, r)
			order = append(order, where)
		}
		if s := r.Categories["performance"].Score; s != nil {
			perf[where] = append(perf[where], *s*100)
		}
	}
	for _, where := range order {
		scores := perf[where]
		if len(scores) == 0 {
			continue
		}
		slices.Sort(scores)
		t.Logf("%-48s performance %3.0f (median of %d: %v)", where, scores[len(scores)/2], len(scores), scores)
	}
}

// checkLighthouse applies the gates to one report and logs its numbers.
func checkLighthouse(t *testing.T, where string, r *lighthouseResult) {
	t.Helper()
	for _, cat := range []string{"accessibility", "best-practices", "seo"} {
		c, ok := r.Categories[cat]
		if !ok || c.Score == nil {
			t.Errorf("%s: the report has no %s score", where, cat)
			continue
		}
		if *c.Score < 1 {
			t.Errorf("%s: %s %.0f, want 100; failing audits: %s", where, cat, *c.Score*100, failingAudits(r))
		}
	}
	cls := r.Audits["cumulative-layout-shift"].NumericValue
	if cls >= maxLayoutShift {
		t.Errorf("%s: cumulative layout shift %.3f, want under %.2f", where, cls, maxLayoutShift)
	}
	bytes := r.Audits["total-byte-weight"].NumericValue
	if bytes > maxPageBytes {
		t.Errorf("%s: the page transfers %.0f KiB, over the budget of %d KiB", where, bytes/1024, maxPageBytes>>10)
	}
	unused := r.Audits["unused-css-rules"].Details.OverallSavingsBytes
	if unused > maxUnusedCSS {
		t.Errorf("%s: %.1f KiB of stylesheet unused, over the budget of %d KiB", where, unused/1024, maxUnusedCSS>>10)
	}
	t.Logf("%-48s CLS %.3f, %.0f KiB, %.1f KiB unused CSS, %d DOM elements, LCP %.0f ms",
		where, cls, bytes/1024, unused/1024, int(r.Audits["dom-size"].NumericValue),
		r.Audits["largest-contentful-paint"].NumericValue)
}

// failingAudits lists the pass-or-fail audits of a report that failed.
func failingAudits(r *lighthouseResult) string {
	var out []string
	for id, a := range r.Audits {
		if a.Score == nil || *a.Score >= 1 || a.ScoreMode != "binary" {
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s: %s)", id, a.Title, a.DisplayValue))
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}

// runLighthouse runs Lighthouse once on url with a preset ("mobile" or
// "desktop") and returns its report.
func runLighthouse(bin, chromium, tmp, url, preset string) (*lighthouseResult, error) {
	ctx, cancel := context.WithTimeout(context.Background(), lighthouseTimeout)
	defer cancel()
	out := filepath.Join(tmp, "report.json")
	args := []string{url, "--quiet", "--output=json", "--output-path=" + out,
		"--only-categories=performance,accessibility,best-practices,seo",
		"--disable-full-page-screenshot",
		"--chrome-flags=" + strings.Join(headless.Flags(filepath.Join(tmp, "profile")), " ")}
	if preset == "desktop" {
		args = append(args, "--preset=desktop")
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("lighthouse: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	var r lighthouseResult
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("read the report %s: %w", out, err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return nil, fmt.Errorf("lighthouse %s: %s: %s", r.LighthouseVersion, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	return &r, nil
}
