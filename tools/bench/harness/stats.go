package harness

import (
	"cmp"
	"slices"
)

// Number is what the statistics take: durations, byte counts, ratios.
type Number interface {
	~int | ~int64 | ~float64
}

// Median is the middle of xs, the mean of the middle two of an even count,
// as a float64; 0 for none.
func Median[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return (float64(s[n/2-1]) + float64(s[n/2])) / 2
}

// Percentile is the nearest-rank p-th percentile of xs: the smallest value
// that at least p % of them do not exceed (the 18th of 20 for p = 90);
// the zero value for none.
func Percentile[T cmp.Ordered](xs []T, p int) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100 // ceil(p/100 × n)
	return s[min(max(rank, 1), len(s))-1]
}
