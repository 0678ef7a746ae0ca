package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/internal/examplehistory"
)

// TestForecastScreenshots writes screenshots of what the forecasts add,
// on the example site with its made-up history (as make site builds it):
// a backlog's flow charts, a release's probability and burn-up, an
// item's likely days and the roadmap, at a phone's and a desktop's
// width, light and dark.
func TestForecastScreenshots(t *testing.T) {
	out := os.Getenv("BACKLIGHT_SCREENSHOTS")
	if out == "" {
		t.Skip("set BACKLIGHT_SCREENSHOTS=folder to write screenshots of the forecasts' pages")
	}
	chromiumPath(t)
	src := filepath.Join(t.TempDir(), "example")
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	if _, err := examplehistory.Write(filepath.Join("..", ".."), src, now, 6, examplehistory.Seed); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest, History: true, Now: now}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	base := serveDir(t, dest)
	screenshots(t, base, out, "forecast-", []shotPage{
		{"flow", "/backlogs/team-alpha/", "#flow"},
		{"release", "/releases/pump-ctrl-3-2-eu/", "h1"},
		{"burnup", "/releases/pump-ctrl-3-2-eu/", "#burnup"},
		{"item", "/backlogs/team-alpha/tbi-1064/", "h1"},
		{"roadmap", "/releases/", "#now-next-later"},
	}, nil)
}
