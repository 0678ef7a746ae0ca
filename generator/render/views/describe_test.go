package views

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
)

func TestFirstSentences(t *testing.T) {
	long := "Words " + strings.Repeat("word ", 40) + "end."
	for _, c := range []struct{ in, want string }{
		{"The product owner of a cluster, accountable for the cluster backlog and its order. Second sentence here.",
			"The product owner of a cluster, accountable for the cluster backlog and its order."},
		{"Short one. And a second one, which fits. Third.", "Short one. And a second one, which fits. Third."},
		{"Pumps Inc. process wiki pages explain roles to everyone who reads them here. More.", "Pumps Inc. process wiki pages explain roles to everyone who reads them here."},
		{"Version 2.5 ships soon, with signed firmware for every controller and its modem. 2026 is next.", "Version 2.5 ships soon, with signed firmware for every controller and its modem."},
		{"Is it \"ready?\" Then it is pulled into the next iteration by the team.", "Is it \"ready?\" Then it is pulled into the next iteration by the team."},
		{"Short.  " + long, "Short."},
		{"no end mark at all", "no end mark at all"},
		{"", ""},
	} {
		if got := firstSentences(c.in); got != c.want {
			t.Errorf("firstSentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestClipCutsAtAWordWithAnEllipsis(t *testing.T) {
	short := "A sentence that fits."
	if got := clip(short); got != short {
		t.Errorf("clip(%q) = %q", short, got)
	}
	long := strings.Repeat("Überschrift, ", 20)
	got := clip(long)
	if n := utf8.RuneCountInString(got); n > maxDescription {
		t.Errorf("clip gave %d characters: %q", n, got)
	}
	if !strings.HasSuffix(got, "Überschrift…") {
		t.Errorf("clip did not end at a word with an ellipsis: %q", got)
	}
}

func testSite() *Site {
	return &Site{site: &SiteInfo{Title: "Pumps wiki", Types: []TypeInfo{
		{Name: "role", Label: "Role", Plural: "Roles"}, {Name: "event", Label: "Event", Plural: "Events"},
		{Name: "item", Label: "Backlog item", Plural: "Backlog items"}}}}
}

func TestDescribeEveryKind(t *testing.T) {
	s := testSite()
	entries := func(n int) []Entry { return make([]Entry, n) }
	item := &generator.Page{Item: &generator.Item{Key: "CBI-214", Kind: "feature", Status: "ready",
		Value: generator.Number{Value: 8, Set: true}, Estimate: generator.Number{Value: 5, Set: true}}}
	for _, c := range []struct {
		name string
		v    *View
		want string
	}{
		{"summary first", &View{Kind: "page", Page: &PageView{Title: "CPO", Summary: "Owns  the\nbacklog.", lead: "Body text."}}, "Owns the backlog."},
		{"then the body", &View{Kind: "page", Page: &PageView{Title: "CPO", lead: "Owns the cluster backlog and decides what the cluster builds next. Then more."}},
			"Owns the cluster backlog and decides what the cluster builds next."},
		{"then the type and level", &View{Kind: "page", Page: &PageView{Title: "Cluster Product Owner", TypeLabel: "Role", Level: &Link{Title: "Cluster"}}},
			"Cluster Product Owner: a role of the cluster level of Pumps wiki."},
		{"an item", &View{Kind: "page", Page: &PageView{Title: "Upload logs", src: item,
			Item: &ItemView{Rank: 4, backlog: "Cluster Pumps backlog", Release: &Link{Title: "Pump controller 3.1 (EU)"}}}},
			"Feature CBI-214 of the Cluster Pumps backlog, rank 4: ready, value 8, estimate 5 points, for the release Pump controller 3.1 (EU)."},
		{"a release", &View{Kind: "page", Page: &PageView{Title: "Pump controller 3.0 (EU)",
			Release: &ReleaseView{sentence: "Released on 3 July 2026: no items were tracked."}}},
			"Pump controller 3.0 (EU), released on 3 July 2026: no items were tracked."},
		{"a backlog", &View{Kind: "page", Page: &PageView{Title: "Team Alpha backlog", Backlog: &BacklogView{Rows: make([]BacklogRow, 3), HealthPct: 67}}},
			"Team Alpha backlog: 3 items in rank order, 67 % of the refinement horizon ready."},
		{"a list's introduction", &View{Kind: "list", URL: "/roles/", Title: "Roles", lead: "Who does what. Read on."}, "Who does what. Read on."},
		{"a type list", &View{Kind: "list", URL: "/roles/", Title: "Roles", typ: "role", Groups: []Group{{Entries: entries(2)}, {Entries: entries(3)}}},
			"All 5 roles of Pumps wiki, by level."},
		{"a type list of one", &View{Kind: "list", URL: "/events/", Title: "Events", typ: "event", Groups: []Group{{Entries: entries(1)}}},
			"The one event of Pumps wiki."},
		{"a tag", &View{Kind: "list", URL: "/tags/alarms/", Title: "#alarms", Groups: []Group{{ID: "role", Entries: entries(1)}, {ID: "item", Entries: entries(4)}}},
			"Pages tagged #alarms on Pumps wiki: 1 role and 4 backlog items."},
		{"a level", &View{Kind: "list", URL: "/levels/team/", level: "team", Matrices: make([]Matrix, 1),
			Groups: []Group{{ID: "role", Entries: entries(2)}, {ID: "event", Entries: entries(1)}, {ID: "item", Entries: entries(3)}}},
			"The team level of Pumps wiki: 2 roles, 1 event and 3 backlog items, and who is responsible for what."},
		{"a large level, its lists cut short", &View{Kind: "list", URL: "/levels/team/", level: "team", MatrixParts: &MatrixParts{},
			Groups: []Group{{ID: "role", Entries: entries(2), Hidden: 40}}},
			"The team level of Pumps wiki: 42 roles, and who is responsible for what."},
		{"a level's group page", &View{Kind: "list", URL: "/levels/team/groups/crew/", level: "team",
			part: &matrixPart{title: "Crew", group: &generator.Page{}}},
			"What Crew and its members organize, attend and are responsible for at the team level of Pumps wiki."},
		{"a level's roles in no group", &View{Kind: "list", URL: "/levels/team/other/1/", level: "team", part: &matrixPart{title: "Roles in no group"}},
			"What the roles in no group organize, attend and are responsible for at the team level of Pumps wiki."},
		{"a page of a long list", &View{Kind: "list", URL: "/roles/page/2/", typ: "role", Pager: &Pager{List: "Roles", Number: 2, Total: 3}, Groups: []Group{{Entries: entries(2)}}},
			"Roles of Pumps wiki, page 2 of 3."},
		{"the 404 page", &View{Kind: "404"}, "There is no page at this address on Pumps wiki; the start page and its sections lead on."},
		{"the home page", &View{Kind: "home"}, "The roles, groups, events, artifacts, backlogs and releases of Pumps wiki."},
	} {
		if got := s.describe(c.v); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestAbsURLOnlyWithAnAbsoluteBase(t *testing.T) {
	for _, c := range []struct{ base, want string }{
		{"https://wiki.example.org/", "https://wiki.example.org/roles/"},
		{"/", ""},
		{"/wiki/", ""},
	} {
		s := &Site{site: &SiteInfo{BaseURL: c.base}}
		if got := s.view("list", "/roles/", "Roles").absURL(); got != c.want {
			t.Errorf("base %q: AbsURL %q, want %q", c.base, got, c.want)
		}
	}
}
