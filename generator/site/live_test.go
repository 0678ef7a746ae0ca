package site

import (
	"bytes"
	"context"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/internal/corpus"
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
		for _, p := range got {
			if _, ok := want[p]; !ok {
				d, _ := lv.File(p)
				t.Logf("live only %s:\n%s", p, d)
			}
		}
		for _, p := range wantPaths {
			if !slices.Contains(got, p) {
				t.Logf("build only %s:\n%s", p, want[p])
			}
		}
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
// release's notes, so editing them must refresh releases.xml too, though
// it is no page a browser reloads.
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
	if want := []string{"releases/alpha-1/index.html"}; !slices.Equal(ch.Paths, want) {
		t.Errorf("affected %q, want %q", ch.Paths, want)
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
// front-matter and body edits are applied in memory and an edit of the
// aliases loads the whole site again; under go test -race (make test runs
// it so) any unguarded state fails it.
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
	for i := range 9 {
		switch i % 3 {
		case 0:
			edit(t, lead, func(s string) string { return strings.Replace(s, "summary: ", "summary: Still ", 1) })
		case 1:
			edit(t, lead, func(s string) string { return s + "\nMore words.\n" })
		default:
			edit(t, lead, func(s string) string {
				if strings.Contains(s, "boss") {
					return strings.Replace(s, "aliases: [lead, boss", "aliases: [lead", 1)
				}
				return strings.Replace(s, "aliases: [lead", "aliases: [lead, boss", 1)
			})
		}
		if ch := lv.Update([]string{lead}); ch.Err != nil {
			t.Fatalf("update %d: %v\n%s", i, ch.Err, ch.Diags.Error())
		}
	}
	close(stop)
	wg.Wait()
	assertLiveEqualsBuild(t, lv, src)
}

// TestLiveFrontMatterEditsMatchABuild edits front matter of each kind
// while serving: every edit takes the fast path (the theme is not read
// again) and leaves the site byte for byte what a build of the edited
// sources writes, inverse relations and backlog ranks included.
func TestLiveFrontMatterEditsMatchABuild(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	engine := lv.l.engine
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("the file has no %q", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	tests := []struct {
		name   string
		file   string
		change func(string) string
		page   string // a page that must show the edit: it contains want, or not
		want   string
		absent bool
		// rendered says whether a body is rendered again: not when only
		// front matter changed, yes when the body starts on another line
		// (its diagnostics count from there) or changed.
		rendered bool
	}{
		{"status", "backlogs/alpha/a-1.md", replace("status: ready", "status: in-progress"), "backlogs/alpha/a-1/index.html", "in-progress", false, false},
		{"estimate", "backlogs/alpha/a-2.md", replace("estimate: 1\n", "estimate: 13\n"), "backlogs/alpha/a-2/index.html", "13", false, false},
		{"relation removed", "roles/team-lead.md", replace("  mentors: Developer\n", ""), "roles/developer/index.html", "is mentored by", true, true},
		{"relation added", "roles/team-lead.md", replace("  part_of: The Team\n", "  part_of: The Team\n  mentors: Developer\n"), "roles/developer/index.html", "is mentored by", false, true},
		{"order", "backlogs/alpha/_index.md", replace("order: [A-2, A-1,", "order: [A-1, A-2,"), "backlogs/alpha/index.html", "", false, false},
		{"summary and body", "roles/developer.md", replace("level: team", "level: team\r\nsummary: Writes the code."), "roles/developer/index.html", "Writes the code.", false, true},
		{"two files", "events/daily-sync.md", func(s string) string { return s + "\nMore about the sync.\n" }, "events/daily-sync/index.html", "More about the sync.", false, true},
	}
	for _, tt := range tests {
		for _, p := range lv.Paths() {
			lv.File(p) // render everything, so that stale copies would show
		}
		file := filepath.Join(src, "content", filepath.FromSlash(tt.file))
		edit(t, file, tt.change)
		changed := []string{file}
		if tt.name == "two files" {
			lead := filepath.Join(src, "content", "roles", "team-lead.md")
			edit(t, lead, replace("summary: Leads a team.", "summary: Leads the team."))
			changed = append(changed, lead)
		}
		bodies := lv.l.bodies
		ch := lv.Update(changed)
		if ch.Err != nil {
			t.Fatalf("%s: %v\n%s", tt.name, ch.Err, ch.Diags.Error())
		}
		if rendered := lv.l.bodies != bodies; rendered != tt.rendered {
			t.Errorf("%s: a body was rendered again: %v, want %v", tt.name, rendered, tt.rendered)
		}
		if lv.l.engine != engine {
			t.Errorf("%s: the whole site was loaded again", tt.name)
		}
		if page, _ := lv.File(tt.page); bytes.Contains(page, []byte(tt.want)) == tt.absent {
			t.Errorf("%s: %s has %q: %v, want %v", tt.name, tt.page, tt.want, !tt.absent, !tt.absent)
		}
		assertLiveEqualsBuild(t, lv, src)
		assertLiveDiagsEqualBuild(t, lv, src)
	}
}

// TestLiveFrontMatterErrorIsReportedAsABuildDoes introduces front-matter
// errors while serving: Update reports what a build reports and the last
// good site is served; a later edit of another file reads the broken one
// again; the fix is applied without a full load.
func TestLiveFrontMatterErrorIsReportedAsABuildDoes(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	item := filepath.Join(src, "content", "backlogs", "alpha", "a-1.md")
	good, _ := os.ReadFile(item)
	before, _ := lv.File("backlogs/alpha/a-1/index.html")
	for _, tt := range []struct{ name, old, new string }{
		{"a bad estimate", "estimate: 3", "estimate: lots"},
		{"an unknown relation target", "release: alpha-1", "release: alpha-1\nrelations:\n  depends_on: no-such-page"},
		{"a bad reference", "release: alpha-1", "release: no-such-release"},
	} {
		edit(t, item, func(s string) string { return strings.Replace(s, tt.old, tt.new, 1) })
		ch := lv.Update([]string{item})
		res, err := Build(context.Background(), Options{Source: src, Check: true, Version: "test", Now: liveNow})
		if ch.Err == nil || err == nil {
			t.Fatalf("%s: accepted (live error %v, build error %v)", tt.name, ch.Err, err)
		}
		if got, want := ch.Diags.Error(), res.Diags.Error(); got != want {
			t.Errorf("%s: live diagnostics:\n%s\nbuild:\n%s", tt.name, got, want)
		}
		if now, _ := lv.File("backlogs/alpha/a-1/index.html"); !bytes.Equal(now, before) {
			t.Errorf("%s: a refused edit changed what is served", tt.name)
		}
		// An edit of another file does not make the broken one forgotten.
		lead := filepath.Join(src, "content", "roles", "team-lead.md")
		edit(t, lead, func(s string) string { return s + "\nAnother line.\n" })
		if ch := lv.Update([]string{lead}); ch.Err == nil {
			t.Errorf("%s: the next edit was applied while the item is broken", tt.name)
		}
		if err := os.WriteFile(item, good, 0o644); err != nil {
			t.Fatal(err)
		}
		engine := lv.l.engine
		if ch := lv.Update([]string{item}); ch.Err != nil {
			t.Fatalf("%s: the fix: %v\n%s", tt.name, ch.Err, ch.Diags.Error())
		}
		if lv.l.engine != engine {
			t.Errorf("%s: the fix loaded the whole site again", tt.name)
		}
		assertLiveEqualsBuild(t, lv, src)
		assertLiveDiagsEqualBuild(t, lv, src)
	}
}

// assertLiveDiagsEqualBuild checks that the live site reports what a
// check of the same sources reports.
func assertLiveDiagsEqualBuild(t *testing.T, lv *Live, src string) {
	t.Helper()
	res, err := Build(context.Background(), Options{Source: src, Check: true, Version: "test", Now: liveNow})
	if err != nil {
		t.Fatalf("check: %v\n%s", err, res.Diags.Error())
	}
	if got, want := lv.Diagnostics().Error(), res.Diags.Error(); got != want {
		t.Errorf("live diagnostics:\n%s\nfull check:\n%s", got, want)
	}
}

// TestLiveRefusesCollidingPaths: two outputs with one path are an error
// of the build, so Live refuses them too, whichever way it applies the
// change.
func TestLiveRefusesCollidingPaths(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	lead := filepath.Join(src, "content", "roles", "team-lead.md")
	edit(t, lead, func(s string) string { return strings.Replace(s, "aliases: [lead", "aliases: [lead, boss, boss", 1) })
	ch := lv.Update([]string{lead})
	if ch.Err == nil || !strings.Contains(ch.Diags.Error(), "both produce roles/boss/index.html") {
		t.Fatalf("err %v, diagnostics\n%s", ch.Err, ch.Diags.Error())
	}
	if _, ok := lv.File("roles/boss/index.html"); ok {
		t.Error("a refused change is served")
	}
}

// TestPlannedOutputsReadBodiesWhenWritten checks what Live relies on
// after a body edit: every output of a plan reads the model's bodies and
// backlinks when it is written, so that replacing them after planning
// gives the files a new plan would give.
func TestPlannedOutputsReadBodiesWhenWritten(t *testing.T) {
	res := &Result{ByType: map[string]int{}}
	b, err := load(context.Background(), Options{Source: "../../testdata/sites/basic/src", Version: "test", Now: liveNow}, res)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	planned := b.engine.Plan(b.model)
	bodies := map[*generator.Page]*views.Body{}
	for p, body := range b.model.Bodies {
		changed := *body
		changed.HTML += template.HTML("<p>Replaced after planning.</p>")
		bodies[p] = &changed
	}
	backlinks := map[*generator.Page][]*generator.Page{}
	for _, p := range b.model.Pages {
		backlinks[p] = b.model.Pages[:1] // everyone is mentioned by the first page
	}
	b.model.Bodies, b.model.Backlinks = bodies, backlinks
	fresh := b.engine.Plan(b.model)
	if len(fresh) != len(planned) {
		t.Fatalf("%d outputs planned, then %d", len(planned), len(fresh))
	}
	changed := 0
	for i, o := range planned {
		var got, want bytes.Buffer
		if err := o.Write(&got); err != nil {
			t.Fatal(err)
		}
		if err := fresh[i].Write(&want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: written from the first plan, it is not what a new plan writes: %s", o.Path, firstDifference(want.String(), got.String()))
		}
		if bytes.Contains(got.Bytes(), []byte("Replaced after planning.")) {
			changed++
		}
	}
	if changed == 0 {
		t.Error("no output shows the replaced bodies")
	}
}

// TestLiveHeadingRemovedUnderALinkIsRefused: a body edit that removes a
// heading another page links to breaks that page's link, which is
// checked again though that page did not change.
func TestLiveHeadingRemovedUnderALinkIsRefused(t *testing.T) {
	src := copySite(t, "basic")
	lv := openLive(t, src)
	sync := filepath.Join(src, "content", "events", "daily-sync.md")
	good, _ := os.ReadFile(sync)
	edit(t, sync, func(s string) string { return strings.Replace(s, "## Agenda", "## Order of the day", 1) })
	ch := lv.Update([]string{sync})
	if ch.Err == nil || !strings.Contains(ch.Diags.Error(), "content/roles/team-lead.md:20:") {
		t.Fatalf("err %v, diagnostics\n%s", ch.Err, ch.Diags.Error())
	}
	if err := os.WriteFile(sync, good, 0o644); err != nil {
		t.Fatal(err)
	}
	if ch := lv.Update([]string{sync}); ch.Err != nil {
		t.Fatalf("the fix: %v\n%s", ch.Err, ch.Diags.Error())
	}
	assertLiveEqualsBuild(t, lv, src)
}

// TestLiveCorpusEditsMatchABuild applies the benchmark's front-matter
// edits one after another to a generated corpus (minified, with hundreds
// of relations, items and backlinks): each is applied without loading
// the whole site, and the site served stays the one a build writes.
func TestLiveCorpusEditsMatchABuild(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Write(src, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	lv := openLive(t, src)
	engine := lv.l.engine
	for _, e := range frontMatterEdits(t, filepath.Join(src, "content")) {
		edit(t, e.file, e.change)
		if ch := lv.Update([]string{e.file}); ch.Err != nil {
			t.Fatalf("%s: %v\n%s", e.name, ch.Err, ch.Diags.Error())
		}
		if lv.l.engine != engine {
			t.Errorf("%s: the whole site was loaded again", e.name)
		}
		assertLiveEqualsBuild(t, lv, src)
	}
}
