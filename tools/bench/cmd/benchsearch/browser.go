package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/internal/headless"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// findChromium returns the browser to drive: the -chromium flag's, or the
// first of the usual names on PATH.
func findChromium(flagged string) (string, error) {
	if flagged != "" {
		return exec.LookPath(flagged)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium or Chrome on PATH (looked for chromium, chromium-browser, google-chrome, chrome): install one (Debian: apt-get install chromium) or pass -chromium")
}

// browser is a running headless Chromium.
type browser struct {
	ctx     context.Context // a chromedp context whose browser has started
	cancel  func()
	profile string
}

// browserStart bounds the start of the browser.
const browserStart = 60 * time.Second

// startBrowser starts a headless Chromium with a fresh profile in
// profile, which it empties first.
func startBrowser(path, profile string) (*browser, error) {
	if err := os.RemoveAll(profile); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(profile, 0o700); err != nil {
		return nil, err
	}
	opts := headless.Options(path, profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(alloc)
	b := &browser{ctx: ctx, profile: profile, cancel: func() {
		cancelBrowser()
		cancelAlloc() // waits until the browser has exited
	}}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			b.stop()
			return nil, fmt.Errorf("start %s: %w", path, err)
		}
	case <-time.After(browserStart):
		b.stop()
		return nil, fmt.Errorf("start %s: no answer after %v", path, browserStart)
	}
	return b, nil
}

// browserVersion asks a browser binary for its version.
func browserVersion(path string) string {
	if v := harness.VersionLine(context.Background(), path, "--version"); v != "" {
		return v
	}
	return path
}

// stop ends the browser and removes its profile.
func (b *browser) stop() error {
	b.cancel()
	return os.RemoveAll(b.profile)
}

// hit is one search result as the page shows it.
type hit struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// engine is how the browser runs a query on one search engine.
type engine struct {
	name  string
	page  string                                             // path of the page to open
	asset func(path string) bool                             // the engine's own files, counted whenever loaded
	query func(ctx context.Context, q string) ([]hit, error) // runs a query on the open page
}

// outcome is what one first query cost and found.
type outcome struct {
	bytes    int64       // bytes received for the query
	server   int64       // the same requests as the server counted them, a cross-check
	patched  int         // requests whose bytes came from the server (a worker's own script)
	requests int         // requests counted
	files    []fileBytes // the counted requests, in order
	hits     []hit
	errs     []string // uncaught exceptions of the page
}

// fileBytes is one counted request.
type fileBytes struct {
	path  string
	bytes int64
}

// quiet is how long the network must be idle for a page or a query to
// count as finished.
const quiet = 400 * time.Millisecond

// firstQuery opens a fresh browser context (empty cache), loads the
// engine's page, waits until the network is quiet, then runs the query
// and sums the bytes of the requests made from then on, and of every
// request for the engine's own files whenever made (the client script
// included).
//
// The bytes are CDP's Network.loadingFinished encodedDataLength, of the
// page and of the workers it starts (Pagefind searches in a web worker):
// the tab auto-attaches new targets paused, and each is attached a
// session of its own with the Network domain on before it runs. A
// worker's own script, though, is fetched before it can be attached, and
// CDP reports only its headers; its bytes come from the server's log.
func (b *browser) firstQuery(srv *server, e engine, q string, timeout time.Duration) (outcome, error) {
	tab, cancelTab := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, timeout)
	defer cancel()
	net := newTraffic(e.asset)
	attach := make(chan target.ID, 16)
	err := chromedp.Listen(ctx, func(ev any) {
		if a, ok := ev.(*target.EventAttachedToTarget); ok && a.WaitingForDebugger {
			select {
			case attach <- a.TargetInfo.TargetID:
			default:
				net.fail(fmt.Sprintf("too many new targets; %s (%s) stays paused", a.TargetInfo.TargetID, a.TargetInfo.Type))
			}
			return
		}
		net.event(ev)
	})
	if err != nil {
		return outcome{}, err
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case id := <-attach:
				go net.follow(ctx, id)
			}
		}
	}()
	mark := srv.files.mark()
	err = chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, target.SetAutoAttach, target.SetAutoAttachParams{
				AutoAttach: true, WaitForDebuggerOnStart: true, Flatten: ptr(true)})
			return err
		}),
		chromedp.Navigate(srv.URL+"/"+e.page))
	if err != nil {
		return outcome{}, fmt.Errorf("open /%s: %w", e.page, err)
	}
	if err := net.waitQuiet(ctx); err != nil {
		return outcome{}, fmt.Errorf("load /%s: %w", e.page, err)
	}
	net.startQuery()
	hits, err := e.query(ctx, q)
	if err != nil {
		return outcome{}, fmt.Errorf("%s: query %q: %w", e.name, q, err)
	}
	if err := net.waitQuiet(ctx); err != nil {
		return outcome{}, fmt.Errorf("%s: query %q: %w", e.name, q, err)
	}
	o := net.sum(srv.files.since(mark))
	o.hits = hits
	return o, nil
}

