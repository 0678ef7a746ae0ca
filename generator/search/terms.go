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

// termCount is one stem of a document and its frequency in each field,
// as the tokenizer counts it.
type termCount struct {
	id   int32             // stem number: the tokenizer's
	tf   [numFields]uint16 // at most 65,535
	sent int32             // 1 + the last body sentence it was recorded in as a word; 0: none
}

// fieldCount is a stem's frequency in one field other than the body.
type fieldCount struct {
	term  int32 // the stem's index in docTerms.ids
	field uint8
	n     uint16
}

// sentence is one sentence of a document's body: its byte range in the
// body and the range of its words in docTerms.body (or wide).
type sentence struct{ lo, hi, wlo, whi int32 }

// narrowTerms is the most stems a document may have for its body's words
// to be held as 16-bit term numbers (docTerms.body).
const narrowTerms = 1 << 16

// docTerms is what tokenising makes of one document, and what scoring
// adds.
//
// A document's stems are held until every document is counted and the
// scores can be made, so they are held sparsely: a stem's frequency in
// the body beside it, and its frequencies in the other fields, where
// most stems do not occur, apart (8 bytes a stem and field that occurs
// instead of 16 bytes for every stem: at 50,000 pages, 94 MB were the
// largest thing a build held while the index was made).
type docTerms struct {
	worker int            // the tokenizer's number
	ids    []int32        // each stem's number, the tokenizer's and then the index's, in order of first occurrence
	inBody []uint16       // each stem's frequency in the body
	other  []fieldCount   // its frequencies in the other fields that it occurs in, by stem and then field
	lens   [numFields]int // words per field
	// body are the terms (indexes in ids) of the body's words, sentence
	// by sentence, each once a sentence: the excerpt reads no more. They
	// are 16-bit when the document has at most narrowTerms stems, else in
	// wide, and held until every document is scored: at 50,000 pages,
	// each word once and 32-bit, they were 25 MB of the most a build held.
	body  []uint16
	wide  []int32
	sents []sentence // the body's sentences
	score []int32    // each term's score (set by score)
}

// tf returns the frequencies of stem i in each field; j is where its
// entries in other start, and next where the next stem's do.
func (dt *docTerms) tf(i, j int) (tf [numFields]uint16, next int) {
	for ; j < len(dt.other) && int(dt.other[j].term) == i; j++ {
		tf[dt.other[j].field] = dt.other[j].n
	}
	tf[fieldBody] = dt.inBody[i]
	return tf, j
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
					if terms[i].sent == int32(s)+1 {
						continue // a word of this sentence already
					}
					terms[i].sent = int32(s) + 1
					if sents[s].whi == 0 {
						sents[s].wlo = int32(len(body))
					}
					body = append(body, i)
					sents[s].whi = int32(len(body))
				}
			}
		}
	}
	dt.ids = make([]int32, len(terms))
	dt.inBody = make([]uint16, len(terms))
	n := 0
	for i := range terms {
		for _, c := range terms[i].tf[:fieldBody] {
			if c > 0 {
				n++
			}
		}
	}
	dt.other = make([]fieldCount, 0, n)
	for i := range terms {
		dt.ids[i], dt.inBody[i] = terms[i].id, terms[i].tf[fieldBody]
		for f, c := range terms[i].tf[:fieldBody] {
			if c > 0 {
				dt.other = append(dt.other, fieldCount{term: int32(i), field: uint8(f), n: c})
			}
		}
	}
	if len(terms) <= narrowTerms {
		dt.body = make([]uint16, len(body))
		for k, i := range body {
			dt.body[k] = uint16(i)
		}
	} else {
		dt.wide = slices.Clone(body)
	}
	dt.sents = sents
	t.termBuf, t.bodyBuf = terms, body
	return dt
}
