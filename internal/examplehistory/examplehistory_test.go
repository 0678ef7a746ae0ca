package examplehistory

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/site"
)

// now is the day make site builds the example as of (Makefile's EXAMPLE_NOW).
var now = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

func write(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	out := filepath.Join(t.TempDir(), "example")
	if _, err := Write("../..", out, now, 6, Seed); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHistoryLeadsToTheSiteAsItIs(t *testing.T) {
	out := write(t)
	src, err := readSite("../..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := readSite(out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range src {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs from the site's", p)
		}
	}
	if len(got) != len(src) {
		t.Errorf("%d files, want the site's %d", len(got), len(src))
	}
	status, err := exec.Command("git", "-C", out, "status", "--porcelain").Output()
	if err != nil || len(status) > 0 {
		t.Errorf("work tree not clean: %v %s", err, status)
	}
	log, err := exec.Command("git", "-C", out, "log", "--format=%ad", "--date=short").Output()
	if err != nil {
		t.Fatal(err)
	}
	days := strings.Fields(string(log))
	if len(days) < 40 {
		t.Errorf("%d commits; want a history of many", len(days))
	}
	for _, d := range days {
		if d >= now.Format(time.DateOnly) {
			t.Errorf("a commit of %s, not before %s", d, now.Format(time.DateOnly))
		}
	}
	again := filepath.Join(t.TempDir(), "again")
	if _, err := Write("../..", again, now, 6, Seed); err != nil {
		t.Fatal(err)
	}
	head := func(dir string) string {
		b, _ := exec.Command("git", "-C", dir, "rev-parse", "HEAD").Output()
		return string(b)
	}
	if head(out) != head(again) {
		t.Error("the same site and day gave another history")
	}
	// Written again over its own repository: replaced.
	if _, err := Write("../..", again, now, 6, Seed); err != nil {
		t.Errorf("writing over its own history: %v", err)
	}
}

func TestLeavesAFolderItDidNotWrite(t *testing.T) {
	out := t.TempDir()
	keep := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write("../..", out, now, 6, Seed)
	if err == nil || !strings.Contains(err.Error(), "not a history this command wrote") {
		t.Fatalf("err = %v", err)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Errorf("the folder's file was touched: %q, %v", b, err)
	}
}

// TestExampleReleasesOnTrackHalfAndUnlikely checks what the example's
// history is for (issue 20): forecasts from measured throughput that
// put one release comfortably on track, one at about even odds and one
// out of reach.
func TestExampleReleasesOnTrackHalfAndUnlikely(t *testing.T) {
	out := write(t)
	r, _, err := site.ForecastList(context.Background(), site.Options{Source: out, Now: now}, site.ForecastQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range r.Backlogs {
		// The portfolio's epics finish too seldom to measure.
		if want := map[bool]string{true: "declared", false: "measured"}[b.ID == "portfolio"]; b.Basis != want {
			t.Errorf("backlog %s: basis %s, want %s", b.ID, b.Basis, want)
		}
	}
	var onTrack, even, unlikely []string
	for _, rel := range r.Releases {
		if rel.Dates == nil || rel.Dates.Probability == nil {
			continue
		}
		switch p := *rel.Dates.Probability; {
		case p >= 0.9:
			onTrack = append(onTrack, rel.ID)
		case p >= 0.3 && p <= 0.7:
			even = append(even, rel.ID)
		case p <= 0.1:
			unlikely = append(unlikely, rel.ID)
		}
		t.Logf("%s: %v (%s)", rel.ID, *rel.Dates.Probability, rel.Dates.Basis)
	}
	if len(onTrack) == 0 || len(even) == 0 || len(unlikely) == 0 {
		t.Errorf("on track %v, about even %v, unlikely %v: want one of each at least (after a change to the example's backlogs, try other values of examplehistory's -seed)", onTrack, even, unlikely)
	}
}
