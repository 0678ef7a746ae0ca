// Package browsertest starts a headless Chromium for the project's browser
// tests and drives it through the DevTools protocol with chromedp.
//
// Without Chromium a test skips; BACKLIGHT_E2E=require (as .ci/run sets)
// makes a missing browser an error. `go test -short` skips browser tests.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/internal/headless"
)

// Timeout bounds each browser, its start included.
const Timeout = 90 * time.Second

// Chromium finds a Chromium or Chrome binary, or skips the test when there
// is none (fails instead when BACKLIGHT_E2E=require).
func Chromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("BACKLIGHT_E2E") == "require" {
		t.Fatal("chromium not installed (looked for chromium, chromium-browser, google-chrome) and BACKLIGHT_E2E=require")
	}
	t.Skip("chromium not installed; set BACKLIGHT_E2E=require to fail instead")
	return ""
}

// New starts a headless Chromium with a fresh profile and returns a
// chromedp context for one tab. The context ends after Timeout; the
// browser is stopped, and waited for, when the test ends. Uncaught
// exceptions of the pages fail the test.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Chromium(t)
	profile := t.TempDir() // removed after the browser has exited (cleanups run last in, first out)
	opts := headless.Options(path, profile)
	timeout, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	alloc, cancelAlloc := chromedp.NewExecAllocator(timeout, opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits until the browser process has exited
		cancelTimeout()
	})
	if err := chromedp.Do(ctx); err != nil { // start the browser now, so start-up errors read as such
		t.Fatalf("start %s: %v", path, err)
	}
	var mu sync.Mutex
	var exceptions []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok && e.ExceptionDetails != nil {
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			mu.Lock()
			exceptions = append(exceptions, fmt.Sprintf("%s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg))
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range exceptions {
			t.Errorf("uncaught exception in the page: %s", e)
		}
	})
	return ctx
}

// Eventually evaluates the JavaScript condition in the tab until it is
// true, for up to 20 seconds; evaluation errors while a page (re)loads are
// retried.
func Eventually(t testing.TB, tab context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tab, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s: not true within 20 s: %s (last error: %v)", what, cond, last)
}
