package search

import (
	"math"
	"slices"
)

// The ranking's constants (docs/search.md, Ranking).
const (
	bm25K1      = 1.2  // BM25 term-frequency saturation
	bm25B       = 0.75 // BM25 length normalisation
	maxPostings = 1000 // documents kept per stem
)

// postings are the scored (stem, document) pairs, by stem number: stem
// i's documents are docs[start[i]:start[i]+n[i]], in ascending order,
// with their scores at the same places in scores.
type postings struct {
	stems        []string // by stem number, in order of first occurrence
	start, n     []int32
	docs, scores []int32
	kept         int // pairs kept
	dropped      int // pairs dropped by the cap
}

// list returns stem i's postings.
func (p *postings) list(i int) (docs, scores []int32) {
	lo, hi := p.start[i], p.start[i]+p.n[i]
	return p.docs[lo:hi], p.scores[lo:hi]
}

// score numbers the stems of all documents in order of first occurrence
// (terms[d].ids[i] becomes the index's stem number instead of the
// tokenizer's), scores each (stem, document) pair with BM25F (setting
// terms[d].score) and returns each stem's best maxPostings documents.
// toks are the tokenizers that made terms. scored, when not nil, is
// called with each document once its terms are scored, before the
// postings are made, so that what only it needs can go first.
func score(terms []docTerms, toks []tokenizer, scored func(d int)) *postings {
	p := &postings{}
	number := map[string]int32{}
	remap := make([][]int32, len(toks))
	for w := range toks {
		remap[w] = make([]int32, len(toks[w].stems))
		for i := range remap[w] {
			remap[w][i] = -1
		}
	}
	var df []int32
	var sum [numFields]float64
	var count [numFields]int
	total := 0
	for d := range terms {
		dt := &terms[d]
		for i, local := range dt.ids {
			id := remap[dt.worker][local]
			if id < 0 {
				stem := toks[dt.worker].stems[local]
				var ok bool
				if id, ok = number[stem]; !ok {
					id = int32(len(p.stems))
					number[stem] = id
					p.stems = append(p.stems, stem)
					df = append(df, 0)
				}
				remap[dt.worker][local] = id
			}
			dt.ids[i] = id
			df[id]++
		}
		total += len(dt.ids)
		for f, l := range dt.lens {
			if l > 0 {
				sum[f] += float64(l)
				count[f]++
			}
		}
	}
	// A field's mean length is over the documents where it is not empty:
	// most pages have no key, and a key is no longer for that.
	var mean [numFields]float64
	for f := range mean {
		if count[f] > 0 {
			mean[f] = sum[f] / float64(count[f])
		}
	}
	n := float64(len(terms))
	idf := make([]float64, len(df))
	for i, d := range df {
		idf[i] = math.Log(1 + (n-float64(d)+0.5)/(float64(d)+0.5))
	}
	eachDoc(len(terms), func(_, d int) {
		dt := &terms[d]
		dt.score = make([]int32, len(dt.ids))
		for i, j := 0, 0; i < len(dt.ids); i++ {
			var tf [numFields]uint16
			tf, j = dt.tf(i, j)
			dt.score[i] = scoreOf(&tf, &dt.lens, &mean, idf[dt.ids[i]])
		}
		if scored != nil {
			scored(d)
		}
	})

	p.start = make([]int32, len(df))
	p.n = make([]int32, len(df))
	at := int32(0)
	for i, d := range df {
		p.start[i] = at
		at += d
	}
	p.docs = make([]int32, total)
	p.scores = make([]int32, total)
	for d := range terms {
		dt := &terms[d]
		for i := range dt.ids {
			id := dt.ids[i]
			at := p.start[id] + p.n[id]
			p.docs[at], p.scores[at] = int32(d), dt.score[i]
			p.n[id]++
		}
	}
	parallel(len(p.stems), batch, func(_, i int) {
		docs, scores := p.list(i)
		p.n[i] = int32(capPostings(docs, scores, maxPostings))
	})
	for i, d := range df {
		p.kept += int(p.n[i])
		p.dropped += int(d) - int(p.n[i])
	}
	return p
}

// scoreOf is a document's BM25F score for one stem, times 100, rounded,
// at least 1: the stem's frequency in each field, divided by
// 1 − b + b × (the field's length ÷ its mean), weighted and summed into
// tf, then idf × tf ÷ (k1 + tf).
func scoreOf(counts *[numFields]uint16, lens *[numFields]int, mean *[numFields]float64, idf float64) int32 {
	tf := 0.0
	for f, c := range counts {
		if c == 0 {
			continue
		}
		norm := 1 - bm25B + bm25B*float64(lens[f])/mean[f]
		tf += fieldWeight(f) * float64(c) / norm
	}
	s := math.Round(idf * tf / (bm25K1 + tf) * 100)
	return int32(max(1, s))
}

// capPostings keeps the limit best documents of a list, in place and in
// ascending document order, and returns how many it kept: those with the
// highest scores, of equal scores the lowest document numbers.
func capPostings(docs, scores []int32, limit int) int {
	if len(docs) <= limit {
		return len(docs)
	}
	sorted := slices.Clone(scores)
	slices.Sort(sorted)
	threshold := sorted[len(sorted)-limit] // the limit-th best score
	ties := limit                          // documents kept with the threshold score
	for _, s := range sorted[len(sorted)-limit:] {
		if s > threshold {
			ties--
		}
	}
	n := 0
	for i, s := range scores {
		if s > threshold || s == threshold && ties > 0 {
			if s == threshold {
				ties--
			}
			docs[n], scores[n] = docs[i], s
			n++
		}
	}
	return n
}
