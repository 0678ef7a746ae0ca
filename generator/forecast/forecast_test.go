package forecast

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodsAreTheCompleteIterationsBeforeToday(t *testing.T) {
	for _, tc := range []struct {
		anchor, now string
		weeks, n    int
		want        []string // first days
	}{
		{"2026-01-05", "2026-03-04", 2, 3, []string{"2026-01-19", "2026-02-02", "2026-02-16"}},
		{"2026-01-05", "2026-03-01", 2, 2, []string{"2026-01-19", "2026-02-02"}}, // 03-01 ends the iteration of 02-16
		{"2026-01-05", "2026-03-02", 2, 2, []string{"2026-02-02", "2026-02-16"}}, // 03-02 starts one
		{"2026-06-01", "2026-03-04", 2, 1, []string{"2026-02-09"}},               // an anchor after today
		{"2026-01-05", "2026-03-04", 0, 1, nil},
	} {
		ps := Periods(date(tc.anchor), date(tc.now), tc.weeks, tc.n)
		var got []string
		for _, p := range ps {
			got = append(got, p.Start.Format(time.DateOnly))
			if p.End.Sub(p.Start) != time.Duration(tc.weeks*7-1)*24*time.Hour {
				t.Errorf("%v: a period from %v to %v", tc, p.Start, p.End)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("anchor %s, now %s, %d weeks: %v, want %v", tc.anchor, tc.now, tc.weeks, got, tc.want)
		}
	}
}

func TestMeasureCountsTheItemsDoneInEachIteration(t *testing.T) {
	ps := Periods(date("2026-01-05"), date("2026-02-20"), 2, 3) // 01-05, 01-19, 02-02
	got := Measure([]Done{
		{date("2026-01-05"), 3}, {date("2026-01-18"), 2}, // the first iteration, both ends
		{date("2026-02-15"), 5},    // the last one's last day
		{date("2026-02-16"), 8},    // the current iteration: not counted
		{date("2025-12-31"), 1},    // before the window
		{date("2026-01-20"), 0.5}}, // the second
		ps)
	want := []struct {
		items  int
		points float64
	}{{2, 5}, {1, 0.5}, {1, 5}}
	for i, w := range want {
		if got[i].Items != w.items || got[i].Points != w.points {
			t.Errorf("iteration %d: %d items, %v points; want %d, %v", i, got[i].Items, got[i].Points, w.items, w.points)
		}
	}
}

func TestSamplesStandOnTheHistoryWhenThereIsEnough(t *testing.T) {
	it := func(items int, points float64) Throughput { return Throughput{Items: items, Points: points} }
	three := []Throughput{it(2, 5), it(0, 0), it(1, 8), it(3, 3)}
	two := []Throughput{it(2, 5), it(0, 0), it(1, 8), it(0, 0)}
	for _, tc := range []struct {
		name     string
		measured []Throughput
		unit     string
		declared float64
		want     []float64
		basis    string
	}{
		{"three active iterations, points", three, Points, 20, []float64{5, 0, 8, 3}, Measured},
		{"three active iterations, items", three, Items, 20, []float64{2, 0, 1, 3}, Measured},
		{"two active iterations: the declared velocity", two, Points, 20, []float64{20}, Declared},
		{"two, in items: a velocity says nothing of items", two, Items, 20, nil, None},
		{"no history, no velocity", nil, Points, 0, nil, None},
		{"one iteration", three[:1], Points, 0, nil, None},
	} {
		got, basis := Samples(tc.measured, tc.unit, tc.declared)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) || basis != tc.basis {
			t.Errorf("%s: %v on %s, want %v on %s", tc.name, got, basis, tc.want, tc.basis)
		}
	}
	if v := Velocity(three); v != 4 {
		t.Errorf("velocity %v, want 4", v)
	}
}

