package workers

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]atomic.Int32, n)
		Each(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Errorf("n=%d: index %d ran %d times, want 1", n, i, got)
			}
		}
	}
}

func TestEachWorkerNeverRunsOneWorkerTwiceAtOnce(t *testing.T) {
	busy := make([]sync.Mutex, Count(500))
	EachWorker(500, func(w, _ int) {
		if !busy[w].TryLock() {
			t.Errorf("worker %d runs twice at once", w)
			return
		}
		defer busy[w].Unlock()
	})
}
