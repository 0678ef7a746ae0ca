// Command examplehistory writes the example site's made-up past into a
// git repository of its own (package examplehistory); make site builds
// the example from it.
//
//	go run ./internal/cmd/examplehistory -src . -out DIR -now 2026-12-07
//
// DIR must not exist, or be a repository this command wrote, which it
// replaces.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/backlight-wiki/backlight/internal/examplehistory"
)

func main() {
	fl := flag.NewFlagSet("examplehistory", flag.ContinueOnError)
	src := fl.String("src", ".", "the site: `DIR` with site.toml and content/")
	out := fl.String("out", "", "the repository to write: a `DIR` that does not exist, or one this command wrote")
	now := fl.String("now", "", "the `day` the history leads up to (YYYY-MM-DD); the commits are before it")
	window := fl.Int("iterations", 6, "the `number` of iterations before the day in which the items now done were finished")
	seed := fl.Uint64("seed", examplehistory.Seed, "the `seed` of the made-up past: another gives other days")
	if err := fl.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	day, err := time.Parse(time.DateOnly, *now)
	if err != nil || *out == "" {
		fmt.Fprintln(os.Stderr, "examplehistory: -out DIR and -now YYYY-MM-DD are needed")
		os.Exit(2)
	}
	n, err := examplehistory.Write(*src, *out, day, *window, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "examplehistory:", err)
		os.Exit(1)
	}
	fmt.Printf("examplehistory: %s: %d commits up to %s\n", *out, n, *now)
}
