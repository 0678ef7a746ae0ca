// Package site runs a whole build: configuration, content, graph,
// Markdown, templates, minification, and the publishing of the result,
// which is written to a staging folder beside the destination and swapped
// in only when every file was written, so that a failed build leaves the
// previous site byte for byte as it was.
package site

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/trace"
	"slices"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/glossary"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/markdown"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/search"
	"github.com/backlight-wiki/backlight/themes"
)

// Options say what to build and where.
type Options struct {
	Source   string    // site root: site.toml, content/, themes/
	Dest     string    // output folder; "" means Source/public
	Drafts   bool      // publish pages with draft: true
	Check    bool      // validate only; write nothing
	Force    bool      // replace Dest even when it holds files no build wrote (they are listed in Result.Deleted)
	Version  string    // shown in the generator meta tag
	Now      time.Time // the build date forecasts count from; zero means today
	Progress func(done, total int)
	Limits   views.Limits // the size limits of lists and files; those left zero are views.DefaultLimits
	// OwnProcess says the build is its process's only work, as in
	// backlight build: it may then pace the process's garbage collector
	// while it writes (collectBeforeWriting).
	OwnProcess bool
	// History reads the site's git history for the pages' dates, the
	// items' timelines and the change list (docs/history.md), unless
	// [history] enabled = false. Backlight's commands set it; tests set
	// it where they read a repository they made.
	History bool

	historyCache string // the file the replayed history is kept in between builds; "" for none
	writeHistory bool   // keep a new replay there
}

// Result reports what a build did.
type Result struct {
	Diags  generator.Diagnostics
	Pages  int
	ByType map[string]int
	Types  []string // type names in display order, for reporting ByType
	Files  int
	Bytes  int64
	Dest   string
	// Translations say, for a site with [languages], which pages have no
	// translation into each language other than the default, in the
	// order site.toml lists the languages.
	Translations []Translations
	History      string // one line on the history read, or why there is none
	// HistoryTime is the work of the history step: the git processes, the
	// kept history or the replay of the commits, and the comparison with
	// the work tree. Most of it overlaps other work of the build;
	// HistoryWait is the part the build waited for.
	HistoryTime, HistoryWait time.Duration
	Deleted                  []string // files no build wrote that Force deleted from Dest (slash paths)
	Stale                    []string // folders a killed build left beside Dest that were kept, since they hold files no build wrote
	Duration                 time.Duration
}

// Translations are the pages not yet translated into one language.
type Translations struct {
	Lang    string
	Missing []string // the files of the pages without a translation into Lang, in path order
}

// untranslated lists, for each of langs, the pages without a translation
// into it.
func untranslated(langs []string, pages []*generator.Page) []Translations {
	out := make([]Translations, len(langs))
	for i, l := range langs {
		out[i] = Translations{Lang: l, Missing: []string{}}
		for _, p := range pages {
			if p.Translations[l] == nil {
				out[i].Missing = append(out[i].Missing, p.File)
			}
		}
	}
	return out
}

// ErrContent is returned (wrapped) when the sources have errors; the
// diagnostics are in the Result.
var ErrContent = errors.New("the site has errors")

