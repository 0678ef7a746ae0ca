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
	{"backlog", exampleBacklog, ""},
	{"item", "/backlogs/team-alpha/tbi-1031/", ""},
	{"release", "/releases/pump-ctrl-3-0-eu/", ""},
	{"roadmap", "/releases/", ""},
	{"search", "/search/?q=backlog", `document.querySelectorAll(` + strconv.Quote(searchResults) + `).length > 0`},
	{"level", "/levels/cluster/", ""},
	{"tag", "/tags/product-ownership/", ""},
	{"type index", "/roles/", ""},
	{"404", "/404.html", ""},
}
