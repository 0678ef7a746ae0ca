// Package workers runs a loop's iterations on one goroutine per core: the
// build reads, renders and writes thousands of independent files.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Count is the number of workers Each and EachWorker use for n jobs: one
// per core, at most n, at least 1.
func Count(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// Each runs fn(i) for every i in 0..n-1 and returns when all are done.
func Each(n int, fn func(i int)) {
	EachWorker(n, func(_, i int) { fn(i) })
}

// EachWorker runs fn(worker, i) for every i in 0..n-1. worker is in
// 0..Count(n)-1 and no two calls with the same worker run at once, so a
// worker may keep buffers of its own. The indexes are taken in order,
// each by the first worker that is free.
//
// A worker takes its next index from a shared counter, not from a
// goroutine that hands them out: such a goroutine needs a core for every
// index, and with one worker per core, each hand-over left a core idle
// while it was woken (at 10,000 pages, a tenth of the cores' time while
// the content was read).
func EachWorker(n int, fn func(worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range Count(n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(w, i)
			}
		})
	}
	wg.Wait()
}
