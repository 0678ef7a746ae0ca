package site

// Browser tests of the site search (docs/search.md): the default theme's
// js/search.js in a headless Chromium, on a hand-written index
// (testdata/search/fixture) and on the index of real builds. Like the other
// browser tests they skip without Chromium unless BACKLIGHT_E2E=require.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/kljensen/snowball/english"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/i18n"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/search"
	"github.com/backlight-wiki/backlight/themes"
)

// Selectors of the header box and its dropdown, and of the search page.
const (
	searchBox     = `form.site-search input[name="q"]`
	searchPop     = `.site-search-pop`
	searchOptions = `.site-search-list [role="option"]`
	searchResults = `.search-results > li`
)

// serveDir serves dir on 127.0.0.1 until the test ends and returns the
// server's base URL.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	return serveDirWith(t, dir, nil)
}

// serveDirWith is serveDir with header set on every response.
func serveDirWith(t *testing.T, dir string, header http.Header) string {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	files := http.FileServerFS(root.FS())
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		maps.Copy(w.Header(), header)
		files.ServeHTTP(w, r)
	}))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// writeFile writes data to dir/name, making folders as needed.
func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// minifiedJS returns a script of the default theme minified as builds
// minify it, so that the tests run what sites serve.
func minifiedJS(t *testing.T, name string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := newMinify().minify(&out, bytes.NewBuffer(themeFile(t, name)), ".js"); err != nil {
		t.Fatalf("minify %s: %v", name, err)
	}
	return out.Bytes()
}

// themeFile reads a file of the default theme.
func themeFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fixturePage renders one page with the default theme's base.html and
// partials, as the engine would (without fingerprints): the search page
// when main is "", else a page whose main block is main.
func fixturePage(t *testing.T, url, title, main string) []byte {
	t.Helper()
	theme := themes.Default()
	strs, err := i18n.Load("en", theme)
	if err != nil {
		t.Fatal(err)
	}
	var tpl *template.Template
	tpl = template.New("base.html").Funcs(template.FuncMap{
		"rel":   generator.Rel,
		"asset": func(root, name string) string { return root + name },
		"cached": func(name, _ string, data any) (template.HTML, error) {
			var b strings.Builder
			err := tpl.ExecuteTemplate(&b, name, data)
			return template.HTML(b.String()), err
		},
		"links":        func([]views.Entry) template.HTML { return "" },
		"entryList":    func([]views.Entry) template.HTML { return "" },
		"crumbs":       func([]views.Link) template.HTML { return "" },
		"facts":        func(string, []views.Fact) template.HTML { return "" },
		"pageHead":     func(*views.PageView) template.HTML { return "" },
		"itemFacts":    func(string, *views.ItemView) template.HTML { return "" },
		"likelyDays":   func(*views.Likely) template.HTML { return "" },
		"relations":    func(string, []views.RelationGroup) template.HTML { return "" },
		"relatedTable": func([]views.RelatedColumn) template.HTML { return "" },
		"backlogRows":  func(string, *views.BacklogView) template.HTML { return "" },
		"boardCards":   func([]views.BacklogRow) template.HTML { return "" },
		"chainLinks":   func([]views.Entry) template.HTML { return "" },
		"childRows":    func([]views.ChildRow) template.HTML { return "" },
		"textItems":    func([]string) template.HTML { return "" },
		"matrixRows":   func([]views.MatrixRow) template.HTML { return "" },
		"treeNodes":    func([]views.TreeNode) template.HTML { return "" },
		"scopeRows":    func([]views.ScopeRow) template.HTML { return "" },
		"noteItems":    func([]views.Entry) template.HTML { return "" },
		"headMeta": func(v *views.View) template.HTML {
			return template.HTML("<title>" + template.HTMLEscapeString(v.Title) + "</title>")
		},
		"dict":      func(...any) map[string]any { return nil },
		"hasPrefix": strings.HasPrefix,
		"lower":     strings.ToLower,
		"join":      strings.Join,
		"term":      func(_, _, text string) string { return text },
		"relterm":   func(_, _, text string) string { return text },
		"t":         strs.HTML,
		"tn":        strs.HTMLN,
		"date":      strs.Date,
	})
	files := []string{"layouts/base.html"}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, partials...)
	if main == "" {
		files = append(files, "layouts/search.html")
	}
	for i, f := range files {
		nt := tpl
		if i > 0 {
			nt = tpl.New(f)
		}
		if _, err := nt.Parse(string(themeFile(t, f))); err != nil {
			t.Fatal(err)
		}
	}
	if main != "" {
		if _, err := tpl.New("main").Parse(`{{define "main"}}` + main + `{{end}}`); err != nil {
			t.Fatal(err)
		}
	}
	root := generator.RootOf(url)
	kind := "page"
	if main == "" {
		kind = "search"
	}
	v := &views.View{
		Site: &views.SiteInfo{Title: "Fixture wiki", Language: "en", Version: "test",
			Nav: []views.Link{{Title: "Roles", URL: "/roles/"}, {Title: "Events", URL: "/events/"}, {Title: "Artifacts", URL: "/artifacts/"}}},
		Kind:   kind,
		URL:    url,
		Root:   root,
		Title:  title,
		NavKey: root,
	}
	var b bytes.Buffer
	if err := tpl.ExecuteTemplate(&b, "base.html", v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// searchFixture writes a small site to a temporary folder: a start page, the
// search page and a page per document, rendered with the default theme, its
// CSS and scripts, and the hand-written index of testdata/search/fixture.
func searchFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "index.html", fixturePage(t, "/", "", `<h1>Fixture wiki</h1><p>A page to search from.</p>`))
	writeFile(t, dir, "search/index.html", fixturePage(t, "/search/", "Search", ""))
	for _, p := range []struct{ url, title string }{
		{"/roles/cluster-product-owner/", "Cluster Product Owner"},
		{"/events/cluster-backlog-refinement/", "Cluster Backlog Refinement"},
		{"/backlogs/cluster-pumps/cbi-214/", "Pump controller firmware update"},
	} {
		writeFile(t, dir, p.url[1:]+"index.html", fixturePage(t, p.url, p.title, `<h1>{{.Title}}</h1>`))
	}
	for _, f := range []string{"js/search.js", "js/site.js"} {
		writeFile(t, dir, f, minifiedJS(t, "static/"+f))
	}
	writeFile(t, dir, "css/style.css", themeFile(t, "static/css/style.css"))
	src := "../../testdata/search/fixture/search"
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "search/"+e.Name(), data)
	}
	return dir
}

