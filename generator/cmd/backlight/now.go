package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// nowFlag is --now: the date a build counts forecasts from, for
// reproducible builds. Without it, SOURCE_DATE_EPOCH (seconds since 1970,
// as reproducible-builds.org defines it) is used, and without that, today.
type nowFlag struct{ t time.Time }

func (n *nowFlag) String() string {
	if n.t.IsZero() {
		return ""
	}
	return n.t.Format(time.DateOnly)
}

func (n *nowFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("want a date like 2026-05-01, got %q", s)
	}
	n.t = t
	return nil
}

// addNow registers --now on fs.
func addNow(fs *flag.FlagSet) *nowFlag {
	n := &nowFlag{}
	fs.Var(n, "now", "count forecasts from `DATE` (YYYY-MM-DD) instead of today; default $SOURCE_DATE_EPOCH if set")
	return n
}

// value returns the date to build for, or an error for a malformed
// SOURCE_DATE_EPOCH.
func (n *nowFlag) value() (time.Time, error) {
	if !n.t.IsZero() {
		return n.t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Time{}, nil
}

// listArgs parses args for a command that lists from the site (changes,
// forecast): nothing but flags, format one of formats, and the day now
// gives. !ok with the exit code when they are wrong.
func listArgs(fs *flag.FlagSet, args []string, format string, formats []string, now *nowFlag, stderr io.Writer) (time.Time, int, bool) {
	name := fs.Name()
	if code, ok := parse(fs, args); !ok {
		return time.Time{}, code, false
	}
	if fs.NArg() > 0 {
		return time.Time{}, unexpectedArgument(stderr, name, fs.Arg(0)), false
	}
	if !slices.Contains(formats, format) {
		fmt.Fprintf(stderr, "backlight %s: --format must be %s, not %q\n", name, orWords(formats), format)
		return time.Time{}, exitUsage, false
	}
	when, err := now.value()
	if err != nil {
		fmt.Fprintf(stderr, "backlight %s: %v\n", name, err)
		return time.Time{}, exitUsage, false
	}
	return when, exitOK, true
}

// orWords is "a, b or c".
func orWords(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}
