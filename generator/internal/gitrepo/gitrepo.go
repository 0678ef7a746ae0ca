// Package gitrepo makes git repositories for tests, with commits dated as
// a test says, so that what is read from their history is known.
package gitrepo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Repo is a git repository in a test's temporary folder.
type Repo struct {
	t   testing.TB
	Dir string
}

// Author is the name every commit of a Repo is made by: a test that
// checks no author name is published looks for it.
const Author = "Ann Author"

// New makes an empty repository with branch main, or skips the test when
// the machine has no git.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on this machine")
	}
	r := &Repo{t: t, Dir: t.TempDir()}
	r.Git("", "init", "-q", "-b", "main")
	return r
}

// Git runs git in the repository, with date (RFC 3339) as the author and
// committer date when given, and returns what it printed. A failure ends
// the test.
func (r *Repo) Git(date string, args ...string) string {
	r.t.Helper()
	out, err := r.Try(date, args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Try runs git as Git does, and returns its error instead of ending the
// test: for a merge that is meant to conflict.
func (r *Repo) Try(date string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", r.Dir, "-c", "user.name=" + Author, "-c", "user.email=ann@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.Dir)
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Write writes text to the file at slash path name, making its folders.
func (r *Repo) Write(name, text string) {
	r.t.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// Commit commits everything in the work tree with subject, dated date.
func (r *Repo) Commit(date, subject string) {
	r.t.Helper()
	r.Git("", "add", "-A")
	r.Git(date, "commit", "-q", "-m", subject)
}
