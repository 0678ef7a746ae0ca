package watch

// The loop driven by made-up events on a fake fsnotify, in a synctest
// bubble: time is fake, so the batching rules are checked to the
// millisecond without sleeping, and a goroutine left behind fails the test.

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fsnotify/fsnotify"
)

type fakeBackend struct {
	mu      sync.Mutex
	watched map[string]bool
	events  chan fsnotify.Event
	errs    chan error
}

func newFake() *fakeBackend {
	return &fakeBackend{watched: make(map[string]bool), events: make(chan fsnotify.Event), errs: make(chan error)}
}

func (f *fakeBackend) Add(p string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := os.Stat(p); err != nil {
		return err
	}
	f.watched[p] = true
	return nil
}

func (f *fakeBackend) Remove(p string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.watched[p] {
		return fsnotify.ErrNonExistentWatch
	}
	delete(f.watched, p)
	return nil
}

func (f *fakeBackend) Close() error {
	close(f.events)
	close(f.errs)
	return nil
}

func (f *fakeBackend) isWatched(p string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.watched[p]
}

// startFake starts a watcher of roots on a fake backend; call it inside
// the bubble.
func startFake(t *testing.T, opts Options, roots ...string) (*Watcher, *fakeBackend) {
	t.Helper()
	f := newFake()
	w, err := start(roots, opts, f, f.events, f.errs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, f
}

func ev(op fsnotify.Op, path string) fsnotify.Event { return fsnotify.Event{Name: path, Op: op} }

func wantPaths(t *testing.T, b Batch, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(b.Paths, want) || b.Overflow {
		t.Errorf("batch = %v (overflow %v), want %v", b.Paths, b.Overflow, want)
	}
}

func TestLoopDeliversALoneEventAfterQuietNotMaxWait(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		begin := time.Now()
		f.events <- ev(fsnotify.Write, root+"/a.md")
		f.events <- ev(fsnotify.Write, root+"/a.md")
		b := <-w.Batches()
		if d := time.Since(begin); d != 10*time.Millisecond {
			t.Errorf("batch after %v, want 10ms", d)
		}
		wantPaths(t, b, root+"/a.md")
	})
}

func TestLoopMaxWaitBoundsASteadyStream(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		begin := time.Now()
		go func() {
			// 20 events 7 ms apart: never 10 ms of quiet until the end.
			for i := range 20 {
				f.events <- ev(fsnotify.Write, filepath.Join(root, string(rune('a'+i))))
				time.Sleep(7 * time.Millisecond)
			}
		}()
		var times []time.Duration
		var sizes []int
		for range 3 {
			b := <-w.Batches()
			times = append(times, time.Since(begin))
			sizes = append(sizes, len(b.Paths))
		}
		// Events at 0, 7, …, 49 → due at 50 (MaxWait); 56 … 105 → 106;
		// 112 … 133 → 143 (Quiet after the last).
		ms := time.Millisecond
		if want := []time.Duration{50 * ms, 106 * ms, 143 * ms}; !slices.Equal(times, want) {
			t.Errorf("batches at %v, want %v", times, want)
		}
		if want := []int{8, 8, 4}; !slices.Equal(sizes, want) {
			t.Errorf("batch sizes %v, want %v", sizes, want)
		}
	})
}

func TestLoopJoinsEventsWhileTheReaderIsBusyAndStartsAfreshAfter(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		begin := time.Now()
		f.events <- ev(fsnotify.Write, root+"/a")
		time.Sleep(30 * time.Millisecond) // due at 10, not taken: the reader is busy
		f.events <- ev(fsnotify.Write, root+"/b")
		b := <-w.Batches()
		if d := time.Since(begin); d != 30*time.Millisecond {
			t.Errorf("due batch taken after %v, want at once (30ms)", d)
		}
		wantPaths(t, b, root+"/a", root+"/b")

		// While the reader handles that batch, c arrives: it is the next
		// batch, with a clock of its own.
		go func() {
			time.Sleep(5 * time.Millisecond)
			f.events <- ev(fsnotify.Write, root+"/c")
		}()
		time.Sleep(20 * time.Millisecond)
		b = <-w.Batches()
		if d := time.Since(begin); d != 50*time.Millisecond {
			t.Errorf("next batch taken after %v, want 50ms", d)
		}
		wantPaths(t, b, root+"/c")
	})
}

