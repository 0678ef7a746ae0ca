// Command benchsearch compares Backlight's client-side search with
// Pagefind's on the same generated site: the runner behind
// `make bench-search`.
//
// It writes the benchmark corpus (package corpus, the one `make bench`
// uses) of -pages pages into -out, builds it with the Backlight binary,
// and then measures, for each engine:
//
//   - building the index: Backlight's search.Build in-process, in a child
//     process that loads the site as site.Build does, then reports the
//     step's wall time and the growth of its peak resident set (Linux
//     VmHWM, reset before the step) and checks that it built the very
//     files the build wrote; Pagefind as `pagefind --site public`, a child
//     process measured by wall time and peak RSS;
//   - the index: total bytes and number of files (search/*.js for
//     Backlight, pagefind/** for Pagefind), and files per page;
//   - the first query of a user: for each of 20 fixed queries (queries.go)
//     and each engine, a fresh browser context (empty cache) opens a page
//     of the site, served on 127.0.0.1 by a file server that gzips text
//     types as static hosts do, runs the query, and sums the bytes the
//     browser receives for it, the search script and the index files
//     included (browser.go, engines.go);
//   - quality: the rank of each query's expected page among the first 8
//     results.
//
// It prints the tables and writes them as Markdown to -out/bench-search.md.
//
// Pagefind is installed from npm into -cache (`npm install pagefind@1`;
// the first install pins the version, which the report names), so npm
// must be on PATH; Chromium (or Chrome) runs the queries. The corpus and
// its output are removed at the end unless -keep.
//
// Linux counts the memory a parent has used in the peak RSS of a child it
// starts, so benchsearch does its own heavy work (writing the corpus,
// building the index in-process) in child processes (harness.WriteCorpus,
// and itself run with -index), and reads the corpus for the queries only after the
// measured builds.
//
// Usage:
//
//	benchsearch [-backlight bin/backlight] [-pages 10000] [-seed 1] [-out DIR] [-cache DIR] [-runs 3] [-keep] [-v]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// config is what the flags say.
type config struct {
	backlight string        // path of the Backlight binary
	pages     int           // size of the corpus
	seed      uint64        // seed of the corpus
	out       string        // work folder: the corpus, the output, the report
	cache     string        // where npm installs Pagefind
	pagefind  string        // the npm version range of Pagefind to install
	chromium  string        // the browser; empty: look it up
	runs      int           // index builds per engine; the best counts
	timeout   time.Duration // bound of one query in the browser
	keep      bool          // keep the corpus and its output
	verbose   bool          // list each query's downloads

	index string // child mode: only build Backlight's index of the site in this folder and report
}

func main() { harness.Main("benchsearch", run) }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("benchsearch", stderr)
	backlight := harness.BacklightFlag(fs, "the Backlight `binary` that builds the site")
	fs.IntVar(&cfg.pages, "pages", 10000, fmt.Sprintf("corpus size in pages, at least %d", corpus.MinPages))
	fs.Uint64Var(&cfg.seed, "seed", 1, "`seed` of the generated corpus")
	fs.StringVar(&cfg.out, "out", filepath.Join(os.TempDir(), "backlight-bench-search"), "work `folder`: the corpus and its output (removed unless -keep) and bench-search.md")
	fs.StringVar(&cfg.cache, "cache", filepath.Join(harness.DefaultCache(), "benchsearch"), "`folder` npm installs Pagefind into, kept between runs")
	fs.StringVar(&cfg.pagefind, "pagefind", "1", "npm `version` range of Pagefind")
	fs.StringVar(&cfg.chromium, "chromium", "", "Chromium or Chrome `binary` (default: chromium, chromium-browser or google-chrome on PATH)")
	fs.IntVar(&cfg.runs, "runs", 3, "index builds per engine; the best wall time and the lowest peak memory count")
	fs.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "bound of one query in the browser")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the corpus and its output in -out")
	fs.BoolVar(&cfg.verbose, "v", false, "list the files each query downloads, and each engine's results")
	fs.StringVar(&cfg.index, "index", "", "only build Backlight's search index of the site in `DIR` and print its measures as JSON, as benchsearch does in a child process")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	cfg.backlight = *backlight
	switch {
	case cfg.pages < corpus.MinPages:
		return cfg, fmt.Errorf("-pages %d: need at least %d", cfg.pages, corpus.MinPages)
	case cfg.runs < 1:
		return cfg, fmt.Errorf("-runs %d: need at least 1", cfg.runs)
	case cfg.timeout <= 0:
		return cfg, fmt.Errorf("-timeout %v: need a positive duration", cfg.timeout)
	case cfg.out == "":
		return cfg, errors.New("-out: need a folder")
	}
	return cfg, nil
}

// run does what the flags say: a child's job, or the whole benchmark.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if cfg.index != "" {
		return indexChild(cfg.index, stdout)
	}
	return benchmark(ctx, cfg, stdout, stderr)
}