// Build builds the site. A content problem is reported in Result.Diags
// and makes Build return an error wrapping ErrContent; any other error
// (a file that cannot be written, a broken theme) is returned as is.
func Build(ctx context.Context, opts Options) (*Result, error) {
	defer trace.StartRegion(ctx, "build").End()
	start := time.Now()
	res := &Result{ByType: map[string]int{}, Dest: opts.Dest}
	if res.Dest == "" {
		res.Dest = filepath.Join(opts.Source, "public")
	}
	target := outTarget(opts.Source, res.Dest)
	if !opts.Check {
		// Refuse a folder that may not be written before any work; the
		// files of an earlier build are checked just before the swap.
		if _, err := outdir.Inspect(target, false, opts.Force); err != nil {
			return res, err
		}
	}
	opts.historyCache, opts.writeHistory = historyCacheFile(res.Dest), !opts.Check
	b, err := load(ctx, opts, res)
	if b != nil {
		dropLoadOnly(b.model)
		defer b.hist.wait() // the history kept for the next build
	}
	if b != nil && err != nil {
		err = planDespiteErrors(res, b) // content errors: report the output paths' errors with them
	}
	if opts.Check {
		// check reports what build would refuse, after the content's
		// problems, which it reports too.
		if _, derr := outdir.Inspect(target, true, opts.Force); derr != nil {
			res.Duration = time.Since(start)
			return res, derr
		}
	}
	if err != nil {
		res.Duration = time.Since(start)
		return res, err
	}
	links := newLinkCheck(b.bodies, b.model.Pages, b.cfg.Build.BrokenLinks == "warning")
	texts := b.bodies.texts
	// The bodies' links, destinations and diagnostics were used: the
	// rendered bodies stay in the model, and the plain text for the
	// search index.
	b.bodies = nil
	langTexts := make([]map[*generator.Page]string, len(b.langs))
	for i, lang := range b.langs {
		links.addBodies(lang.bodies, lang.model.Pages)
		langTexts[i], lang.bodies = lang.bodies.texts, nil
	}
	var outs []render.Output
	restore := func() {}
	if !opts.Check {
		indexing := trace.StartRegion(ctx, "search")
		restoreIndexing := paceIndexing(opts.OwnProcess, b.cfg.Multilingual())
		// The search index first, before the plan, whose outputs it
		// need not share the heap with; its files are written, and let
		// go, before the pages. Each language has its own, built at the
		// same time: an index keeps about one and a half cores busy.
		langOuts := make([][]render.Output, len(b.langs))
		var indexes sync.WaitGroup
		for i, lang := range b.langs {
			indexes.Go(func() {
				langOuts[i] = searchOutputs(b.cfg, lang.code, lang.prefix, lang.model, langTexts[i], b.strs[lang.code])
			})
		}
		outs = searchOutputs(b.cfg, b.cfg.DefaultLanguage, defaultPrefix(b.cfg), b.model, texts, b.strs[b.cfg.Language])
		indexes.Wait()
		outs = slices.Concat(append([][]render.Output{outs}, langOuts...)...)
		restoreIndexing()
		indexing.End()
		// The garbage of the index is collected before the pages are
		// planned: planned while the collector ran, on the cores it
		// left, their outputs took new memory beside that garbage, and
		// at 50,000 pages the process's peak was that moment's.
		restore = collectBeforeWriting(opts.OwnProcess)
	} else {
		links.assume(defaultPrefix(b.cfg) + search.ManifestPath) // the search page preloads it
		for _, lang := range b.langs {
			links.assume(lang.prefix + search.ManifestPath)
		}
	}
	plan := trace.StartRegion(ctx, "plan")
	outs = append(outs, b.engine.Plan(b.model)...)
	for _, lang := range b.langs {
		outs = append(outs, lang.engine.Plan(lang.model)...)
	}
	outs = append(append(outs, b.files.outputs()...), rootRedirect(b.cfg)...)
	knownURLs(b.langv, outs)
	for _, l := range b.langv {
		links.langs = append(links.langs, l.Prefix)
	}
	links.plan(outs)
	err = pathErrors(res, outs)
	plan.End()
	defer restore()
	if err != nil {
		return res, err
	}
	if opts.Check {
		// check renders every file, writing none, to report the theme's
		// template errors and every broken link as build does.
		err := renderAll(ctx, outs, links)
		res.Duration = time.Since(start)
		if err != nil {
			return res, renderErrors(res, opts.Source, b.cfg.Theme, err)
		}
		return res, linkErrors(res, links)
	}
	var mini *minifier
	if b.cfg.Build.Minify {
		mini = newMinify()
	}
	write := trace.StartRegion(ctx, "write")
	defer write.End()
	if err := publish(ctx, osDisk{}, target, opts.Force, outs, mini, links, opts.Progress, res); err != nil {
		return res, renderErrors(res, opts.Source, b.cfg.Theme, err)
	}
	res.Duration = time.Since(start)
	return res, nil
}

// Sources are the files and folders of the site at src that a build
// reads: its configuration, its content, its static files and its themes.
func Sources(src string) []string {
	return []string{filepath.Join(src, "site.toml"), filepath.Join(src, "content"), filepath.Join(src, staticDir), filepath.Join(src, "themes")}
}

// outTarget is what outdir.Inspect needs to know of a build of src into
// dest.
func outTarget(src, dest string) outdir.Target {
	home, _ := os.UserHomeDir()
	return outdir.Target{Dest: dest, Source: src, Reads: Sources(src), Home: home}
}

// linkErrors adds the link check's findings to res and returns the
// build's error when there are errors among them.
func linkErrors(res *Result, links *linkCheck) error {
	d := links.report()
	res.Diags.Append(d)
	res.Diags = res.Diags.Sort()
	if !d.HasErrors() {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrContent, generator.Count(res.Diags.Count(generator.Error), "error"))
}

