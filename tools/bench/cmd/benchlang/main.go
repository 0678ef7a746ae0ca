// Command benchlang measures what publishing every page in a second
// language costs: the runner behind `make bench-languages`.
//
// It writes the benchmark corpus (package corpus) of -pages pages twice
// into a new folder under -dir (tmpfs where there is one), the second
// time with every page translated into German (corpus.Translate), and
// builds each with
//
//	BACKLIGHT build -s DIR -d DIR/public --quiet
//
// as a child process, in rounds whose order reverses from one to the
// next, -runs times. It prints the median wall time and peak resident
// set size of each and the ratio of the translated site's to the site in
// one language, against the target of 2.1 (docs/benchmarks.md).
//
// Usage:
//
//	benchlang [-backlight bin/backlight] [-pages 10000] [-runs 5] [-dir /dev/shm] [-keep]
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

// target is the most a site with every page translated once may take,
// as a multiple of the same site in one language.
const target = 2.1

func main() { harness.Main("benchlang", run) }

type config struct {
	backlight string
	pages     int
	runs      int
	dir       string
	keep      bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("benchlang", stderr)
	backlight := harness.BacklightFlag(fs, "the Backlight `binary` to measure")
	fs.IntVar(&cfg.pages, "pages", 10000, "`pages` of the corpus, before the translations")
	fs.IntVar(&cfg.runs, "runs", 5, "rounds of one build of each site; the medians count")
	fs.StringVar(&cfg.dir, "dir", harness.TmpfsOrTemp(), "`folder` to write the corpora and build them in")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the corpora and their builds")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	if cfg.pages < corpus.MinPages || cfg.runs < 1 {
		return cfg, fmt.Errorf("-pages must be at least %d and -runs at least 1", corpus.MinPages)
	}
	bin, err := harness.FindBinary("Backlight", *backlight, "make build")
	cfg.backlight = bin
	return cfg, err
}

// site is one corpus and its builds.
type site struct {
	name  string
	dir   string
	walls []time.Duration
	rss   []int64
}

func run(ctx context.Context, args []string, stdout, progress io.Writer) (err error) {
	cfg, err := parseFlags(args, progress)
	if err != nil {
		return err
	}
	root, err := os.MkdirTemp(cfg.dir, "backlight-benchlang-")
	if err != nil {
		return err
	}
	if !cfg.keep {
		defer func() { err = errors.Join(err, os.RemoveAll(root)) }()
	}
	sites := []*site{{name: "one language", dir: filepath.Join(root, "mono")}, {name: "two languages", dir: filepath.Join(root, "bilingual")}}
	for _, s := range sites {
		fmt.Fprintf(progress, "writing a corpus of %d pages into %s\n", cfg.pages, s.dir)
		if err := harness.WriteCorpus(ctx, s.dir, cfg.pages, 1); err != nil {
			return err
		}
	}
	n, err := corpus.Translate(sites[1].dir, "de")
	if err != nil {
		return err
	}
	fmt.Fprintf(progress, "translated its %d pages into German\n", n)
	for k := range cfg.runs {
		order := sites
		if k%2 == 1 {
			order = []*site{sites[1], sites[0]}
		}
		for _, s := range order {
			out := filepath.Join(s.dir, "public")
			if err := os.RemoveAll(out); err != nil {
				return err
			}
			m, err := harness.Run(ctx, 0, cfg.backlight, "build", "-s", s.dir, "-d", out, "--quiet")
			if err != nil {
				return fmt.Errorf("build %s: %w", s.name, err)
			}
			s.walls, s.rss = append(s.walls, m.Wall), append(s.rss, m.RSS)
			fmt.Fprintf(progress, "  %s, run %d/%d: %v, %.1f MiB\n", s.name, k+1, cfg.runs, m.Wall.Round(time.Millisecond), harness.MiB(m.RSS))
		}
	}
	report(stdout, cfg.pages, sites)
	return nil
}

// report prints the medians and the ratios.
func report(w io.Writer, pages int, sites []*site) {
	var t harness.Table
	t.Add("site", "pages", "wall", "peak memory")
	for i, s := range sites {
		p := pages
		if i == 1 {
			p *= 2
		}
		t.Add(s.name, fmt.Sprint(p), harness.Ms(time.Duration(harness.Median(s.walls))), fmt.Sprintf("%.0f MiB", harness.MiB(int64(harness.Median(s.rss)))))
	}
	t.Text(w)
	wall := harness.Median(sites[1].walls) / harness.Median(sites[0].walls)
	mem := harness.Median(sites[1].rss) / harness.Median(sites[0].rss)
	verdict := "pass"
	if wall > target {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "\ntwo languages ÷ one: wall %.2f (target at most %.1f: %s), peak memory %.2f\n", wall, target, verdict, mem)
}
