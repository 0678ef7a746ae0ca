package golden

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestDiffShowsTheLinesBetweenTheSharedStartAndEnd(t *testing.T) {
	for _, tc := range []struct{ name, want, got, diff string }{
		{"same", "a\nb\n", "a\nb\n", "(no difference)"},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", "-2: b\n+2: B\n"},
		{"added line", "a\nc\n", "a\nb\nc\n", "+2: b\n"},
		{"removed line", "a\nb\nc\n", "a\nc\n", "-2: b\n"},
		{"final line break", "a\n", "a", "-2: \n"},
		{"binary", "\xff\x00", "\xfe", "binary contents differ: want 2 bytes, got 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Diff([]byte(tc.want), []byte(tc.got)); got != tc.diff {
				t.Errorf("Diff = %q, want %q", got, tc.diff)
			}
		})
	}
}

func TestDiffShowsAtMostMaxDiffLinesOfEachSide(t *testing.T) {
	got := Diff(nil, []byte(strings.Repeat("x\n", maxDiffLines+10)))
	if n := strings.Count(got, "\n+"); n != maxDiffLines {
		t.Errorf("got %d further lines, want %d:\n%s", n, maxDiffLines, got)
	}
	if !strings.Contains(got, "+ … 10 more lines\n") {
		t.Errorf("the diff does not say how many lines it left out:\n%s", got)
	}
}

// recorder is a testing.TB that keeps what the helpers report.
type recorder struct {
	testing.TB
	reports []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.reports = append(r.reports, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

// skipUnderUpdate skips a test of comparing, which -update turns into
// writing.
func skipUnderUpdate(t *testing.T) {
	if Update() {
		t.Skip("-update writes instead of comparing")
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFileReportsOnlyADifference(t *testing.T) {
	skipUnderUpdate(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "want.txt"), "one\ntwo\n")
	for _, tc := range []struct {
		name, path, got string
		report          string // a part of the one report wanted, "" for none
	}{
		{"equal", "want.txt", "one\ntwo\n", ""},
		{"different", "want.txt", "one\n2\n", "-2: two\n+2: 2\n"},
		{"missing, empty output", "none.txt", "", ""},
		{"missing, some output", "none.txt", "x", "no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{TB: t}
			File(r, filepath.Join(dir, tc.path), []byte(tc.got))
			if tc.report == "" && len(r.reports) > 0 {
				t.Errorf("reported %q, want nothing", r.reports)
			}
			if tc.report != "" && (len(r.reports) != 1 || !strings.Contains(r.reports[0], tc.report)) {
				t.Errorf("reported %q, want one report with %q", r.reports, tc.report)
			}
		})
	}
}

func TestTreeComparesBothWaysAndSkips(t *testing.T) {
	skipUnderUpdate(t)
	got, want := filepath.Join(t.TempDir(), "got"), filepath.Join(t.TempDir(), "want")
	write(t, filepath.Join(got, "a/x.txt"), "x")
	write(t, filepath.Join(got, "new.txt"), "new")
	write(t, filepath.Join(got, "css/s.css"), "skipped")
	write(t, filepath.Join(want, "a/x.txt"), "y")
	write(t, filepath.Join(want, "old.txt"), "old")
	write(t, filepath.Join(want, "css/t.css"), "skipped")
	r := &recorder{TB: t}
	Tree(r, got, want, func(rel string) bool { return strings.HasPrefix(rel, "css/") })
	all := strings.Join(r.reports, "\n")
	for _, part := range []string{"a/x.txt differs", "-1: y\n+1: x", "new.txt", "no longer has old.txt"} {
		if !strings.Contains(all, part) {
			t.Errorf("the reports do not mention %q:\n%s", part, all)
		}
	}
	if len(r.reports) != 3 || strings.Contains(all, "css") {
		t.Errorf("got %d reports, want 3 and none about skipped files:\n%s", len(r.reports), all)
	}
}

// TestTheModuleHasOneUpdateFlag keeps -update in this package alone: a
// second definition would panic in a test binary that also imports this
// package, and a package's own flag is not what make golden looks for.
func TestTheModuleHasOneUpdateFlag(t *testing.T) {
	def := regexp.MustCompile(`flag\.[A-Za-z]+\(\s*"update"`)
	root := filepath.Join("..", "..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "node_modules"):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, ".go"):
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if def.Match(src) && filepath.Base(filepath.Dir(p)) != "golden" {
			t.Errorf("%s defines an -update flag; use golden.File, golden.Tree or golden.Update instead", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
