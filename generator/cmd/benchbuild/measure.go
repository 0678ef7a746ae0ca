package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/procstat"
)

// result is the best of a tool's runs on one corpus.
type result struct {
	wall time.Duration // the shortest wall time
	rss  int64         // the lowest peak resident set size, bytes; 0 if unknown
}

// row is one corpus, measured.
type row struct {
	pages     int
	backlight result
	hugo      *result // nil when hugo is not installed
}

// measureTree builds the site in dir with each tool, cfg.runs times.
func measureTree(cfg config, dir string, progress io.Writer) (row, error) {
	pages, err := countPages(dir)
	if err != nil {
		return row{}, err
	}
	r := row{pages: pages}
	out := filepath.Join(dir, "public")
	r.backlight, err = best(cfg.runs, out, progress, cfg.backlight, "build", "-s", dir, "-d", out, "--quiet")
	if err != nil || cfg.hugo == "" {
		return r, err
	}
	out = filepath.Join(dir, "public-hugo")
	h, err := best(cfg.runs, out, progress, cfg.hugo, "--quiet", "-s", dir, "-d", out)
	r.hugo = &h
	return r, err
}

// best runs a build runs times, each into an emptied out directory.
func best(runs int, out string, progress io.Writer, name string, args ...string) (result, error) {
	var b result
	for k := range runs {
		if err := os.RemoveAll(out); err != nil {
			return b, fmt.Errorf("clear %s: %w", out, err)
		}
		r, err := runOnce(name, args...)
		if err != nil {
			return b, err
		}
		fmt.Fprintf(progress, "  %s run %d/%d: %v, %.1f MiB\n", filepath.Base(name), k+1, runs, r.wall.Round(time.Millisecond), mib(r.rss))
		if k == 0 || r.wall < b.wall {
			b.wall = r.wall
		}
		if k == 0 || r.rss < b.rss {
			b.rss = r.rss
		}
	}
	return b, nil
}

// runOnce runs a build as a child process and measures it.
func runOnce(name string, args ...string) (result, error) {
	cmd := exec.Command(name, args...)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail(output.String(), 20))
	}
	return result{wall: wall, rss: procstat.PeakRSS(cmd.ProcessState)}, nil
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
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
