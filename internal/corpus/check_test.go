package corpus

import (
	"context"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/site"
)

// The strongest test of the corpus: Backlight's own checks find no error.
func TestCorpusPassesBacklightsChecks(t *testing.T) {
	dir := writeCorpus(t, Options{Pages: 1000, Seed: 1})
	res, err := site.Build(context.Background(), site.Options{Source: dir, Check: true})
	if res != nil {
		for _, d := range res.Diags {
			if d.Severity == generator.Error {
				t.Errorf("%v", d)
			}
		}
	}
	if err != nil {
		t.Fatalf("got %v, want a clean check", err)
	}
	if res.Pages != 1000 {
		t.Errorf("got %d pages checked, want 1000", res.Pages)
	}
}
