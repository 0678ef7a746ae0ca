package serve

// A browser test: live.js in a real headless Chromium, driven over the
// DevTools protocol (chromedp). Without Chromium it skips, unless
// BACKLIGHT_E2E=require, which makes a missing browser an error; `go test
// -short` skips it.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// swappable serves with whichever Server it holds, and counts the
// WebSocket handlers started and ended, so that a test knows when a page
// has reconnected.
type swappable struct {
	cur            atomic.Pointer[Server]
	started, ended atomic.Int64
}

func (h *swappable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == wsPath {
		h.started.Add(1)
		defer h.ended.Add(1)
	}
	h.cur.Load().ServeHTTP(w, r)
}

// waitSockets waits until started and ended WebSockets are as given and
// the current server has one page.
func (h *swappable) waitSockets(t *testing.T, started, ended int64) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for h.started.Load() != started || h.ended.Load() != ended || h.cur.Load().connected() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("WebSockets started %d (want %d), ended %d (want %d), %d pages connected (want 1)",
				h.started.Load(), started, h.ended.Load(), ended, h.cur.Load().connected())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestLiveReloadInChromium opens a page of a tiny site and checks what
// each kind of event does to it: the error overlay comes and goes, a
// stylesheet swap changes the link without a reload, its own path reloads
// it, the overlay is replayed on a page opened later, and the page reloads
// when a new server answers after a restart.
func TestLiveReloadInChromium(t *testing.T) {
	browsertest.Chromium(t)
	src := newSource(map[string]string{
		"index.html":       `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="css/a.css"></head><body><p id="v">1</p></body></html>`,
		"other/index.html": `<!doctype html><html><head><title>o</title></head><body><p id="other">other</p></body></html>`,
		"css/a.css":        `p { color: rgb(1, 2, 3) }`,
		"css/b.css":        `p { color: rgb(4, 5, 6) }`,
	})
	h := &swappable{}
	s := New(Options{Source: src, Logf: t.Logf})
	h.cur.Store(s)
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		h.cur.Load().Close()
		srv.Close()
	})
	tab := browsertest.New(t)

	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	h.waitSockets(t, 1, 0)
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`window.__mark = "unreloaded"`)); err != nil {
		t.Fatal(err)
	}
	const unreloaded = `window.__mark === "unreloaded"`

	// Errors: the overlay lists them as text, and goes with the next
	// good build.
	errs := []string{`content/roles/cpo.md:3:7: unknown field "owner"`, `site.toml:1:1: <img src=x onerror="window.__xss=1">`}
	s.Notify(Event{Errors: errs})
	overlay := `(document.getElementById("__backlight-overlay")?.shadowRoot?.textContent ?? "")`
	for _, e := range errs {
		browsertest.Eventually(t, tab, "the overlay shows "+e, overlay+`.includes(`+strconv.Quote(e)+`)`)
	}
	browsertest.Eventually(t, tab, "the errors are text, one item each, and the page did not reload",
		`document.getElementById("__backlight-overlay").shadowRoot.querySelectorAll("li").length === 2 && `+
			`!document.getElementById("__backlight-overlay").shadowRoot.querySelector("img") && window.__xss === undefined && `+unreloaded)
	s.Notify(Event{})
	browsertest.Eventually(t, tab, "the overlay goes after a good build", `document.getElementById("__backlight-overlay") === null && `+unreloaded)

	// The close button hides the overlay too.
	s.Notify(Event{Errors: errs[:1]})
	browsertest.Eventually(t, tab, "the overlay shows again", overlay+`.includes("cpo.md:3:7")`)
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](
		`document.getElementById("__backlight-overlay").shadowRoot.querySelector("button").click()`)); err != nil {
		t.Fatal(err)
	}
	browsertest.Eventually(t, tab, "the close button hides the overlay", `document.getElementById("__backlight-overlay") === null`)
	s.Notify(Event{})

	// Another page changed: this one stays. A stylesheet swap: the link
	// changes, the page stays.
	s.Notify(Event{Paths: []string{"other/index.html"}, CSS: [][2]string{{"css/a.css", "css/b.css"}}})
	browsertest.Eventually(t, tab, "the stylesheet is swapped without a reload",
		`[...document.querySelectorAll('link[rel=stylesheet]')].map(l => new URL(l.href).pathname).join() === "/css/b.css" && `+
			`getComputedStyle(document.getElementById("v")).color === "rgb(4, 5, 6)" && `+unreloaded)

	// The page's own path: it reloads and shows the new build.
	src.set("index.html", `<!doctype html><html><head><link rel="stylesheet" href="css/b.css"></head><body><p id="v">2</p></body></html>`)
	s.Notify(Event{Paths: []string{"roles/index.html", "index.html"}})
	browsertest.Eventually(t, tab, "the page reloads with the new content",
		`window.__mark === undefined && document.getElementById("v")?.textContent === "2"`)
	h.waitSockets(t, 2, 1)

	// All: every page reloads.
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`window.__mark = "unreloaded"`)); err != nil {
		t.Fatal(err)
	}
	s.Notify(Event{All: true})
	browsertest.Eventually(t, tab, "the page reloads on All", `window.__mark === undefined && document.readyState === "complete"`)
	h.waitSockets(t, 3, 2)

	// A page opened after a failed build shows the overlay at once.
	s.Notify(Event{Errors: errs[:1]})
	browsertest.Eventually(t, tab, "the overlay shows", overlay+`.includes("cpo.md:3:7")`)
	if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/other/")); err != nil {
		t.Fatal(err)
	}
	browsertest.Eventually(t, tab, "a page opened later shows the overlay", `document.getElementById("other") !== null && `+overlay+`.includes("cpo.md:3:7")`)
	h.waitSockets(t, 4, 3)
	s.Notify(Event{})
	browsertest.Eventually(t, tab, "the overlay goes", `document.getElementById("__backlight-overlay") === null`)

	// A restart: the old server closes, a new one answers; the page
	// reconnects and reloads.
	if err := chromedp.Do(tab, chromedp.Evaluate[chromedp.Void](`window.__mark = "unreloaded"`)); err != nil {
		t.Fatal(err)
	}
	s2 := New(Options{Source: src, Logf: t.Logf})
	h.cur.Store(s2)
	s.Close()
	browsertest.Eventually(t, tab, "the page reloads when the server is back", `window.__mark === undefined && document.getElementById("other") !== null`)
	// One reconnection, which reloads; then the reloaded page's.
	h.waitSockets(t, 6, 5)
}

