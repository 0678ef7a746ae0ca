package starter

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestDatesCountFromToday(t *testing.T) {
	now := time.Date(2027, 3, 18, 15, 0, 0, 0, time.UTC) // a Thursday
	d := newData(now)
	start, _ := time.Parse(time.DateOnly, d.CycleStart)
	if start.Weekday() != time.Monday {
		t.Errorf("cycle_start %s is a %s, want a Monday", d.CycleStart, start.Weekday())
	}
	day := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	switch {
	case !day(d.PastEnd).Before(now), !day(d.PastReleased).Before(now):
		t.Errorf("the released release ends %s, released %s: not before %s", d.PastEnd, d.PastReleased, now)
	case !day(d.NextStart).After(now):
		t.Errorf("the planned release starts %s, not after %s", d.NextStart, now)
	case !day(d.PastStart).Before(day(d.PastEnd)), !day(d.NextStart).Before(day(d.NextEnd)):
		t.Errorf("a release ends before it starts: %+v", d)
	}
}

func TestSiteTOMLNamesEveryCommonKey(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(Options{Dir: dir, Template: "empty", Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"build", "backlog", "roadmap"} {
		if !strings.Contains(string(src), "\n["+table+"]\n") {
			t.Errorf("site.toml has no [%s] table", table)
		}
	}
	for _, key := range []string{"title", "baseURL", "language", "editURL", "levels", "minify", "unsafeHTML",
		"brokenLinks", "iteration_weeks", "horizon", "cycle_weeks", "cycle_start"} {
		// A key, set or commented out, with a comment line above it.
		if !regexp.MustCompile(`(?m)^# .*\n(# )?` + key + `\b`).Match(src) {
			t.Errorf("site.toml has no %s with a comment above it", key)
		}
	}
}

func TestWriteRefusesWhatItCannotDo(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	for _, o := range []Options{
		{Dir: t.TempDir(), Template: "large"},
		{Dir: t.TempDir(), CI: "travis"},
		{Dir: file},
	} {
		if _, err := Write(o); !IsUsage(err) {
			t.Errorf("Write(%+v): got %v, want a usage error", o, err)
		}
	}
}
