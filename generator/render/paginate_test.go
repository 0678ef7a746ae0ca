package render

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
	p := pager("/roles/", 2, 3)
	if p.Prev == nil || p.Prev.URL != "/roles/" || p.Next == nil || p.Next.URL != "/roles/page/3/" {
		t.Errorf("prev %v, next %v", p.Prev, p.Next)
	}
	var urls []string
	for _, l := range p.Pages {
		urls = append(urls, l.URL)
	}
	if want := []string{"/roles/", "", "/roles/page/3/"}; !slices.Equal(urls, want) {
		t.Errorf("pages %q, want %q", urls, want)
	}
	if first := pager("/roles/", 1, 3); first.Prev != nil {
		t.Errorf("the first page has a previous page")
	}
}

func TestChunksAndWeighedChunks(t *testing.T) {
	if got := chunks([]int{1, 2, 3, 4, 5}, 2); len(got) != 3 || len(got[2]) != 1 {
		t.Errorf("chunks: %v", got)
	}
	if got := chunks([]int{}, 2); got != nil {
		t.Errorf("chunks of nothing: %v", got)
	}
	got := weighedChunks([]int{1, 1, 5, 1, 2, 2}, 4, func(w int) int { return w })
	want := [][]int{{1, 1}, {5}, {1, 2}, {2}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("weighedChunks: %v, want %v", got, want)
	}
}
