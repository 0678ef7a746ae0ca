// Command benchbuild measures a whole Backlight build, and Hugo's build of
// the same content as a yardstick: the runner behind `make bench`.
//
// For each size in -sizes it writes the benchmark corpus (package corpus)
// into a temporary directory, then builds it with
//
//	BACKLIGHT build -s DIR -d DIR/public --quiet
//	hugo --quiet -s DIR -d DIR/public-hugo      (when hugo is on PATH)
//
// each as a child process, -runs times, keeping the best wall time and the
// lowest peak resident set size of each tool. It prints a table of pages per
// second, wall time and peak memory, and Backlight's ratios to Hugo, which
// mean more than raw times on a shared machine. -corpus DIR measures an
// existing tree instead; its public/ and public-hugo/ are replaced.
//
// Linux counts the memory a parent has used in the peak RSS of a child it
// starts (up to the child's exec), so benchbuild keeps its own memory small:
// it writes each corpus in a child process, itself run with -write.
//
// Usage:
//
//	benchbuild [-backlight bin/backlight] [-sizes 1000,10000] [-runs 3] [-seed 1] [-keep]
//	benchbuild [-backlight bin/backlight] [-runs 3] -corpus DIR
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/corpus"
)

// config is what the flags say.
type config struct {
	backlight string // path of the Backlight binary
	hugo      string // path of hugo; empty when it is not installed
	sizes     []int
	runs      int
	seed      uint64
	keep      bool
	corpus    string // an existing tree to measure instead of generated ones
	write     string // only write a corpus of sizes[0] pages here
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err == nil {
		err = run(cfg, os.Stdout, os.Stderr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchbuild:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("benchbuild", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.backlight, "backlight", "bin/backlight", "the Backlight `binary` to measure")
	sizes := fs.String("sizes", "1000,10000", "comma-separated corpus `sizes` in pages")
	fs.IntVar(&cfg.runs, "runs", 3, "builds per tool and size; the best one counts")
	fs.Uint64Var(&cfg.seed, "seed", 1, "`seed` of the generated corpora")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the generated corpora and their output")
	fs.StringVar(&cfg.corpus, "corpus", "", "measure the existing site in `DIR` instead (its public/ and public-hugo/ are replaced)")
	fs.StringVar(&cfg.write, "write", "", "only write a corpus of the first size to `DIR`, as benchbuild does in a child process")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if cfg.runs < 1 {
		return cfg, fmt.Errorf("-runs %d: need at least 1", cfg.runs)
	}
	var err error
	cfg.sizes, err = parseSizes(*sizes)
	return cfg, err
}

// parseSizes reads "1000,10000".
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

// findBinary returns the absolute path of an executable, looked up on PATH
// when the name has no slash.
func findBinary(name string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("backlight binary: %w (build it first, or pass -backlight)", err)
	}
	return filepath.Abs(path)
}

// run measures every corpus and prints the table, or with -write only
// writes a corpus.
func run(cfg config, stdout, progress io.Writer) error {
	if cfg.write != "" {
		_, err := corpus.Write(cfg.write, corpus.Options{Pages: cfg.sizes[0], Seed: cfg.seed})
		return err
	}
	var err error
	if cfg.backlight, err = findBinary(cfg.backlight); err != nil {
		return err
	}
	cfg.hugo, _ = exec.LookPath("hugo")
	var rows []row
	if cfg.corpus != "" {
		r, err := measureTree(cfg, cfg.corpus, progress)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	} else {
		for _, n := range cfg.sizes {
			r, err := measureSize(cfg, n, progress)
			if err != nil {
				return err
			}
			rows = append(rows, r)
		}
	}
	printTable(stdout, cfg, rows)
	return nil
}

// measureSize generates a corpus of n pages in a temporary directory and
// measures it; the directory goes afterwards unless -keep.
func measureSize(cfg config, n int, progress io.Writer) (r row, err error) {
	dir, err := os.MkdirTemp("", fmt.Sprintf("backlight-bench-%d-", n))
	if err != nil {
		return r, fmt.Errorf("corpus directory: %w", err)
	}
	if cfg.keep {
		defer fmt.Fprintf(progress, "kept %s\n", dir)
	} else {
		defer func() { err = errors.Join(err, os.RemoveAll(dir)) }()
	}
	start := time.Now()
	if err := writeInChild(dir, n, cfg.seed); err != nil {
		return r, err
	}
	fmt.Fprintf(progress, "wrote %d pages to %s in %v\n", n, dir, time.Since(start).Round(time.Millisecond))
	return measureTree(cfg, dir, progress)
}

// writeInChild writes a corpus by running benchbuild -write, so that the
// memory it takes is not charged to the builds measured after it.
func writeInChild(dir string, pages int, seed uint64) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find benchbuild itself: %w", err)
	}
	_, err = runOnce(self, "-write", dir, "-sizes", strconv.Itoa(pages), "-seed", strconv.FormatUint(seed, 10))
	return err
}
