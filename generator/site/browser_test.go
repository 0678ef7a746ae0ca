package site

// Browser tests: build a site, serve it on 127.0.0.1 and drive the pages in
// a real headless Chromium through the DevTools protocol (chromedp). They
// check what only a browser can: that the theme script filters the backlog
// table, keeps the filter in the URL and leaves a page that works without
// JavaScript.
//
// Without Chromium the tests skip; set BACKLIGHT_E2E=require (as .ci/run
// does) to make a missing browser an error. `go test -short` skips them.

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// browserTimeout bounds each browser test, Chromium's start included.
const browserTimeout = 60 * time.Second

// The example site's biggest team backlog, and the selectors of its filter.
const (
	exampleBacklog = "/backlogs/cluster-pumps/"
	filterForm     = "form[data-filters]"
	itemRows       = "table[data-backlog] tbody tr[data-kind]"
)

// chromiumPath finds Chromium or skips (see browsertest.Chromium).
func chromiumPath(t *testing.T) string { return browsertest.Chromium(t) }

// serveSite builds the site at src into a temporary folder, serves it on
// 127.0.0.1 and returns the server's base URL. The server stops when the
// test ends.
func serveSite(t *testing.T, src string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("build %s: %v\n%s", src, err, res.Diags.Error())
	}
	return serveDir(t, dest)
}

// newBrowser starts a headless Chromium for the test (see browsertest.New).
func newBrowser(t *testing.T) context.Context { return browsertest.New(t) }

// disableJS turns off JavaScript in the tab, for the pages that must
// work without it.
func disableJS() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, emulation.SetScriptExecutionDisabled,
			emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// do runs the steps and fails the test with what it was doing.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// rowState is what the page shows of the backlog's item rows.
type rowState struct {
	Total      int    `json:"total"`      // item rows in the table
	Visible    int    `json:"visible"`    // rows the browser renders
	Matching   int    `json:"matching"`   // rows whose data-<attr> is the value
	VisibleBad int    `json:"visibleBad"` // rendered rows that do not match
	FormShown  bool   `json:"formShown"`  // the filter form is rendered
	Count      string `json:"count"`      // text of .filter-count
	Search     string `json:"search"`     // location.search
	Kind       string `json:"kind"`       // value of the kind select
	Status     string `json:"status"`     // value of the status select
}

func (s rowState) String() string {
	return fmt.Sprintf("%d of %d rows visible, %d match, %d visible rows do not match; form shown %v; count %q; search %q; kind %q; status %q",
		s.Visible, s.Total, s.Matching, s.VisibleBad, s.FormShown, s.Count, s.Search, s.Kind, s.Status)
}

// backlogState reads the rows of the page; attr and value ("kind", "bug")
// say which rows count as matching, and attr "" counts every row.
// Visibility is what the browser renders (checkVisibility), not an attribute.
func backlogState(t *testing.T, ctx context.Context, attr, value string) rowState {
	t.Helper()
	js := fmt.Sprintf(`(() => {
	const attr = %s, want = %s;
	const form = document.querySelector(%s);
	const rows = [...document.querySelectorAll(%s)];
	const shown = rows.filter(r => r.checkVisibility());
	const match = r => attr === "" || r.getAttribute("data-" + attr) === want;
	const sel = name => { const s = form && form.querySelector('select[name="' + name + '"]'); return s ? s.value : ""; };
	const count = form && form.querySelector(".filter-count");
	return {
		total: rows.length,
		visible: shown.length,
		matching: rows.filter(match).length,
		visibleBad: shown.filter(r => !match(r)).length,
		formShown: !!form && form.checkVisibility(),
		count: count ? count.textContent.trim() : "",
		search: location.search,
		kind: sel("kind"),
		status: sel("status"),
	};
})()`, strconv.Quote(attr), strconv.Quote(value), strconv.Quote(filterForm), strconv.Quote(itemRows))
	s, err := chromedp.Run(ctx, chromedp.Evaluate[rowState](js))
	if err != nil {
		t.Fatalf("read the backlog rows: %v", err)
	}
	return s
}

// selectValue sets a filter select as a user would: the value, then a
// change event.
func selectValue(name, value string) chromedp.Action[chromedp.Void] {
	sel := chromedp.CSS(filterForm + ` select[name="` + name + `"]`)
	return chromedp.Steps(
		chromedp.SetValue(sel, value),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`document.querySelector(%s).dispatchEvent(new Event("change", {bubbles: true}))`,
			strconv.Quote(string(sel)))),
	)
}

var countText = regexp.MustCompile(`^(\d+) of (\d+) items$`)

