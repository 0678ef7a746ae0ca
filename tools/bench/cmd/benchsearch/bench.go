package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// Bounds of the child processes.
const (
	buildTimeout = 30 * time.Minute
)

// benchmark runs the whole comparison and prints and writes the report.
func benchmark(ctx context.Context, cfg config, stdout, progress io.Writer) (err error) {
	start := time.Now()
	// Everything that can be missing is looked for before the long steps.
	backlight, err := harness.FindBinary("backlight", cfg.backlight, "build it first with make build, or pass -backlight")
	if err != nil {
		return err
	}
	chromium, err := findChromium(cfg.chromium)
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find benchsearch itself: %w", err)
	}
	pf, err := installPagefind(ctx, cfg.cache, cfg.pagefind, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(progress, "pagefind %s: %s\n", pf.version, pf.bin)

	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return fmt.Errorf("work folder: %w", err)
	}
	site := filepath.Join(cfg.out, fmt.Sprintf("site-%d-%d", cfg.pages, cfg.seed))
	if err := os.RemoveAll(site); err != nil {
		return fmt.Errorf("clear %s: %w", site, err)
	}
	if cfg.keep {
		defer fmt.Fprintf(progress, "kept the site and its output in %s\n", site)
	} else {
		defer func() { err = errors.Join(err, os.RemoveAll(site)) }()
	}

	// 1. The corpus, written by a child, and Backlight's build of it.
	t := time.Now()
	if err := harness.WriteCorpus(ctx, site, cfg.pages, cfg.seed); err != nil {
		return err
	}
	fmt.Fprintf(progress, "wrote %d pages to %s in %v\n", cfg.pages, site, time.Since(t).Round(time.Millisecond))
	public := filepath.Join(site, "public")
	build, err := harness.Run(ctx, buildTimeout, backlight, "build", "-s", site, "-d", public, "--quiet")
	if err != nil {
		return fmt.Errorf("build the corpus: %w", err)
	}
	fmt.Fprintf(progress, "backlight build: %v, %.1f MiB\n", build.Wall.Round(time.Millisecond), harness.MiB(build.RSS))

	rep := &report{pages: cfg.pages, seed: cfg.seed}
	bl := &engineResult{name: "backlight"}
	rep.engines = append(rep.engines, bl)
	rep.notes = append(rep.notes, fmt.Sprintf("Backlight's whole build (%s, index included): %v, peak RSS %.1f MiB.",
		backlight, build.Wall.Round(time.Millisecond), harness.MiB(build.RSS)))

	// 2. Backlight's index: its files, and its build measured in-process.
	searchDir := filepath.Join(public, "search")
	if _, err := os.Stat(filepath.Join(searchDir, "manifest.js")); err == nil {
		bl.available = true
		if err := measureFiles(bl, searchDir, isIndexFile); err != nil {
			return err
		}
		st, err := measureIndex(ctx, self, site, cfg.runs, progress)
		if err != nil {
			return fmt.Errorf("measure Backlight's index build: %w", err)
		}
		if st.Mismatch != "" {
			fmt.Fprintf(progress, "warning: the index built in-process differs from the build's (%s): searchdocs.go no longer loads the site as site.Build does\n", st.Mismatch)
			rep.notes = append(rep.notes, "The index benchsearch builds in-process differs from the build's ("+st.Mismatch+"), so its build time and memory may be off: searchdocs.go must follow site.Build.")
		}
		bl.build, bl.peak = st.wall(), st.StepPeak
		rep.notes = append(rep.notes, fmt.Sprintf("Backlight's index build is measured in-process (best of %d): the wall time of search.Build, and its peak RSS above the RSS before it (the loaded site); the process peaked at %.1f MiB with the site loaded, and the step allocated %.1f MiB.",
			cfg.runs, harness.MiB(st.ProcPeak), harness.MiB(st.Allocated)))
	} else {
		rep.notes = append(rep.notes, "Backlight's build wrote no search/manifest.js: its search is not measured.")
	}

	// 3. Pagefind, on the same output.
	pfr, err := runPagefind(ctx, pf, public, cfg.runs, progress)
	if err != nil {
		return err
	}
	pfe := &engineResult{name: "pagefind", version: pf.version, available: true, build: pfr.wall, peak: pfr.rss}
	rep.engines = append(rep.engines, pfe)
	if err := measureFiles(pfe, filepath.Join(public, "pagefind"), nil); err != nil {
		return err
	}
	rep.notes = append(rep.notes, fmt.Sprintf("Pagefind %s (npm pagefind@%s, %s) indexed %d HTML files of the output, every page of the site as it comes (no data-pagefind attributes); build and peak RSS: best of %d runs of `pagefind --site`; its index bytes are all of public/pagefind/, UI bundles included.",
		pf.version, cfg.pagefind, pf.bin, pfr.pages, cfg.runs))
	if err := writePagefindPage(public); err != nil {
		return err
	}

	// 4. The queries, from the corpus, now that no measured child follows.
	pages, err := readCorpus(os.DirFS(site))
	if err != nil {
		return err
	}
	qs, err := chooseQueries(pages)
	if err != nil {
		return err
	}
	if err := checkQueries(qs, pages); err != nil {
		return err
	}
	if cfg.pages == defaultPages && cfg.seed == defaultSeed && !slices.Equal(qs, defaultQueries) {
		fmt.Fprintln(progress, "warning: the queries chosen from the corpus differ from defaultQueries in queries.go (has the corpus generator changed?); using the chosen ones:")
		rep.notes = append(rep.notes, "The queries chosen from the corpus differ from the table in queries.go: the corpus generator has changed since it was written.")
	}
	if cfg.pages != defaultPages || cfg.seed != defaultSeed || !slices.Equal(qs, defaultQueries) {
		printQueries(progress, qs)
	}
	for _, q := range qs {
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(q.want), "index.html")); err != nil {
			return fmt.Errorf("query %q expects %s, which the build did not write: %w", q.text, q.want, err)
		}
	}
	rep.queries = qs

	// 5. The first queries, in the browser.
	if err := runQueries(cfg, chromium, public, rep, progress); err != nil {
		return err
	}
	rep.duration = time.Since(start)
	rep.print(stdout)
	md := filepath.Join(cfg.out, "bench-search.md")
	var b bytes.Buffer
	rep.markdown(&b)
	if err := os.WriteFile(md, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(progress, "wrote %s; the run took %v\n", md, rep.duration.Round(time.Second))
	return nil
}

