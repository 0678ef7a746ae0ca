package serve

import (
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"testing"
)

// checkSiteFileName fails the test unless name is what a Source may be
// asked for: a clean, relative slash path that stays inside the site and
// names no hidden file.
func checkSiteFileName(t *testing.T, from, name string) {
	t.Helper()
	switch {
	case name == "":
		t.Errorf("%q: empty name", from)
	case path.Clean(name) != name:
		t.Errorf("%q: name %q is not clean", from, name)
	case path.IsAbs(name):
		t.Errorf("%q: name %q is absolute", from, name)
	case strings.Contains(name, `\`):
		t.Errorf("%q: name %q has a backslash", from, name)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 0x20 || c == 0x7f {
			t.Errorf("%q: name %q has the control character %#x", from, name, c)
			break
		}
	}
	for seg := range strings.SplitSeq(name, "/") {
		if seg == ".." {
			t.Errorf("%q: name %q leaves the site", from, name)
		}
		if strings.HasPrefix(seg, ".") {
			t.Errorf("%q: name %q has the hidden segment %q", from, name, seg)
		}
	}
}

// FuzzSiteName checks that no request path, however odd, panics or makes
// the server ask its Source for a name outside the site or a hidden file:
// neither siteName itself nor ServeHTTP, whatever it asks the Source for.
func FuzzSiteName(f *testing.F) {
	for _, s := range []string{
		"/", "", "/x", "/x/", "/index.html", "/a.css", "/../etc/passwd", "/x/../../y",
		"/.git/config", "/x/.env", "//x", `/x\..\y`, "/C:/x", "/x\x00y", "/%2e%2e/x",
		"/__backlight/live.js", "/__backlight/ws", "/x/./y", "/x/.", "relative", "/\u00e9t\u00e9/",
	} {
		f.Add(s)
	}
	src := newSource(map[string]string{
		"index.html":   "<html><body>home</body></html>",
		"x/index.html": "<p>x</p>",
		"404.html":     "<p>not here</p>",
		"a.css":        "body{}",
	})
	srv := New(Options{Source: src})
	f.Cleanup(srv.Close)
	f.Fuzz(func(t *testing.T, p string) {
		if name, ok := siteName(p); ok {
			if !strings.HasPrefix(p, "/") {
				t.Errorf("siteName(%q) accepted a path without a leading slash", p)
			}
			checkSiteFileName(t, p, name)
		}

		src.takeAsked()
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			r := httptest.NewRequest(method, "/", nil)
			r.Host = "localhost"
			r.URL.Path = p
			r.URL.RawPath = ""
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, r)
			for _, name := range src.takeAsked() {
				checkSiteFileName(t, p, name)
			}
		}
	})
}
