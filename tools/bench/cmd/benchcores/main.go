// Command benchcores tells how busy the cores are in each stage of a
// whole build: the runner behind `make bench-cores`. A stage that leaves a
// core idle while the other works makes the build wait on one core; the
// CPU profile of `make bench-stages` does not show it.
//
// For each -root (a checkout of Backlight; repeat the flag to compare) it
// runs the site package's BenchmarkBuild at -pages pages once under the
// execution tracer, in that checkout:
//
//	go test ./generator/site -run '^$' -bench '^BenchmarkBuild$/^PAGES$' -benchtime 1x -trace …
//
// with TMPDIR on tmpfs where there is one. site.Build marks its stages as
// runtime/trace regions (build, content, bodies, model, templates, search,
// plan, write). From the trace it prints, per stage, the wall time, and
// the cores busy on average: the time goroutines spent running or in
// system calls, divided by the wall time. "between stages" is the rest of
// the build: the collection before the writing, the swap.
//
// Usage:
//
//	benchcores [-root ../..] [-root /tmp/old] [-pages 10000]
package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/exp/trace"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

func main() { harness.Main("benchcores", run) }

// whole is the region of site.Build around its stages.
const whole = "build"

// between is the row of the build's time in none of its stages.
const between = "between stages"

func run(ctx context.Context, args []string, stdout, progress io.Writer) error {
	fs := harness.Flags("benchcores", progress)
	roots := harness.RootsFlag(fs, "trace")
	pages := fs.Int("pages", 10000, "the size of BenchmarkBuild to run: 1000 or 10000")
	if err := harness.Parse(fs, args); err != nil {
		return err
	}
	rs := roots.OrThis()
	var cols []busy
	for _, root := range rs {
		abs, err := filepath.Abs(root)
		if err != nil {
			return err
		}
		fmt.Fprintf(progress, "tracing a build of %d pages in %s\n", *pages, abs)
		b, err := traceBuild(ctx, abs, *pages)
		if err != nil {
			return fmt.Errorf("%s: %w", abs, err)
		}
		cols = append(cols, b)
	}
	table(rs, cols).Text(stdout)
	return nil
}

// traceBuild runs the benchmark in root under the tracer and reads the
// trace.
func traceBuild(ctx context.Context, root string, pages int) (busy, error) {
	dir, err := os.MkdirTemp("", "benchcores-")
	if err != nil {
		return busy{}, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "trace.out")
	if err := harness.BenchmarkBuild(ctx, root, pages, "1x", filepath.Join(dir, "site.test"), "-trace", out); err != nil {
		return busy{}, err
	}
	f, err := os.Open(out)
	if err != nil {
		return busy{}, err
	}
	defer f.Close()
	return readTrace(f)
}

// interval is a span of a trace's time, in nanoseconds.
type interval struct{ from, to trace.Time }

// region is one stage of a build, as site.Build marked it.
type region struct {
	name string
	interval
}

// busy is what a trace says of a build: its stages, the spans in which a
// goroutine ran or was in a system call, and the number of cores.
type busy struct {
	regions []region   // the build's, then its stages, by start
	spans   []interval // by start
	cores   int
}

