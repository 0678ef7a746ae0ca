// Package workers runs a loop's iterations on one goroutine per core: the
// build reads, renders and writes thousands of independent files.
package workers

import (
	"runtime"
	"sync"
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
// worker may keep buffers of its own.
func EachWorker(n int, fn func(worker, i int)) {
	var wg sync.WaitGroup
	next := make(chan int, Count(n))
	for w := range Count(n) {
		wg.Go(func() {
			for i := range next {
				fn(w, i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
