package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/backlight-wiki/backlight/generator/site"
	"github.com/backlight-wiki/backlight/internal/corpus"
	"github.com/chromedp/cdproto/network"
)

func TestParseFlagsRejectsBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"-pages", "10"},
		{"-runs", "0"},
		{"-timeout", "0s"},
		{"-out", ""},
		{"extra"},
	} {
		if _, err := parseFlags(args, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) accepted it", args)
		}
	}
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil || cfg.pages != 10000 || cfg.seed != 1 || cfg.runs != 3 || cfg.pagefind != "1" {
		t.Errorf("defaults: %+v, %v", cfg, err)
	}
}

func TestSitePathAndRank(t *testing.T) {
	for in, want := range map[string]string{
		"http://127.0.0.1:8080/roles/po/":           "roles/po/",
		"http://127.0.0.1:8080/roles/po/index.html": "roles/po/",
		"/roles/po/#duties":                         "roles/po/",
		"/backlogs/team-pi/tbi-7/?q=x":              "backlogs/team-pi/tbi-7/",
		"roles/po":                                  "roles/po/",
		"http://127.0.0.1:8080/":                    "",
	} {
		if got := sitePath(in); got != want {
			t.Errorf("sitePath(%q) = %q, want %q", in, got, want)
		}
	}
	hits := []hit{{URL: "a/"}, {URL: "b/"}, {URL: "c/"}}
	if rank(hits, "b/") != 2 || rank(hits, "d/") != 0 || rank(nil, "a/") != 0 {
		t.Error("rank is not the 1-based position, 0 when absent")
	}
}

func TestAcceptsGzip(t *testing.T) {
	for header, want := range map[string]bool{
		"gzip, deflate, br, zstd": true,
		"br;q=1.0, gzip;q=0.8":    true,
		"*":                       true,
		"gzip;q=0":                false,
		"identity":                false,
		"":                        false,
		"deflate, br":             false,
	} {
		if got := acceptsGzip(header); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
}

func TestGzipServerCompressesTextAndSendsPrecompressedFilesAsTheyAre(t *testing.T) {
	page := strings.Repeat("<p>Cluster Product Owner</p>", 100)
	fragment := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1, 2, 3} // already a gzip stream
	files := newGzipServer(fstest.MapFS{
		"roles/po/index.html":                {Data: []byte(page)},
		"pagefind/fragment/en_1.pf_fragment": {Data: fragment},
		"pagefind/wasm.en.pagefind":          {Data: fragment},
	})
	srv := httptest.NewServer(files)
	defer srv.Close()
	get := func(path, encoding string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Accept-Encoding", encoding) // set by hand: the client then does not inflate
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		return res
	}
	body := func(res *http.Response) []byte {
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	res := get("/roles/po/", "gzip, br")
	if res.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("HTML for a gzip browser: headers %v", res.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body(res)))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := io.ReadAll(zr); string(got) != page {
		t.Errorf("the gzipped page inflates to %d bytes, want the %d of the file", len(got), len(page))
	}

	if res := get("/roles/po/", ""); res.Header.Get("Content-Encoding") != "" || string(body(res)) != page {
		t.Errorf("HTML for a browser without gzip: want it as it is, got headers %v", res.Header)
	}
	for _, p := range []string{"/pagefind/fragment/en_1.pf_fragment", "/pagefind/wasm.en.pagefind"} {
		res := get(p, "gzip")
		if enc := res.Header.Get("Content-Encoding"); enc != "" || !bytes.Equal(body(res), fragment) {
			t.Errorf("%s: want the file's bytes unchanged, without Content-Encoding; got encoding %q", p, enc)
		}
	}
	if res := get("/roles/po", "gzip"); res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/roles/po/" {
		t.Errorf("a folder without its slash: got %d to %q, want a redirect to /roles/po/", res.StatusCode, res.Header.Get("Location"))
	}
	if res := get("/nope.js", "gzip"); res.StatusCode != http.StatusNotFound {
		t.Errorf("a missing file: got %d", res.StatusCode)
	}

	log := files.since(0)
	if len(log) != 6 || log[2].path != "pagefind/fragment/en_1.pf_fragment" || log[2].body != int64(len(fragment)) {
		t.Fatalf("server log: %+v", log)
	}
	if log[1].body != int64(len(page)) || log[0].body >= log[1].body || log[0].head < 100 {
		t.Errorf("server log counts %+v and %+v for the page gzipped and not", log[0], log[1])
	}
}

