package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestManifestRoundTrip(t *testing.T) {
	files := []File{
		{Path: "roles/cpo/index.html", Size: 1234, CRC: Checksum([]byte("a"))},
		{Path: "index.html", Size: 0, CRC: 0},
		{Path: "tags/über blick/index.html", Size: 7, CRC: 0xffffffff},
	}
	text := Manifest(files)
	if !strings.HasPrefix(string(text), "backlight manifest 1\n00000000 0 index.html\n") {
		t.Errorf("manifest does not start with the header and the first path in order:\n%s", text)
	}
	got, err := parseManifest(strings.NewReader(string(text)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if got[f.Path] != f {
			t.Errorf("%s: got %+v, want %+v", f.Path, got[f.Path], f)
		}
	}
}

func TestParseManifestRefusesOtherFiles(t *testing.T) {
	for _, text := range []string{
		"",
		"<!doctype html>",
		"backlight manifest 2\n",
		"backlight manifest 1\nzz 1 a\n",
		"backlight manifest 1\n00000000 -x a\n",
		"backlight manifest 1\n00000000 1\n",
		"backlight manifest 1\n123456789 1 a\n",
	} {
		if _, err := parseManifest(strings.NewReader(text)); err == nil {
			t.Errorf("%q: parsed, want an error", text)
		}
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(Manifest([]File{{Path: "a b/c.html", Size: 3, CRC: 9}})))
	f.Add([]byte("backlight manifest 1\n0 0 x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := parseManifest(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		var list []File
		for _, f := range files {
			if strings.ContainsAny(f.Path, "\n\r") {
				t.Fatalf("a path with a line break: %q", f.Path)
			}
			list = append(list, f)
		}
		again, err := parseManifest(strings.NewReader(string(Manifest(list))))
		if err != nil || len(again) != len(files) {
			t.Fatalf("round trip: %v, %d files, want %d", err, len(again), len(files))
		}
	})
}

func TestReserved(t *testing.T) {
	for p, want := range map[string]bool{
		ManifestName: true, ManifestName + "/x": true, stagingMark: true, forcedMark: true,
		"index.html": false, "a/" + ManifestName: false, ".backlight-manifests": false,
	} {
		if Reserved(p) != want {
			t.Errorf("Reserved(%q) = %v", p, !want)
		}
	}
}

// writeBuild writes files and their manifest into dir as a build would,
// the manifest last.
func writeBuild(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	var list []File
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		list = append(list, File{Path: name, Size: int64(len(text)), CRC: Checksum([]byte(text))})
	}
	// The build's files are older than its manifest.
	past := time.Now().Add(-time.Hour)
	for name := range files {
		os.Chtimes(filepath.Join(dir, filepath.FromSlash(name)), past, past)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), Manifest(list), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChangedFilesAreFoundBySizeOrChecksum(t *testing.T) {
	dir := t.TempDir()
	writeBuild(t, dir, map[string]string{"index.html": "<p>home</p>", "a/index.html": "<p>a</p>", "b/index.html": "<p>b</p>", "c.css": "p{}"})
	future := time.Now().Add(time.Hour)
	// Touched, same bytes: still the build's.
	os.Chtimes(filepath.Join(dir, "index.html"), future, future)
	// Same size, other bytes, newer: found by its checksum.
	os.WriteFile(filepath.Join(dir, "a", "index.html"), []byte("<p>A</p>"), 0o644)
	// Other size: found by its size.
	os.WriteFile(filepath.Join(dir, "c.css"), []byte("p{color:red}"), 0o644)
	// Same size, other bytes, and an old time: the size and time agree,
	// so only a checksum would tell; the fast path trusts them.
	os.WriteFile(filepath.Join(dir, "b", "index.html"), []byte("<p>B</p>"), 0o644)
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(dir, "b", "index.html"), past, past)
	os.WriteFile(filepath.Join(dir, "Thumbs.db"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "a", "new.txt"), []byte("x"), 0o644)

	_, err := Inspect(Target{Dest: dir, Source: t.TempDir()}, true, false)
	r, ok := err.(*Refusal)
	if !ok {
		t.Fatalf("got %v, want a refusal", err)
	}
	if want := []string{"a/index.html", "a/new.txt", "c.css"}; !slices.Equal(r.Unknown, want) || !r.Forcible {
		t.Errorf("unknown %v (forcible %v), want %v", r.Unknown, r.Forcible, want)
	}
	v, err := Inspect(Target{Dest: dir, Source: t.TempDir()}, true, true)
	if err != nil || !slices.Equal(v.Unknown, r.Unknown) {
		t.Fatalf("forced: %v, %v", v, err)
	}
}

