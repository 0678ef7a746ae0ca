package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunWritesTheCorpusAndSaysWhat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-out", dir, "-pages", "300"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "300 pages") {
		t.Errorf("summary %q does not give the page count", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		t.Errorf("no hugo.toml beside the content: %v", err)
	}
}

func TestRunNeedsAFolder(t *testing.T) {
	for _, args := range [][]string{nil, {"-out", "x", "extra"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) took it", args)
		}
	}
}
