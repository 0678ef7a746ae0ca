package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// item is a backlog item's own fields.
type item struct {
	key             string
	backlog         int
	kind            string
	status          string
	value, estimate int
	parent          int // -1: none
	release         int // -1: none
	source          string
	acceptance      []string
	rank            int // position in the backlog's order from 1; 0: unranked
}

// Shares of items: with a parent (cluster and team items only), with a
// target release, and ranked.
const (
	parentShare  = 0.7
	releaseShare = 0.7
	rankedShare  = 0.9
)

// addItems fills the backlogs, the portfolio first, so that every parent
// exists before the items refined from it.
func (pl *plan) addItems(r *rand.Rand) {
	for _, b := range pl.byType["backlog"] {
		for range pl.pages[b].backlog.size {
			pl.addItem(r, b)
		}
		pl.rank(r, b)
		for _, i := range pl.pages[b].backlog.items {
			pl.progress(r, i)
		}
	}
}

// addItem adds an item with its key, title and estimates; its rank and
// what depends on it come later.
func (pl *plan) addItem(r *rand.Rand, b int) {
	bp := pl.pages[b]
	prefix := keyPrefix[bp.level]
	pl.keys[prefix]++
	key := fmt.Sprintf("%s-%d", prefix, pl.keys[prefix])
	it := &item{key: key, backlog: b, kind: itemKind(r), parent: -1, release: -1,
		value: pick(r, values), estimate: pick(r, estimates[bp.level]), source: pick(r, sources)}
	title, _ := pl.names.unique(func() string { return itemTitle(r, it.kind) })
	pl.names.claim(key, key)
	if up := bp.backlog.parent; up >= 0 && chance(r, parentShare) {
		it.parent = pick(r, pl.pages[up].backlog.items)
	}
	p := &page{typ: "item", id: strings.ToLower(key), title: title, tags: tags(r, 2), item: it}
	if chance(r, 0.1) {
		p.rels = []relation{{"constrained_by", []target{{pick(r, pl.byType["artifact"]), byTitle(r)}}}}
	}
	bp.backlog.items = append(bp.backlog.items, pl.add(p))
}

// rank orders nine in ten of a backlog's items; the rest stay unranked on
// purpose, as new items do until the next refinement.
func (pl *plan) rank(r *rand.Rand, b int) {
	bl := pl.pages[b].backlog
	perm := r.Perm(len(bl.items))
	bl.order = make([]int, round(rankedShare*float64(len(bl.items))))
	for pos := range bl.order {
		i := bl.items[perm[pos]]
		bl.order[pos] = i
		pl.pages[i].item.rank = pos + 1
	}
}

// progress sets what follows from an item's rank: its target release (an
// earlier cycle nearer the top), its status (more advanced nearer the
// top) and its acceptance criteria (always once it is ready).
func (pl *plan) progress(r *rand.Rand, i int) {
	it := pl.pages[i].item
	depth := 1.0 // how far down the ranking, 0 at the top
	if it.rank > 0 {
		depth = float64(it.rank-1) / float64(len(pl.pages[it.backlog].backlog.order))
	}
	released := false
	if chance(r, releaseShare) {
		cycle := min(pl.cycles-1, int(depth*float64(pl.cycles))+r.IntN(2))
		it.release = pick(r, pl.releasesIn(cycle))
		pl.pages[it.release].release.scope = append(pl.pages[it.release].release.scope, i)
		released = pl.pages[it.release].release.status == "released"
	}
	it.status = status(r, depth, released)
	if refined(it.status) || chance(r, 0.7) {
		it.acceptance = acceptance(r, between(r, 1, 4))
	}
}

// status picks an item's status from its depth in the ranking.
func status(r *rand.Rand, depth float64, released bool) string {
	if chance(r, 0.03) {
		return "dropped"
	}
	depth += (r.Float64() - 0.5) * 0.1
	switch {
	case depth < 0.08 && released:
		return "released"
	case depth < 0.08:
		return "done"
	case depth < 0.18:
		return "in-progress"
	case depth < 0.35:
		return "ready"
	case depth < 0.65:
		return "refining"
	}
	return "idea"
}

// refined reports whether a status needs acceptance criteria.
func refined(status string) bool {
	switch status {
	case "ready", "in-progress", "done", "released":
		return true
	}
	return false
}

// itemKind picks a kind by its share.
func itemKind(r *rand.Rand) string {
	x := r.IntN(100)
	for _, k := range kindWeights {
		if x -= k.weight; x < 0 {
			return k.kind
		}
	}
	return kindWeights[0].kind
}

// itemTitle makes a title such as "Export valve error logs as CSV".
func itemTitle(r *rand.Rand, kind string) string {
	thing := strings.ToLower(pick(r, domains)) + " " + pick(r, objects)
	switch kind {
	case "bug":
		return "Fix " + thing + " " + pick(r, bugTails)
	case "change":
		return pick(r, changeVerbs) + " " + thing + " " + pick(r, qualifiers)
	case "improvement":
		return pick(r, improvementVerbs) + " " + thing + " " + pick(r, qualifiers)
	case "knowledge-gap":
		return pick(r, gapVerbs) + " " + thing + " " + pick(r, qualifiers)
	}
	return pick(r, featureVerbs) + " " + thing + " " + pick(r, qualifiers)
}
