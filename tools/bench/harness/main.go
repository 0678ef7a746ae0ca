package harness

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

// Main runs a benchmark command and exits: with 0 when it succeeds or only
// printed its help, 130 when interrupted, 1 (with "name: error" on
// standard error) when it fails. The context is cancelled by an interrupt
// or SIGTERM. A process started by WriteCorpus writes the corpus instead.
func Main(name string, run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) {
	if spec, ok := os.LookupEnv(corpusEnv); ok {
		if err := writeCorpusChild(spec); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(os.Stderr, "%s: interrupted\n", name)
		os.Exit(130)
	}
	fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
	os.Exit(1)
}

// Flags is a command's flag set: errors returned, not exits, and usage
// written to stderr.
func Flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// Parse parses the arguments and refuses any left after the flags: the
// commands take flags only.
func Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return nil
}

// BacklightFlag declares the -backlight flag every command has, the binary
// measured.
func BacklightFlag(fs *flag.FlagSet, usage string) *string {
	return fs.String("backlight", "bin/backlight", usage)
}

// FindBinary returns the absolute path of an executable, looked up on PATH
// when the name has no slash; hint says how to get it.
func FindBinary(what, name, hint string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		if hint != "" {
			return "", fmt.Errorf("%s binary: %w (%s)", what, err, hint)
		}
		return "", fmt.Errorf("%s binary: %w", what, err)
	}
	return filepath.Abs(path)
}