func TestADamagedManifestVouchesForNothing(t *testing.T) {
	dir := t.TempDir()
	writeBuild(t, dir, map[string]string{"index.html": "<p>home</p>"})
	os.WriteFile(filepath.Join(dir, ManifestName), []byte("garbage"), 0o644)
	_, err := Inspect(Target{Dest: dir, Source: t.TempDir()}, true, false)
	if r, ok := err.(*Refusal); !ok || !slices.Equal(r.Unknown, []string{"index.html"}) {
		t.Fatalf("got %v, want index.html refused as unknown", err)
	}
}

func TestRemoveMovedKeepsFilesThatAppearedSinceTheInspection(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeBuild(t, dest, map[string]string{"index.html": "x", "a/b/index.html": "y"})
	v, err := Inspect(Target{Dest: dest, Source: t.TempDir()}, true, false)
	if err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(parent, ".public.old-1")
	if err := os.Rename(dest, old); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(old, "a", "late.txt"), []byte("mine"), 0o644)
	err = v.RemoveMoved(OS{}, old)
	if err == nil || !strings.Contains(err.Error(), "a/late.txt") {
		t.Fatalf("got %v, want an error naming a/late.txt", err)
	}
	if data, err := os.ReadFile(filepath.Join(old, "a", "late.txt")); err != nil || string(data) != "mine" {
		t.Errorf("the late file: %q, %v", data, err)
	}
	for _, gone := range []string{"index.html", "a/b", ManifestName} {
		if _, err := os.Lstat(filepath.Join(old, gone)); err == nil {
			t.Errorf("%s is still there", gone)
		}
	}
	// A later build's clean-up keeps the folder: the file is nobody's.
	kept, err := Clean(OS{}, old)
	if err != nil || !slices.Equal(kept, []string{"a/late.txt"}) {
		t.Errorf("Clean: kept %v, %v", kept, err)
	}
}

func TestCleanRemovesWhatIsTheBuildsOwn(t *testing.T) {
	parent := t.TempDir()
	staged := filepath.Join(parent, ".public.staging-1")
	os.MkdirAll(filepath.Join(staged, "roles"), 0o755)
	os.WriteFile(filepath.Join(staged, "roles", "x.html"), []byte("partial"), 0o644)
	MarkStaging(staged)
	old := filepath.Join(parent, ".public.old-2")
	writeBuild(t, old, map[string]string{"index.html": "x", "a/index.html": "y"})
	forced := filepath.Join(parent, ".public.old-3")
	os.MkdirAll(forced, 0o755)
	os.WriteFile(filepath.Join(forced, "guide.md"), []byte("the user said --force"), 0o644)
	MarkForced(forced)
	unknown := filepath.Join(parent, ".public.old-4")
	os.MkdirAll(unknown, 0o755)
	os.WriteFile(filepath.Join(unknown, "mine.txt"), []byte("mine"), 0o644)

	for _, dir := range []string{staged, old, forced} {
		if kept, err := Clean(OS{}, dir); err != nil || len(kept) > 0 {
			t.Errorf("%s: kept %v, %v", dir, kept, err)
		}
		if _, err := os.Lstat(dir); err == nil {
			t.Errorf("%s is still there", dir)
		}
	}
	if kept, err := Clean(OS{}, unknown); err != nil || !slices.Equal(kept, []string{"mine.txt"}) {
		t.Errorf("unmarked folder: kept %v, %v", kept, err)
	}
	if _, err := os.Stat(filepath.Join(unknown, "mine.txt")); err != nil {
		t.Error(err)
	}
}

// BenchmarkInspectAnEarlierBuildOf10000Pages walks an output folder
// shaped like a 10,000-page site (a folder and an index.html per page)
// and checks every file against the manifest, as each rebuild does
// twice. Compare with BenchmarkBuild in generator/site.
func BenchmarkInspectAnEarlierBuildOf10000Pages(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{}
	for i := range 10000 {
		files[fmt.Sprintf("backlogs/b%d/item-%d/index.html", i%20, i)] = strings.Repeat("x", 100+i%50)
	}
	writeBuild(b, dir, files)
	target := Target{Dest: dir, Source: b.TempDir()}
	for b.Loop() {
		if _, err := Inspect(target, true, false); err != nil {
			b.Fatal(err)
		}
	}
}
