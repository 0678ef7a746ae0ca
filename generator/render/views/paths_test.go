package views

import "testing"

func TestTagURLIsOneFolderUnderTags(t *testing.T) {
	tests := map[string]string{
		"Scrum":     "/tags/scrum/",
		"Überblick": "/tags/uberblick/",
		"会议":        "/tags/会议/",
		"C++":       "/tags/c/",
		// Found by FuzzOutputPaths: a tag with no letter or digit had an
		// empty slug and went to tags//index.html, which the build
		// refused with an error naming no file.
		"++": "/tags/-2b2b/",
		".":  "/tags/-2e/",
		"..": "/tags/-2e2e/",
		"…":  "/tags/-e280a6/",
	}
	for tag, want := range tests {
		if got := tagURL(tag); got != want {
			t.Errorf("tagURL(%q) = %q, want %q", tag, got, want)
		}
	}
}
