package harness

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
)

// TestMain lets the test binary stand in for a command run through Main:
// WriteCorpus runs it with corpusEnv set.
func TestMain(m *testing.M) {
	if _, ok := os.LookupEnv(corpusEnv); ok {
		Main("harness.test", func(context.Context, []string, io.Writer, io.Writer) error {
			return errors.New("Main ran the command instead of writing the corpus")
		})
	}
	os.Exit(m.Run())
}

func TestMedianAndPercentile(t *testing.T) {
	tests := []struct {
		in     []int64
		median float64
		p90    int64
	}{
		{nil, 0, 0},
		{[]int64{5}, 5, 5},
		{[]int64{3, 1, 2}, 2, 3},
		{[]int64{4, 1, 3, 2}, 2.5, 4},
		{[]int64{10, 10, 40, 10}, 10, 40},
		{[]int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 100}, 5.5, 9}, // the 9th of 10
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		if got := Median(tt.in); got != tt.median {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.median)
		}
		if got := Percentile(tt.in, 90); got != tt.p90 {
			t.Errorf("Percentile(%v, 90) = %v, want %v", tt.in, got, tt.p90)
		}
		if !slices.Equal(in, tt.in) {
			t.Errorf("the statistics reordered their input %v", tt.in)
		}
	}
	if got := Median([]time.Duration{time.Second, 3 * time.Second}); got != float64(2*time.Second) {
		t.Errorf("Median of durations = %v", got)
	}
}

func TestParseHugoVersionAndAtLeast(t *testing.T) {
	tests := []struct {
		out, want string
		anchor    bool // at least HugoAnchor
	}{
		{"hugo v0.165.0 linux/amd64 BuildDate=unknown\n", "v0.165.0", true},
		{"hugo v0.165.0-2f0d8e4+extended linux/amd64 BuildDate=2026-01-01", "v0.165.0", true},
		{"hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1", "v0.111.3", false},
		{"hugo v0.170.2 darwin/arm64", "v0.170.2", true},
		{"hugo v1.0.0 linux/amd64", "v1.0.0", true},
		{"hugo v0.164.9 linux/amd64", "v0.164.9", false},
		{"Hugo Static Site Generator", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseHugoVersion(tt.out)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseHugoVersion(%q) = %q, %v; want %q", tt.out, got, ok, tt.want)
		}
		if AtLeast(got, HugoAnchor) != tt.anchor {
			t.Errorf("AtLeast(%q, %q) = %v", got, HugoAnchor, !tt.anchor)
		}
	}
}

// fakeHugo writes a script that prints a version as hugo does.
func fakeHugo(t *testing.T, dir, version string) string {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	path := filepath.Join(dir, "hugo")
	script := "#!/bin/sh\necho 'hugo " + version + " linux/amd64 BuildDate=unknown'\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFindHugo(t *testing.T) {
	ctx := context.Background()
	old, cached := t.TempDir(), t.TempDir()
	fakeHugo(t, old, "v0.111.3")
	anchor := fakeHugo(t, filepath.Join(mkdir(t, cached, "hugo-"+HugoAnchor)), "v"+HugoAnchor)

	// Named: used as it is, even when older, and said so.
	h, err := FindHugo(ctx, filepath.Join(old, "hugo"), cached, io.Discard)
	if err != nil || h.Version != "v0.111.3" || !strings.Contains(h.Note, "older") {
		t.Errorf("named old hugo: %+v, %v", h, err)
	}
	// Not named, PATH has an old one: the cached build of the anchor.
	t.Setenv("PATH", old)
	var progress bytes.Buffer
	h, err = FindHugo(ctx, "", cached, &progress)
	if err != nil || h.Path != anchor || h.Version != "v"+HugoAnchor || !strings.Contains(h.Note, "cache") {
		t.Errorf("old hugo on PATH: %+v, %v; want the build in the cache", h, err)
	}
	if !strings.Contains(progress.String(), "older than") {
		t.Errorf("progress %q does not say why the hugo on PATH is not used", progress.String())
	}
	// Not named, PATH has the anchor: that one.
	t.Setenv("PATH", filepath.Dir(anchor))
	if h, err = FindHugo(ctx, "", t.TempDir(), io.Discard); err != nil || h.Path != anchor || h.Note != "on PATH" {
		t.Errorf("anchor on PATH: %+v, %v", h, err)
	}
	// none: no Hugo.
	if h, err = FindHugo(ctx, "none", cached, io.Discard); err != nil || h.Path != "" || !strings.Contains(h.String(), "not measured") {
		t.Errorf("-hugo none: %+v, %v", h, err)
	}
}

