package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// A web page the author visits can make their browser send requests to
// the preview with a host name of its own that resolves to 127.0.0.1 (DNS
// rebinding), and then read the answers as same-origin: the wiki, drafts
// and internal items included. The server therefore answers only
// requests whose Host names this machine, as a browser that asked for
// the preview itself sends: a loopback name or address, a host the user
// allowed, or, when the server listens on other interfaces, their
// addresses. An IP address cannot be rebound, so a server listening on
// every interface accepts any IP address. The same rule holds for the
// Origin of the live-reload WebSocket, so that no other site's page can
// subscribe to the rebuilds.

// hostRule says which Host headers the server answers.
type hostRule struct {
	names []string // lower case, without port or brackets
	anyIP bool
}

func newHostRule(allowed []string, anyIP bool) hostRule {
	r := hostRule{anyIP: anyIP}
	for _, h := range allowed {
		if h = normalHost(h); h != "" {
			r.names = append(r.names, h)
		}
	}
	return r
}

// normalHost drops a port and IPv6 brackets, a trailing dot and letter
// case: "[::1]:1313" → "::1", "Wiki.Example.:80" → "wiki.example".
func normalHost(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// allows reports whether a request for hostport ("localhost:1313") may
// be answered.
func (r hostRule) allows(hostport string) bool {
	h := normalHost(hostport)
	if h == "" {
		return false
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true // browsers resolve these to loopback themselves (RFC 6761)
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback() || r.anyIP || slices.ContainsFunc(r.names, func(n string) bool {
			a := net.ParseIP(n)
			return a != nil && a.Equal(ip)
		})
	}
	return slices.Contains(r.names, h)
}

// allowsOrigin reports whether a WebSocket's Origin is a page of an
// allowed host; no Origin means no browser, which cannot be a page of
// another site.
func (r hostRule) allowsOrigin(origin string) bool {
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && r.allows(u.Host)
}

// forbidHost answers a request for a host the server does not serve.
func forbidHost(w http.ResponseWriter, what, host string) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, fmt.Sprintf("403 forbidden: %s %q is not this preview's; it answers localhost, 127.0.0.1 and [::1], and the hosts named with --allow-host", what, host),
		http.StatusForbidden)
}

// maxTold bounds how many refused hosts the server remembers having
// logged, so that a page trying many names cannot grow the map.
const maxTold = 64

// refused logs the first refusal of each host or origin, with what to do
// if the request was the user's own.
func (s *Server) refused(what, host string) {
	s.mu.Lock()
	first := !s.told[what+" "+host] && len(s.told) < maxTold
	if first {
		if s.told == nil {
			s.told = map[string]bool{}
		}
		s.told[what+" "+host] = true
	}
	s.mu.Unlock()
	if first {
		s.logf("serve: refused a request for %s %q (403): if it was yours, start serve with --allow-host %s", what, host, normalHost(hostOf(what, host)))
	}
}

// hostOf is the host part of a Host header or of an Origin URL.
func hostOf(what, v string) string {
	if what == "origin" {
		if u, err := url.Parse(v); err == nil {
			return u.Host
		}
	}
	return v
}
