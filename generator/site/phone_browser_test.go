package site

// Browser test of the search page's first paint (the layout of every page
// type at a phone's width and a laptop's is TestPhoneLayout's).

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// TestSearchPageShowsItsFormBeforeTheScript opens the search page with its
// script blocked: the page shows the search form, not the notice for
// browsers without JavaScript, before that script runs, so the script
// only fills in results and swaps nothing in after the first paint.
// (Without JavaScript the notice shows: TestSearchOnExampleSite.)
func TestSearchPageShowsItsFormBeforeTheScript(t *testing.T) {
	browsertest.Chromium(t)
	base := serveSite(t, "../..")
	ctx := browsertest.New(t)
	do(t, ctx, "open the search page without search.js",
		chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tgt, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tgt, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/js/search*", Block: true}}})
			return err
		}),
		chromedp.Navigate(base+"/search/"),
		chromedp.WaitReady(chromedp.CSS("[data-search]")),
	)
	type shown struct {
		Notice, App bool
		Room        float64
		Ran         bool
	}
	s := eval[shown](t, ctx, `(() => ({
	Notice: document.querySelector("[data-search-nojs]").checkVisibility(),
	App: document.querySelector("[data-search]").checkVisibility(),
	Room: document.querySelector(".search-main").getBoundingClientRect().height / innerHeight,
	Ran: document.querySelector(".site-search.is-ready") !== null,
}))()`)
	if s.Ran {
		t.Fatal("search.js ran although the test blocks it")
	}
	if s.Notice || !s.App || s.Room < 1 {
		t.Errorf("before search.js runs the page should show the form, not the notice, and keep a screen's height for the results: %+v", s)
	}
}
