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
