package site

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/internal/corpus"
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

// BenchmarkBuild measures a whole build of generated sites, written to a
// fresh folder each time.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			src := benchCorpus(b, n)
			b.ResetTimer()
			for i := range b.N {
				dest := filepath.Join(b.TempDir(), "public"+strconv.Itoa(i))
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
