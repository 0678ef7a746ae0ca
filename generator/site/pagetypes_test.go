package site

import "strconv"

// examplePage is one page of the example site that stands for its page
// type in the browser gates (axe, the phone layout test, Lighthouse).
type examplePage struct {
	name, path string
	// ready is a JavaScript condition that is true once the page shows
	// what is to be checked ("" for the loaded document).
	ready string
}

// examplePages has one page of every page type of the example site.
var examplePages = []examplePage{
	{"home", "/", ""},
	{"role", "/roles/cluster-product-owner/", ""},
	{"event", "/events/cluster-planning/", ""},
	{"artifact", "/artifacts/cluster-backlog/", ""},
	{"cadence", "/cadences/inter-cycle-week/", ""}, // a table in the body
	{"backlogs", "/backlogs/", ""},
	{"backlog", exampleBacklog, ""},
	{"portfolio", "/backlogs/portfolio/", ""},
	{"item", "/backlogs/team-alpha/tbi-1031/", ""},
	{"item with children", "/backlogs/portfolio/pbi-31/", ""},
	{"release", "/releases/pump-ctrl-3-0-eu/", ""},
	{"release in the making", "/releases/pump-ctrl-3-2-eu/", ""}, // its likelihood and burn-up
	{"item forecast", "/backlogs/team-alpha/tbi-1064/", ""},      // its likely days
	{"roadmap", "/releases/", ""},
	{"search", "/search/?q=backlog", `document.querySelectorAll(` + strconv.Quote(searchResults) + `).length > 0`},
	{"level", "/levels/cluster/", ""},
	{"level group", "/levels/cluster/groups/cluster-product-owner-group/", ""},
	{"tag", "/tags/product-ownership/", ""},
	{"type index", "/roles/", ""},
	{"glossary", "/glossary/", ""},
	{"404", "/404.html", ""},
}
