// Command benchbuild measures a whole Backlight build against Hugo's build
// of the same content: the runner behind `make bench`.
//
// For each medium (tmpfs: -tmpfs, /dev/shm where present; disk: -disk,
// the temporary folder) it writes the benchmark corpus (package corpus)
// of each size in -sizes into a new folder there, in a child process,
// then builds each with
//
//	BACKLIGHT build -s DIR -d DIR/public --quiet
//	HUGO --quiet -s DIR -d DIR/public-hugo
//	BASELINE build -s DIR -d DIR/public-baseline --quiet   (with -baseline)
//
// each as a child process, in rounds that take turns: round k builds
// every corpus with every tool, -runs times (-large-runs above 10,000
// pages), and every other round takes the corpora and the tools in the
// reverse order. It keeps the median wall time and the median peak
// resident set size (the child's rusage) of each tool, and prints them
// with Backlight's ratios to Hugo, then the targets of the project
// (docs/benchmarks.md) and whether each is met: wall time at most 0.5 ×
// Hugo's on tmpfs and 0.7 × on disk, peak memory at most 0.3 × Hugo's, and
// growth from the smallest size to the largest at most 1.1 × the growth
// of the page count (5.5 × from 10,000 to 50,000 pages).
//
// Hugo is the anchor release, 0.165.0 (harness.FindHugo): -hugo names a
// binary, else hugo on PATH when it is that release or later, else a build
// of it in -cache, made with `go install` on first use.
//
// -corpus DIR measures an existing tree instead, on its own medium; its
// public/, public-hugo/ and (with -baseline) public-baseline/ are replaced.
//
// Usage:
//
//	benchbuild [-backlight bin/backlight] [-baseline OLD] [-hugo PATH|none] [-sizes 10000,50000] [-runs 5] [-large-runs 3] [-seed 1] [-keep]
//	benchbuild [-backlight bin/backlight] [-hugo PATH|none] [-runs 5] -corpus DIR
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// largeSize is the size above which -large-runs applies.
const largeSize = 10000

// config is what the flags say.
type config struct {
	backlight string // path of the Backlight binary
	baseline  string // path of an earlier Backlight binary to compare with; empty: none
	hugoName  string // -hugo: a binary, "none", or empty to find the anchor
	cache     string // where the anchor Hugo is built
	sizes     []int
	runs      int // runs per tool at sizes up to largeSize
	largeRuns int // runs per tool above it
	seed      uint64
	keep      bool
	tmpfs     string // folder on tmpfs; empty: none
	disk      string // folder on disk
	corpus    string // an existing tree to measure instead of generated ones
}

func main() { harness.Main("benchbuild", run) }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("benchbuild", stderr)
	backlight := harness.BacklightFlag(fs, "the Backlight `binary` to measure")
	fs.StringVar(&cfg.baseline, "baseline", "", "an earlier Backlight `binary` (say, of the last release) to measure in the same runs, for before-and-after ratios")
	fs.StringVar(&cfg.hugoName, "hugo", "", "the Hugo `binary` to compare with, or none (default: hugo on PATH when "+harness.HugoAnchor+" or later, else a build of "+harness.HugoAnchor+" in -cache)")
	fs.StringVar(&cfg.cache, "cache", harness.DefaultCache(), "`folder` that keeps the build of Hugo "+harness.HugoAnchor)
	sizes := fs.String("sizes", "10000,50000", "comma-separated corpus `sizes` in pages")
	fs.IntVar(&cfg.runs, "runs", 5, fmt.Sprintf("paired runs per size up to %d pages; the medians count", largeSize))
	fs.IntVar(&cfg.largeRuns, "large-runs", 3, fmt.Sprintf("paired runs per size above %d pages", largeSize))
	fs.Uint64Var(&cfg.seed, "seed", 1, "`seed` of the generated corpora")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the generated corpora and their output")
	fs.StringVar(&cfg.tmpfs, "tmpfs", defaultTmpfs(), "`folder` on tmpfs to build in; empty: measure on disk only")
	fs.StringVar(&cfg.disk, "disk", os.TempDir(), "`folder` on disk to build in")
	fs.StringVar(&cfg.corpus, "corpus", "", "measure the existing site in `DIR` instead (its public/, public-hugo/ and, with -baseline, public-baseline/ are replaced)")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	cfg.backlight = *backlight
	if cfg.runs < 1 || cfg.largeRuns < 1 {
		return cfg, fmt.Errorf("-runs %d, -large-runs %d: need at least 1", cfg.runs, cfg.largeRuns)
	}
	var err error
	cfg.sizes, err = parseSizes(*sizes)
	return cfg, err
}