// measureFiles counts an engine's index files under dir (those keep says
// to, all if nil), their bytes, and the bytes the server sends for them.
func measureFiles(e *engineResult, dir string, keep func(string) bool) error {
	files, size, err := treeSize(dir, keep)
	if err != nil {
		return err
	}
	e.files, e.bytes = files, size
	e.sent, err = sentSize(dir, keep)
	return err
}

// sentSize is the bytes the gzip server sends for the files under dir
// that keep says to (all if nil): text types gzipped, the others as they
// are.
func sentSize(dir string, keep func(string) bool) (int64, error) {
	var total int64
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || keep != nil && !keep(e.Name()) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !compressed[path.Ext(p)] {
			total += int64(len(data))
			return nil
		}
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		zw.Write(data)
		zw.Close()
		total += int64(b.Len())
		return nil
	})
	return total, err
}

// printQueries lists the queries and their expected pages.
func printQueries(w io.Writer, qs []query) {
	fmt.Fprintln(w, "queries (class, text, expected page):")
	for _, q := range qs {
		fmt.Fprintf(w, "  %-9s %-45q %s (%s)\n", q.class, q.text, q.want, q.title)
	}
}

// runQueries serves the site and runs every query on every engine whose
// index exists, each in a fresh browser context.
func runQueries(cfg config, chromium, public string, rep *report, progress io.Writer) (err error) {
	root, err := os.OpenRoot(public)
	if err != nil {
		return err
	}
	defer root.Close()
	srv, err := serve(root.FS())
	if err != nil {
		return fmt.Errorf("serve %s: %w", public, err)
	}
	defer func() { err = errors.Join(err, srv.stop()) }()
	fmt.Fprintf(progress, "serving %s on %s\n", public, srv.URL)
	rep.notes = append(rep.notes, "Browser: "+browserVersion(chromium)+", headless, a fresh browser context (empty cache) per query and engine. Bytes are CDP's Network.loadingFinished encodedDataLength (headers included) of the page and of its workers, over HTTP/1.1 from a local server that gzips HTML, JS, CSS, JSON and SVG (level 6) and sends Pagefind's precompressed files as they are; Pagefind's worker script, which CDP sees only the headers of, counts what the server sent.")

	b, err := startBrowser(chromium, filepath.Join(cfg.out, "chromium-profile"))
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, b.stop()) }()

	rep.notes = append(rep.notes, fmt.Sprintf("Backlight: the home page, then the query entered into the header box at once (one input event, as a paste or typing faster than search.js's 60 ms debounce), and the dropdown read (up to %d results). Pagefind: a blank page in the output, then pagefind.search(query) and .data() of the first %d results, as a results list loads them. Downloads count what the query loads after the page has loaded and gone quiet, and the engine's own files whenever loaded (js/search.*.js and search/*.js; pagefind/*).", maxHits, maxHits))
	engines := map[string]engine{"backlight": backlightEngine(), "pagefind": pagefindEngine()}
	for _, e := range rep.engines {
		if !e.available {
			continue
		}
		eng := engines[e.name]
		e.outcomes = make([]outcome, len(rep.queries))
		for i, q := range rep.queries {
			o, err := b.firstQuery(srv, eng, q.text, cfg.timeout)
			if err != nil {
				e.failures = append(e.failures, err.Error())
				fmt.Fprintf(progress, "  %s %q: %v\n", e.name, q.text, err)
				continue
			}
			if o.hits == nil {
				o.hits = []hit{}
			}
			e.outcomes[i] = o
			top := "-"
			if len(o.hits) > 0 {
				top = o.hits[0].URL
			}
			fmt.Fprintf(progress, "  %-9s %-45q %7.1f KiB in %2d requests, rank %d, first %s\n",
				e.name, q.text, harness.KiB(o.bytes), o.requests, rank(o.hits, q.want), top)
			if cfg.verbose {
				for _, f := range o.files {
					fmt.Fprintf(progress, "    %8d  /%s\n", f.bytes, f.path)
				}
				for k, h := range o.hits {
					fmt.Fprintf(progress, "    %d. %s (%s)\n", k+1, h.URL, h.Title)
				}
				fmt.Fprintf(progress, "    CDP %d bytes, server %d bytes, %d from the server's log\n", o.bytes, o.server, o.patched)
			}
			for _, msg := range o.errs {
				fmt.Fprintf(progress, "    uncaught exception: %s\n", msg)
				e.exceptions = append(e.exceptions, fmt.Sprintf("%q: uncaught exception: %s", q.text, msg))
			}
		}
	}
	for _, e := range rep.engines {
		for _, f := range slices.Concat(e.failures, e.exceptions) {
			rep.notes = append(rep.notes, e.name+": "+strings.TrimSpace(f))
		}
	}
	return nil
}