func ptr[T any](v T) *T { return &v }

// traffic follows the requests of one tab.
type traffic struct {
	asset func(path string) bool

	mu       sync.Mutex
	querying bool // the query has started
	reqs     map[network.RequestID]*request
	order    []network.RequestID
	pending  int       // requests not finished yet
	last     time.Time // of the last network event
	errs     []string
}

type request struct {
	path    string
	counted bool
	done    bool
	bytes   int64
}

func newTraffic(asset func(string) bool) *traffic {
	return &traffic{asset: asset, reqs: map[network.RequestID]*request{}, last: time.Now()}
}

// event is the chromedp listener: it must return at once.
func (t *traffic) event(ev any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		t.last = time.Now()
		r, ok := t.reqs[ev.RequestID]
		if !ok { // a redirect keeps its request id
			r = &request{}
			t.reqs[ev.RequestID] = r
			t.order = append(t.order, ev.RequestID)
			t.pending++
		}
		r.path = urlPath(ev.Request.URL)
		r.counted = r.counted || (t.querying || t.asset(r.path)) && r.path != "favicon.ico"
	case *network.EventLoadingFinished:
		t.last = time.Now()
		if r, ok := t.reqs[ev.RequestID]; ok && !r.done {
			r.done = true
			r.bytes = int64(ev.EncodedDataLength)
			t.pending--
		}
	case *network.EventLoadingFailed:
		t.last = time.Now()
		if r, ok := t.reqs[ev.RequestID]; ok && !r.done {
			r.done = true
			t.pending--
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			t.errs = append(t.errs, fmt.Sprintf("%s:%d: %s", d.URL, d.LineNumber+1, msg))
		}
	}
}

// startQuery makes every later request count.
func (t *traffic) startQuery() {
	t.mu.Lock()
	t.querying = true
	t.mu.Unlock()
}

// waitQuiet waits until no request is pending and none has started or
// ended for the quiet period.
func (t *traffic) waitQuiet(ctx context.Context) error {
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	for {
		t.mu.Lock()
		idle := t.pending == 0 && time.Since(t.last) >= quiet
		t.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the network to go quiet (unfinished: %s): %w", strings.Join(t.unfinished(), ", "), ctx.Err())
		case <-tick.C:
		}
	}
}

// follow attaches a session to a new target of the tab (a worker), turns
// its Network domain on, and lets it run.
func (t *traffic) follow(ctx context.Context, id target.ID) {
	wctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel())
	defer func() {
		<-ctx.Done()
		cancel()
	}()
	if err := chromedp.Listen(wctx, t.event); err != nil { // attaches, with Network on
		t.fail(fmt.Sprintf("attach to %s: %v", id, err))
		return
	}
	err := chromedp.Do(wctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, runtime.RunIfWaitingForDebugger, cdp.Empty{})
		return err
	}))
	if err != nil {
		t.fail(fmt.Sprintf("resume %s: %v", id, err))
	}
}

// fail notes a problem of the tab.
func (t *traffic) fail(msg string) {
	t.mu.Lock()
	t.errs = append(t.errs, msg)
	t.mu.Unlock()
}

// unfinished lists the requests without an end.
func (t *traffic) unfinished() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for _, id := range t.order {
		if r := t.reqs[id]; !r.done {
			out = append(out, "/"+r.path)
		}
	}
	return out
}

// sum adds up the counted requests. log is what the server sent for the
// tab, in order: a request for which CDP reports fewer bytes than the
// body the server sent (a worker's script) counts the server's bytes.
func (t *traffic) sum(log []sent) outcome {
	t.mu.Lock()
	defer t.mu.Unlock()
	served := map[string][]sent{}
	for _, s := range log {
		served[s.path] = append(served[s.path], s)
	}
	var o outcome
	for _, id := range t.order {
		r := t.reqs[id]
		var s sent
		if q := served[r.path]; len(q) > 0 {
			s, served[r.path] = q[0], q[1:]
		}
		if !r.counted {
			continue
		}
		n := r.bytes
		if n < s.body { // CDP saw the headers only
			n = s.head + s.body
			o.patched++
		}
		o.bytes += n
		o.server += s.head + s.body
		o.requests++
		o.files = append(o.files, fileBytes{r.path, n})
	}
	o.errs = append(o.errs, t.errs...)
	return o
}

// urlPath is the path of a URL under the site root, without the leading
// slash: "search/manifest.js".
func urlPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return strings.TrimPrefix(u.Path, "/")
}
