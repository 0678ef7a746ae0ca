package serve

import (
	"bytes"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// memSource is a Source in memory that records the names it is asked for.
type memSource struct {
	mu    sync.Mutex
	files map[string][]byte
	asked []string
}

func newSource(files map[string]string) *memSource {
	m := &memSource{files: make(map[string][]byte)}
	for name, data := range files {
		m.set(name, data)
	}
	return m
}

func (m *memSource) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.asked = append(m.asked, name)
	data, ok := m.files[name]
	return data, ok
}

// set stores a file; its bytes have spare capacity, so that a server
// appending to them in place would show in the file.
func (m *memSource) set(name, data string) {
	b := make([]byte, len(data), len(data)+256)
	copy(b, data)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = b
}

// takeAsked returns the names asked for since the last call.
func (m *memSource) takeAsked() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	a := m.asked
	m.asked = nil
	return a
}

const (
	indexPage = "<!doctype html><html><head><title>Home</title></head><body><p>home</p></body></html>"
	rolesPage = "<!doctype html><html><body><p>roles</p></body></html>"
	notFound  = "<!doctype html><html><body><h1>Not here</h1></body></html>"
)

func testSite() *memSource {
	return newSource(map[string]string{
		"index.html":                indexPage,
		"roles/index.html":          rolesPage,
		"roles/cpo/index.html":      "<html><body>cpo</body></html>",
		"404.html":                  notFound,
		"css/style.1a2b3c4d.css":    "body { color: red }",
		"%2e%2e/etc/passwd.txt":     "a literal name, inside the site",
		"js/site.js":                "console.log(1)",
		"feed.xml":                  "<?xml version=\"1.0\"?><feed/>",
		"events/planning.ics":       "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
		"model.json":                "{}",
		"site.webmanifest":          "{}",
		"images/logo.svg":           "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"images/photo.png":          "\x89PNG\r\n\x1a\n",
		"robots.txt":                "User-agent: *\n",
		"data/blob":                 "\x00\x01\x02binary",
		"data/upper.HTML":           "<p>upper-case extension</p>",
		"notes/no-body.html":        "<p>a fragment</p>",
		"notes/loaded.html":         "<html><body>" + scriptTag + "</body></html>",
		"notes/mentions.html":       "<html><body><p>The server serves /__backlight/live.js.</p></body></html>",
		"notes/two-bodies.html":     "<html><body><pre>&lt;/body&gt; </body></pre></BODY  >\n</Html>",
		"notes/body-in-script.html": "<html><body><script>let s = \"</bodyguard>\"</script></body></html>",
	})
}

// get runs one request through the handler. target is the raw request
// target, parsed as net/http parses it from the wire.
func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:1313"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestTraversalIsNotFound sends requests that try to leave the site root
// or reach hidden files: each gets the site's 404 page, and the Source is
// asked for nothing but that page.
func TestTraversalIsNotFound(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	targets := []string{
		"/../etc/passwd",
		"/%2e%2e/etc/passwd",
		"/%2E%2E/etc/passwd",
		"/%2e%2e%2fetc%2fpasswd",
		"/..%2f..%2f",
		"/..%2f..%2fetc/passwd",
		"/a/../../x",
		"/roles/../index.html",
		"/roles/./index.html",
		"/..",
		"/.",
		"//etc/passwd",
		"/roles//index.html",
		"/%2fetc/passwd",
		`/C:\x`,
		"/C:%5cx",
		"/C:/x",
		"/roles%5c..%5c..%5cx",
		"/%00",
		"/index.html%00.css",
		"/a%0a",
		"/.git/config",
		"/roles/.hidden",
		"/.well-known/x",
		"/...",
	}
	for _, target := range targets {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := get(t, s, method, target)
			got := body(t, res)
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: status %d, want 404", method, target, res.StatusCode)
			}
			if method == http.MethodGet && !strings.Contains(got, "<h1>Not here</h1>") {
				t.Errorf("%s %s: body %q, want the site's 404 page", method, target, got)
			}
			if asked := src.takeAsked(); !slices.Equal(asked, []string{"404.html"}) {
				t.Errorf("%s %s: the Source was asked for %q, want only the 404 page", method, target, asked)
			}
		}
	}
}

