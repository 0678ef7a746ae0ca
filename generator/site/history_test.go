package site

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// historySite makes a repository holding a small site under site/, with a
// month of history: an item that went from idea to done, a role edited.
func historySite(t *testing.T, toml string) *gitrepo.Repo {
	t.Helper()
	r := gitrepo.New(t)
	r.Write("README.md", "the repository's own file")
	r.Write("site/site.toml", "title = \"History\"\nbaseURL = \"https://wiki.example.org/\"\nlevels = [\"team\"]\n"+toml)
	r.Write("site/content/roles/po.md", "---\ntitle: Product Owner\n---\nOrders the backlog.\n")
	r.Write("site/content/backlogs/team/_index.md", "---\ntitle: Team backlog\nlevel: team\norder: [T-1, T-2]\n---\n")
	item := func(key, status string) string {
		return "---\nid: " + key + "\ntitle: Item " + key + "\nkind: feature\nstatus: " + status + "\nvalue: 3\nestimate: 2\nacceptance: [works]\n---\nText.\n"
	}
	r.Write("site/content/backlogs/team/t-1.md", item("T-1", "idea"))
	r.Write("site/content/backlogs/team/t-2.md", item("T-2", "ready"))
	r.Commit("2026-03-02T09:00:00+01:00", "Start")
	r.Write("site/content/backlogs/team/t-1.md", item("T-1", "in-progress"))
	r.Commit("2026-03-09T09:00:00+01:00", "Start T-1")
	r.Write("site/content/backlogs/team/t-1.md", item("T-1", "done"))
	r.Write("site/content/roles/po.md", "---\ntitle: Product Owner\n---\nOrders and explains the backlog.\n")
	r.Commit("2026-03-16T09:00:00+01:00", "T-1 done")
	return r
}

func buildHistory(t *testing.T, src string) (*Result, string) {
	t.Helper()
	return buildHistoryAt(t, src, time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC))
}

// buildHistoryAt builds the site at src with its history, on day now.
func buildHistoryAt(t *testing.T, src string, now time.Time) (*Result, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Source: src, Dest: dest, History: true, Now: now})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	return res, dest
}

// modelPages reads the pages and items of a build's model export, by id.
func modelPages(t *testing.T, dest string) (pages, items map[string]map[string]any) {
	t.Helper()
	var model struct{ Pages, Items []map[string]any }
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	pages, items = map[string]map[string]any{}, map[string]map[string]any{}
	for _, p := range model.Pages {
		pages[p["id"].(string)] = p
	}
	for _, it := range model.Items {
		items[it["id"].(string)] = it
	}
	return pages, items
}

func TestTheModelCarriesTheHistory(t *testing.T) {
	r := historySite(t, "")
	res, dest := buildHistory(t, filepath.Join(r.Dir, "site"))
	if !strings.Contains(res.History, "changes of 4 pages at ") || strings.Contains(res.History, "kept") {
		t.Errorf("history note %q", res.History)
	}
	pages, items := modelPages(t, dest)
	po := pages["po"]
	if po["created"] != "2026-03-02" || po["updated"] != "2026-03-16" || po["revisions"] != 2.0 {
		t.Errorf("the role's dates: %v %v %v", po["created"], po["updated"], po["revisions"])
	}
	t1 := items["t-1"]
	if t1["started"] != "2026-03-09" || t1["done_on"] != "2026-03-16" || t1["lead_days"] != 14.0 || t1["cycle_days"] != 7.0 {
		t.Errorf("T-1: started %v, done on %v, lead %v, cycle %v", t1["started"], t1["done_on"], t1["lead_days"], t1["cycle_days"])
	}
	if data, err := os.ReadFile(filepath.Join(dest, "sitemaps", "sitemap-0001.xml")); err != nil || !bytes.Contains(data, []byte("roles/po/</loc><lastmod>2026-03-16</lastmod>")) {
		t.Errorf("the sitemap does not date the role's page by its last commit (%v)", err)
	}
	t2 := items["t-2"]
	if _, ok := t2["done_on"]; !ok || t2["done_on"] != nil || t2["lead_days"] != nil {
		t.Errorf("T-2 is not done: done_on %v, lead_days %v (want both null)", t2["done_on"], t2["lead_days"])
	}
}

