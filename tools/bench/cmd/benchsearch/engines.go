package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// maxHits is how many results a query reads: what the header box of
// Backlight shows, and what a results list of Pagefind would show first.
const maxHits = 8

// Pagefind's side: a page written into the site after indexing (so that
// Pagefind does not index it), on which the browser calls benchSearch(q):
// it imports Pagefind's script, searches, and loads the data of the first
// results, as a results list does, and returns their URLs and titles.
const (
	pagefindPage = "pagefind-bench/"
	pagefindHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pagefind first query</title></head>
<body>
<p>benchsearch: the browser calls benchSearch(query) on this page.</p>
<script>
window.benchSearch = async (q) => {
	const pagefind = await import("/pagefind/pagefind.js");
	const search = await pagefind.search(q);
	const data = await Promise.all(search.results.slice(0, %d).map(r => r.data()));
	return data.map(d => ({url: d.url, title: (d.meta && d.meta.title) || ""}));
};
</script>
</body>
</html>
`
)

// writePagefindPage writes the query page into the site.
func writePagefindPage(public string) error {
	dir := filepath.Join(public, filepath.FromSlash(pagefindPage))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), fmt.Appendf(nil, pagefindHTML, maxHits), 0o644)
}

// pagefindEngine runs queries through Pagefind's JavaScript API. Its
// files are everything under pagefind/: the script, its worker, the
// WebAssembly module, the entry and meta files, index chunks, fragments.
func pagefindEngine() engine {
	return engine{
		name:  "pagefind",
		page:  pagefindPage,
		asset: func(p string) bool { return strings.HasPrefix(p, "pagefind/") },
		query: func(ctx context.Context, q string) ([]hit, error) {
			arg, _ := json.Marshal(q)
			hits, err := chromedp.Run(ctx, chromedp.Evaluate[[]hit]("benchSearch("+string(arg)+")", chromedp.EvalAwaitPromise))
			return normalizeHits(hits), err
		},
	}
}

// The header search box of Backlight's default theme
// (themes/default/static/js/search.js): the input, and the dropdown with
// a link per result (a.search-hit, its title in .search-hit-title) and a
// last link to the search page (a.search-all), or a status line when
// there is no result.
const (
	backlightPage  = "" // the home page
	backlightInput = `.site-search input[name="q"]`
	backlightRead  = `(() => {
	const pop = document.querySelector(".site-search .site-search-pop");
	if (!pop || pop.hidden) return null;
	const status = pop.querySelector(".site-search-status");
	const hits = [...pop.querySelectorAll('[role="option"] > a.search-hit')];
	if (!hits.length && !(status && status.textContent)) return null;
	return hits.slice(0, %d).map(a => ({url: a.href, title: (a.querySelector(".search-hit-title") || a).textContent.trim()}));
})()`
)

// backlightEngine enters the query into the header box as a user does:
// it focuses the box, which starts loading the manifest, then enters the
// whole query at once (one input event, as a paste or typing faster than
// the script's 60 ms debounce does), and reads the dropdown once it
// shows. Its files are the search script (js/search.*.js), which every
// page loads, and the index files under search/.
func backlightEngine() engine {
	return engine{
		name: "backlight",
		page: backlightPage,
		asset: func(p string) bool {
			return strings.HasPrefix(p, "search/") && path.Ext(p) == ".js" ||
				strings.HasPrefix(p, "js/search.") && path.Ext(p) == ".js"
		},
		query: func(ctx context.Context, q string) ([]hit, error) {
			err := chromedp.Do(ctx,
				chromedp.Focus(chromedp.CSS(backlightInput)),
				chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
					_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: q})
					return err
				}))
			if err != nil {
				return nil, fmt.Errorf("enter the query into %s: %w", backlightInput, err)
			}
			js := fmt.Sprintf(backlightRead, maxHits)
			for {
				hits, err := chromedp.Run(ctx, chromedp.Evaluate[[]hit](js))
				if err != nil || hits != nil {
					return normalizeHits(hits), err
				}
				if err := chromedp.Do(ctx, chromedp.Sleep(20*time.Millisecond)); err != nil {
					return nil, fmt.Errorf("waiting for the dropdown: %w", err)
				}
			}
		},
	}
}

// normalizeHits turns result URLs into paths under the site root with a
// trailing slash, the form of query.want.
func normalizeHits(hits []hit) []hit {
	for i := range hits {
		hits[i].URL = sitePath(hits[i].URL)
	}
	return hits
}

// sitePath turns "http://127.0.0.1:8080/roles/po/index.html#x",
// "/roles/po/" or "roles/po" into "roles/po/".
func sitePath(u string) string {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if _, rest, ok := strings.Cut(u, "://"); ok {
		_, u, _ = strings.Cut(rest, "/")
	}
	u = strings.TrimPrefix(u, "/")
	u = strings.TrimSuffix(u, "index.html")
	if u != "" && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// rank is the 1-based position of want among the hits, 0 if absent.
func rank(hits []hit, want string) int {
	for i, h := range hits {
		if h.URL == want {
			return i + 1
		}
	}
	return 0
}