// TestTraversalOverTheWire sends the traversal requests byte for byte to
// a real server, as a crafted client would, without a client library
// cleaning or escaping them first.
func TestTraversalOverTheWire(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, target := range []string{"/../etc/passwd", "/%2e%2e/etc/passwd", "/..%2f..%2f", "/a/../../x", "//etc/passwd", `/C:\x`, "/%00", "/.git/config"} {
		status, got := rawGet(t, srv.Listener.Addr().String(), target, "localhost")
		if status != http.StatusNotFound || !strings.Contains(got, "<h1>Not here</h1>") {
			t.Errorf("GET %s: status %d, body %q; want 404 with the site's 404 page", target, status, got)
		}
	}
	for _, name := range src.takeAsked() {
		if name != "404.html" {
			t.Errorf("the Source was asked for %q", name)
		}
	}
}

// TestSourceOnlyGetsCleanNames checks every name the server asks the
// Source for, over a mix of good and bad requests: all are valid, clean,
// relative slash paths.
func TestSourceOnlyGetsCleanNames(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	for _, target := range []string{"/", "/roles", "/roles/", "/roles/cpo/", "/x/y/z", "/%252e%252e/etc/passwd.txt", "/a%20b/", "/%c3%a9/", "/../x", "//x"} {
		get(t, s, http.MethodGet, target)
	}
	for _, name := range src.takeAsked() {
		if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "\\\x00") || strings.Contains(name, "..") {
			t.Errorf("the Source was asked for %q, not a clean path inside the site", name)
		}
	}
}

// TestLiteralPercentNameStaysInside: a "%2e%2e" left after the one
// decoding is an ordinary name inside the site, never a parent.
func TestLiteralPercentNameStaysInside(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	res := get(t, s, http.MethodGet, "/%252e%252e/etc/passwd.txt")
	if got := body(t, res); res.StatusCode != http.StatusOK || got != "a literal name, inside the site" {
		t.Errorf("status %d, body %q; want the file named %%2e%%2e/etc/passwd.txt", res.StatusCode, got)
	}
	if asked := src.takeAsked(); !slices.Equal(asked, []string{"%2e%2e/etc/passwd.txt"}) {
		t.Errorf("asked %q", asked)
	}
}

func TestDirectoryIndexAndRedirect(t *testing.T) {
	s := New(Options{Source: testSite()})
	defer s.Close()
	for _, tc := range []struct {
		target, want string
	}{
		{"/", "<p>home</p>"},
		{"/index.html", "<p>home</p>"},
		{"/roles/", "<p>roles</p>"},
		{"/roles/index.html", "<p>roles</p>"},
		{"/roles/cpo/?x=1", "cpo"},
	} {
		res := get(t, s, http.MethodGet, tc.target)
		if got := body(t, res); res.StatusCode != http.StatusOK || !strings.Contains(got, tc.want) {
			t.Errorf("GET %s: status %d, body %q; want 200 with %q", tc.target, res.StatusCode, got, tc.want)
		}
	}
	for _, tc := range []struct {
		target, location string
	}{
		{"/roles", "/roles/"},
		{"/roles/cpo", "/roles/cpo/"},
		{"/roles/cpo?tab=2", "/roles/cpo/?tab=2"},
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			res := get(t, s, method, tc.target)
			if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tc.location {
				t.Errorf("%s %s: status %d, Location %q; want 301 to %s", method, tc.target, res.StatusCode, res.Header.Get("Location"), tc.location)
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s %s: Cache-Control %q on the redirect, want no-store", method, tc.target, cc)
			}
		}
	}
	// A missing directory is not redirected.
	if res := get(t, s, http.MethodGet, "/missing"); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /missing: status %d, want 404", res.StatusCode)
	}
}

func TestContentTypes(t *testing.T) {
	s := New(Options{Source: testSite()})
	defer s.Close()
	for _, tc := range []struct {
		target, ctype, cache string
	}{
		{"/", "text/html; charset=utf-8", "no-store"},
		{"/roles/cpo/", "text/html; charset=utf-8", "no-store"},
		{"/css/style.1a2b3c4d.css", "text/css; charset=utf-8", "no-cache"},
		{"/js/site.js", "text/javascript; charset=utf-8", "no-cache"},
		{"/feed.xml", "application/xml; charset=utf-8", "no-cache"},
		{"/events/planning.ics", "text/calendar; charset=utf-8", "no-cache"},
		{"/model.json", "application/json", "no-cache"},
		{"/site.webmanifest", "application/manifest+json", "no-cache"},
		{"/images/logo.svg", "image/svg+xml", "no-cache"},
		{"/images/photo.png", "image/png", "no-cache"},
		{"/robots.txt", "text/plain; charset=utf-8", "no-cache"},
		{"/data/blob", "application/octet-stream", "no-cache"},
		{"/data/upper.HTML", "text/html; charset=utf-8", "no-store"},
		{"/__backlight/live.js", "text/javascript; charset=utf-8", "no-cache"},
		{"/missing", "text/html; charset=utf-8", "no-store"},
	} {
		res := get(t, s, http.MethodGet, tc.target)
		if got := res.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.target, got, tc.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != tc.cache {
			t.Errorf("GET %s: Cache-Control %q, want %q", tc.target, got, tc.cache)
		}
		if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q, want nosniff", tc.target, got)
		}
	}
}

