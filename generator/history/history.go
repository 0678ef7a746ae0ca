// Package history reads what git knows of a site's files: when each was
// created and last changed, in how many commits, under which names, and
// which files the work tree has changed since the last commit. It is the
// one package of the build that starts processes (docs/design.md): a
// fixed few git commands per build, whatever the number of files, never
// one per file.
//
// Dates are the commits' author dates as calendar days in the time zone
// the caller gives. A file's history follows its renames (git's -M).
package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrNoGit is returned (wrapped) when there is no git program to run.
var ErrNoGit = errors.New("git is not installed")

// ErrNotWorkTree is returned (wrapped) when the folder is not inside a
// git work tree.
var ErrNotWorkTree = errors.New("not inside a git work tree")

// Commit is one commit that changed a file of the folder read.
type Commit struct {
	ID      string
	Date    time.Time // the author date, in the time zone Read was given
	Author  string    // the author's name: personal data, published only when a site asks
	Subject string
}

// Day is the commit's calendar day, YYYY-MM-DD.
func (c *Commit) Day() string { return c.Date.Format(time.DateOnly) }

// File is one file's history, oldest commit first.
type File struct {
	Path    string    // its name now (or when it was deleted), slash path relative to the folder read
	Commits []*Commit // the commits that touched it under any of its names, oldest first
	// Blobs are the git object ids of its content after each of Commits,
	// by the same index; "" after the commit that deleted it.
	Blobs []string
	// Paths are its names after each of Commits, by the same index.
	Paths   []string
	Names   []string // the names it had before, oldest first; none when it was never renamed
	Deleted bool     // the last of Commits deleted it
}

// Created is the first commit that touched the file.
func (f *File) Created() *Commit { return f.Commits[0] }

// Updated is the last commit that touched the file.
func (f *File) Updated() *Commit { return f.Commits[len(f.Commits)-1] }

// History is what git knows of one folder at one commit.
type History struct {
	Head    string // the commit checked out
	Prefix  string // the folder's path from the repository's top, "site/" or ""
	Shallow bool   // a shallow clone: the oldest commits are missing, so dates would be wrong
	Commits []*Commit
	Files   map[string]*File // the files that exist at Head, by their path now
	Gone    []*File          // the files deleted since, in the order they went
	Dirty   map[string]bool  // files with changes the work tree has and Head has not (new ones too)
}

// Read reads the history of the folder dir, which must be inside a git
// work tree, with dates in loc: State, then Log. It runs git three times:
// for the repository's state, for the state of the work tree and for the
// log of the folder.
func Read(ctx context.Context, dir string, loc *time.Location) (*History, error) {
	h, err := State(ctx, dir)
	if err != nil {
		return nil, err
	}
	return h, h.Log(ctx, dir, loc, nil)
}

