// Command gencorpus writes a synthetic Backlight site for benchmarks: the
// corpus of package corpus, with Hugo's configuration beside it.
//
// Usage:
//
//	gencorpus -out DIR [-pages 1000] [-seed 1] [-commits N]
//
// DIR must be absent or empty. The same -pages and -seed always give the
// same files, byte for byte. With -commits, DIR becomes a git repository
// whose N commits lead to the corpus (corpus.WriteHistory).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// config is what the flags say.
type config struct {
	out     string
	opts    corpus.Options
	commits int
}

func main() { harness.Main("gencorpus", run) }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("gencorpus", stderr)
	fs.StringVar(&cfg.out, "out", "", "write the corpus into `DIR` (absent or empty)")
	fs.IntVar(&cfg.opts.Pages, "pages", 1000, fmt.Sprintf("number of pages, at least %d", corpus.MinPages))
	fs.Uint64Var(&cfg.opts.Seed, "seed", 1, "`seed` of the corpus")
	fs.IntVar(&cfg.commits, "commits", 0, "make DIR a git repository whose `N` commits lead to the corpus; 0: none")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	if cfg.out == "" {
		return cfg, errors.New("-out DIR is required")
	}
	return cfg, nil
}

// run writes the corpus and prints its summary.
func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	s, err := corpus.Write(cfg.out, cfg.opts)
	if err != nil {
		return err
	}
	if cfg.commits > 0 {
		if err := corpus.WriteHistory(cfg.out, corpus.HistoryOptions{Commits: cfg.commits, Seed: cfg.opts.Seed}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %s and %d commits in %v\n", cfg.out, s, cfg.commits, time.Since(start).Round(time.Millisecond))
		return nil
	}
	fmt.Fprintf(stdout, "%s: %s in %v\n", cfg.out, s, time.Since(start).Round(time.Millisecond))
	return nil
}
