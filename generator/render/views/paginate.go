package views

import (
	"slices"
	"strconv"

	"github.com/backlight-wiki/backlight/generator"
)

// Pager is a list page's place among the pages a long list is cut into:
// the first at the list's URL, the next at …/page/2/, …/page/3/.
type Pager struct {
	List          string // the list's title
	Number, Total int
	Prev, Next    *Link
	Pages         []Link // every page of the list; the current one has no URL
}

// pageURL is the URL of page n of the list at base.
func pageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// paginate cuts a list view into pages: its groups into pages of at most
// size entries, its traceability tree into pages of at most maxNodes
// items. A view that fits is returned alone, unchanged.
func (s *Site) paginate(v *View, size, maxNodes int) []*View {
	var n int
	var fill func(pv *View, i int)
	switch {
	case len(v.Tree) > 0:
		parts := splitTree(v.Tree, maxNodes)
		n, fill = len(parts), func(pv *View, i int) { pv.Tree = rebaseTree(pv.Root, parts[i]) }
	default:
		parts := splitGroups(v.Groups, size)
		n, fill = len(parts), func(pv *View, i int) { pv.Groups = rebaseGroups(pv.Root, parts[i]) }
	}
	if n <= 1 {
		return []*View{v}
	}
	views := make([]*View, n)
	for i := range views {
		pv := *v
		pv.URL = pageURL(v.URL, i+1)
		pv.Root = generator.RootOf(pv.URL)
		pv.Canonical = generator.AbsURL(s.site.BaseURL, pv.URL)
		pv.NavKey = s.navKey(pv.URL, pv.Root)
		if i > 0 {
			pv.Title = s.tr("list_page_n", "{list}, page {n}", "list", v.Title, "n", i+1)
			pv.Intro, pv.lead = "", ""
			pv.Breadcrumbs = linked(pv.Root, append(v.Breadcrumbs[:len(v.Breadcrumbs)-1:len(v.Breadcrumbs)-1],
				Link{Title: v.Breadcrumbs[len(v.Breadcrumbs)-1].Title, URL: v.URL}, Link{Title: s.tr("page_n", "Page {n}", "n", i+1)})...)
		}
		fill(&pv, i)
		pv.Pager = s.pager(pv.Root, v.URL, i+1, n)
		pv.Pager.List = v.Title
		views[i] = &pv
	}
	return views
}

// pager is page number of total of the list at base, linked from the
// page at root.
func (s *Site) pager(root, base string, number, total int) *Pager {
	p := &Pager{Number: number, Total: total}
	if number > 1 {
		p.Prev = link(root, s.tr("previous_page", "Previous page"), pageURL(base, number-1))
	}
	if number < total {
		p.Next = link(root, s.tr("next_page", "Next page"), pageURL(base, number+1))
	}
	for i := 1; i <= total; i++ {
		l := Link{Title: strconv.Itoa(i)}
		if i != number {
			l = *link(root, l.Title, pageURL(base, i))
		}
		p.Pages = append(p.Pages, l)
	}
	return p
}

// rebaseGroups copies groups made for one page of a list with their links
// made relative to another page of it, at root.
func rebaseGroups(root string, gs []Group) []Group {
	out := make([]Group, len(gs))
	for i, g := range gs {
		g.Entries = slices.Clone(g.Entries)
		for j := range g.Entries {
			g.Entries[j].Href = generator.Rel(root, g.Entries[j].URL)
		}
		if g.More != nil {
			g.More = link(root, g.More.Title, g.More.URL)
		}
		out[i] = g
	}
	return out
}

// rebaseTree copies a part of the traceability tree with its links made
// relative to the page at root.
func rebaseTree(root string, nodes []TreeNode) []TreeNode {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]TreeNode, len(nodes))
	for i, n := range nodes {
		n.Href = generator.Rel(root, n.URL)
		n.Children = rebaseTree(root, n.Children)
		out[i] = n
	}
	return out
}

// splitGroups cuts groups into runs of at most size entries, a group
// cut in two going on under its heading on the next page.
func splitGroups(gs []Group, size int) [][]Group {
	var pages [][]Group
	var cur []Group
	room := size
	for _, g := range gs {
		es := g.Entries
		for len(es) > 0 {
			if room == 0 {
				pages, cur, room = append(pages, cur), nil, size
			}
			take := min(room, len(es))
			part := g
			part.Entries = es[:take:take]
			cur = append(cur, part)
			es, room = es[take:], room-take
		}
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages
}

// splitTree cuts a forest into runs of whole trees of at most maxNodes
// items each; a tree larger than that gets a page of its own.
func splitTree(roots []TreeNode, maxNodes int) [][]TreeNode {
	sizes := make([]int, len(roots))
	for i, r := range roots {
		sizes[i] = treeSize(r)
	}
	starts := cutTrees(sizes, maxNodes)
	pages := make([][]TreeNode, len(starts))
	for i, at := range starts {
		end := len(roots)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		pages[i] = roots[at:end:end]
	}
	return pages
}

// cutTrees returns where each page of splitTree starts, given the sizes of
// the trees: whole trees, at most maxNodes items a page unless one tree
// alone is larger.
func cutTrees(sizes []int, maxNodes int) []int {
	var starts []int
	count := 0
	for i, n := range sizes {
		if i == 0 || count+n > maxNodes {
			starts, count = append(starts, i), 0
		}
		count += n
	}
	return starts
}

func treeSize(n TreeNode) int {
	s := 1
	for _, c := range n.Children {
		s += treeSize(c)
	}
	return s
}