// pathErrors adds checkPaths' findings to res and returns the build's
// error when there are any.
func pathErrors(res *Result, outs []render.Output) error {
	d := checkPaths(outs)
	if len(d) == 0 {
		return nil
	}
	res.Diags.Append(d)
	res.Diags = res.Diags.Sort()
	return fmt.Errorf("%w: %s", ErrContent, generator.Count(res.Diags.Count(generator.Error), "error"))
}

// loaded is a checked site, ready to render, with what the development
// server needs to derive its model again after an edit.
type loaded struct {
	cfg    *config.Config
	model  *views.Model
	engine *render.Engine
	bodies *renderedBodies
	graph  *graph.Graph // the relations and references resolved
	files  *siteFiles   // the files published as they are
	terms  []glossary.Entry
	now    time.Time          // the date forecasts count from
	unread []generator.Unread // the files that could not be loaded
	diags  stageDiags
	langs  []*language              // the site in each language other than the default, for a multilingual site
	strs   map[string]*i18n.Strings // the theme\'s strings in each language
	langv  []views.Language         // every language as the pages link them, the default first; nil for one language
	drafts map[string]bool          // the ids of the drafts left out, whose changes the history leaves out too
	hist   *historyRead             // the history being read, when the build reads it
}

// stageDiags are a load's diagnostics by the stage that found them, so
// that the development server can replace those of the stages it runs
// again.
type stageDiags struct {
	fixed   generator.Diagnostics // site.toml, the glossary and the static files
	content generator.Diagnostics // the Markdown files' own, each at its file
	model   generator.Diagnostics // relations, references and backlogs
	bodies  generator.Diagnostics // the Markdown bodies and their #heading links
}

// all is every diagnostic, sorted.
func (d stageDiags) all() generator.Diagnostics {
	out := slices.Concat(d.fixed, d.content, d.model, d.bodies)
	return out.Sort()
}

// load reads and checks everything and returns the model ready to render.
// When the sources have errors it returns an error wrapping ErrContent and,
// where the theme could be read, the model too, which may be planned (to
// find output paths that collide) but not rendered.
func load(ctx context.Context, opts Options, res *Result) (*loaded, error) {
	cfgSrc, err := os.ReadFile(filepath.Join(opts.Source, "site.toml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no site.toml in %s: is it a Backlight site? (an empty site.toml uses the defaults)", opts.Source)
	} else if err != nil {
		return nil, fmt.Errorf("read site.toml: %w", err)
	}
	l := &loaded{now: cmp.Or(opts.Now, time.Now())}
	cfg, diags := config.Parse("site.toml", cfgSrc)
	l.cfg = cfg
	// Restored when the load returns; the writing has its own pacing
	// (collectBeforeWriting).
	defer paceLoading(opts.OwnProcess, cfg.Multilingual())()
	l.diags.fixed.Append(diags)
	l.terms, diags = siteGlossary(cfg, cfgSrc)
	l.diags.fixed.Append(diags)
	res.Types = cfg.TypeOrder
	theme, err := openTheme(opts.Source, cfg.Theme)
	if err != nil {
		res.Diags.Append(l.diags.fixed)
		return nil, err
	}
	strs, err := themeStrings(opts.Source, cfg)
	l.strs = strs
	if err != nil {
		res.Diags.Append(l.diags.fixed)
		return nil, err
	}
	l.hist = readHistory(ctx, opts, cfg)
	if err := l.loadModel(ctx, l.hist, opts, res); err != nil {
		res.Diags.Append(l.diags.fixed)
		return nil, err
	}
	res.Diags.Append(l.diags.all())
	res.Diags = res.Diags.Sort()
	var contentErr error // with errors, the model is still returned for planning
	if res.Diags.HasErrors() {
		contentErr = contentError(res.Diags)
	}
	// The templates are parsed once the content is loaded: made while
	// it loads, on a core of their own, they saved 1 % of the time but
	// added 6 MB to the memory the loading peaks at (docs/benchmarks.md).
	l.langv = languageInfos(cfg)
	shared := views.SiteInfo{Glossary: l.terms, Now: l.now, Limits: opts.Limits, Languages: l.langv}
	var langEngines map[string]*render.Engine
	templates := trace.StartRegion(ctx, "templates")
	l.engine, langEngines, err = newEngines(theme, cfg, opts.Version, shared, strs)
	templates.End()
	if err != nil {
		return nil, cmp.Or(contentErr, err)
	}
	for _, lang := range l.langs {
		lang.engine = langEngines[lang.code]
	}
	return l, contentErr
}

