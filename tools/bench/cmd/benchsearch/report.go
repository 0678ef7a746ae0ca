package main

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
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

// tables lays the report out.
func (r *report) tables() []*harness.Table {
	idx := &harness.Table{
		Title: fmt.Sprintf("Index (%d pages, seed %d)", r.pages, r.seed),
		Head:  []string{"engine", "build", "peak memory", "index bytes", "sent (gzip)", "files", "files/page"},
		Right: []bool{false, true, true, true, true, true, true},
	}
	for _, e := range r.engines {
		if !e.available {
			idx.Add(e.label(), "-", "-", "-", "-", "-", "-")
			continue
		}
		build, peak := "-", "-"
		if e.build > 0 {
			build = fmt.Sprintf("%.2f s", e.build.Seconds())
		}
		if e.peak > 0 {
			peak = fmt.Sprintf("%.1f MiB", harness.MiB(e.peak))
		}
		idx.Add(e.label(), build, peak, fmt.Sprintf("%.1f MiB", harness.MiB(e.bytes)), fmt.Sprintf("%.1f MiB", harness.MiB(e.sent)),
			fmt.Sprint(e.files), fmt.Sprintf("%.3f", float64(e.files)/float64(r.pages)))
	}

	sizes := []string{"one word", "two words", "three or more"}
	dl := &harness.Table{
		Title: "First-query download, KiB (client script included; median / max)",
		Head:  []string{"engine"},
		Right: []bool{false},
	}
	for _, s := range sizes {
		n := 0
		for _, q := range r.queries {
			if q.size() == s {
				n++
			}
		}
		dl.Head = append(dl.Head, fmt.Sprintf("%s (%d)", s, n))
		dl.Right = append(dl.Right, true)
	}
	dl.Head = append(dl.Head, "requests (max)")
	dl.Right = append(dl.Right, true)
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
			row = append(row, fmt.Sprintf("%.1f / %.1f", harness.Median(xs)/1024, harness.KiB(slices.Max(xs))))
		}
		for _, o := range e.outcomes {
			maxReqs = max(maxReqs, o.requests)
		}
		dl.Add(append(row, fmt.Sprint(maxReqs))...)
	}

	qual := &harness.Table{
		Title: fmt.Sprintf("Quality: the expected page among the first results of %d queries", len(r.queries)),
		Head:  []string{"engine", "first", "top 3", "top 8", "failed"},
		Right: []bool{false, true, true, true, true},
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
		qual.Add(e.name, fmt.Sprint(first), fmt.Sprint(top3), fmt.Sprint(top8), fmt.Sprint(len(e.failures)))
	}

	per := &harness.Table{
		Title: "Per query: rank of the expected page (- not among the first 8) and KiB downloaded",
		Head:  []string{"#", "class", "query", "expected page"},
		Right: []bool{true, false, false, false},
	}
	var ran []*engineResult
	for _, e := range r.engines {
		if e.outcomes != nil {
			ran = append(ran, e)
			per.Head = append(per.Head, e.name+" rank", e.name+" KiB")
			per.Right = append(per.Right, true, true)
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
			row = append(row, k, fmt.Sprintf("%.1f", harness.KiB(o.bytes)))
		}
		per.Add(row...)
	}
	return []*harness.Table{idx, dl, qual, per}
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
		t.Text(w)
	}
	for _, n := range r.notes {
		fmt.Fprintln(w, n)
	}
}

// markdown writes the report as Markdown.
func (r *report) markdown(w io.Writer) {
	fmt.Fprintf(w, "## Search benchmark: Backlight and Pagefind\n\n")
	fmt.Fprintf(w, "Written by `make bench-search` (tools/bench/cmd/benchsearch) in %v.\n\n", r.duration.Round(time.Second))
	for _, t := range r.tables() {
		t.Markdown(w)
	}
	for _, n := range r.notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
	fmt.Fprintln(w)
}
