package search

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Shard files are most of an index, so they are encoded here rather than
// by encoding/json's reflection; the output is byte for byte what
// encoding/json writes for the same data (maps with sorted keys, HTML
// characters and U+2028, U+2029 escaped), as a test checks, and strings
// that need escaping are escaped by encoding/json itself.

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it.
func appendString(dst []byte, s string) []byte {
	if plainString(s) {
		dst = append(dst, '"')
		dst = append(dst, s...)
		return append(dst, '"')
	}
	b, err := json.Marshal(s)
	if err != nil {
		panic("search: encoding a string: " + err.Error()) // strings always encode
	}
	return append(dst, b...)
}

// stringLen is the length of appendString's output for s.
func stringLen(s string) int {
	if plainString(s) {
		return len(s) + 2
	}
	return len(appendString(nil, s))
}

// plainString reports whether s needs no escaping in JSON that is safe in
// a <script> element: it is printable ASCII other than " \ < > &.
func plainString(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// appendPostings appends the file form of a posting list: a JSON array
// of pairs of a document number, each after the first as its difference
// from the one before, and a score.
func appendPostings(dst []byte, docs, scores []int32) []byte {
	dst = append(dst, '[')
	prev := int32(0)
	for i, d := range docs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendInt(dst, int64(d-prev), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(scores[i]), 10)
		prev = d
	}
	return append(dst, ']')
}

// postingsLen is the length of appendPostings' output.
func postingsLen(docs, scores []int32) int {
	n := 2 + max(2*len(docs)-1, 0)
	prev := int32(0)
	for i, d := range docs {
		n += digits(d-prev) + digits(scores[i])
		prev = d
	}
	return n
}

// appendHits appends an exact entry's documents: a JSON array of
// [document, kind] pairs.
func appendHits(dst []byte, hits []exactHit) []byte {
	dst = append(dst, '[')
	for i, h := range hits {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '[')
		dst = strconv.AppendInt(dst, int64(h.doc), 10)
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(h.kind), 10)
		dst = append(dst, ']')
	}
	return append(dst, ']')
}

// hitsLen is the length of appendHits' output.
func hitsLen(hits []exactHit) int {
	n := 2 + max(len(hits)-1, 0)
	for _, h := range hits {
		n += 3 + digits(h.doc) + digits(h.kind)
	}
	return n
}

// digits is the number of characters of v in decimal.
func digits(v int32) int {
	n := 1
	if v < 0 {
		n++
		v = -v // no int32 a document number or score can be is MinInt32
	}
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// appendShard appends a shard's data: {"t":{stem: postings, …},"x":{entry:
// hits, …}}, keys in order.
func appendShard(dst []byte, entries []entry, s *shard, p *postings) []byte {
	dst = append(dst, `{"t":{`...)
	first := true
	for _, i := range s.entries {
		e := &entries[i]
		if e.stem < 0 {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = appendString(dst, e.key)
		dst = append(dst, ':')
		docs, scores := p.list(int(e.stem))
		dst = appendPostings(dst, docs, scores)
	}
	dst = append(dst, `},"x":{`...)
	first = true
	for _, i := range s.entries {
		e := &entries[i]
		if e.exact == nil {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = appendString(dst, e.key)
		dst = append(dst, ':')
		dst = appendHits(dst, e.exact)
	}
	return append(dst, `}}`...)
}
