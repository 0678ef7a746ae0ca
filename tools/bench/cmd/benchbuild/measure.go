package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// runs are a tool's runs on one corpus.
type runs struct {
	walls []time.Duration
	rss   []int64 // peak resident set sizes, bytes; 0 where unknown
}

func (r *runs) add(m harness.Measured) {
	r.walls = append(r.walls, m.Wall)
	r.rss = append(r.rss, m.RSS)
}

// wall is the median wall time.
func (r runs) wall() time.Duration { return time.Duration(harness.Median(r.walls)) }

// peak is the median peak RSS in bytes.
func (r runs) peak() int64 { return int64(harness.Median(r.rss)) }

// row is one corpus on one medium, measured.
type row struct {
	pages     int
	medium    string
	backlight runs
	hugo      *runs // nil when Hugo is not measured
	baseline  *runs // nil without -baseline
}

// tool is a build command on a site folder.
type tool struct {
	name string
	out  string // the output folder, emptied before each run
	argv []string
}

// measureTree builds the site in dir with each tool n times, in rounds
// whose order reverses from one to the next, so that drift on a shared
// machine falls on every tool.
func (b bench) measureTree(ctx context.Context, dir, medium string, n int) (row, error) {
	rows, err := b.measureTrees(ctx, []tree{{dir: dir, runs: n}}, medium)
	if err != nil {
		return row{}, err
	}
	return rows[0], nil
}

// tree is a site to measure and the rounds it gets.
type tree struct {
	dir  string
	runs int
}

// measureTrees measures the sites of trees, all on one medium, in rounds
// that take turns: round k builds, with each tool, every tree that has a
// k-th run, and every other round takes the trees and the tools in the
// reverse order. Drift on a shared machine then falls on every tool and on
// every size alike: the growth from the smallest tree to the largest
// compares builds made minutes apart, not a quarter of an hour, in which
// the machine's speed had changed by as much as the target's margin
// (docs/benchmarks.md).
func (b bench) measureTrees(ctx context.Context, trees []tree, medium string) ([]row, error) {
	all := make([]treeRuns, len(trees))
	rounds := 0
	for i, t := range trees {
		pages, err := countPages(t.dir)
		if err != nil {
			return nil, err
		}
		m := treeRuns{row: &row{pages: pages, medium: medium}, runs: t.runs}
		out := filepath.Join(t.dir, "public")
		m.add(&m.row.backlight, tool{name: "backlight", out: out, argv: []string{b.cfg.backlight, "build", "-s", t.dir, "-d", out, "--quiet"}})
		if b.hugo != "" {
			out := filepath.Join(t.dir, "public-hugo")
			m.row.hugo = &runs{}
			m.add(m.row.hugo, tool{name: "hugo", out: out, argv: []string{b.hugo, "--quiet", "-s", t.dir, "-d", out}})
		}
		if b.cfg.baseline != "" {
			out := filepath.Join(t.dir, "public-baseline")
			m.row.baseline = &runs{}
			m.add(m.row.baseline, tool{name: "baseline", out: out, argv: []string{b.cfg.baseline, "build", "-s", t.dir, "-d", out, "--quiet"}})
		}
		all[i] = m
		rounds = max(rounds, t.runs)
	}
	for k := range rounds {
		for i := range all {
			if k%2 == 1 {
				i = len(all) - 1 - i
			}
			m := all[i]
			if k >= m.runs {
				continue
			}
			for j := range m.tools {
				if k%2 == 1 {
					j = len(m.tools) - 1 - j
				}
				res, err := runBuild(ctx, m.tools[j])
				if err != nil {
					return nil, err
				}
				m.results[j].add(res)
				fmt.Fprintf(b.progress, "  %d pages, %s, %s run %d/%d: %v, %.1f MiB\n", m.row.pages, medium, m.tools[j].name, k+1, m.runs, res.Wall.Round(time.Millisecond), harness.MiB(res.RSS))
			}
		}
	}
	rows := make([]row, len(all))
	for i, m := range all {
		rows[i] = *m.row
	}
	return rows, nil
}

// treeRuns is a tree being measured: its row, its tools and where each
// tool's runs go, and the rounds it gets.
type treeRuns struct {
	row     *row
	tools   []tool
	results []*runs
	runs    int
}

func (m *treeRuns) add(into *runs, t tool) {
	m.tools = append(m.tools, t)
	m.results = append(m.results, into)
}

// runBuild empties a tool's output folder, waits for the disks to have
// written what earlier runs left (settle), and runs the tool once.
func runBuild(ctx context.Context, t tool) (harness.Measured, error) {
	if err := os.RemoveAll(t.out); err != nil {
		return harness.Measured{}, fmt.Errorf("clear %s: %w", t.out, err)
	}
	settle()
	return harness.Run(ctx, 0, t.argv[0], t.argv[1:]...)
}

// countPages counts the Markdown files under dir/content.
func countPages(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".md") {
			n++
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("count pages: %w", err)
	}
	return n, nil
}
