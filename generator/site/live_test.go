package site

import (
	"bytes"
	"context"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var liveNow = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

// assertLiveEqualsBuild checks that every file the live site serves is
// the file a full build of the same sources writes, and that both have
// the same files.
func assertLiveEqualsBuild(t *testing.T, lv *Live, src string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest, Version: "test", Now: liveNow}); err != nil {
		t.Fatalf("full build: %v\n%s", err, res.Diags.Error())
	}
	want := files(t, dest)
	delete(want, outdir.ManifestName) // the build's record of what it wrote, not a file of the site
	got := lv.Paths()
	var wantPaths []string
	for p := range want {
		wantPaths = append(wantPaths, p)
	}
	slices.Sort(wantPaths)
	if !slices.Equal(got, wantPaths) {
		t.Fatalf("the live site has files\n%q\nthe build wrote\n%q", got, wantPaths)
	}
	for _, p := range got {
		data, ok := lv.File(p)
		if !ok {
			t.Errorf("%s: not served", p)
			continue
		}
		if !bytes.Equal(data, want[p]) {
			t.Errorf("%s differs from the full build: %s", p, firstDifference(string(want[p]), string(data)))
		}
	}
}

func openLive(t *testing.T, src string) *Live {
	t.Helper()
	lv, res, err := OpenLive(Options{Source: src, Version: "test", Now: liveNow})
	if err != nil {
		t.Fatalf("open: %v\n%s", err, res.Diags.Error())
	}
	return lv
}

