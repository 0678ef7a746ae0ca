package render

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
