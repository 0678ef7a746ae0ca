package backlog

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestParentChainAcrossThreeLevels(t *testing.T) {
	m, diags := derive(t, quiet,
		backlogPage("portfolio", "Portfolio", ""), backlogPage("program", "Program", ""), backlogPage("team", "Team", ""),
		itemPage("portfolio", "E-1", ""),
		itemPage("program", "F-1", "parent=E-1"),
		itemPage("team", "S-1", "parent=F-1"))
	if errs := only(diags, generator.Error); len(errs) != 0 {
		t.Fatalf("got %q, want no errors", messages(errs))
	}
	tests := []struct {
		key    string
		parent string
		chain  []string
	}{
		{"E-1", "", []string{}},
		{"F-1", "E-1", []string{"E-1"}},
		{"S-1", "F-1", []string{"E-1", "F-1"}},
	}
	for _, tt := range tests {
		it := item(t, m, tt.key)
		parent := ""
		if it.Parent != nil {
			parent = it.Parent.Key()
		}
		if got := keys(it.Chain); parent != tt.parent || !slices.Equal(got, tt.chain) {
			t.Errorf("%s: got parent %q chain %v, want %q %v", tt.key, parent, got, tt.parent, tt.chain)
		}
	}
}

func TestChildrenAreInRankOrderThenKey(t *testing.T) {
	m, _ := derive(t, quiet,
		backlogPage("program", "Program", ""),
		backlogPage("pumps", "Pumps", "order=P-3,P-1,P-2"),
		backlogPage("valves", "Valves", "order=V-2,V-1"),
		itemPage("program", "F-1", ""),
		itemPage("pumps", "P-1", "parent=F-1"),
		itemPage("pumps", "P-2", "parent=F-1"),
		itemPage("pumps", "P-3", "parent=F-1"),
		itemPage("valves", "V-1", "parent=F-1"),
		itemPage("valves", "V-2", "parent=F-1"))
	want := []string{"P-3", "V-2", "P-1", "V-1", "P-2"}
	if got := keys(item(t, m, "F-1").Children); !slices.Equal(got, want) {
		t.Errorf("got children %v, want %v", got, want)
	}
}

func TestRolledEstimateAndDoneShare(t *testing.T) {
	tests := []struct {
		name      string
		parent    string
		children  []string
		estimate  float64
		doneShare float64
	}{
		{"a leaf keeps its own estimate", "estimate=8", nil, 8, 0},
		{"a done leaf is wholly done", "estimate=8 status=done", nil, 8, 1},
		{"children replace the parent's estimate", "estimate=100",
			[]string{"estimate=3 status=done", "estimate=5", "estimate=2 status=released"}, 10, 0.5},
		{"dropped children count for nothing", "estimate=100",
			[]string{"estimate=4 status=done", "estimate=50 status=dropped", "estimate=4"}, 8, 0.5},
		{"only dropped children: the own estimate", "estimate=7",
			[]string{"estimate=50 status=dropped"}, 7, 0},
		{"children without estimates: the mean of their shares", "",
			[]string{"status=done", "", "", "status=done"}, 0, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := []*generator.Page{backlogPage("b", "B", ""), itemPage("b", "F-1", tt.parent)}
			for i, c := range tt.children {
				pages = append(pages, itemPage("b", "S-"+string(rune('1'+i)), c+" parent=F-1"))
			}
			m, _ := derive(t, quiet, pages...)
			it := item(t, m, "F-1")
			if it.RolledEstimate != tt.estimate || it.DoneShare != tt.doneShare {
				t.Errorf("got rolled estimate %v done share %v, want %v %v", it.RolledEstimate, it.DoneShare, tt.estimate, tt.doneShare)
			}
		})
	}
}

