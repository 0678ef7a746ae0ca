package main

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// report is everything the Markdown report says.
type report struct {
	cfg     config
	hugo    harness.Hugo
	date    time.Time
	took    time.Duration
	results []toolResult // Backlight first, then Hugo if measured
}

// markdown is the report: the method in a few lines, the latency table
// with Backlight's ratio to Hugo, and where each server's time went.
func (r *report) markdown() string {
	var b strings.Builder
	cfg := r.cfg
	source := fmt.Sprintf("the generated corpus of %s pages (seed %d)", thousands(cfg.pages), cfg.seed)
	if cfg.corpus != "" {
		source = "the site in " + cfg.corpus
	}
	how := "in place (os.WriteFile: truncate, then write)"
	if cfg.write == writeRename {
		how = "to a temporary file renamed over the file"
	}
	fmt.Fprintf(&b, "Edit to visible on %s, %s, %d CPUs; the run took %s.\n", source, r.date.Format("2006-01-02"), runtime.NumCPU(), roundRun(r.took))
	fmt.Fprintf(&b, "%d edits per kind, written %s, the page fetched every %v over a kept-alive connection until it shows the edit, %v between edits.\n\n",
		cfg.rounds, how, harness.Ms(cfg.poll), harness.Ms(cfg.gap))
	for _, res := range r.results {
		built := ""
		if res.built > 0 {
			built = fmt.Sprintf(", first build %s by its own count", harness.Ms(res.built))
		}
		fmt.Fprintf(&b, "- %s: %s, answering %s after its start%s\n", res.tool, res.version, harness.Ms(res.ready), built)
		if res.stopped != "" {
			fmt.Fprintf(&b, "  - %s stopped early: %s\n", res.tool, res.stopped)
		}
	}
	if r.hugo.Path == "" {
		fmt.Fprintf(&b, "- Hugo: %s\n", r.hugo)
	} else {
		fmt.Fprintf(&b, "- Hugo binary: %s\n", r.hugo)
	}
	b.WriteString("\n")

	var bl, hu *toolResult
	for i := range r.results {
		switch r.results[i].tool {
		case "Backlight":
			bl = &r.results[i]
		case "Hugo":
			hu = &r.results[i]
		}
	}
	if len(r.results) == 0 {
		return b.String()
	}
	latency := &harness.Table{Head: []string{"edit", "page"}, Right: []bool{false, false}}
	for _, res := range r.results {
		latency.Head = append(latency.Head, res.tool+" median", "p90", "max")
		latency.Right = append(latency.Right, true, true, true)
	}
	if bl != nil && hu != nil {
		latency.Head = append(latency.Head, "Backlight ÷ Hugo")
		latency.Right = append(latency.Right, true)
	}
	for i, k := range r.results[0].kinds {
		row := []string{k.kind, "`" + k.url + "`"}
		for _, res := range r.results {
			if i < len(res.kinds) {
				row = append(row, statCells(res.kinds[i])...)
			} else {
				row = append(row, "–", "–", "–")
			}
		}
		if bl != nil && hu != nil {
			q := "–"
			if i < len(bl.kinds) && i < len(hu.kinds) {
				q = harness.Ratio(float64(summarize(bl.kinds[i].latencies()).median), float64(summarize(hu.kinds[i].latencies()).median))
			}
			row = append(row, q)
		}
		latency.Add(row...)
	}
	latency.Markdown(&b)

	for _, res := range r.results {
		for _, k := range res.kinds {
			if f := k.failures(); f > 0 {
				fmt.Fprintf(&b, "%s, %s: %d of %d edits not seen within %v.\n", res.tool, k.kind, f, len(k.samples), cfg.timeout)
			}
		}
	}

	b.WriteString("Where the time went, medians (which need not add up): *before* is from the write to the start of the last rebuild the server timed (noticing the change, the debounce, and for Hugo's configuration reloading it), *rebuild* the time it printed (\"rebuilt … in\"; Hugo's \"Total in\" or \"Rebuilt in\"), *after* from the moment it printed that to the end of the response that showed the edit (serving and polling; below zero when the new page was served before the line was printed), then the rebuilds printed per edit and the time of one fetch of the unchanged page.\n\n")
	where := &harness.Table{
		Head:  []string{"server", "edit", "before", "rebuild", "after", "rebuilds per edit", "fetch"},
		Right: []bool{false, false, true, true, true, true, true},
	}
	for _, res := range r.results {
		for _, k := range res.kinds {
			sp := k.split()
			before, rebuild, after := "–", "–", "–"
			if len(sp.rebuild) > 0 {
				before = signedMs(summarize(sp.before).median)
				rebuild = harness.Ms(summarize(sp.rebuild).median)
				after = signedMs(summarize(sp.after).median)
			}
			where.Add(res.tool, k.kind, before, rebuild, after, fmt.Sprintf("%.2f", sp.perEdit), harness.Ms(k.fetch))
		}
	}
	where.Markdown(&b)
	b.WriteString("Files edited: ")
	var files []string
	for _, k := range r.results[0].kinds {
		if f := "`" + k.rel + "`"; !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	if bl != nil && hu != nil {
		files = append(files, "`hugo.toml` (Hugo's title)")
	}
	b.WriteString(strings.Join(files, ", ") + ".\n")
	return b.String()
}

// statCells are the median, p90 and maximum cells of a kind of edit, with
// the failures counted when all failed.
func statCells(k kindResult) []string {
	st := summarize(k.latencies())
	if st.n == 0 {
		return []string{fmt.Sprintf("none seen (%d failed)", k.failures()), "–", "–"}
	}
	return []string{harness.Ms(st.median), harness.Ms(st.p90), harness.Ms(st.max)}
}

// signedMs is harness.Ms for durations that can be zero or below.
func signedMs(d time.Duration) string {
	switch {
	case d < 0:
		return "−" + harness.Ms(-d)
	case d == 0:
		return "0 ms"
	}
	return harness.Ms(d)
}

// roundRun writes the run's duration as "3 min 12 s".
func roundRun(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
}

// thousands writes 10000 as 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// toolVersion names a server's binary and version: Hugo's version as
// "hugo v0.165.0", Backlight's version line and path.
func toolVersion(tl tool) string {
	line := harness.VersionLine(context.Background(), tl.binary, "version")
	if v, ok := harness.ParseHugoVersion(line); ok && tl.name == "Hugo" {
		return "hugo " + v
	}
	if line == "" {
		return tl.binary
	}
	return line + " (" + tl.binary + ")"
}

// showSample is one round on one line.
func showSample(s sample) string {
	if s.err != nil {
		return "failed: " + s.err.Error()
	}
	return harness.Ms(s.latency)
}
