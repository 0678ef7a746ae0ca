package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Backlog sizes: every backlog holds minBacklog to maxBacklog items.
const (
	minBacklog = 50
	maxBacklog = 500
)

// Target sizes, which decide how many cluster and team backlogs there are.
const (
	clusterTarget = 250
	teamTarget    = 150
)

// shape is how many pages of each kind a corpus has.
type shape struct {
	areas, cadences int
	perType         map[string]int // roles, groups, events, artifacts, core pages included
	releases        int
	systems         int
	portfolio       int   // items in the portfolio backlog
	clusters        []int // items in each cluster backlog
	teams           []int // items in each team backlog
}

// wikiTypes are the types that share the generated wiki pages equally.
var wikiTypes = []string{"role", "group", "event", "artifact"}

// newShape divides n pages: about 30% wiki pages, 1% releases, and the rest
// backlogs and their items, 5% of them in the portfolio backlog, 35% in
// cluster backlogs and 60% in team backlogs.
func newShape(n int, r *rand.Rand) (shape, error) {
	s := shape{areas: 3, cadences: 4, perType: map[string]int{}, systems: 2}
	if n >= 5000 {
		s.systems = 3
	}
	s.releases = max(3, round(float64(n)/100))
	wiki := round(0.3 * float64(n))
	s.splitWiki(wiki - s.areas - s.cadences)
	s.splitItems(n-wiki-s.releases, r)
	return s, s.check(n)
}

func (s *shape) splitWiki(n int) {
	for i, t := range wikiTypes {
		s.perType[t] = n / len(wikiTypes)
		if i < n%len(wikiTypes) {
			s.perType[t]++
		}
	}
}

// splitItems divides m pages into backlogs and their items.
func (s *shape) splitItems(m int, r *rand.Rand) {
	c := max(1, round(0.35*float64(m)/clusterTarget))
	t := max(1, round(0.60*float64(m)/teamTarget))
	items := m - 1 - c - t
	s.portfolio = min(max(round(0.05*float64(items)), minBacklog), maxBacklog)
	rest := items - s.portfolio
	cluster := round(float64(rest) * 35 / 95)
	s.clusters = split(cluster, c, r)
	s.teams = split(rest-cluster, t, r)
}

// split divides total into k parts of roughly equal size (±15%).
func split(total, k int, r *rand.Rand) []int {
	weights := make([]float64, k)
	sum := 0.0
	for i := range weights {
		weights[i] = 0.85 + 0.3*r.Float64()
		sum += weights[i]
	}
	parts := make([]int, k)
	left := total
	for i, w := range weights {
		parts[i] = int(float64(total) * w / sum)
		left -= parts[i]
	}
	for i := 0; left > 0; i = (i + 1) % k {
		parts[i]++
		left--
	}
	return parts
}

// check makes sure every backlog is within its size limits and that the
// pages add up.
func (s shape) check(n int) error {
	for _, k := range s.sizes() {
		if k < minBacklog || k > maxBacklog {
			return fmt.Errorf("%d pages make a backlog of %d items, outside %d–%d", n, k, minBacklog, maxBacklog)
		}
	}
	if got := s.total(); got != n {
		return fmt.Errorf("planned %d pages, want %d", got, n)
	}
	return nil
}

// backlogs is the number of backlogs.
func (s shape) backlogs() int { return 1 + len(s.clusters) + len(s.teams) }

// items is the number of backlog items.
func (s shape) items() int {
	n := 0
	for _, k := range s.sizes() {
		n += k
	}
	return n
}

// sizes lists the backlog sizes: the portfolio's, the clusters', the teams'.
func (s shape) sizes() []int { return slices.Concat([]int{s.portfolio}, s.clusters, s.teams) }

// wiki is the number of wiki pages.
func (s shape) wiki() int {
	n := s.areas + s.cadences
	for _, k := range s.perType {
		n += k
	}
	return n
}

// total is the number of pages.
func (s shape) total() int { return s.wiki() + s.releases + s.backlogs() + s.items() }

func round(x float64) int { return int(math.Round(x)) }
