package backlog

import (
	"slices"
	"strings"
)

// hierarchy links items to their parents, breaks parent cycles, and derives
// chains, children and roll-ups.
func (d *deriver) hierarchy() {
	all := d.items
	for _, it := range all {
		if ref := it.Page.Item.Parent; ref != nil {
			if p := d.target(ref); p != nil {
				it.Parent = d.model.Items[p] // nil for a non-item: the graph stage reported it
			}
		}
	}
	d.breakCycles(all)
	for _, it := range all {
		if it.Parent != nil {
			it.Parent.Children = append(it.Parent.Children, it)
		}
	}
	for _, it := range all {
		slices.SortFunc(it.Children, compareRanks)
		it.Chain = chain(it)
	}
	done := map[*Item]float64{}
	for _, it := range all {
		rollUp(it, done)
	}
}

// breakCycles reports each parent cycle once, naming its keys from the
// lowest one along the parent links, and makes that item top-level.
func (d *deriver) breakCycles(all []*Item) {
	const (
		unvisited = iota
		onPath
		visited
	)
	state := make(map[*Item]int, len(all))
	for _, start := range all {
		var path []*Item
		it := start
		for ; it != nil && state[it] == unvisited; it = it.Parent {
			state[it] = onPath
			path = append(path, it)
		}
		if it != nil && state[it] == onPath {
			d.reportCycle(path[slices.Index(path, it):])
		}
		for _, p := range path {
			state[p] = visited
		}
	}
}

// reportCycle reports the cycle of items, each the parent's child of the
// one before it, at the parent of every item on it (each message starting
// from its own item, so that the author sees it in the file just edited),
// and cuts it at its lowest key.
func (d *deriver) reportCycle(cycle []*Item) {
	lowest := slices.MinFunc(cycle, compareItems)
	low := slices.Index(cycle, lowest)
	cycle = slices.Concat(cycle[low:], cycle[:low])
	for i, it := range cycle {
		keys := make([]string, 0, len(cycle)+1)
		for _, o := range slices.Concat(cycle[i:], cycle[:i]) {
			keys = append(keys, o.Key())
		}
		keys = append(keys, it.Key())
		d.diags.Errorf(it.Page.Pos("parent"), "parent forms a cycle: %s", strings.Join(keys, " → "))
	}
	cycle[0].Parent = nil
}

// chain lists an item's ancestors from the top-level one down to its parent.
func chain(it *Item) []*Item {
	var up []*Item
	for p := it.Parent; p != nil; p = p.Parent {
		up = append(up, p)
	}
	slices.Reverse(up)
	return up
}

// rollUp sets an item's rolled-up estimate and done share, and returns the
// done part of its estimate; done memoises that part per item.
func rollUp(it *Item, done map[*Item]float64) float64 {
	if v, ok := done[it]; ok {
		return v
	}
	var sum, doneSum, shares float64
	n := 0
	for _, c := range it.Children {
		if !c.Dropped {
			doneSum += rollUp(c, done)
			sum += c.RolledEstimate
			shares += c.DoneShare
			n++
		}
	}
	if n == 0 {
		doneSum = leaf(it)
	} else {
		it.RolledEstimate = sum
		it.DoneShare = shares / float64(n) // children without estimates: the mean of their shares
		if sum > 0 {
			it.DoneShare = doneSum / sum
		}
	}
	done[it] = doneSum
	return doneSum
}

// leaf sets the roll-up of an item without open children from its own
// estimate, and returns the done part of it.
func leaf(it *Item) float64 {
	it.RolledEstimate = it.Page.Item.Estimate.Value
	if !it.Done {
		return 0
	}
	it.DoneShare = 1
	return it.RolledEstimate
}

// compareRanks orders items by rank, then key.
func compareRanks(a, b *Item) int {
	if a.Rank != b.Rank {
		return a.Rank - b.Rank
	}
	return compareItems(a, b)
}
