// Package forecast answers "when, and how sure?" for the open work of a
// backlog from the throughput it measured in its own past iterations.
// It simulates many futures (Monte Carlo): in each, every iteration
// finishes one of the measured throughputs, drawn at random with
// replacement, until the work is done; the share of futures done within
// n iterations is how likely the work is to be done by then
// (docs/forecasting.md).
//
// It is pure: the caller gives the done items' days and points, the
// iterations, and the work ahead, and gets distributions of iteration
// counts. Its random numbers come from a seed the caller names (Seed),
// so that the same backlog at the same commit gives the same forecast.
package forecast

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// MaxIterations is the longest future simulated: work not done within
// it is reported as out of reach, not simulated for ever (a backlog
// whose throughput was nearly always zero).
const MaxIterations = 520

// Period is one iteration: its first and last day, at midnight UTC.
type Period struct {
	Start, End time.Time
}

// Periods are the n complete iterations before the one that holds day
// now, most recent last: iterations of weeks weeks on the grid of those
// that start on day anchor (any iteration's first day). None when weeks
// or n is less than 1.
func Periods(anchor, now time.Time, weeks, n int) []Period {
	if weeks < 1 || n < 1 {
		return nil
	}
	anchor, now = day(anchor), day(now)
	length := weeks * 7
	days := int(now.Sub(anchor).Hours() / 24)
	k := days / length // the iteration that holds now, counted from anchor's
	if days < 0 && days%length != 0 {
		k--
	}
	current := anchor.AddDate(0, 0, k*length)
	out := make([]Period, n)
	for i := range n {
		start := current.AddDate(0, 0, -(n-i)*length)
		out[i] = Period{Start: start, End: start.AddDate(0, 0, length-1)}
	}
	return out
}

// Done is one item that was done: the first day of its final run of done
// statuses, and its estimate in points.
type Done struct {
	Day    time.Time
	Points float64
}

// Throughput is what one iteration finished.
type Throughput struct {
	Period
	Items  int
	Points float64
}

// Measure counts, for each of periods, the items done in it and their
// points.
func Measure(done []Done, periods []Period) []Throughput {
	out := make([]Throughput, len(periods))
	for i, p := range periods {
		out[i].Period = p
	}
	for _, d := range done {
		t := day(d.Day)
		i, found := slices.BinarySearchFunc(periods, t, func(p Period, t time.Time) int {
			switch {
			case p.End.Before(t):
				return -1
			case p.Start.After(t):
				return 1
			}
			return 0
		})
		if found {
			out[i].Items++
			out[i].Points += d.Points
		}
	}
	return out
}

// What a forecast stands on.
const (
	Measured = "measured" // the backlog's own throughput
	Declared = "declared" // the velocity its product owner declared
	None     = "none"     // neither: no forecast
)

// The units work is counted in.
const (
	Points = "points" // estimate points
	Items  = "items"  // items, whatever their estimates
)

// MinIterations is how many complete iterations of the window must have
// finished an item for the measured throughput to stand a forecast.
const MinIterations = 3

// Velocity is the mean points of the iterations measured; 0 for none.
func Velocity(measured []Throughput) float64 {
	if len(measured) == 0 {
		return 0
	}
	sum := 0.0
	for _, t := range measured {
		sum += t.Points
	}
	return sum / float64(len(measured))
}

// Samples are the throughputs a forecast in unit draws from, and what
// they stand on: the iterations measured, when at least MinIterations of
// them finished an item; else the declared velocity, in points only (a
// declared velocity says nothing of items); else none.
func Samples(measured []Throughput, unit string, declared float64) ([]float64, string) {
	active := 0
	for _, t := range measured {
		if t.Items > 0 {
			active++
		}
	}
	switch {
	case active >= MinIterations:
		out := make([]float64, len(measured))
		for i, t := range measured {
			out[i] = t.Points
			if unit == Items {
				out[i] = float64(t.Items)
			}
		}
		return out, Measured
	case declared > 0 && unit != Items:
		return []float64{declared}, Declared
	}
	return nil, None
}

// Dist is how many iterations one amount of work took across the
// simulated futures.
type Dist struct {
	Trials int
	within []int32 // within[n-1]: futures in which it was done within n iterations; never falls
	Beyond int     // futures in which it was not done within MaxIterations
}

// Within is the share of futures in which the work was done within n
// iterations (0–1).
func (d *Dist) Within(n int) float64 {
	if d.Trials == 0 || n <= 0 || len(d.within) == 0 {
		return 0
	}
	return float64(d.within[min(n, len(d.within))-1]) / float64(d.Trials)
}

