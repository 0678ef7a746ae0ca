// Package gitimport writes a git history in one `git fast-import`: a
// series of dated commits, each giving some files their new contents,
// for the synthetic histories of benchmarks and of the example site.
package gitimport

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"time"
)

// Repo is a repository being written, one commit after another on the
// branch main.
type Repo struct {
	dir    string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	w      *bufio.Writer
	stderr bytes.Buffer
	n      int // commits written
}

// Init makes dir a new git repository and starts writing its history.
func Init(dir string) (*Repo, error) {
	if out, err := exec.Command("git", "-C", dir, "init", "-q", "-b", "main").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("git init %s: %v: %s", dir, err, out)
	}
	r := &Repo{dir: dir, cmd: exec.Command("git", "-C", dir, "fast-import", "--quiet", "--done")}
	stdin, err := r.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	r.stdin, r.w = stdin, bufio.NewWriterSize(stdin, 1<<20)
	r.cmd.Stderr = &r.stderr
	if err := r.cmd.Start(); err != nil {
		return nil, fmt.Errorf("git fast-import: %w", err)
	}
	return r, nil
}

// File is one file a commit writes: its path from the repository's top,
// with slashes, and its whole new content.
type File struct {
	Path string
	Data []byte
}

// Commit writes a commit by author, dated when (as author and committer
// date), that gives files their contents.
func (r *Repo) Commit(when time.Time, author, subject string, files []File) {
	r.n++
	fmt.Fprintf(r.w, "commit refs/heads/main\nmark :%d\n", r.n)
	for _, role := range []string{"author", "committer"} {
		fmt.Fprintf(r.w, "%s %s %d +0000\n", role, author, when.Unix())
	}
	fmt.Fprintf(r.w, "data %d\n%s\n", len(subject), subject)
	if r.n > 1 {
		fmt.Fprintf(r.w, "from :%d\n", r.n-1)
	}
	for _, f := range files {
		fmt.Fprintf(r.w, "M 100644 inline %s\ndata %d\n", f.Path, len(f.Data))
		r.w.Write(f.Data)
		r.w.WriteByte('\n')
	}
}

// Close ends the history and checks out its last commit into the work
// tree.
func (r *Repo) Close() error {
	r.w.WriteString("done\n")
	if err := r.w.Flush(); err != nil {
		return fmt.Errorf("git fast-import: %w", err)
	}
	r.stdin.Close()
	if err := r.cmd.Wait(); err != nil {
		return fmt.Errorf("git fast-import: %v: %s", err, r.stderr.String())
	}
	if out, err := exec.Command("git", "-C", r.dir, "checkout", "-q", "-f", "main").CombinedOutput(); err != nil {
		return fmt.Errorf("git checkout: %v: %s", err, out)
	}
	return nil
}
