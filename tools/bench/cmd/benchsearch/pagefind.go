package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// pagefind is an installed Pagefind.
type pagefind struct {
	bin     string // the native binary, run without Node's wrapper so that its own RSS is measured
	version string // the exact version npm installed
	dir     string // the npm prefix it is installed in
}

// npmTimeout bounds npm install.
const npmTimeout = 5 * time.Minute

// installPagefind installs pagefind@versionRange with npm into a folder of
// cache, or reuses the one an earlier run installed there: the version is
// pinned by the first install. Remove the folder to get a newer one.
func installPagefind(ctx context.Context, cache, versionRange string, progress io.Writer) (pagefind, error) {
	dir := filepath.Join(cache, "pagefind@"+safeName(versionRange))
	pf := pagefind{dir: dir}
	if v, err := installedVersion(dir); err == nil {
		pf.version = v
		fmt.Fprintf(progress, "pagefind %s already installed in %s\n", v, dir)
	} else {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return pf, errors.New("npm is not on PATH, and benchsearch installs Pagefind with it: install Node.js and npm (Debian: apt-get install npm)")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return pf, fmt.Errorf("pagefind cache: %w", err)
		}
		fmt.Fprintf(progress, "npm install --prefix %s pagefind@%s\n", dir, versionRange)
		if _, err := harness.Run(ctx, npmTimeout, npm, "install", "--prefix", dir, "--no-audit", "--no-fund",
			"pagefind@"+versionRange); err != nil {
			return pf, fmt.Errorf("install Pagefind (is the npm registry reachable?): %w", err)
		}
		if pf.version, err = installedVersion(dir); err != nil {
			return pf, err
		}
	}
	bin, err := pagefindBinary(dir)
	if err != nil {
		return pf, err
	}
	pf.bin = bin
	return pf, nil
}

// safeName keeps letters, digits, dots and hyphens of a version range.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return '_'
	}, s)
}

// installedVersion reads the version of the pagefind package installed
// under the npm prefix dir.
func installedVersion(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "node_modules", "pagefind", "package.json"))
	if err != nil {
		return "", fmt.Errorf("pagefind is not installed in %s: %w", dir, err)
	}
	var pkg struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil || pkg.Version == "" {
		return "", fmt.Errorf("read the version of %s/node_modules/pagefind: %v", dir, err)
	}
	return pkg.Version, nil
}

// pagefindBinary finds the native binary npm put in the platform package
// (@pagefind/linux-x64 and the like), the extended one first, and falls
// back to the Node wrapper.
func pagefindBinary(dir string) (string, error) {
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		matches, _ := filepath.Glob(filepath.Join(dir, "node_modules", "@pagefind", "*", "bin", name))
		for _, m := range matches {
			if info, err := os.Stat(m); err == nil && info.Mode().IsRegular() && info.Mode()&0o111 != 0 {
				return m, nil
			}
		}
	}
	wrapper := filepath.Join(dir, "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(wrapper); err != nil {
		return "", fmt.Errorf("no Pagefind binary under %s: remove the folder and run again", dir)
	}
	return wrapper, nil
}

// pagefindTimeout bounds one Pagefind run.
const pagefindTimeout = 30 * time.Minute

// pagefindResult is the best of Pagefind's runs on a site.
type pagefindResult struct {
	wall  time.Duration
	rss   int64
	pages int // pages Pagefind says it indexed
}

var indexedPages = regexp.MustCompile(`Indexed (\d+) pages?`)

// runPagefind indexes the site in public runs times, each time into an
// emptied public/pagefind.
func runPagefind(ctx context.Context, pf pagefind, public string, runs int, progress io.Writer) (pagefindResult, error) {
	var best pagefindResult
	for k := range runs {
		if err := os.RemoveAll(filepath.Join(public, "pagefind")); err != nil {
			return best, err
		}
		m, err := harness.Run(ctx, pagefindTimeout, pf.bin, "--site", public)
		if err != nil {
			return best, fmt.Errorf("pagefind: %w", err)
		}
		fmt.Fprintf(progress, "  pagefind run %d/%d: %v, %.1f MiB\n", k+1, runs, m.Wall.Round(time.Millisecond), harness.MiB(m.RSS))
		if k == 0 || m.Wall < best.wall {
			best.wall = m.Wall
		}
		if k == 0 || m.RSS < best.rss {
			best.rss = m.RSS
		}
		if sub := indexedPages.FindSubmatch(m.Output); sub != nil {
			best.pages, _ = strconv.Atoi(string(sub[1]))
		}
	}
	if _, err := fs.Stat(os.DirFS(public), "pagefind/pagefind.js"); err != nil {
		return best, fmt.Errorf("pagefind wrote no pagefind/pagefind.js into %s", public)
	}
	return best, nil
}
