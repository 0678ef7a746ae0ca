package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func copySite(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("../../../testdata", dir))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	good := copySite(t, "sites/basic/src")
	bad := copySite(t, "invalid/content-errors/src")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"bild"}, exitUsage},
		{"help", []string{"-h"}, exitOK},
		{"command help", []string{"build", "-h"}, exitOK},
		{"unknown flag", []string{"build", "--fast"}, exitUsage},
		{"stray argument", []string{"build", "-s", good, "extra"}, exitUsage},
		{"bad format", []string{"check", "-s", good, "--format", "xml"}, exitUsage},
		{"version", []string{"version"}, exitOK},
		{"check good", []string{"check", "-s", good}, exitOK},
		{"check bad", []string{"check", "-s", bad}, exitContent},
		{"build bad", []string{"build", "-s", bad}, exitContent},
		{"build good", []string{"build", "-s", good, "--quiet"}, exitOK},
		{"missing site", []string{"build", "-s", t.TempDir()}, exitContent},
		{"bad --now", []string{"build", "-s", good, "--now", "2026-13-01"}, exitUsage},
		{"check with build's flags", []string{"check", "-s", good, "-d", "x", "--quiet", "--now", "2026-05-01"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(tt.args...)
			if code != tt.code {
				t.Errorf("backlight %s: got exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
		})
	}
}