// State reads what a build needs to know before the log: the commit
// checked out, whether the clone is shallow, the folder's place in the
// repository and the files the work tree changed. It runs git twice.
func State(ctx context.Context, dir string) (*History, error) {
	state, err := git(ctx, dir, "rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(state), "\n"), "\n")
	if len(lines) != 3 {
		return nil, fmt.Errorf("git rev-parse in %s: unexpected output %q", dir, state)
	}
	h := &History{Shallow: lines[0] == "true", Head: lines[2], Prefix: lines[1]}
	status, err := git(ctx, dir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".")
	if err != nil {
		return nil, err
	}
	h.Dirty = parseStatus(status, h.Prefix)
	return h, nil
}

// Log reads the log of the folder dir into h, which State read: its
// commits and the history of each of its files. When seen is not nil,
// it is given each entry of the log as git writes it, newest commit
// first, while git is still writing the rest: a caller may start reading
// the contents it wants (Batch) before the log ends.
func (h *History) Log(ctx context.Context, dir string, loc *time.Location, seen func(Entry)) error {
	args := logArgs
	if h.Prefix == "" {
		// The folder is the repository: no path to filter by, which
		// spares git a tenth of its work on a long history.
		args = slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--relative" || a == "--" || a == "." })
	}
	cmd, stderr := gitCommand(ctx, dir, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git log in %s: %w", dir, err)
	}
	if err := cmd.Start(); err != nil {
		return gitError(dir, args, err, stderr)
	}
	commits, perr := parseLog(stdout, loc, seen)
	if perr != nil {
		cmd.Process.Kill()
	}
	io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil && perr == nil {
		return gitError(dir, args, err, stderr)
	}
	if perr != nil {
		return fmt.Errorf("git log in %s: %w", dir, perr)
	}
	h.Files, h.Gone = files(commits)
	for _, c := range commits {
		h.Commits = append(h.Commits, c.commit)
	}
	return nil
}

// logArgs read the log of the folder, oldest commits last, every commit
// reachable from HEAD with the files it changed and their blob ids. A
// merge commit lists what it changed against its first parent, so that
// the state a merge settled on (a conflict resolved) is read too; the
// commits of the merged branch are listed with their own dates.
// --date-order lists no parent before its children.
var logArgs = []string{"log", "-z", "--raw", "-M", "--no-abbrev", "--relative", "--no-color",
	"--date-order", "--diff-merges=first-parent", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--", "."}

// git runs git in dir and returns its standard output; the error names
// the command and says what git said.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd, stderr := gitCommand(ctx, dir, args...)
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError(dir, args, err, stderr)
	}
	return out, nil
}

// gitCommand is the command that runs git with args in dir, and the
// buffer its standard error goes to.
func gitCommand(ctx context.Context, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	return cmd, &stderr
}

// gitError says why git with args in dir failed with err, having said
// stderr: ErrNoGit and ErrNotWorkTree where that is why.
func gitError(dir string, args []string, err error, stderr *bytes.Buffer) error {
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return fmt.Errorf("read the history of %s: %w", dir, ErrNoGit)
	case strings.Contains(stderr.String(), "not a git repository"):
		return fmt.Errorf("read the history of %s: %w", dir, ErrNotWorkTree)
	}
	return fmt.Errorf("git %s in %s: %w: %s", args[0], dir, err, strings.TrimSpace(stderr.String()))
}

// Entry is what one commit did to one file: one raw entry of the log.
type Entry struct {
	Status   byte   // A, M, D, R, C, T
	From, To string // To is the path after the commit; From is the one before, for R and C
	Blob     string // the content's object id after the commit ("" when deleted)
}

// logCommit is a commit and what it changed.
type logCommit struct {
	commit  *Commit
	changes []Entry
}

