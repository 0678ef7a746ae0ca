package graph

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// fuzzIndex is a small fixed index: shared titles and ids, an item key
// and aliases, so that Lookup meets unique, ambiguous and winning names.
func fuzzIndex() *Index {
	cpo := newPage("role", "cpo", "CPO")
	cpo.Aliases = []generator.Ref{{Name: "Product Owner"}}
	group := newPage("group", "cpo", "CPO group")
	group.Aliases = []generator.Ref{{Name: "product owner"}}
	return NewIndex([]*generator.Page{
		cpo, group,
		newPage("event", "review", "Review"),
		newPage("artifact", "backlog", "Review"),
		item("login", "B-1", "Log in"),
		newPage("page", "about", "  About us  "),
	})
}

// FuzzLookup checks that Lookup and LookupPath never panic, return a page
// or an error but not both, return only pages of the index and only under
// a name or path the page has; and that LookupPath never resolves a path
// that leaves content/.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{
		"", "cpo", "CPO", " cpo ", "CPO group", "product owner", "Review", "b-1", "About us",
		"roles/cpo.md", "roles/../roles/./cpo.md", "/roles/cpo.md", "../roles/cpo.md", "../../etc/passwd",
		"content/roles/cpo.md", "roles/cpo.md/", "misc/about.md", `roles\cpo.md`, "roles/cpo.md\x00", "\xff",
	} {
		f.Add(s)
	}
	ix := fuzzIndex()
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ix.Lookup(s)
		if (p == nil) == (err == nil) {
			t.Fatalf("Lookup(%q) = %v, %v: want a page or an error", s, p, err)
		}
		if p != nil {
			if !slices.Contains(ix.Pages(), p) {
				t.Fatalf("Lookup(%q) returned a page not in the index: %v", s, p)
			}
			k := strings.ToLower(strings.TrimSpace(s))
			names := []string{p.ID, p.Title}
			if p.Item != nil {
				names = append(names, p.Item.Key)
			}
			for _, a := range p.Aliases {
				names = append(names, a.Name)
			}
			if !slices.ContainsFunc(names, func(n string) bool { return strings.ToLower(strings.TrimSpace(n)) == k }) {
				t.Fatalf("Lookup(%q) returned %s, which has no such name", s, p.File)
			}
		}

		p, err = ix.LookupPath(s)
		if (p == nil) == (err == nil) {
			t.Fatalf("LookupPath(%q) = %v, %v: want a page or an error", s, p, err)
		}
		if p != nil {
			if !slices.Contains(ix.Pages(), p) {
				t.Fatalf("LookupPath(%q) returned a page not in the index: %v", s, p)
			}
			if c := path.Clean(p.Path); c == ".." || strings.HasPrefix(c, "../") || path.IsAbs(c) {
				t.Fatalf("LookupPath(%q) resolved to %q, outside content/", s, p.Path)
			}
			if path.Clean(s) != p.Path {
				t.Fatalf("LookupPath(%q) returned %q, not the path asked for", s, p.Path)
			}
		}
	})
}
