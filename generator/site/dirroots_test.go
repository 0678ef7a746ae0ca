package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestDirRootsIsAFileSystem checks dirRoots against the fs.FS contract
// (testing/fstest) on a tree some folders deep, and that a symbolic link
// out of the folder is refused as os.Root refuses it, at any depth.
func TestDirRootsIsAFileSystem(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("roles/cpo.md", "cpo")
	write("backlogs/cluster/cbi-1.md", "item")
	write("backlogs/cluster/cbi-2.md", "item 2")
	write("backlogs/_index.md", "intro")
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "backlogs", "cluster", "out.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	d, err := openDirRoots(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := fs.ReadFile(d, "backlogs/cluster/out.md"); err == nil {
		t.Fatal("read a file outside the folder through a symbolic link")
	} else if pe, ok := errors.AsType[*fs.PathError](err); !ok || pe.Path != "backlogs/cluster/out.md" {
		t.Errorf("error %v does not name the path from the top folder", err)
	}
	if _, err := d.Open("../x"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("Open(../x) = %v, want fs.ErrInvalid", err)
	}
	if err := os.Remove(filepath.Join(dir, "backlogs", "cluster", "out.md")); err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(d, "roles/cpo.md", "backlogs/cluster/cbi-1.md", "backlogs/cluster/cbi-2.md", "backlogs/_index.md"); err != nil {
		t.Error(err)
	}
}
