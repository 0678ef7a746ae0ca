package graph

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestBuildReportsEveryRelationProblemAtItsTarget(t *testing.T) {
	tests := []struct {
		name  string
		pages []*generator.Page
		want  []string
	}{
		{"unknown relation suggests the closest", []*generator.Page{
			newPage("role", "cpo", "CPO", "moderate: Circle"),
			newPage("group", "circle", "Circle"),
		}, []string{`content/roles/cpo.md:3:3: unknown relation "moderate" (did you mean "moderates"?)`}},
		{"unknown relation with nothing close", []*generator.Page{
			newPage("role", "cpo", "CPO", "befriends: Circle"),
			newPage("group", "circle", "Circle"),
		}, []string{`content/roles/cpo.md:3:3: unknown relation "befriends"`}},
		{"relation from a type it does not start at", []*generator.Page{
			newPage("group", "circle", "Circle", "moderates: Other"),
			newPage("group", "other", "Other"),
		}, []string{`content/groups/circle.md:3:3: relation "moderates" cannot start at a group page (only at role pages)`}},
		{"relation from an artifact", []*generator.Page{
			newPage("artifact", "plan", "Plan", "attends: Review"),
			newPage("event", "review", "Review"),
		}, []string{`content/artifacts/plan.md:3:3: relation "attends" cannot start at an artifact page (only at role or group pages)`}},
		{"unknown target suggests the closest", []*generator.Page{
			newPage("role", "cpo", "CPO", "part_of: Circle, Clustr"),
			newPage("group", "circle", "Circle"),
			newPage("group", "cluster", "Cluster"),
		}, []string{`content/roles/cpo.md:3:20: part_of: no page has the id, key, alias, title or abbreviation "Clustr" (did you mean "Cluster"?)`}},
		{"ambiguous target lists the files", []*generator.Page{
			newPage("role", "cpo", "CPO", "attends: Planning"),
			newPage("event", "a", "Planning"),
			newPage("event", "b", "Planning"),
		}, []string{`content/roles/cpo.md:3:12: attends: "Planning" names 2 pages: content/events/a.md, content/events/b.md; use the id to pick one`}},
		{"target of a type the relation does not allow", []*generator.Page{
			newPage("role", "cpo", "CPO", "part_of: Plan"),
			newPage("artifact", "plan", "Plan"),
		}, []string{`content/roles/cpo.md:3:12: part_of: "Plan" is an artifact page, but part_of links a role page to group, event or cadence pages`}},
		{"is_a needs the same type", []*generator.Page{
			newPage("role", "cpo", "CPO", "is_a: Circle"),
			newPage("group", "circle", "Circle"),
		}, []string{`content/roles/cpo.md:3:9: is_a: "Circle" is a group page, but is_a links a role page to role pages`}},
		{"is_a from a backlog may name an artifact", []*generator.Page{
			newPage("backlog", "pumps", "Pumps backlog", "is_a: Cluster Backlog"),
			newPage("artifact", "cluster-backlog", "Cluster Backlog"),
		}, nil},
		{"is_a from a backlog may name a backlog", []*generator.Page{
			newPage("backlog", "pumps", "Pumps backlog", "is_a: Generic"),
			newPage("backlog", "generic", "Generic"),
		}, nil},
		{"is_a from a backlog may not name a role", []*generator.Page{
			newPage("backlog", "pumps", "Pumps backlog", "is_a: CPO"),
			newPage("role", "cpo", "CPO"),
		}, []string{`content/backlogs/pumps.md:3:9: is_a: "CPO" is a role page, but is_a links a backlog page to backlog pages`}},
		{"is_a from an artifact may not name a backlog", []*generator.Page{
			newPage("artifact", "plan", "Plan", "is_a: Pumps"),
			newPage("backlog", "pumps", "Pumps"),
		}, []string{`content/artifacts/plan.md:3:9: is_a: "Pumps" is a backlog page, but is_a links an artifact page to artifact pages`}},
		{"a page cannot relate to itself", []*generator.Page{
			newPage("role", "cpo", "CPO", "is_a: cpo", "relates: CPO"),
		}, []string{
			`content/roles/cpo.md:3:9: is_a: a page cannot relate to itself`,
			`content/roles/cpo.md:4:12: relates: a page cannot relate to itself`,
		}},
		{"a relation with no restriction links any types", []*generator.Page{
			newPage("artifact", "plan", "Plan", "relates: CBI-1, Review"),
			item("cbi-1", "CBI-1", "Item"),
			newPage("event", "review", "Review"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := build(t, tt.pages...)
			checkLines(t, got, tt.want)
		})
	}
}

func TestCyclesAreReportedAtEveryDeclarationNamingEveryPageInOrder(t *testing.T) {
	tests := []struct {
		name  string
		pages []*generator.Page
		want  []string
	}{
		{"three pages", []*generator.Page{
			newPage("group", "a", "Alpha", "part_of: Beta"),
			newPage("group", "b", "Beta", "part_of: Gamma"),
			newPage("group", "c", "Gamma", "part_of: Alpha"),
		}, []string{
			`content/groups/a.md:3:12: part_of forms a cycle: Alpha → Beta → Gamma → Alpha`,
			`content/groups/b.md:3:12: part_of forms a cycle: Beta → Gamma → Alpha → Beta`,
			`content/groups/c.md:3:12: part_of forms a cycle: Gamma → Alpha → Beta → Gamma`,
		}},
		{"two pages through is_a", []*generator.Page{
			newPage("role", "po", "Product Owner", "is_a: CPO"),
			newPage("role", "cpo", "CPO", "is_a: Product Owner"),
		}, []string{
			`content/roles/cpo.md:3:9: is_a forms a cycle: CPO → Product Owner → CPO`,
			`content/roles/po.md:3:9: is_a forms a cycle: Product Owner → CPO → Product Owner`,
		}},
		{"a cycle reached from outside names only its pages", []*generator.Page{
			newPage("group", "entry", "Entry", "part_of: Beta"),
			newPage("group", "b", "Beta", "part_of: Gamma"),
			newPage("group", "c", "Gamma", "part_of: Beta"),
		}, []string{
			`content/groups/b.md:3:12: part_of forms a cycle: Beta → Gamma → Beta`,
			`content/groups/c.md:3:12: part_of forms a cycle: Gamma → Beta → Gamma`,
		}},
		{"two cycles are two errors", []*generator.Page{
			newPage("group", "a", "A", "part_of: B"),
			newPage("group", "b", "B", "part_of: A"),
			newPage("event", "c", "C", "part_of: D"),
			newPage("event", "d", "D", "part_of: C"),
		}, []string{
			`content/events/c.md:3:12: part_of forms a cycle: C → D → C`,
			`content/events/d.md:3:12: part_of forms a cycle: D → C → D`,
			`content/groups/a.md:3:12: part_of forms a cycle: A → B → A`,
			`content/groups/b.md:3:12: part_of forms a cycle: B → A → B`,
		}},
		{"a diamond is no cycle", []*generator.Page{
			newPage("group", "top", "Top"),
			newPage("group", "l", "Left", "part_of: Top"),
			newPage("group", "r", "Right", "part_of: Top"),
			newPage("group", "bottom", "Bottom", "part_of: Left, Right"),
		}, nil},
		{"a cycle in a relation that allows them", []*generator.Page{
			newPage("role", "a", "A", "relates: B"),
			newPage("role", "b", "B", "relates: A"),
		}, nil},
		{"a cycle across two relations is none", []*generator.Page{
			newPage("group", "a", "A", "part_of: B"),
			newPage("group", "b", "B", "is_a: A"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := build(t, tt.pages...)
			checkLines(t, got, tt.want)
		})
	}
}

func TestLongChainWithoutACycleIsFine(t *testing.T) {
	var pages []*generator.Page
	for i := range 5000 {
		id := "g" + itoa(i)
		if i == 0 {
			pages = append(pages, newPage("group", id, "Group "+id))
			continue
		}
		pages = append(pages, newPage("group", id, "Group "+id, "part_of: g"+itoa(i-1)))
	}
	g, got := build(t, pages...)
	checkLines(t, got, nil)
	if n := len(g.In(pages[0])); n != 1 {
		t.Errorf("got %d inverse edges on the root, want 1", n)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func TestOutKeepsTheOrderWritten(t *testing.T) {
	cpo := newPage("role", "cpo", "CPO", "relates: Zeta, Alpha", "attends: Review", "is_a: PO")
	pages := []*generator.Page{cpo, newPage("role", "zeta", "Zeta"), newPage("role", "alpha", "Alpha"),
		newPage("event", "review", "Review"), newPage("role", "po", "PO")}
	g, diags := build(t, pages...)
	checkLines(t, diags, nil)
	want := []string{"cpo relates zeta", "cpo relates alpha", "cpo attends review", "cpo is_a po"}
	if got := edges(g.Out(cpo)); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := g.Out(cpo)[1].Pos, cpo.Relations[0].Targets[1].Pos; got != want {
		t.Errorf("got edge at %v, want the target's position %v", got, want)
	}
}

func TestInIsSortedByVocabularyThenTitle(t *testing.T) {
	review := newPage("event", "review", "Review")
	pages := []*generator.Page{
		review,
		newPage("role", "zed", "zed", "relates: Review"),
		newPage("role", "bob", "Bob", "attends: Review", "relates: Review"),
		newPage("group", "circle", "Circle", "part_of: Review"),
		newPage("role", "amy", "Amy", "attends: Review"),
		newPage("event", "sync", "Sync", "part_of: Review"),
		newPage("role", "amy2", "amy", "attends: Review"), // same title without case: by id
		newPage("event", "other", "Other", "is_a: Review"),
	}
	g, diags := build(t, pages...)
	checkLines(t, diags, nil)
	want := []string{
		"other is_a review",
		"circle part_of review", "sync part_of review",
		"amy attends review", "amy2 attends review", "bob attends review",
		"bob relates review", "zed relates review",
	}
	if got := edges(g.In(review)); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestUnresolvedRelationsMakeNoEdges(t *testing.T) {
	cpo := newPage("role", "cpo", "CPO", "part_of: Nowhere", "nonsense: X", "is_a: cpo")
	g, _ := build(t, cpo)
	if out := g.Out(cpo); len(out) != 0 {
		t.Errorf("got %v, want no edges", edges(out))
	}
}

func TestVocabularyKeepsItsOrder(t *testing.T) {
	g, _ := Build(NewIndex(nil), vocab)
	var got []string
	for _, rt := range g.Vocabulary() {
		got = append(got, rt.Name)
	}
	want := []string{"is_a", "part_of", "moderates", "responsible_for", "attends", "relates"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if g.Vocabulary()[1].Inverse != "consists of" {
		t.Errorf("got %+v, want the whole relation type", g.Vocabulary()[1])
	}
}

func TestReferenceFieldsResolveToPagesOfTheirType(t *testing.T) {
	parent := item("pbi-31", "PBI-31", "Parent item")
	rel := newPage("release", "r1", "Release 1")
	team := newPage("group", "alpha", "Team Alpha")
	cpo := newPage("role", "cpo", "CPO")
	child := item("cbi-214", "CBI-214", "Child")
	child.Item.Parent = &generator.Ref{Name: "PBI-31", Pos: generator.Pos{File: child.File, Line: 5, Col: 9}}
	child.Item.Release = &generator.Ref{Name: "r1"}
	child.Item.Team = &generator.Ref{Name: "team alpha"}
	bl := newPage("backlog", "b", "Backlog")
	bl.Backlog = &generator.Backlog{Owner: &generator.Ref{Name: "CPO"},
		Order: []generator.Ref{{Name: "CBI-214"}, {Name: "pbi-31"}}}
	g, diags := build(t, parent, rel, team, cpo, child, bl)
	checkLines(t, diags, nil)
	checks := []struct {
		name string
		ref  *generator.Ref
		want *generator.Page
	}{
		{"parent", child.Item.Parent, parent},
		{"release", child.Item.Release, rel},
		{"team", child.Item.Team, team},
		{"owner", bl.Backlog.Owner, cpo},
		{"order 1", &bl.Backlog.Order[0], child},
		{"order 2", &bl.Backlog.Order[1], parent},
		{"unset", nil, nil},
		{"not a field", &generator.Ref{Name: "CPO"}, nil},
	}
	for _, c := range checks {
		if got := g.Target(c.ref); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestReferenceFieldsOfTheWrongTypeAreErrors(t *testing.T) {
	at := func(line int) generator.Pos {
		return generator.Pos{File: "content/backlogs/b/x.md", Line: line, Col: 9}
	}
	x := item("x", "X-1", "X")
	x.Item.Parent = &generator.Ref{Name: "CPO", Pos: at(4)}
	x.Item.Release = &generator.Ref{Name: "Team Alpha", Pos: at(5)}
	x.Item.Team = &generator.Ref{Name: "CPO", Pos: at(6)}
	bl := newPage("backlog", "bl", "Backlog")
	bl.Backlog = &generator.Backlog{
		Owner: &generator.Ref{Name: "Plan", Pos: generator.Pos{File: bl.File, Line: 3, Col: 8}},
		Order: []generator.Ref{{Name: "CPO", Pos: generator.Pos{File: bl.File, Line: 4, Col: 9}},
			{Name: "Y-2", Pos: generator.Pos{File: bl.File, Line: 4, Col: 14}}},
	}
	_, got := build(t, x, bl, newPage("role", "cpo", "CPO"), newPage("group", "alpha", "Team Alpha"), newPage("artifact", "plan", "Plan"))
	checkLines(t, got, []string{
		`content/backlogs/b/x.md:4:9: parent: "CPO" is a role page; expected an item page`,
		`content/backlogs/b/x.md:5:9: release: "Team Alpha" is a group page; expected a release page`,
		`content/backlogs/b/x.md:6:9: team: "CPO" is a role page; expected a group page`,
		`content/backlogs/bl.md:3:8: owner: "Plan" is an artifact page; expected a role or a group page`,
		`content/backlogs/bl.md:4:9: order: "CPO" is a role page; expected an item page`,
		`content/backlogs/bl.md:4:14: order: no page has the id, key, alias, title or abbreviation "Y-2" (did you mean "X-1"?)`,
	})
}

// TestReferencesToUnreadFilesAreNotReported: a file that could not be
// loaded has an error of its own; a relation or reference field naming it
// by id, key or title is no second error, and a name that matches nothing
// still is one.
func TestReferencesToUnreadFilesAreNotReported(t *testing.T) {
	unread := []generator.Unread{
		{File: "content/roles/broken.md", Path: "roles/broken.md", ID: "broken", Type: "role", Title: "Scrum: the basics"},
		{File: "content/backlogs/b/y.md", Path: "backlogs/b/y.md", ID: "y", Type: "item", Key: "Y-2"},
	}
	a := newPage("role", "a", "A", "part_of: Broken, scrum: THE basics, nothing")
	x := item("x", "X-1", "X")
	x.Item.Parent = &generator.Ref{Name: "y-2", Pos: generator.Pos{File: x.File, Line: 4, Col: 9}}
	bl := newPage("backlog", "b", "Backlog")
	bl.Backlog = &generator.Backlog{Order: []generator.Ref{{Name: "X-1"}, {Name: "Y-2"}}}
	g, diags := Build(NewIndex([]*generator.Page{a, x, bl}, unread...), vocab)
	var got []string
	for _, d := range diags.Sort() {
		got = append(got, d.Error())
	}
	checkLines(t, got, []string{
		`content/roles/a.md:3:39: part_of: no page has the id, key, alias, title or abbreviation "nothing"`,
	})
	if tgt := g.Target(x.Item.Parent); tgt != nil {
		t.Errorf("the parent resolved to %s, want nothing", tgt.ID)
	}
	ix := NewIndex(nil, unread...)
	for _, ref := range []string{"broken", "Scrum: the basics", "Y-2", "y"} {
		if _, err := ix.Lookup(ref); !IsUnread(err) {
			t.Errorf("Lookup(%q): got %v, want an UnreadError", ref, err)
		}
	}
	if _, err := ix.LookupPath("roles/../roles/broken.md"); !IsUnread(err) {
		t.Errorf("LookupPath: got %v, want an UnreadError", err)
	}
	if _, err := ix.Lookup("else"); err == nil || IsUnread(err) {
		t.Errorf(`Lookup("else"): got %v, want "no page has …"`, err)
	}
}