// Percentile is the fewest iterations within which at least p percent of
// the futures had done the work; !ok when that is beyond MaxIterations.
func (d *Dist) Percentile(p float64) (n int, ok bool) {
	if d.Trials == 0 {
		return 0, false
	}
	need := int32(math.Ceil(p/100*float64(d.Trials) - 1e-9)) // 85 % of 10,000 is 8,500, whatever the rounding of 0.85
	// The first count of futures done within n iterations that reaches need.
	i, _ := slices.BinarySearch(d.within, need)
	if i == len(d.within) {
		return 0, false
	}
	return i + 1, true
}

// Simulate simulates trials futures of one backlog. In each, every
// iteration finishes one of samples (throughputs, in the unit of works)
// drawn by rng with replacement, until every one of works is done: works
// are the amounts of work ahead of each item or release, ascending. It
// returns, for each of works, how many iterations it took. Work of zero
// or less is done in the first iteration, as an open item finishes in
// the current one at the earliest. With no samples, or none above zero,
// every future is beyond reach.
func Simulate(samples, works []float64, trials int, rng *rand.Rand) []Dist {
	out := make([]Dist, len(works))
	for i := range out {
		out[i].Trials = trials
	}
	if len(works) == 0 || trials <= 0 {
		return out
	}
	if len(samples) == 0 || slices.Max(samples) <= 0 {
		for i := range out {
			out[i].Beyond = trials
		}
		return out
	}
	const eps = 1e-9 // sums of decimal points
	// In a future, the works done in its n-th iteration are a run of
	// works[a:b], as works ascend: runs[(n-1)*width+a] counts one more
	// work done in exactly n, runs[(n-1)*width+b] one less, so that a
	// future costs its iterations, not its works.
	width := len(works) + 1
	var runs []int32 // grows a row of width at a time, as far as the longest future
	beyondFrom := make([]int32, width)
	longest := 0
	for range trials {
		done, w := 0.0, 0
		for n := 1; w < len(works); n++ {
			if n > MaxIterations {
				beyondFrom[w]++
				break
			}
			done += samples[rng.IntN(len(samples))]
			a := w
			for w < len(works) && works[w] <= done+eps {
				w++
			}
			if w > a {
				if len(runs) < n*width {
					runs = append(runs, make([]int32, n*width-len(runs))...)
				}
				runs[(n-1)*width+a]++
				runs[(n-1)*width+w]--
				longest = max(longest, n)
			}
		}
	}
	for i := range out {
		out[i].within = make([]int32, longest)
	}
	for n := range longest {
		var sum int32
		row := runs[n*width : (n+1)*width]
		for w := range works {
			sum += row[w] // the futures that did work w in exactly n+1 iterations
			out[w].within[n] = sum
			if n > 0 {
				out[w].within[n] += out[w].within[n-1]
			}
		}
	}
	var beyond int32
	for w := range works {
		beyond += beyondFrom[w]
		out[w].Beyond = int(beyond)
	}
	return out
}

