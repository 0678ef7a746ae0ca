package graph

import (
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestLookupFindsAPageByEveryName(t *testing.T) {
	cpo := newPage("role", "cluster-product-owner", "Cluster Product Owner")
	cpo.Aliases = []generator.Ref{{Name: "old-cpo"}, {Name: "CPO"}}
	it := item("cbi-214", "CBI-214", "Remote error log upload")
	ix := NewIndex([]*generator.Page{cpo, it, newPage("group", "cluster", "Cluster")})
	tests := []struct {
		ref  string
		want *generator.Page
	}{
		{"cluster-product-owner", cpo},
		{"Cluster-Product-Owner", cpo},
		{"Cluster Product Owner", cpo},
		{"cluster product OWNER", cpo},
		{"  Cluster Product Owner  ", cpo},
		{"old-cpo", cpo},
		{"cpo", cpo},
		{"CBI-214", it},
		{"cbi-214", it},
		{"remote error log upload", it},
	}
	for _, tt := range tests {
		got, err := ix.Lookup(tt.ref)
		if err != nil || got != tt.want {
			t.Errorf("Lookup(%q): got %v, %v, want %s", tt.ref, got, err, tt.want.ID)
		}
	}
}

func TestLookupOfAnAmbiguousNameListsTheFiles(t *testing.T) {
	a := newPage("event", "cluster-planning", "Planning")
	b := newPage("event", "team-planning", "Planning")
	c := newPage("artifact", "plan", "Plan")
	c.Aliases = []generator.Ref{{Name: "planning"}}
	ix := NewIndex([]*generator.Page{b, a, c})
	_, err := ix.Lookup("planning")
	want := `"planning" names 3 pages: content/artifacts/plan.md, content/events/cluster-planning.md, content/events/team-planning.md; use the id to pick one`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestIDBeatsTitleAndAlias(t *testing.T) {
	owner := newPage("role", "owner", "Product Owner")
	other := newPage("role", "po", "Owner")
	other.Aliases = []generator.Ref{{Name: "owner"}}
	ix := NewIndex([]*generator.Page{other, owner})
	if got, err := ix.Lookup("Owner"); err != nil || got != owner {
		t.Errorf("got %v, %v, want the page whose id is owner", got, err)
	}
}

func TestItemKeyBeatsTitle(t *testing.T) {
	it := item("x-1", "X-1", "First")
	titled := newPage("page", "note", "x-1")
	ix := NewIndex([]*generator.Page{titled, it})
	if got, err := ix.Lookup("x-1"); err != nil || got != it {
		t.Errorf("got %v, %v, want the item", got, err)
	}
}

func TestLookupSuggestsTheClosestNames(t *testing.T) {
	ix := NewIndex([]*generator.Page{
		newPage("role", "cpo", "Cluster Product Owner"),
		newPage("role", "po", "Product Owner"),
		newPage("event", "review", "Cluster Review"),
	})
	tests := []struct{ ref, want string }{
		{"Cluster Product Ownr", `no page has the id, key, alias, title or abbreviation "Cluster Product Ownr" (did you mean "Cluster Product Owner"?)`},
		{"Product Owners", `no page has the id, key, alias, title or abbreviation "Product Owners" (did you mean "Product Owner"?)`},
		{"revew", `no page has the id, key, alias, title or abbreviation "revew" (did you mean "review"?)`},
		{"Somebody Else", `no page has the id, key, alias, title or abbreviation "Somebody Else"`},
		{"", `no page has the id, key, alias, title or abbreviation ""`},
	}
	for _, tt := range tests {
		_, err := ix.Lookup(tt.ref)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Lookup(%q): got %v, want %s", tt.ref, err, tt.want)
		}
	}
}

func TestLookupPathFindsFilesAndNamesNearOnes(t *testing.T) {
	cpo := newPage("role", "cpo", "CPO")
	ix := NewIndex([]*generator.Page{cpo, newPage("group", "cpo", "CPO group")})
	if got, err := ix.LookupPath("roles/../roles/./cpo.md"); err != nil || got != cpo {
		t.Errorf("got %v, %v, want roles/cpo.md", got, err)
	}
	tests := []struct{ path, want string }{
		{"events/cpo.md", "no file content/events/cpo.md (there is content/groups/cpo.md, content/roles/cpo.md)"},
		{"events/nobody.md", "no file content/events/nobody.md"},
	}
	for _, tt := range tests {
		_, err := ix.LookupPath(tt.path)
		if err == nil || err.Error() != tt.want {
			t.Errorf("LookupPath(%q): got %v, want %s", tt.path, err, tt.want)
		}
	}
}

func TestIndexKeepsPagesInOrder(t *testing.T) {
	pages := []*generator.Page{newPage("role", "b", "B"), newPage("role", "a", "A")}
	got := NewIndex(pages).Pages()
	if len(got) != 2 || got[0] != pages[0] || got[1] != pages[1] {
		t.Errorf("got %v, want the pages as given", got)
	}
	if s := strings.TrimSpace((&Graph{Index: NewIndex(pages)}).String()); s != "2 pages, 0 edges" {
		t.Errorf("got %q, want %q", s, "2 pages, 0 edges")
	}
}

func TestLookupByAbbreviation(t *testing.T) {
	po := newPage("role", "product-owner", "Product Owner")
	po.Abbr = "PO"
	cpo := newPage("role", "cluster-product-owner", "Cluster Product Owner")
	cpo.Abbr = "CPO"
	sm := newPage("role", "scrum-master", "Scrum Master")
	sm.Abbr = "SM"
	sales := newPage("role", "sales-manager", "Sales Manager")
	sales.Abbr = "SM"
	portal := newPage("release", "portal-1-0", "Portal 1.0")
	ix := NewIndex([]*generator.Page{po, cpo, sm, sales, portal})
	for ref, want := range map[string]*generator.Page{"PO": po, "po": po, " CPO ": cpo} {
		if got, err := ix.Lookup(ref); err != nil || got != want {
			t.Errorf("Lookup(%q): got %v, %v, want %s", ref, got, err, want.ID)
		}
	}
	tests := []struct{ ref, want string }{
		{"SM", `"SM" is the abbreviation of 2 pages: content/roles/sales-manager.md (Sales Manager), content/roles/scrum-master.md (Scrum Master); use the title or id to pick one`},
		{"CPOs", `no page has the id, key, alias, title or abbreviation "CPOs" (did you mean "Cluster Product Owner" or "Product Owner"?)`},
	}
	for _, tt := range tests {
		if _, err := ix.Lookup(tt.ref); err == nil || err.Error() != tt.want {
			t.Errorf("Lookup(%q): got %v, want %s", tt.ref, err, tt.want)
		}
	}
	// An id, key, alias or title wins over an abbreviation.
	other := newPage("page", "po", "Purchase orders")
	if got, err := NewIndex([]*generator.Page{po, other}).Lookup("PO"); err != nil || got != other {
		t.Errorf("Lookup(\"PO\") with a page whose id is po: got %v, %v", got, err)
	}
}

func TestLookupOfADuplicateKeySaysToChangeAKey(t *testing.T) {
	first := item("ta-3", "TA-3", "Third")
	copied := item("ta-3-copy", "TA-3", "Third, copied")
	want := `item key "TA-3" is used twice, by content/backlogs/b/ta-3-copy.md and content/backlogs/b/ta-3.md (see the duplicate-key error); give one of them another key`
	for _, pages := range [][]*generator.Page{{first, copied}, {copied, first}} {
		if _, err := NewIndex(pages).Lookup("TA-3"); err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}

func TestLookupFindsAPageByItsTranslatedNames(t *testing.T) {
	cpo := newPage("role", "cluster-product-owner", "Cluster Product Owner")
	cpo.Abbr = "CPO"
	cpo.Translations = map[string]*generator.Translation{"de": {Lang: "de", Path: "roles/cluster-product-owner.de.md",
		Title: "Cluster-Produktverantwortlicher", Abbr: "CPV", Aliases: []generator.Ref{{Name: "Produktverantwortung"}}}}
	po := newPage("role", "product-owner", "Product Owner")
	po.Translations = map[string]*generator.Translation{"de": {Lang: "de", Path: "roles/product-owner.de.md"}} // keeps its title
	ix := NewIndex([]*generator.Page{cpo, po})
	for ref, want := range map[string]*generator.Page{
		"Cluster Product Owner":           cpo,
		"cluster-produktverantwortlicher": cpo,
		"Produktverantwortung":            cpo,
		"CPO":                             cpo,
		"cpv":                             cpo,
		"Product Owner":                   po,
	} {
		if got, err := ix.Lookup(ref); err != nil || got != want {
			t.Errorf("Lookup(%q): got %v, %v, want %s", ref, got, err, want.ID)
		}
	}
	if got, err := ix.LookupPath("roles/cluster-product-owner.de.md"); err != nil || got != cpo {
		t.Errorf("LookupPath of the translation's file: got %v, %v, want the page", got, err)
	}
	_, err := ix.Lookup("Cluster-Produktverantwortung")
	if err == nil || !strings.Contains(err.Error(), `"Cluster-Produktverantwortlicher"`) {
		t.Errorf("a mistyped translated title: got %v, want the translated title suggested", err)
	}
}
