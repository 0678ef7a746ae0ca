package safeurl

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUnsafeScheme(t *testing.T) {
	for _, tc := range []struct{ url, scheme string }{
		// relative and safe absolute URLs
		{"", ""},
		{"../roles/cpo/", ""},
		{"cpo/#agenda", ""},
		{"/wiki/roles/", ""},
		{"?q=a:b", ""},
		{"#top", ""},
		{"//example.org/x", ""},
		{"https://example.org/a:b", ""},
		{"HTTP://example.org/", ""},
		{"mailto:po@example.org", ""},
		{"page%3Aone.html", ""},       // "page" behind %3A is a path, not a scheme
		{"notes 2024: plan.html", ""}, // a space ends what could be a scheme
		{"1a:b", ""},                  // a scheme starts with a letter
		// script schemes, however written
		{"javascript:alert(1)", "javascript"},
		{"JaVaScRiPt:alert(1)", "javascript"},
		{"  javascript:alert(1)", "javascript"},
		{"java\tscript:alert(1)", "javascript"},
		{"java\nscript:alert(1)", "javascript"},
		{"java script:alert(1)", "javascript"},
		{"\x01javascript:alert(1)", "javascript"},
		{"&#106;avascript:alert(1)", "javascript"},
		{"&#x6A;avascript&colon;alert(1)", "javascript"},
		{"%6Aavascript:alert(1)", "javascript"},
		{"%256Aavascript:alert(1)", "javascript"}, // percent-encoded twice
		{"java%09script:alert(1)", "javascript"},
		{"vbscript:msgbox", "vbscript"},
		{"livescript:x", "livescript"},
		{"file:///etc/passwd", "file"},
		{"data:text/html,<script>alert(1)</script>", "data"},
		{"DATA:image/png;base64,AAAA", "data"},
		{"blob:https://example.org/x", "blob"},
		// any other scheme
		{"A:", "a"},
		{"tel:+4912345", "tel"},
		{"ftp://example.org/x.png", "ftp"},
		{"ms-msdt:/id", "ms-msdt"},
	} {
		if got := UnsafeScheme(tc.url); got != tc.scheme {
			t.Errorf("UnsafeScheme(%q) = %q, want %q", tc.url, got, tc.scheme)
		}
		if got := Safe(tc.url); got != (tc.scheme == "") {
			t.Errorf("Safe(%q) = %v, want %v", tc.url, got, tc.scheme == "")
		}
	}
}

func TestPercentDecode(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		changed bool
	}{
		{"plain", "plain", false},
		{"a%20b", "a b", true},
		{"%6a%6A", "jj", true},
		{"100%", "100%", false},
		{"%zz%2", "%zz%2", false},
		{"%2541", "%41", true}, // one round only
	} {
		out, changed := PercentDecode(tc.in)
		if out != tc.out || changed != tc.changed {
			t.Errorf("PercentDecode(%q) = %q, %v; want %q, %v", tc.in, out, changed, tc.out, tc.changed)
		}
	}
}

// runs is the test's own reading of a URL a browser would run or embed,
// written apart from the package's: entities decoded, every space and
// control character dropped, lower case.
func runs(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, html.UnescapeString(u)))
	for _, s := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

// FuzzUnsafeScheme checks that no URL a browser would run passes, that a
// scheme reported is a lower-case scheme other than the safe ones, and
// that http, https and mailto URLs pass.
func FuzzUnsafeScheme(f *testing.F) {
	for _, s := range []string{"https://example.org/", "../x/", "javascript:x", "&#106;avascript:x", "java\tscript:x",
		"%6Aavascript:x", "data:,x", "tel:1", "page%3Aone.html", " mailto:a@b", "\x00javascript:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		s := UnsafeScheme(u)
		if long := unsafeScheme(u); s != long {
			t.Errorf("UnsafeScheme(%q) = %q, the long way %q", u, s, long)
		}
		if s == "" && runs(u) {
			t.Errorf("UnsafeScheme(%q) = \"\", but a browser runs it", u)
		}
		if s != "" && (s != strings.ToLower(s) || !utf8.ValidString(s) || s == "http" || s == "https" || s == "mailto") {
			t.Errorf("UnsafeScheme(%q) = %q, not an unsafe scheme", u, s)
		}
		if safe := "https://example.org/" + strings.ReplaceAll(strings.ReplaceAll(u, "&", ""), "%", ""); UnsafeScheme(safe) != "" {
			t.Errorf("UnsafeScheme(%q) = %q, want \"\" for an https URL", safe, UnsafeScheme(safe))
		}
	})
}
