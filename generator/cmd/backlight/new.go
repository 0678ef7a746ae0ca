package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/site"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", newUsage, stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	backlog := fs.String("backlog", "", "for an item: the `ID` of its backlog folder")
	key := fs.String("key", "", "for an item: its `KEY` (default: the backlog's next number, after its key_prefix)")
	unranked := fs.Bool("unranked", false, "for an item: do not add it to the end of the backlog's order list")
	system := fs.String("system", "", "for a release: its `SYSTEM` (default: the title before a trailing version)")
	variant := fs.String("variant", "", "for a release: its `VARIANT` (optional)")
	ver := fs.String("version", "", "for a release: its `VERSION` (default: the title's trailing version, \"Pump 3.1\" → 3.1)")
	start := &dateFlag{}
	fs.Var(start, "start", "for a release: its start `DATE` (default: --now, or today)")
	end := &dateFlag{}
	fs.Var(end, "end", "for a release: its end `DATE` (default: the last day of one roadmap cycle, or 13 weeks, from the start)")
	lang := fs.String("lang", "", "write a translation into language `CODE` of the existing page \"Title\" names, beside it")
	now := addNow(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	today, err := now.value()
	if err != nil {
		fmt.Fprintf(stderr, "backlight new: %v\n", err)
		return exitUsage
	}
	if today.IsZero() {
		y, m, d := time.Now().Date()
		today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if fs.Arg(0) != "release" {
		if name := releaseFlagSet(fs); name != "" {
			fmt.Fprintf(stderr, "backlight new: --%s is for releases only\n", name)
			return exitUsage
		}
	}
	res, err := site.NewPage(site.NewPageOptions{Source: *src, Type: fs.Arg(0), Title: fs.Arg(1),
		Backlog: *backlog, Key: *key, Unranked: *unranked,
		System: *system, Variant: *variant, Version: *ver, Start: start.t, End: end.t, Now: today, Lang: *lang})
	if res != nil && res.Path != "" {
		fmt.Fprintf(stdout, "created %s\n", res.Path)
		for _, n := range res.Notes {
			fmt.Fprintln(stdout, n)
		}
	}
	if err != nil {
		if site.ErrUsage(err) {
			// The error says what was asked for wrongly; the "usage"
			// that marks it is for this code, not the reader.
			fmt.Fprintf(stderr, "backlight new: %s\n", strings.TrimPrefix(err.Error(), "usage: "))
			return exitUsage
		}
		fmt.Fprintf(stderr, "backlight new: %v\n", err)
		return exitContent
	}
	return exitOK
}

const newUsage = `[-s SRC] [--lang CODE] [--backlog ID] [--key KEY] [--unranked] [--system S] [--variant V] [--version N] [--start DATE] [--end DATE] [--now DATE] TYPE "Title"`

// releaseFlagSet returns the name of a release-only flag that was given.
func releaseFlagSet(fs *flag.FlagSet) string {
	var name string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "system", "variant", "version", "start", "end":
			if name == "" {
				name = f.Name
			}
		}
	})
	return name
}

// dateFlag is a YYYY-MM-DD date.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("want a date like 2026-05-01, got %q", s)
	}
	d.t = t
	return nil
}
