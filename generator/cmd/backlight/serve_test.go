package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// syncBuffer is a bytes.Buffer that the server's goroutine may write while
// the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// servingRE finds the URL serve prints, without its final slash:
// http://127.0.0.1:PORT/wiki for the basic site, whose baseURL is under
// /wiki/.
var servingRE = regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+\S*?)/ `)

// startServe runs `backlight serve` on src on a free loopback port and
// returns its base URL and its terminal output. The server stops, and is
// waited for, when the test ends.
func startServe(t *testing.T, src string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan int)
	go func() {
		done <- serveSite(ctx, serveConfig{src: src, addr: "127.0.0.1:0", now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}, stdout, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("serve exited with %d:\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of its context ending")
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], stdout
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("serve did not start:\n%s\n%s", stdout.String(), stderr.String())
	return "", nil
}

// get fetches url and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitServed polls url until its status and body satisfy ok.
func waitServed(t *testing.T, url, what string, ok func(int, string) bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if ok(get(t, url)) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	code, _ := get(t, url)
	t.Fatalf("%s: %s still answers %d", what, url, code)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestServeFollowsEditsRenamesAndDeletes(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	base, out := startServe(t, src)
	dev := filepath.Join(src, "content", "roles", "developer.md")
	orig, err := os.ReadFile(dev)
	if err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, base+"/roles/developer/"); code != 200 || !strings.Contains(body, "/__backlight/live.js") {
		t.Fatalf("GET /roles/developer/: %d, live script injected: %v", code, strings.Contains(body, "/__backlight/live.js"))
	}

	writeFile(t, dev, string(orig)+"\nFreshly edited text.\n")
	waitServed(t, base+"/roles/developer/", "a body edit", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "Freshly edited text.")
	})

	// Editors save by writing a temporary file and renaming it over the page.
	tmp := filepath.Join(src, "content", "roles", ".developer.md.swp")
	writeFile(t, tmp, string(orig)+"\nSaved through a rename.\n")
	if err := os.Rename(tmp, dev); err != nil {
		t.Fatal(err)
	}
	waitServed(t, base+"/roles/developer/", "a save through a rename", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "Saved through a rename.")
	})

	engineer := filepath.Join(src, "content", "roles", "engineer.md")
	if err := os.Rename(dev, engineer); err != nil {
		t.Fatal(err)
	}
	waitServed(t, base+"/roles/engineer/", "a renamed page", func(code int, _ string) bool { return code == 200 })
	if code, _ := get(t, base+"/roles/developer/"); code != 404 {
		t.Errorf("the old name still answers %d after the rename", code)
	}

	tester := filepath.Join(src, "content", "roles", "tester.md")
	writeFile(t, tester, "---\ntitle: Tester\nlevel: team\n---\nTests what the team builds.\n")
	waitServed(t, base+"/roles/tester/", "a new page", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "Tests what the team builds.")
	})
	if err := os.Remove(tester); err != nil {
		t.Fatal(err)
	}
	waitServed(t, base+"/roles/tester/", "a deleted page", func(code int, _ string) bool { return code == 404 })
	if !strings.Contains(out.String(), "rebuilt") {
		t.Errorf("the terminal says nothing of the rebuilds:\n%s", out.String())
	}
	for _, path := range []string{"/../site.toml", "/%2e%2e/site.toml", "/content/roles/team-lead.md"} {
		if code, _ := get(t, base+path); code != 404 {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
	}
}

func TestServeReloadsTheBrowserAndShowsErrors(t *testing.T) {
	ctx := browsertest.New(t)
	src := copySite(t, "sites/basic/src")
	base, _ := startServe(t, src)
	dev := filepath.Join(src, "content", "roles", "developer.md")
	orig, err := os.ReadFile(dev)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/roles/developer/")); err != nil {
		t.Fatal(err)
	}
	browsertest.Eventually(t, ctx, "the live-reload socket connects", `window.__backlightLive === true`)
	time.Sleep(200 * time.Millisecond) // let the socket open before the first change

	writeFile(t, dev, string(orig)+"\nLive reloaded paragraph.\n")
	browsertest.Eventually(t, ctx, "the edit appears without a manual reload",
		`document.body.innerText.includes("Live reloaded paragraph.")`)

	// A link to a heading that does not exist is an error: the overlay
	// names the file and line, and the last good page stays.
	writeFile(t, dev, string(orig)+"\nSee [[Team Lead#no-such-heading]].\n")
	overlay := `(() => { const h = document.getElementById("__backlight-overlay"); return h && h.shadowRoot ? h.shadowRoot.textContent : ""; })()`
	browsertest.Eventually(t, ctx, "the overlay shows the error",
		overlay+`.includes("content/roles/developer.md:")`)
	browsertest.Eventually(t, ctx, "the last good page is still shown",
		`document.body.innerText.includes("Live reloaded paragraph.")`)

	writeFile(t, dev, string(orig)+"\nFixed again.\n")
	browsertest.Eventually(t, ctx, "the fix removes the overlay and shows the page",
		`!document.getElementById("__backlight-overlay") && document.body.innerText.includes("Fixed again.")`)
}

func TestServeOnATakenPortSuggestsAnother(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	var stdout, stderr bytes.Buffer
	code := serveSite(context.Background(), serveConfig{src: copySite(t, "sites/basic/src"), addr: taken.Addr().String()}, &stdout, &stderr)
	want := regexp.MustCompile(fmt.Sprintf(`^backlight serve: port %d is in use: stop the other server or start with -p \d+ \(or -p 0 for any free port\)\n$`, port))
	if code != exitUsage || !want.MatchString(stderr.String()) {
		t.Errorf("got exit %d, stderr %q; want exit %d and %s", code, stderr.String(), exitUsage, want)
	}
}

// TestServeHonoursASubPathBaseURL serves the basic site, whose baseURL is
// https://golden.example/wiki/: pages and styles answer under /wiki/ as
// they will be published, and / redirects there.
func TestServeHonoursASubPathBaseURL(t *testing.T) {
	base, _ := startServe(t, copySite(t, "sites/basic/src"))
	if !strings.HasSuffix(base, "/wiki") {
		t.Fatalf("serve printed %s/, want the site's path /wiki/", base)
	}
	root := strings.TrimSuffix(base, "/wiki")
	code, page := get(t, root+"/")
	if code != http.StatusOK || !strings.Contains(page, "Golden basic") {
		t.Errorf("GET / (redirected to /wiki/): %d", code)
	}
	// The 404 page links its styles from the root: /wiki/css/….
	code, missing := get(t, base+"/no/such/page/")
	css := regexp.MustCompile(`href="(/wiki/css/[^"]+\.css)"`).FindStringSubmatch(missing)
	if code != http.StatusNotFound || css == nil {
		t.Fatalf("GET /wiki/no/such/page/: %d, want 404 with a stylesheet under /wiki/css/:\n%.1000s", code, missing)
	}
	if code, _ := get(t, root+css[1]); code != http.StatusOK {
		t.Errorf("GET %s: %d, want 200", css[1], code)
	}
	if code, _ := get(t, base+"/roles/developer/"); code != http.StatusOK {
		t.Errorf("GET /wiki/roles/developer/: %d, want 200", code)
	}
	if code, _ := get(t, root+"/roles/developer/"); code != http.StatusNotFound {
		t.Errorf("GET /roles/developer/ (outside the site's path): %d, want 404", code)
	}
}
