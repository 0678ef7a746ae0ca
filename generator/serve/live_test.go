package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// connected is the number of pages the server has registered.
func (s *Server) connected() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// waitConnected waits until n pages are registered.
func waitConnected(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.connected() != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d pages connected, want %d", s.connected(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// liveServer starts a Server for a small site behind an httptest.Server;
// both stop when the test ends.
func liveServer(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Options{Source: testSite(), Logf: t.Logf})
	srv := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		srv.Close()
	})
	return s, srv
}

func wsURL(srv *httptest.Server) string {
	return "ws" + strings.TrimPrefix(srv.URL, "http") + wsPath
}

// dial opens a page's WebSocket.
func dial(t testing.TB, ctx context.Context, srv *httptest.Server) *websocket.Conn {
	t.Helper()
	c, _, err := websocket.Dial(ctx, wsURL(srv), &websocket.DialOptions{HTTPClient: srv.Client()})
	if err != nil {
		t.Fatalf("dial %s: %v", wsURL(srv), err)
	}
	return c
}

// readEvent reads one event; the raw message must be JSON of an Event.
func readEvent(t testing.TB, ctx context.Context, c *websocket.Conn) Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	typ, data, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("read event: %v", err)
	}
	if typ != websocket.MessageText {
		t.Fatalf("event sent as %v, want text", typ)
	}
	var ev Event
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatalf("event %q: %v", data, err)
	}
	return ev
}

func TestTenPagesAllGetTheEvent(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	var conns []*websocket.Conn
	for range 10 {
		c := dial(t, ctx, srv)
		defer c.CloseNow()
		conns = append(conns, c)
	}
	waitConnected(t, s, 10)
	events := []Event{
		{Paths: []string{"roles/cpo/index.html", "index.html"}},
		{CSS: [][2]string{{"css/style.aaa.css", "css/style.bbb.css"}}},
		{All: true},
	}
	for _, ev := range events {
		s.Notify(ev)
	}
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() {
			for _, want := range events {
				if got := readEvent(t, ctx, c); !reflect.DeepEqual(got, want) {
					t.Errorf("page %d got %+v, want %+v", i, got, want)
				}
			}
		})
	}
	wg.Wait()
}

// TestEventWireFormat pins the JSON that live.js reads.
func TestEventWireFormat(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	c := dial(t, ctx, srv)
	defer c.CloseNow()
	waitConnected(t, s, 1)
	s.Notify(Event{Paths: []string{"a/index.html"}, CSS: [][2]string{{"css/a.css", "css/b.css"}}, Errors: []string{"content/a.md:1:2: bad"}})
	s.Notify(Event{All: true})
	for _, want := range []string{
		`{"paths":["a/index.html"],"css":[["css/a.css","css/b.css"]],"errors":["content/a.md:1:2: bad"]}`,
		`{"all":true}`,
	} {
		_, data, err := c.Read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want {
			t.Errorf("sent %s, want %s", data, want)
		}
	}
}

