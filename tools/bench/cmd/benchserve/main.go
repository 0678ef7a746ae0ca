// Command benchserve measures how soon an edit shows in `backlight serve`,
// and in `hugo server` on the same tree as a yardstick: the runner behind
// `make bench-serve`.
//
// It writes the benchmark corpus (package corpus) into -out/corpus, then,
// one server at a time, starts
//
//	BACKLIGHT serve -s DIR --bind 127.0.0.1 -p 0
//	HUGO server -s DIR --bind 127.0.0.1 --port P --disableLiveReload   (unless -hugo none)
//
// reads the server's address from its output and waits until it answers.
// Then, for each kind of edit (kinds.go: an item's body, a role's body,
// the item's status, its estimate, its parent (a relation, seen on the new
// parent's page), its backlog's order, and the site's title in site.toml,
// or in hugo.toml for Hugo), it runs -rounds rounds: note the time, write
// the file (a body or the title with a unique marker, "Bench edit 7
// 1f0c9a2e"; a front-matter value toggled between a new value in odd
// rounds and the original in even ones), then fetch the changed page over
// one keep-alive connection every -poll until it shows the edit (the
// marker; the fact "Status: refining"; the item listed on the new
// parent's page, or no longer; the first two items in their new order),
// and keep the time from just before the write to the end of the response
// that showed it. Rounds are -gap apart, so that no server's debounce can
// merge two edits. The file is restored after its rounds, and the restore
// waited for.
//
// Hugo is the anchor release, 0.165.0, found as benchbuild finds it
// (harness.FindHugo).
//
// It prints, per kind of edit and server, the median, 90th percentile and
// maximum, Backlight's ratio of medians to Hugo's, and the rebuild times the
// servers print themselves ("rebuilt … in …", Hugo's "Total in …"), and
// writes the same as Markdown to -out/bench-serve.md. An edit not seen
// within -timeout counts as a failure, not in the statistics.
//
// Usage:
//
//	benchserve [-backlight bin/backlight] [-hugo PATH|none] [-pages 10000] [-rounds 20] [-out DIR] [-keep]
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
	backlight string        // the Backlight binary
	hugoName  string        // -hugo: a binary, "none", or empty to find the anchor
	hugo      string        // the hugo binary found; empty: do not measure Hugo
	cache     string        // where the anchor Hugo is built
	pages     int           // corpus size
	seed      uint64        // corpus seed
	rounds    int           // edits per kind and server
	gap       time.Duration // pause between two edits
	poll      time.Duration // pause between two fetches of the changed page
	timeout   time.Duration // bound of one edit
	start     time.Duration // bound of a server's start (its first build included)
	write     string        // how files are written: inplace or rename
	out       string        // work folder: corpus/ and bench-serve.md
	corpus    string        // an existing tree to edit instead of a generated one
	item      string        // the item edited, relative to content/; empty: the first team item
	role      string        // the role edited, relative to content/
	keep      bool          // keep the generated corpus
	verbose   bool          // print every round
}

