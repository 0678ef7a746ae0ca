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
	return h, h.Log(ctx, dir, loc)
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
// commits and the history of each of its files.
func (h *History) Log(ctx context.Context, dir string, loc *time.Location) error {
	args := logArgs
	if h.Prefix == "" {
		// The folder is the repository: no path to filter by, which
		// spares git a tenth of its work on a long history.
		args = slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == "--relative" || a == "--" || a == "." })
	}
	log, err := git(ctx, dir, args...)
	if err != nil {
		return err
	}
	commits, err := parseLog(log, loc)
	if err != nil {
		return fmt.Errorf("git log in %s: %w", dir, err)
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
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, fmt.Errorf("read the history of %s: %w", dir, ErrNoGit)
	case err != nil && strings.Contains(stderr.String(), "not a git repository"):
		return nil, fmt.Errorf("read the history of %s: %w", dir, ErrNotWorkTree)
	case err != nil:
		return nil, fmt.Errorf("git %s in %s: %w: %s", args[0], dir, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// change is what one commit did to one file.
type change struct {
	status   byte   // A, M, D, R, C, T
	from, to string // to is the path after the commit; from is the one before, for R and C
	blob     string // the content's object id after the commit ("" when deleted)
}

// logCommit is a commit and what it changed.
type logCommit struct {
	commit  *Commit
	changes []change
}

// parseLog reads `git log -z --raw --format=%x1e%H%x1f%aI%x1f%an%x1f%s`:
// records that start with \x1e, each a header of four \x1f-separated
// fields ended by NUL, then the raw entries, ":modes ids STATUS" NUL
// path NUL (and a second path NUL for a rename or copy). It returns the
// commits oldest first.
func parseLog(out []byte, loc *time.Location) ([]logCommit, error) {
	var commits []logCommit
	for rec := range bytes.SplitSeq(out, []byte{0x1e}) {
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		header, rest, _ := bytes.Cut(rec, []byte{0})
		fields := strings.Split(string(header), "\x1f")
		if len(fields) != 4 {
			return nil, fmt.Errorf("a commit header with %d fields, want 4: %q", len(fields), header)
		}
		when, err := time.Parse(time.RFC3339, fields[1])
		if err != nil {
			return nil, fmt.Errorf("commit %s: author date %q: %w", fields[0], fields[1], err)
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
				return nil, fmt.Errorf("commit %s: a raw entry without a status or path: %q", fields[0], t)
			}
			ch := change{status: parts[4][0], to: tokens[i+1], blob: parts[3]}
			if ch.status == 'D' {
				ch.blob = ""
			}
			i++
			if ch.status == 'R' || ch.status == 'C' {
				if i+1 >= len(tokens) || tokens[i+1] == "" {
					return nil, fmt.Errorf("commit %s: a rename without its new path: %q", fields[0], t)
				}
				ch.from, ch.to = ch.to, tokens[i+1]
				i++
			}
			c.changes = append(c.changes, ch)
		}
		commits = append(commits, c)
	}
	slices.Reverse(commits) // git log writes the newest first
	return commits, nil
}

// files replays the commits, oldest first, into the history of each file
// that exists after the last and of each that was deleted on the way: a
// rename carries the history over to the new name, a deletion ends it.
func files(commits []logCommit) (map[string]*File, []*File) {
	out := map[string]*File{}
	var gone []*File
	for _, c := range commits {
		for _, ch := range c.changes {
			f := out[ch.to]
			switch ch.status {
			case 'D':
				if f == nil {
					continue // deleted before the folder was read, as a shallow clone begins
				}
				delete(out, ch.to)
				f.add(c.commit, "", ch.to)
				f.Deleted = true
				gone = append(gone, f)
				continue
			case 'R':
				old := out[ch.from]
				delete(out, ch.from)
				if old != nil {
					old.Names = append(old.Names, ch.from)
				}
				if f != nil && f != old { // a rename onto a file that was there
					f.Deleted = true
					f.add(c.commit, "", ch.to)
					gone = append(gone, f)
				}
				f = old
			case 'C':
				if f != nil && !f.Deleted {
					gone = append(gone, f) // a copy over a file replaces it
					f.Deleted = true
					f.add(c.commit, "", ch.to)
				}
				f = nil
			}
			if f == nil {
				f = &File{}
			}
			f.Path = ch.to
			out[ch.to] = f
			f.add(c.commit, ch.blob, ch.to)
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
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	out := make(map[string][]byte, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("read the history of %s: %w", dir, ErrNoGit)
		}
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, err)
	}
	written := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			w.WriteString(id)
			w.WriteByte('\n')
		}
		err := w.Flush()
		stdin.Close()
		written <- err
	}()
	readErr := readBatch(bufio.NewReaderSize(stdout, 64<<10), ids, out)
	if readErr != nil {
		cmd.Process.Kill()
	}
	io.Copy(io.Discard, stdout)
	waitErr := cmd.Wait()
	writeErr := <-written
	switch {
	case readErr != nil:
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, readErr)
	case waitErr != nil:
		return nil, fmt.Errorf("git cat-file in %s: %w: %s", dir, waitErr, strings.TrimSpace(stderr.String()))
	case writeErr != nil:
		return nil, fmt.Errorf("git cat-file in %s: %w", dir, writeErr)
	}
	return out, nil
}

// readBatch reads git cat-file --batch's answers to ids, in their order:
// "<id> <type> <size>" LF, the content, LF; or "<id> missing" LF.
func readBatch(r *bufio.Reader, ids []string, out map[string][]byte) error {
	for _, id := range ids {
		header, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("object %s: %w", id, err)
		}
		f := strings.Fields(header)
		if len(f) != 3 || f[0] != id {
			return fmt.Errorf("object %s: unexpected answer %q", id, strings.TrimSpace(header))
		}
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
	return nil
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