func mkdir(t *testing.T, parts ...string) string {
	t.Helper()
	dir := filepath.Join(parts...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRunMeasuresAndQuotesAFailure(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	m, err := Run(context.Background(), time.Minute, "sh", "-c", "echo out")
	if err != nil || string(m.Output) != "out\n" || m.Wall <= 0 {
		t.Errorf("Run = %+v, %v", m, err)
	}
	_, err = Run(context.Background(), time.Minute, "sh", "-c", "echo no such page >&2; exit 3")
	if err == nil || !strings.Contains(err.Error(), "no such page") {
		t.Errorf("got error %v, want one quoting the output", err)
	}
}

func TestWriteCorpusInAChild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := WriteCorpus(context.Background(), dir, corpus.MinPages, 1); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"site.toml", "hugo.toml", "content/roles/product-owner.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the child wrote no %s: %v", f, err)
		}
	}
	if err := writeCorpusChild("nothing"); err == nil {
		t.Error("a malformed corpus spec was taken")
	}
}

func TestParseRefusesArguments(t *testing.T) {
	fs := Flags("x", io.Discard)
	fs.Bool("v", false, "")
	if err := Parse(fs, []string{"-v", "extra"}); err == nil || !strings.Contains(err.Error(), "extra") {
		t.Errorf("Parse took an argument: %v", err)
	}
	if err := Parse(Flags("x", io.Discard), []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h gave %v, want flag.ErrHelp", err)
	}
}

func TestTable(t *testing.T) {
	tb := &Table{Title: "Builds", Head: []string{"tool", "wall"}, Right: []bool{false, true}}
	tb.Add("backlight", "1.20 s")
	tb.Add("a|b", "2.00 s")
	var text, md bytes.Buffer
	tb.Text(&text)
	tb.Markdown(&md)
	if want := "Builds\n\ntool       wall    \n----       ----    \nbacklight  1.20 s  \na|b        2.00 s  \n\n"; text.String() != want {
		t.Errorf("Text:\n%q\nwant\n%q", text.String(), want)
	}
	if want := "### Builds\n\n| tool | wall |\n|---|---:|\n| backlight | 1.20 s |\n| a\\|b | 2.00 s |\n\n"; md.String() != want {
		t.Errorf("Markdown:\n%q\nwant\n%q", md.String(), want)
	}
}

func TestRatioAndMs(t *testing.T) {
	for _, tt := range []struct {
		a, b float64
		want string
	}{{1, 4, "0.25"}, {5, 2, "2.50"}, {1.4, 100, "0.014"}, {0, 2, "–"}, {1, 0, "–"}} {
		if got := Ratio(tt.a, tt.b); got != tt.want {
			t.Errorf("Ratio(%v, %v) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
	for d, want := range map[time.Duration]string{0: "–", 1500 * time.Microsecond: "1.5 ms", 250 * time.Millisecond: "250 ms", 3210 * time.Millisecond: "3.21 s"} {
		if got := Ms(d); got != want {
			t.Errorf("Ms(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestRootsFlagRepeatsAndDefaultsToThisCheckout(t *testing.T) {
	fs := Flags("t", io.Discard)
	rs := RootsFlag(fs, "measure")
	if err := Parse(fs, nil); err != nil {
		t.Fatal(err)
	}
	if got := rs.OrThis(); len(got) != 1 || got[0] != "../.." {
		t.Errorf("no -root: %q, want this checkout", got)
	}
	fs = Flags("t", io.Discard)
	rs = RootsFlag(fs, "measure")
	if err := Parse(fs, []string{"-root", "/tmp/old", "-root", "."}); err != nil {
		t.Fatal(err)
	}
	if got := rs.OrThis(); len(got) != 2 || got[0] != "/tmp/old" || got[1] != "." || rs.String() != "/tmp/old,." {
		t.Errorf("two -root flags: %q", got)
	}
}