func TestLoopOptionsSetTheDurations(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{Quiet: time.Second, MaxWait: 3 * time.Second}, root)
		begin := time.Now()
		f.events <- ev(fsnotify.Write, root+"/a")
		<-w.Batches()
		if d := time.Since(begin); d != time.Second {
			t.Errorf("batch after %v, want Quiet = 1s", d)
		}
	})
}

func TestLoopLeavesOutChmodAndIgnoredNames(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		f.events <- ev(fsnotify.Chmod, root+"/touched.md")
		f.events <- ev(fsnotify.Create, root+"/.page.md.swp")
		f.events <- ev(fsnotify.Write, root+"/page.md~")
		f.events <- ev(fsnotify.Create, root+"/4913")
		f.events <- ev(fsnotify.Remove, root+"/4913")
		f.events <- ev(fsnotify.Write, filepath.Dir(root)+"/outside.md")
		f.events <- ev(fsnotify.Write, root+"/page.md")
		wantPaths(t, <-w.Batches(), root+"/page.md")
	})
}

func TestLoopCustomIgnore(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		ignore := func(p string, _ bool) bool { return filepath.Ext(p) == ".log" }
		w, f := startFake(t, Options{Ignore: ignore}, root)
		f.events <- ev(fsnotify.Write, root+"/build.log")
		f.events <- ev(fsnotify.Write, root+"/.hidden")
		wantPaths(t, <-w.Batches(), root+"/.hidden")
	})
}

func TestLoopOverflowIsAnEverythingBatchAndRescans(t *testing.T) {
	root := t.TempDir()
	mkdirs(t, root+"/old", root+"/kept")
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		if !f.isWatched(root+"/old") || !f.isWatched(root+"/kept") {
			t.Fatal("existing folders are not watched")
		}
		// Changes whose events were lost.
		mkdirs(t, root+"/new/deeper")
		if err := os.Remove(root + "/old"); err != nil {
			t.Fatal(err)
		}
		f.events <- ev(fsnotify.Write, root+"/kept/a.md")
		f.errs <- fsnotify.ErrEventOverflow
		b := <-w.Batches()
		if !b.Overflow {
			t.Errorf("batch %+v does not say events were lost", b)
		}
		if !slices.Contains(b.Paths, root+"/kept/a.md") {
			t.Errorf("batch %v lost the path it had", b.Paths)
		}
		for p, want := range map[string]bool{root + "/new": true, root + "/new/deeper": true, root + "/old": false, root + "/kept": true} {
			if got := f.isWatched(p); got != want {
				t.Errorf("after the rescan, %s watched: %v, want %v", p, got, want)
			}
		}
		f.events <- ev(fsnotify.Write, root+"/kept/b.md")
		if b := <-w.Batches(); b.Overflow {
			t.Error("overflow outlives its batch")
		}
	})
}

func TestLoopForwardsOtherErrors(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		boom := errors.New("boom")
		f.errs <- boom
		if err := <-w.Errors(); !errors.Is(err, boom) {
			t.Errorf("Errors gave %v, want boom", err)
		}
	})
}

