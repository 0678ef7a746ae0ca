package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessyWikiBuildsOnceMended builds testdata/invalid/messy-wiki (whose
// diagnostics TestInvalidSitesReportEveryError checks) after mending what
// it reports, and checks what a migrated handbook needs: files beside the
// pages and static/ published, images with their sizes, aliases of both
// kinds, callouts and collapsible sections.
func TestMessyWikiBuildsOnceMended(t *testing.T) {
	src := t.TempDir()
	if err := os.CopyFS(src, os.DirFS("../../testdata/invalid/messy-wiki/src")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(src, "content", "roles", "broken-yaml.md"))
	edit(t, filepath.Join(src, "content", "roles", "mentor.md"), func(s string) string {
		return strings.NewReplacer("The [[Broken YAML Page: a title with a colon]] has more, and so does\n[[broken-yaml]].", "").Replace(s)
	})
	edit(t, filepath.Join(src, "content", "roles", "coach.md"), func(s string) string {
		var keep []string
		for _, line := range strings.Split(s, "\n") {
			for _, broken := range []string{"mentr.md", "getting-started", "/team/handbook/x/", "/other/", "#nowhere", "#gone-heading", "diagram.png"} {
				if strings.Contains(line, broken) {
					line = ""
				}
			}
			keep = append(keep, line)
		}
		return strings.Join(keep, "\n")
	})
	dest := filepath.Join(t.TempDir(), "public")
	res := mustBuild(t, src, dest)
	if res.Diags.HasErrors() {
		t.Fatalf("errors after mending:\n%s", res.Diags.Error())
	}
	for _, f := range []string{"roles/org.png", "img/logo.svg", ".nojekyll", "handbook/coach/index.html", "roles/old-coach/index.html", "roles/my notes/index.html"} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	page, err := os.ReadFile(filepath.Join(dest, "roles", "coach", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`src="../../roles/org.png" alt="The coaching structure, a long description that wraps" loading="lazy" decoding="async" width="48" height="24"`,
		`src="/team/img/logo.svg" alt="The logo" loading="lazy" decoding="async" width="64" height="32"`,
		`href="../../roles/my%20notes/"`,
		`class="callout callout-tip" role="note"`,
		`<summary>What a coaching week looks like</summary>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("roles/coach/index.html lacks %s", want)
		}
	}
}
