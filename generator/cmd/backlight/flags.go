package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

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

// unexpectedArgument reports a positional argument to a command that
// reads the whole site and takes no file names.
func unexpectedArgument(stderr io.Writer, cmd, arg string) int {
	verb := map[string]string{"build": "builds", "check": "checks", "serve": "serves"}[cmd]
	fmt.Fprintf(stderr, "backlight %s: unexpected argument %q: %s takes no file names; it %s the whole site under -s SRC\n", cmd, arg, cmd, verb)
	return exitUsage
}