// defaultTmpfs is /dev/shm when it is a folder, else empty.
func defaultTmpfs() string {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		return "/dev/shm"
	}
	return ""
}

// parseSizes reads "10000,50000".
func parseSizes(s string) ([]int, error) {
	var sizes []int
	for _, field := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < corpus.MinPages {
			return nil, fmt.Errorf("-sizes %q: %q is not a number of pages of at least %d", s, field, corpus.MinPages)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// runsFor is the number of paired runs at a size.
func (cfg config) runsFor(pages int) int {
	if pages > largeSize {
		return cfg.largeRuns
	}
	return cfg.runs
}

// medium is where builds run.
type medium struct {
	name string // "tmpfs" or "disk"
	dir  string
}

// media are the folders builds run in, tmpfs first.
func (cfg config) media() []medium {
	var ms []medium
	if cfg.tmpfs != "" {
		ms = append(ms, medium{name: "tmpfs", dir: cfg.tmpfs})
	}
	return append(ms, medium{name: "disk", dir: cfg.disk})
}

// run measures every corpus and prints the tables.
func run(ctx context.Context, args []string, stdout, progress io.Writer) error {
	cfg, err := parseFlags(args, progress)
	if err != nil {
		return err
	}
	if cfg.backlight, err = harness.FindBinary("backlight", cfg.backlight, "build it with make build, or pass -backlight"); err != nil {
		return err
	}
	if cfg.baseline != "" {
		if cfg.baseline, err = harness.FindBinary("baseline", cfg.baseline, "pass -baseline the path of an earlier Backlight build"); err != nil {
			return err
		}
	}
	hugo, err := harness.FindHugo(ctx, cfg.hugoName, cfg.cache, progress)
	if err != nil {
		return err
	}
	if onTmpfs(cfg.disk) && cfg.corpus == "" {
		fmt.Fprintf(progress, "warning: %s is on tmpfs, so the disk rows are not on disk (pass -disk)\n", cfg.disk)
	}
	b := bench{cfg: cfg, hugo: hugo.Path, progress: progress}
	var rows []row
	if cfg.corpus != "" {
		name := "disk"
		if onTmpfs(cfg.corpus) {
			name = "tmpfs"
		}
		r, err := b.measureTree(ctx, cfg.corpus, name, cfg.runs)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	} else {
		for _, m := range cfg.media() {
			rs, err := b.measureSizes(ctx, cfg.sizes, m)
			if err != nil {
				return err
			}
			rows = append(rows, rs...)
		}
		// By size, then tmpfs before disk, as the tables read.
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.pages, b.pages) })
	}
	version := cfg.backlight
	if line := harness.VersionLine(ctx, cfg.backlight, "version"); line != "" {
		version = line + " (" + cfg.backlight + ")"
	}
	if cfg.baseline != "" {
		if line := harness.VersionLine(ctx, cfg.baseline, "version"); line != "" {
			version += "\nbaseline: " + line + " (" + cfg.baseline + ")"
		}
	}
	printReport(stdout, cfg, version, hugo, rows)
	return nil
}

// bench is one benchmark run.
type bench struct {
	cfg      config
	hugo     string // empty: Backlight alone
	progress io.Writer
}

// measureSizes generates a corpus of each of sizes on a medium and
// measures them in rounds that take turns (measureTrees); the folders go
// afterwards unless -keep.
func (b bench) measureSizes(ctx context.Context, sizes []int, m medium) (rows []row, err error) {
	trees := make([]tree, 0, len(sizes))
	defer func() {
		for _, t := range trees {
			if b.cfg.keep {
				fmt.Fprintf(b.progress, "kept %s\n", t.dir)
			} else {
				err = errors.Join(err, os.RemoveAll(t.dir))
			}
		}
	}()
	for _, n := range sizes {
		dir, err := os.MkdirTemp(m.dir, fmt.Sprintf("backlight-bench-%d-", n))
		if err != nil {
			return nil, fmt.Errorf("corpus folder on %s: %w", m.name, err)
		}
		trees = append(trees, tree{dir: dir, runs: b.cfg.runsFor(n)})
		start := time.Now()
		if err := harness.WriteCorpus(ctx, dir, n, b.cfg.seed); err != nil {
			return nil, err
		}
		fmt.Fprintf(b.progress, "wrote %d pages to %s (%s) in %v\n", n, dir, m.name, time.Since(start).Round(time.Millisecond))
	}
	return b.measureTrees(ctx, trees, m.name)
}
