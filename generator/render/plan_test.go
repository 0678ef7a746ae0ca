package render_test

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/themes"
)

// planSite is a small site with a page of each kind: wiki pages that
// relate, a backlog with items, and, when withRelease, a release, which
// gives the site a roadmap, a feed and a calendar.
func planSite(withRelease bool) fstest.MapFS {
	page := func(fm string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + fm + "---\nBody of the page. It links nowhere.\n")}
	}
	fsys := fstest.MapFS{
		"roles/cpo.md":                page("title: Cluster Product Owner\nabbr: CPO\nlevel: cluster\ntags: [scrum]\nrelations:\n  organizes: [Review]\n"),
		"roles/dev.md":                page("title: Developer\nlevel: team\nrelations:\n  attends: [Review]\n"),
		"events/review.md":            page("title: Review\nlevel: cluster\n"),
		"backlogs/pumps/_index.md":    page("title: Pumps backlog\nlevel: team\nowner: CPO\nvelocity: 10\n"),
		"backlogs/pumps/cbi-1.md":     page("id: CBI-1\ntitle: Upload logs\nkind: feature\nstatus: ready\nvalue: 8\nestimate: 5\n"),
		"backlogs/pumps/cbi-2.md":     page("id: CBI-2\ntitle: Read logs\nkind: feature\nstatus: idea\nparent: CBI-1\n"),
		"backlogs/pumps/cbi-3.md":     page("id: CBI-3\ntitle: Archive logs\nkind: feature\nstatus: done\nestimate: 2\n"),
		"roles/_index.md":             page("title: Roles\n"),
		"events/retrospective.md":     page("title: Retrospective\nlevel: team\n"),
		"roles/scrum-master.md":       page("title: Scrum Master\nlevel: team\nrelations:\n  organizes: [Retrospective]\n"),
		"backlogs/pumps/cbi-4.md":     page("id: CBI-4\ntitle: Alarm on low pressure\nkind: bug\nstatus: refining\nvalue: 3\nestimate: 1\ntags: [alarms]\n"),
		"backlogs/pumps/cbi-5.md":     page("id: CBI-5\ntitle: Pressure chart\nkind: feature\nstatus: in-progress\nvalue: 5\nestimate: 3\n"),
		"artifacts/product-goal.md":   page("title: Product goal\nlevel: cluster\n"),
		"artifacts/sprint-backlog.md": page("title: Sprint backlog\nlevel: team\n"),
	}
	if withRelease {
		fsys["releases/pc-1.md"] = page("title: Pump controller 1.0\nstart: 2026-04-06\nend: 2026-05-04\nstatus: in-progress\nsystem: Pump controller\nversion: \"1.0\"\n")
		fsys["backlogs/pumps/cbi-1.md"] = page("id: CBI-1\ntitle: Upload logs\nkind: feature\nstatus: ready\nvalue: 8\nestimate: 5\nrelease: Pump controller 1.0\n")
	}
	return fsys
}

// defaultSettings are what a build of a site with an empty site.toml gives
// each stage: the engine's settings, the relation vocabulary, the backlog
// settings and the content options.
func defaultSettings(tb testing.TB) (views.SiteInfo, []generator.RelationType, backlog.Settings, content.Options) {
	tb.Helper()
	cfg, diags := config.Parse("site.toml", nil)
	if diags.HasErrors() {
		tb.Fatalf("default site.toml: %v", diags)
	}
	info := views.SiteInfo{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language,
		Version: "test", Levels: cfg.Levels, Statuses: cfg.Backlog.Statuses,
		Now: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	for _, name := range cfg.TypeOrder {
		info.Types = append(info.Types, views.TypeInfo{Name: name, Label: cfg.TypeLabel(name), Plural: cfg.TypePlural(name)})
	}
	var vocab []generator.RelationType
	for _, name := range cfg.RelationOrder {
		r := cfg.Relations[name]
		vocab = append(vocab, generator.RelationType{Name: name, Label: r.Label, Inverse: r.Inverse, From: r.From, To: r.To, Acyclic: r.Acyclic})
	}
	b := cfg.Backlog
	settings := backlog.Settings{Kinds: b.Kinds, Statuses: b.Statuses, Ready: b.Ready, Done: b.Done, Dropped: b.Dropped,
		DoR: b.DoR, Horizon: b.Horizon, IterationWeeks: b.IterationWeeks, Now: info.Now, NextWeeks: cfg.Roadmap.CycleWeeks}
	return info, vocab, settings, content.Options{Prefix: "content", Levels: cfg.Levels, Types: cfg.TypeOrder}
}

// planFixture loads a site as a build does and returns the engine's
// settings and the model, or fails the test.
func planFixture(t *testing.T, fsys fstest.MapFS) (views.SiteInfo, *views.Model) {
	t.Helper()
	info, vocab, settings, opts := defaultSettings(t)
	info.Title, info.BaseURL = "Pumps wiki", "https://wiki.example.org/"
	res, diags := content.Load(fsys, opts)
	if diags.HasErrors() {
		t.Fatalf("content: %v", diags)
	}
	g, diags := graph.Build(graph.NewIndex(res.Pages), vocab)
	if diags.HasErrors() {
		t.Fatalf("graph: %v", diags)
	}
	bm, diags := backlog.Derive(res.Pages, g.Target, settings)
	if diags.HasErrors() {
		t.Fatalf("backlog: %v", diags)
	}
	return info, &views.Model{Pages: res.Pages, Links: g, Vocabulary: g.Vocabulary(), Backlogs: bm,
		Bodies: map[*generator.Page]*views.Body{}, Intros: map[string]*views.Body{}}
}

// writeAll writes every output of a plan and returns the files by path.
func writeAll(t *testing.T, outs []render.Output) map[string]string {
	t.Helper()
	files := make(map[string]string, len(outs))
	for _, o := range outs {
		var b bytes.Buffer
		if err := o.Write(&b); err != nil {
			t.Errorf("%s: %v", o.Path, err)
		}
		files[o.Path] = b.String()
	}
	return files
}

// sameFiles reports the files of got that differ from want's, or are
// missing or extra.
func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", what, p)
		case g != w:
			t.Errorf("%s: %s differs from the file a fresh engine writes", what, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s is extra", what, p)
		}
	}
}

