// Command backlight builds a Backlight site: a process wiki and its
// backlogs, from Markdown under content/ into a static site.
//
// Usage:
//
//	backlight build   [-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE]
//	backlight check   [-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE] [--format text|json]
//	backlight new     [-s SRC] [--backlog ID] [--key KEY] TYPE "Title"
//	backlight serve   [-s SRC] [--bind ADDR] [-p PORT] [--allow-host NAME] [--drafts] [--open] [--now DATE]
//	backlight version (also --version, -v)
//
// Exit status: 0 on success, 1 when the content has errors, 2 on a usage
// error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
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

func commands() []command {
	return []command{
		{"build", "build the site into DEST (default SRC/public)", runBuild},
		{"check", "run every check of build and write nothing", runCheck},
		{"new", "write a new page of a type from its template", runNew},
		{"serve", "preview the site, rebuilt and reloaded as you save", runServe},
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
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
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
	for _, c := range commands() {
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

// newFlags makes a flag set that prints its usage to stderr and reports
// errors instead of exiting.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: backlight %s %s\n\nFlags:\n", name, args)
		printFlags(stderr, fs)
	}
	return fs
}

// flagName writes a flag as the documentation does: --drafts for a long
// name, -s for a one-letter one.
func flagName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// printFlags lists fs's flags like flag.PrintDefaults, but with the names
// written as flagName does, and a one-letter flag without a usage of its
// own (an alias, such as -q for --quiet) beside the flag it stands for.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		if f.Usage == "" {
			return // an alias: printed with its flag
		}
		names := flagName(f.Name)
		fs.VisitAll(func(a *flag.Flag) {
			if a.Usage == "" && a.Value == f.Value {
				names = flagName(a.Name) + ", " + names
			}
		})
		typ, text := flag.UnquoteUsage(f)
		if typ != "" {
			names += " " + typ
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def := strconv.Quote(f.DefValue)
			if _, err := strconv.Atoi(f.DefValue); err == nil {
				def = f.DefValue
			}
			text += " (default " + def + ")"
		}
		fmt.Fprintf(w, "  %s\n    \t%s\n", names, strings.ReplaceAll(text, "\n", "\n    \t"))
	})
}

// quietFlag registers --quiet and its alias -q.
func quietFlag(fs *flag.FlagSet) *bool {
	quiet := fs.Bool("quiet", false, "print errors only")
	fs.BoolVar(quiet, "q", false, "")
	return quiet
}

// parse parses flags, also those after positional arguments, which it
// leaves in fs.Args(). It returns ok=false and the exit code to use when
// parsing ended the command (help or a usage error).
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var positional []string
	for {
		err := fs.Parse(args)
		switch {
		case errors.Is(err, flag.ErrHelp):
			return exitOK, false
		case err != nil:
			return exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	_ = fs.Parse(append([]string{"--"}, positional...))
	return 0, true
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
