package backlog

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// minDivisor is the smallest estimate priority divides by: half a point, the
// least effort a team would estimate, so that a free or unestimated item
// ranks high without an infinite priority (which JSON cannot encode).
const minDivisor = 0.5

// priority is value ÷ estimate; missing numbers count as 0.
func priority(it *generator.Item) float64 {
	return priorityOf(it.Value.Value, it.Estimate.Value)
}

func priorityOf(value, estimate float64) float64 { return value / max(estimate, minDivisor) }

// Entry is what ranking needs of an item that is not part of a derived
// backlog: an earlier version of it, read from the site's history.
type Entry struct {
	ID, Key, Title  string
	Value, Estimate float64
}

// Order ranks entries as a backlog ranks its items and returns their
// indices in rank order: those that order names first, in its order,
// then the others by priority, ties by key. An order entry names an
// entry by its key, id or title, without regard to case; one that names
// none, or one named before, is passed over.
func Order(order []string, entries []Entry) []int { return NewRanker(entries).Order(order) }

// Ranker ranks one set of entries by any number of orders: for the
// versions of a backlog whose items stay while its order changes.
type Ranker struct {
	entries    []Entry
	byName     map[string]int
	byPriority []int // every entry, by priority, ties by key, then id, then place
}

// NewRanker prepares the ranking of entries, which it keeps.
func NewRanker(entries []Entry) *Ranker {
	r := &Ranker{entries: entries, byName: make(map[string]int, 3*len(entries)), byPriority: make([]int, len(entries))}
	for i := len(entries) - 1; i >= 0; i-- { // the first entry wins a name
		e := &entries[i]
		for _, n := range [...]string{e.Title, e.ID, e.Key} { // a key wins over an id, an id over a title
			if n != "" {
				r.byName[strings.ToLower(n)] = i
			}
		}
	}
	for i := range r.byPriority {
		r.byPriority[i] = i
	}
	slices.SortFunc(r.byPriority, r.compare)
	return r
}

// compare orders entries a and b by priority, then key, then id, then
// their place among the entries.
func (r *Ranker) compare(a, b int) int {
	x, y := &r.entries[a], &r.entries[b]
	if px, py := priorityOf(x.Value, x.Estimate), priorityOf(y.Value, y.Estimate); px != py {
		if px > py {
			return -1
		}
		return 1
	}
	if c := compareKeys(x.Key, y.Key); c != 0 {
		return c
	}
	if c := strings.Compare(x.ID, y.ID); c != 0 {
		return c
	}
	return a - b
}

// Revalue gives entry i another value and estimate: the ranking is as a
// new Ranker's of the entries so changed, at the cost of moving one.
func (r *Ranker) Revalue(i int, value, estimate float64) {
	r.entries[i].Value, r.entries[i].Estimate = value, estimate
	at := slices.Index(r.byPriority, i)
	r.byPriority = slices.Delete(r.byPriority, at, at+1)
	to, _ := slices.BinarySearchFunc(r.byPriority, i, r.compare)
	r.byPriority = slices.Insert(r.byPriority, to, i)
}

// Order ranks the entries by order, as the package's Order does.
func (r *Ranker) Order(order []string) []int {
	ranked := make([]bool, len(r.byPriority))
	out := make([]int, 0, len(r.byPriority))
	for _, name := range order {
		if i, ok := r.byName[strings.ToLower(strings.TrimSpace(name))]; ok && !ranked[i] {
			ranked[i] = true
			out = append(out, i)
		}
	}
	for _, i := range r.byPriority {
		if !ranked[i] {
			out = append(out, i)
		}
	}
	return out
}

// rank orders a backlog's items: the order list first, then the others by
// priority, and warns about each unranked item that is still open.
func (d *deriver) rank(b *Backlog, members []*Item) {
	b.Items = d.ordered(b)
	var rest []*Item
	for _, it := range members {
		if !it.Ranked {
			rest = append(rest, it)
		}
	}
	slices.SortFunc(rest, func(x, y *Item) int {
		if x.Priority != y.Priority {
			if x.Priority > y.Priority {
				return -1
			}
			return 1
		}
		return compareItems(x, y)
	})
	b.Items = append(b.Items, rest...)
	// An order entry that resolved to nothing may name a key that two
	// items share: its own error says so, and its items are not said to
	// be missing from the order.
	unresolved := map[string]bool{}
	for i := range b.Page.Backlog.Order {
		if ref := &b.Page.Backlog.Order[i]; d.target(ref) == nil {
			unresolved[strings.ToLower(strings.TrimSpace(ref.Name))] = true
		}
	}
	for i, it := range b.Items {
		it.Rank = i + 1
		if !it.Ranked && !it.Done && !it.Dropped && !unresolved[strings.ToLower(it.Key())] {
			b.Warnings.Warnf(it.Page.Pos("id"), "%s is not in the order of %s; ranked %s by priority (value ÷ estimate)",
				it.Key(), b.Page.Title, ordinal(it.Rank))
		}
	}
}

