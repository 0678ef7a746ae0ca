package backlog

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

func TestOrderListRanksItemsFirst(t *testing.T) {
	m, diags := derive(t, quiet,
		backlogPage("pumps", "Cluster Pumps backlog", "order=CBI-3,cbi-1"),
		itemPage("pumps", "CBI-1", "value=1 estimate=1"),
		itemPage("pumps", "CBI-2", "value=1 estimate=1"),
		itemPage("pumps", "CBI-3", "value=1 estimate=1"))
	b := m.Backlogs[0]
	if got, want := keys(b.Items), []string{"CBI-3", "CBI-1", "CBI-2"}; !slices.Equal(got, want) {
		t.Errorf("got rank order %v, want %v", got, want)
	}
	for i, want := range []struct {
		rank   int
		ranked bool
	}{{1, true}, {2, true}, {3, false}} {
		if it := b.Items[i]; it.Rank != want.rank || it.Ranked != want.ranked {
			t.Errorf("%s: got rank %d ranked %v, want %d %v", it.Key(), it.Rank, it.Ranked, want.rank, want.ranked)
		}
	}
	if got := messages(diags); len(got) != 1 {
		t.Errorf("got diagnostics %q, want only the warning about CBI-2", got)
	}
}

func TestUnrankedItemsFollowByPriorityWithTiesByKey(t *testing.T) {
	m, _ := derive(t, quiet,
		backlogPage("pumps", "Cluster Pumps backlog", "order=CBI-5"),
		itemPage("pumps", "CBI-5", "value=1 estimate=100"),
		itemPage("pumps", "CBI-10", "value=8 estimate=8"), // 1
		itemPage("pumps", "CBI-9", "value=4 estimate=4"),  // 1, and 9 < 10
		itemPage("pumps", "CBI-2", "value=13 estimate=2"), // 6.5
		itemPage("pumps", "CBI-1", "value=2"),             // 4: no estimate counts as 0.5
		itemPage("pumps", "CBI-7", "estimate=3"),          // 0
		itemPage("pumps", "CBI-3", ""))                    // 0
	want := []string{"CBI-5", "CBI-2", "CBI-1", "CBI-9", "CBI-10", "CBI-3", "CBI-7"}
	if got := keys(m.Backlogs[0].Items); !slices.Equal(got, want) {
		t.Errorf("got rank order %v, want %v", got, want)
	}
}

func TestUnrankedOpenItemsAreWarnedWithTheirRank(t *testing.T) {
	_, diags := derive(t, quiet,
		backlogPage("pumps", "Cluster Pumps backlog", "order=CBI-1"),
		itemPage("pumps", "CBI-1", ""),
		itemPage("pumps", "CBI-2", "value=5 estimate=1"),
		itemPage("pumps", "CBI-3", "value=3 estimate=1 status=done"),
		itemPage("pumps", "CBI-4", "value=2 estimate=1 status=dropped"),
		itemPage("pumps", "CBI-5", "value=1 estimate=1"))
	want := []string{
		"content/backlogs/pumps/cbi-2.md:2:1: warning: CBI-2 is not in the order of Cluster Pumps backlog; ranked 2nd by priority (value ÷ estimate)",
		"content/backlogs/pumps/cbi-5.md:2:1: warning: CBI-5 is not in the order of Cluster Pumps backlog; ranked 5th by priority (value ÷ estimate)",
	}
	if got := messages(diags); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestOrderEntryErrors(t *testing.T) {
	tests := []struct {
		name  string
		order string
		want  []string
		ranks []string
	}{
		{"an item of another backlog", "CBI-1,VBI-1", []string{
			"content/backlogs/pumps/_index.md:8:5: order: VBI-1 is an item of Valves backlog, not of this backlog",
		}, []string{"CBI-1", "CBI-2"}},
		{"a page that is no item", "cpo,CBI-2", []string{
			`content/backlogs/pumps/_index.md:7:5: order: "cpo" is a role page, not an item of this backlog`,
		}, []string{"CBI-2", "CBI-1"}},
		{"an item named twice, reported at the second entry", "CBI-2,CBI-1,cbi-2", []string{
			"content/backlogs/pumps/_index.md:9:5: order names CBI-2 twice; the first time is entry 1 (line 7)",
		}, []string{"CBI-2", "CBI-1"}},
		{"an unresolved entry is skipped silently", "CBI-404,CBI-2,CBI-1", nil, []string{"CBI-2", "CBI-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, diags := derive(t, quiet,
				backlogPage("pumps", "Pumps backlog", "order="+tt.order),
				backlogPage("valves", "Valves backlog", "order=VBI-1"),
				itemPage("pumps", "CBI-1", "value=2 estimate=1"),
				itemPage("pumps", "CBI-2", "value=1 estimate=1"),
				itemPage("valves", "VBI-1", ""),
				page(generator.TypeRole, "cpo"))
			if got := messages(only(diags, generator.Error)); !slices.Equal(got, tt.want) {
				t.Errorf("got errors %q, want %q", got, tt.want)
			}
			if got := keys(m.Backlogs[0].Items); !slices.Equal(got, tt.ranks) {
				t.Errorf("got rank order %v, want %v", got, tt.ranks)
			}
		})
	}
}

