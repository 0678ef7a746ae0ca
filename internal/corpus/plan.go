package corpus

import (
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
)

// plan is a whole corpus decided before anything is written: every page
// with its front matter. Bodies are made while writing, each from its
// page's own random stream and the finished plan, which no one changes
// after newPlan.
type plan struct {
	seed  uint64
	shape shape
	pages []*page
	// byType and byLevel hold page indexes in creation order, so that
	// a prefix of either is the pages created before a given one.
	byType  map[string][]int
	byLevel map[string][]int // keyed by "type/level"
	core    map[string]int   // core wiki pages by title
	generic map[int]int      // core page → the generic page it is a case of
	names   names
	keys    map[string]int // the last number of each item-key prefix
	cycles  int            // release cycles
}

// page is one Markdown file to write.
type page struct {
	typ     string // role, group, event, artifact, cadence, area, release, backlog, item
	id      string
	title   string
	abbr    string
	level   string
	summary string
	tags    []string
	rels    []relation
	release *release
	backlog *backlog
	item    *item
}

// relation is a relation a page declares, with its targets in order.
type relation struct {
	name    string
	targets []target
}

// target is a page a reference names, by id (or item key) or by title.
type target struct {
	page    int
	byTitle bool
}

// sections maps a type to its folder under content/.
var sections = map[string]string{
	"role": "roles", "group": "groups", "event": "events", "artifact": "artifacts",
	"cadence": "cadences", "area": "areas", "release": "releases", "backlog": "backlogs",
}

// newPlan decides the whole corpus. Releases and backlogs come first, as
// their names are fixed and must not be taken by a generated title; the
// wiki next; then the backlogs' owners and items, which refer to both.
func newPlan(opts Options) (*plan, error) {
	r := newStream(opts.Seed, planStream)
	sh, err := newShape(opts.Pages, r)
	if err != nil {
		return nil, err
	}
	pl := &plan{seed: opts.Seed, shape: sh, byType: map[string][]int{}, byLevel: map[string][]int{},
		core: map[string]int{}, generic: map[int]int{}, names: names{}, keys: map[string]int{}}
	pl.reserve()
	pl.addReleases(r)
	pl.addBacklogs()
	pl.addWiki(r)
	pl.relateWiki(r)
	pl.staffBacklogs(r)
	pl.addItems(r)
	if got := len(pl.pages); got != opts.Pages {
		return nil, fmt.Errorf("planned %d pages, want %d", got, opts.Pages)
	}
	return pl, nil
}

// reserve takes the names no page may have: the folders, which Hugo
// resolves references to as well, the levels and the tags.
func (pl *plan) reserve() {
	for _, s := range sections {
		pl.names.claim(s, s)
	}
	pl.names.claim("tags", "tags")
	for _, w := range slices.Concat(levels, tagWords) {
		pl.names.claim(w, w)
	}
}

// add appends a page and indexes it.
func (pl *plan) add(p *page) int {
	i := len(pl.pages)
	pl.pages = append(pl.pages, p)
	pl.byType[p.typ] = append(pl.byType[p.typ], i)
	if p.level != "" {
		k := p.typ + "/" + p.level
		pl.byLevel[k] = append(pl.byLevel[k], i)
	}
	return i
}

// path is page i's file, a slash path under content/.
func (pl *plan) path(i int) string {
	p := pl.pages[i]
	switch p.typ {
	case "item":
		return path.Join("backlogs", pl.pages[p.item.backlog].id, p.id+".md")
	case "backlog":
		return path.Join("backlogs", p.id, "_index.md")
	}
	return path.Join(sections[p.typ], p.id+".md")
}

// ref is how a reference names page i: an item by its key, any other
// page by its id.
func (pl *plan) ref(i int) string {
	if it := pl.pages[i].item; it != nil {
		return it.key
	}
	return pl.pages[i].id
}

// name is how a reference writes t.
func (pl *plan) name(t target) string {
	if t.byTitle {
		return pl.pages[t.page].title
	}
	return pl.ref(t.page)
}

// names of many targets.
func (pl *plan) refNames(ts []target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = pl.name(t)
	}
	return out
}

// byTitle decides whether a relation target is named by its title, which
// about one in ten is.
func byTitle(r *rand.Rand) bool { return chance(r, 0.1) }

// tags returns one to max tags.
func tags(r *rand.Rand, most int) []string { return sample(r, tagWords, between(r, 1, most)) }

// counted is a name with a number from the second round on: "Alpha",
// then "Alpha 2".
func counted(list []string, k int) string {
	name := list[k%len(list)]
	if round := k / len(list); round > 0 {
		name += fmt.Sprint(" ", round+1)
	}
	return name
}