// ordered resolves the order list to this backlog's items, reporting
// entries that name another backlog's item, a non-item or an item twice.
func (d *deriver) ordered(b *Backlog) []*Item {
	order := b.Page.Backlog.Order
	items := make([]*Item, 0, len(order))
	for i := range order {
		ref := &order[i]
		p := d.target(ref)
		if p == nil {
			continue // unresolved: the graph stage reported it
		}
		it := d.model.Items[p]
		switch {
		case it == nil:
			d.diags.Errorf(ref.Pos, "order: %q is %s page, not an item of this backlog", ref.Name, generator.Article(p.Type))
		case it.Backlog != b:
			d.diags.Errorf(ref.Pos, "order: %s is an item of %s, not of this backlog", it.Key(), backlogName(it))
		default:
			if it.Ranked { // named before: find where, for the message
				j := 0
				for j < i && d.target(&order[j]) != p { // by pointer: the graph resolved these very refs
					j++
				}
				d.diags.Errorf(ref.Pos, "order names %s twice; the first time is entry %d%s", it.Key(), j+1, atLine(order[j].Pos))
				continue
			}
			it.Ranked = true
			items = append(items, it)
		}
	}
	return items
}

// backlogName names the backlog an item is in, for messages.
func backlogName(it *Item) string {
	if it.Backlog == nil {
		return "no backlog"
	}
	return it.Backlog.Page.Title
}

// compareItems orders items by key, numbers in keys compared as numbers,
// then by page id.
func compareItems(a, b *Item) int {
	if a.sortKey == "" || b.sortKey == "" { // made outside collect, as in tests
		if c := compareKeys(a.Key(), b.Key()); c != 0 {
			return c
		}
	} else if c := strings.Compare(a.sortKey, b.sortKey); c != 0 {
		return c
	}
	return strings.Compare(a.Page.ID, b.Page.ID)
}

// naturalKey encodes an item key so that comparing encodings byte by
// byte orders keys as compareKeys does: ASCII letters in lower case, and
// each run of digits as '0', the length of its value without leading
// zeros, those digits, and the run's full length (lengths in four bytes,
// big-endian). A run starts with '0' like any digit, so it compares with
// other characters as its first digit would. Sorting thousands of items
// by these strings is several times faster than by compareKeys.
func naturalKey(key string) string {
	b := make([]byte, 0, len(key)+20) // room for two runs of digits
	for key != "" {
		if !isDigit(key[0]) {
			b = append(b, lower(key[0]))
			key = key[1:]
			continue
		}
		n := digits(key)
		trimmed := strings.TrimLeft(key[:n], "0")
		b = append(b, '0')
		b = binary.BigEndian.AppendUint32(b, uint32(len(trimmed)))
		b = append(b, trimmed...)
		b = binary.BigEndian.AppendUint32(b, uint32(n))
		key = key[n:]
	}
	return string(b)
}

// compareKeys compares item keys without ASCII case, with runs of digits
// compared by their value: CBI-9 before CBI-10. It allocates nothing: it
// runs inside sorts of every item.
func compareKeys(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digits(a), digits(b)
			if c := compareNumbers(a[:da], b[:db]); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if ca, cb := lower(a[0]), lower(b[0]); ca != cb {
			return int(ca) - int(cb)
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

// lower folds an ASCII upper-case letter to lower case.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// digits returns the length of the run of ASCII digits that s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// compareNumbers compares two runs of digits by value, then by length, so
// that "07" and "7" still compare unequal.
func compareNumbers(a, b string) int {
	ta, tb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(ta) != len(tb) {
		return len(ta) - len(tb)
	}
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	return len(a) - len(b)
}
