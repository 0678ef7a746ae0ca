package views

import (
	"slices"

	"github.com/backlight-wiki/backlight/generator/backlog"
)

// BacklogSummary is one backlog on the backlogs index.
type BacklogSummary struct {
	Entry
	Owner     *Link
	Level     string
	Items     int
	Counts    []StatusCount
	Estimate  string
	HealthPct int
}

// StatusCount is how many items of a backlog have a status.
type StatusCount struct {
	Status string
	Count  int
}

// TreeNode is an item in the traceability tree, with the items refined
// from it.
type TreeNode struct {
	Entry
	Status   string
	Estimate string
	DonePct  int
	Children []TreeNode
}

// backlogIndex summarises each backlog for the backlogs list at root.
func (s *Site) backlogIndex(m *index, root string) []BacklogSummary {
	var out []BacklogSummary
	for _, b := range m.Backlogs.Backlogs {
		sum := BacklogSummary{Entry: entry(root, b.Page), Level: s.levelTitle(b.Page.Level), Items: len(b.Items),
			Estimate: s.num(Decimal(b.Estimate)), HealthPct: pct(b.Health)}
		if b.Page.Backlog != nil {
			if o := m.Links.Target(b.Page.Backlog.Owner); o != nil {
				sum.Owner = link(root, o.Label(), o.URL)
			}
		}
		for _, st := range statusOrder(rowsOf(b)) {
			sum.Counts = append(sum.Counts, StatusCount{Status: st, Count: b.Counts[st]})
		}
		out = append(out, sum)
	}
	return out
}

func rowsOf(b *backlog.Backlog) []BacklogRow {
	rows := make([]BacklogRow, len(b.Items))
	for i, it := range b.Items {
		rows[i] = BacklogRow{Status: it.Page.Item.Status}
	}
	return rows
}

// traceTree lists the top-level items (those without a parent), highest
// level first, each with the items refined from it, recursively, for the
// page at root.
func traceTree(m *index, root string) []TreeNode {
	roots := traceRoots(m)
	nodes := make([]TreeNode, len(roots))
	for i, r := range roots {
		nodes[i] = treeNode(root, r, 0)
	}
	return nodes
}

// traceRoots are the items without a parent, highest level first.
func traceRoots(m *index) []*backlog.Item {
	var roots []*backlog.Item
	for _, b := range m.Backlogs.Backlogs {
		for _, it := range b.Items {
			if it.Parent == nil {
				roots = append(roots, it)
			}
		}
	}
	levels := m.levels
	levelRank := func(it *backlog.Item) int { // the highest level first
		if it.Backlog == nil {
			return 1
		}
		return -slices.Index(levels, it.Backlog.Page.Level)
	}
	slices.SortStableFunc(roots, func(a, b *backlog.Item) int { return levelRank(a) - levelRank(b) })
	return roots
}

// traceSizes are the sizes of the trees traceTree makes, in its order,
// counted without making them.
func traceSizes(m *index) []int {
	roots := traceRoots(m)
	sizes := make([]int, len(roots))
	for i, r := range roots {
		sizes[i] = itemTreeSize(r, 0)
	}
	return sizes
}

// itemTreeSize is treeSize of treeNode(…, it, depth).
func itemTreeSize(it *backlog.Item, depth int) int {
	n := 1
	if depth > 64 {
		return n
	}
	for _, c := range it.Children {
		n += itemTreeSize(c, depth+1)
	}
	return n
}

func treeNode(root string, it *backlog.Item, depth int) TreeNode {
	n := TreeNode{Entry: entry(root, it.Page), Status: it.Page.Item.Status, Estimate: Decimal(it.RolledEstimate), DonePct: pct(it.DoneShare)}
	if depth > 64 {
		return n // parents form no cycle after derivation; this only bounds a bug
	}
	for _, c := range it.Children {
		n.Children = append(n.Children, treeNode(root, c, depth+1))
	}
	return n
}
