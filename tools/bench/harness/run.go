package harness

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Measured is one finished run of a child process.
type Measured struct {
	Wall   time.Duration
	RSS    int64  // peak resident set size in bytes, from the child's rusage; 0 if unknown
	Output []byte // what it wrote to standard output
	Errors []byte // what it wrote to standard error
}

// Run runs a command to its end, within timeout (none when 0), and
// measures its wall time and peak RSS. A failure quotes the end of its
// output.
//
// Linux counts the memory a parent has used in the peak RSS of a child it
// starts (up to the child's exec), so a command that measures children
// keeps its own memory small: heavy work such as writing a corpus goes to
// a child of its own (WriteCorpus).
func Run(ctx context.Context, timeout time.Duration, name string, args ...string) (Measured, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	what := strings.TrimSpace(name + " " + strings.Join(args, " "))
	if ctxErr := ctx.Err(); ctxErr != nil {
		if timeout > 0 && ctxErr == context.DeadlineExceeded {
			return Measured{}, fmt.Errorf("%s: stopped after %v", what, timeout)
		}
		return Measured{}, fmt.Errorf("%s: %w", what, ctxErr)
	}
	if err != nil {
		return Measured{}, fmt.Errorf("%s: %w\n%s", what, err, Tail(stderr.String()+stdout.String(), 20))
	}
	return Measured{Wall: wall, RSS: PeakRSS(cmd.ProcessState), Output: stdout.Bytes(), Errors: stderr.Bytes()}, nil
}

// Tail is the last n lines of s.
func Tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// VersionLine is the first line a binary prints when asked for its
// version (args: "version", "--version"), trimmed; empty when it fails or
// takes more than 20 seconds.
func VersionLine(ctx context.Context, path string, args ...string) string {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, args...).Output()
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(first)
}
