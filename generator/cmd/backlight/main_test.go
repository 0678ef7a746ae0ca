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

func TestBuildSaysInHowManyLanguages(t *testing.T) {
	src := copySite(t, "sites/bilingual/src")
	code, stdout, _ := runCLI("build", "-s", src)
	if code != exitOK || !strings.HasPrefix(stdout, "built 7 pages in 2 languages (2 role, 1 group, 1 backlog, 2 item, 1 release)") {
		t.Errorf("got exit %d, summary %q", code, stdout)
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

func TestNewReleaseAndItemFlags(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	code, _, stderr := runCLI("new", "-s", src, "release", "R1")
	if code != exitUsage || !strings.Contains(stderr, "--system") || !strings.Contains(stderr, "--version") {
		t.Errorf("release without system and version: exit %d, %q; want a usage error naming both flags", code, stderr)
	}
	code, stdout, stderr := runCLI("new", "-s", src, "--now", "2026-05-01", "release", "R1", "--system", "Pump", "--version", "1.0", "--end", "2026-06-30")
	if code != exitOK || !strings.Contains(stdout, filepath.Join("content", "releases", "r1.md")) {
		t.Fatalf("new release: exit %d, %q %q", code, stdout, stderr)
	}
	text, _ := os.ReadFile(filepath.Join(src, "content", "releases", "r1.md"))
	for _, want := range []string{"system: Pump\n", "version: \"1.0\"\n", "start: 2026-05-01\n", "end: 2026-06-30\n"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	if code, _, stderr := runCLI("new", "-s", src, "role", "Tester", "--version", "2"); code != exitUsage || !strings.Contains(stderr, "--version is for releases only") {
		t.Errorf("--version on a role: exit %d, %q", code, stderr)
	}
	code, stdout, _ = runCLI("new", "-s", src, "--backlog", "alpha", "item", "Login with SSO")
	if code != exitOK || !strings.Contains(stdout, "added A-6 to the end of order in content/backlogs/alpha/_index.md") {
		t.Errorf("new item: exit %d, %q; want where the key went", code, stdout)
	}
	if code, _, stderr := runCLI("check", "-s", src, "--now", "2026-05-01"); code != exitOK {
		t.Errorf("check after new: exit %d: %s", code, stderr)
	}
}

func TestThemeExport(t *testing.T) {
	src := copySite(t, "sites/basic/src")
	code, stdout, stderr := runCLI("theme", "export", "-s", src)
	dir := filepath.Join(src, "themes", "custom")
	if code != exitOK || !strings.Contains(stdout, "into "+dir) || !strings.Contains(stdout, `theme = "custom"`) {
		t.Fatalf("theme export: exit %d, %q %q", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts", "base.html")); err != nil {
		t.Errorf("no layouts/base.html: %v", err)
	}
	code, stdout, _ = runCLI("theme", "export", "-s", src)
	if code != exitOK || !strings.Contains(stdout, "wrote 0 files") || !strings.Contains(stdout, filepath.Join("layouts", "base.html")) {
		t.Errorf("second export: exit %d, %q; want every file skipped and listed", code, stdout)
	}
	cfg, _ := os.ReadFile(filepath.Join(src, "site.toml"))
	if err := os.WriteFile(filepath.Join(src, "site.toml"), append([]byte("theme = \"custom\"\n"), cfg...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("check", "-s", src, "--now", "2026-05-01"); code != exitOK {
		t.Errorf("check with the exported theme: exit %d: %s", code, stderr)
	}
	if code, _, _ := runCLI("theme", "import"); code != exitUsage {
		t.Errorf("theme import: exit %d, want %d", code, exitUsage)
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
	os.WriteFile(filepath.Join(src, "site.toml"), []byte("baseURL = \"https://wiki.example.org/\"\n"), 0o644)
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

func TestCheckCountsUntranslatedPagesPerLanguage(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.toml":             "baseURL = \"https://wiki.example.org/\"\n[languages.en]\n[languages.de]\n[languages.fr]\n",
		"content/roles/a.md":    "---\ntitle: A\n---\nBody.\n",
		"content/roles/a.de.md": "---\ntitle: A auf Deutsch\n---\nText.\n",
		"content/roles/b.md":    "---\ntitle: B\n---\nBody.\n",
		"content/roles/c.md":    "---\ntitle: C\n---\nBody.\n",
		"content/roles/c.de.md": "---\ntitle: C auf Deutsch\n---\nText.\n",
		"content/roles/c.fr.md": "---\ntitle: C en français\n---\nTexte.\n",
	}
	for name, text := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755)
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI("check", "-s", src)
	want := "de: 1 of 3 pages not yet translated (backlight check --translations lists them)\n" +
		"fr: 2 of 3 pages not yet translated (backlight check --translations lists them)\n" +
		"checked 3 pages: 0 errors, 0 warnings\n"
	if code != exitOK || stdout != want {
		t.Errorf("check: got exit %d, stdout\n%s\nstderr %q; want\n%s", code, stdout, stderr, want)
	}
	code, stdout, _ = runCLI("check", "-s", src, "--translations")
	want = "de: 1 of 3 pages not yet translated:\n  content/roles/b.md\n" +
		"fr: 2 of 3 pages not yet translated:\n  content/roles/a.md\n  content/roles/b.md\n" +
		"checked 3 pages: 0 errors, 0 warnings\n"
	if code != exitOK || stdout != want {
		t.Errorf("check --translations: got exit %d, stdout\n%s\nwant\n%s", code, stdout, want)
	}
	os.WriteFile(filepath.Join(src, "content/roles/b.de.md"), []byte("---\ntitle: B auf Deutsch\n---\n"), 0o644)
	os.WriteFile(filepath.Join(src, "site.toml"), []byte("baseURL = \"https://wiki.example.org/\"\n[languages.en]\n[languages.de]\n"), 0o644)
	os.Remove(filepath.Join(src, "content/roles/c.fr.md"))
	if code, stdout, _ = runCLI("check", "-s", src); stdout != "de: every page translated\nchecked 3 pages: 0 errors, 0 warnings\n" {
		t.Errorf("every page translated: got exit %d, stdout %q", code, stdout)
	}
}
