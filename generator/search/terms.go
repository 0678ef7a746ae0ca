package search

import "slices"

// The fields of a document, each with its weight in the score.
const (
	fieldKey = iota
	fieldAbbr
	fieldTitle
	fieldAliases
	fieldTags
	fieldHeadings
	fieldSummary
	fieldBody
	numFields
)

// fieldWeight is the weight of field f in a document's score for a stem.
func fieldWeight(f int) float64 {
	switch f {
	case fieldKey, fieldAbbr:
		return 8
	case fieldTitle:
		return 5
	case fieldAliases:
		return 4
	case fieldTags:
		return 3
	case fieldHeadings:
		return 2
	case fieldSummary:
		return 1.5
	}
	return 1
}

// termCount is one stem of a document and its frequency in each field.
type termCount struct {
	id int32             // stem number: the tokenizer's, then the index's
	tf [numFields]uint16 // at most 65,535
}

// sentence is one sentence of a document's body: its byte range in the
// body and the range of its words in docTerms.body.
type sentence struct{ lo, hi, wlo, whi int32 }

// docTerms is what tokenising makes of one document, and what scoring
// adds.
type docTerms struct {
	worker int            // the tokenizer's number
	terms  []termCount    // in order of first occurrence
	lens   [numFields]int // words per field
	body   []int32        // the term (index in terms) of each body word
	sents  []sentence     // the body's sentences
	score  []int32        // each term's score (set by score)
}

// doc splits, folds and stems the fields of d and counts its stems. The
// stem numbers in the result are t's.
func (t *tokenizer) doc(d *Doc) docTerms {
	if t.recent == nil {
		t.recent = new([recentSize]recentWord)
	}
	t.gen++
	var dt docTerms
	terms := t.termBuf[:0]
	body := t.bodyBuf[:0]
	sents := sentences(d.Body)
	s := 0 // the sentence of the current body word
	for f, texts := range [numFields][]string{
		fieldKey:      {d.Key},
		fieldAbbr:     {d.Abbr},
		fieldTitle:    {d.Title},
		fieldAliases:  d.Aliases,
		fieldTags:     d.Tags,
		fieldHeadings: d.Headings,
		fieldSummary:  {d.Summary},
		fieldBody:     {d.Body},
	} {
		for _, text := range texts {
			t.split(text)
			dt.lens[f] += len(t.hits)
			for _, h := range t.hits {
				if int(h.id) >= len(t.slot) {
					t.slot = append(t.slot, make([]int32, int(h.id)+1-len(t.slot))...)
					t.mark = append(t.mark, make([]uint32, int(h.id)+1-len(t.mark))...)
				}
				if t.mark[h.id] != t.gen {
					t.mark[h.id] = t.gen
					t.slot[h.id] = int32(len(terms))
					terms = append(terms, termCount{id: h.id})
				}
				i := t.slot[h.id]
				if tf := &terms[i].tf[f]; *tf < 1<<16-1 {
					*tf++
				}
				if f != fieldBody {
					continue
				}
				for s < len(sents) && h.off >= sents[s].hi {
					s++
				}
				if s < len(sents) && h.off >= sents[s].lo {
					if sents[s].whi == 0 {
						sents[s].wlo = int32(len(body))
					}
					body = append(body, i)
					sents[s].whi = int32(len(body))
				}
			}
		}
	}
	dt.terms = slices.Clone(terms)
	dt.body = slices.Clone(body)
	dt.sents = sents
	t.termBuf, t.bodyBuf = terms, body
	return dt
}