// With one throughput every future is the same: each percentile is the
// deterministic answer, and the share done by any iteration 0 or 1.
func TestConstantThroughputGivesTheDeterministicAnswer(t *testing.T) {
	works := []float64{0, 3, 20, 20.5, 40, 41, 199.9}
	dists := Simulate([]float64{20, 20, 20}, works, 1000, Seed("b", "c"))
	for i, w := range works {
		want := max(int(math.Ceil(w/20-1e-9)), 1)
		for _, p := range []float64{50, 85, 95, 100} {
			if n, ok := dists[i].Percentile(p); !ok || n != want {
				t.Errorf("work %v, percentile %v: %d (%v), want %d", w, p, n, ok, want)
			}
		}
		if got := dists[i].Within(want - 1); got != 0 {
			t.Errorf("work %v: %v done within %d iterations, want 0", w, got, want-1)
		}
		if got := dists[i].Within(want); got != 1 {
			t.Errorf("work %v: %v done within %d iterations, want 1", w, got, want)
		}
	}
}

// A backlog's forecast: measured when the window has enough, with each
// open item's dates; a release in two backlogs, of iterations of one and
// two weeks, is done when both parts are.
func TestForecastsOfBacklogsAndAReleaseInTwo(t *testing.T) {
	now := date("2026-03-02") // a Monday that starts an iteration of either grid
	anchor := date("2026-01-05")
	var done []Done
	for d := date("2026-01-05"); d.Before(now); d = d.AddDate(0, 0, 7) {
		done = append(done, Done{d, 10}) // 10 points a week
	}
	fast := Of(Backlog{ID: "a", Commit: "c", Now: now, Anchor: anchor, Weeks: 1, Window: 6, Trials: 500, Unit: Points,
		Done: done, Open: []float64{5, 5, 10, 25}}) // work ahead 5, 10, 20, 45: 1, 1, 2 and 5 one-week iterations
	slow := Of(Backlog{ID: "b", Commit: "c", Now: now, Anchor: anchor, Weeks: 2, Window: 3, Trials: 500, Unit: Points,
		Done: done, Open: []float64{30, 30}}) // 20 points an iteration of two weeks: 2 and 3 iterations
	if fast.Basis != Measured || fast.Velocity != 10 || slow.Basis != Measured || slow.Velocity != 20 {
		t.Fatalf("bases %s, %s; velocities %v, %v", fast.Basis, slow.Basis, fast.Velocity, slow.Velocity)
	}
	for i, want := range []string{"2026-03-08", "2026-03-08", "2026-03-15", "2026-04-05"} {
		if dates, p, ok := Dates([]Part{{fast, i}}, []int{50, 85}, date("2026-03-15")); !ok || dates[50] != want || dates[85] != want || p != map[bool]float64{true: 1, false: 0}[want <= "2026-03-15"] {
			t.Errorf("item %d: %v, %v by 03-15 (%v); want %s", i, dates, p, ok, want)
		}
	}
	// The release: fast's third item (03-15) and slow's second (three
	// two-week iterations: 04-12); by 04-05 only the first part is done.
	dates, p, ok := Dates([]Part{{fast, 2}, {slow, 1}}, []int{50, 85, 95}, date("2026-04-05"))
	if !ok || dates[85] != "2026-04-12" || p != 0 {
		t.Errorf("the release: %v, %v by 04-05 (%v); want 2026-04-12, 0", dates, p, ok)
	}
	if _, p, _ := Dates([]Part{{fast, 2}, {slow, 1}}, nil, date("2026-04-12")); p != 1 {
		t.Errorf("the release by its day: %v, want 1", p)
	}
	// Too little history: the declared velocity, or nothing.
	few := Of(Backlog{ID: "c", Now: now, Anchor: anchor, Weeks: 1, Window: 6, Trials: 100, Unit: Points, Declared: 8, Done: done[:2], Open: []float64{8}})
	if few.Basis != Declared {
		t.Errorf("two iterations of history: basis %s, want %s", few.Basis, Declared)
	}
	none := Of(Backlog{ID: "d", Now: now, Anchor: anchor, Weeks: 1, Window: 6, Trials: 100, Unit: Items, Declared: 8, Done: done[:2], Open: []float64{8}})
	if _, _, ok := Dates([]Part{{none, 0}}, []int{50}, now); none.Basis != None || ok {
		t.Errorf("items without history: basis %s, dates %v", none.Basis, ok)
	}
}