// parseLog reads `git log -z --raw --format=%x1e%H%x1f%aI%x1f%an%x1f%s`
// from r as git writes it: records that start with \x1e, each a header
// of four \x1f-separated fields ended by NUL, then the raw entries,
// ":modes ids STATUS" NUL path NUL (and a second path NUL for a rename or
// copy). It gives seen, when not nil, each entry as it is read, and
// returns the commits oldest first.
func parseLog(r io.Reader, loc *time.Location, seen func(Entry)) ([]logCommit, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	var commits []logCommit
	for {
		rec, err := br.ReadBytes(0x1e)
		if rec = bytes.TrimSuffix(rec, []byte{0x1e}); len(bytes.TrimSpace(rec)) > 0 {
			c, perr := parseRecord(rec, loc)
			if perr != nil {
				return nil, perr
			}
			if seen != nil {
				for _, e := range c.changes {
					seen(e)
				}
			}
			commits = append(commits, c)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	slices.Reverse(commits) // git log writes the newest first
	return commits, nil
}

// parseRecord reads one commit's record of the log, without its \x1e.
func parseRecord(rec []byte, loc *time.Location) (logCommit, error) {
	header, rest, _ := bytes.Cut(rec, []byte{0})
	fields := strings.Split(string(header), "\x1f")
	if len(fields) != 4 {
		return logCommit{}, fmt.Errorf("a commit header with %d fields, want 4: %q", len(fields), header)
	}
	when, err := time.Parse(time.RFC3339, fields[1])
	if err != nil {
		return logCommit{}, fmt.Errorf("commit %s: author date %q: %w", fields[0], fields[1], err)
	}
	c := logCommit{commit: &Commit{ID: fields[0], Date: when.In(loc), Author: fields[2], Subject: fields[3]}}
	tokens := strings.Split(strings.TrimLeft(string(rest), "\n"), "\x00")
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if !strings.HasPrefix(t, ":") {
			continue
		}
		parts := strings.Fields(t)
		if len(parts) != 5 || i+1 >= len(tokens) || tokens[i+1] == "" {
			return logCommit{}, fmt.Errorf("commit %s: a raw entry without a status or path: %q", fields[0], t)
		}
		e := Entry{Status: parts[4][0], To: tokens[i+1], Blob: parts[3]}
		if e.Status == 'D' {
			e.Blob = ""
		}
		i++
		if e.Status == 'R' || e.Status == 'C' {
			if i+1 >= len(tokens) || tokens[i+1] == "" {
				return logCommit{}, fmt.Errorf("commit %s: a rename without its new path: %q", fields[0], t)
			}
			e.From, e.To = e.To, tokens[i+1]
			i++
		}
		c.changes = append(c.changes, e)
	}
	return c, nil
}

// files replays the commits, oldest first, into the history of each file
// that exists after the last and of each that was deleted on the way: a
// rename carries the history over to the new name, a deletion ends it.
func files(commits []logCommit) (map[string]*File, []*File) {
	out := map[string]*File{}
	var gone []*File
	for _, c := range commits {
		for _, ch := range c.changes {
			f := out[ch.To]
			switch ch.Status {
			case 'D':
				if f == nil {
					continue // deleted before the folder was read, as a shallow clone begins
				}
				delete(out, ch.To)
				f.add(c.commit, "", ch.To)
				f.Deleted = true
				gone = append(gone, f)
				continue
			case 'R':
				old := out[ch.From]
				delete(out, ch.From)
				if old != nil {
					old.Names = append(old.Names, ch.From)
				}
				if f != nil && f != old { // a rename onto a file that was there
					f.Deleted = true
					f.add(c.commit, "", ch.To)
					gone = append(gone, f)
				}
				f = old
			case 'C':
				if f != nil && !f.Deleted {
					gone = append(gone, f) // a copy over a file replaces it
					f.Deleted = true
					f.add(c.commit, "", ch.To)
				}
				f = nil
			}
			if f == nil {
				f = &File{}
			}
			f.Path = ch.To
			out[ch.To] = f
			f.add(c.commit, ch.Blob, ch.To)
		}
	}
	return out, gone
}

// add records that commit c left the file at path with content blob;
// a second change in one commit (a merge's) replaces the first.
func (f *File) add(c *Commit, blob, path string) {
	if n := len(f.Commits); n > 0 && f.Commits[n-1] == c {
		f.Blobs[n-1], f.Paths[n-1] = blob, path
		return
	}
	f.Commits = append(f.Commits, c)
	f.Blobs = append(f.Blobs, blob)
	f.Paths = append(f.Paths, path)
}

// parseStatus reads `git status --porcelain=v1 -z --no-renames`: entries
// "XY path" NUL, the paths relative to the repository's top; those under
// prefix are kept, relative to it.
func parseStatus(out []byte, prefix string) map[string]bool {
	dirty := map[string]bool{}
	for e := range strings.SplitSeq(string(out), "\x00") {
		if len(e) < 4 {
			continue
		}
		if path, ok := strings.CutPrefix(e[3:], prefix); ok {
			dirty[path] = true
		}
	}
	return dirty
}

// Revisions is how many commits touched the file.
func (f *File) Revisions() int { return len(f.Commits) }

// String describes the history in one line, for messages.
func (h *History) String() string {
	return strconv.Itoa(len(h.Commits)) + " commits, " + strconv.Itoa(len(h.Files)) + " files, head " + h.Head
}

// Blobs reads the contents of the git objects ids (blob ids from Files)
// in the repository of dir, in one git process (git cat-file --batch),
// whatever their number. Each id is read once.
func Blobs(ctx context.Context, dir string, ids []string) (map[string][]byte, error) {
	b, err := NewBatch(ctx, dir)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		b.Ask(id)
	}
	return b.Close()
}

