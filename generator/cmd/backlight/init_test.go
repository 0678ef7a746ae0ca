package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// requireClean runs check on dir and fails on any exit but 0 and on any
// diagnostic line mentioning a warning.
func requireClean(t *testing.T, dir, when string) {
	t.Helper()
	code, stdout, stderr := runCLI("check", "-s", dir)
	if code != exitOK {
		t.Fatalf("%s: check exited %d:\n%s%s", when, code, stderr, stdout)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "warning") {
			t.Errorf("%s: check warned: %s", when, line)
		}
	}
	if !strings.Contains(stdout, " 0 errors, 0 warnings") {
		t.Errorf("%s: check's summary is %q, want 0 errors and 0 warnings", when, stdout)
	}
}

func TestInitTemplatesPassCheckWithoutWarnings(t *testing.T) {
	for _, tmpl := range []string{"scaled", "minimal", "empty"} {
		t.Run(tmpl, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "wiki") // missing: init creates it
			code, stdout, stderr := runCLI("init", dir, "--template", tmpl)
			if code != exitOK {
				t.Fatalf("init exited %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "cd "+dir+" && backlight serve") {
				t.Errorf("init does not say how to go on:\n%s", stdout)
			}
			for _, f := range []string{"site.toml", ".gitignore", "README.md", "content/_index.md"} {
				if tmpl == "empty" && strings.HasPrefix(f, "content/") {
					f = "content"
				}
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("init wrote no %s: %v", f, err)
				}
			}
			requireClean(t, dir, "fresh "+tmpl+" site")

			code, _, stderr = runCLI("new", "-s", dir, "role", "Quality Coach")
			if code != exitOK {
				t.Fatalf("new role exited %d: %s", code, stderr)
			}
			requireClean(t, dir, "after new role")

			if code, _, stderr := runCLI("build", "-s", dir, "--quiet"); code != exitOK {
				t.Fatalf("build exited %d: %s", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
				t.Errorf("build wrote no index.html: %v", err)
			}
		})
	}
}

func TestInitMinimalHasOnePageOfEachType(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("init", dir, "--template", "minimal"); code != exitOK {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	for _, folder := range []string{"roles", "groups", "events", "artifacts", "cadences", "areas"} {
		md, _ := filepath.Glob(filepath.Join(dir, "content", folder, "*.md"))
		if len(md) != 1 {
			t.Errorf("content/%s holds %d pages, want 1", folder, len(md))
		}
	}
	items, _ := filepath.Glob(filepath.Join(dir, "content", "backlogs", "*", "*.md"))
	if len(items) != 4 { // _index.md and three items
		t.Errorf("the backlog has %d files, want _index.md and 3 items", len(items))
	}
}

// tree returns every file under dir with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestInitRefusesAFolderThatIsNotEmpty(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	before := tree(t, dir)
	code, stdout, stderr := runCLI("init", dir)
	if code != exitUsage {
		t.Fatalf("init into a folder that is not empty exited %d, want %d", code, exitUsage)
	}
	if !strings.Contains(stderr, "not empty") || !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not say why and what to do: %q", stderr)
	}
	if stdout != "" {
		t.Errorf("init printed %q while refusing", stdout)
	}
	if after := tree(t, dir); len(after) != len(before) {
		t.Errorf("init touched the folder: %d files before, %d after", len(before), len(after))
	}
}

func TestInitForceKeepsExistingFiles(t *testing.T) {
	dir := t.TempDir()
	mine := "title = \"Mine\"\n"
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte(mine), 0o644)
	code, stdout, stderr := runCLI("init", dir, "--force", "--template", "minimal")
	if code != exitOK {
		t.Fatalf("init --force exited %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "site.toml")); string(b) != mine {
		t.Errorf("init --force overwrote site.toml: %q", b)
	}
	if !regexp.MustCompile(`(?m)^skipped .*site\.toml`).MatchString(stdout) {
		t.Errorf("init --force does not list the file it kept:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "roles", "product-owner.md")); err != nil {
		t.Errorf("init --force wrote no content: %v", err)
	}
	// Again: now every file exists, and nothing changes.
	before := tree(t, dir)
	if code, _, stderr := runCLI("init", dir, "--force", "--template", "minimal"); code != exitOK {
		t.Fatalf("second init --force exited %d: %s", code, stderr)
	}
	after := tree(t, dir)
	for p, b := range before {
		if after[p] != b {
			t.Errorf("the second init --force changed %s", p)
		}
	}
}

func TestInitUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"init", t.TempDir(), "--template", "huge"},
		{"init", t.TempDir(), "--ci", "jenkins"},
		{"init", t.TempDir(), "extra", "argument"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("backlight %s exited %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
	}
}

