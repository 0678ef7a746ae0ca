package corpus

import "math/rand/v2"

// Every random choice comes from a PCG stream derived from the seed: one
// stream plans the whole corpus, and each page's body has a stream of its
// own, so that pages can be written in any order and on any number of
// cores with the same result.

// planStream is the stream number of the planning stream; page i's body
// uses stream i+1.
const planStream = 0

// newStream returns random stream n of seed.
func newStream(seed, n uint64) *rand.Rand {
	return rand.New(rand.NewPCG(mix(seed), mix(n^0x9e3779b97f4a7c15)))
}

// mix is the splitmix64 finaliser: neighbouring inputs give unrelated
// outputs, so seeds 1 and 2 make unrelated corpora.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// pick returns a random element of xs, which must not be empty.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a random int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// sample returns k distinct elements of xs (all of them when k ≥ len(xs)),
// in random order, leaving xs as it was.
func sample[T any](r *rand.Rand, xs []T, k int) []T {
	k = min(k, len(xs))
	out := make([]T, 0, k)
	taken := make(map[int]bool, k)
	for len(out) < k {
		i := r.IntN(len(xs))
		if !taken[i] {
			taken[i] = true
			out = append(out, xs[i])
		}
	}
	return out
}