func TestWorkOutOfReachEndsTheFutureAndSaysSo(t *testing.T) {
	for name, samples := range map[string][]float64{"no history": nil, "nothing ever done": {0, 0, 0}, "too slow": {0, 0, 0, 1}} {
		dists := Simulate(samples, []float64{1, 1e6}, 200, Seed(name))
		last := dists[len(dists)-1]
		if last.Beyond != 200 {
			t.Errorf("%s: %d of 200 futures beyond reach", name, last.Beyond)
		}
		if _, ok := last.Percentile(50); ok {
			t.Errorf("%s: a percentile of work out of reach", name)
		}
	}
}

func TestTheSameSeedGivesTheSameForecast(t *testing.T) {
	samples, works := []float64{0, 3, 5, 8, 13}, []float64{10, 30, 60}
	a := Simulate(samples, works, 2000, Seed("team-alpha", "abc123"))
	b := Simulate(samples, works, 2000, Seed("team-alpha", "abc123"))
	c := Simulate(samples, works, 2000, Seed("team-alpha", "abc124"))
	same, other := true, false
	for i := range works {
		for n := 1; n < 40; n++ {
			same = same && a[i].Within(n) == b[i].Within(n)
			other = other || a[i].Within(n) != c[i].Within(n)
		}
	}
	if !same || !other {
		t.Errorf("same seed alike: %v; another commit differs: %v", same, other)
	}
}

// exactWithin is the exact share of futures in which work w is done
// within n iterations, each iteration drawing one of samples (whole
// numbers) with equal chance: the chance that n draws sum to w or more,
// from the distribution of their sum by convolution.
func exactWithin(samples []int, w, n int) float64 {
	dist := map[int]float64{0: 1}
	for range n {
		next := map[int]float64{}
		for s, p := range dist {
			for _, x := range samples {
				next[s+x] += p / float64(len(samples))
			}
		}
		dist = next
	}
	sum := 0.0
	for s, p := range dist {
		if s >= w {
			sum += p
		}
	}
	return sum
}

// The simulated shares agree with the exact ones within 0.02 (four
// standard errors of a share at 10,000 trials), and each percentile is
// the exact one, or one iteration off where the exact share is that
// close to it.
func TestSimulationAgreesWithTheExactConvolution(t *testing.T) {
	samples := []int{0, 1, 1, 2, 3, 5}
	fs := make([]float64, len(samples))
	for i, s := range samples {
		fs[i] = float64(s)
	}
	works := []int{1, 4, 9, 17, 30}
	ws := make([]float64, len(works))
	for i, w := range works {
		ws[i] = float64(w)
	}
	const trials, tolerance = 10000, 0.02
	for _, seed := range []string{"one", "two", "three"} {
		dists := Simulate(fs, ws, trials, Seed(seed))
		for i, w := range works {
			for n := 1; n <= 25; n++ {
				exact := exactWithin(samples, w, n)
				if w > 0 && n == 0 {
					exact = 0
				}
				if got := dists[i].Within(n); math.Abs(got-exact) > tolerance {
					t.Errorf("seed %s, work %d, %d iterations: %.4f simulated, %.4f exact", seed, w, n, got, exact)
				}
			}
			for _, p := range []float64{50, 85, 95} {
				got, ok := dists[i].Percentile(p)
				want := 1
				for exactWithin(samples, w, want) < p/100 {
					want++
				}
				near := (got == want-1 || got == want+1) && math.Abs(exactWithin(samples, w, min(got, want))-p/100) <= tolerance
				if !ok || got != want && !near {
					t.Errorf("seed %s, work %d, percentile %v: %d simulated, %d exact", seed, w, p, got, want)
				}
			}
		}
	}
}