// eval runs a JavaScript expression, awaiting a promise, and fails the test
// when it throws.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition for up to ten seconds.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond,
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

// dropdown is what the header box shows.
type dropdown struct {
	Open     bool     `json:"open"`     // the dropdown is rendered
	Expanded string   `json:"expanded"` // the box's aria-expanded
	Active   string   `json:"active"`   // the box's aria-activedescendant
	Selected []string `json:"selected"` // ids of options with aria-selected=true
	IDs      []string `json:"ids"`      // option ids
	Titles   []string `json:"titles"`   // result titles, then the "All results" row
	Keys     []string `json:"keys"`     // result keys or abbreviations
	Hrefs    []string `json:"hrefs"`    // link of each option
	Marks    []string `json:"marks"`    // text of the <mark>s
	Status   string   `json:"status"`   // the status line, when shown
	Imgs     int      `json:"imgs"`     // <img> elements in the dropdown
}

func readDropdown(t *testing.T, ctx context.Context) dropdown {
	t.Helper()
	return eval[dropdown](t, ctx, fmt.Sprintf(`(() => {
	const box = document.querySelector(%s), pop = document.querySelector(%s);
	const opts = [...document.querySelectorAll(%s)];
	const status = pop.querySelector(".site-search-status");
	return {
		open: pop.checkVisibility(),
		expanded: box.getAttribute("aria-expanded") || "",
		active: box.getAttribute("aria-activedescendant") || "",
		selected: opts.filter(o => o.getAttribute("aria-selected") === "true").map(o => o.id),
		ids: opts.map(o => o.id),
		titles: opts.map(o => (o.querySelector(".search-hit-title") || o).textContent.trim()),
		keys: opts.map(o => { const k = o.querySelector(".key"); return k ? k.textContent : ""; }),
		hrefs: opts.map(o => o.querySelector("a").href),
		marks: [...pop.querySelectorAll("mark")].map(m => m.textContent),
		status: status && status.checkVisibility() ? status.textContent : "",
		imgs: pop.querySelectorAll("img").length,
	};
})()`, strconv.Quote(searchBox), strconv.Quote(searchPop), strconv.Quote(searchOptions)))
}

