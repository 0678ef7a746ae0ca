package watch

// The watcher on the real file system (inotify on Linux). Nothing here
// depends on timing except "arrives eventually": each test waits, with
// plenty of patience, for the paths it expects and checks what the batches
// hold.

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

const patience = 20 * time.Second

// watchFS starts a real watcher and checks, when the test ends, that it
// reported no error.
func watchFS(t *testing.T, roots ...string) *Watcher {
	t.Helper()
	w, err := New(roots, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu   sync.Mutex
		errs []error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		for err := range w.Errors() {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		<-done
		for _, err := range errs {
			t.Errorf("error reported: %v", err)
		}
	})
	return w
}

// waitFor reads batches until every path in want has been in one, and
// returns them. It fails on a batch with a path the default rules ignore.
func waitFor(t *testing.T, w *Watcher, want ...string) []Batch {
	t.Helper()
	missing := make(map[string]bool)
	for _, p := range want {
		missing[p] = true
	}
	var got []Batch
	deadline := time.After(patience)
	for len(missing) > 0 {
		select {
		case b, ok := <-w.Batches():
			if !ok {
				t.Fatal("Batches closed")
			}
			got = append(got, b)
			if !slices.IsSorted(b.Paths) || len(slices.Compact(slices.Clone(b.Paths))) != len(b.Paths) {
				t.Errorf("batch paths not sorted and unique: %v", b.Paths)
			}
			for _, p := range b.Paths {
				delete(missing, p)
				if !filepath.IsAbs(p) {
					t.Errorf("batch path %s is not absolute", p)
				}
				if defaultIgnore(p, false) {
					t.Errorf("batch has ignored path %s", p)
				}
			}
			if b.Overflow {
				t.Logf("events were lost (overflow): taking it as everything")
				return got
			}
		case <-deadline:
			t.Fatalf("after %v, never reported: %v (batches: %v)", patience, keys(missing), got)
		}
	}
	return got
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// onlyPaths fails unless every batch holds nothing but want.
func onlyPaths(t *testing.T, batches []Batch, want ...string) {
	t.Helper()
	for _, b := range batches {
		for _, p := range b.Paths {
			if !slices.Contains(want, p) {
				t.Errorf("unexpected path %s in batch %v; want only %v", p, b.Paths, want)
			}
		}
	}
}

func TestWriteDeepInTheTree(t *testing.T) {
	content := t.TempDir()
	page := filepath.Join(content, "a", "b", "c", "page.md")
	writeFile(t, page, "one")
	w := watchFS(t, content)
	writeFile(t, page, "two")
	batches := waitFor(t, w, page)
	if !slices.Equal(batches[0].Paths, []string{page}) {
		t.Errorf("first batch = %v, want just %s", batches[0].Paths, page)
	}
}

func TestNewFolderIsScannedAndWatched(t *testing.T) {
	content := t.TempDir()
	w := watchFS(t, content)
	// mkdir -p and a file at once: created before the watch on c can be.
	x := filepath.Join(content, "a", "b", "c", "x.md")
	writeFile(t, x, "x")
	waitFor(t, w, x, filepath.Join(content, "a"), filepath.Join(content, "a", "b"), filepath.Join(content, "a", "b", "c"))
	// Later writes inside the new folders are seen.
	y := filepath.Join(content, "a", "b", "c", "y.md")
	z := filepath.Join(content, "a", "z.md")
	writeFile(t, y, "y")
	writeFile(t, z, "z")
	waitFor(t, w, y, z)
	writeFile(t, x, "x again")
	waitFor(t, w, x)
}

func TestRemovedFolderIsReportedAndUnwatched(t *testing.T) {
	content := t.TempDir()
	gone := filepath.Join(content, "gone")
	files := []string{filepath.Join(gone, "1.md"), filepath.Join(gone, "sub", "2.md"), filepath.Join(gone, "sub", "deeper", "3.md")}
	for _, f := range files {
		writeFile(t, f, "f")
	}
	w := watchFS(t, content)
	if err := os.RemoveAll(gone); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, append(files, gone, filepath.Join(gone, "sub"))...)
	// Made again under the same names: watched again, as new folders.
	again := filepath.Join(gone, "sub", "deeper", "4.md")
	writeFile(t, again, "again")
	waitFor(t, w, again)
	more := filepath.Join(gone, "sub", "deeper", "5.md")
	writeFile(t, more, "more")
	waitFor(t, w, more)
	// watchFS's cleanup fails the test on any error reported meanwhile.
}

func TestRenamedFolderIsFollowedUnderItsNewName(t *testing.T) {
	content := t.TempDir()
	writeFile(t, filepath.Join(content, "old", "sub", "a.md"), "a")
	w := watchFS(t, content)
	if err := os.Rename(filepath.Join(content, "old"), filepath.Join(content, "new")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, filepath.Join(content, "old"), filepath.Join(content, "new"))
	b := filepath.Join(content, "new", "sub", "b.md")
	writeFile(t, b, "b")
	batches := waitFor(t, w, b)
	onlyPaths(t, batches, b, filepath.Join(content, "new", "sub", "a.md"), filepath.Join(content, "new", "sub"), filepath.Join(content, "new"), filepath.Join(content, "old"))
}

func TestEditorSaveByTempFileAndRename(t *testing.T) {
	content := t.TempDir()
	page := filepath.Join(content, "x.md")
	writeFile(t, page, "one")
	w := watchFS(t, content)

	tmp := filepath.Join(content, ".x.md.tmp")
	writeFile(t, tmp, "two")
	if err := os.Rename(tmp, page); err != nil {
		t.Fatal(err)
	}
	onlyPaths(t, waitFor(t, w, page), page)

	// vim: probe file, rename to a backup, write anew, remove the backup.
	probe := filepath.Join(content, "4913")
	writeFile(t, probe, "")
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(page, page+"~"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, page, "three")
	if err := os.Remove(page + "~"); err != nil {
		t.Fatal(err)
	}
	onlyPaths(t, waitFor(t, w, page), page)
}

