package history

import (
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// repo is a git repository made by a test, its commits dated as told.
type repo struct {
	t   *testing.T
	dir string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on this machine")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("", "init", "-q", "-b", "main")
	return r
}

// git runs git in the repository, with date (RFC 3339) as the author and
// committer date when given.
func (r *repo) git(date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir, "-c", "user.name=Ann Author", "-c", "user.email=ann@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.dir)
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *repo) write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *repo) commit(date, subject string) {
	r.t.Helper()
	r.git("", "add", "-A")
	r.git(date, "commit", "-q", "-m", subject)
}

func days(cs []*Commit) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Day())
	}
	return out
}

func TestReadFollowsRenamesAndEndsAtDeletions(t *testing.T) {
	r := newRepo(t)
	r.write("README.md", "outside the site")
	r.write("site/content/a.md", "one")
	r.commit("2026-01-05T10:00:00+01:00", "add a")
	r.write("site/content/a.md", "two")
	r.write("site/content/gone.md", "x")
	r.commit("2026-01-10T09:00:00+01:00", "edit a, add gone")
	r.git("", "mv", "site/content/a.md", "site/content/b.md")
	r.git("", "rm", "-q", "site/content/gone.md")
	r.commit("2026-02-01T23:30:00-05:00", "rename a to b")
	r.write("README.md", "still outside")
	r.commit("2026-02-03T12:00:00Z", "outside only")

	h, err := Read(context.Background(), filepath.Join(r.dir, "site"), time.UTC)
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
	h, err = Read(context.Background(), filepath.Join(r.dir, "site"), ny)
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Files["content/b.md"].Updated().Day(); got != "2026-02-01" {
		t.Errorf("in New York the rename was on %s, want 2026-02-01", got)
	}
}

func TestReadListsTheWorkTreesChanges(t *testing.T) {
	r := newRepo(t)
	r.write("site/content/a.md", "one")
	r.write("site/content/b.md", "one")
	r.write("other/x.md", "one")
	r.commit("2026-01-05T10:00:00Z", "start")
	r.write("site/content/a.md", "changed, not committed")
	r.write("site/content/new.md", "not added")
	r.write("other/x.md", "changed outside the site")
	h, err := Read(context.Background(), filepath.Join(r.dir, "site"), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(h.Dirty)); !slices.Equal(got, []string{"content/a.md", "content/new.md"}) {
		t.Errorf("dirty %q", got)
	}
}

func TestReadMergesAndShallowClones(t *testing.T) {
	r := newRepo(t)
	r.write("content/a.md", "one")
	r.commit("2026-01-05T10:00:00Z", "start")
	r.git("", "checkout", "-q", "-b", "topic")
	r.write("content/b.md", "on a branch")
	r.commit("2026-01-07T10:00:00Z", "add b on topic")
	r.git("", "checkout", "-q", "main")
	r.write("content/a.md", "two")
	r.commit("2026-01-08T10:00:00Z", "edit a on main")
	r.git("2026-01-09T10:00:00Z", "merge", "-q", "--no-ff", "-m", "merge topic", "topic")
	h, err := Read(context.Background(), r.dir, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if got := days(h.Files["content/b.md"].Commits); !slices.Equal(got, []string{"2026-01-07"}) {
		t.Errorf("b's commits %q: the merge changes nothing of its own", got)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	r.git("", "clone", "-q", "--depth", "1", "file://"+r.dir, clone)
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
		if _, err := parseLog([]byte(in), time.UTC); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// FuzzParseLog feeds any text to the log parser: an error or commits,
// never a panic, and the files replayed from them.
func FuzzParseLog(f *testing.F) {
	f.Add("\x1eabc\x1f2026-01-05T10:00:00+01:00\x1fAnn\x1fadd\x00\n:000000 100644 0 1 A\x00a.md\x00\x1edef\x1f2026-01-06T10:00:00Z\x1fBob\x1fmv\x00\n:100644 100644 1 1 R100\x00a.md\x00b.md\x00")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := parseLog([]byte(in), time.UTC)
		if err != nil {
			return
		}
		for _, file := range files(cs) {
			if len(file.Commits) == 0 {
				t.Fatalf("%s has no commits", file.Path)
			}
		}
	})
}
