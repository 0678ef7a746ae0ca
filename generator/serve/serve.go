// Package serve is the HTTP side of `backlight serve`: it serves a site kept
// in memory, injects a live-reload script into every HTML page and tells
// open pages over a WebSocket what each rebuild changed.
//
// The package owns no listener, no http.Server and no signal handling; the
// CLI does. Use a *Server directly as the http.Server's Handler (not behind
// an http.ServeMux, whose path cleaning and redirects would run before the
// checks here), call Notify after every build and Close before shutting the
// http.Server down: http.Server.Shutdown neither closes nor waits for the
// WebSocket connections, which it no longer tracks once they are upgraded.
//
// # Paths
//
// Only GET and HEAD are served (405 otherwise). The request path, which
// net/http has percent-decoded once, is never decoded again. A path with a
// ".." anywhere, a backslash, a control character (NUL included), an empty
// segment ("//") or a segment starting with "." is answered 404 without
// asking the Source, and so is a first segment that looks like a Windows
// drive ("C:"). A "%2e%2e" that survives the single decoding (the request
// said "%252e%252e") is a literal file name, which a Source holding only
// clean site paths does not have: 404 as well. What remains is cleaned with
// path.Clean and handed to Source.File as a slash path relative to the site
// root: "/" and "/x/" ask for "index.html" and "x/index.html"; "/x", when
// there is no file x but there is x/index.html, is redirected (301) to "/x/".
// A missing file gets the site's 404.html with status 404, or a plain-text
// 404 when the site has none.
//
// Symbolic links are the Source's business: it serves the site from memory
// and must not hold files reached through links that leave the site's tree.
//
// # Hosts
//
// Every request must name this machine in its Host header: localhost (or
// a name under .localhost), a loopback address, or one of Options.Hosts;
// with Options.AnyIP, any IP address. Others get 403, before anything
// else is looked at, and so does a WebSocket whose Origin is not a page of
// such a host: this stops DNS rebinding (see hosts.go).
//
// Paths under /__backlight/ belong to the server (the live-reload script
// and its WebSocket) and shadow any site files there.
package serve

import (
	"bytes"
	"html"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// Source is the site being served, file by file. Implementations are safe for concurrent use.
type Source interface {
	// File returns the bytes of the site file at the clean slash path name
	// ("index.html", "roles/cpo/index.html", "css/style.1a2b3c4d.css"), or ok false.
	// The server never modifies the returned bytes.
	File(name string) (data []byte, ok bool)
}

// Options configure a Server.
type Options struct {
	Source Source
	Logf   func(format string, args ...any) // request errors etc.; nil: silent

	// Hosts are the names and addresses, besides the loopback ones,
	// that a request's Host (and a WebSocket's Origin) may name: those
	// the user allowed, and the address the server listens on. Any other
	// request gets 403 (see hosts.go).
	Hosts []string
	// AnyIP accepts every IP address as Host: set it when the server
	// listens on all interfaces (0.0.0.0 or ::).
	AnyIP bool
	// Base is the path of the site's baseURL ("/wiki/" for
	// "https://example.org/wiki/"): the site is served under it, as it
	// will be published, and "/" redirects to it. Empty means "/".
	Base string
}

// The server's own endpoints.
const (
	prefix     = "/__backlight/"
	scriptPath = prefix + "live.js"
	wsPath     = prefix + "ws"
)

// scriptTag is what every served HTML page gets before its </body>, for
// a site at the root; liveTag adds the site's path for one under a sub-path.
const scriptTag = `<script src="` + scriptPath + `" defer></script>`

// basePath cleans a base path to "/" or "/a/b/".
func basePath(base string) string {
	base = strings.Trim(path.Clean("/"+base), "/")
	if base == "" || base == "." {
		return "/"
	}
	return "/" + base + "/"
}

// liveTag is the script tag for a site under base: live.js reads the
// site's path from data-base to tell its page's site path.
func liveTag(base string) string {
	if base == "/" {
		return scriptTag
	}
	return `<script src="` + scriptPath + `" data-base="` + html.EscapeString(base) + `" defer></script>`
}

// ServeHTTP serves the whole site and the /__backlight/ endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allows(r.Host) {
		s.refused("host", r.Host)
		forbidHost(w, "host", r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p == "" {
		p = "/"
	}
	if strings.HasPrefix(p, prefix) {
		s.serveOwn(w, r, p)
		return
	}
	if s.base != "/" {
		if p == "/" || p == strings.TrimSuffix(s.base, "/") {
			u := url.URL{Path: s.base, RawQuery: r.URL.RawQuery}
			w.Header().Set("Cache-Control", "no-store")
			http.Redirect(w, r, u.String(), http.StatusFound)
			return
		}
		rest, ok := strings.CutPrefix(p, s.base)
		if !ok {
			s.notFound(w, r)
			return
		}
		p = "/" + rest
	}
	name, ok := siteName(p)
	if !ok {
		s.notFound(w, r)
		return
	}
	if data, ok := s.src.File(name); ok {
		s.serveFile(w, r, http.StatusOK, name, data)
		return
	}
	if !strings.HasSuffix(p, "/") {
		if _, ok := s.src.File(name + "/index.html"); ok {
			u := url.URL{Path: s.base + name + "/", RawQuery: r.URL.RawQuery}
			w.Header().Set("Cache-Control", "no-store") // browsers keep a 301 for good otherwise
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r)
}

// serveOwn serves the endpoints under /__backlight/.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, p string) {
	switch p {
	case scriptPath:
		s.serveFile(w, r, http.StatusOK, "live.js", []byte(liveJS))
	case wsPath:
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
			return
		}
		s.serveWS(w, r)
	default:
		plainNotFound(w)
	}
}