func TestNoAuthorNameIsPublishedUnlessTheSiteSaysSo(t *testing.T) {
	for _, authors := range []bool{false, true} {
		toml := ""
		if authors {
			toml = "[history]\nauthors = true\n"
		}
		r := historySite(t, toml)
		_, dest := buildHistory(t, filepath.Join(r.Dir, "site"))
		found := ""
		filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err == nil && bytes.Contains(data, []byte(gitrepo.Author)) && found == "" {
				found = p
			}
			return err
		})
		switch {
		case !authors && found != "":
			t.Errorf("%s names the author, and the site does not publish authors", found)
		case authors && found == "":
			t.Errorf("with authors = true no file names the author")
		}
	}
}

func TestAShallowCloneShowsNoDatesAndSaysHowToFetchThem(t *testing.T) {
	r := historySite(t, "")
	clone := filepath.Join(t.TempDir(), "clone")
	r.Git("", "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	res, dest := buildHistory(t, filepath.Join(clone, "site"))
	warned := false
	for _, d := range res.Diags {
		warned = warned || strings.Contains(d.Message, "fetch-depth: 0") && strings.Contains(d.Message, "git fetch --unshallow")
	}
	if !warned {
		t.Errorf("no warning on the shallow clone: %v", res.Diags)
	}
	pages, _ := modelPages(t, dest)
	if _, ok := pages["po"]["created"]; ok {
		t.Errorf("a shallow clone's page has a date: %v", pages["po"]["created"])
	}
}

func TestASiteOutsideGitBuildsTheSameWithoutDates(t *testing.T) {
	r := historySite(t, "")
	plain := filepath.Join(t.TempDir(), "plain")
	if err := os.CopyFS(plain, os.DirFS(filepath.Join(r.Dir, "site"))); err != nil {
		t.Fatal(err)
	}
	res, dest := buildHistory(t, plain)
	if !strings.Contains(res.History, "not in a git work tree") {
		t.Errorf("history note %q", res.History)
	}
	if res.Diags.Count(generator.Warning) != 0 {
		t.Errorf("warnings: %v", res.Diags)
	}
	pages, _ := modelPages(t, dest)
	if _, ok := pages["po"]["updated"]; ok {
		t.Error("a page outside git has a date")
	}
}

func TestTheModelsHistoryGolden(t *testing.T) {
	r := gitrepo.Site(t)
	_, dest := buildHistory(t, r.Dir)
	var model struct{ Pages, Items []map[string]any }
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	keep := func(m map[string]any, keys ...string) map[string]any {
		out := map[string]any{}
		for _, k := range keys {
			if v, ok := m[k]; ok {
				out[k] = v
			}
		}
		return out
	}
	var got struct{ Pages, Items []map[string]any }
	for _, p := range model.Pages {
		got.Pages = append(got.Pages, keep(p, "id", "created", "updated", "revisions", "uncommitted"))
	}
	for _, it := range model.Items {
		got.Items = append(got.Items, keep(it, "id", "status", "history", "created", "started", "done_on", "lead_days", "cycle_days"))
	}
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "../../testdata/history/model.json", append(data, '\n'))
	for _, f := range []string{"changes/index.html", "changes.xml"} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
}

func TestTheSameCommitGivesTheSameSite(t *testing.T) {
	r := gitrepo.Site(t)
	r.Commit("2026-02-09T09:00:00+01:00", "Refine A-4")
	var outs []map[string][]byte
	for i := range 2 {
		clone := filepath.Join(t.TempDir(), "clone")
		r.Git("", "clone", "-q", "file://"+r.Dir, clone)
		if i == 1 { // a clone whose files were written at another time
			later := time.Now().Add(time.Hour)
			filepath.WalkDir(clone, func(p string, d os.DirEntry, err error) error {
				if err == nil {
					os.Chtimes(p, later, later)
				}
				return err
			})
		}
		_, dest := buildHistory(t, clone)
		outs = append(outs, golden.ReadTree(t, dest))
	}
	for name, a := range outs[0] {
		if b, ok := outs[1][name]; !ok || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two clones of one commit", name)
		}
	}
	if len(outs[0]) != len(outs[1]) {
		t.Errorf("%d files and %d", len(outs[0]), len(outs[1]))
	}
}