// installLine is README.md's way to install Backlight.
func installLine(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^go install \S+@latest$`).Find(readme)
	if line == nil {
		t.Fatal("README.md has no line `go install …@latest`")
	}
	return string(line)
}

func TestInitCIWorkflows(t *testing.T) {
	install := installLine(t)
	for _, tt := range []struct{ ci, file string }{
		{"github", ".github/workflows/backlight.yml"},
		{"gitlab", ".gitlab-ci.yml"},
	} {
		t.Run(tt.ci, func(t *testing.T) {
			dir := t.TempDir()
			if code, _, stderr := runCLI("init", dir, "--ci", tt.ci); code != exitOK {
				t.Fatalf("init --ci %s exited %d: %s", tt.ci, code, stderr)
			}
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]any
			if err := yaml.Unmarshal(src, &doc); err != nil {
				t.Fatalf("%s does not parse: %v", tt.file, err)
			}
			cmds := commandsIn(doc)
			for _, want := range []string{install, "backlight build"} {
				found := false
				for _, c := range cmds {
					found = found || strings.TrimSpace(c) == want
				}
				if !found {
					t.Errorf("%s runs %q, not %q", tt.file, cmds, want)
				}
			}
			switch tt.ci {
			case "github":
				perms, _ := doc["permissions"].(map[string]any)
				if perms["pages"] != "write" || perms["id-token"] != "write" {
					t.Errorf("the workflow's permissions are %v; deploy-pages needs pages and id-token write", perms)
				}
				for _, action := range []string{"actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/setup-go@"} {
					if !bytes.Contains(src, []byte(action)) {
						t.Errorf("the workflow does not use %s", action)
					}
				}
			case "gitlab":
				job, _ := doc["pages"].(map[string]any)
				art, _ := job["artifacts"].(map[string]any)
				if paths, _ := art["paths"].([]any); len(paths) != 1 || paths[0] != "public" {
					t.Errorf("the pages job's artifacts are %v, want paths [public]", art)
				}
			}
			requireClean(t, dir, "site with --ci "+tt.ci)
		})
	}
}

// commandsIn collects the shell commands of a GitHub workflow's run steps
// and of a GitLab job's script lists.
func commandsIn(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch s := x.(type) {
			case string:
				if k == "run" {
					out = append(out, strings.Split(s, "\n")...)
				}
			case []any:
				if k == "script" {
					for _, line := range s {
						if str, ok := line.(string); ok {
							out = append(out, str)
						}
					}
					continue
				}
			}
			out = append(out, commandsIn(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, commandsIn(x)...)
		}
	}
	return out
}

func TestInitAddsAWorkflowToAnExistingSite(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("init", dir, "--template", "minimal"); code != exitOK {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	before := tree(t, dir)
	code, stdout, stderr := runCLI("init", dir, "--template", "empty", "--ci", "gitlab", "--force")
	if code != exitOK {
		t.Fatalf("init --ci gitlab --force exited %d: %s", code, stderr)
	}
	after := tree(t, dir)
	for p, b := range before {
		if after[p] != b {
			t.Errorf("init changed %s", p)
		}
	}
	want := filepath.Join(dir, ".gitlab-ci.yml")
	if len(after) != len(before)+1 || after[want] == "" {
		t.Errorf("init wrote %d files, want only %s:\n%s", len(after)-len(before), want, stdout)
	}
}
