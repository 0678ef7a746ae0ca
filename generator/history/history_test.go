package history

import (
	"context"
	"errors"
	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func days(cs []*Commit) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Day())
	}
	return out
}

func TestReadFollowsRenamesAndEndsAtDeletions(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("README.md", "outside the site")
	r.Write("site/content/a.md", "one")
	r.Commit("2026-01-05T10:00:00+01:00", "add a")
	r.Write("site/content/a.md", "two")
	r.Write("site/content/gone.md", "x")
	r.Commit("2026-01-10T09:00:00+01:00", "edit a, add gone")
	r.Git("", "mv", "site/content/a.md", "site/content/b.md")
	r.Git("", "rm", "-q", "site/content/gone.md")
	r.Commit("2026-02-01T23:30:00-05:00", "rename a to b")
	r.Write("README.md", "still outside")
	r.Commit("2026-02-03T12:00:00Z", "outside only")

	h, err := Read(context.Background(), filepath.Join(r.Dir, "site"), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if h.Shallow || h.Head == "" || len(h.Commits) != 3 {
		t.Errorf("shallow %v, head %q, %d commits (want 3: the last touched nothing of the site)", h.Shallow, h.Head, len(h.Commits))
	}
	if got := slices.Sorted(maps.Keys(h.Files)); !slices.Equal(got, []string{"content/b.md"}) {
		t.Fatalf("files %q, want only content/b.md", got)
	}
	b := h.Files["content/b.md"]
	if got := days(b.Commits); !slices.Equal(got, []string{"2026-01-05", "2026-01-10", "2026-02-02"}) {
		t.Errorf("b's commits %q (the rename's day in UTC is the 2nd)", got)
	}
	if b.Created().Subject != "add a" || b.Updated().Subject != "rename a to b" || b.Revisions() != 3 {
		t.Errorf("created %q, updated %q, %d revisions", b.Created().Subject, b.Updated().Subject, b.Revisions())
	}
	if !slices.Equal(b.Names, []string{"content/a.md"}) {
		t.Errorf("former names %q", b.Names)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	h, err = Read(context.Background(), filepath.Join(r.Dir, "site"), ny)
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Files["content/b.md"].Updated().Day(); got != "2026-02-01" {
		t.Errorf("in New York the rename was on %s, want 2026-02-01", got)
	}
}

func TestReadListsTheWorkTreesChanges(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("site/content/a.md", "one")
	r.Write("site/content/b.md", "one")
	r.Write("other/x.md", "one")
	r.Commit("2026-01-05T10:00:00Z", "start")
	r.Write("site/content/a.md", "changed, not committed")
	r.Write("site/content/new.md", "not added")
	r.Write("other/x.md", "changed outside the site")
	h, err := Read(context.Background(), filepath.Join(r.Dir, "site"), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(h.Dirty)); !slices.Equal(got, []string{"content/a.md", "content/new.md"}) {
		t.Errorf("dirty %q", got)
	}
}

func TestReadMergesAndShallowClones(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("content/a.md", "one")
	r.Commit("2026-01-05T10:00:00Z", "start")
	r.Git("", "checkout", "-q", "-b", "topic")
	r.Write("content/b.md", "on a branch")
	r.Commit("2026-01-07T10:00:00Z", "add b on topic")
	r.Git("", "checkout", "-q", "main")
	r.Write("content/a.md", "two")
	r.Commit("2026-01-08T10:00:00Z", "edit a on main")
	r.Git("2026-01-09T10:00:00Z", "merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	h, err := Read(context.Background(), r.Dir, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	b := h.Files["content/b.md"]
	if got := days(b.Commits); !slices.Equal(got, []string{"2026-01-07", "2026-01-09"}) {
		t.Errorf("b's commits %q: the branch's own and the merge that brought it to main", got)
	}
	if b.Blobs[0] != b.Blobs[1] {
		t.Errorf("the merge changed b's content: %q", b.Blobs)
	}
	if got := days(h.Files["content/a.md"].Commits); !slices.Equal(got, []string{"2026-01-05", "2026-01-08"}) {
		t.Errorf("a's commits %q: the merge did not change it against main", got)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	r.Git("", "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	h, err = Read(context.Background(), clone, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Shallow {
		t.Error("a clone of depth 1 is not reported shallow")
	}
}

func TestReadSaysWhyThereIsNoHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on this machine")
	}
	if _, err := Read(context.Background(), t.TempDir(), time.UTC); !errors.Is(err, ErrNotWorkTree) {
		t.Errorf("a folder outside any repository: %v, want ErrNotWorkTree", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := Read(context.Background(), t.TempDir(), time.UTC); !errors.Is(err, ErrNoGit) {
		t.Errorf("no git: %v, want ErrNoGit", err)
	}
}

func TestParseLogRefusesWhatGitDoesNotWrite(t *testing.T) {
	for _, in := range []string{
		"\x1eabc\x1fnot a date\x1fAnn\x1fs\x00\n",
		"\x1eabc\x1f2026-01-05T10:00:00Z\x1fAnn\x00\n",
		"\x1eabc\x1f2026-01-05T10:00:00Z\x1fAnn\x1fs\x00\n:100644 100644 x y R100\x00old.md\x00",
	} {
		if _, err := parseLog(strings.NewReader(in), time.UTC, nil); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// FuzzParseLog feeds any text to the log parser: an error or commits,
// never a panic, and the files replayed from them.
func FuzzParseLog(f *testing.F) {
	f.Add("\x1eabc\x1f2026-01-05T10:00:00+01:00\x1fAnn\x1fadd\x00\n:000000 100644 0 1 A\x00a.md\x00\x1edef\x1f2026-01-06T10:00:00Z\x1fBob\x1fmv\x00\n:100644 100644 1 1 R100\x00a.md\x00b.md\x00")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := parseLog(strings.NewReader(in), time.UTC, nil)
		if err != nil {
			return
		}
		now, gone := files(cs)
		for _, file := range append(slices.Collect(maps.Values(now)), gone...) {
			if len(file.Commits) == 0 || len(file.Blobs) != len(file.Commits) || len(file.Paths) != len(file.Commits) {
				t.Fatalf("%s has %d commits, %d blobs, %d paths", file.Path, len(file.Commits), len(file.Blobs), len(file.Paths))
			}
			if file.Deleted != slices.Contains(gone, file) {
				t.Fatalf("%s: deleted %v, but gone %v", file.Path, file.Deleted, !file.Deleted)
			}
		}
	})
}

func TestReadKeepsDeletedFilesAndTheirContents(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("content/a.md", "status: idea")
	r.Write("content/b.md", "bee")
	r.Commit("2026-03-01T10:00:00Z", "start")
	r.Write("content/a.md", "status: ready")
	r.Commit("2026-03-02T10:00:00Z", "ready")
	r.Git("", "rm", "-q", "content/a.md")
	r.Commit("2026-03-03T10:00:00Z", "drop a")
	r.Write("content/a.md", "status: new again")
	r.Commit("2026-03-04T10:00:00Z", "a again")
	h, err := Read(context.Background(), r.Dir, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Gone) != 1 || !h.Gone[0].Deleted || h.Gone[0].Path != "content/a.md" {
		t.Fatalf("gone %+v, want the first a.md", h.Gone)
	}
	old := h.Gone[0]
	if got := days(old.Commits); !slices.Equal(got, []string{"2026-03-01", "2026-03-02", "2026-03-03"}) {
		t.Errorf("the first a's commits %q", got)
	}
	if old.Blobs[2] != "" {
		t.Errorf("the deletion left content %q", old.Blobs[2])
	}
	now := h.Files["content/a.md"]
	if now == old || len(now.Commits) != 1 {
		t.Errorf("the second a.md shares the first's history: %+v", now)
	}
	blobs, err := Blobs(context.Background(), r.Dir, []string{old.Blobs[0], old.Blobs[1], now.Blobs[0], old.Blobs[0]})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{old.Blobs[0]: "status: idea", old.Blobs[1]: "status: ready", now.Blobs[0]: "status: new again"} {
		if string(blobs[id]) != want {
			t.Errorf("blob %s: %q, want %q", id, blobs[id], want)
		}
	}
	if _, err := Blobs(context.Background(), r.Dir, []string{strings.Repeat("0", 40)}); err == nil {
		t.Error("a missing object: no error")
	}
}

func TestReadSeesAConflictsResolution(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("content/a.md", "status: idea\n")
	r.Commit("2026-01-05T10:00:00Z", "start")
	r.Git("", "checkout", "-q", "-b", "topic")
	r.Write("content/a.md", "status: ready\n")
	r.Commit("2026-01-06T10:00:00Z", "ready on topic")
	r.Git("", "checkout", "-q", "main")
	r.Write("content/a.md", "status: refining\n")
	r.Commit("2026-01-07T10:00:00Z", "refining on main")
	if out, err := r.Try("", "merge", "-q", "topic"); err == nil || !strings.Contains(out, "CONFLICT") {
		t.Fatalf("the merge did not conflict: %v\n%s", err, out)
	}
	r.Write("content/a.md", "status: in-progress\n")
	r.Git("", "add", "-A")
	r.Git("2026-01-08T10:00:00Z", "commit", "-q", "-m", "merge topic")
	h, err := Read(context.Background(), r.Dir, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	a := h.Files["content/a.md"]
	if got := days(a.Commits); !slices.Equal(got, []string{"2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"}) {
		t.Fatalf("a's commits %q", got)
	}
	blobs, err := Blobs(context.Background(), r.Dir, a.Blobs)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(blobs[a.Blobs[3]]); got != "status: in-progress\n" {
		t.Errorf("after the merge a is %q", got)
	}
}