func TestBuildPrintsOneSummaryLine(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	code, stdout, _ := runCLI("build", "-s", src)
	if code != exitOK {
		t.Fatalf("got exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "built 16 pages (2 role, 1 group, 1 event, 1 artifact, 1 cadence, 1 backlog, 5 item, 4 release)") {
		t.Errorf("got summary %q", stdout)
	}
}

func TestBuildReportsBrokenFrontMatterWithItsLine(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	broken := filepath.Join(src, "content", "roles", "broken.md")
	os.WriteFile(broken, []byte("---\ntitle: x\nlevel: [team\n---\n"), 0o644)
	code, _, stderr := runCLI("build", "-s", src)
	if code != exitContent {
		t.Fatalf("got exit %d, want %d", code, exitContent)
	}
	if !strings.Contains(stderr, "content/roles/broken.md:3") {
		t.Errorf("stderr does not name the file and line:\n%s", stderr)
	}
	if !strings.Contains(stderr, "the previous site is unchanged") {
		t.Errorf("stderr does not say the previous site is kept:\n%s", stderr)
	}
}

func TestCheckJSONListsPositions(t *testing.T) {
	bad := copySite(t, "invalid/content-errors/src")
	code, stdout, _ := runCLI("check", "-s", bad, "--format", "json")
	if code != exitContent {
		t.Fatalf("got exit %d, want %d", code, exitContent)
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal([]byte(stdout), &diags); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	var found bool
	for _, d := range diags {
		if d.File == "content/roles/lead.md" && d.Line == 7 && d.Col == 3 && d.Severity.String() == "error" &&
			strings.Contains(d.Message, `unknown relation "moderate"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no entry for the unknown relation at content/roles/lead.md:7:3 in\n%s", stdout)
	}
	if !strings.Contains(stdout, `"severity": "warning"`) {
		t.Errorf("warnings are missing or lack their severity:\n%s", stdout)
	}
}

func TestNewWritesAValidPageAndRefusesToOverwrite(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	code, stdout, stderr := runCLI("new", "-s", src, "role", "Quality Coach: Lead")
	if code != exitOK {
		t.Fatalf("got exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, filepath.Join("content", "roles", "quality-coach-lead.md")) {
		t.Errorf("got %q", stdout)
	}
	if code, _, stderr := runCLI("check", "-s", src); code != exitOK {
		t.Errorf("the new page does not pass check: %s", stderr)
	}
	code, _, stderr = runCLI("new", "role", "Quality Coach: Lead", "-s", src)
	if code != exitContent || !strings.Contains(stderr, "taken") {
		t.Errorf("second new: got exit %d, stderr %q; want a refusal", code, stderr)
	}
	code, stdout, stderr = runCLI("new", "-s", src, "--backlog", "alpha", "item", "Sixth item")
	if code != exitOK || !strings.Contains(stdout, "a-6.md") {
		t.Errorf("new item: got exit %d, %q %q; want a-6.md (after A-1 to A-5)", code, stdout, stderr)
	}
	if code, _, stderr := runCLI("new", "-s", src, "widget", "X"); code != exitUsage {
		t.Errorf("unknown type: got exit %d (%s), want %d", code, stderr, exitUsage)
	}
}

func TestMessagesANewUserMeets(t *testing.T) {
	good := copySite(t, "sites/basic/src")
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"check", "-s", good, "content/roles/x.md"}, exitUsage, "",
			`backlight check: unexpected argument "content/roles/x.md": check takes no file names; it checks the whole site under -s SRC` + "\n"},
		{[]string{"build", "content/roles/x.md", "-s", good}, exitUsage, "",
			`backlight build: unexpected argument "content/roles/x.md": build takes no file names; it builds the whole site under -s SRC` + "\n"},
		{[]string{"serve", "-s", good, "content"}, exitUsage, "",
			`backlight serve: unexpected argument "content": serve takes no file names; it serves the whole site under -s SRC` + "\n"},
		{[]string{"new", "-s", good, "--backlog", "nope", "item", "X"}, exitUsage, "",
			`backlight new: there is no backlog "nope" (content/backlogs/nope/_index.md); the backlogs are alpha` + "\n"},
		{[]string{"new", "-s", good, "--backlog", "alhpa", "item", "X"}, exitUsage, "",
			`backlight new: there is no backlog "alhpa" (content/backlogs/alhpa/_index.md) (did you mean "alpha"?); the backlogs are alpha` + "\n"},
		{[]string{"check", "-s", good, "--format", "xml"}, exitUsage, "",
			`backlight check: --format must be text or json, not "xml"` + "\n"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args...)
		if code != tt.code || stdout != tt.stdout || stderr != tt.stderr {
			t.Errorf("backlight %s:\ngot  exit %d, stdout %q, stderr %q\nwant exit %d, stdout %q, stderr %q",
				strings.Join(tt.args, " "), code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
		}
	}
}

func TestCheckCountsOnePageInTheSingular(t *testing.T) {
	src := t.TempDir()
	os.WriteFile(filepath.Join(src, "site.toml"), nil, 0o644)
	os.MkdirAll(filepath.Join(src, "content", "roles"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "roles", "x.md"), []byte("---\ntitle: X\n---\nBody.\n"), 0o644)
	code, stdout, stderr := runCLI("check", "-s", src)
	if code != exitOK || stdout != "checked 1 page: 0 errors, 0 warnings\n" {
		t.Errorf("got exit %d, stdout %q, stderr %q; want \"checked 1 page: 0 errors, 0 warnings\"", code, stdout, stderr)
	}
}

func TestVersionAndHelpAsTheDocsWriteThem(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		if code, stdout, stderr := runCLI(args...); code != exitOK || !strings.HasPrefix(stdout, "backlight ") {
			t.Errorf("backlight %s: got exit %d, stdout %q, stderr %q; want the version", args[0], code, stdout, stderr)
		}
	}
	_, _, help := runCLI("build", "-h")
	for _, want := range []string{"\n  --drafts\n", "\n  -q, --quiet\n", "\n  -s SRC\n", "\n  --now DATE\n"} {
		if !strings.Contains(help, want) {
			t.Errorf("build -h lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "\n  -drafts") {
		t.Errorf("build -h writes a long flag with one dash:\n%s", help)
	}
	src := copySite(t, "sites/basic/src")
	if code, stdout, stderr := runCLI("build", "-s", src, "-q"); code != exitOK || stdout != "" || stderr != "" {
		t.Errorf("build -q: got exit %d, stdout %q, stderr %q; want silence", code, stdout, stderr)
	}
}