func TestSingleFileRootDeletedAndRecreated(t *testing.T) {
	site := t.TempDir()
	toml := filepath.Join(site, "site.toml")
	writeFile(t, toml, "title = 'a'")
	w := watchFS(t, toml)
	// A sibling is not watched.
	writeFile(t, filepath.Join(site, "README.md"), "not watched")

	if err := os.Remove(toml); err != nil {
		t.Fatal(err)
	}
	onlyPaths(t, waitFor(t, w, toml), toml)
	writeFile(t, toml, "title = 'b'")
	onlyPaths(t, waitFor(t, w, toml), toml)
	// Saved by an editor that renames over it, then written in place.
	tmp := filepath.Join(site, ".site.toml.tmp")
	writeFile(t, tmp, "title = 'c'")
	if err := os.Rename(tmp, toml); err != nil {
		t.Fatal(err)
	}
	onlyPaths(t, waitFor(t, w, toml), toml)
	writeFile(t, toml, "title = 'd'")
	onlyPaths(t, waitFor(t, w, toml), toml)
}

func TestBurstLikeAGitCheckout(t *testing.T) {
	content := t.TempDir()
	// Half the folders exist, half are created by the checkout.
	for i := range 25 {
		mkdirs(t, filepath.Join(content, fmt.Sprintf("d%02d", i)))
	}
	w := watchFS(t, content)
	var want []string
	for i := range 50 {
		for j := range 10 {
			want = append(want, filepath.Join(content, fmt.Sprintf("d%02d", i), fmt.Sprintf("f%d.md", j)))
		}
	}
	// The files are written while the batches are read, as the dev
	// server would.
	begin := time.Now()
	var wrote time.Duration
	writing := make(chan error, 1)
	go func() {
		defer close(writing)
		for _, p := range want {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				writing <- err
				return
			}
			if err := os.WriteFile(p, []byte(p), 0o644); err != nil {
				writing <- err
				return
			}
		}
		wrote = time.Since(begin)
	}()
	batches := waitFor(t, w, want...)
	if err := <-writing; err != nil {
		t.Fatal(err)
	}
	t.Logf("500 files in 50 folders written in %v, reported in %v, in %d batches", wrote, time.Since(begin), len(batches))
	// A batch per MaxWait of writing at most: 20 for a machine that
	// writes the burst in up to a second, more for a slower one.
	if limit := max(20, 2+int(wrote/defaultMaxWait)); len(batches) > limit {
		t.Errorf("%d batches for one burst written in %v, want at most %d", len(batches), wrote, limit)
	}
}

func TestCloseWithPendingEventsLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	content := t.TempDir()
	w, err := New([]string{content}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		writeFile(t, filepath.Join(content, fmt.Sprintf("d%d", i), "x.md"), "x")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for range w.Batches() {
		// closed by Close: a batch taken before it stopped is all there may be
	}
	deadline := time.Now().Add(patience)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after Close, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestIgnoredNamesNeverAppear(t *testing.T) {
	content := t.TempDir()
	writeFile(t, filepath.Join(content, "public", "old.html"), "o")
	w := watchFS(t, content)
	for _, p := range []string{
		".hidden.md", "#x.md#", ".#x.md", "x.md~", ".x.md.swp", "x.md.swx", "x.md.tmp", "4913",
		"public/index.html", "public/old.html", "node_modules/m/x.js", ".git/HEAD", "a/.git/objects/ab",
	} {
		writeFile(t, filepath.Join(content, filepath.FromSlash(p)), "ignored")
	}
	visible := filepath.Join(content, "visible.md")
	writeFile(t, visible, "v")
	batches := waitFor(t, w, visible, filepath.Join(content, "a"))
	onlyPaths(t, batches, visible, filepath.Join(content, "a"))
	// Removing the ignored folders is not reported either.
	for _, d := range []string{"public", "node_modules", ".git"} {
		if err := os.RemoveAll(filepath.Join(content, d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(visible); err != nil {
		t.Fatal(err)
	}
	onlyPaths(t, waitFor(t, w, visible), visible)
}

func TestMissingRootIsPickedUpWhenCreated(t *testing.T) {
	site := t.TempDir()
	themes := filepath.Join(site, "themes")
	w := watchFS(t, themes)
	page := filepath.Join(themes, "mine", "layouts", "page.html")
	writeFile(t, page, "p")
	waitFor(t, w, themes, page)
	// Its files are watched.
	writeFile(t, page, "p2")
	waitFor(t, w, page)
	// Removed and made again: still followed.
	if err := os.RemoveAll(themes); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, themes, page)
	again := filepath.Join(themes, "again.html")
	writeFile(t, again, "a")
	waitFor(t, w, again)
	writeFile(t, again, "a2")
	waitFor(t, w, again)
}

func TestMissingRootSeveralLevelsDown(t *testing.T) {
	site := t.TempDir()
	root := filepath.Join(site, "x", "y", "z")
	w := watchFS(t, root)
	mkdirs(t, filepath.Join(site, "x"))
	mkdirs(t, filepath.Join(site, "x", "y"))
	page := filepath.Join(root, "page.md")
	writeFile(t, page, "p")
	waitFor(t, w, page)
	writeFile(t, page, "p2")
	waitFor(t, w, page)
}
