package corpus

import (
	"math/rand/v2"
	"slices"
)

// rule is a relation a page may declare and the types it may point to,
// as in the built-in vocabulary (content model §3).
type rule struct {
	name    string
	to      []string
	acyclic bool
}

var (
	partOf   = rule{"part_of", []string{"group", "event", "cadence"}, true}
	memberOf = rule{"member_of", []string{"group", "cadence"}, true}
	// toArtifact and toEvent are the relations of roles and groups.
	toArtifact = []rule{{"responsible_for", []string{"artifact"}, false}, {"approves", []string{"artifact"}, false},
		{"accepts", []string{"artifact"}, false}, {"creates", []string{"artifact"}, false}}
	toEvent = []rule{{"organizes", []string{"event"}, false}, {"attends", []string{"event"}, false},
		{"optionally_attends", []string{"event"}, false}}
	inArea = rule{"in_area", []string{"area"}, false}
)

// rules lists what each wiki type may declare besides is_a. Areas declare
// nothing: the only relation open to them, is_a, would mean nothing.
var rules = map[string][]rule{
	"role": slices.Concat([]rule{partOf, memberOf, {"moderates", []string{"group"}, false}, inArea},
		toArtifact, toEvent),
	"group": slices.Concat([]rule{partOf, memberOf, {"works_in", []string{"cadence"}, false}, inArea},
		toArtifact, toEvent),
	"event": {partOf},
	"artifact": {{"adapted_in", []string{"event"}, false}, {"inspected_in", []string{"event"}, false},
		{"created_in", []string{"event"}, false}, {"constrained_by", []string{"artifact"}, false}},
	"cadence": {partOf, memberOf},
}

// relationOrder is the vocabulary's order, which front matter follows.
var relationOrder = []string{"is_a", "part_of", "member_of", "moderates", "responsible_for", "approves",
	"accepts", "organizes", "attends", "optionally_attends", "creates", "works_in", "adapted_in",
	"inspected_in", "created_in", "constrained_by", "in_area"}

// isA is the is_a rule of a type: acyclic, to the same type.
func isA(typ string) rule { return rule{"is_a", []string{typ}, true} }

// relateWiki gives every wiki page but the areas its relations.
func (pl *plan) relateWiki(r *rand.Rand) {
	for _, typ := range []string{"cadence", "role", "group", "event", "artifact"} {
		for _, i := range pl.byType[typ] {
			pl.relate(r, i)
		}
	}
}

// relate gives page i two to eight relation targets: is_a for a core page
// that is a case of a generic one (and for some generated pages), then
// targets of one to four other relations. Acyclic relations point only to
// pages created before page i, so that they can form no cycle.
func (pl *plan) relate(r *rand.Rand, i int) {
	p := pl.pages[i]
	set := relSet{taken: map[int]bool{i: true}, targets: map[string][]target{}}
	if g, ok := pl.generic[i]; ok {
		set.add("is_a", target{g, byTitle(r)})
	} else if chance(r, 0.4) {
		pl.tryAdd(r, &set, isA(p.typ), i)
	}
	want := between(r, 2, 8)
	options := sample(r, rules[p.typ], between(r, 1, 4))
	for tries := 0; set.n < want && tries < 3*want; tries++ {
		pl.tryAdd(r, &set, pick(r, options), i)
	}
	for _, ru := range rules[p.typ] {
		if set.n >= 2 {
			break
		}
		pl.tryAdd(r, &set, ru, i)
	}
	p.rels = set.ordered()
}

// tryAdd adds a target of rule ru to set, if there is one.
func (pl *plan) tryAdd(r *rand.Rand, set *relSet, ru rule, from int) {
	if t := pl.pickTarget(r, ru, from); t >= 0 {
		set.add(ru.name, target{t, byTitle(r)})
	}
}

// pickTarget returns a page rule ru may point to from page from, of the
// same level more often than not, or -1 if there is none.
func (pl *plan) pickTarget(r *rand.Rand, ru rule, from int) int {
	level := pl.pages[from].level
	for _, k := range r.Perm(len(ru.to)) {
		typ := ru.to[k]
		pools := [][]int{pl.byType[typ]}
		if chance(r, 0.6) {
			pools = [][]int{pl.byLevel[typ+"/"+level], pl.byType[typ]}
		}
		for _, pool := range pools {
			if ru.acyclic {
				n, _ := slices.BinarySearch(pool, from)
				pool = pool[:n]
			}
			if len(pool) > 0 {
				return pick(r, pool)
			}
		}
	}
	return -1
}

// relSet collects a page's relations, each target once.
type relSet struct {
	taken   map[int]bool
	targets map[string][]target
	n       int
}

func (s *relSet) add(name string, t target) {
	if s.taken[t.page] {
		return
	}
	s.taken[t.page] = true
	s.targets[name] = append(s.targets[name], t)
	s.n++
}

// ordered returns the relations in vocabulary order.
func (s *relSet) ordered() []relation {
	var out []relation
	for _, name := range relationOrder {
		if ts := s.targets[name]; len(ts) > 0 {
			out = append(out, relation{name, ts})
		}
	}
	return out
}
