package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/internal/corpus"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in      string
		want    []int
		wantErr bool
	}{
		{in: "1000,10000", want: []int{1000, 10000}},
		{in: " 500 , 2000", want: []int{500, 2000}},
		{in: "1000,", wantErr: true},
		{in: "ten", wantErr: true},
		{in: "10", wantErr: true}, // below corpus.MinPages
	}
	for _, tt := range tests {
		got, err := parseSizes(tt.in)
		if (err != nil) != tt.wantErr || !slices.Equal(got, tt.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// fakeTool returns a stand-in for a build tool that exits at once.
func fakeTool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true command to stand in for a build tool")
	}
	return path
}

func TestMeasureTreeRunsBothToolsOnACorpus(t *testing.T) {
	tool := fakeTool(t)
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "public", "stale.html")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := config{backlight: tool, hugo: tool, runs: 2}
	r, err := measureTree(cfg, dir, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if r.pages != corpus.MinPages || r.hugo == nil || r.backlight.wall <= 0 {
		t.Errorf("got %d pages, hugo %v, wall %v; want %d pages measured by both tools", r.pages, r.hugo, r.backlight.wall, corpus.MinPages)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("got %v for a file of an earlier build, want it removed before the runs", err)
	}
}

func TestRunOnceReportsAFailingBuildWithItsOutput(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	_, err := runOnce("sh", "-c", "echo no such page >&2; exit 3")
	if err == nil || !strings.Contains(err.Error(), "no such page") {
		t.Errorf("got error %v, want one quoting the build's output", err)
	}
}

func TestPrintTableShowsRatiosToHugo(t *testing.T) {
	rows := []row{{
		pages:     1000,
		backlight: result{wall: 500 * time.Millisecond, rss: 50 << 20},
		hugo:      &result{wall: 2 * time.Second, rss: 200 << 20},
	}}
	var out bytes.Buffer
	printTable(&out, config{runs: 3, backlight: "bin/backlight"}, rows)
	for _, want := range []string{"2000", "500", "0.25", "50.0", "200.0", "hugo"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}
