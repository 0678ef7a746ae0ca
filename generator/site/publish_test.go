package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/render"
)

// copySite copies a golden site's source into a temporary folder.
func copySite(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("../../testdata/sites", name, "src")
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func mustBuild(t *testing.T, src, dest string) *Result {
	t.Helper()
	res, err := Build(context.Background(), Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	return res
}

func TestFailedBuildLeavesPreviousSiteUntouched(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	before := files(t, dest)
	broken := "---\ntitle: Broken\nrelations: [\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(src, "content", "roles", "broken.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: src, Dest: dest})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("got error %v, want ErrContent", err)
	}
	if got := res.Diags.Error(); !strings.Contains(got, "content/roles/broken.md:3") {
		t.Errorf("diagnostics do not name the broken file and line:\n%s", got)
	}
	assertSameTree(t, dest, before)
	assertNoStaging(t, src)
}

func TestDeletedPageLeavesNoFileBehind(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	if _, err := os.Stat(filepath.Join(dest, "artifacts", "team-board", "index.html")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content", "artifacts", "team-board.md"))
	// the page linked to it; drop those links so the build succeeds
	lead := filepath.Join(src, "content", "roles", "team-lead.md")
	data, _ := os.ReadFile(lead)
	data = []byte(strings.NewReplacer("[the board](../artifacts/team-board.md#columns)", "the board",
		"  responsible_for: team-board\n", "").Replace(string(data)))
	os.WriteFile(lead, data, 0o644)
	mustBuild(t, src, dest)
	if _, err := os.Stat(filepath.Join(dest, "artifacts", "team-board")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v for the deleted page's folder, want it gone", err)
	}
	assertNoStaging(t, src)
}

func TestStagingLeftByAKilledBuildIsRemoved(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	// A killed build leaves a marked staging folder, or the previous site
	// moved aside with its manifest.
	stage := filepath.Join(src, ".public.staging-123")
	if err := os.MkdirAll(filepath.Join(stage, "roles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := outdir.MarkStaging(stage); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dest, filepath.Join(src, ".public.old-456")); err != nil {
		t.Fatal(err)
	}
	res := mustBuild(t, src, dest)
	assertNoStaging(t, src)
	if len(res.Stale) > 0 {
		t.Errorf("kept %v", res.Stale)
	}
}

func TestAStaleFolderWithFilesNoBuildWroteIsKept(t *testing.T) {
	src := copySite(t, "basic")
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	old := filepath.Join(src, ".public.old-456")
	if err := os.Rename(dest, old); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(old, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	unmarked := filepath.Join(src, ".public.staging-789")
	if err := os.MkdirAll(unmarked, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(unmarked, "draft.md"), []byte("mine too"), 0o644)
	res := mustBuild(t, src, dest)
	if want := []string{unmarked, old}; !slices.Equal(res.Stale, want) {
		t.Errorf("kept %v, want %v", res.Stale, want)
	}
	for _, f := range []string{mine, filepath.Join(unmarked, "draft.md")} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestWriteErrorKeepsPreviousSiteAndNamesTheFile(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	os.MkdirAll(filepath.Join(dest, "old"), 0o755)
	os.WriteFile(filepath.Join(dest, "old", "index.html"), []byte("previous"), 0o644)
	before := files(t, dest)
	outs := []render.Output{
		{Path: "a/index.html", Source: "page a", Write: func(w io.Writer) error { _, err := io.WriteString(w, "<p>a</p>"); return err }},
		{Path: "b/index.html", Source: "page b", Write: func(io.Writer) error { return errors.New("disk full") }},
	}
	err := publish(context.Background(), osDisk{}, targetOf(dest), false, outs, nil, nil, nil, &Result{})
	if err == nil || !strings.Contains(err.Error(), "b/index.html") || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("got error %v, want one naming b/index.html and the cause", err)
	}
	assertSameTree(t, dest, before)
	assertNoStaging(t, parent)
}

func TestTwoSourcesForOnePathAreAnError(t *testing.T) {
	src := copySite(t, "basic")
	// an alias equal to another page's URL collides with that page
	lead := filepath.Join(src, "content", "roles", "team-lead.md")
	data, _ := os.ReadFile(lead)
	os.WriteFile(lead, []byte(strings.Replace(string(data), "aliases: [lead]", "aliases: [Developer]", 1)), 0o644)
	res, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(src, "public")})
	if !errors.Is(err, ErrContent) {
		t.Fatalf("got %v, want a content error", err)
	}
	want := `content/roles/team-lead.md:7:11: content/roles/developer.md and the alias "Developer" of content/roles/team-lead.md produce roles/developer/index.html and roles/Developer/index.html, which differ only in letter case and are one file on macOS and Windows: rename one`
	if !strings.Contains(res.Diags.Error(), want) {
		t.Errorf("got diagnostics\n%s\nwant one containing %q", res.Diags.Error(), want)
	}
}

// targetOf is the output target of a site whose folder holds dest.
func targetOf(dest string) outdir.Target { return outTarget(filepath.Dir(dest), dest) }

func assertSameTree(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	got := files(t, dir)
	if len(got) != len(want) {
		t.Errorf("got %d files in %s, want %d", len(got), dir, len(want))
	}
	for name, data := range want {
		if string(got[name]) != string(data) {
			t.Errorf("%s changed", name)
		}
	}
}

func assertNoStaging(t *testing.T, parent string) {
	t.Helper()
	for _, pattern := range []string{".public.staging-*", ".public.old-*"} {
		if m, _ := filepath.Glob(filepath.Join(parent, pattern)); len(m) > 0 {
			t.Errorf("left behind: %v", m)
		}
	}
}

// TestPublishReleasesEachOutputOnceWritten: a build lets go of what an
// output alone needs (a page's body, a search file's bytes) right after
// writing it, and never before.
func TestPublishReleasesEachOutputOnceWritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	released := make([]atomic.Int32, 50)
	outs := make([]render.Output, len(released))
	for i := range outs {
		data := fmt.Sprintf("<p>page %d</p>", i)
		outs[i] = render.Output{Path: fmt.Sprintf("p%d/index.html", i), Source: "a page",
			Write: func(w io.Writer) error {
				if released[i].Load() != 0 {
					return fmt.Errorf("p%d written after its release", i)
				}
				_, err := io.WriteString(w, data)
				return err
			},
			Release: func() { released[i].Add(1) }}
	}
	if err := publish(context.Background(), osDisk{}, targetOf(dest), false, outs, nil, nil, nil, &Result{}); err != nil {
		t.Fatal(err)
	}
	for i := range released {
		if n := released[i].Load(); n != 1 {
			t.Errorf("p%d released %d times, want once", i, n)
		}
		if data, err := os.ReadFile(filepath.Join(dest, fmt.Sprintf("p%d", i), "index.html")); err != nil || string(data) != fmt.Sprintf("<p>page %d</p>", i) {
			t.Errorf("p%d: %q, %v", i, data, err)
		}
	}
}
