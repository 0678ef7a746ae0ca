package serve

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// liveJS is the live-reload script every served HTML page loads. It is
// served, never written into the build output.
//
//go:embed live.js
var liveJS string

// Event tells every open page what a rebuild changed. It travels to the
// pages as JSON: {"all":…, "paths":[…], "css":[[old, new]…], "errors":[…]},
// empty fields left out.
type Event struct {
	All    bool        `json:"all,omitempty"`    // every page must reload (site.toml or layouts changed, or unknown)
	Paths  []string    `json:"paths,omitempty"`  // else: the site paths of pages that changed ("roles/cpo/index.html")
	CSS    [][2]string `json:"css,omitempty"`    // stylesheets replaced: [old URL path, new URL path] ("css/style.aaa.css" → "css/style.bbb.css"); pages whose only change is this swap them without reloading
	Errors []string    `json:"errors,omitempty"` // the build's errors as "path:line:col: message"; non-empty: show the overlay (and keep serving the last good site); empty: hide it
}

const (
	// sendBuffer is how many events may wait for one page; a page that
	// falls further behind is dropped (it reconnects, and reloads).
	sendBuffer = 8
	// writeTimeout bounds the sending of one event to one page.
	writeTimeout = 5 * time.Second
	// closeGrace is how long Close lets the pages answer the close
	// handshake before it cuts the remaining connections.
	closeGrace = 2 * time.Second
)

// Server serves a site from its Source, with live reload. Create it with
// New; its methods are safe for concurrent use.
type Server struct {
	src   Source
	logfn func(format string, args ...any)
	hosts hostRule
	base  string // the site's path: "/", or "/wiki/" for a baseURL under a sub-path
	tag   string // the script tag injected into HTML

	done chan struct{}      // closed by Close: say goodbye to the pages
	hard context.Context    // cancelled when Close stops waiting: cut the connections
	cut  context.CancelFunc // cancels hard

	mu       sync.Mutex
	closed   bool
	clients  map[*client]struct{}
	replay   []byte          // the last event's errors as a message for pages that connect later; nil when there were none
	told     map[string]bool // hosts and origins refused and logged once already
	handlers sync.WaitGroup  // WebSocket handlers running; Add only under mu while !closed
}

// client is one connected page.
type client struct {
	send    chan []byte        // events to write, JSON
	drop    context.CancelFunc // ends the connection; called when the page is too slow or gone
	dropped bool               // Notify dropped the page for being too slow; guarded by Server.mu
}

// New returns a server for the site of opts.Source, which must not be nil.
func New(opts Options) *Server {
	hard, cut := context.WithCancel(context.Background())
	return &Server{
		src:     opts.Source,
		logfn:   opts.Logf,
		hosts:   newHostRule(opts.Hosts, opts.AnyIP),
		base:    basePath(opts.Base),
		tag:     liveTag(basePath(opts.Base)),
		done:    make(chan struct{}),
		hard:    hard,
		cut:     cut,
		clients: make(map[*client]struct{}),
	}
}

// Notify broadcasts ev to every connected page without waiting for any of
// them: a page whose queue is full is disconnected (its script reconnects
// and reloads). The server remembers ev.Errors, so that pages opened later
// show the overlay too, until an event with no errors.
func (s *Server) Notify(ev Event) {
	msg, err := json.Marshal(ev)
	if err != nil { // cannot happen for strings and booleans
		s.logf("serve: encode event: %v", err)
		return
	}
	var replay []byte
	if len(ev.Errors) > 0 {
		replay, err = json.Marshal(Event{Errors: ev.Errors})
		if err != nil {
			s.logf("serve: encode event: %v", err)
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.replay = replay
	for c := range s.clients {
		select {
		case c.send <- msg:
		default:
			delete(s.clients, c)
			c.dropped = true
			c.drop()
		}
	}
}

// Close says goodbye to every page (WebSocket close status 1001, going
// away), gives them closeGrace to answer, then cuts the connections left
// and returns once every ServeHTTP of /__backlight/ws has returned. Later
// WebSocket requests get 503; the site itself is still served. Close may
// be called more than once.
func (s *Server) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.done)
	}
	s.mu.Unlock()

	finished := make(chan struct{})
	go func() {
		s.handlers.Wait()
		close(finished)
	}()
	grace := time.NewTimer(closeGrace)
	defer grace.Stop()
	select {
	case <-finished:
	case <-grace.C:
	}
	s.cut()
	<-finished
}

// serveWS keeps one page's WebSocket: it writes the events queued for the
// page until the page goes away, the page is dropped or the server closes.
// Nothing is read from the page but the WebSocket's own control frames.
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); !s.hosts.allowsOrigin(origin) {
		s.refused("origin", origin)
		forbidHost(w, "origin", origin)
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "503 server stopping", http.StatusServiceUnavailable)
		return
	}
	s.handlers.Add(1)
	s.mu.Unlock()
	defer s.handlers.Done()

	// Accept refuses a cross-origin request (403): an Origin header must
	// name the request's Host. That check is the library's own, so no
	// OriginPatterns are given; the Host as a pattern would say the same
	// and path.Match would misread an IPv6 Host ("[::1]:8080") as a class.
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		s.logf("serve: live reload: %s: %v", r.RemoteAddr, err)
		return
	}
	// The read context ends when the page closes the connection or
	// Close cuts it; the library closes the connection when it ends.
	ctx, drop := context.WithCancel(conn.CloseRead(s.hard))
	c := &client{send: make(chan []byte, sendBuffer), drop: drop}
	defer func() {
		if s.remove(c) {
			s.logf("serve: live reload: %s: the page fell %d events behind; disconnected (it reconnects and reloads)", r.RemoteAddr, sendBuffer)
		}
	}()

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		conn.CloseNow()
		return
	}
	s.clients[c] = struct{}{}
	if s.replay != nil {
		c.send <- s.replay // the queue is empty: this never blocks
	}
	s.mu.Unlock()

	for {
		select {
		case msg := <-c.send:
			if err := s.write(ctx, conn, msg); err != nil {
				// Errors of pages that have gone, or were dropped,
				// say nothing new; a page that stopped reading does.
				if errors.Is(err, context.DeadlineExceeded) {
					s.logf("serve: live reload: %s: %v; disconnected", r.RemoteAddr, err)
				}
				conn.CloseNow()
				return
			}
		case <-s.done:
			// An error here means the page has gone already, or was
			// cut by Close: nothing to report.
			conn.Close(websocket.StatusGoingAway, "backlight serve stopped")
			return
		case <-ctx.Done():
			conn.CloseNow()
			return
		}
	}
}

// write sends one event to the page, bounded by writeTimeout.
func (s *Server) write(ctx context.Context, conn *websocket.Conn, msg []byte) error {
	ctx, cancel := context.WithTimeout(ctx, writeTimeout)
	defer cancel()
	if err := conn.Write(ctx, websocket.MessageText, msg); err != nil {
		return fmt.Errorf("send event: %w", err)
	}
	return nil
}

// remove forgets the page and ends its connection's context. It reports
// whether Notify had dropped the page for being too slow.
func (s *Server) remove(c *client) (dropped bool) {
	s.mu.Lock()
	delete(s.clients, c)
	dropped = c.dropped
	s.mu.Unlock()
	c.drop()
	return dropped
}
