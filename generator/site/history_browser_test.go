package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
)

// TestHistoryScreenshots writes screenshots of what the history adds, on
// the fixture repository's site: an item's status strip, the change
// list, a backlog's changes and a page's "last updated" line, at a
// phone's and a desktop's width, light and dark.
func TestHistoryScreenshots(t *testing.T) {
	out := os.Getenv("BACKLIGHT_SCREENSHOTS")
	if out == "" {
		t.Skip("set BACKLIGHT_SCREENSHOTS=folder to write screenshots of the history's pages")
	}
	chromiumPath(t)
	r := gitrepo.Site(t)
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: r.Dir, Dest: dest, History: true, Now: time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	base := serveDir(t, dest)
	screenshots(t, base, out, "history-", []shotPage{
		{"item", "/backlogs/alpha/a-1/", ".status-history"},
		{"changes", "/changes/", "h1"},
		{"backlog", "/backlogs/alpha/", ".backlog-changes"},
		{"role", "/roles/po/", ".updated"},
	}, func(ctx context.Context, p shotPage) {
		if p.name == "backlog" {
			do(t, ctx, "open the changes", chromedp.Evaluate[chromedp.Void](`document.querySelector(".backlog-changes").open = true`))
		}
	})
}

// shotPage is a page to take a screenshot of: its name in the file's,
// its URL and what to scroll into view.
type shotPage struct{ name, url, show string }

// screenshots writes into out a screenshot of each of pages served at
// base, at a desktop's and a phone's width, light and dark, named
// prefix + page + scheme + width; before each, prepare (if not nil) may
// act on the page.
func screenshots(t *testing.T, base, out, prefix string, pages []shotPage, prepare func(context.Context, shotPage)) {
	t.Helper()
	ctx := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 390} {
			name := fmt.Sprintf("%s-%d", scheme, width)
			emulate(t, ctx, width, 900, scheme)
			for _, p := range pages {
				do(t, ctx, "open "+p.url, chromedp.Navigate(base+p.url), chromedp.WaitVisible(chromedp.CSS("h1")))
				if prepare != nil {
					prepare(ctx, p)
				}
				do(t, ctx, "show "+p.show, chromedp.ScrollIntoView(chromedp.CSS(p.show)))
				shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, out, prefix+p.name+"-"+name+".png", shot)
			}
		}
	}
}
