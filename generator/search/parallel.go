package search

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// batch is the number of documents one goroutine of eachDoc takes at a
// time: handing documents out one by one would cost more in scheduling
// than indexing one.
const batch = 64

// eachDoc runs fn(worker, i) for every i in 0..n-1, in batches of
// consecutive indexes, and returns when all are done. worker is in
// 0..workerCount(n, batch)-1, and no two calls with the same worker run at
// once, so a worker may keep buffers of its own.
func eachDoc(n int, fn func(worker, i int)) { parallel(n, batch, fn) }

// workerCount is the number of goroutines parallel uses for n indexes in
// batches of size: one per core, at most one per batch, at least one.
func workerCount(n, size int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+size-1)/size))
}

// parallel runs fn(worker, i) for every i in 0..n-1 on workerCount(n,
// size) goroutines, each taking size consecutive indexes at a time.
func parallel(n, size int, fn func(worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workerCount(n, size) {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(size))) - size
				if lo >= n {
					return
				}
				for i := lo; i < min(n, lo+size); i++ {
					fn(w, i)
				}
			}
		})
	}
	wg.Wait()
}