// TestPlanLeavesTheEngineAsItWas plans two sites on one engine, one with
// releases and one without, and writes the first site's files after the
// second was planned and written: each must be what a fresh engine
// writes, navigation, feed link and cached header included.
func TestPlanLeavesTheEngineAsItWas(t *testing.T) {
	info, withRel := planFixture(t, planSite(true))
	_, noRel := planFixture(t, planSite(false))
	fresh := func(m *views.Model) map[string]string {
		e, err := render.New(themes.Default(), info)
		if err != nil {
			t.Fatal(err)
		}
		return writeAll(t, e.Plan(m))
	}
	wantRel, wantNoRel := fresh(withRel), fresh(noRel)
	if !strings.Contains(wantRel["index.html"], "releases.xml") || strings.Contains(wantNoRel["index.html"], "releases.xml") {
		t.Fatal("the fixture does not tell the two sites apart: only the first should link its release feed")
	}

	e, err := render.New(themes.Default(), info)
	if err != nil {
		t.Fatal(err)
	}
	first := e.Plan(withRel)
	sameFiles(t, "the site without releases, planned second", writeAll(t, e.Plan(noRel)), wantNoRel)
	sameFiles(t, "the site with releases, written after the other", writeAll(t, first), wantRel)
	sameFiles(t, "the site with releases, planned again", writeAll(t, e.Plan(withRel)), wantRel)
}

// TestPlanConcurrently plans and writes one model on one engine from
// several goroutines at once, as `backlight serve` may while a build
// runs: under the race detector (go test -race) it finds shared writes;
// without it, it checks that every plan writes the same files.
func TestPlanConcurrently(t *testing.T) {
	info, m := planFixture(t, planSite(true))
	e, err := render.New(themes.Default(), info)
	if err != nil {
		t.Fatal(err)
	}
	const n = 4
	got := make([]map[string]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = writeAll(t, e.Plan(m)) })
	}
	wg.Wait()
	for i := 1; i < n; i++ {
		sameFiles(t, "a concurrent plan", got[i], got[0])
	}
}

// TestEveryLinkIsRelativeToItsPage walks every view of a site, its lists
// cut into pages by small limits, and checks every Href beside a URL
// (Href and URL, TypeHref and TypeURL, …) in it: the URL made relative to
// the view's page, as views are made, since nothing fills links in later.
func TestEveryLinkIsRelativeToItsPage(t *testing.T) {
	info, m := planFixture(t, planSite(true))
	info.Limits = views.Limits{ListEntries: 1, ListPage: 2, TreeNodes: 2, InlineMatrixCells: 1, MatrixChunkRows: 1}
	checked := 0
	for _, s := range views.New(info, m).Pages() {
		v := s.View()
		if v.Kind == "redirect" {
			continue
		}
		checkHrefs(t, v.URL, v.Root, reflect.ValueOf(v), &checked)
	}
	if checked < 100 {
		t.Errorf("only %d links checked: the walk misses the views' links", checked)
	}
}

// checkHrefs checks the links in x, a view or a part of one, of the page
// at url, whose root is root.
func checkHrefs(t *testing.T, url, root string, x reflect.Value, checked *int) {
	t.Helper()
	switch x.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !x.IsNil() {
			checkHrefs(t, url, root, x.Elem(), checked)
		}
	case reflect.Slice, reflect.Array:
		for i := range x.Len() {
			checkHrefs(t, url, root, x.Index(i), checked)
		}
	case reflect.Struct:
		if x.Type() == reflect.TypeFor[views.SiteInfo]() {
			return // the settings: URLs of the site, no page's links
		}
		for i := range x.NumField() {
			f := x.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if name, ok := strings.CutSuffix(f.Name, "Href"); ok {
				if u := x.FieldByName(name + "URL"); u.IsValid() {
					*checked++
					if want := generator.Rel(root, u.String()); x.Field(i).String() != want {
						t.Errorf("%s: %s.%s is %q, want %q (of %s %q)", url, x.Type().Name(), f.Name, x.Field(i).String(), want, name+"URL", u.String())
					}
				}
			}
			checkHrefs(t, url, root, x.Field(i), checked)
		}
	}
}