// Seed is a source of random numbers named by parts (a backlog's id and
// the commit): the same parts give the same numbers on every machine.
func Seed(parts ...string) *rand.Rand {
	h := fnv.New128a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	return rand.New(rand.NewPCG(binary.BigEndian.Uint64(sum[:8]), binary.BigEndian.Uint64(sum[8:])))
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Backlog is what a backlog's forecast is made from.
type Backlog struct {
	ID, Commit string    // name the seed: the same backlog at the same commit, the same forecast
	Now        time.Time // the day forecasts count from; its iteration is the first ahead
	Anchor     time.Time // the first day of any iteration of the grid measured on
	Weeks      int       // iteration length
	Window     int       // complete iterations measured
	Trials     int       // futures simulated
	Unit       string    // Points or Items
	Declared   float64   // the velocity its product owner declared, in points; 0: none
	Done       []Done    // its items done, at any time
	Open       []float64 // its open items' estimates, in rank order
}

// Forecast is a backlog's forecast.
type Forecast struct {
	Throughput []Throughput // the window's iterations, oldest first
	Velocity   float64      // their mean points
	Basis      string       // Measured, Declared or None
	Items      []Dist       // for each open item, in rank order: the iterations until it is done; none without a basis
	now        time.Time
	weeks      int
}

// Of forecasts b: its throughput over the window, and, on the basis that
// gives, the iterations until each open item is done.
func Of(b Backlog) *Forecast {
	f := &Forecast{now: day(b.Now), weeks: max(b.Weeks, 1)}
	f.Throughput = Measure(b.Done, Periods(b.Anchor, b.Now, b.Weeks, b.Window))
	f.Velocity = Velocity(f.Throughput)
	samples, basis := Samples(f.Throughput, b.Unit, b.Declared)
	f.Basis = basis
	if basis == None {
		return f
	}
	works := make([]float64, len(b.Open))
	sum := 0.0
	for i, e := range b.Open {
		if b.Unit == Items {
			e = 1
		}
		sum += e
		works[i] = sum
	}
	trials := b.Trials
	if slices.Min(samples) == slices.Max(samples) {
		trials = 1 // every future is the same (a declared velocity)
	}
	f.Items = Simulate(samples, works, trials, Seed(b.ID, b.Commit))
	return f
}

// End is the last day of the n-th iteration ahead, the current one first:
// the day by which work done within n iterations is done.
func (f *Forecast) End(n int) time.Time {
	return f.now.AddDate(0, 0, n*7*f.weeks-1)
}

// Within is how many whole iterations ahead end by day end (0 when the
// current one ends after it).
func (f *Forecast) Within(end time.Time) int {
	days := int(day(end).Sub(f.now).Hours()/24) + 1
	if days < 0 {
		return 0
	}
	return min(days/(7*f.weeks), MaxIterations)
}

// Part is the part of some work that one backlog holds: its open item
// at Item, in rank order, and all above it.
type Part struct {
	F    *Forecast
	Item int
}

// Dates are, for each of percentiles, the day by which work in parts is
// done in that share of the futures ("" when out of reach), and the
// share done by day end (0–1); ok is false when a part has no basis.
// Work in several backlogs is done when every part is; each backlog's
// futures are drawn on their own, so the share done by a day is the
// product of the parts' shares by then, each counting its own
// iterations (backlogs may differ in their length).
func Dates(parts []Part, percentiles []int, end time.Time) (dates map[int]string, probability float64, ok bool) {
	j, ok := Join(parts)
	if !ok {
		return nil, 0, false
	}
	return j.Dates(percentiles), j.By(end), true
}

// Dates are, for each of percentiles, the day by which the work is done
// in that share of the futures, "" when out of reach.
func (j *Joint) Dates(percentiles []int) map[int]string {
	dates := map[int]string{}
	for _, pc := range percentiles {
		dates[pc] = ""
		if d, ok := j.Day(float64(pc) / 100); ok {
			dates[pc] = d.Format(time.DateOnly)
		}
	}
	return dates
}

// Joint is work in several parts, each with its futures: when it is
// done, as Dates and Day say, asked more than once.
type Joint struct {
	parts []Part
	dists []*Dist
	days  []time.Time // the days a share can change on; made when first needed
}

// Join is the work in parts; !ok when a part has no basis, or there is
// none.
func Join(parts []Part) (*Joint, bool) {
	j := &Joint{parts: parts, dists: make([]*Dist, len(parts))}
	for i, p := range parts {
		if p.F.Basis == None || p.Item < 0 || p.Item >= len(p.F.Items) {
			return nil, false
		}
		j.dists[i] = &p.F.Items[p.Item]
	}
	return j, len(parts) > 0
}

// By is the share of futures in which every part is done by day d.
func (j *Joint) By(d time.Time) float64 {
	share := 1.0
	for i, p := range j.parts {
		share *= j.dists[i].Within(p.F.Within(d))
	}
	return share
}

// Day is the first day by which at least share (0–1) of the futures
// are done; !ok when that is out of reach.
func (j *Joint) Day(share float64) (time.Time, bool) {
	if len(j.parts) == 1 { // the part's own iteration
		if n, ok := j.dists[0].Percentile(share * 100); ok {
			return j.parts[0].F.End(n), true
		}
		return time.Time{}, false
	}
	if j.days == nil {
		// The last days of the parts' iterations, as far as any future
		// of theirs went.
		for i, p := range j.parts {
			for n := 1; n <= len(j.dists[i].within); n++ {
				j.days = append(j.days, p.F.End(n))
			}
		}
		slices.SortFunc(j.days, time.Time.Compare)
		j.days = slices.Compact(j.days)
	}
	// The share done by a day never falls as the days go on (each part's
	// never does, and neither does their product, rounded), so the first
	// day that reaches share is found by halving.
	i := sort.Search(len(j.days), func(i int) bool { return j.By(j.days[i]) >= share-1e-12 })
	if i == len(j.days) {
		return time.Time{}, false
	}
	return j.days[i], true
}