// Batch reads the contents of git objects in one git process (git
// cat-file --batch) as they are asked for: git reads each while the
// asker goes on, and the contents are collected on a goroutine of the
// Batch's own. One goroutine asks.
type Batch struct {
	dir    string
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	stdin  io.WriteCloser
	in     *bufio.Writer
	asked  map[string]bool
	werr   error      // the first error writing to git
	read   chan error // the collector's end
	out    map[string][]byte
}

// NewBatch starts git cat-file --batch in the repository of dir.
func NewBatch(ctx context.Context, dir string) (*Batch, error) {
	args := []string{"cat-file", "--batch"}
	cmd, stderr := gitCommand(ctx, dir, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, gitError(dir, args, err, stderr)
	}
	b := &Batch{dir: dir, cmd: cmd, stderr: stderr, stdin: stdin, in: bufio.NewWriterSize(stdin, 16<<10),
		asked: map[string]bool{}, read: make(chan error, 1), out: map[string][]byte{}}
	go func() {
		err := readBatch(bufio.NewReaderSize(stdout, 256<<10), b.out)
		if err != nil {
			cmd.Process.Kill()
		}
		io.Copy(io.Discard, stdout)
		b.read <- err
	}()
	return b, nil
}

// Ask asks for the contents of the object id, unless it was asked for.
func (b *Batch) Ask(id string) {
	if b.asked[id] || b.werr != nil {
		return
	}
	b.asked[id] = true
	b.in.WriteString(id)
	if err := b.in.WriteByte('\n'); err != nil {
		b.werr = err
	}
}

// Close waits for the contents of every object asked for, and returns
// them by id; an object git does not have is an error.
func (b *Batch) Close() (map[string][]byte, error) {
	werr := b.werr
	if err := b.in.Flush(); werr == nil {
		werr = err
	}
	if err := b.stdin.Close(); werr == nil {
		werr = err
	}
	readErr := <-b.read
	waitErr := b.cmd.Wait()
	switch {
	case readErr != nil:
		return nil, fmt.Errorf("git cat-file in %s: %w", b.dir, readErr)
	case waitErr != nil:
		return nil, gitError(b.dir, []string{"cat-file"}, waitErr, b.stderr)
	case werr != nil:
		return nil, fmt.Errorf("git cat-file in %s: %w", b.dir, werr)
	case len(b.out) != len(b.asked):
		return nil, fmt.Errorf("git cat-file in %s: %d objects asked for, %d read", b.dir, len(b.asked), len(b.out))
	}
	return b.out, nil
}

// readBatch reads git cat-file --batch's answers until git ends them:
// "<id> <type> <size>" LF, the content, LF; or "<id> missing" LF.
func readBatch(r *bufio.Reader, out map[string][]byte) error {
	for {
		header, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) && header == "" {
			return nil
		}
		if err != nil {
			return fmt.Errorf("an object's header: %w", err)
		}
		f := strings.Fields(header)
		if len(f) == 2 && f[1] == "missing" {
			return fmt.Errorf("object %s: missing", f[0])
		}
		if len(f) != 3 {
			return fmt.Errorf("unexpected answer %q", strings.TrimSpace(header))
		}
		id := f[0]
		size, err := strconv.Atoi(f[2])
		if err != nil || size < 0 {
			return fmt.Errorf("object %s: unexpected size in %q", id, strings.TrimSpace(header))
		}
		data := make([]byte, size+1)
		if _, err := io.ReadFull(r, data); err != nil {
			return fmt.Errorf("object %s: %w", id, err)
		}
		out[id] = data[:size:size]
	}
}

// RevList returns the ids of the commits `git rev-list args` lists in the
// repository of dir: for a range of commits such as "v1.2..HEAD".
func RevList(ctx context.Context, dir string, args ...string) (map[string]bool, error) {
	out, err := git(ctx, dir, append([]string{"rev-list"}, append(args, "--")...)...)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id := range strings.FieldsSeq(string(out)) {
		ids[id] = true
	}
	return ids, nil
}
