package search

import "testing"

// BenchmarkBuild10000 indexes 10,000 synthetic pages of about 1 KB of
// body each, and reports the index's size and file count.
func BenchmarkBuild10000(b *testing.B) {
	docs := newCorpus(1).docs(10_000)
	opts := corpusOptions()
	b.ReportAllocs()
	var ix *Index
	for b.Loop() {
		ix = Build(docs, opts)
	}
	st := ix.Stats()
	b.ReportMetric(float64(st.Bytes), "index-bytes")
	b.ReportMetric(float64(st.Files), "files")
	b.ReportMetric(float64(st.Stems), "stems")
	b.ReportMetric(float64(st.Postings), "postings")
}
