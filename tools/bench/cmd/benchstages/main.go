// Command benchstages tells where a whole build spends its CPU time, stage
// by stage: the runner behind `make bench-stages`.
//
// For each -root (a checkout of Backlight; repeat the flag to compare an
// older commit's worktree with this one) it runs the site package's
// BenchmarkBuild at -pages pages with a CPU profile, in that checkout:
//
//	go test ./generator/site -run '^$' -bench '^BenchmarkBuild$/^PAGES$' -benchtime Nx -cpuprofile …
//
// with TMPDIR on tmpfs where there is one, reads the profile's samples
// (`go tool pprof -traces`) and puts each in the first stage whose
// function is on its stack: content loading, Markdown, graph, backlog,
// planning, search index, link check, the writing of pages split into
// relation graphs, other view building, templates, minifying and the file
// system calls, the swap, and the garbage collector. Samples of the
// benchmark's own work (writing the corpus, removing its temporary folders)
// are left out. It prints each stage's
// seconds per build and share of the build, one column per root.
//
// Usage:
//
//	benchstages [-root ../..] [-root /tmp/old] [-pages 10000] [-builds 3]
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

func main() { harness.Main("benchstages", run) }

// stage is a part of a build and the functions that mark its samples; a
// sample belongs to the first stage any of whose marks is on its stack.
type stage struct {
	name  string
	marks []string
}

// stages in the order a sample is tried against them: the specific before
// the general (a page's relation graph is drawn while the page is written).
// The marks name functions before and after the split of render (issue
// 17), so that an older checkout is profiled by the same stages.
var stages = []stage{
	{"(benchmark harness: not the build)", []string{"site.benchCorpus", "corpus.Write", "testing.(*common).runCleanup", "testing.(*common).TempDir"}},
	{"garbage collector", []string{"runtime.gcBgMarkWorker", "runtime.bgsweep", "runtime.bgscavenge"}},
	{"content: read and parse", []string{"content.Load"}},
	{"Markdown bodies", []string{"site.renderBodies", "site.(*renderedBodies)", "markdown.(*Renderer).Render"}},
	{"graph: references, inverses", []string{"graph.Build", "graph.NewIndex"}},
	{"backlog: ranks, forecasts", []string{"backlog.Derive"}},
	{"search index", []string{"site.searchOutputs", "backlight/generator/search."}},
	{"write: relation graphs (SVG)", []string{"render.neighbourhood", "views.(*Site).neighbourhood", "svg.Neighbourhood"}},
	{"write: other view building", []string{"render.(*Engine).pageView", "render.(*Engine).addLevelViews", "levelView", "generator/render/views."}},
	{"write: minify", []string{"site.(*minifier).minify"}},
	{"write: link check", []string{"site.(*linkCheck).scan"}},
	{"write: templates", []string{"render.(*Engine).execute"}},
	{"write: file system calls", []string{"site.osDisk.WriteFile", "site.makeDir"}},
	{"write: other", []string{"site.writeAll"}},
	{"plan", []string{"render.(*Engine).Plan"}},
	{"link check setup and report", []string{"site.newLinkCheck", "site.(*linkCheck).report"}},
	{"swap and manifest", []string{"site.publish", "outdir."}},
}

const other = "other"

func run(ctx context.Context, args []string, stdout, progress io.Writer) error {
	fs := harness.Flags("benchstages", progress)
	roots := harness.RootsFlag(fs, "profile")
	pages := fs.Int("pages", 10000, "the size of BenchmarkBuild to run: 1000 or 10000")
	builds := fs.Int("builds", 3, "builds per profile (-benchtime Nx)")
	if err := harness.Parse(fs, args); err != nil {
		return err
	}
	rs := roots.OrThis()
	var cols []map[string]float64
	for _, root := range rs {
		abs, err := filepath.Abs(root)
		if err != nil {
			return err
		}
		fmt.Fprintf(progress, "profiling %d builds of %d pages in %s\n", *builds, *pages, abs)
		shares, err := profile(ctx, abs, *pages, *builds)
		if err != nil {
			return fmt.Errorf("%s: %w", abs, err)
		}
		cols = append(cols, shares)
	}
	table(rs, cols, profiled(*builds)).Text(stdout)
	return nil
}

// profiled is how many builds -benchtime Nx makes: the testing package
// runs a benchmark once with N = 1 first, then, when N > 1, N times.
func profiled(n int) int {
	if n > 1 {
		return n + 1
	}
	return 1
}

// profile runs the benchmark in root and returns the CPU seconds of each
// stage, over all its builds.
func profile(ctx context.Context, root string, pages, builds int) (map[string]float64, error) {
	dir, err := os.MkdirTemp("", "benchstages-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	bin, prof := filepath.Join(dir, "site.test"), filepath.Join(dir, "cpu.out")
	if err := harness.BenchmarkBuild(ctx, root, pages, fmt.Sprintf("%dx", builds), bin, "-cpuprofile", prof); err != nil {
		return nil, err
	}
	traces := exec.CommandContext(ctx, "go", "tool", "pprof", "-traces", bin, prof)
	traces.Dir = root
	out, err := traces.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := traces.Start(); err != nil {
		return nil, err
	}
	shares, perr := parseTraces(out)
	if err := traces.Wait(); err != nil {
		return nil, fmt.Errorf("go tool pprof: %w", err)
	}
	return shares, perr
}

// parseTraces reads `go tool pprof -traces` output: samples separated by
// "-----------+---…" lines, each a value ("10ms") beside its first frame,
// then one frame a line, innermost first.
func parseTraces(r io.Reader) (map[string]float64, error) {
	sums := map[string]float64{}
	var value float64
	var frames []string
	flush := func() {
		if value > 0 {
			sums[classify(frames)] += value
		}
		value, frames = 0, frames[:0]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "-----------+"):
			flush()
		case strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t"):
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			if len(fields) >= 2 && len(frames) == 0 {
				if d, err := time.ParseDuration(fields[0]); err == nil {
					value = d.Seconds()
					frames = append(frames, fields[1])
					continue
				}
			}
			frames = append(frames, fields[len(fields)-1])
		}
	}
	flush()
	return sums, sc.Err()
}

// classify is the stage of a sample's stack.
func classify(frames []string) string {
	for _, s := range stages {
		for _, f := range frames {
			for _, m := range s.marks {
				if strings.Contains(f, m) {
					return s.name
				}
			}
		}
	}
	return other
}

// table prints each stage's seconds per build and its share of the
// build's samples (the corpus writing left out), one column per root.
func table(rs harness.Roots, cols []map[string]float64, builds int) *harness.Table {
	t := &harness.Table{Title: fmt.Sprintf("CPU seconds per build and share of the build, from %d profiled builds", builds), Head: []string{"stage"}, Right: []bool{false}}
	for _, r := range rs {
		t.Head = append(t.Head, r+" s", "share")
		t.Right = append(t.Right, true, true)
	}
	names := []string{}
	for _, s := range stages[1:] {
		names = append(names, s.name)
	}
	names = append(names, other, "total")
	totals := make([]float64, len(cols))
	for i, c := range cols {
		for name, v := range c {
			if name != stages[0].name {
				totals[i] += v
			}
		}
	}
	for _, name := range names {
		row := []string{name}
		for i, c := range cols {
			v := c[name]
			if name == "total" {
				v = totals[i]
			}
			share := "–"
			if totals[i] > 0 {
				share = strconv.FormatFloat(100*v/totals[i], 'f', 1, 64) + " %"
			}
			row = append(row, strconv.FormatFloat(v/float64(builds), 'f', 2, 64), share)
		}
		t.Add(row...)
	}
	return t
}