func TestTrafficCountsTheQueryAndTheEngineFiles(t *testing.T) {
	tr := newTraffic(func(p string) bool { return strings.HasPrefix(p, "js/search.") || strings.HasPrefix(p, "search/") })
	send := func(id, path string) {
		tr.event(&network.EventRequestWillBeSent{RequestID: network.RequestID(id), Request: &network.Request{URL: "http://127.0.0.1:1/" + path}})
	}
	done := func(id string, n float64) {
		tr.event(&network.EventLoadingFinished{RequestID: network.RequestID(id), EncodedDataLength: n})
	}
	send("1", "")                  // the page: not counted
	send("2", "js/search.1234.js") // the engine's script, loaded with the page: counted
	send("3", "css/style.css")     // not counted
	done("1", 5000)
	done("2", 9000)
	done("3", 3000)
	tr.startQuery()
	send("4", "search/manifest.js")
	send("5", "favicon.ico") // never counted
	send("6", "search/worker.js")
	done("4", 700)
	done("5", 200)
	done("6", 150) // as a worker's session reports its own script: headers only
	if got := tr.unfinished(); len(got) != 0 {
		t.Errorf("unfinished requests %q", got)
	}
	o := tr.sum([]sent{
		{path: "", head: 100, body: 4900},
		{path: "js/search.1234.js", head: 120, body: 8880},
		{path: "css/style.css", head: 100, body: 2900},
		{path: "search/manifest.js", head: 100, body: 600},
		{path: "favicon.ico", head: 100, body: 100},
		{path: "search/worker.js", head: 150, body: 4000},
	})
	if o.bytes != 9000+700+4150 || o.requests != 3 || o.patched != 1 || o.server != 9000+700+4150 {
		t.Errorf("got %d bytes in %d requests (%d patched, server %d); want %d in 3 (1 patched)",
			o.bytes, o.requests, o.patched, o.server, 9000+700+4150)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := tr.waitQuiet(ctx); err != nil {
		t.Error(err)
	}
}

func TestWordsAndPlainText(t *testing.T) {
	md := "See [[CBI-12|export logs]] and [[Cluster Product Owner]], or [the Pump](../roles/pump.md).\n## Open questions"
	got := words(plainText(md))
	want := []string{"see", "export", "logs", "and", "cluster", "product", "owner", "or", "the", "pump", "open", "questions"}
	if !slices.Equal(got, want) {
		t.Errorf("words(plainText(…)) = %q, want %q", got, want)
	}
	for in, want := range map[string]string{"valves": "valve", "categories": "category", "process": "process", "bus": "bus", "ready": "ready"} {
		if got := base(in); got != want {
			t.Errorf("base(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefaultQueriesTable checks the table in the source: 20 queries, four
// of each class, with distinct texts and pages under the site root.
func TestDefaultQueriesTable(t *testing.T) {
	checkQueryTable(t, defaultQueries)
	sizes := map[string]int{}
	for _, q := range defaultQueries {
		sizes[q.size()]++
	}
	if sizes["one word"] < 8 || sizes["two words"] < 4 {
		t.Errorf("want at least 8 one-word and 4 two-word queries, got %v", sizes)
	}
}

func checkQueryTable(t *testing.T, qs []query) {
	t.Helper()
	if len(qs) != 20 {
		t.Fatalf("%d queries, want 20", len(qs))
	}
	classes := map[string]int{}
	texts := map[string]bool{}
	for _, q := range qs {
		classes[q.class]++
		if q.text == "" || q.title == "" || !strings.HasSuffix(q.want, "/") || strings.HasPrefix(q.want, "/") {
			t.Errorf("malformed query %+v", q)
		}
		if texts[strings.ToLower(q.text)] {
			t.Errorf("query %q twice", q.text)
		}
		texts[strings.ToLower(q.text)] = true
		switch q.class {
		case classTitle:
			if q.text != q.title {
				t.Errorf("title query %q expects a page titled %q", q.text, q.title)
			}
		case classWord, classTwo:
			for _, w := range strings.Fields(q.text) {
				if !slices.Contains(words(q.title), w) {
					t.Errorf("%s query %q: %q is not in the title %q of the expected page", q.class, q.text, w, q.title)
				}
			}
		}
	}
	for _, c := range []string{classAbbr, classKey, classTitle, classWord, classTwo} {
		if classes[c] != perClass {
			t.Errorf("%d %s queries, want %d", classes[c], c, perClass)
		}
	}
}

// writeCorpus writes a corpus into a temporary folder.
func writeCorpus(t *testing.T, pages int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Write(dir, corpus.Options{Pages: pages, Seed: defaultSeed}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestChooseQueriesIsDeterministic(t *testing.T) {
	dir := writeCorpus(t, corpus.MinPages)
	pages, err := readCorpus(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != corpus.MinPages {
		t.Fatalf("read %d pages, want %d", len(pages), corpus.MinPages)
	}
	qs, err := chooseQueries(pages)
	if err != nil {
		t.Fatal(err)
	}
	checkQueryTable(t, qs)
	if err := checkQueries(qs, pages); err != nil {
		t.Error(err)
	}
	again, _ := chooseQueries(pages)
	if !slices.Equal(qs, again) {
		t.Error("two choices from the same corpus differ")
	}
}

// TestDefaultQueriesAreTheChoiceFromTheDefaultCorpus writes the 10,000
// page corpus and checks that the table in the source is what
// chooseQueries picks from it.
func TestDefaultQueriesAreTheChoiceFromTheDefaultCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 10,000-page corpus")
	}
	pages, err := readCorpus(os.DirFS(writeCorpus(t, defaultPages)))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := chooseQueries(pages)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(qs, defaultQueries) {
		var b strings.Builder
		printQueries(&b, qs)
		t.Errorf("defaultQueries is not the choice from the default corpus, which is:\n%s", b.String())
	}
}

// TestIndexStepBuildsTheIndexOfTheBuild loads a built corpus as the -index
// child does and checks that the index it builds is the build's, byte for
// byte (measureIndexStep fails otherwise).
func TestIndexStepBuildsTheIndexOfTheBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site")
	}
	dir := writeCorpus(t, corpus.MinPages)
	if res, err := site.Build(context.Background(), site.Options{Source: dir}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	st, err := measureIndexStep(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The pages and the glossary page, which the build generates.
	if st.Mismatch != "" || st.Docs != corpus.MinPages+1 || st.WallNs <= 0 {
		t.Errorf("got %+v, want the %d pages and the glossary indexed", st, corpus.MinPages)
	}
}

func TestReportTables(t *testing.T) {
	qs := []query{
		{class: classAbbr, text: "PO", want: "roles/po/", title: "Product Owner"},
		{class: classWord, text: "ready", want: "artifacts/dor/", title: "Definition of Ready"},
		{class: classTwo, text: "leak liaison", want: "roles/tll/", title: "Team Leak Liaison"},
	}
	bl := &engineResult{name: "backlight", available: true, build: 800 * time.Millisecond, peak: 50 << 20,
		files: 1000, bytes: 10 << 20, sent: 3 << 20, outcomes: []outcome{
			{bytes: 30 << 10, requests: 4, hits: []hit{{URL: "roles/po/"}}},
			{bytes: 50 << 10, requests: 5, hits: []hit{{URL: "x/"}, {URL: "y/"}, {URL: "artifacts/dor/"}}},
			{bytes: 100 << 10, requests: 6, hits: []hit{}},
		}}
	pf := &engineResult{name: "pagefind", version: "1.6.0", available: true, outcomes: make([]outcome, 3),
		failures: []string{"one", "two", "three"}}
	r := &report{pages: 10000, seed: 1, queries: qs, engines: []*engineResult{bl, pf}}
	var text, md bytes.Buffer
	r.print(&text)
	r.markdown(&md)
	for _, want := range []string{"0.80 s", "50.0 MiB", "10.0 MiB", "3.0 MiB", "0.100", "40.0 / 50.0", "100.0 / 100.0", "pagefind 1.6.0", "failed"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	if !strings.Contains(md.String(), "| backlight | 1 | 2 | 2 | 0 |") || !strings.Contains(md.String(), "| pagefind | 0 | 0 | 0 | 3 |") {
		t.Errorf("Markdown quality table wrong:\n%s", md.String())
	}
}
