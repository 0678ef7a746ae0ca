package main

import (
	"bytes"
	"context"
	"runtime"
	rtrace "runtime/trace"
	"sync"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

func TestBusyInCountsOverlapsOnce(t *testing.T) {
	spans := []interval{{0, 10}, {5, 30}, {20, 25}, {40, 50}}
	tests := []struct {
		iv   interval
		want time.Duration
	}{
		{interval{0, 50}, 10 + 25 + 5 + 10},
		{interval{8, 22}, 2 + 14 + 2},
		{interval{30, 40}, 0},
		{interval{45, 100}, 5},
	}
	for _, tt := range tests {
		if got := busyIn(spans, tt.iv); got != tt.want {
			t.Errorf("busyIn(%v) = %d, want %d", tt.iv, got, tt.want)
		}
	}
}

func TestStagesSumOverBuildsAndKeepTheRest(t *testing.T) {
	b := busy{
		regions: []region{
			{whole, interval{0, 100}}, {"content", interval{0, 40}}, {"write", interval{60, 100}},
			{whole, interval{200, 300}}, {"content", interval{200, 250}}, {"write", interval{250, 300}},
		},
		spans: []interval{{0, 100}, {0, 40}, {200, 300}},
		cores: 2,
	}
	want := []stage{
		{"content", 90, 80 + 50},
		{"write", 90, 40 + 50},
		{between, 20, 20},
		{whole, 200, 140 + 100},
	}
	got := b.stages()
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("stage %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	tab := table(harness.Roots{"a"}, []busy{b})
	if last := tab.Rows[len(tab.Rows)-1]; last[0] != whole || last[2] != "1.20" {
		t.Errorf("the build's row = %q, want it last with 1.20 cores busy", last)
	}
}

// TestReadTraceFindsRegionsAndRunningGoroutines traces this process while
// goroutines work inside a region and then none does, and reads it back.
func TestReadTraceFindsRegionsAndRunningGoroutines(t *testing.T) {
	if rtrace.IsEnabled() {
		t.Skip("the test binary is being traced already")
	}
	var buf bytes.Buffer
	if err := rtrace.Start(&buf); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	build := rtrace.StartRegion(ctx, whole)
	work := rtrace.StartRegion(ctx, "work")
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			n := 0
			for start := time.Now(); time.Since(start) < 20*time.Millisecond; n++ {
			}
			_ = n
		})
	}
	wg.Wait()
	work.End()
	rest := rtrace.StartRegion(ctx, "rest")
	rest.End()
	build.End()
	rtrace.Stop()

	b, err := readTrace(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range b.regions {
		names = append(names, r.name)
		if r.to < r.from {
			t.Errorf("region %s ends before it starts", r.name)
		}
	}
	if want := []string{whole, "work", "rest"}; len(names) != 3 || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Fatalf("regions %q, want %q", names, want)
	}
	if b.cores < 1 {
		t.Errorf("%d cores", b.cores)
	}
	st := b.stages()
	if st[0].name != "work" || st[0].busy <= 0 {
		t.Errorf("the goroutines working in the region were not seen running: %+v", st[0])
	}
	if _, err := readTrace(bytes.NewReader(nil)); err == nil {
		t.Error("an empty trace was read without an error")
	}
}