// checkFiltered asserts that exactly the matching rows show, that some row
// is hidden, and that .filter-count says so.
func checkFiltered(t *testing.T, s rowState) {
	t.Helper()
	if s.Total == 0 {
		t.Fatalf("the backlog table has no item rows: %s", s)
	}
	if s.Matching == 0 || s.Matching == s.Total {
		t.Fatalf("the filter value should match some rows but not all: %s", s)
	}
	if s.Visible != s.Matching || s.VisibleBad != 0 {
		t.Errorf("visible rows are not the matching rows: %s", s)
	}
	if s.Visible == s.Total {
		t.Errorf("no row hidden: %s", s)
	}
	want := fmt.Sprintf("%d of %d items", s.Matching, s.Total)
	if !countText.MatchString(s.Count) || s.Count != want {
		t.Errorf(".filter-count = %q, want %q", s.Count, want)
	}
}

// TestBacklogFilterHidesRowsAndKeepsTheURL drives the filter of a backlog
// page of the example site: choosing a kind hides the other rows and puts
// the kind in the URL, a shared URL with ?status=ready opens filtered, and
// the reset button shows everything and empties the query.
func TestBacklogFilterHidesRowsAndKeepsTheURL(t *testing.T) {
	chromiumPath(t) // skip before building when there is no browser
	page := serveSite(t, "../..") + exampleBacklog
	ctx := newBrowser(t)

	do(t, ctx, "open "+page,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(filterForm)),
	)
	all := backlogState(t, ctx, "", "")
	if all.Total < 3 || all.Visible != all.Total || all.Count != "" || all.Search != "" {
		t.Fatalf("before filtering, every row should show and the count be empty: %s", all)
	}

	// Choose a kind that some, but not all, rows have.
	kinds, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(
		`[...document.querySelectorAll(%s)].map(o => o.value).filter(v => v !== "")`,
		strconv.Quote(filterForm+` select[name="kind"] option`))))
	if err != nil {
		t.Fatal(err)
	}
	kind := ""
	for _, k := range kinds {
		if s := backlogState(t, ctx, "kind", k); s.Matching > 0 && s.Matching < s.Total {
			kind = k
			break
		}
	}
	if kind == "" {
		t.Fatalf("no kind in %q filters the table of %s", kinds, page)
	}
	do(t, ctx, "choose kind "+kind, selectValue("kind", kind))
	s := backlogState(t, ctx, "kind", kind)
	checkFiltered(t, s)
	if !strings.Contains(s.Search, "kind="+kind) {
		t.Errorf("location.search = %q, want it to contain kind=%s", s.Search, kind)
	}

	// A shared URL opens with the filter applied.
	do(t, ctx, "open "+page+"?status=ready",
		chromedp.Navigate(page+"?status=ready"),
		chromedp.WaitVisible(chromedp.CSS(filterForm)),
	)
	s = backlogState(t, ctx, "status", "ready")
	if s.Status != "ready" {
		t.Errorf("status select = %q after loading ?status=ready, want ready", s.Status)
	}
	if s.Kind != "" {
		t.Errorf("kind select = %q after loading ?status=ready, want all", s.Kind)
	}
	checkFiltered(t, s)

	// Reset shows every row and empties the query (the script applies it
	// after the form has reset, so wait for it).
	do(t, ctx, "click reset", chromedp.Click(chromedp.CSS(filterForm+` button[type="reset"]`)))
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(
		`location.search === "" && [...document.querySelectorAll(%s)].every(r => r.checkVisibility())`,
		strconv.Quote(itemRows)),
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(10*time.Second)))
	s = backlogState(t, ctx, "", "")
	if err != nil {
		t.Fatalf("after reset: %v: %s", err, s)
	}
	if s.Visible != s.Total || s.Count != "" || s.Search != "" || s.Status != "" || s.Kind != "" {
		t.Errorf("after reset every row should show, the selects be empty and the count too: %s", s)
	}
}

// TestPagesWorkWithoutJavaScript opens a backlog page with JavaScript off:
// the filter form, which needs the script, stays hidden and the whole table
// shows, also with a filter in the URL.
func TestPagesWorkWithoutJavaScript(t *testing.T) {
	chromiumPath(t)
	page := serveSite(t, copySite(t, "basic")) + "/backlogs/alpha/?kind=bug"
	ctx := newBrowser(t)

	do(t, ctx, "open "+page+" without JavaScript", disableJS(),
		chromedp.Navigate(page),
		chromedp.WaitReady(chromedp.CSS(itemRows)),
	)
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("form[data-filters]").hidden === false`))
	if err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Fatal("the theme script ran although JavaScript is disabled")
	}
	s := backlogState(t, ctx, "", "")
	if s.Total != 5 || s.Visible != s.Total {
		t.Errorf("want all five rows of the alpha backlog visible: %s", s)
	}
	if s.FormShown {
		t.Errorf("the filter form shows without JavaScript, where it cannot work: %s", s)
	}
}
