package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeCorpus writes a corpus into a fresh temporary directory.
func writeCorpus(t *testing.T, opts Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(dir, opts); err != nil {
		t.Fatalf("Write(%+v): %v", opts, err)
	}
	return dir
}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("got %d files, want %d", len(b), len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Fatalf("%s differs between two writes of the same options", name)
		}
	}
}

func TestWriteIsDeterministic(t *testing.T) {
	opts := Options{Pages: 1000, Seed: 7}
	first := readTree(t, writeCorpus(t, opts))
	sameTree(t, first, readTree(t, writeCorpus(t, opts)))
}

func TestWriteDoesNotDependOnTheNumberOfCores(t *testing.T) {
	opts := Options{Pages: 1000, Seed: 3}
	many := readTree(t, writeCorpus(t, opts))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	sameTree(t, many, readTree(t, writeCorpus(t, opts)))
}

func TestSeedsGiveDifferentCorpora(t *testing.T) {
	a := readTree(t, writeCorpus(t, Options{Pages: MinPages, Seed: 1}))
	b := readTree(t, writeCorpus(t, Options{Pages: MinPages, Seed: 2}))
	same := 0
	for name, data := range a {
		if bytes.Equal(data, b[name]) {
			same++
		}
	}
	if same > len(a)/2 {
		t.Errorf("got %d of %d files alike for seeds 1 and 2, want most to differ", same, len(a))
	}
}

func TestWriteRefusesANonEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{Pages: MinPages}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("got error %v, want one saying the directory is not empty", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); !os.IsNotExist(err) {
		t.Errorf("got %v for content/, want nothing written", err)
	}
}

func TestWriteRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(file, Options{Pages: MinPages}); err == nil {
		t.Error("got no error writing into a file, want one")
	}
}

func TestWriteRefusesTooFewPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Write(dir, Options{Pages: MinPages - 1}); err == nil {
		t.Errorf("got no error for %d pages, want one", MinPages-1)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("got %v for the directory, want it not created", err)
	}
}

func TestWriteAcceptsAnEmptyDirectoryAndWritesHugoFiles(t *testing.T) {
	dir := t.TempDir()
	s, err := Write(dir, Options{Pages: MinPages, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages != MinPages || s.Bytes <= 0 {
		t.Errorf("got summary %v, want %d pages", s, MinPages)
	}
	for _, f := range []string{"site.toml", "hugo.toml", "layouts/_default/single.html", "layouts/partials/ref.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("got %v, want %s written", err, f)
		}
	}
}