// siteName turns a decoded request path into the name of a site file, or
// reports false when the path could leave the site root or names a hidden
// file. It decodes nothing.
func siteName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "..") || strings.Contains(p, "//") || strings.Contains(p, `\`) {
		return "", false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f {
			return "", false
		}
	}
	rest := p[1:]
	for seg := range strings.SplitSeq(rest, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	first, _, _ := strings.Cut(rest, "/")
	if len(first) == 2 && first[1] == ':' {
		return "", false // a Windows drive, "C:"
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	if name == "" {
		name = "index.html"
	}
	return name, true
}

// notFound answers 404 with the site's 404.html, or plain text when the
// site has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if data, ok := s.src.File("404.html"); ok {
		s.serveFile(w, r, http.StatusNotFound, "404.html", data)
		return
	}
	plainNotFound(w)
}

func plainNotFound(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// serveFile writes data as the file name with the given status, injecting
// the live-reload script into HTML. HEAD gets the headers only.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, status int, name string, data []byte) {
	ctype := contentType(name, data)
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	if isHTML(ctype) {
		data = inject(data, s.tag)
		h.Set("Cache-Control", "no-store")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		return
	}
	if _, err := w.Write(data); err != nil {
		s.logf("serve: write %s: %v", r.URL.Path, err)
	}
}

// knownType is the content type of the extensions whose type must not
// depend on the system's MIME tables, which differ between machines (.js
// as application/javascript, .ics or .webmanifest missing), or "".
func knownType(ext string) string {
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".ics":
		return "text/calendar; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return ""
}

// contentType is the Content-Type of the file name: from its extension, or
// sniffed from data when the extension is unknown. Text types say UTF-8.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t := knownType(ext); t != "" {
		return t
	}
	t := mime.TypeByExtension(ext)
	if t == "" {
		t = http.DetectContentType(data)
	}
	if strings.HasPrefix(t, "text/") && !strings.Contains(t, "charset=") {
		t += "; charset=utf-8"
	}
	return t
}

func isHTML(ctype string) bool {
	mt, _, _ := strings.Cut(ctype, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "text/html")
}

// inject returns a copy of the HTML page with the live-reload script before
// its last </body>, or at its end when it has none; a page that already
// has the script tag is returned as it is. data itself is never modified.
func inject(data []byte, tag string) []byte {
	if bytes.Contains(data, []byte(tag)) {
		return data
	}
	at := lastBodyEnd(data)
	if at < 0 {
		at = len(data)
	}
	out := make([]byte, 0, len(data)+len(tag))
	out = append(out, data[:at]...)
	out = append(out, tag...)
	return append(out, data[at:]...)
}

// lastBodyEnd is the offset of the last "</body" end tag in data, matched
// without regard to ASCII case and followed by ">", "/" or white space,
// or -1.
func lastBodyEnd(data []byte) int {
	const tag = "</body"
	for i := len(data) - len(tag); i >= 0; i-- {
		if data[i] != '<' || !asciiEqualFold(data[i:i+len(tag)], tag) {
			continue
		}
		if j := i + len(tag); j == len(data) || strings.IndexByte(">/ \t\n\r\f", data[j]) >= 0 {
			return i
		}
	}
	return -1
}

// asciiEqualFold reports whether b equals the lower-case ASCII s, ignoring
// the case of ASCII letters only.
func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

func (s *Server) logf(format string, args ...any) {
	if s.logfn != nil {
		s.logfn(format, args...)
	}
}