func main() { harness.Main("benchserve", run) }

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("benchserve", stderr)
	backlight := harness.BacklightFlag(fs, "the Backlight `binary` to measure; \"none\" measures Hugo alone")
	fs.StringVar(&cfg.hugoName, "hugo", "", "the Hugo `binary` to compare with, or none (default: hugo on PATH when "+harness.HugoAnchor+" or later, else a build of "+harness.HugoAnchor+" in -cache)")
	fs.StringVar(&cfg.cache, "cache", harness.DefaultCache(), "`folder` that keeps the build of Hugo "+harness.HugoAnchor)
	fs.IntVar(&cfg.pages, "pages", 10000, fmt.Sprintf("corpus size in pages, at least %d", corpus.MinPages))
	fs.Uint64Var(&cfg.seed, "seed", 1, "`seed` of the generated corpus")
	fs.IntVar(&cfg.rounds, "rounds", 20, "edits per kind of edit and server")
	fs.DurationVar(&cfg.gap, "gap", 200*time.Millisecond, "pause after an edit is seen, before the next one")
	fs.DurationVar(&cfg.poll, "poll", time.Millisecond, "pause between two fetches of the edited page")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "bound of one edit; a slower one is a failure")
	fs.DurationVar(&cfg.start, "start-timeout", 5*time.Minute, "bound of a server's start, its first build included")
	fs.StringVar(&cfg.write, "write", writeInPlace, "how edits are written: \""+writeInPlace+"\" (truncate and write, as os.WriteFile) or \""+writeRename+"\" (a temporary file renamed over it)")
	fs.StringVar(&cfg.out, "out", filepath.Join(os.TempDir(), "backlight-bench-serve"), "work `folder`: the corpus (removed unless -keep) and bench-serve.md")
	fs.StringVar(&cfg.corpus, "corpus", "", "edit the existing site in `DIR` instead of a generated one (it needs hugo.toml for Hugo; files are restored afterwards)")
	fs.StringVar(&cfg.item, "item", "", "the item to edit, as a `path` under content/ (default: the first item of the first team backlog)")
	fs.StringVar(&cfg.role, "role", "", "the role to edit, as a `path` under content/ (default: roles/product-owner.md, else the first role)")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the generated corpus in -out")
	fs.BoolVar(&cfg.verbose, "v", false, "print every round")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	cfg.backlight = *backlight
	switch {
	case cfg.pages < corpus.MinPages:
		return cfg, fmt.Errorf("-pages %d: need at least %d", cfg.pages, corpus.MinPages)
	case cfg.rounds < 1:
		return cfg, fmt.Errorf("-rounds %d: need at least 1", cfg.rounds)
	case cfg.timeout <= 0 || cfg.start <= 0:
		return cfg, errors.New("-timeout and -start-timeout: need positive durations")
	case cfg.gap < 0 || cfg.poll < 0:
		return cfg, errors.New("-gap and -poll: need durations of at least 0")
	case cfg.write != writeInPlace && cfg.write != writeRename:
		return cfg, fmt.Errorf("-write %q: want %q or %q", cfg.write, writeInPlace, writeRename)
	case cfg.out == "":
		return cfg, errors.New("-out: need a folder")
	}
	return cfg, nil
}

// run writes the corpus, measures each server on it and reports.
func run(ctx context.Context, args []string, stdout, progress io.Writer) error {
	cfg, err := parseFlags(args, progress)
	if err != nil {
		return err
	}
	return measure(ctx, cfg, stdout, progress)
}

// measure writes the corpus, measures each server on it and reports.
func measure(ctx context.Context, cfg config, stdout, progress io.Writer) (err error) {
	began := time.Now()
	if cfg.backlight == "none" {
		cfg.backlight = ""
	} else if cfg.backlight, err = harness.FindBinary("backlight", cfg.backlight, "build it with make build, or pass -backlight"); err != nil {
		return err
	}
	hugo, err := harness.FindHugo(ctx, cfg.hugoName, cfg.cache, progress)
	if err != nil {
		return err
	}
	cfg.hugo = hugo.Path
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return fmt.Errorf("work folder: %w", err)
	}
	dir := cfg.corpus
	if dir == "" {
		dir = filepath.Join(cfg.out, "corpus")
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("clear %s: %w", dir, err)
		}
		if cfg.keep {
			defer fmt.Fprintf(progress, "kept %s\n", dir)
		} else {
			defer func() { err = errors.Join(err, os.RemoveAll(dir)) }()
		}
		t := time.Now()
		if err := harness.WriteCorpus(ctx, dir, cfg.pages, cfg.seed); err != nil {
			return err
		}
		fmt.Fprintf(progress, "wrote %d pages to %s in %v\n", cfg.pages, dir, time.Since(t).Round(time.Millisecond))
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return err
	}
	tr, err := pickTargets(dir, cfg.item, cfg.role)
	if err != nil {
		return err
	}
	rep := &report{cfg: cfg, hugo: hugo, date: time.Now()}
	for _, tl := range tools(cfg) {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := measureTool(ctx, cfg, tl, tr, progress)
		if err != nil {
			return fmt.Errorf("%s: %w", tl.name, err)
		}
		rep.results = append(rep.results, res)
	}
	rep.took = time.Since(began)
	md := rep.markdown()
	fmt.Fprint(stdout, "\n"+md)
	file := filepath.Join(cfg.out, "bench-serve.md")
	if err := os.WriteFile(file, []byte(md), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	fmt.Fprintf(progress, "wrote %s\n", file)
	return nil
}
