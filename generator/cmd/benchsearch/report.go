package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// engineResult is everything measured of one engine.
type engineResult struct {
	name       string
	version    string
	available  bool          // the engine's index exists in the output
	build      time.Duration // index build time; 0: not measured
	peak       int64         // peak memory of the index build, bytes; 0: unknown
	peakNote   string        // what peak is
	files      int           // index files
	bytes      int64         // index bytes on disk
	sent       int64         // index bytes as the server sends them (text types gzipped)
	outcomes   []outcome     // per query, in query order; nil when the browser part did not run
	failures   []string      // queries that could not run, with why
	exceptions []string      // uncaught exceptions of the pages
}

// report is the whole benchmark's result.
type report struct {
	pages    int
	seed     uint64
	queries  []query
	engines  []*engineResult
	notes    []string // lines printed under the tables
	duration time.Duration
}

// table is a table to print as text or as Markdown.
type table struct {
	title string
	head  []string
	rows  [][]string
	right []bool // columns aligned right
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) text(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n", t.title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(cells []string) {
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	line(t.head)
	rule := make([]string, len(t.head))
	for i, h := range t.head {
		rule[i] = strings.Repeat("-", len([]rune(h)))
	}
	line(rule)
	for _, r := range t.rows {
		line(r)
	}
	tw.Flush()
	fmt.Fprintln(w)
}

func (t *table) markdown(w io.Writer) {
	fmt.Fprintf(w, "### %s\n\n", t.title)
	esc := func(cells []string) string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = strings.ReplaceAll(c, "|", `\|`)
		}
		return "| " + strings.Join(out, " | ") + " |"
	}
	fmt.Fprintln(w, esc(t.head))
	rule := make([]string, len(t.head))
	for i := range rule {
		rule[i] = "---"
		if i < len(t.right) && t.right[i] {
			rule[i] = "---:"
		}
	}
	fmt.Fprintln(w, "|"+strings.Join(rule, "|")+"|")
	for _, r := range t.rows {
		fmt.Fprintln(w, esc(r))
	}
	fmt.Fprintln(w)
}

// tables lays the report out.
func (r *report) tables() []*table {
	idx := &table{
		title: fmt.Sprintf("Index (%d pages, seed %d)", r.pages, r.seed),
		head:  []string{"engine", "build", "peak memory", "index bytes", "sent (gzip)", "files", "files/page"},
		right: []bool{false, true, true, true, true, true, true},
	}
	for _, e := range r.engines {
		if !e.available {
			idx.add(e.label(), "-", "-", "-", "-", "-", "-")
			continue
		}
		build, peak := "-", "-"
		if e.build > 0 {
			build = fmt.Sprintf("%.2f s", e.build.Seconds())
		}
		if e.peak > 0 {
			peak = fmt.Sprintf("%.1f MiB", mib(e.peak))
		}
		idx.add(e.label(), build, peak, fmt.Sprintf("%.1f MiB", mib(e.bytes)), fmt.Sprintf("%.1f MiB", mib(e.sent)),
			fmt.Sprint(e.files), fmt.Sprintf("%.3f", float64(e.files)/float64(r.pages)))
	}

	sizes := []string{"one word", "two words", "three or more"}
	dl := &table{
		title: "First-query download, KiB (client script included; median / max)",
		head:  []string{"engine"},
		right: []bool{false},
	}
	for _, s := range sizes {
		n := 0
		for _, q := range r.queries {
			if q.size() == s {
				n++
			}
		}
		dl.head = append(dl.head, fmt.Sprintf("%s (%d)", s, n))
		dl.right = append(dl.right, true)
	}
	dl.head = append(dl.head, "requests (max)")
	dl.right = append(dl.right, true)
	for _, e := range r.engines {
		if e.outcomes == nil {
			continue
		}
		row := []string{e.name}
		maxReqs := 0
		for _, s := range sizes {
			var xs []int64
			for i, q := range r.queries {
				if o := e.outcomes[i]; q.size() == s && o.hits != nil {
					xs = append(xs, o.bytes)
				}
			}
			if len(xs) == 0 {
				row = append(row, "-")
				continue
			}
			row = append(row, fmt.Sprintf("%.1f / %.1f", median(xs)/1024, kib(slices.Max(xs))))
		}
		for _, o := range e.outcomes {
			maxReqs = max(maxReqs, o.requests)
		}
		dl.add(append(row, fmt.Sprint(maxReqs))...)
	}

	qual := &table{
		title: fmt.Sprintf("Quality: the expected page among the first results of %d queries", len(r.queries)),
		head:  []string{"engine", "first", "top 3", "top 8", "failed"},
		right: []bool{false, true, true, true, true},
	}
	for _, e := range r.engines {
		if e.outcomes == nil {
			continue
		}
		first, top3, top8 := 0, 0, 0
		for i, q := range r.queries {
			switch k := rank(e.outcomes[i].hits, q.want); {
			case k == 1:
				first++
				fallthrough
			case k >= 1 && k <= 3:
				top3++
				fallthrough
			case k >= 1:
				top8++
			}
		}
		qual.add(e.name, fmt.Sprint(first), fmt.Sprint(top3), fmt.Sprint(top8), fmt.Sprint(len(e.failures)))
	}

	per := &table{
		title: "Per query: rank of the expected page (- not among the first 8) and KiB downloaded",
		head:  []string{"#", "class", "query", "expected page"},
		right: []bool{true, false, false, false},
	}
	var ran []*engineResult
	for _, e := range r.engines {
		if e.outcomes != nil {
			ran = append(ran, e)
			per.head = append(per.head, e.name+" rank", e.name+" KiB")
			per.right = append(per.right, true, true)
		}
	}
	for i, q := range r.queries {
		row := []string{fmt.Sprint(i + 1), q.class, q.text, q.want}
		for _, e := range ran {
			o := e.outcomes[i]
			if o.hits == nil {
				row = append(row, "failed", "-")
				continue
			}
			k := "-"
			if n := rank(o.hits, q.want); n > 0 {
				k = fmt.Sprint(n)
			}
			row = append(row, k, fmt.Sprintf("%.1f", kib(o.bytes)))
		}
		per.add(row...)
	}
	return []*table{idx, dl, qual, per}
}

// label names an engine with its version.
func (e *engineResult) label() string {
	if e.version == "" {
		return e.name
	}
	return e.name + " " + e.version
}

// print writes the report as text tables.
func (r *report) print(w io.Writer) {
	for _, t := range r.tables() {
		t.text(w)
	}
	for _, n := range r.notes {
		fmt.Fprintln(w, n)
	}
}

// markdown writes the report as Markdown.
func (r *report) markdown(w io.Writer) {
	fmt.Fprintf(w, "## Search benchmark: Backlight and Pagefind\n\n")
	fmt.Fprintf(w, "Written by `make bench-search` (generator/cmd/benchsearch) in %v.\n\n", r.duration.Round(time.Second))
	for _, t := range r.tables() {
		t.markdown(w)
	}
	for _, n := range r.notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
	fmt.Fprintln(w)
}

// median of xs, which must not be empty.
func median(xs []int64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}
