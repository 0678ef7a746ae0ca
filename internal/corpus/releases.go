package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// release is a release page's own fields.
type release struct {
	system     system
	variant    string
	version    string
	cycle      int
	start, end time.Time
	status     string
	releasedOn time.Time // zero unless released
	scope      []int     // the items naming it, in plan order
}

// Release cycles are 13 weeks long and start on a Monday; a release ends
// on the Friday of the cycle's last week.
var firstCycle = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

const (
	cycleDays   = 7 * 13
	releaseDays = cycleDays - 3
)

// addReleases adds one release per system and variant per cycle, cycle by
// cycle, until there are as many as the shape says. The cycle in the
// middle is in progress: those before it are released, those after it
// planned, one in ten of them cancelled.
func (pl *plan) addReleases(r *rand.Rand) {
	perCycle := pl.shape.systems * len(variants)
	pl.cycles = (pl.shape.releases + perCycle - 1) / perCycle
	for k := range pl.shape.releases {
		rel := &release{
			system:  systems[k%perCycle/len(variants)],
			variant: variants[k%len(variants)],
			cycle:   k / perCycle,
		}
		rel.version = rel.versionAt()
		rel.start = firstCycle.AddDate(0, 0, rel.cycle*cycleDays)
		rel.end = rel.start.AddDate(0, 0, releaseDays)
		pl.schedule(r, rel)
		pl.addRelease(rel)
	}
}

// versionAt numbers a system's releases 2.0, 2.1, 2.2, 2.3, 3.0, …
func (rel *release) versionAt() string {
	return fmt.Sprintf("%d.%d", rel.system.major+rel.cycle/4, rel.cycle%4)
}

// schedule sets a release's status from its cycle.
func (pl *plan) schedule(r *rand.Rand, rel *release) {
	current := pl.cycles / 2
	switch {
	case rel.cycle < current:
		rel.status = "released"
		rel.releasedOn = rel.end.AddDate(0, 0, -r.IntN(10))
	case rel.cycle == current:
		rel.status = "in-progress"
	case chance(r, 0.1):
		rel.status = "cancelled"
	default:
		rel.status = "planned"
	}
}

// statusVerbs say in a summary what became of a release.
var statusVerbs = map[string]string{"released": "shipped", "in-progress": "being built",
	"planned": "planned", "cancelled": "once planned"}

func (pl *plan) addRelease(rel *release) {
	title := fmt.Sprintf("%s %s (%s)", rel.system.name, rel.version, rel.variant)
	id := slug(fmt.Sprintf("%s %s %s", rel.system.short, rel.version, rel.variant))
	pl.names.claim(title, id)
	sum := fmt.Sprintf("The %s variant of the %s, version %s, %s in the cycle that starts on %s.",
		rel.variant, strings.ToLower(rel.system.name), rel.version, statusVerbs[rel.status],
		rel.start.Format("2 January 2006"))
	pl.add(&page{typ: "release", id: id, title: title, summary: sum, release: rel})
}

// releasesIn returns the releases of a cycle.
func (pl *plan) releasesIn(cycle int) []int {
	all := pl.byType["release"]
	per := pl.shape.systems * len(variants)
	return all[cycle*per : min((cycle+1)*per, len(all))]
}
