package site

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestPaceLoadingHandsOverToTheTarget: while a site loads in a process of
// its own, the collector waits for the floor; once what is alive is large
// beside the floor, a collection hands over to the loading's target, and
// restore puts back the process's target and limit.
func TestPaceLoadingHandsOverToTheTarget(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(80))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	restore := paceLoading(true, true)
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("while loading under the floor, GOGC is %d, want off", p)
	}
	if l := debug.SetMemoryLimit(loadingFloor); l != loadingFloor {
		t.Errorf("while loading under the floor, the limit is %d, want %d", l, loadingFloor)
	}
	alive := make([][]byte, 0, 64)
	for range 48 { // 48 MiB alive: past the floor's share
		alive = append(alive, make([]byte, 1<<20))
	}
	handed := false
	for deadline := time.Now().Add(10 * time.Second); !handed && time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // the finalizer runs on a goroutine of its own
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		handed = p == multilingualGCPercent
	}
	runtime.KeepAlive(alive)
	if !handed {
		t.Error("with 48 MiB alive, a collection did not hand over to the multilingual target")
	}
	restore()
	if p := debug.SetGCPercent(80); p != 80 {
		t.Errorf("after loading, GOGC is %d, want the process's 80", p)
	}
	if l := debug.SetMemoryLimit(math.MaxInt64); l != math.MaxInt64 {
		t.Errorf("after loading, the limit is %d, want none", l)
	}
}

// TestPaceLoadingLeavesOtherProcessesAlone: tests and the development
// server share their process, whose collector loading does not touch.
func TestPaceLoadingLeavesOtherProcessesAlone(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(80))
	restore := paceLoading(false, true)
	if p := debug.SetGCPercent(80); p != 80 {
		t.Errorf("GOGC is %d while a shared process loads, want 80", p)
	}
	restore()
}

// TestPaceIndexing: a site in one language builds its index, in a process
// of its own, under indexingGCPercent after a collection; a multilingual
// site, and a shared process, keep their target.
func TestPaceIndexing(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(80))
	for _, c := range []struct {
		own, multilingual bool
		want              int
	}{
		{true, false, indexingGCPercent},
		{true, true, 80},
		{false, false, 80},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		restore := paceIndexing(c.own, c.multilingual)
		runtime.ReadMemStats(&after)
		if p := debug.SetGCPercent(80); p != c.want {
			t.Errorf("own process %v, multilingual %v: GOGC is %d while the index is built, want %d", c.own, c.multilingual, p, c.want)
		}
		debug.SetGCPercent(c.want)
		if collected := after.NumForcedGC > before.NumForcedGC; collected != c.own {
			t.Errorf("own process %v, multilingual %v: collected first: %v", c.own, c.multilingual, collected)
		}
		restore()
		if p := debug.SetGCPercent(80); p != 80 {
			t.Errorf("own process %v, multilingual %v: after the index, GOGC is %d, want the process's 80", c.own, c.multilingual, p)
		}
	}
}
