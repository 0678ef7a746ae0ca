package svg

import (
	"cmp"
	"slices"
)

// This file orders the Overview: which type goes in which column, and
// which node goes where in its column, so that lines are short and cross
// little (the ordering step of Sugiyama's layered layout).

// arrangeTypes orders the columns so that linked types sit close: of all
// orders of up to 8 types, the first (from types' own order) with the
// least sum over links of the squared distance of their columns. Squaring
// makes one line across three columns cost more than three lines between
// neighbours: long lines pass behind other nodes.
func arrangeTypes(types []string, links []*link) []string {
	k := len(types)
	if k < 3 || k > 8 {
		return types
	}
	w := make([][]int, k)
	for i := range w {
		w[i] = make([]int, k)
	}
	for _, l := range links {
		i, j := slices.Index(types, l.a.typ), slices.Index(types, l.b.typ)
		if i != j {
			w[min(i, j)][max(i, j)]++
		}
	}
	cost := func(perm []int) int {
		c := 0
		for i := range perm {
			for j := i + 1; j < k; j++ {
				d := j - i
				c += (w[perm[i]][perm[j]] + w[perm[j]][perm[i]]) * d * d
			}
		}
		return c
	}
	perm := make([]int, k)
	for i := range perm {
		perm[i] = i
	}
	best, bestCost := slices.Clone(perm), cost(perm)
	for nextPermutation(perm) {
		if c := cost(perm); c < bestCost {
			best, bestCost = slices.Clone(perm), c
		}
	}
	out := make([]string, k)
	for pos, t := range best {
		out[pos] = types[t]
	}
	return out
}

// nextPermutation rearranges p into the next permutation in lexicographic
// order and reports whether there was one.
func nextPermutation(p []int) bool {
	i := len(p) - 2
	for i >= 0 && p[i] >= p[i+1] {
		i--
	}
	if i < 0 {
		return false
	}
	j := len(p) - 1
	for p[j] <= p[i] {
		j--
	}
	p[i], p[j] = p[j], p[i]
	slices.Reverse(p[i+1:])
	return true
}

// orderColumns reorders each column by the barycentre of its nodes'
// neighbours in the other columns, sweeping left to right, then right to
// left, and keeps the order with the fewest crossings found.
func orderColumns(cols [][]*vnode, chains [][]*vnode) {
	best, bestX := snapshot(cols), crossings(chains)
	for it := 0; it < 8 && bestX > 0; it++ {
		for s := range cols {
			i := s
			if it%2 == 1 {
				i = len(cols) - 1 - s
			}
			reorder(cols[i], cols)
		}
		if x := crossings(chains); x < bestX {
			best, bestX = snapshot(cols), x
		}
	}
	for i := range cols {
		copy(cols[i], best[i])
		for j, v := range cols[i] {
			v.idx = j
		}
	}
}

func snapshot(cols [][]*vnode) [][]*vnode {
	out := make([][]*vnode, len(cols))
	for i, col := range cols {
		out[i] = slices.Clone(col)
	}
	return out
}

// reorder sorts col by barycentre; ties keep their order.
func reorder(col []*vnode, cols [][]*vnode) {
	type keyed struct {
		v *vnode
		k float64
	}
	ks := make([]keyed, len(col))
	for i, v := range col {
		ks[i] = keyed{v, barycentre(v, cols)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Compare(a.k, b.k) })
	for i := range ks {
		col[i] = ks[i].v
		col[i].idx = i
	}
}

// barycentre is the mean relative place of v's neighbours in other
// columns, or v's own place when it has none.
func barycentre(v *vnode, cols [][]*vnode) float64 {
	rel := func(u *vnode) float64 { return (float64(u.idx) + 0.5) / float64(len(cols[u.col])) }
	sum, n := 0.0, 0
	for _, u := range v.adj {
		if u.col != v.col {
			sum += rel(u)
			n++
		}
	}
	if n == 0 {
		return rel(v)
	}
	return sum / float64(n)
}

// crossings counts the pairs of line segments between neighbouring
// columns that cross.
func crossings(chains [][]*vnode) int {
	type seg struct{ col, l, r int } // left column, place on the left, on the right
	var segs []seg
	for _, ch := range chains {
		for i := 1; i < len(ch); i++ {
			if a, b := ch[i-1], ch[i]; a.col != b.col {
				segs = append(segs, seg{a.col, a.idx, b.idx})
			}
		}
	}
	slices.SortFunc(segs, func(x, y seg) int { return x.col - y.col })
	n := 0
	for i := range segs {
		for j := i + 1; j < len(segs) && segs[j].col == segs[i].col; j++ {
			if (segs[i].l-segs[j].l)*(segs[i].r-segs[j].r) < 0 {
				n++
			}
		}
	}
	return n
}

// settle moves the nodes of a column towards the mean height of their
// neighbours in other columns, keeping their order, the gap between them
// and the top: an isotonic regression solved by pooling adjacent
// violators. Node i's centre may be no higher than off[i] below node 0's.
func settle(col []*vnode, top, gap float64) {
	if len(col) == 0 {
		return
	}
	off := make([]float64, len(col))
	for i := 1; i < len(col); i++ {
		off[i] = off[i-1] + col[i-1].shape.hh + gap + col[i].shape.hh
	}
	type block struct {
		sum float64
		n   int
	}
	mean := func(b block) float64 { return b.sum / float64(b.n) }
	var blocks []block
	for i, v := range col {
		blocks = append(blocks, block{wantY(v) - off[i], 1})
		for k := len(blocks) - 1; k > 0 && mean(blocks[k-1]) > mean(blocks[k]); k-- {
			blocks[k-1] = block{blocks[k-1].sum + blocks[k].sum, blocks[k-1].n + blocks[k].n}
			blocks = blocks[:k]
		}
	}
	lo, i := top+col[0].shape.hh, 0
	for _, b := range blocks {
		z := max(lo, mean(b))
		for range b.n {
			col[i].c.y = z + off[i]
			i++
		}
	}
}

// wantY is the mean height of v's neighbours in other columns, or v's own.
func wantY(v *vnode) float64 {
	sum, n := 0.0, 0
	for _, u := range v.adj {
		if u.col != v.col {
			sum += u.c.y
			n++
		}
	}
	if n == 0 {
		return v.c.y
	}
	return sum / float64(n)
}
