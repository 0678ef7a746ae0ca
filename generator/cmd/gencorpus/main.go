// Command gencorpus writes a synthetic Backlight site for benchmarks: the
// corpus of package corpus, with Hugo's configuration beside it.
//
// Usage:
//
//	gencorpus -out DIR [-pages 1000] [-seed 1]
//
// DIR must be absent or empty. The same -pages and -seed always give the
// same files, byte for byte.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/corpus"
)

// config is what the flags say.
type config struct {
	out  string
	opts corpus.Options
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err == nil {
		err = run(cfg, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.out, "out", "", "write the corpus into `DIR` (absent or empty)")
	fs.IntVar(&cfg.opts.Pages, "pages", 1000, fmt.Sprintf("number of pages, at least %d", corpus.MinPages))
	fs.Uint64Var(&cfg.opts.Seed, "seed", 1, "`seed` of the corpus")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("unexpected arguments %q", fs.Args())
	case cfg.out == "":
		return cfg, errors.New("-out DIR is required")
	}
	return cfg, nil
}

// run writes the corpus and prints its summary.
func run(cfg config, stdout io.Writer) error {
	start := time.Now()
	s, err := corpus.Write(cfg.out, cfg.opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s in %v\n", cfg.out, s, time.Since(start).Round(time.Millisecond))
	return nil
}