// newEngines makes the template engine of the default language and one
// for each other language of cfg. shared holds what the pages of every
// language share: the glossary, the date, the limits and the languages.
func newEngines(theme fs.FS, cfg *config.Config, version string, shared views.SiteInfo, strs map[string]*i18n.Strings) (*render.Engine, map[string]*render.Engine, error) {
	info := siteInfo(cfg, version)
	info.Glossary, info.Now, info.Limits, info.Languages, info.Strings = shared.Glossary, shared.Now, shared.Limits, shared.Languages, strs[cfg.Language]
	var engOpts []render.Option
	if cfg.Build.Minify {
		engOpts = append(engOpts, render.MinifyLayouts(minifyLayout))
	}
	defOpts := engOpts
	if p := defaultPrefix(cfg); p != "" {
		info.BaseURL = cfg.BaseURL + p
		defOpts = append(slices.Clip(engOpts), render.Under(p), render.WritesTop())
	}
	def, err := render.New(theme, info, defOpts...)
	if err != nil {
		return nil, nil, err
	}
	langs := map[string]*render.Engine{}
	for _, code := range cfg.Translated() {
		li := siteInfoIn(cfg, code, version)
		li.Glossary, li.Now, li.Limits, li.Languages, li.Strings = shared.Glossary, shared.Now, shared.Limits, shared.Languages, strs[code]
		if langs[code], err = render.New(theme, li, append(engOpts, render.Under(langPrefix(code)))...); err != nil {
			return nil, nil, err
		}
	}
	return def, langs, nil
}

// dropLoadOnly lets go of what only loading the site read: the position
// of every front-matter key, which only the checks of relations and
// backlogs report. (Each page's Markdown source went when its body was
// rendered.) The writing, whose collector is paced against what is alive,
// then runs with a tenth less alive at 10,000 pages.
func dropLoadOnly(m *views.Model) {
	for _, p := range m.Pages {
		p.Keys = nil
	}
}

// loadModel loads the content and derives the model from it.
func (l *loaded) loadModel(ctx context.Context, hr *historyRead, opts Options, res *Result) error {
	defer hr.snapshotTaken(nil) // unless the pages were loaded and given to it first
	root, err := openDirRoots(filepath.Join(opts.Source, "content"))
	if err != nil {
		return fmt.Errorf("open the content folder: %w", err)
	}
	defer root.Close()
	cfg := l.cfg
	stage := trace.StartRegion(ctx, "content")
	loaded, diags := content.Load(root, contentOptions(cfg))
	stage.End()
	l.diags.content = diags
	l.unread = loaded.Unread
	l.files, diags = loadFiles(opts.Source, loaded.Files)
	l.diags.fixed.Append(diags)
	ix := graph.NewIndex(published(loaded.Pages, opts.Drafts), l.unread...)
	pages := ix.Pages()
	md := markdown.New(markdown.Options{UnsafeHTML: cfg.Build.UnsafeHTML, Terms: glossary.NewMatcher(l.terms)})
	// The bodies need only the index to resolve their links; the
	// relations and backlogs are derived beside them, on a goroutine of
	// their own, so that their one core's work overlaps the bodies' work
	// on all of them. Neither writes what the other reads.
	now := l.snapshot(hr, pages, loaded.Pages)
	var derived sync.WaitGroup
	derived.Go(func() { l.derive(graph.Build(ix, vocabularyIn(cfg, cfg.DefaultLanguage))) })
	for _, code := range cfg.Translated() {
		// The copies take the sources, which rendering lets go.
		l.langs = append(l.langs, newLanguage(code, pages, loaded.Intros))
	}
	base := generator.BasePath(cfg.BaseURL)
	stage = trace.StartRegion(ctx, "bodies")
	l.bodies, l.diags.bodies = renderBodies(md, ix, l.files, base, defaultPrefix(cfg), pages, loaded.Intros)
	derived.Wait()
	stage.End()
	defer trace.StartRegion(ctx, "model").End()
	withBodies(l.model, l.bodies)
	l.model.History = l.historyOf(hr, now, res)
	l.model.Forecasts = forecastsOf(cfg, l.model, l.now, nil)
	forecastRisks(l.model.Backlogs, l.model.Forecasts)
	for _, lang := range l.langs {
		l.diags.bodies.Append(lang.derive(ix, cfg, backlogSettings(cfg, l.now), md, l.files, base, l.model))
	}
	for _, p := range pages {
		res.ByType[p.Type]++
	}
	res.Pages = len(pages)
	if cfg.Multilingual() {
		res.Translations = untranslated(cfg.Translated(), pages)
	}
	return nil
}