func TestNotFoundPage(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	res := get(t, s, http.MethodGet, "/no/such/page/")
	got := body(t, res)
	if res.StatusCode != http.StatusNotFound || !strings.Contains(got, "<h1>Not here</h1>") || !strings.Contains(got, scriptTag) {
		t.Errorf("status %d, body %q; want 404 with the site's 404 page and the live-reload script", res.StatusCode, got)
	}

	// Without a 404.html, plain text.
	delete(src.files, "404.html")
	res = get(t, s, http.MethodGet, "/no/such/page/")
	got = body(t, res)
	if res.StatusCode != http.StatusNotFound || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") || !strings.Contains(got, "404") {
		t.Errorf("without 404.html: status %d, Content-Type %q, body %q; want a plain-text 404", res.StatusCode, res.Header.Get("Content-Type"), got)
	}
	// Unknown endpoints of the server.
	if res := get(t, s, http.MethodGet, "/__backlight/nothing"); res.StatusCode != http.StatusNotFound {
		t.Errorf("/__backlight/nothing: status %d, want 404", res.StatusCode)
	}
}

func TestHead(t *testing.T) {
	s := New(Options{Source: testSite()})
	defer s.Close()
	for _, target := range []string{"/", "/css/style.1a2b3c4d.css", "/__backlight/live.js", "/missing/"} {
		getRes := get(t, s, http.MethodGet, target)
		getBody := body(t, getRes)
		headRes := get(t, s, http.MethodHead, target)
		if b := body(t, headRes); b != "" {
			t.Errorf("HEAD %s: body %q, want none", target, b)
		}
		if headRes.StatusCode != getRes.StatusCode {
			t.Errorf("HEAD %s: status %d, GET gave %d", target, headRes.StatusCode, getRes.StatusCode)
		}
		for _, h := range []string{"Content-Type", "Content-Length", "Cache-Control"} {
			if headRes.Header.Get(h) != getRes.Header.Get(h) {
				t.Errorf("HEAD %s: %s %q, GET gave %q", target, h, headRes.Header.Get(h), getRes.Header.Get(h))
			}
		}
		if want := len(getBody); getRes.Header.Get("Content-Length") != strconv.Itoa(want) {
			t.Errorf("GET %s: Content-Length %q, body has %d bytes", target, getRes.Header.Get("Content-Length"), want)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	src := testSite()
	s := New(Options{Source: src})
	defer s.Close()
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions, "PROPFIND"} {
		for _, target := range []string{"/", "/roles/", "/__backlight/live.js", "/__backlight/ws", "/../etc/passwd"} {
			res := get(t, s, method, target)
			if res.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d, want 405", method, target, res.StatusCode)
			}
			if allow := res.Header.Get("Allow"); !strings.Contains(allow, "GET") {
				t.Errorf("%s %s: Allow %q, want GET listed", method, target, allow)
			}
		}
	}
	if asked := src.takeAsked(); len(asked) > 0 {
		t.Errorf("the Source was asked for %q by refused methods", asked)
	}
	if res := get(t, s, http.MethodHead, "/__backlight/ws"); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("HEAD /__backlight/ws: status %d, want 405", res.StatusCode)
	}
}

