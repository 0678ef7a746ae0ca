package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// changes runs backlight changes on dir with args and returns its output.
func changes(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"changes", "-s", dir, "--now", "2026-02-10"}, args...)
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("backlight %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

func TestChangesPrintsTheChangeListInEachFormat(t *testing.T) {
	r := gitrepo.Site(t)
	for _, f := range []string{"json", "text", "markdown"} {
		out := changes(t, r.Dir, "--since", "2026-01-01", "--format", f)
		golden.File(t, "testdata/changes."+f, []byte(out))
		if strings.Contains(out, gitrepo.Author) {
			t.Errorf("--format %s names the author, and the site does not publish authors", f)
		}
	}
}

func TestChangesBoundsAndBacklog(t *testing.T) {
	r := gitrepo.Site(t)
	first := strings.TrimSpace(r.Git("", "rev-list", "--max-parents=0", "HEAD"))
	var all, sinceRev, beta, untilDay []map[string]any
	decode := func(s string, v *[]map[string]any) {
		if err := json.Unmarshal([]byte(s), v); err != nil {
			t.Fatalf("%v\n%s", err, s)
		}
	}
	decode(changes(t, r.Dir, "--since", "2026-01-01", "--format", "json"), &all)
	decode(changes(t, r.Dir, "--since", first, "--format", "json"), &sinceRev)
	decode(changes(t, r.Dir, "--since", "2026-01-01", "--backlog", "beta", "--format", "json"), &beta)
	decode(changes(t, r.Dir, "--since", "2026-01-01", "--until", "2026-01-20", "--format", "json"), &untilDay)
	for _, c := range sinceRev {
		if c["date"] == "2026-01-05" {
			t.Errorf("--since the first commit lists its changes: %v", c)
		}
	}
	if len(sinceRev) == 0 || len(sinceRev) >= len(all) {
		t.Errorf("--since the first commit: %d changes of %d", len(sinceRev), len(all))
	}
	for _, c := range beta {
		if c["backlog"] != "beta" && c["id"] != "beta" {
			t.Errorf("--backlog beta lists %v", c)
		}
	}
	if len(beta) == 0 {
		t.Error("--backlog beta lists nothing")
	}
	for _, c := range untilDay {
		if d := c["date"].(string); d > "2026-01-20" {
			t.Errorf("--until 2026-01-20 lists a change of %s", d)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"changes", "-s", r.Dir, "--backlog", "gamma"}, &stdout, &stderr); code == exitOK || !strings.Contains(stderr.String(), "alpha or beta") {
		t.Errorf("an unknown backlog: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"changes", "-s", r.Dir, "--since", "no-such-tag"}, &stdout, &stderr); code == exitOK || !strings.Contains(stderr.String(), "no-such-tag") {
		t.Errorf("an unknown revision: exit %d, %q", code, stderr.String())
	}
}