// TestTenTabsReload opens the same page in ten tabs of one browser, more
// than the six connections a browser keeps per host for plain HTTP, and
// checks that one event reloads all of them.
func TestTenTabsReload(t *testing.T) {
	browsertest.Chromium(t)
	src := newSource(map[string]string{
		"index.html": `<!doctype html><html><head><title>t</title></head><body><p>page</p></body></html>`,
	})
	s := New(Options{Source: src, Logf: t.Logf})
	srv := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		srv.Close()
	})
	first := browsertest.New(t)
	const n = 10
	tabs := []context.Context{first}
	for len(tabs) < n {
		tab, cancel := chromedp.NewContext(first) // another tab of the same browser
		t.Cleanup(cancel)
		tabs = append(tabs, tab)
	}
	for i, tab := range tabs {
		if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/"),
			chromedp.Evaluate[chromedp.Void](`window.__mark = "unreloaded"`)); err != nil {
			t.Fatalf("tab %d: %v", i, err)
		}
	}
	waitConnected(t, s, n)
	s.Notify(Event{All: true})
	for i, tab := range tabs {
		browsertest.Eventually(t, tab, fmt.Sprintf("tab %d reloads", i), `window.__mark === undefined && document.readyState === "complete"`)
	}
	waitConnected(t, s, n) // and all are connected again
}