// readTrace reads an execution trace.
func readTrace(r io.Reader) (busy, error) {
	tr, err := trace.NewReader(r)
	if err != nil {
		return busy{}, err
	}
	var b busy
	since := map[trace.GoID]trace.Time{} // goroutines on a core: since when
	open := map[trace.GoID][]region{}    // the regions a goroutine is in, innermost last
	procs := map[trace.ProcID]bool{}
	for {
		ev, err := tr.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return busy{}, err
		}
		if p := ev.Proc(); p != trace.NoProc {
			procs[p] = true
		}
		switch ev.Kind() {
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				continue
			}
			g := st.Resource.Goroutine()
			from, to := st.Goroutine()
			onCore := func(s trace.GoState) bool { return s == trace.GoRunning || s == trace.GoSyscall }
			switch {
			case onCore(to) && !onCore(from):
				since[g] = ev.Time()
			case onCore(from) && !onCore(to):
				if t, ok := since[g]; ok {
					b.spans = append(b.spans, interval{t, ev.Time()})
					delete(since, g)
				}
			}
		case trace.EventRegionBegin:
			g := ev.Goroutine()
			open[g] = append(open[g], region{name: ev.Region().Type, interval: interval{from: ev.Time()}})
		case trace.EventRegionEnd:
			g := ev.Goroutine()
			if n := len(open[g]); n > 0 && open[g][n-1].name == ev.Region().Type {
				rg := open[g][n-1]
				rg.to = ev.Time()
				open[g] = open[g][:n-1]
				b.regions = append(b.regions, rg)
			}
		}
	}
	b.cores = len(procs)
	slices.SortFunc(b.spans, func(x, y interval) int { return cmp.Compare(x.from, y.from) })
	slices.SortFunc(b.regions, func(x, y region) int { return cmp.Compare(x.from, y.from) })
	if !slices.ContainsFunc(b.regions, func(r region) bool { return r.name == whole }) {
		return busy{}, fmt.Errorf("the trace has no %q region: is the checkout older than site.Build's trace regions?", whole)
	}
	return b, nil
}

// busyIn is the time the spans cover inside iv, counting a time as often
// as spans cover it.
func busyIn(spans []interval, iv interval) time.Duration {
	var d time.Duration
	for _, s := range spans {
		if s.from >= iv.to {
			break // sorted by start
		}
		from, to := max(s.from, iv.from), min(s.to, iv.to)
		if to > from {
			d += time.Duration(to - from)
		}
	}
	return d
}

// stage is a stage's totals over a trace's builds.
type stage struct {
	name       string
	wall, busy time.Duration
}

// stages sums each stage's wall and busy time over the builds, in the
// order the stages first start, then the time of the builds in none of
// them; the last is the whole build's.
func (b busy) stages() []stage {
	var out []stage
	at := map[string]int{}
	var build, inStages stage
	build.name = whole
	for _, r := range b.regions {
		w, u := time.Duration(r.to-r.from), busyIn(b.spans, r.interval)
		if r.name == whole {
			build.wall += w
			build.busy += u
			continue
		}
		i, ok := at[r.name]
		if !ok {
			i = len(out)
			at[r.name] = i
			out = append(out, stage{name: r.name})
		}
		out[i].wall += w
		out[i].busy += u
		inStages.wall += w
		inStages.busy += u
	}
	return append(out, stage{between, build.wall - inStages.wall, build.busy - inStages.busy}, build)
}

// table prints each stage's wall time and the cores it kept busy, one
// pair of columns per root.
func table(rs harness.Roots, cols []busy) *harness.Table {
	t := &harness.Table{Title: "Wall time and cores busy (of GOMAXPROCS) per stage of one build", Head: []string{"stage"}, Right: []bool{false}}
	var names []string
	rows := make([]map[string]stage, len(cols))
	for i, b := range cols {
		t.Head = append(t.Head, rs[i]+" ms", fmt.Sprintf("cores (of %d)", b.cores))
		t.Right = append(t.Right, true, true)
		rows[i] = map[string]stage{}
		for _, s := range b.stages() {
			rows[i][s.name] = s
			if !slices.Contains(names, s.name) {
				names = append(names, s.name)
			}
		}
	}
	// The build's row last, the rest in their order.
	names = append(slices.DeleteFunc(names, func(n string) bool { return n == whole }), whole)
	for _, name := range names {
		row := []string{name}
		for i := range cols {
			s, ok := rows[i][name]
			if !ok || s.wall <= 0 {
				row = append(row, "–", "–")
				continue
			}
			row = append(row, harness.Ms(s.wall), fmt.Sprintf("%.2f", float64(s.busy)/float64(s.wall)))
		}
		t.Add(row...)
	}
	return t
}
