package corpus

import (
	"math/rand/v2"
	"strings"
)

// corePage is a wiki page every corpus has: the framework's own
// structure, which backlogs name as owners and as what they are.
type corePage struct {
	typ, title, abbr, level string
	generic                 string // title of the generic page this one is a case of
	summary                 string // empty: a generated one
}

// coreAreas and coreCadences are all the areas and cadences there are.
var (
	coreAreas = []corePage{
		{typ: "area", title: "Product & Market", level: "organisation",
			summary: "The area of everyone who decides what is built, for which customers and in which order."},
		{typ: "area", title: "Systems & Architecture", level: "organisation",
			summary: "The area of everyone who decides how the systems are built and how they fit together."},
		{typ: "area", title: "People & Flow", level: "organisation",
			summary: "The area of everyone who looks after how people work together and how work flows."},
	}
	coreCadences = []corePage{
		{typ: "cadence", title: "Portfolio Cycle", level: "organisation",
			summary: "The half-year rhythm in which the portfolio is planned, funded and reviewed."},
		{typ: "cadence", title: "Cluster Cycle", level: "cluster",
			summary: "The quarter in which a cluster plans, builds and releases one system increment."},
		{typ: "cadence", title: "Team Iteration", level: "team",
			summary: "The two-week time box in which a team turns ready items into a tested result."},
		{typ: "cadence", title: "Inter-Cycle Week", level: "cluster",
			summary: "The week between two cluster cycles, kept free for planning, learning and repairs."},
	}
)

// coreGroups are created before the cadences, so that a cadence may be
// part of one of them.
var coreGroups = []corePage{
	{typ: "group", title: "Product Organisation", level: "organisation"},
	{typ: "group", title: "Value Cluster", level: "cluster"},
	{typ: "group", title: "Delivery Team", level: "team"},
	{typ: "group", title: "Portfolio Management Circle", abbr: "PMC", level: "organisation"},
	{typ: "group", title: "Cluster Management Circle", abbr: "CMC", level: "cluster"},
	{typ: "group", title: "Product Owner Circle", abbr: "POC", level: "cluster"},
}

// coreKinds lists the generic pages and, for each level, the
// level-specific pages that are cases of them.
var coreKinds = []struct {
	typ, title, abbr string
	generic          bool // a generic page exists with the bare title
}{
	{"role", "Product Owner", "PO", true},
	{"role", "Flow Coach", "FC", true},
	{"role", "Systems Engineer", "SE", true},
	{"event", "Planning", "", false},
	{"event", "Review", "", false},
	{"event", "Backlog Refinement", "", false},
	{"event", "Sync", "", false},
	{"event", "Retrospective", "", false},
	{"artifact", "Backlog", "", false},
	{"artifact", "Backlog Item", "", false},
	{"artifact", "Definition of Done", "DoD", true},
}

// genericArtifacts are generic artifacts that are no title plus level.
var genericArtifacts = []corePage{
	{typ: "artifact", title: "Product Backlog", abbr: "PB", level: "organisation"},
	{typ: "artifact", title: "Definition of Ready", abbr: "DoR", level: "organisation"},
}

// corePages lists the core pages in creation order: areas, groups,
// cadences, then roles, events and artifacts, each generic page before the
// level-specific ones that are cases of it.
func corePages() []corePage {
	out := append([]corePage{}, coreAreas...)
	out = append(out, coreGroups...)
	out = append(out, coreCadences...)
	for _, typ := range []string{"role", "event", "artifact"} {
		if typ == "artifact" {
			out = append(out, genericArtifacts...)
		}
		out = append(out, levelPages(typ)...)
	}
	return out
}

// levelPages are the generic and level-specific core pages of a type.
func levelPages(typ string) []corePage {
	var generic, specific []corePage
	for _, k := range coreKinds {
		if k.typ != typ {
			continue
		}
		if k.generic {
			generic = append(generic, corePage{typ: typ, title: k.title, abbr: k.abbr, level: "organisation"})
		}
		for _, lv := range levels {
			c := corePage{typ: typ, title: levelWord[lv] + " " + k.title, level: lv}
			if k.abbr != "" {
				c.abbr = levelWord[lv][:1] + k.abbr
			}
			if k.generic {
				c.generic = k.title
			}
			if typ == "artifact" && k.title == "Backlog" {
				c.generic = "Product Backlog"
			}
			specific = append(specific, c)
		}
	}
	return append(generic, specific...)
}

// addWiki adds the core pages, then generated ones, the four types taking
// turns, until each type has its share.
func (pl *plan) addWiki(r *rand.Rand) {
	left := map[string]int{}
	for t, n := range pl.shape.perType {
		left[t] = n
	}
	for _, c := range corePages() {
		i := pl.addCore(r, c)
		pl.core[c.title] = i
		if c.generic != "" {
			pl.generic[i] = pl.core[c.generic]
		}
		left[c.typ]--
	}
	for more := true; more; {
		more = false
		for _, t := range wikiTypes {
			if left[t] > 0 {
				pl.addGenerated(r, t)
				left[t]--
				more = true
			}
		}
	}
}

func (pl *plan) addCore(r *rand.Rand, c corePage) int {
	p := &page{typ: c.typ, id: slug(c.title), title: c.title, abbr: c.abbr, level: c.level,
		summary: c.summary, tags: tags(r, 3)}
	if p.summary == "" {
		p.summary = summary(r, c.typ, c.level)
	}
	pl.names.claim(p.title, p.id)
	return pl.add(p)
}

// levelShares is how generated wiki pages spread over the levels.
var levelShares = []float64{0.4, 0.35, 0.25}

func (pl *plan) addGenerated(r *rand.Rand, typ string) {
	lv := levels[len(levels)-1]
	for x, i := r.Float64(), 0; i < len(levels); i++ {
		if x -= levelShares[i]; x < 0 {
			lv = levels[i]
			break
		}
	}
	title, id := pl.names.unique(func() string { return wikiTitle(r, typ, lv) })
	p := &page{typ: typ, id: id, title: title, level: lv, summary: summary(r, typ, lv), tags: tags(r, 3)}
	if chance(r, 0.25) {
		p.abbr = initials(title)
	}
	pl.add(p)
}

// wikiTitle makes a title such as "Cluster Valve Guild" or "Team Pump
// Integration Owner".
func wikiTitle(r *rand.Rand, typ, level string) string {
	words := []string{levelWord[level], pick(r, domains)}
	if chance(r, 0.5) {
		words = append(words, pick(r, facets))
	}
	return strings.Join(append(words, pick(r, nouns[typ])), " ")
}
