package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestShardKeyIsTheLongestPrefix(t *testing.T) {
	keys := map[string]bool{"": true, "c": true, "cl": true, "clu": true, "ü": true, "üb": true, "2": true}
	tests := []struct{ s, want string }{
		{"cluster", "clu"},
		{"clu", "clu"},
		{"cl", "cl"},
		{"clan", "cl"},
		{"cat", "c"},
		{"c", "c"},
		{"dog", ""},
		{"", ""},
		{"über", "üb"},
		{"üa", "ü"},
		{"u", ""},
		{"214", "2"},
		{"cbi-214", "c"},
	}
	maxKey := len("clu")
	for _, tt := range tests {
		if got := shardKey(keys, tt.s, maxKey); got != tt.want {
			t.Errorf("shardKey(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// testEntries makes sorted entries of the given sizes, as stems.
func testEntries(sizes map[string]int) []entry {
	var es []entry
	for k, n := range sizes {
		es = append(es, entry{key: k, stem: 0, tsize: n})
	}
	slices.SortFunc(es, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	return es
}

// checkShards checks that shards are a valid division of entries: every
// key names one file, "" among them; every entry is in the file of the
// longest key it starts with; no file exceeds limit unless it holds a
// single entry that does; each file's size is at least its exact size.
// It returns the file index by key.
func checkShards(t *testing.T, entries []entry, shards []shard, limit int) map[string]int {
	t.Helper()
	fileOf := map[string]int{}
	keys := map[string]bool{}
	maxKey := 0
	for i, s := range shards {
		for _, k := range s.keys {
			if _, dup := fileOf[k]; dup {
				t.Errorf("key %q names two files", k)
			}
			fileOf[k] = i
			keys[k] = true
			maxKey = max(maxKey, len(k))
		}
	}
	if !keys[""] {
		t.Fatalf("no shard for the empty key among %v", shards)
	}
	seen := make([]int, len(entries))
	for i, s := range shards {
		exact := shardSize(entries, s.entries)
		if exact > s.size {
			t.Errorf("file %d (keys %q) is %d bytes, planned as %d", i, s.keys, exact, s.size)
		}
		if exact > limit && len(s.entries) > 1 {
			t.Errorf("file %d (keys %q) is %d bytes, over %d", i, s.keys, exact, limit)
		}
		for _, e := range s.entries {
			seen[e]++
			k := shardKey(keys, entries[e].key, maxKey)
			if fileOf[k] != i {
				t.Errorf("%q is in file %d (keys %q), but its longest key %q names file %d", entries[e].key, i, s.keys, k, fileOf[k])
			}
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("%q is in %d files", entries[i].key, n)
		}
	}
	return fileOf
}

func TestPlanShardsKeepsASmallIndexInOneFile(t *testing.T) {
	es := testEntries(map[string]int{"a": 100, "ab": 200, "b": 50, "über": 70, "東": 20})
	shards := planShards(es, shardLimit)
	checkShards(t, es, shards, shardLimit)
	if len(shards) != 1 || !slices.Equal(shards[0].keys, []string{""}) || len(shards[0].entries) != len(es) {
		t.Errorf("got shards %+v, want one under \"\" with every entry", shards)
	}
}

func TestPlanShardsWithoutEntries(t *testing.T) {
	shards := planShards(nil, shardLimit)
	if len(shards) != 1 || !slices.Equal(shards[0].keys, []string{""}) || len(shards[0].entries) != 0 {
		t.Errorf("got shards %+v, want one empty shard under \"\"", shards)
	}
}

func TestPlanShardsSplitsBigShards(t *testing.T) {
	const limit = 10_000
	sizes := map[string]int{
		"c": 500, "cl": 300, // entries equal to keys stay in their remainders
		"x": 10, "7": 10, // one-rune strings
	}
	for i := range 9 {
		sizes[fmt.Sprintf("clu%d", i)] = 2000 // "clu" needs a shard, and more
		sizes[fmt.Sprintf("cat%d", i)] = 300
		sizes[fmt.Sprintf("dog%d", i)] = 100
	}
	es := testEntries(sizes)
	shards := planShards(es, limit)
	fileOf := checkShards(t, es, shards, limit)
	deep := false
	for k := range fileOf {
		deep = deep || strings.HasPrefix(k, "clu")
	}
	if !deep {
		t.Errorf("no key under clu among %v", fileOf)
	}
	// "c" itself goes to the file of the key "c" or, without one, "".
	for _, k := range []string{"c", "x", "7", "dog0"} {
		holder := shardKey(keysOf(shards), k, 8)
		if len(holder) > len(k) {
			t.Errorf("%q is under the longer key %q", k, holder)
		}
	}
}

func TestPlanShardsPacksSmallPartsTogether(t *testing.T) {
	const limit = 10_000
	sizes := map[string]int{}
	// Ten two-rune prefixes of 3,000 bytes each: each needs a key of its
	// own, but three fit in a file.
	for _, p := range []string{"aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj"} {
		for i := range 3 {
			sizes[fmt.Sprintf("%s%d", p, i)] = 1000
		}
	}
	es := testEntries(sizes)
	shards := planShards(es, limit)
	checkShards(t, es, shards, limit)
	if len(shards) > 4 {
		t.Errorf("%d files for 30,000 bytes of entries at %d bytes a file, want at most 4", len(shards), limit)
	}
	packed := false
	for _, s := range shards {
		packed = packed || len(s.keys) > 1
	}
	if !packed {
		t.Errorf("no file holds two keys: %+v", shards)
	}
}

func TestPlanShardsGivesAHugeEntryAFileOfItsOwn(t *testing.T) {
	const limit = 10_000
	es := testEntries(map[string]int{"huge": 50_000, "hug": 3000, "hum": 3000, "ha": 3000, "b": 4000})
	shards := planShards(es, limit)
	checkShards(t, es, shards, limit)
	for _, s := range shards {
		for _, e := range s.entries {
			if es[e].key == "huge" && len(s.entries) != 1 {
				t.Errorf("huge shares a file with %d other entries", len(s.entries)-1)
			}
		}
	}
}

func TestPlanShardsOnACorpus(t *testing.T) {
	docs := sortDocs(newCorpus(2).docs(2000), corpusTypes)
	terms := make([]docTerms, len(docs))
	toks := make([]tokenizer, 1)
	for i := range docs {
		terms[i] = toks[0].doc(&docs[i])
	}
	es := shardEntries(score(terms, toks, nil), exactEntries(docs))
	shards := planShards(es, shardLimit)
	checkShards(t, es, shards, shardLimit)
	total := 0
	for _, s := range shards {
		total += s.size
	}
	if min := total / shardLimit; len(shards) > min+min/4+1 {
		t.Errorf("%d files for %d bytes, want about %d", len(shards), total, min)
	}
}

func keysOf(shards []shard) map[string]bool {
	keys := map[string]bool{}
	for _, s := range shards {
		for _, k := range s.keys {
			keys[k] = true
		}
	}
	return keys
}
