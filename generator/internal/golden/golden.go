// Package golden compares test output with files committed beside the
// tests (testdata, docs written from code) and rewrites those files when
// the test binary runs with -update.
//
// It defines the one -update flag of the module's tests: a package whose
// tests compare output with files uses File, Tree or Update, never a flag
// of its own. `make golden` runs every package whose tests import this
// one with -update; review the diff like code.
package golden

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the expected output of golden tests (testdata, generated docs) instead of comparing with it")

// Update reports whether the tests run with -update, for tests that
// rewrite their expectations in a way of their own (a section of an
// archive, say).
func Update() bool { return *update }

// hint is what every difference says about rewriting the expectation.
const hint = "make golden (or go test -update in this package) rewrites it; review the diff"

// File compares got with the file at path, or writes got there (and the
// folders above it) under -update. A missing file counts as empty, so an
// empty expectation need not be committed.
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !(errors.Is(err, fs.ErrNotExist) && len(got) == 0) {
		t.Fatalf("golden: %v (%s)", err, hint)
		return // for a testing.TB whose Fatalf returns
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (%s):\n%s", path, hint, Diff(want, got))
	}
}

// Tree compares every file under the folder got with the file of the
// same path under want, both ways, leaving out the paths skip accepts
// (slash paths relative to the folders; skip may be nil). Under -update
// it replaces want with got's files instead.
func Tree(t testing.TB, got, want string, skip func(rel string) bool) {
	t.Helper()
	if skip == nil {
		skip = func(string) bool { return false }
	}
	if *update {
		if err := os.RemoveAll(want); err != nil {
			t.Fatalf("golden: %v", err)
		}
	}
	gotFiles := ReadTree(t, got)
	for rel, data := range gotFiles {
		if !skip(rel) {
			File(t, filepath.Join(want, filepath.FromSlash(rel)), data)
		}
	}
	if *update {
		return
	}
	for rel := range ReadTree(t, want) {
		if _, ok := gotFiles[rel]; !ok && !skip(rel) {
			t.Errorf("the output no longer has %s, which %s has (%s)", rel, want, hint)
		}
	}
}

// ReadTree returns every file under root by slash path relative to it;
// a missing root is an empty tree.
func ReadTree(t testing.TB, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("golden: reading %s: %v", root, err)
	}
	return out
}

// maxDiffLines caps the lines Diff shows of each side.
const maxDiffLines = 40

// Diff shows how got differs from want: the lines they share at the start
// and at the end are left out, and the lines between are listed with
// their line numbers, want's with "-" and got's with "+". Texts that are
// not UTF-8 are only measured.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return "(no difference)"
	}
	if !utf8.Valid(want) || !utf8.Valid(got) {
		return "binary contents differ: want " + strconv.Itoa(len(want)) + " bytes, got " + strconv.Itoa(len(got))
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	pre := 0
	for pre < len(wl) && pre < len(gl) && wl[pre] == gl[pre] {
		pre++
	}
	suf := 0
	for suf < len(wl)-pre && suf < len(gl)-pre && wl[len(wl)-1-suf] == gl[len(gl)-1-suf] {
		suf++
	}
	var b strings.Builder
	lines(&b, "-", wl[pre:len(wl)-suf], pre)
	lines(&b, "+", gl[pre:len(gl)-suf], pre)
	return b.String()
}

// lines writes ls, the lines of one side from line first+1 on, marked.
func lines(b *strings.Builder, mark string, ls []string, first int) {
	for i, l := range ls {
		if i == maxDiffLines {
			b.WriteString(mark + " … " + strconv.Itoa(len(ls)-i) + " more lines\n")
			return
		}
		b.WriteString(mark + strconv.Itoa(first+i+1) + ": " + l + "\n")
	}
}