func edit(t *testing.T, file string, change func(string) string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLiveBodyEditUpdatesThePageAndItsBacklinksOnly(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	for _, p := range lv.Paths() {
		lv.File(p) // render everything once, so that stale copies would show
	}
	dev := filepath.Join(src, "content", "roles", "developer.md")
	edit(t, dev, func(s string) string { return s + "\r\nNow also pairs with the [[Team Lead]].\r\n" })
	ch := lv.Update([]string{dev})
	if ch.Err != nil || ch.All {
		t.Fatalf("body edit: err %v, all %v", ch.Err, ch.All)
	}
	want := []string{"roles/developer/index.html", "roles/team-lead/index.html"}
	if !slices.Equal(ch.Paths, want) {
		t.Errorf("affected %q, want %q", ch.Paths, want)
	}
	page, _ := lv.File("roles/developer/index.html")
	if !bytes.Contains(page, []byte("Now also pairs with the")) {
		t.Error("the developer page does not show the new text")
	}
	assertLiveEqualsBuild(t, lv, src)

	// Taking the link out again removes the backlink.
	edit(t, dev, func(s string) string { return strings.Replace(s, "[[Team Lead]]", "team lead", 1) })
	if ch := lv.Update([]string{"content/roles/developer.md"}); ch.Err != nil || !slices.Equal(ch.Paths, want) {
		t.Errorf("second edit: err %v, paths %q", ch.Err, ch.Paths)
	}
	assertLiveEqualsBuild(t, lv, src)
}

// TestLiveReleaseBodyEditUpdatesTheFeed: the Atom feed carries a
// release's notes, so editing them must refresh releases.xml too.
func TestLiveReleaseBodyEditUpdatesTheFeed(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	for _, p := range lv.Paths() {
		lv.File(p)
	}
	rel := filepath.Join(src, "content", "releases", "alpha-1.md")
	edit(t, rel, func(s string) string { return s + "\nA note added while serving.\n" })
	ch := lv.Update([]string{rel})
	if ch.Err != nil || ch.All {
		t.Fatalf("body edit: err %v, all %v", ch.Err, ch.All)
	}
	if !slices.Contains(ch.Paths, "releases.xml") {
		t.Errorf("affected %q, want releases.xml among them", ch.Paths)
	}
	if feed, _ := lv.File("releases.xml"); !bytes.Contains(feed, []byte("A note added while serving.")) {
		t.Error("releases.xml does not carry the new note")
	}
	assertLiveEqualsBuild(t, lv, src)
}

func TestLiveFrontMatterAndFileChangesReloadEverything(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	dev := filepath.Join(src, "content", "roles", "developer.md")
	edit(t, dev, func(s string) string { return strings.Replace(s, "title: Developer", "title: Software Developer", 1) })
	if ch := lv.Update([]string{dev}); ch.Err != nil || !ch.All {
		t.Fatalf("title edit: err %v, all %v", ch.Err, ch.All)
	}
	assertLiveEqualsBuild(t, lv, src)

	added := filepath.Join(src, "content", "roles", "tester.md")
	if err := os.WriteFile(added, []byte("---\ntitle: Tester\nlevel: team\n---\nTests with the [[Software Developer]].\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ch := lv.Update([]string{added}); ch.Err != nil || !ch.All {
		t.Fatalf("new file: err %v, all %v", ch.Err, ch.All)
	}
	assertLiveEqualsBuild(t, lv, src)

	if err := os.Remove(added); err != nil {
		t.Fatal(err)
	}
	if ch := lv.Update([]string{added}); ch.Err != nil {
		t.Fatalf("deleted file: %v", ch.Err)
	}
	if _, ok := lv.File("roles/tester/index.html"); ok {
		t.Error("a deleted page is still served")
	}
	assertLiveEqualsBuild(t, lv, src)
}

func TestLiveKeepsTheLastGoodSiteWhileTheSourcesHaveErrors(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	before, _ := lv.File("roles/developer/index.html")
	dev := filepath.Join(src, "content", "roles", "developer.md")
	good, _ := os.ReadFile(dev)

	// A broken body: a link to a heading the page does not have.
	edit(t, dev, func(s string) string { return s + "\r\nSee [[Team Lead#no-such-heading]].\r\n" })
	ch := lv.Update([]string{dev})
	if ch.Err == nil || !strings.Contains(ch.Diags.Error(), "content/roles/developer.md:") {
		t.Fatalf("a broken link: err %v, diagnostics\n%s", ch.Err, ch.Diags.Error())
	}
	if now, _ := lv.File("roles/developer/index.html"); !bytes.Equal(now, before) {
		t.Error("a broken edit changed what is served")
	}

	// Broken front matter goes through a full load and is refused too.
	edit(t, dev, func(s string) string { return strings.Replace(s, "level: team", "level: [", 1) })
	if ch := lv.Update([]string{dev}); ch.Err == nil {
		t.Fatal("broken front matter was accepted")
	}

	if err := os.WriteFile(dev, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if ch := lv.Update([]string{dev}); ch.Err != nil || ch.Diags.HasErrors() {
		t.Fatalf("the fix: err %v\n%s", ch.Err, ch.Diags.Error())
	}
	assertLiveEqualsBuild(t, lv, src)
}

func TestLiveCSSChangeRenamesTheStylesheet(t *testing.T) {
	src := copySite(t, "basic")
	css := filepath.Join(src, "themes", "default", "static", "css", "style.css")
	if err := os.MkdirAll(filepath.Dir(css), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, []byte("body { color: red; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lv := openLive(t, src)
	if err := os.WriteFile(css, []byte("body { color: blue; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ch := lv.Update([]string{css})
	if ch.Err != nil || ch.All || len(ch.CSS) != 1 || !strings.HasPrefix(ch.CSS[0][0], "css/style.") || ch.CSS[0][0] == ch.CSS[0][1] {
		t.Fatalf("css change: err %v, all %v, css %q", ch.Err, ch.All, ch.CSS)
	}
	data, ok := lv.File(ch.CSS[0][1])
	if !ok || !bytes.Contains(data, []byte("blue")) {
		t.Errorf("the new stylesheet %s is not served with the new rule", ch.CSS[0][1])
	}
	assertLiveEqualsBuild(t, lv, src)
}

func TestLiveDiagnosticsMatchAFullCheck(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	lead := filepath.Join(src, "content", "roles", "team-lead.md")
	// The team lead's body has raw HTML warnings; an edit that removes them
	// must drop them, and one that adds one must add it.
	edit(t, lead, func(s string) string { return s + "\nMore <i>raw</i> text.\n" })
	if ch := lv.Update([]string{lead}); ch.Err != nil || ch.All {
		t.Fatalf("edit: err %v, all %v", ch.Err, ch.All)
	}
	res, err := Build(context.Background(), Options{Source: src, Check: true, Version: "test", Now: liveNow})
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	if got, want := lv.Diagnostics().Error(), res.Diags.Error(); got != want {
		t.Errorf("live diagnostics:\n%s\nfull check:\n%s", got, want)
	}
}

// TestLiveServesWhileItReloads reads pages on several goroutines while
// front-matter edits reload the site and body edits take the fast path;
// under go test -race (make test runs it so) any unguarded state fails it.
func TestLiveServesWhileItReloads(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	// Pages keep their paths across these edits; search files, named by
	// their content, do not.
	paths := slices.DeleteFunc(lv.Paths(), func(p string) bool { return !strings.HasSuffix(p, ".html") })
	lead := filepath.Join(src, "content", "roles", "team-lead.md")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, ok := lv.File(paths[i%len(paths)]); !ok {
					t.Errorf("%s: not served during a reload", paths[i%len(paths)])
					return
				}
				lv.Diagnostics()
			}
		})
	}
	for i := range 6 {
		if i%2 == 0 {
			edit(t, lead, func(s string) string { return strings.Replace(s, "summary: ", "summary: Still ", 1) })
		} else {
			edit(t, lead, func(s string) string { return s + "\nMore words.\n" })
		}
		if ch := lv.Update([]string{lead}); ch.Err != nil {
			t.Fatalf("update %d: %v\n%s", i, ch.Err, ch.Diags.Error())
		}
	}
	close(stop)
	wg.Wait()
	assertLiveEqualsBuild(t, lv, src)
}
