package generator

import (
	"net/url"
	"strings"
)

// The site's address scheme: pages have pretty URLs, site-relative and
// escaped ("/roles/cpo/"), each served by a file (OutPath); a page links
// to another by a URL relative to itself (Rel, RootOf), so that a built
// site works under any path prefix and from file://.

// Rel makes a site-relative URL ("/roles/cpo/") relative to a page whose
// root prefix is root ("../../"). Other URLs are returned unchanged.
func Rel(root, url string) string {
	head, tail := RelParts(root, url)
	return head + tail
}

// RelParts is Rel(root, url) in two parts, to be written one after the
// other without a string of their own.
func RelParts(root, url string) (head, tail string) {
	if !strings.HasPrefix(url, "/") || strings.HasPrefix(url, "//") {
		return "", url
	}
	if url == "/" {
		return root, ""
	}
	if root == "./" {
		return "", url[1:]
	}
	return root, url[1:]
}

// RootOf returns the relative path from a page's URL to the site root:
// "./" for "/" and "/404.html", "../../" for "/roles/cpo/".
func RootOf(url string) string {
	dir := strings.Trim(url[:strings.LastIndex(url, "/")+1], "/")
	if dir == "" {
		return "./"
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1)
}

// OutPath maps a pretty URL to the file that serves it: "/roles/cpo/" →
// "roles/cpo/index.html".
func OutPath(u string) string {
	p := strings.TrimPrefix(u, "/")
	// URLs are escaped (café is caf%C3%A9); the file is named as the
	// server will look for it after unescaping.
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// EscapePath escapes each segment of a slash path for use in a URL.
func EscapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// BasePath is the path part of a base URL, "/" or "/wiki/".
func BasePath(base string) string {
	if u, err := url.Parse(base); err == nil && strings.HasPrefix(u.Path, "/") {
		return strings.TrimSuffix(u.Path, "/") + "/"
	}
	return "/"
}

// AbsURL joins a base URL and a site-relative URL.
func AbsURL(base, u string) string {
	return strings.TrimSuffix(base, "/") + u
}
