package search

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// shardLimit is the size in bytes above which a shard file is split.
const shardLimit = 40_000

// shardOverhead is the size of an empty shard file.
const shardOverhead = len(`backlightSearch("shard","s.00000000.js",`) + len(`{"t":{},"x":{}}`) + len(");\n")

// entry is one key string of the shards: a stem, an exact entry or both,
// with the size of each in a shard file.
type entry struct {
	key   string
	stem  int32      // stem number, -1 for none
	exact []exactHit // nil for none
	tsize int        // bytes of `"key":[…]` in "t", 0 for none
	xsize int        // bytes of `"key":[[…]]` in "x", 0 for none
}

// shard is one shard file: the keys that name it and its entries.
type shard struct {
	keys    []string // in order
	entries []int32  // indexes into the entries slice, in order
	size    int      // the file's size, at most (see shardSize)
}

// shardEntries lists the stems of p and the exact entries of x by key,
// with their file sizes. The two are listed and sorted on two cores, then
// merged; a key that is both has one entry.
func shardEntries(p *postings, x exactIndex) []entry {
	var stems, exact []entry
	var sorted sync.WaitGroup
	sorted.Go(func() {
		stems = make([]entry, len(p.stems))
		for i, s := range p.stems {
			docs, scores := p.list(i)
			stems[i] = entry{key: s, stem: int32(i), tsize: stringLen(s) + 1 + postingsLen(docs, scores)}
		}
		slices.SortFunc(stems, byKey)
	})
	exact = make([]entry, 0, len(x.entries))
	for k, hits := range x.entries {
		exact = append(exact, entry{key: k, stem: -1, exact: hits, xsize: stringLen(k) + 1 + hitsLen(hits)})
	}
	slices.SortFunc(exact, byKey)
	sorted.Wait()
	es := make([]entry, 0, len(stems)+len(exact))
	for len(stems) > 0 || len(exact) > 0 {
		switch {
		case len(exact) == 0 || len(stems) > 0 && stems[0].key < exact[0].key:
			es, stems = append(es, stems[0]), stems[1:]
		case len(stems) == 0 || exact[0].key < stems[0].key:
			es, exact = append(es, exact[0]), exact[1:]
		default: // the same key
			e := stems[0]
			e.exact, e.xsize = exact[0].exact, exact[0].xsize
			es, stems, exact = append(es, e), stems[1:], exact[1:]
		}
	}
	return es
}

func byKey(a, b entry) int { return strings.Compare(a.key, b.key) }

// planShards divides entries, sorted by key, into shard files that hold
// at most limit bytes each where that can be done, few of them, and
// returns them in order of their first keys.
//
// The keys of entries form a trie of runes. A shard key claims the
// entries below it in the trie that no longer key claims, so the keys
// partition the trie into connected parts, one per key, the empty key's
// at the root. planShards first chooses the keys, bottom-up: at each
// node, once its children are done, as long as the entries left below it
// would not fit in one file, the child with the most left becomes a key
// of its own. Cutting the heaviest child first, bottom-up, makes the
// fewest parts (Kundu and Misra, 1977); a single entry too big for a
// file gets a part of its own. Then it packs the parts into files, first
// fit by decreasing size, so that one file holds several small parts.
func planShards(entries []entry, limit int) []shard {
	keys := shardKeys(entries, limit)
	maxKey := 0
	for _, k := range keys {
		maxKey = max(maxKey, len(k))
	}
	isKey := make(map[string]bool, len(keys))
	byKey := make(map[string]*shard, len(keys))
	parts := make([]*shard, len(keys))
	for i, k := range keys {
		isKey[k] = true
		parts[i] = &shard{keys: []string{k}}
		byKey[k] = parts[i]
	}
	for i := range entries {
		part := byKey[shardKey(isKey, entries[i].key, maxKey)]
		part.entries = append(part.entries, int32(i))
		part.size += entrySize(&entries[i])
	}

	slices.SortStableFunc(parts, func(a, b *shard) int { return cmp.Compare(b.size, a.size) })
	var files []*shard
	for _, part := range parts {
		i := slices.IndexFunc(files, func(f *shard) bool { return shardOverhead+f.size+part.size <= limit })
		if i < 0 {
			files = append(files, &shard{})
			i = len(files) - 1
		}
		f := files[i]
		f.keys = append(f.keys, part.keys...)
		f.entries = append(f.entries, part.entries...)
		f.size += part.size
	}
	out := make([]shard, len(files))
	for i, f := range files {
		slices.Sort(f.keys)
		slices.Sort(f.entries)
		f.size += shardOverhead
		out[i] = *f
	}
	slices.SortFunc(out, func(a, b shard) int { return strings.Compare(a.keys[0], b.keys[0]) })
	return out
}

// shardKeys chooses the shard keys of entries, sorted by key, as
// planShards says, and returns them in order.
func shardKeys(entries []entry, limit int) []string {
	keys := []string{""}
	var visit func(depth int, lo, hi int) int
	// visit chooses the keys below the node at byte depth that entries
	// [lo, hi) (all sharing the node's prefix) are under, and returns
	// the size of what it leaves to the node.
	visit = func(depth, lo, hi int) int {
		size := 0
		for i := lo; i < hi; i++ {
			size += entrySize(&entries[i])
		}
		if shardOverhead+size <= limit {
			return size // fits whole: nothing below needs a key
		}
		own := 0
		if len(entries[lo].key) == depth {
			own = entrySize(&entries[lo]) // the entry equal to the node's key
			lo++
		}
		type child struct {
			key  string
			left int
		}
		var children []child
		for i := lo; i < hi; {
			_, n := utf8.DecodeRuneInString(entries[i].key[depth:])
			prefix := entries[i].key[:depth+n]
			j := i + 1
			for j < hi && strings.HasPrefix(entries[j].key, prefix) {
				j++
			}
			children = append(children, child{prefix, visit(depth+n, i, j)})
			i = j
		}
		slices.SortStableFunc(children, func(a, b child) int { return cmp.Compare(b.left, a.left) })
		size = own
		for _, c := range children {
			size += c.left
		}
		for _, c := range children {
			if shardOverhead+size <= limit {
				break
			}
			keys = append(keys, c.key)
			size -= c.left
		}
		return size
	}
	if len(entries) > 0 {
		visit(0, 0, len(entries))
	}
	slices.Sort(keys)
	return keys
}

// shardKey is the key of the shard that holds s: the longest of keys
// that s starts with (keys holds ""), none longer than maxKey bytes.
func shardKey(keys map[string]bool, s string, maxKey int) string {
	n := len(s)
	if n > maxKey {
		n = maxKey
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
	}
	for n > 0 {
		if keys[s[:n]] {
			return s[:n]
		}
		_, size := utf8.DecodeLastRuneInString(s[:n])
		n -= size
	}
	return ""
}

// entrySize is an entry's share of a shard file: its text in "t" and in
// "x", each with a comma.
func entrySize(e *entry) int {
	n := 0
	if e.tsize > 0 {
		n += e.tsize + 1
	}
	if e.xsize > 0 {
		n += e.xsize + 1
	}
	return n
}

// shardSize is the size in bytes of the file of a shard with the given
// entries.
func shardSize(entries []entry, idx []int32) int {
	n := shardOverhead
	var t, x int
	for _, i := range idx {
		e := &entries[i]
		if e.tsize > 0 {
			n += e.tsize
			t++
		}
		if e.xsize > 0 {
			n += e.xsize
			x++
		}
	}
	return n + max(t-1, 0) + max(x-1, 0) // commas
}
