package corpus

import "math/rand/v2"

// backlog is a backlog page's own fields.
type backlog struct {
	name     string // "Pumps", "Alpha"; "" for the portfolio
	size     int    // items to add
	parent   int    // the backlog one level up; -1 for the portfolio
	owner    target
	isA      target
	team     int // the group that works on a team backlog's items; -1 for others
	velocity int
	weeks    int
	items    []int // in key order
	order    []int // the ranked items, most important first
}

// keyPrefix is the item-key prefix of each level's backlogs.
var keyPrefix = map[string]string{"organisation": "PBI", "cluster": "CBI", "team": "TBI"}

// addBacklogs adds the portfolio backlog, the cluster backlogs and the
// team backlogs, each team backlog under a cluster in turn. Owners and
// items come later, once the wiki exists.
func (pl *plan) addBacklogs() {
	sh := pl.shape
	portfolio := pl.addBacklog("portfolio", "Portfolio investment backlog", "organisation",
		"The organisation's ranked investments, open to every stakeholder.",
		&backlog{size: sh.portfolio, parent: -1})
	var clusters []int
	for k, size := range sh.clusters {
		name := counted(clusterNames, k)
		clusters = append(clusters, pl.addBacklog("cluster "+name, "Cluster "+name+" backlog", "cluster",
			"The ranked backlog of the "+name+" cluster, refined from the portfolio backlog.",
			&backlog{name: name, size: size, parent: portfolio}))
	}
	for k, size := range sh.teams {
		name := counted(teamNames, k)
		pl.addBacklog("team "+name, "Team "+name+" backlog", "team",
			"The ranked backlog of team "+name+", refined from its cluster's backlog.",
			&backlog{name: name, size: size, parent: clusters[k%len(clusters)]})
	}
}

func (pl *plan) addBacklog(name, title, level, sum string, b *backlog) int {
	id := slug(name)
	pl.names.claim(title, id)
	return pl.add(&page{typ: "backlog", id: id, title: title, level: level, summary: sum, backlog: b})
}

// staffBacklogs gives every backlog its owner, mostly the product owner of
// its level, names the level's backlog artifact as what it is, and gives
// each team backlog the team-level group that works on it.
func (pl *plan) staffBacklogs(r *rand.Rand) {
	for _, i := range pl.byType["backlog"] {
		p, b := pl.pages[i], pl.pages[i].backlog
		word := levelWord[p.level]
		owner := pl.core[word+" Product Owner"]
		if chance(r, 0.3) {
			owner = pick(r, pl.byLevel["role/"+p.level])
		}
		b.owner = target{page: owner}
		b.isA = target{pl.core[word+" Backlog"], byTitle(r)}
		b.velocity, b.weeks = pace(r, p.level)
		b.team = -1
		if p.level == "team" {
			b.team = pick(r, pl.byLevel["group/team"])
		}
		p.tags = tags(r, 2)
	}
}

// pace returns a velocity and an iteration length for a level.
func pace(r *rand.Rand, level string) (velocity, weeks int) {
	switch level {
	case "team":
		return between(r, 15, 45), 2
	case "cluster":
		return between(r, 40, 120), 2
	}
	return between(r, 60, 160), 4
}

// children returns the backlogs one level below backlog i.
func (pl *plan) children(i int) []int {
	var out []int
	for _, j := range pl.byType["backlog"] {
		if pl.pages[j].backlog.parent == i {
			out = append(out, j)
		}
	}
	return out
}
