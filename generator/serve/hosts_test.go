package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// rawGet sends a request with the given Host and other header lines over
// a plain TCP connection, as a rebinding page's browser or a crafted
// client would, and returns the status and body.
func rawGet(t *testing.T, addr, target, host string, headers ...string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	req := "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
	for _, h := range headers {
		req += h + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s for %s: %v", target, host, err)
	}
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestOnlyThisMachinesHostsAreAnswered(t *testing.T) {
	cases := []struct {
		name  string
		opts  Options
		host  string
		wantS int
	}{
		{"a rebound name", Options{}, "evil.example:1313", 403},
		{"a rebound name without port", Options{}, "evil.example", 403},
		{"a name that starts like localhost", Options{}, "localhost.evil.example:1313", 403},
		{"a name that embeds the address", Options{}, "127.0.0.1.nip.io:1313", 403},
		{"a LAN address while on loopback", Options{}, "192.168.1.5:1313", 403},
		{"no host", Options{}, "", 403},
		{"localhost", Options{}, "localhost:1313", 200},
		{"localhost in capitals with a dot", Options{}, "LOCALHOST.:1313", 200},
		{"a name under .localhost", Options{}, "wiki.localhost:1313", 200},
		{"127.0.0.1", Options{}, "127.0.0.1:1313", 200},
		{"another loopback address", Options{}, "127.0.0.2", 200},
		{"IPv6 loopback", Options{}, "[::1]:1313", 200},
		{"an allowed name", Options{Hosts: []string{"Wiki.Example"}}, "wiki.example:8080", 200},
		{"an allowed name does not allow others", Options{Hosts: []string{"wiki.example"}}, "evil.example", 403},
		{"the bind address", Options{Hosts: []string{"192.168.1.5"}}, "192.168.1.5:1313", 200},
		{"any address on every interface", Options{AnyIP: true}, "10.1.2.3:1313", 200},
		{"but no name on every interface", Options{AnyIP: true}, "evil.example:1313", 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opts.Source = testSite()
			s := New(c.opts)
			defer s.Close()
			srv := httptest.NewServer(s)
			defer srv.Close()
			status, body := rawGet(t, srv.Listener.Addr().String(), "/", c.host)
			if status != c.wantS {
				t.Fatalf("Host %q: status %d, want %d (%q)", c.host, status, c.wantS, body)
			}
			if status == 403 {
				if strings.Contains(body, "home") || strings.Count(strings.TrimSpace(body), "\n") > 0 ||
					!strings.Contains(body, "is not this preview's") {
					t.Errorf("Host %q: body %q, want one line of explanation and nothing of the site", c.host, body)
				}
			} else if !strings.Contains(body, "<p>home</p>") {
				t.Errorf("Host %q: body %q, want the home page", c.host, body)
			}
		})
	}
}

func TestLiveReloadSocketRefusesOtherHostsAndOrigins(t *testing.T) {
	s := New(Options{Source: testSite()})
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	upgrade := []string{"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="}
	cases := []struct {
		host, origin string
		want         int
	}{
		{"evil.example:" + port, "http://evil.example:" + port, 403},
		{"evil.example:" + port, "", 403},
		{"127.0.0.1:" + port, "http://evil.example:" + port, 403},
		{"127.0.0.1:" + port, "null", 403},
		{"127.0.0.1:" + port, "file://", 403},
		{"localhost:" + port, "http://localhost.evil.example:" + port, 403},
		{"127.0.0.1:" + port, "http://127.0.0.1:" + port, 101},
		{"localhost:" + port, "http://localhost:" + port, 101},
	}
	for _, c := range cases {
		headers := upgrade
		if c.origin != "" {
			headers = append(headers[:len(headers):len(headers)], "Origin: "+c.origin)
		}
		status, body := rawGet(t, addr, wsPath, c.host, headers...)
		if status != c.want {
			t.Errorf("Host %q, Origin %q: status %d, want %d (%q)", c.host, c.origin, status, c.want, body)
		}
	}
}

func TestARefusedHostIsLoggedOnceWithWhatToDo(t *testing.T) {
	var mu sync.Mutex
	var logged []string
	s := New(Options{Source: testSite(), Logf: func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		logged = append(logged, fmt.Sprintf(format, args...))
	}})
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	for range 3 {
		rawGet(t, srv.Listener.Addr().String(), "/", "Wiki.Example:1313")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(logged) != 1 || !strings.Contains(logged[0], "--allow-host wiki.example") {
		t.Errorf("logged %q, want one line suggesting --allow-host wiki.example", logged)
	}
}
