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
	pages, err := countPages(dir)
	if err != nil {
		return row{}, err
	}
	r := row{pages: pages, medium: medium}
	out := filepath.Join(dir, "public")
	tools := []tool{{name: "backlight", out: out, argv: []string{b.cfg.backlight, "build", "-s", dir, "-d", out, "--quiet"}}}
	results := []*runs{&r.backlight}
	if b.hugo != "" {
		out := filepath.Join(dir, "public-hugo")
		tools = append(tools, tool{name: "hugo", out: out, argv: []string{b.hugo, "--quiet", "-s", dir, "-d", out}})
		r.hugo = &runs{}
		results = append(results, r.hugo)
	}
	if b.cfg.baseline != "" {
		out := filepath.Join(dir, "public-baseline")
		tools = append(tools, tool{name: "baseline", out: out, argv: []string{b.cfg.baseline, "build", "-s", dir, "-d", out, "--quiet"}})
		r.baseline = &runs{}
		results = append(results, r.baseline)
	}
	for k := range n {
		for i := range tools {
			j := i
			if k%2 == 1 {
				j = len(tools) - 1 - i
			}
			m, err := runBuild(ctx, tools[j])
			if err != nil {
				return r, err
			}
			results[j].add(m)
			fmt.Fprintf(b.progress, "  %d pages, %s, %s run %d/%d: %v, %.1f MiB\n", pages, medium, tools[j].name, k+1, n, m.Wall.Round(time.Millisecond), harness.MiB(m.RSS))
		}
	}
	return r, nil
}

// runBuild empties a tool's output folder and runs it once.
func runBuild(ctx context.Context, t tool) (harness.Measured, error) {
	if err := os.RemoveAll(t.out); err != nil {
		return harness.Measured{}, fmt.Errorf("clear %s: %w", t.out, err)
	}
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
