package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// TestForecastPrintsTheForecastsInEachFormat runs backlight forecast on
// the forecasts' fixture (one item of 2 points done a week for four
// weeks): the same days as model.json, as text and as JSON, and one
// backlog or one release alone.
func TestForecastPrintsTheForecastsInEachFormat(t *testing.T) {
	r := gitrepo.Throughput(t)
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"forecast.text", nil},
		{"forecast.json", []string{"--format", "json"}},
		{"forecast-release.text", []string{"--release", "r-soon"}},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"forecast", "-s", r.Dir, "--now", "2026-02-02"}, tc.args...)
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("backlight %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		golden.File(t, "testdata/"+tc.golden, stdout.Bytes())
	}
	var stderr bytes.Buffer
	if code := run([]string{"forecast", "-s", r.Dir, "--backlog", "nope"}, &bytes.Buffer{}, &stderr); code == exitOK || !strings.Contains(stderr.String(), `the site's backlogs are team`) {
		t.Errorf("an unknown backlog: exit %d, %q", code, stderr.String())
	}
}
