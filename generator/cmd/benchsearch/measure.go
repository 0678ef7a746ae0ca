package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/procstat"
)

// measured is one run of a child process.
type measured struct {
	wall   time.Duration
	rss    int64  // peak resident set size in bytes; 0 if unknown
	output []byte // what it wrote to stdout
}

// runChild runs a command to its end, within timeout, and measures its
// wall time and peak RSS. A failure quotes the end of its output.
func runChild(timeout time.Duration, name string, args ...string) (measured, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		return measured{}, fmt.Errorf("%s %s: stopped after %v", name, strings.Join(args, " "), timeout)
	}
	if err != nil {
		return measured{}, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err,
			tail(stderr.String()+stdout.String(), 20))
	}
	return measured{wall: wall, rss: procstat.PeakRSS(cmd.ProcessState), output: stdout.Bytes()}, nil
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// treeSize counts the files under dir that keep says to and their
// bytes; keep nil keeps all.
func treeSize(dir string, keep func(name string) bool) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || keep != nil && !keep(e.Name()) {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("measure %s: %w", dir, err)
	}
	return files, bytes, nil
}

func mib(bytes int64) float64 { return float64(bytes) / (1 << 20) }

func kib(bytes int64) float64 { return float64(bytes) / (1 << 10) }
