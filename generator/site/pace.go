package site

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// indexingGCPercent is the collector's target while a site in one
// language builds its search index in a process of its own. The index's
// tables are alive until its files are made, and the files are made
// beside them, so at 50,000 pages the index was where a build held the
// most memory; collecting when the heap grows by 40 % over what is alive,
// instead of 70 %, lowered that peak by about 40 MiB, for a collection or
// two more (docs/benchmarks.md, "Issue 17, ninth round").
const indexingGCPercent = 40

// paceIndexing sets the collector's pacing for the building of the
// search index in a process of its own and returns what restores it.
// It collects first, so that the target counts from what the rendered
// site still needs rather than from what was alive, and allocated,
// while the bodies were rendered, and gives the pages that leaves free
// back to the system (debug.FreeOSMemory): the process holds the most
// at the end of the index, and the runtime would otherwise return them
// only as its scavenger got to them (15 MB less at 50,000 pages,
// docs/benchmarks.md). A multilingual site, whose indexes are built at
// once and which no memory target holds, keeps its target.
func paceIndexing(ownProcess, multilingual bool) (restore func()) {
	if !ownProcess {
		return func() {}
	}
	debug.FreeOSMemory()
	if multilingual {
		return func() {}
	}
	old := debug.SetGCPercent(indexingGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// collectBeforeWriting collects the garbage the search index left and
// returns what the collector should do while the files are written.
//
// Building the index made, and dropped, tables as large as the rendered
// bodies. The collector would take the peak it saw while they lived as
// the base of its next target and let the heap grow to 1.7 times that
// while the pages are written; a collection now starts the writing from
// what is still needed (a 50,000-page build's peak fell by a fifth:
// docs/benchmarks.md).
//
// With ownProcess, the build is its process's only work (backlight
// build), and the collector is also paced for the writing: by then the
// process has already held the memory it held at its peak (the index
// beside the bodies), so collecting whenever the heap grows by 70 % over the third
// of that still live would only spend CPU to stay under a peak already
// reached. Until the returned restore is called, the collector runs when the
// process's memory reaches that peak, or twice what is live, whichever
// is more, and so never more often than it would have. A 10,000-page
// build collects 10 times instead of 17 while it writes. Tests and the
// development server share their process with other work and leave its
// collector alone.
func collectBeforeWriting(ownProcess bool) (restore func()) {
	var peak uint64
	if ownProcess {
		peak = mappedBytes()
	}
	runtime.GC()
	if !ownProcess {
		return func() {}
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := s[0].Value.Uint64()
	limit := max(peak, 2*live+minHeadroom)
	oldLimit := debug.SetMemoryLimit(int64(min(limit, 1<<62)))
	oldPercent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// minHeadroom is what the paced collector leaves above twice the live
// heap on a site so small that its peak is about what the runtime itself
// holds, as GOGC=100's 4 MiB floor does.
const minHeadroom = 4 << 20

// mappedBytes is the memory the Go runtime holds from the system and has
// not returned: what the process's resident set is made of.
func mappedBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// multilingualGCPercent is the collector's target while a site in several
// languages is loaded in a process of its own (GOGC=150 instead of 100).
// Each language's copy of the pages and its rendered bodies live beside the
// default language's, so the collector would scan twice the heap as often
// as it does for one language; a tenth of a two-language build's CPU went to
// it beyond what the same site in one language spends. The higher target
// buys that back with memory, which a multilingual build is not held to
// (docs/benchmarks.md, "Issue 18").
const multilingualGCPercent = 150

// loadingFloor is the memory a process of its own may hold before a
// collection while a site is loaded. From an empty heap, the collector's
// target (70 % over what is alive) would collect at 4, 7, 11, … MiB: a
// 10,000-page build collected 37 times before its heap reached 64 MiB,
// marking the pages loaded so far each time, and its peak, reached
// later, is three times that. While what is alive is small beside the
// floor (with twice the target's room over it, under the floor: the
// process's other memory counts towards it too), the heap is collected
// only when the process holds the floor, and each collection marks
// little. A site whose build never reaches the floor is not collected
// while it loads.
const loadingFloor = 64 << 20

// paceLoading sets the collector's pacing for the loading of a site in a
// process of its own (backlight build), and returns what restores it:
// collections at loadingFloor while the process's target would collect
// below it, then that target, or multilingualGCPercent for a
// multilingual site.
func paceLoading(ownProcess, multilingual bool) (restore func()) {
	if !ownProcess {
		return func() {}
	}
	percent := debug.SetGCPercent(-1)
	loading := percent
	if multilingual {
		loading = multilingualGCPercent
	}
	limit := debug.SetMemoryLimit(loadingFloor)
	var (
		once   sync.Once
		lifted atomic.Bool
	)
	lift := func() {
		once.Do(func() {
			debug.SetMemoryLimit(limit)
			debug.SetGCPercent(loading)
			lifted.Store(true)
		})
	}
	// A finalizer runs after each collection the floor starts, on an
	// object nothing else refers to, and looks at what is alive.
	var watch func(*floorMark)
	watch = func(*floorMark) {
		if lifted.Load() {
			return // restored: watch no more
		}
		if liveBytes()*uint64(200+loading)/100 < loadingFloor {
			runtime.SetFinalizer(&floorMark{}, watch)
			return
		}
		lift()
	}
	runtime.SetFinalizer(&floorMark{}, watch)
	return func() {
		lift()
		debug.SetGCPercent(percent)
	}
}

// floorMark is an object whose collection tells paceLoading that a
// collection happened. It holds a pointer, so that the allocator does
// not batch it with other small objects that may live on.
type floorMark struct{ _ *int }

// liveBytes is what the last collection found alive on the heap.
func liveBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
