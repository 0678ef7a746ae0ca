// Command backlight builds a Backlight site: a process wiki and its
// backlogs, from Markdown under content/ into a static site.
//
// Usage:
//
//	backlight build   [-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE]
//	backlight check   [-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE] [--format text|json] [--translations]
//	backlight init    [DIR] [--template scaled|minimal|empty] [--ci github|gitlab] [--force]
//	backlight new     [-s SRC] [--backlog ID] [--key KEY] [--unranked] TYPE "Title"
//	                  [--system S] [--variant V] [--version N] [--start DATE] [--end DATE]
//	backlight theme export [-s SRC] [DIR]
//	backlight serve   [-s SRC] [--bind ADDR] [-p PORT] [--allow-host NAME] [--drafts] [--open] [--now DATE]
//	backlight version (also --version, -v)
//
// Exit status: 0 on success, 1 when the content has errors, 2 on a usage
// error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	_ "time/tzdata" // [history] timeZone works on machines without a time zone database
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// errUsage marks an error in the command line.
var errUsage = errors.New("usage")

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// process is what main knows of the process the commands run in.
type process struct {
	// ownCollector: the command is the process's only work and GOGC and
	// GOMEMLIMIT are unset, so a build may pace the garbage collector
	// (site.Options.OwnProcess). Not in tests, which run commands side
	// by side in one process.
	ownCollector bool
}

func commands() []command { return processCommands(process{}) }

func processCommands(p process) []command {
	return []command{
		{"build", "build the site into DEST (default SRC/public)", func(args []string, stdout, stderr io.Writer) int {
			return runBuild(p, args, stdout, stderr)
		}},
		{"check", "run every check of build and write nothing", runCheck},
		{"changes", "list what changed, from the site's git history", runChanges},
		{"forecast", "when open work will be done, and how likely, from each backlog's history", runForecast},
		{"init", "start a new site: site.toml, starter content, a CI workflow", runInit},
		{"new", "write a new page of a type from its template", runNew},
		{"serve", "preview the site, rebuilt and reloaded as you save", runServe},
		{"theme", "export: copy the built-in theme's files to change them", runTheme},
		{"version", "print the version", runVersion},
	}
}

// gcPercent is the garbage collector's target unless GOGC says otherwise.
// A build keeps every rendered body until its page is written; at Go's
// default of 100 the heap grows to twice that before a collection. 70
// lowered peak memory by about a tenth on a 10,000-page build at no
// measurable cost in CPU time (docs/benchmarks.md).
const gcPercent = 70

func main() {
	p := process{ownCollector: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(runIn(p, os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command of args in a process it shares (tests).
func run(args []string, stdout, stderr io.Writer) int { return runIn(process{}, args, stdout, stderr) }

func runIn(p process, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return exitOK
	case "-v", "--version", "-version":
		return runVersion(args[1:], stdout, stderr)
	}
	for _, c := range processCommands(p) {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "backlight: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Backlight builds a static site from a process wiki and its backlogs.")
	fmt.Fprintln(w, "\nUsage: backlight COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'backlight COMMAND -h' for a command's flags.")
}

// version returns the module version the binary was built from.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stderr)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(stdout, "backlight %s\n", version())
	return exitOK
}
