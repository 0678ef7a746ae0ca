package views

import (
	"slices"
	"testing"
)

func TestSplitGroupsCutsAtTheSizeAndGoesOnUnderTheHeading(t *testing.T) {
	gs := []Group{{ID: "a", Entries: make([]Entry, 3)}, {ID: "b", Entries: make([]Entry, 4)}}
	for _, c := range []struct {
		size int
		want [][]string // per page, "id:count" of each group
	}{
		{10, [][]string{{"a:3", "b:4"}}},
		{7, [][]string{{"a:3", "b:4"}}},
		{3, [][]string{{"a:3"}, {"b:3"}, {"b:1"}}},
		{5, [][]string{{"a:3", "b:2"}, {"b:2"}}},
	} {
		var got [][]string
		for _, page := range splitGroups(gs, c.size) {
			var p []string
			for _, g := range page {
				p = append(p, g.ID+":"+string(rune('0'+len(g.Entries))))
			}
			got = append(got, p)
		}
		if !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("size %d: got %v, want %v", c.size, got, c.want)
		}
	}
}

func TestSplitTreeKeepsTreesWhole(t *testing.T) {
	leaf := TreeNode{}
	three := TreeNode{Children: []TreeNode{leaf, leaf}}
	roots := []TreeNode{three, leaf, three, three}
	var got []int
	for _, page := range splitTree(roots, 4) {
		n := 0
		for _, r := range page {
			n += treeSize(r)
		}
		got = append(got, n)
	}
	if want := []int{4, 3, 3}; !slices.Equal(got, want) {
		t.Errorf("items per page %v, want %v", got, want)
	}
	if got := splitTree([]TreeNode{three}, 2); len(got) != 1 {
		t.Errorf("a tree larger than the limit: %d pages, want 1", len(got))
	}
}

func TestPagerLinksItsNeighboursAndEveryPage(t *testing.T) {
	p := (&Site{}).pager("../../../", "/roles/", 2, 3)
	if p.Prev == nil || p.Prev.URL != "/roles/" || p.Next == nil || p.Next.URL != "/roles/page/3/" {
		t.Errorf("prev %v, next %v", p.Prev, p.Next)
	}
	if p.Prev.Href != "../../../roles/" || p.Next.Href != "../../../roles/page/3/" {
		t.Errorf("prev links to %q, next to %q from /roles/page/2/", p.Prev.Href, p.Next.Href)
	}
	var urls, hrefs []string
	for _, l := range p.Pages {
		urls, hrefs = append(urls, l.URL), append(hrefs, l.Href)
	}
	if want := []string{"/roles/", "", "/roles/page/3/"}; !slices.Equal(urls, want) {
		t.Errorf("pages %q, want %q", urls, want)
	}
	if want := []string{"../../../roles/", "", "../../../roles/page/3/"}; !slices.Equal(hrefs, want) {
		t.Errorf("pages link to %q, want %q", hrefs, want)
	}
	if first := (&Site{}).pager("../", "/roles/", 1, 3); first.Prev != nil {
		t.Errorf("the first page has a previous page")
	}
}

// TestPaginatedPagesLinkFromTheirOwnFolder checks that the second page of
// a list, one folder deeper than the first, has every link made relative
// to itself: entries, breadcrumbs, navigation and the cache key of its
// header.
func TestPaginatedPagesLinkFromTheirOwnFolder(t *testing.T) {
	s := &Site{site: &SiteInfo{Nav: []Link{{Title: "Roles", URL: "/roles/"}}}}
	v := s.view("list", "/roles/", "Roles")
	v.Breadcrumbs = linked(v.Root, Link{Title: "Home", URL: "/"}, Link{Title: "Roles"})
	v.Groups = []Group{{ID: "team", Title: "Team", Entries: []Entry{
		{Title: "A", URL: "/roles/a/", Href: "../roles/a/"}, {Title: "B", URL: "/roles/b/", Href: "../roles/b/"},
		{Title: "C", URL: "/roles/c/", Href: "../roles/c/"}}}}
	pages := s.paginate(v, 2, 100)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	first, second := pages[0], pages[1]
	if got := first.Groups[0].Entries[1].Href; got != "../roles/b/" {
		t.Errorf("page 1 links B as %q", got)
	}
	if second.URL != "/roles/page/2/" || second.Root != "../../../" {
		t.Fatalf("page 2 is at %q with root %q", second.URL, second.Root)
	}
	if got := second.Groups[0].Entries[0].Href; got != "../../../roles/c/" {
		t.Errorf("page 2 links C as %q, want ../../../roles/c/", got)
	}
	var crumbs []string
	for _, l := range second.Breadcrumbs {
		crumbs = append(crumbs, l.Href)
	}
	if want := []string{"../../../", "../../../roles/", ""}; !slices.Equal(crumbs, want) {
		t.Errorf("page 2's breadcrumbs link %q, want %q", crumbs, want)
	}
	if nav := second.Nav(); len(nav) != 1 || nav[0].Href != "../../../roles/" || nav[0].Current != "true" {
		t.Errorf("page 2's navigation %+v", nav)
	}
	if second.NavKey == first.NavKey {
		t.Errorf("both pages have the header cache key %q, though their links differ", first.NavKey)
	}
	if v.Groups[0].Entries[2].Href != "../roles/c/" {
		t.Errorf("paginating changed the list's own entries")
	}
}

// TestCutTreesCountsThePagesSplitTreeMakes checks the page starts that
// planning counts before a tree is made against splitTree's pages.
func TestCutTreesCountsThePagesSplitTreeMakes(t *testing.T) {
	tree := func(size int) TreeNode {
		n := TreeNode{}
		for range size - 1 {
			n.Children = append(n.Children, TreeNode{})
		}
		return n
	}
	for _, c := range []struct {
		sizes []int
		max   int
		want  []int
	}{
		{nil, 5, nil},
		{[]int{7}, 5, []int{0}},
		{[]int{3, 2, 5, 1}, 5, []int{0, 2, 3}},
		{[]int{1, 1, 1, 1}, 2, []int{0, 2}},
	} {
		got := cutTrees(c.sizes, c.max)
		if !slices.Equal(got, c.want) {
			t.Errorf("cutTrees(%v, %d) = %v, want %v", c.sizes, c.max, got, c.want)
		}
		var roots []TreeNode
		for _, n := range c.sizes {
			roots = append(roots, tree(n))
		}
		if pages := splitTree(roots, c.max); len(pages) != len(c.want) {
			t.Errorf("splitTree of sizes %v made %d pages, cutTrees counts %d", c.sizes, len(pages), len(c.want))
		}
	}
}
