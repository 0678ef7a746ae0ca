package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/site"
)

func runBuild(p process, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE]", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	dest := fs.String("d", "", "write the site to `DEST` (default SRC/public)")
	force := fs.Bool("force", false, "replace DEST even when it holds files no Backlight build wrote, deleting them")
	drafts := fs.Bool("drafts", false, "publish pages marked draft: true")
	quiet := quietFlag(fs)
	now := addNow(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return unexpectedArgument(stderr, "build", fs.Arg(0))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	when, err := now.value()
	if err != nil {
		fmt.Fprintf(stderr, "backlight build: %v\n", err)
		return exitUsage
	}
	opts := site.Options{Source: *src, Dest: *dest, Force: *force, Drafts: *drafts, Version: version(), Now: when, OwnProcess: p.ownCollector, History: true}
	if !*quiet && isTerminal(stderr) {
		opts.Progress = progress(stderr)
	}
	res, err := site.Build(ctx, opts)
	if opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	printDiagnostics(stderr, res, *quiet)
	printOutputNotes(stderr, res)
	if err != nil {
		return reportError(stderr, "build", err)
	}
	if !*quiet {
		if res.History != "" {
			fmt.Fprintf(stderr, "info: %s%s\n", res.History, historyTimes(res))
		}
		fmt.Fprintln(stdout, summary(res))
	}
	return exitOK
}

// historyTimes says how long the history step took and how much of it
// the build waited for, when it read a history.
func historyTimes(res *site.Result) string {
	if res.HistoryTime == 0 {
		return ""
	}
	return fmt.Sprintf(" (the history step took %.2f s, of which the build waited %.2f s)", res.HistoryTime.Seconds(), res.HistoryWait.Seconds())
}

// printOutputNotes says what a build deleted with --force and which
// folders left by killed builds it kept.
func printOutputNotes(w io.Writer, res *site.Result) {
	if res == nil {
		return
	}
	if n := len(res.Deleted); n > 0 {
		fmt.Fprintf(w, "--force: deleted %d %s that no Backlight build wrote from %s: %s\n",
			n, generator.ForCount(n, "file", "files"), res.Dest, outdir.Sample(res.Deleted))
	}
	for _, dir := range res.Stale {
		fmt.Fprintf(w, "warning: kept %s, left by an earlier build that was stopped, because it holds files no Backlight build wrote; delete it yourself once nothing in it is needed\n", dir)
	}
}

// reportError prints a build's error and returns the exit code for it:
// exitUsage when the output folder was refused, since the command line
// must change.
func reportError(stderr io.Writer, cmd string, err error) int {
	if r, ok := errors.AsType[*outdir.Refusal](err); ok {
		fmt.Fprintf(stderr, "backlight %s: %v\n", cmd, r)
		return exitUsage
	}
	if errors.Is(err, site.ErrContent) {
		if cmd == "build" {
			fmt.Fprintf(stderr, "backlight build: %v; nothing was written, the previous site is unchanged\n", err)
		} else {
			fmt.Fprintf(stderr, "backlight %s: %v\n", cmd, err)
		}
		return exitContent
	}
	fmt.Fprintf(stderr, "backlight %s: %v\n", cmd, err)
	return exitContent
}

func printDiagnostics(w io.Writer, res *site.Result, quiet bool) {
	if res == nil {
		return
	}
	for _, d := range res.Diags {
		if quiet && d.Severity != generator.Error {
			continue
		}
		fmt.Fprintln(w, d.Error())
	}
}

// summary is the one line a build prints: pages by type, files, size, time.
func summary(res *site.Result) string {
	var parts []string
	for _, t := range res.Types {
		if n := res.ByType[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, t))
		}
	}
	var others []string
	for t, n := range res.ByType {
		if !slices.Contains(res.Types, t) {
			others = append(others, fmt.Sprintf("%d %s", n, t))
		}
	}
	sort.Strings(others)
	parts = append(parts, others...)
	warn := ""
	if n := res.Diags.Count(generator.Warning); n > 0 {
		warn = fmt.Sprintf(", %d warnings", n)
	}
	langs := ""
	if n := len(res.Translations); n > 0 {
		langs = fmt.Sprintf(" in %d languages", n+1)
	}
	return fmt.Sprintf("built %d pages%s (%s) into %s: %d files, %s in %s%s",
		res.Pages, langs, strings.Join(parts, ", "), res.Dest, res.Files, size(res.Bytes), res.Duration.Round(time.Millisecond), warn)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress returns a callback that redraws "writing n/total" at most
// every 100 ms, for builds long enough to need it.
func progress(w io.Writer) func(done, total int) {
	var mu sync.Mutex
	start, last := time.Now(), time.Time{}
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if now.Sub(start) < 300*time.Millisecond || now.Sub(last) < 100*time.Millisecond {
			return
		}
		last = now
		fmt.Fprintf(w, "\r\033[Kwriting %d/%d files", done, total)
	}
}
