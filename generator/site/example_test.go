package site

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/internal/examplehistory"
)

// TestEveryRelationInTheExampleAppearsOnItsTarget builds the example site
// and checks, for every relation a page declares, that model.json lists it
// as an inverse of the target and that the target's page links back to the
// source in its relation box under the inverse label.
func TestEveryRelationInTheExampleAppearsOnItsTarget(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), Options{Source: "../..", Dest: dest})
	if err != nil {
		t.Fatalf("build the example: %v\n%s", err, res.Diags.Error())
	}
	var model struct {
		Pages []struct {
			ID, URL   string
			Relations map[string][]string
			Inverse   map[string][]string
		}
	}
	if err := readModel(dest, &model); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, p := range model.Pages {
		byID[p.ID] = i
	}
	relations := 0
	for _, p := range model.Pages {
		for name, targets := range p.Relations {
			for _, target := range targets {
				relations++
				tp := model.Pages[byID[target]]
				if !slices.Contains(tp.Inverse[name], p.ID) {
					t.Errorf("%s %s %s: the target's inverse %s lacks %s", p.ID, name, target, name, p.ID)
					continue
				}
				html, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.Trim(tp.URL, "/")), "index.html"))
				if err != nil {
					t.Fatal(err)
				}
				box := string(html)
				if i := strings.Index(box, `class="relations"`); i >= 0 {
					box = box[i : i+strings.Index(box[i:], "</aside>")]
				}
				if !strings.Contains(box, "/"+p.ID+"/") {
					t.Errorf("the page of %s shows no link back to %s (%s)", target, p.ID, name)
				}
			}
		}
	}
	if relations < 200 {
		t.Errorf("got %d relations in the example, want at least 200", relations)
	}
}

// TestClusterReviewShowsWhatOthersSayAboutIt is the acceptance
// check: nothing on the Cluster Review page declares these relations.
func TestClusterReviewShowsWhatOthersSayAboutIt(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: "../..", Dest: dest}); err != nil {
		t.Fatalf("build the example: %v\n%s", err, res.Diags.Error())
	}
	html, err := os.ReadFile(filepath.Join(dest, "events", "cluster-review", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, label := range []string{"is organized by", "is attended by", "is optionally attended by", "adapts", "inspects"} {
		if !regexp.MustCompile(`<dt>(<a class="term" [^>]*>)?` + regexp.QuoteMeta(label) + `(</a>)?</dt>`).Match(html) {
			t.Errorf("the Cluster Review page has no %q in its relation box", label)
		}
	}
}

// exampleNow is the day make site builds the example as of (Makefile's
// EXAMPLE_NOW).
var exampleNow = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// buildExample builds the example site as make site does, from a copy
// in a git repository with its made-up past (internal/examplehistory),
// as of exampleNow, so that the gates see its history and forecasts:
// status strips, the change list, flow charts, burn-ups. It returns the
// output folder.
func buildExample(t *testing.T) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "example")
	if _, err := examplehistory.Write(filepath.Join("..", ".."), src, exampleNow, 6, examplehistory.Seed); err != nil {
		t.Fatalf("the example's history: %v", err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: src, Dest: dest, History: true, Now: exampleNow}); err != nil {
		t.Fatalf("build the example: %v\n%s", err, res.Diags.Error())
	}
	return dest
}
