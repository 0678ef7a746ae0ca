package site

// Browser tests of the theme's layout at a phone's width and a laptop's:
// nothing scrolls sideways but the designated scroll regions, and no box
// hides part of the page behind a scroll bar of its own.

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// fitPages are the example site's pages the layout test opens, one of
// each page type (and the lists a reader reaches them from); ready is as
// in a11yPages.
var fitPages = []struct{ name, path, ready string }{
	{"home", "/", ""},
	{"role", "/roles/cluster-product-owner/", ""},
	{"event", "/events/cluster-planning/", ""},
	{"artifact", "/artifacts/backlog/", ""},
	{"backlogs", "/backlogs/", ""},
	{"backlog", exampleBacklog, ""},
	{"portfolio", "/backlogs/portfolio/", ""},
	{"item", "/backlogs/team-alpha/tbi-1031/", ""},
	{"item with children", "/backlogs/portfolio/pbi-31/", ""},
	{"cadence", "/cadences/inter-cycle-week/", ""}, // a table in the body
	{"roadmap", "/roadmap/", ""},
	{"release", "/releases/pump-cloud-2-3-eu/", ""},
	{"search", "/search/", `document.querySelectorAll(` + strconv.Quote(searchResults) + `).length > 0`},
	{"level", "/levels/cluster/", ""},
	{"tag", "/tags/alarms/", ""},
	{"404", "/404.html", ""},
}

// fitScript lists what breaks the layout of the open page, one line each:
// a document wider than the viewport, an element reaching past the
// viewport's right edge, a box that scrolls sideways, or one that scrolls
// up and down. Inside a designated scroll region (role="region",
// tabindex="0" and a name) anything goes, and the region may scroll
// sideways.
const fitScript = `(() => {
	const vw = document.documentElement.clientWidth, bad = [];
	const region = e => e.closest('[role=region][tabindex="0"]:is([aria-label], [aria-labelledby])');
	const name = e => e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "");
	if (document.documentElement.scrollWidth > vw) bad.push("the document is " + document.documentElement.scrollWidth + " px wide");
	for (const e of document.querySelectorAll("body *")) {
		if (!e.checkVisibility()) continue;
		const r = e.getBoundingClientRect(), s = getComputedStyle(e), inside = region(e.parentElement);
		if (!inside && r.width > 0 && r.right > vw + 0.5) bad.push(name(e) + " reaches " + Math.round(r.right) + " px");
		if (e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(s.overflowX) && region(e) !== e) bad.push(name(e) + " scrolls sideways");
		if (e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(s.overflowY)) bad.push(name(e) + " scrolls up and down");
	}
	return bad.slice(0, 8);
})()`

// TestPagesFitTheScreen opens a page of each type at 390 px (a phone) and
// 1366 px (a laptop) and fails on anything fitScript reports.
func TestPagesFitTheScreen(t *testing.T) {
	browsertest.Chromium(t) // skip before building when there is no browser
	base := serveSite(t, "../..")
	ctx := browsertest.New(t)
	for _, size := range []struct{ w, h int64 }{{390, 844}, {1366, 768}} {
		do(t, ctx, "set the viewport", chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
				Width: size.w, Height: size.h, DeviceScaleFactor: 1, Mobile: size.w < 600})
			return err
		}))
		for _, p := range fitPages {
			where := p.name + " (" + p.path + ", " + strconv.FormatInt(size.w, 10) + " px)"
			do(t, ctx, "open "+where, chromedp.Navigate(base+p.path), chromedp.WaitReady(chromedp.CSS("body")))
			ready := `document.readyState === "complete"`
			if p.ready != "" {
				ready += " && " + p.ready
			}
			browsertest.Eventually(t, ctx, "load "+where, ready)
			if bad := eval[[]string](t, ctx, fitScript); len(bad) > 0 {
				t.Errorf("%s: %s", where, strings.Join(bad, "; "))
			}
		}
	}
}

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
