package corpus

import (
	"os/exec"
	"strings"
	"testing"
)

func TestWriteHistoryLeadsToTheCorpusThroughItsCommits(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on this machine")
	}
	dir := t.TempDir()
	if _, err := Write(dir, Options{Pages: MinPages, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHistory(dir, HistoryOptions{Commits: 60, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
		if err != nil {
			t.Fatalf("git %v: %v", args, err)
		}
		return strings.TrimSpace(string(out))
	}
	if n := git("rev-list", "--count", "HEAD"); n != "60" {
		t.Errorf("%s commits, want 60", n)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("the work tree is not the last commit:\n%s", st)
	}
	log := git("log", "--format=%s")
	for _, want := range []string{"Start the wiki", "Move ", "Re-rank "} {
		if !strings.Contains(log, want) {
			t.Errorf("no commit %q in\n%s", want, log)
		}
	}
	if err := WriteHistory(t.TempDir(), HistoryOptions{Commits: 5}); err == nil {
		t.Error("a folder without a corpus: no error")
	}
}
