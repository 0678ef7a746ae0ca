package backlog

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestBacklogsAreInTitleOrder(t *testing.T) {
	m, _ := derive(t, quiet, backlogPage("z", "alpha", ""), backlogPage("a", "Charlie", ""),
		backlogPage("b", "Bravo", ""), backlogPage("c", "bravo", ""), page(generator.TypeRole, "cpo"))
	var got []string
	for _, b := range m.Backlogs {
		got = append(got, b.Page.ID)
	}
	if want := []string{"z", "b", "c", "a"}; !slices.Equal(got, want) {
		t.Errorf("got backlogs %v, want %v", got, want)
	}
}

func TestEveryItemPageIsInTheModel(t *testing.T) {
	pages := []*generator.Page{backlogPage("b", "B", ""), itemPage("b", "X-1", ""), itemPage("b", "X-2", ""),
		itemPage("gone", "X-3", ""), page(generator.TypeRelease, "r1")}
	m, _ := derive(t, quiet, pages...)
	if got, want := len(m.Items), 3; got != want {
		t.Fatalf("got %d items, want %d", got, want)
	}
	for _, p := range pages[1:4] {
		if it := m.Items[p]; it == nil || it.Page != p {
			t.Errorf("got %v for %s, want its item", it, p.ID)
		}
	}
	if b := m.Backlogs[0]; item(t, m, "X-1").Backlog != b || item(t, m, "X-2").Backlog != b {
		t.Errorf("got items outside their backlog, want both in %s", b.Page.ID)
	}
}

func TestBacklogWarningsAreAlsoInTheResult(t *testing.T) {
	m, diags := derive(t, nil,
		backlogPage("a", "A", "velocity=5"), itemPage("a", "A-1", ""),
		backlogPage("b", "B", ""), itemPage("b", "B-1", "status=idea"), itemPage("b", "B-2", "kind=x"))
	for _, b := range m.Backlogs {
		if len(b.Warnings) != 2 && b.Page.ID == "a" || len(b.Warnings) != 4 && b.Page.ID == "b" {
			t.Errorf("%s: got warnings %q", b.Page.ID, messages(b.Warnings))
		}
		for _, w := range b.Warnings {
			if w.Severity != generator.Warning || !slices.Contains(diags, w) {
				t.Errorf("%s: got %q, want a warning that Derive also returns", b.Page.ID, w.Error())
			}
		}
	}
	if got, want := len(only(diags, generator.Warning)), 6; got != want {
		t.Errorf("got %d warnings, want %d", got, want)
	}
}

func TestDeriveIsDeterministic(t *testing.T) {
	pages := []*generator.Page{backlogPage("b", "B", "velocity=7 order=X-5"), backlogPage("c", "C", "")}
	for i := range 40 {
		spec := fmt.Sprintf("value=%d estimate=%d", i%4, i%3)
		if i%5 == 0 {
			spec += " status=idea"
		}
		if i > 1 {
			spec += fmt.Sprintf(" parent=X-%d", i/3)
		}
		pages = append(pages, itemPage([]string{"b", "c"}[i%2], fmt.Sprintf("X-%d", i), spec))
	}
	want := snapshot(t, pages)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		r.Shuffle(len(pages), func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })
		if got := snapshot(t, pages); got != want {
			t.Fatalf("got after shuffling\n%s\nwant\n%s", got, want)
		}
	}
}

// snapshot writes down what Derive derives from pages.
func snapshot(t *testing.T, pages []*generator.Page) string {
	m, diags := derive(t, nil, pages...)
	s := fmt.Sprintln(messages(diags))
	for _, b := range m.Backlogs {
		s += fmt.Sprintln(b.Page.ID, b.HorizonEnd, b.Health, b.Estimate, messages(b.Warnings))
		for _, it := range b.Items {
			s += fmt.Sprintln(it.Key(), it.Rank, it.Priority, it.Forecast, it.InHorizon, keys(it.Children), keys(it.Chain), it.RolledEstimate, it.DoneShare)
		}
	}
	return s
}
