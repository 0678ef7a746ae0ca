package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteNewFile checks the build's own file writer against what
// os.WriteFile does: a new file, a shorter file over a longer one, an
// empty file, a large one, and an error that names the file.
func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	large := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	for _, tc := range []struct {
		name   string
		before []byte // written first, when not nil
		data   []byte
	}{
		{"new.html", nil, []byte("<p>new</p>")},
		{"shorter.html", []byte("a much longer earlier content"), []byte("short")},
		{"empty.html", []byte("not empty before"), []byte{}},
		{"large.bin", nil, large},
	} {
		name := filepath.Join(dir, tc.name)
		if tc.before != nil {
			if err := os.WriteFile(name, tc.before, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if err := writeNewFile(name, tc.data); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, tc.data) {
			t.Errorf("%s: read back %d bytes, want %d", tc.name, len(got), len(tc.data))
		}
		if tc.before == nil {
			if fi, err := os.Stat(name); err != nil || fi.Mode().Perm()&^0o022 != 0o644&^0o022 {
				t.Errorf("%s: mode %v (%v), want 0644 less the umask", tc.name, fi.Mode(), err)
			}
		}
	}
	missing := filepath.Join(dir, "no-such-folder", "index.html")
	err := writeNewFile(missing, []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("into a missing folder: %v, want a not-exist error naming %s", err, missing)
	}
}