func TestLoopFollowsFoldersCreatedRemovedAndRenamed(t *testing.T) {
	root := t.TempDir()
	mkdirs(t, root+"/r/s")
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)

		// Created with content before its watch: scanned and reported.
		mkdirs(t, root+"/n/m", root+"/n/public")
		writeFile(t, root+"/n/m/x.md", "x")
		f.events <- ev(fsnotify.Create, root+"/n")
		wantPaths(t, <-w.Batches(), root+"/n", root+"/n/m", root+"/n/m/x.md")
		if !f.isWatched(root+"/n/m") || f.isWatched(root+"/n/public") {
			t.Errorf("watched n/m: %v (want true), n/public: %v (want false)", f.isWatched(root+"/n/m"), f.isWatched(root+"/n/public"))
		}

		// Removed: the watches below go too, the ignored folder is not reported.
		if err := os.RemoveAll(root + "/n"); err != nil {
			t.Fatal(err)
		}
		f.events <- ev(fsnotify.Remove, root+"/n/m/x.md")
		f.events <- ev(fsnotify.Remove, root+"/n/public")
		f.events <- ev(fsnotify.Remove, root+"/n/m")
		f.events <- ev(fsnotify.Remove, root+"/n")
		wantPaths(t, <-w.Batches(), root+"/n", root+"/n/m", root+"/n/m/x.md")
		if f.isWatched(root+"/n") || f.isWatched(root+"/n/m") {
			t.Error("removed folders are still watched")
		}

		// Renamed: the old paths' watches go (fsnotify would go on naming
		// events in r/s by the old name), the new ones are added.
		if err := os.Rename(root+"/r", root+"/q"); err != nil {
			t.Fatal(err)
		}
		f.events <- ev(fsnotify.Rename, root+"/r")
		f.events <- ev(fsnotify.Create, root+"/q")
		wantPaths(t, <-w.Batches(), root+"/r", root+"/q", root+"/q/s")
		if f.isWatched(root+"/r/s") || !f.isWatched(root+"/q/s") {
			t.Errorf("after the rename, r/s watched: %v (want false), q/s watched: %v (want true)", f.isWatched(root+"/r/s"), f.isWatched(root+"/q/s"))
		}
	})
}

func TestLoopPicksUpMissingRoots(t *testing.T) {
	site := t.TempDir()
	themes := site + "/themes"
	deep := site + "/x/y/z"
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, themes, deep)
		if !f.isWatched(site) {
			t.Fatal("the missing roots' parent is not watched")
		}
		mkdirs(t, themes+"/default")
		writeFile(t, themes+"/default/page.html", "p")
		f.events <- ev(fsnotify.Create, themes)
		wantPaths(t, <-w.Batches(), themes, themes+"/default", themes+"/default/page.html")
		if !f.isWatched(themes + "/default") {
			t.Error("the new root's folder is not watched")
		}

		mkdirs(t, site+"/x")
		f.events <- ev(fsnotify.Create, site+"/x")
		synctest.Wait()
		if !f.isWatched(site+"/x") || !f.isWatched(site) {
			t.Errorf("watched x: %v, site: %v; want both (x for z, site for themes)", f.isWatched(site+"/x"), f.isWatched(site))
		}
		mkdirs(t, deep)
		f.events <- ev(fsnotify.Create, site+"/x/y")
		wantPaths(t, <-w.Batches(), deep)
		if !f.isWatched(deep) || !f.isWatched(site+"/x/y") || f.isWatched(site+"/x") {
			t.Errorf("watched z: %v (want true), y: %v (want true), x: %v (want false)", f.isWatched(deep), f.isWatched(site+"/x/y"), f.isWatched(site+"/x"))
		}
	})
}

func TestLoopCloseDropsPendingEventsAndClosesTheChannels(t *testing.T) {
	root := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		w, f := startFake(t, Options{}, root)
		f.events <- ev(fsnotify.Write, root+"/a")
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if b, ok := <-w.Batches(); ok {
			t.Errorf("Batches gave %+v after Close", b)
		}
		if _, ok := <-w.Errors(); ok {
			t.Error("Errors is open after Close")
		}
		if err := w.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
		// synctest.Test fails if a goroutine of the bubble is left.
	})
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