func TestInjection(t *testing.T) {
	src := testSite()
	before := make(map[string]string)
	for name, data := range src.files {
		before[name] = string(data)
	}
	s := New(Options{Source: src})
	defer s.Close()
	for _, tc := range []struct {
		target, want string
	}{
		{"/", strings.Replace(indexPage, "</body>", scriptTag+"</body>", 1)},
		{"/notes/no-body.html", "<p>a fragment</p>" + scriptTag},
		{"/notes/loaded.html", "<html><body>" + scriptTag + "</body></html>"},
		{"/notes/mentions.html", "<html><body><p>The server serves /__backlight/live.js.</p>" + scriptTag + "</body></html>"},
		{"/notes/two-bodies.html", "<html><body><pre>&lt;/body&gt; </body></pre>" + scriptTag + "</BODY  >\n</Html>"},
		{"/notes/body-in-script.html", "<html><body><script>let s = \"</bodyguard>\"</script>" + scriptTag + "</body></html>"},
		{"/data/upper.HTML", "<p>upper-case extension</p>" + scriptTag},
		{"/missing", notFound[:strings.Index(notFound, "</body>")] + scriptTag + "</body></html>"},
		// Not HTML: untouched.
		{"/css/style.1a2b3c4d.css", "body { color: red }"},
		{"/feed.xml", "<?xml version=\"1.0\"?><feed/>"},
		{"/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
	} {
		for range 3 { // never twice, however often the page is asked for
			res := get(t, s, http.MethodGet, tc.target)
			if got := body(t, res); got != tc.want {
				t.Errorf("GET %s:\n got %q\nwant %q", tc.target, got, tc.want)
			}
		}
	}
	for name, data := range src.files {
		if string(data) != before[name] || string(data[:cap(data)][:len(before[name])]) != before[name] {
			t.Errorf("the server changed the Source's bytes of %s", name)
		}
		if extra := data[len(data):cap(data)]; bytes.Count(extra, []byte{0}) != len(extra) {
			t.Errorf("the server wrote into the spare capacity of %s", name)
		}
	}
}

func TestLiveScriptServed(t *testing.T) {
	s := New(Options{Source: testSite()})
	defer s.Close()
	res := get(t, s, http.MethodGet, "/__backlight/live.js")
	got := body(t, res)
	if res.StatusCode != http.StatusOK || got != liveJS || !strings.Contains(got, "/__backlight/ws") {
		t.Errorf("status %d, %d bytes; want the embedded script", res.StatusCode, len(got))
	}
}

func TestListenLoopback(t *testing.T) {
	l, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if addr := l.Addr().(*net.TCPAddr); !addr.IP.IsLoopback() || addr.Port == 0 {
		t.Errorf("listening on %v, want loopback with a port", addr)
	}
	// An empty host means loopback too.
	l2, err := Listen(":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	if addr := l2.Addr().(*net.TCPAddr); !addr.IP.IsLoopback() {
		t.Errorf("Listen(\":0\") listens on %v, want loopback", addr)
	}
	srv := &http.Server{Handler: New(Options{Source: testSite()}), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	res, err := client.Get("http://" + l.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if got := body(t, res); res.StatusCode != http.StatusOK || !strings.Contains(got, "<p>home</p>") {
		t.Errorf("GET / through Listen: status %d, body %q", res.StatusCode, got)
	}
	if _, err := Listen("no port"); err == nil || !strings.Contains(err.Error(), "serve: listen") {
		t.Errorf("Listen(\"no port\") = %v, want an error saying what failed", err)
	}
}

// TestSubPathSiteIsServedUnderItsPath serves a site whose baseURL is
// https://example.org/wiki/: its files answer under /wiki/, as they will
// be published, "/" and "/wiki" redirect to /wiki/, and other paths are
// the site's 404.
func TestSubPathSiteIsServedUnderItsPath(t *testing.T) {
	s := New(Options{Source: testSite(), Base: "/wiki/"})
	defer s.Close()
	tests := []struct {
		target   string
		status   int
		location string
		contains string
	}{
		{"/wiki/", http.StatusOK, "", "<p>home</p>"},
		{"/wiki/roles/cpo/", http.StatusOK, "", "cpo"},
		{"/wiki/css/style.1a2b3c4d.css", http.StatusOK, "", "color: red"},
		{"/", http.StatusFound, "/wiki/", ""},
		{"/wiki", http.StatusFound, "/wiki/", ""},
		{"/wiki/roles", http.StatusMovedPermanently, "/wiki/roles/", ""},
		{"/roles/cpo/", http.StatusNotFound, "", "<h1>Not here</h1>"},
		{"/wiki/../index.html", http.StatusNotFound, "", "<h1>Not here</h1>"},
	}
	for _, tt := range tests {
		res := get(t, s, http.MethodGet, tt.target)
		got := body(t, res)
		if res.StatusCode != tt.status || res.Header.Get("Location") != tt.location || !strings.Contains(got, tt.contains) {
			t.Errorf("GET %s: got %d, Location %q, body %.80q; want %d, %q, containing %q",
				tt.target, res.StatusCode, res.Header.Get("Location"), got, tt.status, tt.location, tt.contains)
		}
	}
	res := get(t, s, http.MethodGet, "/wiki/")
	if got, want := body(t, res), `<script src="/__backlight/live.js" data-base="/wiki/" defer></script>`; !strings.Contains(got, want) {
		t.Errorf("the page lacks %s:\n%s", want, got)
	}
}
