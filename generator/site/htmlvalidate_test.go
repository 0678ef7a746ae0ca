package site

// HTML validity gate: html-validate (https://html-validate.org) over every
// .html file of the built example site, with the repository's
// .htmlvalidate.json. Any error fails the test.
//
// The test does not use the network: it runs the html-validate binary from
// $HTML_VALIDATE_BIN, or from defaultHTMLValidateBin under the home folder,
// where
//
//	npm install --prefix "$HOME/.cache/backlight/html-validate" html-validate@10
//
// puts it (.ci/run does). Without the binary the test skips, unless
// BACKLIGHT_E2E=require.
//
// .htmlvalidate.json extends html-validate:recommended. JSON has no
// comments, so why it departs from the preset is written here:
//
//   - doctype-style off: the templates write <!DOCTYPE html>; the minifier
//     lowercases it, and the doctype is case-insensitive.
//   - no-raw-characters relaxed: the minifier writes "&" for "&amp;" where
//     that is unambiguous (as in "Market & Business"); ambiguous ones still
//     fail.
//   - aria-label-misuse allowAnyNamable: aria-label on elements whose role
//     takes a name, such as <ul class="tags" aria-label="Tags">.
//   - prefer-native-element excludes region: wide tables and graphs sit in
//     <div role="region" tabindex="0" aria-label...> so the keyboard can
//     scroll them.
//   - long-title off: a title is the page's title from content plus the
//     site's name, so its length is up to the content.

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// defaultHTMLValidateBin is where the html-validate binary is looked for,
// under the home folder, when HTML_VALIDATE_BIN is not set.
const defaultHTMLValidateBin = ".cache/backlight/html-validate/node_modules/.bin/html-validate"

// npmTool returns the path of an npm-installed binary: $env when set,
// else rel under the home folder. When it is missing it skips, or fails
// under BACKLIGHT_E2E=require, saying how to install pkg.
func npmTool(t *testing.T, name, env, rel, pkg string) string {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, filepath.FromSlash(rel))
		}
	}
	if path != "" {
		if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
			return path
		}
	}
	prefix := strings.TrimSuffix(rel, "/node_modules/.bin/"+name)
	msg := fmt.Sprintf("%s not found (%q); install it with\n"+
		"\tnpm install --prefix \"$HOME/%s\" %s\n"+
		"or set %s to the path of the %s binary", name, path, prefix, pkg, env, name)
	if os.Getenv("BACKLIGHT_E2E") == "require" {
		t.Fatal(msg + " (BACKLIGHT_E2E=require)")
	}
	t.Skip(msg)
	return ""
}

// TestHTMLValidateExampleSite builds the example site (as make site does)
// and runs html-validate
// once over all its .html files; a non-zero exit fails the test with the
// validator's report.
func TestHTMLValidateExampleSite(t *testing.T) {
	bin := npmTool(t, "html-validate", "HTML_VALIDATE_BIN", defaultHTMLValidateBin, "html-validate@10")
	config, err := filepath.Abs("../../.htmlvalidate.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(config); err != nil {
		t.Fatalf("config: %v", err)
	}
	dest := buildExample(t)
	var files []string
	err = filepath.WalkDir(dest, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".html") {
			rel, err := filepath.Rel(dest, path)
			if err != nil {
				return err
			}
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("the example site has no .html files")
	}

	// Relative paths from dest keep the command line and report short.
	args := append([]string{"--config", config, "--formatter", "text", "--max-warnings", "0"}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dest
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("html-validate: %d files in %v", len(files), time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.Fatalf("html-validate over %d files: %v\n%s", len(files), err, out)
	}
}
