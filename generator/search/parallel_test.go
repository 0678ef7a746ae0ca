package search

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestParallelRunsEveryIndexOnceAndNoWorkerTwiceAtOnce(t *testing.T) {
	for _, tt := range []struct{ n, size int }{{0, 1}, {1, 1}, {7, 3}, {1000, 64}, {1000, 1}} {
		seen := make([]atomic.Int32, tt.n)
		busy := make([]sync.Mutex, workerCount(tt.n, tt.size))
		parallel(tt.n, tt.size, func(w, i int) {
			if !busy[w].TryLock() {
				t.Errorf("worker %d runs twice at once", w)
				return
			}
			defer busy[w].Unlock()
			seen[i].Add(1)
		})
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Errorf("n=%d size=%d: index %d ran %d times, want 1", tt.n, tt.size, i, got)
			}
		}
	}
}