func TestADraftsChangesAreNotPublished(t *testing.T) {
	r := historySite(t, "")
	r.Write("site/content/roles/secret-role.md", "---\ntitle: Secret Reorganisation Role\ndraft: true\n---\nNot yet.\n")
	r.Commit("2026-03-17T09:00:00+01:00", "Draft a role")
	r.Write("site/content/roles/secret-role.md", "---\ntitle: Secret Reorganisation Role\ndraft: true\n---\nNot yet, still.\n")
	r.Commit("2026-03-18T09:00:00+01:00", "Edit the draft")
	_, dest := buildHistory(t, filepath.Join(r.Dir, "site"))
	for _, f := range []string{"changes/index.html", "changes.xml"} {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("Secret Reorganisation")) {
			t.Errorf("%s names the draft", f)
		}
	}
}

func TestASecondBuildAtTheSameCommitUsesTheKeptHistory(t *testing.T) {
	r := historySite(t, "")
	src := filepath.Join(r.Dir, "site")
	dest := filepath.Join(t.TempDir(), "public")
	build := func() (*Result, map[string][]byte) {
		res, err := Build(context.Background(), Options{Source: src, Dest: dest, History: true, Now: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("build: %v\n%s", err, res.Diags.Error())
		}
		return res, golden.ReadTree(t, dest)
	}
	first, _ := build()
	cache := historyCacheFile(dest)
	if _, err := os.Stat(cache); err != nil || strings.Contains(first.History, "kept") {
		t.Fatalf("the first build kept no history (%v) or used a kept one: %q", err, first.History)
	}
	// An edit not committed: the kept replay still serves, the edit shows.
	r.Write("site/content/backlogs/team/t-2.md", "---\nid: T-2\ntitle: Item T-2\nkind: feature\nstatus: in-progress\nvalue: 3\nestimate: 2\nacceptance: [works]\n---\nText.\n")
	second, got := build()
	if !strings.Contains(second.History, "kept from the last build") {
		t.Errorf("the second build read the history again: %q", second.History)
	}
	if !bytes.Contains(got["changes/index.html"], []byte("ready → in-progress")) {
		t.Error("the uncommitted edit is not on the change list")
	}
	// Without the kept file, the same output.
	os.Remove(cache)
	third, again := build()
	if strings.Contains(third.History, "kept") {
		t.Errorf("a build without the kept file used one: %q", third.History)
	}
	for name, data := range again {
		if !bytes.Equal(data, got[name]) && name != ".backlight-manifest" {
			t.Errorf("%s differs between a build with the kept history and one without", name)
		}
	}
	// A file of the user's where the cache would go is neither read nor replaced.
	os.WriteFile(cache, []byte("my notes\n"), 0o644)
	build()
	if data, _ := os.ReadFile(cache); string(data) != "my notes\n" {
		t.Errorf("the build replaced a file it did not write: %q", data)
	}
}

func TestWithoutGitTheSiteBuildsWithoutDates(t *testing.T) {
	r := historySite(t, "")
	t.Setenv("PATH", t.TempDir()) // no git to run
	res, dest := buildHistory(t, filepath.Join(r.Dir, "site"))
	if !strings.Contains(res.History, "git is not installed") || res.Diags.Count(generator.Warning) != 0 {
		t.Errorf("history note %q, diagnostics %v", res.History, res.Diags)
	}
	if _, err := os.Stat(filepath.Join(dest, "changes")); err == nil {
		t.Error("a change list without history")
	}
}

func TestATranslationShowsItsPagesHistory(t *testing.T) {
	r := historySite(t, "defaultLanguage = \"en\"\n[languages.en]\n[languages.de]\n")
	r.Write("site/content/roles/po.de.md", "---\ntitle: Produktverantwortlicher\n---\nOrdnet das Backlog.\n")
	r.Write("site/content/backlogs/team/t-1.de.md", "---\ntitle: Eintrag T-1\n---\nText.\n")
	r.Commit("2026-03-18T09:00:00+01:00", "Deutsch")
	_, dest := buildHistory(t, filepath.Join(r.Dir, "site"))
	role, err := os.ReadFile(filepath.Join(dest, "de", "roles", "po", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(role, []byte(`Zuletzt geändert am <time datetime="2026-03-16">`)) {
		t.Error("the German role page does not say when its page last changed")
	}
	item, err := os.ReadFile(filepath.Join(dest, "de", "backlogs", "team", "t-1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(item, []byte(`class="status-strip"`)) {
		t.Error("the German item page has no status strip")
	}
}
