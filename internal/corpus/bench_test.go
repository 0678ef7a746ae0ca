package corpus

import "testing"

// BenchmarkPlanAndRender10000 measures the work of a 10,000-page corpus
// without the file system.
func BenchmarkPlanAndRender10000(b *testing.B) {
	for b.Loop() {
		pl, err := newPlan(Options{Pages: 10_000, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		for i := range pl.pages {
			pl.render(i)
		}
	}
}