// TestOverlayReplayedToLatePages: a page that connects after a failed
// build gets the errors at once; after a good build, no longer.
func TestOverlayReplayedToLatePages(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	errs := []string{"content/roles/cpo.md:3:7: unknown field \"owner\"", "site.toml:1:1: bad"}
	s.Notify(Event{Errors: errs})

	late := dial(t, ctx, srv)
	defer late.CloseNow()
	if ev := readEvent(t, ctx, late); !reflect.DeepEqual(ev, Event{Errors: errs}) {
		t.Fatalf("a page connecting after the failed build got %+v, want the errors", ev)
	}
	s.Notify(Event{Paths: []string{"index.html"}}) // a good build: hide the overlay
	if ev := readEvent(t, ctx, late); len(ev.Errors) != 0 || !reflect.DeepEqual(ev.Paths, []string{"index.html"}) {
		t.Fatalf("after the good build got %+v, want the paths and no errors", ev)
	}

	later := dial(t, ctx, srv)
	defer later.CloseNow()
	waitConnected(t, s, 2)
	s.Notify(Event{All: true})
	if ev := readEvent(t, ctx, later); !reflect.DeepEqual(ev, Event{All: true}) {
		t.Errorf("a page connecting after the good build got %+v first, want only the next event", ev)
	}

	// A new failure is replayed again, the newest errors only.
	s.Notify(Event{Errors: []string{"a.md:1:1: first"}})
	s.Notify(Event{Errors: []string{"b.md:2:2: second"}})
	last := dial(t, ctx, srv)
	defer last.CloseNow()
	if ev := readEvent(t, ctx, last); !reflect.DeepEqual(ev.Errors, []string{"b.md:2:2: second"}) {
		t.Errorf("replayed %+v, want the last build's errors", ev)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	for _, origin := range []string{"http://evil.example", "http://localhost.evil.example", "null"} {
		c, res, err := websocket.Dial(ctx, wsURL(srv), &websocket.DialOptions{
			HTTPClient: srv.Client(),
			HTTPHeader: http.Header{"Origin": {origin}},
		})
		if err == nil {
			c.CloseNow()
			t.Errorf("Origin %s: connected, want refused", origin)
			continue
		}
		if res == nil || res.StatusCode != http.StatusForbidden {
			t.Errorf("Origin %s: %v, want 403", origin, err)
		}
	}
	// The page's own origin is welcome.
	c, _, err := websocket.Dial(ctx, wsURL(srv), &websocket.DialOptions{
		HTTPClient: srv.Client(),
		HTTPHeader: http.Header{"Origin": {srv.URL}},
	})
	if err != nil {
		t.Fatalf("same origin: %v", err)
	}
	defer c.CloseNow()
	waitConnected(t, s, 1)
}

// TestSlowPageIsDropped: a page that reads nothing fills its queue and is
// disconnected; Notify never waits for it, and other pages keep getting
// every event.
func TestSlowPageIsDropped(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	slow := dial(t, ctx, srv)
	defer slow.CloseNow()
	fast := dial(t, ctx, srv)
	defer fast.CloseNow()
	fast.SetReadLimit(1 << 20)
	waitConnected(t, s, 2)

	big := strings.Repeat("x", 256<<10)
	const limit = 1000
	read := make(chan struct{})
	go func() {
		defer close(read)
		for {
			if _, _, err := fast.Read(ctx); err != nil {
				return
			}
			read <- struct{}{}
		}
	}()
	sent, longest := 0, time.Duration(0)
	for sent < limit && s.connected() == 2 {
		start := time.Now()
		s.Notify(Event{Errors: []string{fmt.Sprintf("%d %s", sent, big)}})
		longest = max(longest, time.Since(start))
		sent++
		// The fast page keeps up: it reads each event before the next.
		select {
		case _, ok := <-read:
			if !ok {
				t.Fatalf("the fast page was disconnected after %d events", sent)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("the fast page did not get event %d", sent)
		}
	}
	if !waitFor(func() bool { return s.connected() == 1 }) {
		t.Fatalf("after %d events of 256 KiB, %d pages connected; want the slow one dropped", sent, s.connected())
	}
	if longest > time.Second {
		t.Errorf("a Notify took %v; it must not wait for slow pages", longest)
	}
	s.Notify(Event{All: true})
	if _, ok := <-read; !ok {
		t.Error("the fast page was disconnected with the slow one")
	}
}

// TestCloseEndsConnections: Close says going-away to every page, returns
// once the handlers have, and later WebSocket requests are refused.
func TestCloseEndsConnections(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	var wg sync.WaitGroup
	statuses := make(chan websocket.StatusCode, 5)
	for range 5 {
		c := dial(t, ctx, srv)
		defer c.CloseNow()
		wg.Go(func() {
			_, _, err := c.Read(ctx)
			statuses <- websocket.CloseStatus(err)
		})
	}
	waitConnected(t, s, 5)
	start := time.Now()
	s.Close()
	if d := time.Since(start); d > closeGrace {
		t.Errorf("Close took %v with pages answering the handshake", d)
	}
	wg.Wait()
	close(statuses)
	for st := range statuses {
		if st != websocket.StatusGoingAway {
			t.Errorf("a page saw close status %v, want %v", st, websocket.StatusGoingAway)
		}
	}
	if n := s.connected(); n != 0 {
		t.Errorf("%d pages still registered after Close", n)
	}
	_, res, err := websocket.Dial(ctx, wsURL(srv), &websocket.DialOptions{HTTPClient: srv.Client()})
	if err == nil || res == nil || res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("dial after Close: %v, want 503", err)
	}
	s.Close() // twice is fine
	s.Notify(Event{All: true})
	// The site is still served.
	res2, err := srv.Client().Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusOK {
		t.Errorf("GET / after Close: %d", res2.StatusCode)
	}
}

// TestCloseCutsSilentPages: a page that never answers the close handshake
// does not hold Close up for longer than the grace period.
func TestCloseCutsSilentPages(t *testing.T) {
	s, srv := liveServer(t)
	ctx := t.Context()
	c := dial(t, ctx, srv) // never reads, so never answers
	defer c.CloseNow()
	waitConnected(t, s, 1)
	start := time.Now()
	s.Close()
	if d := time.Since(start); d > closeGrace+time.Second {
		t.Errorf("Close took %v, want about the grace period %v", d, closeGrace)
	}
}

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// waitFor polls cond for up to ten seconds.
func waitFor(cond func() bool) bool {
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// TestNoLeakOverThousandRebuilds: 1,000 rebuilds with pages connecting and
// leaving, some politely and some not; after Close the goroutines and open
// file descriptors are back where they started.
func TestNoLeakOverThousandRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("long test")
	}
	linux := runtime.GOOS == "linux"
	s := New(Options{Source: testSite(), Logf: func(format string, args ...any) {
		t.Errorf("unexpected log: "+format, args...) // no page is slow, none refused
	}})
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx := t.Context()
	goroutines := runtime.NumGoroutine()
	fds := 0
	if linux {
		fds = openFDs(t)
	}

	const pool, rounds = 4, 1000
	pages := make([]*websocket.Conn, pool)
	for i := range pages {
		pages[i] = dial(t, ctx, srv)
	}
	waitConnected(t, s, pool)
	for round := range rounds {
		want := fmt.Sprintf("content/x.md:%d:1: round %d", round+1, round)
		ev := Event{Errors: []string{want}}
		if round%3 == 0 {
			ev.Paths = []string{"index.html"}
		}
		s.Notify(ev)
		for i, c := range pages {
			if got := readEvent(t, ctx, c); !reflect.DeepEqual(got, ev) {
				t.Fatalf("round %d, page %d: got %+v, want %+v", round, i, got, ev)
			}
		}
		// One page leaves, another comes and gets the overlay replayed.
		i := round % pool
		if round%2 == 0 {
			if err := pages[i].Close(websocket.StatusNormalClosure, "bye"); err != nil {
				t.Fatalf("round %d: close: %v", round, err)
			}
		} else {
			pages[i].CloseNow()
		}
		waitConnected(t, s, pool-1) // the server notices the page leave
		pages[i] = dial(t, ctx, srv)
		if got := readEvent(t, ctx, pages[i]); !reflect.DeepEqual(got.Errors, []string{want}) {
			t.Fatalf("round %d: a new page got %+v, want the errors replayed", round, got)
		}
	}
	waitConnected(t, s, pool)

	// The pages read on, so they answer the server's going-away.
	var wg sync.WaitGroup
	for _, c := range pages {
		wg.Go(func() {
			_, _, err := c.Read(ctx)
			if st := websocket.CloseStatus(err); st != websocket.StatusGoingAway {
				t.Errorf("page saw %v, want going away", err)
			}
		})
	}
	start := time.Now()
	s.Close()
	if d := time.Since(start); d > closeGrace {
		t.Errorf("Close took %v", d)
	}
	wg.Wait()
	for _, c := range pages {
		c.CloseNow()
	}

	if !waitFor(func() bool { return runtime.NumGoroutine() <= goroutines }) {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("%d goroutines after Close, %d before:\n%s", runtime.NumGoroutine(), goroutines, buf)
	}
	if linux {
		if !waitFor(func() bool { return openFDs(t) <= fds }) {
			t.Errorf("%d open file descriptors after Close, %d before", openFDs(t), fds)
		}
	}
}

// TestCloseWhileConnecting races Close against pages connecting: every
// handler returns, whichever side wins.
func TestCloseWhileConnecting(t *testing.T) {
	for range 20 {
		s := New(Options{Source: testSite()})
		srv := httptest.NewServer(s)
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() {
				c, _, err := websocket.Dial(t.Context(), wsURL(srv), &websocket.DialOptions{HTTPClient: srv.Client()})
				if err != nil {
					return // refused after Close
				}
				c.Read(t.Context())
				c.CloseNow()
			})
		}
		s.Close()
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(2*closeGrace + 5*time.Second):
			t.Fatal("pages still connected after Close")
		}
		if n := s.connected(); n != 0 {
			t.Errorf("%d pages registered after Close", n)
		}
		srv.Close()
	}
}