// derive derives the backlogs from the pages of g, resolved with the
// diagnostics gd, into a new l.model without bodies.
func (l *loaded) derive(g *graph.Graph, gd generator.Diagnostics) {
	pages := g.Index.Pages()
	bm, bd := backlog.Derive(pages, g.Target, withUnread(backlogSettings(l.cfg, l.now), l.unread))
	l.graph, l.diags.model = g, slices.Concat(gd, bd)
	l.model = &views.Model{Pages: pages, Links: g, Vocabulary: g.Vocabulary(), Backlogs: bm, Glossary: l.terms, Provided: l.files.provides}
}

// withBodies gives m the bodies, introductions and backlinks of rb.
func withBodies(m *views.Model, rb *renderedBodies) {
	m.Bodies, m.Intros, m.Backlinks = rb.bodies, rb.intros, rb.backlinks
}

// contentOptions are the rules of the site's content folder.
func contentOptions(cfg *config.Config) content.Options {
	o := content.Options{Prefix: "content", Levels: cfg.Levels, Types: cfg.TypeOrder}
	if cfg.Multilingual() {
		o.Languages, o.Default = cfg.Translated(), cfg.DefaultLanguage
	}
	return o
}

func published(pages []*generator.Page, drafts bool) []*generator.Page {
	if drafts {
		return pages
	}
	out := pages[:0:0]
	for _, p := range pages {
		if !p.Draft {
			out = append(out, p)
		}
	}
	return out
}

// inRoot is the file system of a folder, like os.DirFS, except that it
// refuses symbolic links that lead out of the folder, so that a theme
// cannot make the build read, and publish, files from elsewhere.
type inRoot string

func (dir inRoot) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return os.OpenInRoot(string(dir), name)
}

// openTheme lays the site's themes/<name>/ over the embedded default.
func openTheme(src, name string) (fs.FS, error) {
	dir := filepath.Join(src, "themes", name)
	st, err := os.Stat(dir)
	switch {
	case err == nil && st.IsDir():
		return themes.Overlay(inRoot(dir), themes.Default()), nil
	case name == "default":
		return themes.Default(), nil
	}
	return nil, fmt.Errorf("site.toml names theme %q, but there is no folder themes/%s", name, name)
}

// themeStrings reads the theme's strings in each of the site's
// languages: the default theme's, with the site's theme folder's over
// them, string by string.
func themeStrings(src string, cfg *config.Config) (map[string]*i18n.Strings, error) {
	layers := []fs.FS{themes.Default()}
	dir := filepath.Join(src, "themes", cfg.Theme)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		layers = append(layers, inRoot(dir))
	}
	out := map[string]*i18n.Strings{}
	for _, lang := range append([]string{cfg.Language}, cfg.Translated()...) {
		s, err := i18n.Load(lang, layers...)
		if err != nil {
			return nil, err
		}
		out[lang] = s
	}
	return out, nil
}

func siteInfo(cfg *config.Config, version string) views.SiteInfo {
	info := views.SiteInfo{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language,
		EditURL: cfg.EditURL, Version: version, Levels: cfg.Levels, Statuses: cfg.Backlog.Statuses, Done: cfg.Backlog.Done, Dropped: cfg.Backlog.Dropped,
		Roadmap: views.RoadmapSettings{CycleWeeks: cfg.Roadmap.CycleWeeks, CycleStart: cfg.Roadmap.CycleStart,
			IterationWeeks: cfg.Backlog.IterationWeeks}}
	for _, t := range cfg.TypeOrder {
		info.Types = append(info.Types, views.TypeInfo{Name: t, Label: cfg.TypeLabel(t), Plural: cfg.TypePlural(t)})
	}
	return info
}

func backlogSettings(cfg *config.Config, now time.Time) backlog.Settings {
	b := cfg.Backlog
	return backlog.Settings{Kinds: b.Kinds, Statuses: b.Statuses, Ready: b.Ready, Done: b.Done,
		Dropped: b.Dropped, DoR: b.DoR, Horizon: b.Horizon, IterationWeeks: b.IterationWeeks, Now: now,
		NextWeeks: cfg.Roadmap.CycleWeeks}
}

func vocabulary(cfg *config.Config) []generator.RelationType {
	var out []generator.RelationType
	for _, name := range cfg.RelationOrder {
		r := cfg.Relations[name]
		out = append(out, generator.RelationType{Name: name, Label: r.Label, Inverse: r.Inverse,
			From: r.From, To: r.To, Acyclic: r.Acyclic})
	}
	return out
}