func TestRollUpsAddUpOverThreeLevels(t *testing.T) {
	m, _ := derive(t, quiet, backlogPage("b", "B", ""),
		itemPage("b", "E-1", "estimate=1000"),
		itemPage("b", "F-1", "estimate=100 parent=E-1"),
		itemPage("b", "F-2", "estimate=6 parent=E-1 status=done"),
		itemPage("b", "S-1", "estimate=2 parent=F-1 status=done"),
		itemPage("b", "S-2", "estimate=2 parent=F-1"))
	it := item(t, m, "E-1")
	if it.RolledEstimate != 10 || it.DoneShare != 0.8 {
		t.Errorf("got rolled estimate %v done share %v, want 10 0.8", it.RolledEstimate, it.DoneShare)
	}
}

func TestParentCycleIsReportedAtEveryItemOnIt(t *testing.T) {
	tests := []struct {
		name  string
		pages []*generator.Page
		want  []string
	}{
		{"three items", []*generator.Page{
			itemPage("b", "C-3", "parent=C-1"),
			itemPage("b", "C-2", "parent=C-3"),
			itemPage("b", "C-1", "parent=C-2"),
			itemPage("b", "C-4", "parent=C-3"), // leads into the cycle: not on it
		}, []string{
			"content/backlogs/b/c-1.md:8:1: parent forms a cycle: C-1 → C-2 → C-3 → C-1",
			"content/backlogs/b/c-2.md:8:1: parent forms a cycle: C-2 → C-3 → C-1 → C-2",
			"content/backlogs/b/c-3.md:8:1: parent forms a cycle: C-3 → C-1 → C-2 → C-3",
		}},
		{"an item its own parent", []*generator.Page{itemPage("b", "C-7", "parent=C-7")},
			[]string{"content/backlogs/b/c-7.md:8:1: parent forms a cycle: C-7 → C-7"}},
		{"two cycles", []*generator.Page{
			itemPage("b", "A-2", "parent=A-1"), itemPage("b", "A-1", "parent=A-2"),
			itemPage("b", "B-1", "parent=B-2"), itemPage("b", "B-2", "parent=B-1"),
		}, []string{
			"content/backlogs/b/a-1.md:8:1: parent forms a cycle: A-1 → A-2 → A-1",
			"content/backlogs/b/a-2.md:8:1: parent forms a cycle: A-2 → A-1 → A-2",
			"content/backlogs/b/b-1.md:8:1: parent forms a cycle: B-1 → B-2 → B-1",
			"content/backlogs/b/b-2.md:8:1: parent forms a cycle: B-2 → B-1 → B-2",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, diags := derive(t, quiet, append(tt.pages, backlogPage("b", "B", ""))...)
			if got := messages(only(diags, generator.Error)); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, it := range m.Items {
				if len(it.Chain) > len(m.Items) {
					t.Errorf("%s: got a chain of %d items, want the cycle cut", it.Key(), len(it.Chain))
				}
			}
		})
	}
}

func TestCycleIsCutAtTheLowestKey(t *testing.T) {
	m, _ := derive(t, quiet, backlogPage("b", "B", ""),
		itemPage("b", "C-2", "parent=C-1"), itemPage("b", "C-1", "parent=C-2"))
	if c1, c2 := item(t, m, "C-1"), item(t, m, "C-2"); c1.Parent != nil || c2.Parent != c1 {
		t.Errorf("got C-1 parent %v, C-2 parent %v; want C-1 top-level with child C-2", c1.Parent, c2.Parent)
	}
}

func TestParentThatIsNoItemIsIgnored(t *testing.T) {
	m, diags := derive(t, quiet, backlogPage("b", "B", ""), page(generator.TypeRole, "cpo"),
		itemPage("b", "X-1", "parent=cpo"), itemPage("b", "X-2", "parent=NOWHERE-1"))
	for _, k := range []string{"X-1", "X-2"} {
		if it := item(t, m, k); it.Parent != nil || len(it.Chain) != 0 {
			t.Errorf("%s: got parent %v, want none", k, it.Parent)
		}
	}
	if errs := only(diags, generator.Error); len(errs) != 0 {
		t.Errorf("got %q, want no errors (the graph stage reports these)", messages(errs))
	}
}
