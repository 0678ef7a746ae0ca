// Package gitrepo makes git repositories for tests, with commits dated as
// a test says, so that what is read from their history is known.
package gitrepo

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// Site makes a repository holding a small Backlight site at its top with
// two months of history that has one of each thing the history reads:
// status changes, a re-ranking, an estimate, a release and a relation
// changed, a page renamed, an item deleted, an item moved to another
// backlog, a branch merged, and an edit not yet committed.
func Site(t testing.TB) *Repo {
	t.Helper()
	r := New(t)
	item := func(key, status string, extra ...string) string {
		return "---\nid: " + key + "\ntitle: Item " + key + "\nkind: feature\nstatus: " + status + "\nvalue: 5\nestimate: 3\nacceptance: [it works]\n" +
			strings.Join(extra, "") + "---\nWhat " + key + " is about.\n"
	}
	index := func(title string, order ...string) string {
		return "---\ntitle: " + title + "\nlevel: team\norder: [" + strings.Join(order, ", ") + "]\n---\n"
	}
	r.Write("site.toml", "title = \"History\"\nbaseURL = \"https://wiki.example.org/\"\nlevels = [\"team\"]\n")
	r.Write("content/groups/team.md", "---\ntitle: Team\n---\n")
	r.Write("content/groups/po-circle.md", "---\ntitle: PO Circle\n---\n")
	r.Write("content/roles/po.md", "---\ntitle: Product Owner\nrelations:\n  part_of: [Team]\n---\nOrders the backlog.\n")
	r.Write("content/releases/r1.md", "---\ntitle: R1\nsystem: pump\nversion: '1.0'\nstart: 2026-01-05\nend: 2026-03-27\nstatus: planned\n---\n")
	r.Write("content/backlogs/alpha/_index.md", index("Alpha", "A-1", "A-2", "A-3", "A-4"))
	r.Write("content/backlogs/alpha/a-1.md", item("A-1", "idea"))
	r.Write("content/backlogs/alpha/a-2.md", item("A-2", "refining"))
	r.Write("content/backlogs/alpha/a-3.md", item("A-3", "ready"))
	r.Write("content/backlogs/alpha/a-4.md", item("A-4", "idea"))
	r.Write("content/backlogs/beta/_index.md", index("Beta"))
	r.Commit("2026-01-05T09:00:00+01:00", "Start the wiki")

	r.Write("content/backlogs/alpha/a-1.md", item("A-1", "ready", "release: R1\n"))
	r.Write("content/backlogs/alpha/a-2.md", "---\nid: A-2\ntitle: Item A-2\nkind: feature\nstatus: refining\nvalue: 5\nestimate: 8\nacceptance: [it works]\n---\nWhat A-2 is about.\n")
	r.Commit("2026-01-12T09:00:00+01:00", "A-1 ready for R1; A-2 is bigger")

	r.Write("content/backlogs/alpha/a-1.md", item("A-1", "in-progress", "release: R1\n"))
	r.Write("content/backlogs/alpha/_index.md", index("Alpha", "A-4", "A-1", "A-2", "A-3"))
	r.Commit("2026-01-19T09:00:00+01:00", "Start A-1; A-4 to the top")

	r.Git("", "checkout", "-q", "-b", "roles")
	r.Write("content/roles/po.md", "---\ntitle: Product Owner\nrelations:\n  part_of: [Team]\n  moderates: [PO Circle]\n---\nOrders the backlog and explains it.\n")
	r.Commit("2026-01-21T09:00:00+01:00", "The PO moderates the PO circle")
	r.Git("", "checkout", "-q", "main")
	r.Write("content/backlogs/alpha/a-1.md", item("A-1", "done", "release: R1\n"))
	r.Commit("2026-01-26T09:00:00+01:00", "A-1 done")
	r.Git("2026-01-27T09:00:00+01:00", "merge", "-q", "--no-ff", "-m", "Merge the role's changes", "roles")

	r.Git("", "rm", "-q", "content/backlogs/alpha/a-2.md")
	r.Git("", "mv", "content/backlogs/alpha/a-3.md", "content/backlogs/beta/a-3.md")
	r.Git("", "mv", "content/groups/po-circle.md", "content/groups/product-owner-circle.md")
	r.Write("content/backlogs/alpha/_index.md", index("Alpha", "A-4", "A-1"))
	r.Write("content/backlogs/beta/_index.md", index("Beta", "A-3"))
	r.Commit("2026-02-02T09:00:00+01:00", "Drop A-2; A-3 goes to Beta; the circle's page renamed")

	r.Write("content/backlogs/alpha/a-4.md", item("A-4", "refining"))
	return r
}

// Throughput makes a repository holding a Backlight site at its top whose
// one backlog, of one-week iterations from 2026-01-05, finished one item
// of 2 points in each of the four weeks before 2026-02-02, and has three
// open items (2, 4 and 2 points) for two releases, one ending 2026-02-10
// and one 2026-03-01: the forecasts' fixture.
func Throughput(t testing.TB) *Repo {
	t.Helper()
	r := New(t)
	r.Write("site.toml", "title = \"Forecasts\"\nbaseURL = \"https://wiki.example.org/\"\nlevels = [\"team\"]\n"+
		"[backlog]\niteration_weeks = 1\n[roadmap]\ncycle_start = 2026-01-05\n[forecast]\nwindow = 4\ntrials = 500\n")
	r.Write("content/backlogs/team/_index.md", "---\ntitle: Team backlog\nlevel: team\nvelocity: 50\norder: [t-7, t-8, t-9]\n---\n")
	item := func(key, status string, estimate int, release string) string {
		return fmt.Sprintf("---\nid: %s\ntitle: Item %s\nkind: feature\nstatus: %s\nvalue: 3\nestimate: %d\nacceptance: [works]\n%s---\nText.\n",
			key, key, status, estimate, release)
	}
	for i, rel := range []struct{ id, end string }{{"r-soon", "2026-02-10"}, {"r-later", "2026-03-01"}} {
		r.Write("content/releases/"+rel.id+".md", fmt.Sprintf("---\ntitle: %s\nsystem: Pump\nversion: \"%d\"\nstatus: planned\nstart: 2026-01-05\nend: %s\n---\n", rel.id, i+1, rel.end))
	}
	keys := []string{"t-1", "t-2", "t-3", "t-4"}
	for _, k := range keys {
		r.Write("content/backlogs/team/"+k+".md", item(k, "ready", 2, ""))
	}
	r.Write("content/backlogs/team/t-7.md", item("t-7", "ready", 2, "release: r-soon\n"))
	r.Write("content/backlogs/team/t-8.md", item("t-8", "ready", 4, "release: r-soon\n"))
	r.Write("content/backlogs/team/t-9.md", item("t-9", "ready", 2, "release: r-later\n"))
	r.Commit("2026-01-02T09:00:00Z", "The backlog")
	for i, k := range keys { // one done on the Tuesday of each week from 01-05
		r.Write("content/backlogs/team/"+k+".md", item(k, "done", 2, ""))
		r.Commit(time.Date(2026, 1, 6+7*i, 9, 0, 0, 0, time.UTC).Format(time.RFC3339), k+" done")
	}
	return r
}
