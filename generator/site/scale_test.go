package site

import (
	"context"
	"encoding/xml"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/internal/corpus"
)

// The size every output file must stay under at scalePages pages
// (docs/benchmarks.md, "Output sizes"); the manifest, the output folder's
// own bookkeeping, is exempt.
const (
	maxOutputBytes = 1 << 20
	scalePages     = 50000
)

// testLimits are size limits small enough that a generated site of a
// few hundred pages reaches every one of them: a file cut at a limit then
// stops growing between the two sizes the test builds.
var testLimits = render.Limits{ListEntries: 4, ListPage: 40, TreeNodes: 60, InlineMatrixCells: 100,
	MatrixChunkRows: 8, LevelGraphNodes: 20, SitemapURLs: 200, FeedReleases: 5, ModelChunk: 20}

// TestNoOutputFileGrowsPastTheBound builds generated sites of two sizes
// with testLimits and, for every file both have, extrapolates its growth
// linearly to scalePages pages: a file that grows with the square of the
// site (a matrix of every role by every event) or linearly without a cut
// (a list of every page) is over maxOutputBytes there. Files only the
// larger site has (a list's page 2) must be under the bound already. A
// backlog's own files are left out: they grow with its items, which the
// generator keeps between 50 and 500 as the site grows.
func TestNoOutputFileGrowsPastTheBound(t *testing.T) {
	const small, large = 600, 2400
	a, b := outputSizes(t, small), outputSizes(t, large)
	type growth struct {
		path      string
		predicted int64
	}
	var all []growth
	for path, sb := range b {
		if sb > maxOutputBytes {
			t.Errorf("%s is %d bytes at %d pages, over %d", path, sb, large, maxOutputBytes)
		}
		sa, ok := a[path]
		if !ok {
			continue
		}
		slope := float64(sb-sa) / float64(large-small)
		all = append(all, growth{path, sb + int64(slope*float64(scalePages-large))})
	}
	slices.SortFunc(all, func(x, y growth) int { return int(y.predicted - x.predicted) })
	for i, g := range all {
		if g.predicted > maxOutputBytes {
			t.Errorf("%s grows from %d bytes at %d pages to %d at %d: about %d at %d pages, over %d",
				g.path, a[g.path], small, b[g.path], large, g.predicted, scalePages, maxOutputBytes)
		}
		if i < 10 {
			t.Logf("%s: %d bytes at %d pages, %d at %d, about %d at %d", g.path, a[g.path], small, b[g.path], large, g.predicted, scalePages)
		}
	}
}

// ownBacklogFile matches a backlog's page and exports, not its items' pages.
var ownBacklogFile = regexp.MustCompile(`^backlogs/[^/]+/[^/]+\.[a-z]+$`)

// outputSizes builds a generated site of n pages and returns the size of
// each output file but the manifest, by slash path.
func outputSizes(t *testing.T, n int) map[string]int64 {
	t.Helper()
	src := filepath.Join(t.TempDir(), "site")
	if _, err := corpus.Write(src, corpus.Options{Pages: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest, Limits: testLimits}); err != nil {
		t.Fatalf("build %d pages: %v\n%s", n, err, res.Diags.Error())
	}
	sizes := map[string]int64{}
	err := filepath.WalkDir(dest, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".backlight-manifest" {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dest, path)
		if slash := filepath.ToSlash(rel); !ownBacklogFile.MatchString(slash) {
			sizes[slash] = info.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sizes
}

// TestSitemapIndexAndModelChunksListEveryPageOnce builds a generated site
// with testLimits, so that its sitemap and model export are split, and
// reads them back through their index files.
func TestSitemapIndexAndModelChunksListEveryPageOnce(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	sum, err := corpus.Write(src, corpus.Options{Pages: 600, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest, Limits: testLimits}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	var index struct {
		XMLName  xml.Name `xml:"sitemapindex"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	readXMLFile(t, filepath.Join(dest, "sitemap.xml"), &index)
	if len(index.Sitemaps) < 2 {
		t.Fatalf("the sitemap index lists %d sitemaps, want several", len(index.Sitemaps))
	}
	urls := map[string]bool{}
	for _, s := range index.Sitemaps {
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		u, err := url.Parse(s.Loc)
		if err != nil {
			t.Fatal(err)
		}
		readXMLFile(t, filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(u.Path, "/"))), &set)
		if len(set.URLs) > testLimits.SitemapURLs {
			t.Errorf("%s lists %d URLs, over %d", s.Loc, len(set.URLs), testLimits.SitemapURLs)
		}
		for _, u := range set.URLs {
			if urls[u.Loc] {
				t.Errorf("%s is listed twice", u.Loc)
			}
			urls[u.Loc] = true
		}
	}
	if len(urls) < sum.Pages {
		t.Errorf("the sitemaps list %d URLs for %d pages", len(urls), sum.Pages)
	}
	robots, err := os.ReadFile(filepath.Join(dest, "robots.txt"))
	if err != nil || !regexp.MustCompile(`(?m)^Sitemap: https?://[^/]+/sitemap\.xml$`).Match(robots) {
		t.Errorf("robots.txt does not name the sitemap index: %q, %v", robots, err)
	}
	var model struct {
		Chunks []string
		Pages  []struct{ ID string }
	}
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	if len(model.Chunks) < 2 || len(model.Pages) != sum.Pages {
		t.Errorf("the model export has %d chunks and %d pages, want several chunks and %d pages", len(model.Chunks), len(model.Pages), sum.Pages)
	}
}

func readXMLFile(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