// typeQuery empties the header box and types q into it.
func typeQuery(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	do(t, ctx, "type "+q,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const b = document.querySelector(%s); b.value = ""; b.focus(); })()`, strconv.Quote(searchBox))),
		chromedp.SendKeys(chromedp.CSS(searchBox), q),
	)
}

// typeAndWait types q and waits until the dropdown shows its results (or
// its status line) for it.
func typeAndWait(t *testing.T, ctx context.Context, q string) dropdown {
	t.Helper()
	typeQuery(t, ctx, q)
	waitFor(t, ctx, "results for "+q, fmt.Sprintf(`(() => {
	const pop = document.querySelector(%[1]s), s = pop.querySelector(".site-search-status"), all = pop.querySelector(".search-all");
	return pop.checkVisibility() && ((all && all.textContent.includes(%[2]s)) ||
		(s && !s.hidden && (s.textContent.includes(%[2]s) || s.textContent.startsWith("Search is unavailable"))));
})()`, strconv.Quote(searchPop), strconv.Quote("\u201c"+q+"\u201d")))
	return readDropdown(t, ctx)
}

func press(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	do(t, ctx, fmt.Sprintf("press %q", key), chromedp.KeyEvent(key))
}

// pressText presses a key that types text ("/", Enter) as a keyboard
// does: one keydown that carries the text, so that a handler that cancels
// the keydown also cancels the text (chromedp.KeyEvent sends the text as an
// event of its own).
func pressText(t *testing.T, ctx context.Context, key, code string, keyCode int64, text string) {
	t.Helper()
	do(t, ctx, "press "+key, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code,
			WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode, Text: text, UnmodifiedText: text}
		if _, err := cdp.Call(ctx, tgt, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		_, err := cdp.Call(ctx, tgt, input.DispatchKeyEvent, up)
		return err
	}))
}

func pressEnter(t *testing.T, ctx context.Context) {
	t.Helper()
	pressText(t, ctx, "Enter", "Enter", 13, "\r")
}

// waitPath waits until the browser shows the page at path. The page may
// be navigating, which fails evaluations until the next one has loaded.
func waitPath(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	js := fmt.Sprintf(`location.pathname === %s && document.readyState === "complete"`, strconv.Quote(path))
	var err error
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](js)); ok && err == nil {
			return
		}
	}
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	t.Fatalf("waiting for the page %s: at %s (%v)", path, loc, err)
}

// stemWords returns the words of the stemmer parity test: those of the Go
// index's own list (generator/search/testdata/stems.txt, "word stem" a
// line) when it has one, and those of testdata/search/words.txt, Porter2's
// tricky cases and the example site's words.
func stemWords(t *testing.T) []string {
	t.Helper()
	var words []string
	seen := map[string]bool{}
	for _, name := range []string{"../search/testdata/stems.txt", "../../testdata/search/words.txt"} {
		f, err := os.Open(name)
		if os.IsNotExist(err) && strings.HasPrefix(name, "../search/") {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if w := strings.Fields(line)[0]; !seen[w] {
				seen[w] = true
				words = append(words, w)
				n++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d words from %s", n, name)
	}
	if len(words) < 1500 {
		t.Fatalf("%d words, want at least 1500", len(words))
	}
	return words
}

// scriptPage serves a blank page that loads the minified js/search.js and
// returns a browser on it.
func scriptPage(t *testing.T) context.Context {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "index.html", []byte(`<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>search.js</title><script src="js/search.js"></script></html>`))
	writeFile(t, dir, "js/search.js", minifiedJS(t, "static/js/search.js"))
	base := serveDir(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, "open the page", chromedp.Navigate(base+"/"))
	return ctx
}

// mapInBrowser calls the function fn of backlightSearch on each string in
// the browser and returns the results.
func mapInBrowser[T any](t *testing.T, ctx context.Context, fn string, in []string) []T {
	t.Helper()
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := eval[[]T](t, ctx, string(data)+`.map(s => backlightSearch.`+fn+`(s))`)
	if len(got) != len(in) {
		t.Fatalf("%s: got %d results for %d strings", fn, len(got), len(in))
	}
	return got
}

// TestSearchStemmerMatchesGo runs the browser's Porter2 stemmer over a word
// list and compares every stem with the Go stemmer the index is made with:
// search.Stem, which is english.Stem(w, true) of github.com/kljensen/snowball
// but for words of one or two characters and empty stems.
func TestSearchStemmerMatchesGo(t *testing.T) {
	chromiumPath(t)
	words := stemWords(t)
	got := mapInBrowser[string](t, scriptPage(t), "stem", words)
	bad, snowball := 0, 0
	for i, w := range words {
		want := search.Stem(w)
		if got[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("stem(%q) = %q in the browser, %q in Go", w, got[i], want)
			}
		}
		if len([]rune(w)) > 2 && english.Stem(w, true) == want {
			snowball++
		}
	}
	if bad > 20 {
		t.Errorf("and %d more words stem differently", bad-20)
	}
	if snowball < len(words)*9/10 {
		t.Errorf("only %d of %d words have search.Stem = english.Stem", snowball, len(words))
	}
}

// TestSearchGermanStemmerMatchesGo runs the browser's German stemmer over
// the German word list of the Go index (generator/search/testdata/
// stems-de.txt: more than 5,000 words, folded as the index folds them, some
// with their umlauts and ß) and compares every stem with search.StemIn.
func TestSearchGermanStemmerMatchesGo(t *testing.T) {
	chromiumPath(t)
	data, err := os.ReadFile("../search/testdata/stems-de.txt")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		words = append(words, strings.Fields(line)[0])
	}
	if len(words) < 5000 {
		t.Fatalf("%d German words, want at least 5,000", len(words))
	}
	got := mapInBrowser[string](t, scriptPage(t), "stemDe", words)
	bad := 0
	for i, w := range words {
		if want := search.StemIn("de", w); got[i] != want {
			if bad++; bad <= 20 {
				t.Errorf("stemDe(%q) = %q in the browser, %q in Go", w, got[i], want)
			}
		}
	}
	if bad > 20 {
		t.Errorf("and %d more words stem differently", bad-20)
	}
}

// TestSearchWordsMatchGo compares what the browser makes of text with what
// the index makes of it: the stems of the words (search.js's UAX #29
// segmentation, fold, stem against search.Words) over every page of the example site and some
// tricky strings, and the folded exact form (against search.Fold).
func TestSearchWordsMatchGo(t *testing.T) {
	chromiumPath(t)
	texts := []string{
		"Cluster Product Owner (CPO)", "CBI-214: pump controller 3.1 (EU)", "don’t refine it’s ‘quoted’ text",
		"Über naïve café Ærø Straße ΟΔΟΣ Σίσυφος", "ﬁnal ＦＵＬＬ width Ⅻ ½ ǅemal", "e.g. i.e. U.S.A. 3,000.50 a_b foo:bar",
		"tab\tnew\nline\u00a0nbsp\u2003em\u3000ideographic  end ", "日本語のテキスト 한국어 العربية ภาษาไทย",
		"decisions.md _index.md foo:bar: 1,5;3 x.1 .5 ..a.. ::b:: a'b' 'c ‿x_‿ ｶﾀｶﾅ_abc カタカナabc", "Ⅻ² ③ x²y ǅ 𝐀𝐁𝐂 e\u0301te\u200bzwsp\u200dzwj",
	}
	files, err := filepath.Glob("../../content/*/*.md")
	if err != nil || len(files) < 20 {
		t.Fatalf("content files: %v, %v", files, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	ctx := scriptPage(t)
	words := mapInBrowser[[]string](t, ctx, "words", texts)
	exact := mapInBrowser[string](t, ctx, "exact", texts)
	bad := 0
	for i, text := range texts {
		name := strconv.Quote(text)
		if i >= 10 {
			name = files[i-10]
		}
		if want := search.Words(text); !slices.Equal(words[i], want) {
			bad++
			for j := range min(len(want), len(words[i])) {
				if want[j] != words[i][j] {
					t.Errorf("%s: word %d is %q in the browser, %q in Go (%q, %q)", name, j, words[i][j], want[j],
						words[i][max(0, j-3):min(j+3, len(words[i]))], want[max(0, j-3):min(j+3, len(want))])
					break
				}
			}
			if len(want) != len(words[i]) {
				t.Errorf("%s: %d words in the browser, %d in Go", name, len(words[i]), len(want))
			}
		}
		if want := search.Fold(text); exact[i] != want && i < 10 {
			t.Errorf("exact(%s) = %q in the browser, %q in Go", name, exact[i], want)
		}
		if bad > 10 {
			t.Fatal("too many differences")
		}
	}
}

// TestSearchClientOnFixture drives the search client on the hand-written
// index of testdata/search/fixture: ranking, the header box with its keys,
// hostile text, the search page with facets, the page without JavaScript
// and file:// with and without an index.
func TestSearchClientOnFixture(t *testing.T) {
	chromiumPath(t)
	dir := searchFixture(t)
	base := serveDir(t, dir)
	ctx := newBrowser(t)
	do(t, ctx, "open the start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))

	t.Run("ranking", func(t *testing.T) {
		for q, want := range map[string][]int{
			"refinement":      {2, 3, 7},
			"cluster backlog": {4, 2, 6, 0, 5, 3}, // both words first, the exact title on top
			"clu":             {0, 4, 2, 6},       // a prefix of "cluster", at half score
			"pum":             {9, 6, 7},
			"refined curve":   {7, 2, 3}, // "curve" reaches the stem "curv", which it starts with
			"CPO":             {0},
			"cbi-214":         {6, 7},
			"Tpo":             {1},
			"zzz":             nil,
		} {
			got := eval[[]int](t, ctx, fmt.Sprintf(`backlightSearch.search(%s).then(r => r.hits)`, strconv.Quote(q)))
			if !slices.Equal(got, want) {
				t.Errorf("search(%q) = %v, want %v", q, got, want)
			}
		}
	})

	t.Run("header box", func(t *testing.T) {
		d := typeAndWait(t, ctx, "refinement")
		if !d.Open || d.Expanded != "true" || len(d.Titles) != 4 || d.Titles[0] != "Cluster Backlog Refinement" ||
			d.Titles[3] != "All 3 results for \u201crefinement\u201d" {
			t.Fatalf("dropdown for refinement: %+v", d)
		}
		if !slices.Contains(d.Marks, "refine") || !slices.Contains(d.Marks, "refines") {
			t.Errorf("marks = %q, want the words of the excerpts that stem to refin", d.Marks)
		}
		if want := base + "/search/?q=refinement"; d.Hrefs[3] != want {
			t.Errorf("the last row links %s, want %s", d.Hrefs[3], want)
		}
		press(t, ctx, kb.ArrowDown)
		press(t, ctx, kb.ArrowDown)
		d = readDropdown(t, ctx)
		if d.Active != d.IDs[1] || !slices.Equal(d.Selected, d.IDs[1:2]) {
			t.Errorf("after two ArrowDowns the second option should be active: %+v", d)
		}
		press(t, ctx, kb.ArrowUp)
		press(t, ctx, kb.ArrowUp)
		press(t, ctx, kb.ArrowUp)
		d = readDropdown(t, ctx)
		if d.Active != d.IDs[3] {
			t.Errorf("ArrowUp from the first option should go back to the box and then wrap to the last: %+v", d)
		}
		press(t, ctx, kb.Escape)
		d = readDropdown(t, ctx)
		if d.Open || d.Expanded != "false" || d.Active != "" || len(d.Selected) != 0 {
			t.Errorf("Escape should close the dropdown and clear the active option: %+v", d)
		}

		d = typeAndWait(t, ctx, "CBI-214")
		if len(d.Titles) < 2 || d.Titles[0] != "Pump controller firmware update" || d.Keys[0] != "CBI-214" {
			t.Fatalf("dropdown for CBI-214: %+v", d)
		}
		pressEnter(t, ctx)
		waitPath(t, ctx, "/backlogs/cluster-pumps/cbi-214/")

		// "/" focuses the box; Enter before the results have come opens the
		// first result once they have.
		pressText(t, ctx, "/", "Slash", 191, "/")
		if !eval[bool](t, ctx, fmt.Sprintf(`(b => document.activeElement === b && b.value === "")(document.querySelector(%s))`, strconv.Quote(searchBox))) {
			t.Fatal(`"/" should focus the empty search box`)
		}
		do(t, ctx, "type CPO", chromedp.KeyEvent("CPO"))
		pressEnter(t, ctx)
		waitPath(t, ctx, "/roles/cluster-product-owner/")

		// Nothing found: Enter goes to the search page.
		d = typeAndWait(t, ctx, "zzzz")
		if d.Status != "No results for \u201czzzz\u201d." || len(d.IDs) != 0 {
			t.Errorf("dropdown for zzzz: %+v", d)
		}
		pressEnter(t, ctx)
		waitPath(t, ctx, "/search/")
		if s := eval[string](t, ctx, `location.search`); s != "?q=zzzz" {
			t.Errorf("Enter without results went to %s, want ?q=zzzz", s)
		}
	})

	t.Run("hostile text", func(t *testing.T) {
		do(t, ctx, "open the start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
		d := typeAndWait(t, ctx, "onerror")
		if len(d.Titles) != 2 || d.Titles[0] != "<img src=x onerror=alert(1)>" || d.Keys[0] != "<b>X</b>" {
			t.Fatalf("the hostile title should show as text: %+v", d)
		}
		if d.Imgs != 0 || eval[int](t, ctx, `document.querySelectorAll("img, b, script:not([src])").length`) != 0 {
			t.Errorf("the result's text made elements: %+v", d)
		}
	})

	t.Run("search page", func(t *testing.T) {
		do(t, ctx, "open the search page", chromedp.Navigate(base+"/search/?q=backlog&type=artifact"))
		s := readSearchPage(t, ctx, "^2 of 5 results")
		if !slices.Equal(s.Titles, []string{"Cluster Backlog", "Team Backlog"}) || !allEqual(s.Badges, "Artifact") {
			t.Errorf("results for backlog among artifacts: %+v", s)
		}
		if s.Query != "backlog" || s.Search != "?q=backlog&type=artifact" || s.NoJS || s.More {
			t.Errorf("the page should keep the query in its box and URL: %+v", s)
		}
		wantFacets := []string{"type=event 2 false", "type=artifact 2 true", "type=item 1 false", "level=team 1 false", "level=cluster 1 false"}
		if !slices.Equal(s.Facets, wantFacets) {
			t.Errorf("facets = %q, want %q", s.Facets, wantFacets)
		}
		wantTexts := []string{
			"The cluster [backlog] is the ordered list of everything the cluster may work on, owned by the cluster product owner.",
			"[Backlogs] of teams: the ordered list of the team's work.",
		}
		if !slices.Equal(s.Texts, wantTexts) {
			t.Errorf("excerpts = %q, want %q", s.Texts, wantTexts)
		}
		// On a narrow window the filters sit behind a summary line: open it
		// as a reader would.
		do(t, ctx, "open the filters", chromedp.Evaluate[chromedp.Void](
			`(s => { if (!s.parentElement.open) s.click(); })(document.querySelector(".search-filter > summary"))`))
		do(t, ctx, "choose events", chromedp.Click(chromedp.CSS(`[data-facet="type=event"]`)))
		s = readSearchPage(t, ctx, "^2 of 5 results")
		if s.Search != "?q=backlog&type=event" || !allEqual(s.Badges, "Event") {
			t.Errorf("after choosing events: %+v", s)
		}
		do(t, ctx, "unchoose events", chromedp.Click(chromedp.CSS(`[data-facet="type=event"]`)))
		s = readSearchPage(t, ctx, "^5 results")
		if s.Search != "?q=backlog" || len(s.Titles) != 5 {
			t.Errorf("after unchoosing events: %+v", s)
		}
		do(t, ctx, "type another query",
			chromedp.Evaluate[chromedp.Void](`(() => { const i = document.querySelector("#search-q"); i.focus(); i.setSelectionRange(99, 99); })()`),
			chromedp.KeyEvent(" cluster"))
		s = readSearchPage(t, ctx, "^6 results for \u201cbacklog cluster\u201d")
		if s.Search != "?q=backlog+cluster" || len(s.Titles) == 0 || s.Titles[0] != "Cluster Backlog" {
			t.Errorf("after typing: %+v", s)
		}
	})

	t.Run("search page without JavaScript", func(t *testing.T) {
		ctx := newBrowser(t)
		do(t, ctx, "open the search page without JavaScript", disableJS(),
			chromedp.Navigate(base+"/search/?q=backlog"),
			chromedp.WaitReady(chromedp.CSS("[data-search-nojs]")),
		)
		checkNoJS(t, ctx)
	})

	t.Run("file URLs", func(t *testing.T) {
		page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/index.html"}).String()
		do(t, ctx, "open "+page, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(searchBox)))
		d := typeAndWait(t, ctx, "cpo")
		if len(d.Hrefs) == 0 || !strings.HasSuffix(d.Hrefs[0], "/roles/cluster-product-owner/index.html") ||
			!strings.HasSuffix(d.Hrefs[len(d.Hrefs)-1], "/search/index.html?q=cpo") {
			t.Errorf("from file:// results should link index.html files: %q", d.Hrefs)
		}
		if err := os.RemoveAll(filepath.Join(dir, "search")); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, "reload "+page, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(searchBox)))
		d = typeAndWait(t, ctx, "search is unavailable")
		if !strings.HasPrefix(d.Status, "Search is unavailable") {
			t.Errorf("without an index the box should say so: %+v", d)
		}
	})
}

// searchPage is what the search page shows.
type searchPage struct {
	Count  string   `json:"count"`
	Titles []string `json:"titles"`
	Badges []string `json:"badges"`
	Hrefs  []string `json:"hrefs"`
	Facets []string `json:"facets"` // "type=role 3 true": value, count, pressed
	Marks  string   `json:"marks"`
	Texts  []string `json:"texts"` // the excerpts, <mark>s in brackets
	Query  string   `json:"query"`
	Search string   `json:"search"`
	More   bool     `json:"more"` // the "more" button shows
	NoJS   bool     `json:"nojs"` // the "needs JavaScript" text shows
	Imgs   int      `json:"imgs"`
}

// readSearchPage waits until the result count matches the regular
// expression count and the results are drawn, then reads the page.
func readSearchPage(t *testing.T, ctx context.Context, count string) searchPage {
	t.Helper()
	waitFor(t, ctx, "the count "+count, fmt.Sprintf(`(() => {
	const c = document.querySelector("[data-search-count]"), r = document.querySelectorAll(%s);
	return new RegExp(%s).test(c.textContent) && r.length > 0;
})()`, strconv.Quote(searchResults), strconv.Quote(count)))
	return eval[searchPage](t, ctx, fmt.Sprintf(`(() => {
	const r = [...document.querySelectorAll(%s)];
	return {
		count: document.querySelector("[data-search-count]").textContent,
		titles: r.map(li => li.querySelector("h2 a").textContent),
		badges: r.map(li => li.querySelector(".badge").textContent),
		hrefs: r.map(li => li.querySelector("h2 a").href),
		facets: [...document.querySelectorAll("[data-facet]")].map(b => b.dataset.facet + " " + b.querySelector(".count").textContent + " " + b.getAttribute("aria-pressed")),
		marks: [...document.querySelectorAll(".search-results mark")].map(m => m.textContent).join(" "),
		texts: r.map(li => [...(li.querySelector(".search-excerpt") || {childNodes: []}).childNodes].map(n => n.nodeName === "MARK" ? "[" + n.textContent + "]" : n.textContent).join("")),
		query: document.querySelector("#search-q").value,
		search: location.search,
		more: document.querySelector("[data-search-more]").checkVisibility(),
		nojs: document.querySelector("[data-search-nojs]").checkVisibility(),
		imgs: document.querySelectorAll(".search-results img").length,
	};
})()`, strconv.Quote(searchResults)))
}

func allEqual(s []string, v string) bool {
	for _, x := range s {
		if x != v {
			return false
		}
	}
	return len(s) > 0
}

// checkNoJS checks the search page as it shows without JavaScript: the
// message and links to the lists, no search form.
func checkNoJS(t *testing.T, ctx context.Context) {
	t.Helper()
	type noJS struct {
		Text  string `json:"text"`
		Links int    `json:"links"`
		App   bool   `json:"app"`
	}
	s := eval[noJS](t, ctx, `(() => {
	const n = document.querySelector("[data-search-nojs]");
	return {
		text: n.checkVisibility() ? n.textContent : "",
		links: n.querySelectorAll("a[href]").length,
		app: document.querySelector("[data-search]").checkVisibility(),
	};
})()`)
	if !strings.Contains(s.Text, "needs JavaScript") || s.Links < 2 || s.App {
		t.Errorf("without JavaScript the search page should say that search needs it and link the lists: %+v", s)
	}
}

// buildWithSearch builds the site at src, checks that the build wrote a
// search index and serves the site.
func buildWithSearch(t *testing.T, src string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("build %s: %v\n%s", src, err, res.Diags.Error())
	}
	if _, err := os.Stat(filepath.Join(dest, "search", "manifest.js")); err != nil {
		t.Fatalf("the build wrote no search index: %v", err)
	}
	return serveDir(t, dest)
}

// TestSearchOnExampleSite searches the example site's own index: from the
// header box of a page, and on the search page with a facet.
func TestSearchOnExampleSite(t *testing.T) {
	chromiumPath(t)
	base := buildWithSearch(t, "../..")
	ctx := newBrowser(t)
	do(t, ctx, "open a page", chromedp.Navigate(base+"/roles/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))

	t.Run("header box", func(t *testing.T) {
		d := typeAndWait(t, ctx, "refinement")
		i := slices.Index(d.Titles, "Cluster Backlog Refinement")
		if i < 0 || i > 2 {
			t.Fatalf("Cluster Backlog Refinement should be among the first three results for refinement: %q", d.Titles)
		}
		for range i + 1 {
			press(t, ctx, kb.ArrowDown)
		}
		pressEnter(t, ctx)
		waitPath(t, ctx, "/events/cluster-backlog-refinement/")

		d = typeAndWait(t, ctx, "CBI-214")
		if len(d.Keys) == 0 || d.Keys[0] != "CBI-214" {
			t.Fatalf("CBI-214 should be the first result for its key: %+v", d)
		}
		pressEnter(t, ctx)
		waitPath(t, ctx, "/backlogs/cluster-pumps/cbi-214/")

		d = typeAndWait(t, ctx, "CPO")
		if len(d.Titles) == 0 || d.Titles[0] != "Cluster Product Owner" {
			t.Fatalf("Cluster Product Owner should be the first result for CPO: %q", d.Titles)
		}
		pressEnter(t, ctx)
		waitPath(t, ctx, "/roles/cluster-product-owner/")
	})

	t.Run("search page", func(t *testing.T) {
		do(t, ctx, "open the search page", chromedp.Navigate(base+"/search/?q=backlog&type=artifact"))
		s := readSearchPage(t, ctx, `^\d+ of \d+ results`)
		if !allEqual(s.Badges, "Artifact") {
			t.Errorf("results for backlog among artifacts should all be artifacts: %q", s.Badges)
		}
		if s.Search != "?q=backlog&type=artifact" || s.Query != "backlog" {
			t.Errorf("the page should keep the query in its box and URL: %+v", s)
		}
		if !slices.ContainsFunc(s.Facets, func(f string) bool { return strings.HasPrefix(f, "type=artifact ") && strings.HasSuffix(f, " true") }) ||
			!slices.ContainsFunc(s.Facets, func(f string) bool { return strings.HasPrefix(f, "type=role ") }) {
			t.Errorf("the type facet should show artifacts chosen and roles with a count: %q", s.Facets)
		}

		// Every page: twenty at a time.
		do(t, ctx, "open the search page without a query", chromedp.Navigate(base+"/search/"))
		s = readSearchPage(t, ctx, `^\d+ pages`)
		if len(s.Titles) != 20 || !s.More {
			t.Fatalf("the first twenty pages and a more button should show: %d, %+v", len(s.Titles), s.Count)
		}
		do(t, ctx, "show more", chromedp.Click(chromedp.CSS("[data-search-more]")))
		waitFor(t, ctx, "forty results", fmt.Sprintf(`document.querySelectorAll(%s).length === 40`, strconv.Quote(searchResults)))
		if !eval[bool](t, ctx, fmt.Sprintf(`document.activeElement === document.querySelectorAll(%s)[20].querySelector("a")`, strconv.Quote(searchResults))) {
			t.Error("after more, the focus should be on the first new result")
		}
	})

	t.Run("search page without JavaScript", func(t *testing.T) {
		ctx := newBrowser(t)
		do(t, ctx, "open the search page without JavaScript", disableJS(),
			chromedp.Navigate(base+"/search/?q=backlog"),
			chromedp.WaitReady(chromedp.CSS("[data-search-nojs]")),
		)
		checkNoJS(t, ctx)
	})
}

// TestSearchStemsGermanOnAGermanSite builds the basic site in German
// (language = "de") with two pages, one about an Anforderung and one about
// Anforderungen, and searches for each word: the index and the browser
// both stem German, so each finds both pages. With English stems on
// either side the two words would not meet.
func TestSearchStemsGermanOnAGermanSite(t *testing.T) {
	chromiumPath(t)
	src := copySite(t, "basic")
	toml := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, append([]byte("language = \"de\"\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, src, "content/artifacts/pruefliste.md", []byte("---\ntitle: Prüfliste\n---\nJede neue Anforderung kommt zuerst auf diese Liste.\n"))
	writeFile(t, src, "content/events/abstimmungsrunde.md", []byte("---\ntitle: Abstimmungsrunde\n---\nHier klären die Teams ihre Anforderungen an die Plattform.\n"))
	base := buildWithSearch(t, src)
	ctx := newBrowser(t)
	do(t, ctx, "open the start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
	// The German word comes first: the last word of a query also matches
	// as a prefix while it is typed, which stems do not decide.
	for _, q := range []string{"Anforderung Plattform", "Anforderungen Liste", "anforderungen liste"} {
		d := typeAndWait(t, ctx, q)
		if !slices.Contains(d.Titles, "Prüfliste") || !slices.Contains(d.Titles, "Abstimmungsrunde") {
			t.Errorf("%s should find both pages, which say Anforderung and Anforderungen: %q", q, d.Titles)
		}
		if !slices.ContainsFunc(d.Marks, func(m string) bool { return strings.HasPrefix(m, "Anforderung") }) {
			t.Errorf("%s: the excerpts should mark the German word by its stem: %q", q, d.Marks)
		}
	}
}

// TestSearchShowsHostileTitlesAsText gives a page of the basic site a title
// that is HTML and searches for it: the title shows as text and no element
// comes of it.
func TestSearchShowsHostileTitlesAsText(t *testing.T) {
	chromiumPath(t)
	src := copySite(t, "basic")
	page := filepath.Join(src, "content", "artifacts", "team-board.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	const hostile = `<img src=x onerror=alert(1)>`
	data = bytes.Replace(data, []byte("title: Team Board"), []byte("title: "+strconv.Quote(hostile)), 1)
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	base := buildWithSearch(t, src)
	ctx := newBrowser(t)
	do(t, ctx, "open the start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
	d := typeAndWait(t, ctx, "onerror")
	if !slices.Contains(d.Titles, hostile) {
		t.Errorf("the title should show as text: %q", d.Titles)
	}
	if d.Imgs != 0 {
		t.Errorf("the results hold %d <img> elements", d.Imgs)
	}
	do(t, ctx, "open the search page", chromedp.Navigate(base+"/search/?q=onerror"))
	s := readSearchPage(t, ctx, "result")
	if !slices.Contains(s.Titles, hostile) || s.Imgs != 0 {
		t.Errorf("on the search page the title should show as text, with no <img>: %+v", s)
	}
}

// TestSearchScreenshots writes screenshots of the header dropdown and the
// search page, 1280 and 390 pixels wide, light and dark, to the folder
// BACKLIGHT_SCREENSHOTS names, for a person to look at; without it the test
// skips. It uses the example site, or the fixture when
// BACKLIGHT_SCREENSHOTS_FIXTURE is set.
func TestSearchScreenshots(t *testing.T) {
	out := os.Getenv("BACKLIGHT_SCREENSHOTS")
	if out == "" {
		t.Skip("set BACKLIGHT_SCREENSHOTS=folder to write screenshots of the search")
	}
	chromiumPath(t)
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: "../..", Dest: dest}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	start, query, pageQuery := "/roles/cluster-product-owner/", "refinement", "/search/?q=backlog"
	if os.Getenv("BACKLIGHT_SCREENSHOTS_FIXTURE") != "" {
		dest = searchFixture(t)
	}
	base := serveDir(t, dest)
	ctx := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 390} {
			name := fmt.Sprintf("%s-%d", scheme, width)
			do(t, ctx, "emulate "+name,
				chromedp.EmulateViewport(width, 900),
				chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
					_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
						Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
					return err
				}),
				chromedp.Navigate(base+start), chromedp.WaitVisible(chromedp.CSS(searchBox)))
			typeAndWait(t, ctx, query)
			press(t, ctx, kb.ArrowDown)
			press(t, ctx, kb.ArrowDown)
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, out, "dropdown-"+name+".png", shot)
			do(t, ctx, "open the search page", chromedp.Navigate(base+pageQuery))
			readSearchPage(t, ctx, "result")
			if shot, err = chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
				t.Fatal(err)
			}
			writeFile(t, out, "page-"+name+".png", shot)
			if shot, err = chromedp.Run(ctx, chromedp.FullScreenshot(90)); err != nil {
				t.Fatal(err)
			}
			writeFile(t, out, "page-"+name+"-full.jpg", shot)
		}
	}
}
