package site

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/workers"
	"github.com/backlight-wiki/backlight/internal/corpus"
)

// benchCorpus writes a generated corpus of n pages once per benchmark.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if _, err := corpus.Write(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// plannedCorpus loads a generated corpus of n pages and plans its
// outputs, once per benchmark.
func plannedCorpus(b *testing.B, n int) (*loaded, []render.Output) {
	b.Helper()
	src := benchCorpus(b, n)
	res := &Result{ByType: map[string]int{}}
	l, err := load(context.Background(), Options{Source: src, Now: time.Now()}, res)
	if err != nil {
		b.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	return l, append(l.engine.Plan(l.model), l.files.outputs()...)
}

// BenchmarkBuild measures a whole build of generated sites, written to a
// fresh folder each time, as backlight build makes it: the build owns
// the process (benchmarks run one at a time) and paces its collector.
func BenchmarkBuild(b *testing.B) { benchBuilds(b, "") }

// BenchmarkBuildTranslated is BenchmarkBuild of the same sites with every
// page translated into German (corpus.Translate): twice the pages to
// publish, each language with its own bodies, graph and search index.
// make bench-languages compares the two.
func BenchmarkBuildTranslated(b *testing.B) { benchBuilds(b, "de") }

// benchBuilds builds generated sites of 1,000 and 10,000 pages, each page
// translated into lang unless it is "", into a fresh folder each time.
func benchBuilds(b *testing.B, lang string) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchCorpus(b, n)
			if lang != "" {
				if _, err := corpus.Translate(src, lang); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := range b.N {
				dest := filepath.Join(b.TempDir(), "public"+strconv.Itoa(i))
				if res, err := Build(context.Background(), Options{Source: src, Dest: dest, OwnProcess: true}); err != nil {
					b.Fatalf("%v\n%s", err, res.Diags.Error())
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkRebuild measures a build of a generated site into the folder
// that holds its previous build, as an author rebuilds: the previous
// site is checked against its manifest, moved aside and removed.
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchCorpus(b, n)
			dest := filepath.Join(b.TempDir(), "public")
			if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
				b.Fatalf("%v\n%s", err, res.Diags.Error())
			}
			b.ResetTimer()
			for range b.N {
				if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
					b.Fatalf("%v\n%s", err, res.Diags.Error())
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// BenchmarkRelations measures what resolving and validating the relations
// and references costs: indexing the pages and building the graph, on
// pages loaded once. Compare it with BenchmarkBuild of the same size.
func BenchmarkRelations(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchCorpus(b, n)
			cfg := config.Default()
			root, err := os.OpenRoot(filepath.Join(src, "content"))
			if err != nil {
				b.Fatal(err)
			}
			defer root.Close()
			loaded, diags := content.Load(root.FS(), content.Options{Prefix: "content", Levels: cfg.Levels, Types: cfg.TypeOrder})
			if diags.HasErrors() {
				b.Fatal(diags.Error())
			}
			b.ResetTimer()
			for range b.N {
				ix := graph.NewIndex(loaded.Pages)
				if _, diags := graph.Build(ix, vocabulary(cfg)); diags.HasErrors() {
					b.Fatal(diags.Error())
				}
			}
		})
	}
}

// oneBacklog writes a site with a single backlog of n items.
func oneBacklog(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	folder := filepath.Join(dir, "content", "backlogs", "big")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"big\"\n"), 0o644)
	order := make([]string, 0, n)
	for i := range n {
		key := "B-" + strconv.Itoa(i+1)
		if i%10 != 0 {
			order = append(order, key)
		}
		kinds := []string{"feature", "bug", "change"}
		statuses := []string{"idea", "refining", "ready", "in-progress", "done"}
		item := "---\nid: " + key + "\ntitle: Item " + strconv.Itoa(i+1) + "\nkind: " + kinds[i%3] +
			"\nstatus: " + statuses[i%5] + "\nvalue: " + strconv.Itoa(1+i%13) + "\nestimate: " + strconv.Itoa(1+i%8) +
			"\nacceptance: [it works]\ntags: [t" + strconv.Itoa(i%7) + "]\n---\nBody of item " + strconv.Itoa(i+1) + ".\n"
		if err := os.WriteFile(filepath.Join(folder, "b-"+strconv.Itoa(i+1)+".md"), []byte(item), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	index := "---\ntitle: Big backlog\nvelocity: 40\norder: [" + strings.Join(order, ", ") + "]\n---\n"
	if err := os.WriteFile(filepath.Join(folder, "_index.md"), []byte(index), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBacklogOf10000Items builds a site whose one backlog has 10,000
// items: the backlog page (one table of 10,000 rows and a board), its
// exports and 10,000 item pages.
func BenchmarkBacklogOf10000Items(b *testing.B) {
	src := oneBacklog(b, 10000)
	b.ResetTimer()
	for i := range b.N {
		dest := filepath.Join(b.TempDir(), "public"+strconv.Itoa(i))
		if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
			b.Fatalf("%v\n%s", err, res.Diags.Error())
		}
	}
}

// BenchmarkBacklogPageOf10000Items measures the backlog work alone on a
// backlog of 10,000 items, sources already loaded: deriving ranks,
// readiness and forecasts, and rendering the backlog's page (table and
// board) with its JSON and CSV exports, minified.
func BenchmarkBacklogPageOf10000Items(b *testing.B) {
	src := oneBacklog(b, 10000)
	res := &Result{ByType: map[string]int{}}
	l, err := load(context.Background(), Options{Source: src}, res)
	if err != nil {
		b.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	var outs []render.Output
	for _, o := range l.engine.Plan(l.model) {
		if strings.HasPrefix(o.Path, "backlogs/big/") && !strings.HasPrefix(o.Path, "backlogs/big/b-") {
			outs = append(outs, o)
		}
	}
	if len(outs) != 3 {
		b.Fatalf("got %d backlog outputs, want the page and two exports", len(outs))
	}
	mini := newMinify()
	var raw, min bytes.Buffer
	b.ResetTimer()
	for range b.N {
		bm, _ := backlog.Derive(l.model.Pages, l.model.Links.Target, backlogSettings(l.cfg, time.Time{}))
		l.model.Backlogs = bm
		for _, o := range outs {
			raw.Reset()
			min.Reset()
			if err := o.Write(&raw); err != nil {
				b.Fatal(err)
			}
			if err := mini.minify(&min, &raw, path.Ext(o.Path)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// manyReleases writes a site of releases systems × 2 variants × versions
// (500 releases over 50 lanes for 25 × 10) and items spread over 20
// backlogs, each item naming one release.
func manyReleases(b *testing.B, systems, versions, items int) string {
	b.Helper()
	dir := b.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("site.toml", "title = \"releases\"\n[roadmap]\ncycle_weeks = 13\ncycle_start = 2026-01-05\n")
	var ids []string
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	statuses := []string{"released", "released", "released", "in-progress", "planned", "planned", "planned", "planned", "cancelled", "planned"}
	for s := range systems {
		for _, variant := range []string{"EU", "US"} {
			for v := range versions {
				id := "sys" + strconv.Itoa(s) + "-" + strings.ToLower(variant) + "-" + strconv.Itoa(v)
				from := start.AddDate(0, 0, 91*v+7*(s%4))
				status := statuses[v%len(statuses)]
				text := "---\ntitle: System " + strconv.Itoa(s) + " " + strconv.Itoa(v) + ".0 (" + variant + ")\nsystem: System " + strconv.Itoa(s) +
					"\nvariant: " + variant + "\nversion: \"" + strconv.Itoa(v) + ".0\"\nstart: " + from.Format(time.DateOnly) +
					"\nend: " + from.AddDate(0, 0, 83).Format(time.DateOnly) + "\nstatus: " + status + "\n"
				if status == "released" {
					text += "released_on: " + from.AddDate(0, 0, 86).Format(time.DateOnly) + "\n"
				}
				write("content/releases/"+id+".md", text+"---\n")
				ids = append(ids, id)
			}
		}
	}
	const backlogs = 20
	orders := make([][]string, backlogs)
	for i := range items {
		orders[i%backlogs] = append(orders[i%backlogs], "R-"+strconv.Itoa(i+1))
	}
	for bl := range backlogs {
		write("content/backlogs/b"+strconv.Itoa(bl)+"/_index.md", "---\ntitle: Backlog "+strconv.Itoa(bl)+
			"\nvelocity: 40\norder: ["+strings.Join(orders[bl], ", ")+"]\n---\n")
	}
	itemStatuses := []string{"idea", "refining", "ready", "in-progress", "done"}
	for i := range items {
		key := "R-" + strconv.Itoa(i+1)
		write("content/backlogs/b"+strconv.Itoa(i%backlogs)+"/r-"+strconv.Itoa(i+1)+".md", "---\nid: "+key+"\ntitle: Item "+strconv.Itoa(i+1)+
			"\nkind: feature\nstatus: "+itemStatuses[i%5]+"\nvalue: "+strconv.Itoa(1+i%13)+"\nestimate: "+strconv.Itoa(1+i%8)+
			"\nrelease: "+ids[i%len(ids)]+"\nacceptance: [it works]\n---\n")
	}
	return dir
}

// BenchmarkRoadmapOf500Releases measures the release work on 500 releases
// and 20,000 items, sources already loaded: deriving the backlogs and
// releases (scope, progress, risk, notes), then rendering the roadmap page
// with its timeline, minified, and the calendar and feed.
func BenchmarkRoadmapOf500Releases(b *testing.B) {
	src := manyReleases(b, 25, 10, 20000)
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	res := &Result{ByType: map[string]int{}}
	l, err := load(context.Background(), Options{Source: src, Now: now}, res)
	if err != nil {
		b.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	if n := len(l.model.Backlogs.Releases); n != 500 {
		b.Fatalf("%d releases, want 500", n)
	}
	var outs []render.Output
	for _, o := range l.engine.Plan(l.model) {
		if o.Path == "releases/index.html" || o.Path == "releases.ics" || o.Path == "releases.xml" {
			outs = append(outs, o)
		}
	}
	if len(outs) != 3 {
		b.Fatalf("got %d outputs, want the roadmap, the calendar and the feed", len(outs))
	}
	mini := newMinify()
	var raw, min bytes.Buffer
	var derive, draw time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		bm, _ := backlog.Derive(l.model.Pages, l.model.Links.Target, backlogSettings(l.cfg, now))
		l.model.Backlogs = bm
		t1 := time.Now()
		for _, o := range outs {
			raw.Reset()
			min.Reset()
			if err := o.Write(&raw); err != nil {
				b.Fatal(err)
			}
			if path.Ext(o.Path) == ".html" {
				if err := mini.minify(&min, &raw, ".html"); err != nil {
					b.Fatal(err)
				}
			}
		}
		derive += t1.Sub(t0)
		draw += time.Since(t1)
	}
	b.ReportMetric(float64(derive.Milliseconds())/float64(b.N), "derive-ms/op")
	b.ReportMetric(float64(draw.Milliseconds())/float64(b.N), "render-ms/op")
}

// BenchmarkLiveBodyEdit measures what the development server does when a
// page's body changes on a site of 10,000 pages: Update, then rendering
// the page again, as the browser's reload asks for it.
func BenchmarkLiveBodyEdit(b *testing.B) {
	src := benchCorpus(b, 10000)
	lv, res, err := OpenLive(Options{Source: src})
	if err != nil {
		b.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	var page string
	for _, p := range lv.Paths() {
		if strings.HasPrefix(p, "roles/") && p != "roles/index.html" {
			page = p
			break
		}
	}
	file := filepath.Join(src, "content", strings.TrimSuffix(page, "/index.html")+".md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		if err := os.WriteFile(file, append(slices.Clone(orig), []byte("\nEdit number "+strconv.Itoa(i)+".\n")...), 0o644); err != nil {
			b.Fatal(err)
		}
		ch := lv.Update([]string{file})
		if ch.Err != nil || ch.All {
			b.Fatalf("update: %v (all %v)", ch.Err, ch.All)
		}
		data, _ := lv.File(page)
		if !bytes.Contains(data, []byte("Edit number "+strconv.Itoa(i))) {
			b.Fatal("the page does not show the edit")
		}
	}
}

// BenchmarkLinkCheck10000 measures the link check alone on a 10,000-page
// generated site: reading every rendered HTML file's links and ids and
// resolving them. The files are rendered once, before the timer starts.
// Compare with BenchmarkBuild/10000.
func BenchmarkLinkCheck10000(b *testing.B) {
	l, outs := plannedCorpus(b, 10000)
	rendered := make([][]byte, len(outs))
	for i, o := range outs {
		var buf bytes.Buffer
		if err := o.Write(&buf); err != nil {
			b.Fatal(err)
		}
		rendered[i] = buf.Bytes()
	}
	b.ResetTimer()
	for b.Loop() {
		lc := newLinkCheck(l.bodies, l.model.Pages, false)
		lc.plan(outs)
		workers.EachWorker(len(outs), func(w, i int) { lc.scan(w, i, rendered[i]) })
		if d := lc.report(); len(d) > 0 {
			b.Fatalf("broken links in the corpus:\n%s", d.Error())
		}
	}
}

// BenchmarkLiveFrontMatter measures what the development server does when
// a page's front matter changes on a site of 10,000 pages, per kind of
// edit: from Update to the edited page's rendered bytes, as the browser's
// reload asks for it. Each edit switches a file between two versions.
func BenchmarkLiveFrontMatter(b *testing.B) {
	src := benchCorpus(b, 10000)
	lv, res, err := OpenLive(Options{Source: src})
	if err != nil {
		b.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	for _, e := range frontMatterEdits(b, filepath.Join(src, "content")) {
		b.Run(e.name, func(b *testing.B) {
			orig, err := os.ReadFile(e.file)
			if err != nil {
				b.Fatal(err)
			}
			versions := [][]byte{[]byte(e.change(string(orig))), orig}
			if bytes.Equal(versions[0], orig) {
				b.Fatalf("%s: the edit changes nothing in %s", e.name, e.file)
			}
			page := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(e.file), filepath.ToSlash(src)+"/content/"), ".md")
			page = strings.TrimSuffix(page, "/_index") + "/index.html"
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				if err := os.WriteFile(e.file, versions[i%2], 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if ch := lv.Update([]string{e.file}); ch.Err != nil {
					b.Fatalf("update: %v\n%s", ch.Err, ch.Diags.Error())
				}
				if _, ok := lv.File(page); !ok {
					b.Fatalf("%s is not served", page)
				}
			}
			os.WriteFile(e.file, orig, 0o644)
			lv.Update([]string{e.file})
		})
	}
}

// fmEdit is one kind of front-matter edit of one file of the corpus.
type fmEdit struct {
	name   string
	file   string
	change func(string) string
}

// frontMatterEdits picks a file of a generated corpus for each kind of
// front-matter edit: an item's status and its estimate, a role's
// relation (taken out, which takes its inverse off the other page) and a
// backlog's order (its first two items swapped).
func frontMatterEdits(b testing.TB, content string) []fmEdit {
	b.Helper()
	find := func(dir, want string) (string, string) {
		files, _ := filepath.Glob(filepath.Join(content, dir, "*.md"))
		slices.Sort(files)
		re := regexp.MustCompile(want)
		for _, f := range files {
			data, _ := os.ReadFile(f)
			if m := re.FindStringSubmatch(string(data)); m != nil {
				return f, m[len(m)-1]
			}
		}
		b.Fatalf("no file in %s has %q", dir, want)
		return "", ""
	}
	replace := func(old, new string) func(string) string {
		return func(s string) string { return strings.Replace(s, old, new, 1) }
	}
	swapFirstTwo := func(s string) string {
		start := strings.Index(s, "\norder: [") + len("\norder: [")
		keys := strings.SplitN(s[start:], ", ", 3)
		return s[:start] + keys[1] + ", " + keys[0] + ", " + keys[2]
	}
	item, _ := find("backlogs/*", `\nstatus: idea\n`)
	sized, _ := find("backlogs/*", `\nestimate: 8\n`)
	role, rel := find("roles", `\nrelations:\n  \w+: [^\n]*(\n  \w+: [^\n]*)`) // the second of two relations
	backlog, _ := find("backlogs/*", `\norder: \[`)
	return []fmEdit{
		{"status", item, replace("\nstatus: idea\n", "\nstatus: refining\n")},
		{"estimate", sized, replace("\nestimate: 8\n", "\nestimate: 5\n")},
		{"relation", role, replace(rel, "")},
		{"order", backlog, swapFirstTwo},
	}
}

// BenchmarkRenderByKind measures building the views and executing the
// templates of a 10,000-page generated site, one kind of page at a time
// (items, a type's wiki pages, backlogs, levels, …), into memory: what
// a page of each kind costs to render, apart from loading and writing.
// It reports the microseconds per file.
func BenchmarkRenderByKind(b *testing.B) {
	_, outs := plannedCorpus(b, 10000)
	kinds := map[string][]int{}
	for i, o := range outs {
		kind, _, _ := strings.Cut(o.Path, "/")
		if kind == "backlogs" && strings.Count(o.Path, "/") == 3 {
			kind = "items" // backlogs/<backlog>/<item>/index.html
		}
		kinds[kind] = append(kinds[kind], i)
	}
	names := slices.Sorted(maps.Keys(kinds))
	for _, kind := range names {
		if len(kinds[kind]) < 20 {
			continue
		}
		b.Run(kind, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				for _, i := range kinds[kind] {
					buf.Reset()
					if err := outs[i].Write(&buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(kinds[kind])), "µs/file")
		})
	}
}
