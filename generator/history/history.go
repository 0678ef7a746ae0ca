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
	"bytes"
	"context"
	"errors"
	"fmt"
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
	Path    string    // its name now, slash path relative to the folder read
	Commits []*Commit // the commits that touched it under any of its names, oldest first
	Names   []string  // the names it had before, oldest first; none when it was never renamed
}

// Created is the first commit that touched the file.
func (f *File) Created() *Commit { return f.Commits[0] }

// Updated is the last commit that touched the file.
func (f *File) Updated() *Commit { return f.Commits[len(f.Commits)-1] }

// History is what git knows of one folder at one commit.
type History struct {
	Head    string // the commit checked out
	Shallow bool   // a shallow clone: the oldest commits are missing, so dates would be wrong
	Commits []*Commit
	Files   map[string]*File // the files that exist at Head, by their path now
	Dirty   map[string]bool  // files with changes the work tree has and Head has not (new ones too)
}

// Read reads the history of the folder dir, which must be inside a git
// work tree, with dates in loc. It runs git three times: for the
// repository's state, for the log of the folder and for the state of the
// work tree.
func Read(ctx context.Context, dir string, loc *time.Location) (*History, error) {
	state, err := git(ctx, dir, "rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(state), "\n"), "\n")
	if len(lines) != 3 {
		return nil, fmt.Errorf("git rev-parse in %s: unexpected output %q", dir, state)
	}
	h := &History{Shallow: lines[0] == "true", Head: lines[2]}
	prefix := lines[1] // the folder's path from the repository's top, "site/" or ""
	log, err := git(ctx, dir, "log", "-z", "--raw", "-M", "--no-abbrev", "--relative", "--no-color",
		"--format=%x1e%H%x1f%aI%x1f%an%x1f%s", "--", ".")
	if err != nil {
		return nil, err
	}
	commits, err := parseLog(log, loc)
	if err != nil {
		return nil, fmt.Errorf("git log in %s: %w", dir, err)
	}
	h.Files = files(commits)
	for _, c := range commits {
		h.Commits = append(h.Commits, c.commit)
	}
	status, err := git(ctx, dir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".")
	if err != nil {
		return nil, err
	}
	h.Dirty = parseStatus(status, prefix)
	return h, nil
}

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
			status := t[strings.LastIndexByte(t, ' ')+1:]
			if status == "" || i+1 >= len(tokens) || tokens[i+1] == "" {
				return nil, fmt.Errorf("commit %s: a raw entry without a status or path: %q", fields[0], t)
			}
			ch := change{status: status[0], to: tokens[i+1]}
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
// that exists after the last: a rename carries the history over to the
// new name, a deletion ends it.
func files(commits []logCommit) map[string]*File {
	out := map[string]*File{}
	for _, c := range commits {
		for _, ch := range c.changes {
			switch ch.status {
			case 'D':
				delete(out, ch.to)
			case 'R':
				f := out[ch.from]
				delete(out, ch.from)
				if f == nil {
					f = &File{}
				} else {
					f.Names = append(f.Names, ch.from)
				}
				f.Path = ch.to
				f.Commits = append(f.Commits, c.commit)
				out[ch.to] = f
			case 'C':
				out[ch.to] = &File{Path: ch.to, Commits: []*Commit{c.commit}}
			default: // A, M, T
				f := out[ch.to]
				if f == nil {
					f = &File{Path: ch.to}
					out[ch.to] = f
				}
				if len(f.Commits) == 0 || f.Commits[len(f.Commits)-1] != c.commit {
					f.Commits = append(f.Commits, c.commit)
				}
			}
		}
	}
	return out
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