// BenchmarkSimulate is issue 20's case: 25 backlogs of 280 items with
// 4 releases each (100 releases, 7,000 items), 10,000 trials each, the
// backlogs simulated on every core (docs/benchmarks.md).
func BenchmarkSimulate(b *testing.B) {
	samples := []float64{18, 22, 25, 31, 27, 20, 24, 29, 33, 21}
	var works []float64
	sum := 0.0
	for i := range 280 {
		sum += float64(1 + i%5)
		works = append(works, sum)
		if i%70 == 69 {
			works = append(works, sum) // a release's last item
		}
	}
	for b.Loop() {
		next := make(chan int)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for k := range next {
					Simulate(samples, works, 10000, Seed(fmt.Sprint("backlog-", k), "head"))
				}
			})
		}
		for k := range 25 {
			next <- k
		}
		close(next)
		wg.Wait()
	}
}

func TestDayIsThePercentilesDay(t *testing.T) {
	day := func(parts []Part, share float64) (time.Time, bool) {
		j, ok := Join(parts)
		if !ok {
			return time.Time{}, false
		}
		return j.Day(share)
	}
	now := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	// 4 points an iteration, every iteration: 10 points take 3.
	f := Of(Backlog{ID: "b", Now: now, Anchor: now, Weeks: 1, Window: 10, Trials: 100, Unit: Points, Declared: 4, Open: []float64{2, 8}})
	parts := []Part{{F: f, Item: 1}}
	dates, _, _ := Dates(parts, []int{85}, time.Time{})
	for _, share := range []float64{0.01, 0.85, 0.999999, 1} {
		d, ok := day(parts, share)
		if !ok || d.Format(time.DateOnly) != dates[85] || d.Format(time.DateOnly) != "2026-03-22" {
			t.Errorf("Day(%v) = %v, %v; want %s as Dates gives", share, d, ok, dates[85])
		}
	}
	if _, ok := day([]Part{{F: f, Item: 5}}, 0.5); ok {
		t.Error("Day of an item the forecast does not have: ok")
	}
	if _, ok := day(nil, 0.5); ok {
		t.Error("Day of no parts: ok")
	}
}

// TestDayOfSeveralPartsIsTheFirstDayThatReachesTheShare checks the
// halving search of Joint.Day against a scan of every day a share can
// change on, for releases spread over two to five backlogs of different
// iteration lengths and throughputs, with futures out of reach among
// them.
func TestDayOfSeveralPartsIsTheFirstDayThatReachesTheShare(t *testing.T) {
	now := date("2026-03-02")
	rng := Seed("joint days")
	for k := range 40 {
		var parts []Part
		for b := range 2 + k%4 {
			var done []Done
			for d := now.AddDate(0, 0, -70); d.Before(now); d = d.AddDate(0, 0, 7) {
				done = append(done, Done{d, float64(rng.IntN(12))}) // some weeks nothing
			}
			open := make([]float64, 3+rng.IntN(30))
			for i := range open {
				open[i] = float64(1 + rng.IntN(8))
			}
			f := Of(Backlog{ID: fmt.Sprint(k, b), Now: now, Anchor: now.AddDate(0, 0, -70), Weeks: 1 + rng.IntN(3), Window: 5, Trials: 300,
				Unit: Points, Done: done, Open: open})
			if f.Basis == None {
				continue
			}
			parts = append(parts, Part{F: f, Item: rng.IntN(len(open))})
		}
		j, ok := Join(parts)
		if !ok {
			continue
		}
		var days []time.Time
		for i, p := range parts {
			for n := 1; n <= len(j.dists[i].within); n++ {
				days = append(days, p.F.End(n))
			}
		}
		for _, share := range []float64{0, 0.01, 0.3, 0.5, 0.85, 0.95, 0.999, 1} {
			want, wantOK := time.Time{}, false
			for _, d := range days { // any order: the earliest that reaches share
				if j.By(d) >= share-1e-12 && (!wantOK || d.Before(want)) {
					want, wantOK = d, true
				}
			}
			if got, ok := j.Day(share); ok != wantOK || !got.Equal(want) {
				t.Errorf("release %d of %d parts, Day(%v) = %v, %v; a scan of every day gives %v, %v", k, len(parts), share, got, ok, want, wantOK)
			}
		}
	}
}
