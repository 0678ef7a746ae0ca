package harness

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// HugoAnchor is the Hugo release the benchmarks measure against: an older
// hugo on PATH is not used, and without one this release is built from
// source.
const HugoAnchor = "0.165.0"

// Hugo is the Hugo binary measured against.
type Hugo struct {
	Path    string // absolute; empty: Hugo is not measured
	Version string // "v0.165.0", as `hugo version` says
	Note    string // how it was chosen, for the report
}

// String names the binary for a report: "hugo v0.165.0 (/path/hugo)", or
// why there is none.
func (h Hugo) String() string {
	if h.Path == "" {
		return "not measured (" + h.Note + ")"
	}
	return fmt.Sprintf("hugo %s (%s; %s)", h.Version, h.Path, h.Note)
}

// FindHugo chooses the Hugo binary: the one named (a path or a name on
// PATH; "none" measures none) as it is, else hugo on PATH when it is
// HugoAnchor or later, else the build of HugoAnchor in cacheDir, which it
// builds first with `go install` when it is missing (minutes). Progress
// goes to progress.
func FindHugo(ctx context.Context, named, cacheDir string, progress io.Writer) (Hugo, error) {
	switch named {
	case "none":
		return Hugo{Note: "-hugo none"}, nil
	case "":
	default:
		path, err := FindBinary("hugo", named, "pass -hugo none to measure Backlight alone")
		if err != nil {
			return Hugo{}, err
		}
		v, err := hugoVersion(ctx, path)
		if err != nil {
			return Hugo{}, err
		}
		note := "as named"
		if !AtLeast(v, HugoAnchor) {
			note = "as named, older than the anchor " + HugoAnchor
		}
		return Hugo{Path: path, Version: v, Note: note}, nil
	}
	if path, err := exec.LookPath("hugo"); err == nil {
		if v, err := hugoVersion(ctx, path); err == nil && AtLeast(v, HugoAnchor) {
			abs, err := filepath.Abs(path)
			return Hugo{Path: abs, Version: v, Note: "on PATH"}, err
		} else if err == nil {
			fmt.Fprintf(progress, "hugo on PATH is %s, older than %s: using a build of %s\n", v, HugoAnchor, HugoAnchor)
		}
	}
	path := filepath.Join(cacheDir, "hugo-"+HugoAnchor, "hugo")
	note := "built from source earlier, kept in the cache"
	if _, err := os.Stat(path); err != nil {
		if err := buildHugo(ctx, filepath.Dir(path), progress); err != nil {
			return Hugo{}, err
		}
		note = "built from source by this run"
	}
	v, err := hugoVersion(ctx, path)
	return Hugo{Path: path, Version: v, Note: note}, err
}

// DefaultCache is the folder the benchmarks keep downloads and builds in
// between runs: backlight/ in the user's cache folder (~/.cache on Linux).
func DefaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "backlight")
}

// buildHugo builds HugoAnchor into dir with `go install`.
func buildHugo(ctx context.Context, dir string, progress io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("hugo cache: %w", err)
	}
	pkg := "github.com/gohugoio/hugo@v" + HugoAnchor
	fmt.Fprintf(progress, "building Hugo %s from source into %s (go install %s; minutes, once)\n", HugoAnchor, dir, pkg)
	start := time.Now()
	cmd := exec.CommandContext(ctx, "go", "install", pkg)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	cmd.Stdout, cmd.Stderr = progress, progress
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build hugo %s (go install %s): %w", HugoAnchor, pkg, err)
	}
	fmt.Fprintf(progress, "built Hugo %s in %v\n", HugoAnchor, time.Since(start).Round(time.Second))
	return nil
}

// hugoVersion is the version a hugo binary reports: "v0.165.0" of
// "hugo v0.165.0-2f0d8e4+extended linux/amd64 BuildDate=…".
func hugoVersion(ctx context.Context, path string) (string, error) {
	line := VersionLine(ctx, path, "version")
	v, ok := ParseHugoVersion(line)
	if !ok {
		return "", fmt.Errorf("%s version: no version in %q", path, line)
	}
	return v, nil
}

// ParseHugoVersion reads the version of `hugo version`'s output:
// "v0.165.0" of "hugo v0.165.0-2f0d8e4+extended linux/amd64 …".
func ParseHugoVersion(out string) (string, bool) {
	for _, f := range strings.Fields(out) {
		if !strings.HasPrefix(f, "v") {
			continue
		}
		v, _, _ := strings.Cut(f, "-")
		v, _, _ = strings.Cut(v, "+")
		if _, ok := versionNumbers(v); ok {
			return v, true
		}
	}
	return "", false
}

// AtLeast reports whether version v ("v0.165.0" or "0.165.0") is min or
// later; an unreadable version is not.
func AtLeast(v, min string) bool {
	a, ok1 := versionNumbers(v)
	b, ok2 := versionNumbers(min)
	if !ok1 || !ok2 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return true
}

// versionNumbers reads "v1.2.3" or "1.2.3".
func versionNumbers(v string) ([3]int, bool) {
	var n [3]int
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	if len(parts) != 3 {
		return n, false
	}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 {
			return n, false
		}
		n[i] = x
	}
	return n, true
}
