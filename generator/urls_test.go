package generator

import "testing"

func TestRelMakesSiteURLsRelativeToThePage(t *testing.T) {
	tests := []struct{ root, url, want string }{
		{"./", "/", "./"},
		{"./", "/roles/cpo/", "roles/cpo/"},
		{"../../", "/roles/cpo/", "../../roles/cpo/"},
		{"../../", "/", "../../"},
		{"../", "https://example.org/x", "https://example.org/x"},
		{"../", "//cdn.example/x", "//cdn.example/x"},
		{"../", "#top", "#top"},
	}
	for _, tt := range tests {
		if got := Rel(tt.root, tt.url); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.root, tt.url, got, tt.want)
		}
	}
}

func TestRootOfCountsTheFolders(t *testing.T) {
	tests := map[string]string{"/": "./", "/roles/": "../", "/roles/cpo/": "../../", "/backlogs/b/cbi-1/": "../../../", "/404.html": "./", "/tags/x/feed.xml": "../../"}
	for url, want := range tests {
		if got := RootOf(url); got != want {
			t.Errorf("RootOf(%q) = %q, want %q", url, got, want)
		}
	}
}

func TestOutPathNamesTheFileThatServesAURL(t *testing.T) {
	tests := map[string]string{"/": "index.html", "/roles/cpo/": "roles/cpo/index.html", "/404.html": "404.html",
		"/caf%C3%A9/": "café/index.html", "/backlogs/b/backlog.json": "backlogs/b/backlog.json"}
	for u, want := range tests {
		if got := OutPath(u); got != want {
			t.Errorf("OutPath(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestEscapePathEscapesEachSegment(t *testing.T) {
	if got, want := EscapePath("café/a b/x"), "caf%C3%A9/a%20b/x"; got != want {
		t.Errorf("EscapePath = %q, want %q", got, want)
	}
}

func TestBasePathAndAbsURL(t *testing.T) {
	tests := []struct{ base, path, abs string }{
		{"https://wiki.example.org/", "/", "https://wiki.example.org/roles/"},
		{"https://example.org/wiki", "/wiki/", "https://example.org/wiki/roles/"},
		{"/wiki/", "/wiki/", "/wiki/roles/"},
		{"", "/", "/roles/"},
	}
	for _, tt := range tests {
		if got := BasePath(tt.base); got != tt.path {
			t.Errorf("BasePath(%q) = %q, want %q", tt.base, got, tt.path)
		}
		if got := AbsURL(tt.base, "/roles/"); got != tt.abs {
			t.Errorf("AbsURL(%q, /roles/) = %q, want %q", tt.base, got, tt.abs)
		}
	}
}
