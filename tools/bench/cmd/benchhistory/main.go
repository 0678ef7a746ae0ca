// Command benchhistory measures what reading a site's git history costs
// a build: the runner behind `make bench-history`.
//
// It writes the benchmark corpus (package corpus) of -pages pages into a
// new folder under -dir (tmpfs where there is one) as a git repository
// whose -commits commits lead to it (corpus.WriteHistory), copies its
// content without the repository beside it, and builds, in rounds whose
// order turns from one to the next, -runs times each:
//
//   - the copy outside git: the same site without history (the anchor);
//   - the repository with no history kept from an earlier build
//     (.public.history deleted first): the history read whole;
//   - the repository again: the history kept from the build before.
//
// Each build is `BACKLIGHT build -s DIR -d DIR/public`, a child process.
// It prints the median wall time and peak resident set size of each, the
// history step's own time and the part of it the build waited for (from
// the build's info line), the step's share of each build against the
// targets of docs/benchmarks.md (under 25 % read whole, under 3 % kept;
// see report), and what the history adds to the anchor altogether.
//
// Usage:
//
//	benchhistory [-backlight bin/backlight] [-pages 10000] [-commits 20000] [-runs 5] [-dir /dev/shm] [-keep]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// The targets: what the history may add to a build, read whole and kept.
const (
	targetUncached = 0.25
	targetCached   = 0.03
)

func main() { harness.Main("benchhistory", run) }

type config struct {
	backlight     string
	pages, commit int
	runs          int
	dir           string
	keep          bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := harness.Flags("benchhistory", stderr)
	backlight := harness.BacklightFlag(fs, "the Backlight `binary` to measure")
	fs.IntVar(&cfg.pages, "pages", 10000, "`pages` of the corpus")
	fs.IntVar(&cfg.commit, "commits", 20000, "`commits` of its history")
	fs.IntVar(&cfg.runs, "runs", 5, "rounds of one build of each kind; the medians count")
	fs.StringVar(&cfg.dir, "dir", harness.TmpfsOrTemp(), "`folder` to write the corpus and build it in")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the corpus and its builds")
	if err := harness.Parse(fs, args); err != nil {
		return cfg, err
	}
	if cfg.pages < corpus.MinPages || cfg.runs < 1 || cfg.commit < 1 {
		return cfg, fmt.Errorf("-pages must be at least %d, -commits and -runs at least 1", corpus.MinPages)
	}
	bin, err := harness.FindBinary("Backlight", *backlight, "make build")
	cfg.backlight = bin
	return cfg, err
}

// kind is one way of building, with its measurements.
type kind struct {
	name  string
	dir   string
	fresh bool // delete the history kept by the build before
	walls []time.Duration
	rss   []int64
	steps []float64 // the history step's own time, and the part the build waited for, in seconds
	waits []float64
}

// stepRE reads the history step's times from the build's info line.
var stepRE = regexp.MustCompile(`the history step took ([0-9.]+) s, of which the build waited ([0-9.]+) s`)

