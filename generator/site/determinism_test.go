package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBuildsAreByteIdentical builds the example site twice, with the same
// date, and compares every file.
func TestBuildsAreByteIdentical(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	var trees [2]map[string][]byte
	for i := range trees {
		dest := filepath.Join(t.TempDir(), "public")
		if res, err := Build(context.Background(), Options{Source: "../..", Dest: dest, Version: "test", Now: now}); err != nil {
			t.Fatalf("build %d: %v\n%s", i+1, err, res.Diags.Error())
		}
		trees[i] = files(t, dest)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("the builds wrote %d and %d files", len(trees[0]), len(trees[1]))
	}
	for p, a := range trees[0] {
		if b, ok := trees[1][p]; !ok || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds of the same sources", p)
		}
	}
}

// TestDraftsAppearInNoOutput builds the golden site, whose draft page has
// a title and body found nowhere else, and looks for them in every file:
// pages, lists, feeds, the sitemap, the search index and model.json.
func TestDraftsAppearInNoOutput(t *testing.T) {
	src := copySite(t, "basic")
	draft := filepath.Join(src, "content", "draft-page.md")
	if err := os.WriteFile(draft, []byte("---\ntitle: Zebracorn draft\ndraft: true\ntags: [zebracornish]\nsummary: Quokkaflux plans.\n---\nHidden xylophonic body.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(src, "public")
	mustBuild(t, src, dest)
	for path, data := range files(t, dest) {
		lower := strings.ToLower(string(data))
		for _, secret := range []string{"zebracorn", "quokkaflux", "xylophon", "draft-page"} {
			if strings.Contains(lower, secret) {
				t.Errorf("%s contains %q from the draft page", path, secret)
			}
		}
	}
	// With --drafts the page is published, so the words above are a fair test.
	withDrafts := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Source: src, Dest: withDrafts, Drafts: true})
	if err != nil {
		t.Fatalf("build with drafts: %v\n%s", err, res.Diags.Error())
	}
	found := 0
	for _, data := range files(t, withDrafts) {
		if bytes.Contains(bytes.ToLower(data), []byte("zebracorn")) {
			found++
		}
	}
	if res.Pages != 17 || found < 5 { // its page, the home page, its tag, model.json, the sitemap, the search index…
		t.Errorf("with drafts: %d pages (want 17), the draft's title in %d files (want at least 5)", res.Pages, found)
	}
}

// TestTwoBuildsAtOnceLeaveTheTreeOfOne starts two builds of one site into
// one folder at the same time: whatever happens to either, the folder ends
// up as a single build leaves it, with no staging folder left behind.
func TestTwoBuildsAtOnceLeaveTheTreeOfOne(t *testing.T) {
	src := copySite(t, "basic")
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	single := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: single, Now: now}); err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	want := files(t, single)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	for round := range 5 {
		errs := make(chan error, 2)
		for range 2 {
			go func() {
				_, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: now})
				errs <- err
			}()
		}
		ok := 0
		for range 2 {
			if err := <-errs; err == nil {
				ok++
			}
		}
		if ok == 0 {
			t.Fatalf("round %d: both builds failed", round)
		}
		assertSameTree(t, dest, want)
		assertNoStaging(t, parent)
	}
}
