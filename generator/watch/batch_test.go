package watch

import (
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)

func at(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }

func newBatcher() *batcher {
	return &batcher{quiet: 10 * time.Millisecond, maxWait: 50 * time.Millisecond}
}

func TestBatcherIsDueQuietAfterTheLastEvent(t *testing.T) {
	b := newBatcher()
	if b.due(at(1000)) {
		t.Fatal("an empty batcher is due")
	}
	b.add(at(0), "/a")
	b.add(at(4), "/b")
	if got := b.deadline(); !got.Equal(at(14)) {
		t.Errorf("deadline %v after t0, want 14ms", got.Sub(t0))
	}
	if b.due(at(13)) {
		t.Error("due 9 ms after the last event")
	}
	if !b.due(at(14)) {
		t.Error("not due 10 ms after the last event")
	}
}

func TestBatcherIsDueMaxWaitAfterTheFirstEvent(t *testing.T) {
	b := newBatcher()
	// An event every 7 ms never leaves 10 ms of quiet.
	for ms := 0; ms < 49; ms += 7 {
		b.add(at(ms), "/a")
		if b.due(at(ms + 6)) {
			t.Fatalf("due %d ms after the first event, 6 ms after the last", ms+6)
		}
	}
	b.add(at(49), "/b")
	if got := b.deadline(); !got.Equal(at(50)) {
		t.Errorf("deadline %v after t0, want 50ms", got.Sub(t0))
	}
	if !b.due(at(50)) {
		t.Error("not due 50 ms after the first event")
	}
}

func TestBatcherBatchIsSortedAndUniqueAndResetStartsAfresh(t *testing.T) {
	b := newBatcher()
	for i, p := range []string{"/c", "/a", "/c", "/b", "/a"} {
		b.add(at(i), p)
	}
	got := b.batch()
	if want := []string{"/a", "/b", "/c"}; !slices.Equal(got.Paths, want) || got.Overflow {
		t.Errorf("batch = %+v, want paths %v and no overflow", got, want)
	}
	b.reset()
	if !b.empty() || b.due(at(1000)) {
		t.Fatal("a reset batcher is not empty")
	}
	// The next batch's clock starts at its own first event.
	b.add(at(100), "/d")
	if got := b.deadline(); !got.Equal(at(110)) {
		t.Errorf("deadline %v after t0, want 110ms", got.Sub(t0))
	}
	if got := b.batch(); !slices.Equal(got.Paths, []string{"/d"}) {
		t.Errorf("second batch = %v, want [/d]", got.Paths)
	}
}

func TestBatcherLostEventsMakeAnOverflowBatch(t *testing.T) {
	b := newBatcher()
	b.lost(at(0))
	if b.empty() || !b.due(at(10)) {
		t.Fatal("lost events are not a pending batch")
	}
	if got := b.batch(); !got.Overflow || len(got.Paths) != 0 {
		t.Errorf("batch = %+v, want overflow without paths", got)
	}
	b.reset()
	b.add(at(20), "/a")
	if b.batch().Overflow {
		t.Error("overflow outlives its batch")
	}
}

func TestDefaultIgnore(t *testing.T) {
	for _, c := range []struct {
		path  string
		isDir bool
		want  bool
	}{
		{"/s/content/page.md", false, false},
		{"/s/content/.page.md.swp", false, true},
		{"/s/content/page.md.swp", false, true},
		{"/s/content/page.md.swx", false, true},
		{"/s/content/.#page.md", false, true},
		{"/s/content/#page.md#", false, true},
		{"/s/content/page.md~", false, true},
		{"/s/content/page.md.tmp", false, true},
		{"/s/content/4913", false, true},
		{"/s/content/14913.md", false, false},
		{"/s/content/.git", true, true},
		{"/s/content/public", true, true},
		{"/s/content/node_modules", true, true},
		{"/s/content/public", false, false},
		{"/s/content/public.md", false, false},
		{"/s/content/publications", true, false},
	} {
		if got := defaultIgnore(c.path, c.isDir); got != c.want {
			t.Errorf("defaultIgnore(%q, %v) = %v, want %v", c.path, c.isDir, got, c.want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		path, dir string
		want      bool
	}{
		{"/a/b", "/a/b", true},
		{"/a/b/c", "/a/b", true},
		{"/a/bc", "/a/b", false},
		{"/a", "/a/b", false},
		{"/a", "/", true},
	} {
		if got := within(c.path, c.dir); got != c.want {
			t.Errorf("within(%q, %q) = %v, want %v", c.path, c.dir, got, c.want)
		}
	}
}