func run(ctx context.Context, args []string, stdout, progress io.Writer) (err error) {
	cfg, err := parseFlags(args, progress)
	if err != nil {
		return err
	}
	root, err := os.MkdirTemp(cfg.dir, "backlight-benchhistory-")
	if err != nil {
		return err
	}
	if !cfg.keep {
		defer func() { err = errors.Join(err, os.RemoveAll(root)) }()
	}
	repo, plain := filepath.Join(root, "repo"), filepath.Join(root, "plain")
	fmt.Fprintf(progress, "writing a corpus of %d pages with %d commits into %s\n", cfg.pages, cfg.commit, repo)
	if err := harness.WriteCorpus(ctx, repo, cfg.pages, 1); err != nil {
		return err
	}
	start := time.Now()
	if err := corpus.WriteHistory(repo, corpus.HistoryOptions{Commits: cfg.commit, Seed: 1}); err != nil {
		return err
	}
	fmt.Fprintf(progress, "wrote its history in %v\n", time.Since(start).Round(time.Millisecond))
	if err := os.CopyFS(filepath.Join(plain, "content"), os.DirFS(filepath.Join(repo, "content"))); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(repo, "site.toml"), filepath.Join(plain, "site.toml")); err != nil {
		return err
	}
	kinds := []*kind{{name: "no history (outside git)", dir: plain}, {name: "history read whole", dir: repo, fresh: true}, {name: "history kept", dir: repo}}
	for k := range cfg.runs {
		order := kinds
		if k%2 == 1 { // the anchor last; the kept build still follows a build of the repository
			order = []*kind{kinds[1], kinds[2], kinds[0]}
		}
		for _, kd := range order {
			out := filepath.Join(kd.dir, "public")
			if err := os.RemoveAll(out); err != nil {
				return err
			}
			if kd.fresh {
				if err := os.Remove(filepath.Join(kd.dir, ".public.history")); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
			m, err := harness.Run(ctx, 0, cfg.backlight, "build", "-s", kd.dir, "-d", out)
			if err != nil {
				return fmt.Errorf("build %s: %w", kd.name, err)
			}
			kd.walls, kd.rss = append(kd.walls, m.Wall), append(kd.rss, m.RSS)
			if sm := stepRE.FindSubmatch(m.Errors); sm != nil {
				step, _ := strconv.ParseFloat(string(sm[1]), 64)
				wait, _ := strconv.ParseFloat(string(sm[2]), 64)
				kd.steps, kd.waits = append(kd.steps, step), append(kd.waits, wait)
			}
			fmt.Fprintf(progress, "  %s, run %d/%d: %v, %.1f MiB\n", kd.name, k+1, cfg.runs, m.Wall.Round(time.Millisecond), harness.MiB(m.RSS))
		}
	}
	report(stdout, cfg, kinds)
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// report prints the medians, the history step's share of the builds
// against the targets, and what the history adds to a build altogether.
//
// The step's share of a build that reads the history whole is what it
// takes longer than the build of the same site, making the same pages,
// with the history kept (and the step's time in that build); the
// step's share of a build with the history kept is what that build
// waited for it, the step's work being done on a goroutine of its own
// beside the loading. What the pages show of the history (dates, status
// strips, change lists) is in every build with history, and in neither
// share: the anchor without history tells what all of it adds.
func report(w io.Writer, cfg config, kinds []*kind) {
	var t harness.Table
	t.Add("build", "wall", "peak memory", "wall ÷ no history", "memory ÷ no history")
	base, baseRSS := harness.Median(kinds[0].walls), harness.Median(kinds[0].rss)
	for _, k := range kinds {
		wall, rss := harness.Median(k.walls), harness.Median(k.rss)
		t.Add(k.name, harness.Ms(time.Duration(wall)), fmt.Sprintf("%.0f MiB", harness.MiB(int64(rss))),
			fmt.Sprintf("%.2f", wall/base), fmt.Sprintf("%.2f", rss/baseRSS))
	}
	fmt.Fprintf(w, "%d pages, %d commits\n", cfg.pages, cfg.commit)
	t.Text(w)
	fmt.Fprintln(w)
	for _, k := range kinds[1:] {
		if len(k.steps) == 0 {
			continue
		}
		wall := harness.Median(k.walls) / 1e9
		step, wait := harness.Median(k.steps), harness.Median(k.waits)
		fmt.Fprintf(w, "%s: the history step's own work %.2f s (%.0f %% of the build's wall time), of which the build waited %.2f s (%.0f %%)\n",
			k.name, step, 100*step/wall, wait, 100*wait/wall)
	}
	whole, kept := kinds[1], kinds[2]
	if len(kept.waits) == 0 {
		fmt.Fprintln(w, "the builds printed no history step: is the corpus a git repository?")
		return
	}
	verdict := func(share, target float64) string {
		if share > target {
			return "FAIL"
		}
		return "pass"
	}
	wholeWall, keptWall := harness.Median(whole.walls)/1e9, harness.Median(kept.walls)/1e9
	keptWait := harness.Median(kept.waits)
	step := wholeWall - keptWall + keptWait
	fmt.Fprintf(w, "the history step, read whole: %.2f s (the build with it read whole less the build with it kept, and that build's wait), %.0f %% of the build (target under %.0f %%: %s)\n",
		step, 100*step/wholeWall, 100*targetUncached, verdict(step/wholeWall, targetUncached))
	fmt.Fprintf(w, "the history step, kept: %.2f s (what the build waited for it), %.1f %% of the build (target under %.0f %%: %s)\n",
		keptWait, 100*keptWait/keptWall, 100*targetCached, verdict(keptWait/keptWall, targetCached))
	wholeRSS, keptRSS := harness.Median(whole.rss), harness.Median(kept.rss)
	fmt.Fprintf(w, "its memory, read whole: %.0f MiB more at the peak than with it kept, %.0f %% of the build's peak\n",
		harness.MiB(int64(wholeRSS-keptRSS)), 100*(wholeRSS-keptRSS)/wholeRSS)
	fmt.Fprintf(w, "the history altogether (the step, and what the pages show of it) adds to the build without history: read whole %.0f %% of wall time and %.0f %% of memory, kept %.0f %% and %.0f %%\n",
		100*(harness.Median(whole.walls)/base-1), 100*(wholeRSS/baseRSS-1), 100*(harness.Median(kept.walls)/base-1), 100*(keptRSS/baseRSS-1))
}
