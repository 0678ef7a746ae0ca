package watch

import (
	"slices"
	"time"
)

// batcher gathers one batch and says when it is due: Quiet after its last
// event or MaxWait after its first, whichever comes first. It holds no clock
// and no goroutine: the watcher's loop hands it the time of every event and
// asks it for a deadline, so its rules are tested with made-up times.
type batcher struct {
	quiet, maxWait time.Duration

	paths       map[string]struct{}
	overflow    bool
	first, last time.Time // of the batch's first and latest event
	events      int       // since the last reset; 0: nothing pending
}

// add records a change to path at now.
func (b *batcher) add(now time.Time, path string) {
	b.touch(now)
	if b.paths == nil {
		b.paths = make(map[string]struct{})
	}
	b.paths[path] = struct{}{}
}

// lost records at now that events were lost.
func (b *batcher) lost(now time.Time) {
	b.touch(now)
	b.overflow = true
}

func (b *batcher) touch(now time.Time) {
	if b.events == 0 {
		b.first = now
	}
	b.last = now
	b.events++
}

// empty reports whether nothing happened since the last reset.
func (b *batcher) empty() bool { return b.events == 0 }

// deadline is when the pending batch is due; meaningless when empty.
func (b *batcher) deadline() time.Time {
	quiet, latest := b.last.Add(b.quiet), b.first.Add(b.maxWait)
	if latest.Before(quiet) {
		return latest
	}
	return quiet
}

// due reports whether a batch is pending and due at now.
func (b *batcher) due(now time.Time) bool {
	return !b.empty() && !now.Before(b.deadline())
}

// batch is what is pending: paths sorted and unique.
func (b *batcher) batch() Batch {
	paths := make([]string, 0, len(b.paths))
	for p := range b.paths {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return Batch{Paths: paths, Overflow: b.overflow}
}

// reset forgets the pending batch: what comes next starts a new one.
func (b *batcher) reset() {
	clear(b.paths)
	b.overflow = false
	b.events = 0
}
