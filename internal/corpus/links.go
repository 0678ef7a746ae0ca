package corpus

import (
	"math/rand/v2"
	"path"
	"strings"
)

// links returns three to ten links for page i's body, to distinct pages
// near it in the model, written in every form Backlight resolves.
func (pl *plan) links(r *rand.Rand, i int) []string {
	n := between(r, 3, 10)
	var out []string
	seen := map[int]bool{i: true}
	for _, t := range pl.neighbours(r, i) {
		if len(out) < n && !seen[t] {
			seen[t] = true
			out = append(out, pl.link(r, i, t))
		}
	}
	for len(out) < n {
		if t := pick(r, pl.byType[pick(r, wikiTypes)]); !seen[t] {
			seen[t] = true
			out = append(out, pl.link(r, i, t))
		}
	}
	return out
}

// neighbours are the pages page i most likely links to, in random order.
func (pl *plan) neighbours(r *rand.Rand, i int) []int {
	p := pl.pages[i]
	var out []int
	switch p.typ {
	case "item":
		out = pl.itemNeighbours(r, p.item)
	case "backlog":
		out = pl.backlogNeighbours(p.backlog, i)
	case "release":
		out = append(out, p.release.scope[:min(4, len(p.release.scope))]...)
	}
	for _, rel := range p.rels {
		for _, t := range rel.targets {
			out = append(out, t.page)
		}
	}
	if chance(r, 0.2) {
		out = append(out, pick(r, pl.byType["release"]))
	}
	r.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
	return out
}

func (pl *plan) itemNeighbours(r *rand.Rand, it *item) []int {
	b := pl.pages[it.backlog].backlog
	out := []int{it.backlog, b.owner.page, b.isA.page, pick(r, b.items), pick(r, b.items)}
	if it.parent >= 0 {
		out = append(out, it.parent)
	}
	if it.release >= 0 {
		out = append(out, it.release)
	}
	if chance(r, 0.3) {
		out = append(out, pick(r, pl.byType["item"]))
	}
	return out
}

func (pl *plan) backlogNeighbours(b *backlog, i int) []int {
	out := []int{b.owner.page, b.isA.page}
	if b.parent >= 0 {
		out = append(out, b.parent)
	}
	out = append(out, pl.children(i)...)
	return append(out, b.order[:3]...)
}

// link writes a link from page from to page to: [[ref]], [[ref|text]],
// [[Exact Title]] or a relative path to the target's file. Backlogs are
// never linked by path, as their file, _index.md, is no page name Hugo
// can look up.
func (pl *plan) link(r *rand.Rand, from, to int) string {
	t := pl.pages[to]
	switch x := r.IntN(20); {
	case x < 7:
		return "[[" + pl.ref(to) + "]]"
	case x < 11:
		return "[[" + pl.ref(to) + "|" + linkText(r, t) + "]]"
	case x < 14 || t.typ == "backlog":
		return "[[" + t.title + "]]"
	}
	return "[" + t.title + "](" + relPath(path.Dir(pl.path(from)), pl.path(to)) + ")"
}

// linkText is a link's shown text: its target's abbreviation or its title
// in lower case.
func linkText(r *rand.Rand, t *page) string {
	if t.abbr != "" && chance(r, 0.5) {
		return t.abbr
	}
	return strings.ToLower(t.title)
}

// relPath is the relative path from folder dir to file, both slash paths
// under content/: "../../roles/coach.md".
func relPath(dir, file string) string {
	from := strings.Split(dir, "/")
	to := strings.Split(file, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