func TestPriorityIsValueOverEstimateAtLeastHalfAPoint(t *testing.T) {
	tests := []struct {
		spec string
		want float64
	}{
		{"value=13 estimate=8", 1.625},
		{"value=13 estimate=0", 26},
		{"value=13", 26},
		{"value=1 estimate=0.25", 2},
		{"estimate=8", 0},
		{"value=0 estimate=0", 0},
		{"", 0},
	}
	for _, tt := range tests {
		m, _ := derive(t, quiet, backlogPage("b", "B", ""), itemPage("b", "X-1", tt.spec))
		if got := item(t, m, "X-1").Priority; got != tt.want {
			t.Errorf("%q: got priority %v, want %v", tt.spec, got, tt.want)
		}
	}
}

func TestPriorityOfZeroEstimatesEncodesAsJSON(t *testing.T) {
	m, _ := derive(t, quiet, backlogPage("b", "B", ""),
		itemPage("b", "X-1", "value=13 estimate=0"), itemPage("b", "X-2", "value=0 estimate=0"), itemPage("b", "X-3", ""))
	out := map[string]float64{}
	for p, it := range m.Items {
		out[p.Item.Key] = it.Priority
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatalf("got %v, want priorities that encode as JSON", err)
	}
	if got, want := string(b), `{"X-1":26,"X-2":0,"X-3":0}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestKeysCompareNumbersByValue(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"CBI-9", "CBI-10", -1},
		{"CBI-10", "CBI-9", 1},
		{"cbi-2", "CBI-2", 0},
		{"A-1", "B-1", -1},
		{"CBI-1", "CBI-1a", -1},
		{"CBI-007", "CBI-7", 1},
		{"CBI-2.10", "CBI-2.9", 1},
	}
	for _, tt := range tests {
		got := compareKeys(tt.a, tt.b)
		if (got < 0) != (tt.want < 0) || (got > 0) != (tt.want > 0) {
			t.Errorf("compareKeys(%q, %q): got %d, want sign of %d", tt.a, tt.b, got, tt.want)
		}
		got = strings.Compare(naturalKey(tt.a), naturalKey(tt.b))
		if (got < 0) != (tt.want < 0) || (got > 0) != (tt.want > 0) {
			t.Errorf("naturalKey(%q) against naturalKey(%q): got %d, want sign of %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzNaturalKeyOrdersAsCompareKeys checks that sorting by naturalKey,
// which the build does, gives the order compareKeys defines.
func FuzzNaturalKeyOrdersAsCompareKeys(f *testing.F) {
	for _, seed := range [][2]string{{"CBI-9", "CBI-10"}, {"CBI-007", "CBI-7"}, {"A1", "A-1"}, {"x0", "x"}, {"9", "a"}, {"2.10", "2.9"}, {"", "0"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		want := compareKeys(a, b)
		got := strings.Compare(naturalKey(a), naturalKey(b))
		if (got < 0) != (want < 0) || (got > 0) != (want > 0) {
			t.Errorf("keys %q and %q: naturalKey order %d, compareKeys %d", a, b, got, want)
		}
	})
}

func TestOrdinals(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d): got %q, want %q", n, got, want)
		}
	}
}

func TestOrderRanksEntriesAsABacklogDoes(t *testing.T) {
	entries := []Entry{
		{ID: "a-10", Key: "A-10", Title: "Ten", Value: 1, Estimate: 1},
		{ID: "a-9", Key: "A-9", Title: "Nine", Value: 1, Estimate: 1},
		{ID: "a-1", Key: "A-1", Title: "One", Value: 8, Estimate: 2},
		{ID: "a-2", Key: "A-2", Title: "Two", Value: 3, Estimate: 0},
		{ID: "a-3", Key: "A-3", Title: "Three"},
	}
	for _, tc := range []struct {
		name  string
		order []string
		want  []string
	}{
		{"no order: by priority, ties by key", nil, []string{"a-2", "a-1", "a-9", "a-10", "a-3"}},
		{"key, id and title, any case", []string{"a-3", "NINE", "a-10"}, []string{"a-3", "a-9", "a-10", "a-2", "a-1"}},
		{"unknown and repeated names are passed over", []string{"x-1", "A-1", "a-1", "One"}, []string{"a-1", "a-2", "a-9", "a-10", "a-3"}},
	} {
		var got []string
		for _, i := range Order(tc.order, entries) {
			got = append(got, entries[i].ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// FuzzRevalueRanksAsANewRanker: a ranker whose entries are given other
// values and estimates one by one ranks as a new ranker of the entries so
// changed, whatever the order.
func FuzzRevalueRanksAsANewRanker(f *testing.F) {
	f.Add([]byte{3, 1, 2, 0, 0, 5, 1, 1}, uint8(2))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, uint8(0))
	f.Add([]byte{9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3}, uint8(7))
	f.Fuzz(func(t *testing.T, data []byte, listed uint8) {
		const n = 12
		entries := make([]Entry, n)
		for i := range entries {
			// Few keys and numbers, so that ties are common.
			entries[i] = Entry{ID: fmt.Sprintf("a-%d", i%7), Key: fmt.Sprintf("A-%d", i%5), Value: float64(i % 3), Estimate: float64(i % 4)}
		}
		r := NewRanker(slices.Clone(entries))
		var order []string
		for i := range int(listed) % n {
			order = append(order, entries[(i*5)%n].Key)
		}
		for len(data) >= 3 {
			i := int(data[0]) % n
			v, e := float64(data[1]%6)/2, float64(data[2]%5)
			data = data[3:]
			r.Revalue(i, v, e)
			entries[i].Value, entries[i].Estimate = v, e
			if got, want := r.Order(order), NewRanker(slices.Clone(entries)).Order(order); !slices.Equal(got, want) {
				t.Fatalf("after entry %d got value %v and estimate %v: ranked %v, a new ranker %v", i, v, e, got, want)
			}
		}
	})
}
