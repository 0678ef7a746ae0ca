package main

import (
	"slices"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// stats sum up a set of durations.
type stats struct {
	n                int
	median, p90, max time.Duration
}

// summarize is the median (the mean of the middle two of an even count),
// the 90th percentile (nearest rank: the 18th of 20) and the maximum.
func summarize(ds []time.Duration) stats {
	if len(ds) == 0 {
		return stats{}
	}
	return stats{n: len(ds), median: time.Duration(harness.Median(ds)), p90: harness.Percentile(ds, 90), max: slices.Max(ds)}
}

// latencies are the times of the edits that were seen.
func (kr kindResult) latencies() []time.Duration {
	var ds []time.Duration
	for _, s := range kr.samples {
		if s.err == nil {
			ds = append(ds, s.latency)
		}
	}
	return ds
}

// failures counts the edits not seen in time.
func (kr kindResult) failures() int {
	n := 0
	for _, s := range kr.samples {
		if s.err != nil {
			n++
		}
	}
	return n
}

// split is where the time of the seen edits went, for those the server
// printed a rebuild for: from the write to the start of the last rebuild
// (noticing the change, the debounce, and earlier rebuilds if any), the
// rebuilds, and from the end of the last one to the response that showed
// the edit (serving and polling; below zero when the server printed its
// line after it served the new page).
type split struct {
	before, rebuild, after []time.Duration
	perEdit                float64 // rebuilds printed per edit, over all edits
}

func (kr kindResult) split() split {
	var sp split
	count := 0
	for _, s := range kr.samples {
		count += len(s.rebuilds)
		if s.err != nil || len(s.rebuilds) == 0 {
			continue
		}
		var sum time.Duration
		for _, d := range s.rebuilds {
			sum += d
		}
		sp.rebuild = append(sp.rebuild, sum)
		sp.before = append(sp.before, s.printed-s.rebuilds[len(s.rebuilds)-1])
		sp.after = append(sp.after, s.latency-s.printed)
	}
	if len(kr.samples) > 0 {
		sp.perEdit = float64(count) / float64(len(kr.samples))
	}
	return sp
}
