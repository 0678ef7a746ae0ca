package backlog

import (
	"fmt"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// BenchmarkDerive derives a backlog of 10,000 items: half in the order list,
// a third with a parent in a 100-item epic backlog, some done or dropped.
func BenchmarkDerive(b *testing.B) {
	const n = 10_000
	statuses := []string{"idea", "refining", "ready", "in-progress", "done", "dropped"}
	pages := []*generator.Page{backlogPage("epics", "Epics", "")}
	var order []generator.Ref
	for i := range 100 {
		pages = append(pages, itemPage("epics", fmt.Sprintf("E-%d", i), "estimate=100"))
	}
	for i := range n {
		spec := fmt.Sprintf("value=%d estimate=%d status=%s", i%21, i%13, statuses[i%len(statuses)])
		if i%3 == 0 {
			spec += fmt.Sprintf(" parent=E-%d", i%100)
		}
		key := fmt.Sprintf("CBI-%d", i)
		pages = append(pages, itemPage("big", key, spec))
		if i%2 == 0 {
			order = append(order, generator.Ref{Name: key})
		}
	}
	big := backlogPage("big", "Big", "velocity=40")
	big.Backlog.Order = order
	pages = append(pages, big)
	target := targets(pages)
	s := settings()
	b.ResetTimer()
	for b.Loop() {
		if m, _ := Derive(pages, target, s); len(m.Items) != n+100 {
			b.Fatalf("got %d items, want %d", len(m.Items), n+100)
		}
	}
}

// BenchmarkDeriveReleases derives 20 backlogs of 1,000 items each and 500
// releases, every item naming one of them.
func BenchmarkDeriveReleases(b *testing.B) {
	var pages []*generator.Page
	statuses := []string{"idea", "refining", "ready", "in-progress", "done"}
	for r := range 500 {
		pages = append(pages, releasePage(fmt.Sprintf("r%d", r), fmt.Sprintf("version=%d.%d", r/10, r%10)))
	}
	for bl := range 20 {
		id := fmt.Sprintf("b%d", bl)
		var order []generator.Ref
		for i := range 1000 {
			key := fmt.Sprintf("K%d-%d", bl, i)
			pages = append(pages, itemPage(id, key, fmt.Sprintf("estimate=%d status=%s release=r%d", 1+i%8, statuses[i%5], (bl*1000+i)%500)))
			order = append(order, generator.Ref{Name: key})
		}
		bp := backlogPage(id, "Backlog "+id, "velocity=40")
		bp.Backlog.Order = order
		pages = append(pages, bp)
	}
	target := targets(pages)
	s := settings()
	s.Now = date("2026-05-01")
	b.ResetTimer()
	for b.Loop() {
		if m, _ := Derive(pages, target, s); len(m.Releases) != 500 {
			b.Fatalf("got %d releases", len(m.Releases))
		}
	}
}
