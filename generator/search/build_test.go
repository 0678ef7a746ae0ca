package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// index is a built index read back from its files, as the browser reads
// it.
type index struct {
	manifest manifestJSON
	shards   map[string]shardData // by file name
	docs     []docRow             // by document number
	facets   [][4]int
}

type shardData struct {
	T map[string][]int    `json:"t"`
	X map[string][][2]int `json:"x"`
}

type docRow struct {
	URL, Title, ID, Excerpt string
	Type                    int
	Headings                []string
}

// unwrap checks that a file is backlightSearch("kind","name",data); (no
// name for the manifest) and returns its data.
func unwrap(t *testing.T, f File) (kind, name string, data []byte) {
	t.Helper()
	text := f.Data
	if !bytes.HasPrefix(text, []byte("backlightSearch(")) || !bytes.HasSuffix(text, []byte(");\n")) {
		t.Fatalf("%s is not a backlightSearch(…); call: %.60q", f.Path, text)
	}
	var args []json.RawMessage
	inner := text[len("backlightSearch(") : len(text)-len(");\n")]
	if err := json.Unmarshal(append(append([]byte("["), inner...), ']'), &args); err != nil {
		t.Fatalf("%s: the call's arguments are no JSON: %v", f.Path, err)
	}
	if err := json.Unmarshal(args[0], &kind); err != nil {
		t.Fatalf("%s: kind: %v", f.Path, err)
	}
	if kind == "manifest" {
		if len(args) != 2 {
			t.Fatalf("%s: manifest call has %d arguments", f.Path, len(args))
		}
		return kind, "", args[1]
	}
	if len(args) != 3 {
		t.Fatalf("%s: %s call has %d arguments", f.Path, kind, len(args))
	}
	if err := json.Unmarshal(args[1], &name); err != nil {
		t.Fatalf("%s: name: %v", f.Path, err)
	}
	if "search/"+name != f.Path {
		t.Errorf("%s calls itself %q", f.Path, name)
	}
	data = args[2]
	// The data is what the name's hash is of.
	sum := sha256.Sum256(data)
	prefix := map[string]string{"shard": "s.", "docs": "d.", "facets": "f."}[kind]
	if want := prefix + hex.EncodeToString(sum[:])[:8] + ".js"; name != want {
		t.Errorf("%s should be called %s after its content", f.Path, want)
	}
	return kind, name, data
}

// readIndex parses every file of ix back.
func readIndex(t *testing.T, ix *Index) *index {
	t.Helper()
	r := &index{shards: map[string]shardData{}}
	byName := map[string][]byte{}
	for _, f := range ix.Files() {
		kind, name, data := unwrap(t, f)
		if kind == "manifest" {
			if f.Path != "search/manifest.js" {
				t.Errorf("manifest at %s", f.Path)
			}
			if err := json.Unmarshal(data, &r.manifest); err != nil {
				t.Fatalf("manifest: %v", err)
			}
			continue
		}
		if _, dup := byName[name]; dup {
			t.Errorf("two files are called %s", name)
		}
		byName[name] = data
	}
	m := &r.manifest
	for key, name := range m.Shards {
		var s shardData
		if err := json.Unmarshal(byName[name], &s); err != nil {
			t.Fatalf("shard %q (%s): %v", key, name, err)
		}
		r.shards[name] = s
	}
	for i, name := range m.DocFiles {
		var rows [][]json.RawMessage
		if err := json.Unmarshal(byName[name], &rows); err != nil {
			t.Fatalf("docs file %s: %v", name, err)
		}
		if want := min(m.Chunk, m.Docs-i*m.Chunk); len(rows) != want {
			t.Errorf("docs file %d holds %d documents, want %d", i, len(rows), want)
		}
		for _, row := range rows {
			var d docRow
			if len(row) != 6 {
				t.Fatalf("document row of %d fields", len(row))
			}
			for j, p := range []any{&d.URL, &d.Title, &d.Type, &d.ID, &d.Excerpt, &d.Headings} {
				if err := json.Unmarshal(row[j], p); err != nil {
					t.Fatalf("document field %d: %v", j, err)
				}
			}
			r.docs = append(r.docs, d)
		}
	}
	if err := json.Unmarshal(byName[m.FacetFile], &r.facets); err != nil {
		t.Fatalf("facets file: %v", err)
	}
	if len(r.docs) != m.Docs || len(r.facets) != m.Docs {
		t.Errorf("%d documents and %d facet entries, manifest says %d", len(r.docs), len(r.facets), m.Docs)
	}
	return r
}

// shardFor returns the shard that holds s by the longest-prefix rule.
func (r *index) shardFor(s string) shardData {
	for n := len(s); ; n-- {
		if name, ok := r.manifest.Shards[s[:n]]; ok && utf8.ValidString(s[:n]) {
			return r.shards[name]
		}
		if n == 0 {
			panic("no shard for the empty key")
		}
	}
}

// postings decodes a stem's postings: document → score.
func (r *index) postings(stem string) map[int]int {
	list, ok := r.shardFor(stem).T[stem]
	if !ok {
		return nil
	}
	out := map[int]int{}
	doc := 0
	for i := 0; i+1 < len(list); i += 2 {
		doc += list[i]
		out[doc] = list[i+1]
	}
	return out
}

// testCorpus is a corpus with the synthetic documents and some odd ones.
func testCorpus(n int) []Doc {
	docs := newCorpus(3).docs(n)
	return append(docs,
		Doc{URL: "roles/cluster-product-owner/", Title: "Cluster Product Owner", Type: "role", Abbr: "CPO",
			Aliases: []string{"Product Owner of the cluster"}, Summary: "Owns the cluster backlog.", Body: "The Cluster Product Owner orders the cluster backlog."},
		Doc{URL: "odd/", Title: `A "quoted" <b>&</b> title`, Type: "new-type", Key: "ODD-1",
			Body: "Line\u2028separator and </script> in the body; naïve Über café."},
		Doc{URL: "empty/", Title: "", Type: ""},
	)
}

func TestRoundTrip(t *testing.T) {
	docs := testCorpus(500)
	ix := Build(docs, corpusOptions())
	r := readIndex(t, ix)
	if len(r.manifest.Shards) < 5 {
		t.Errorf("only %d shard keys; the test wants a corpus that needs several", len(r.manifest.Shards))
	}
	byURL := map[string]Doc{}
	for _, d := range docs {
		byURL[d.URL] = d
	}
	// The documents in number order, as the docs files say.
	numbered := make([]Doc, len(r.docs))
	for i, row := range r.docs {
		d, ok := byURL[row.URL]
		if !ok {
			t.Fatalf("document %d has URL %q, which no input has", i, row.URL)
		}
		numbered[i] = d
		if row.Title != d.Title {
			t.Errorf("document %d: title %q, want %q", i, row.Title, d.Title)
		}
		if want := cmpOr(d.Key, d.Abbr); row.ID != want {
			t.Errorf("document %d: key or abbreviation %q, want %q", i, row.ID, want)
		}
		if n := utf8.RuneCountInString(row.Excerpt); n > maxExcerpt {
			t.Errorf("document %d: excerpt of %d characters", i, n)
		}
		if len(row.Headings) > maxHeadings {
			t.Errorf("document %d: %d headings", i, len(row.Headings))
		}
		if got := r.facets[i]; row.Type != got[0] {
			t.Errorf("document %d: type %d in the docs file, %d in the facets file", i, row.Type, got[0])
		}
		lists := [][][]string{r.manifest.Types, r.manifest.Levels, r.manifest.Statuses, r.manifest.Releases}
		for k, v := range []string{d.Type, d.Level, d.Status, d.Release} {
			got := r.facets[i][k]
			if v == "" {
				if got != -1 {
					t.Errorf("document %d: facet %d is %d, want -1", i, k, got)
				}
				continue
			}
			if got < 0 || got >= len(lists[k]) || lists[k][got][0] != v {
				t.Errorf("document %d: facet %d index %d does not name %q", i, k, got, v)
			}
		}
	}

	// Every stem of every document is found, with its score.
	want := referenceScores(numbered)
	stems := 0
	cache := map[string]map[int]int{}
	for d := range want {
		for stem, score := range want[d] {
			post, ok := cache[stem]
			if !ok {
				post = r.postings(stem)
				cache[stem] = post
			}
			if got, ok := post[d]; !ok || got != int(score) {
				t.Errorf("document %d, stem %q: found %v (%d), want score %d", d, stem, ok, got, score)
			}
			stems++
		}
	}
	// And nothing else is.
	total := 0
	for _, s := range r.shards {
		for _, list := range s.T {
			total += len(list) / 2
		}
	}
	if total != stems {
		t.Errorf("the shards hold %d postings, the documents have %d stems", total, stems)
	}
	if st := ix.Stats(); st.Postings != total || st.Dropped != 0 || st.Documents != len(docs) {
		t.Errorf("stats %+v, want %d postings, none dropped, %d documents", st, total, len(docs))
	}

	// Every title, abbreviation, key and alias is an exact entry.
	for d, doc := range numbered {
		check := func(s string, kind int) {
			e := Fold(s)
			if e == "" {
				return
			}
			if hits := r.shardFor(e).X[e]; !slices.Contains(hits, [2]int{d, kind}) {
				t.Errorf("document %d: exact entry %q holds %v, want [%d, %d] among them", d, e, hits, d, kind)
			}
		}
		check(doc.Key, kindKey)
		check(doc.Abbr, kindKey)
		if Fold(doc.Title) != Fold(doc.Key) && Fold(doc.Title) != Fold(doc.Abbr) {
			check(doc.Title, kindTitle)
		}
		for _, a := range doc.Aliases {
			check(a, kindTitle)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := testCorpus(300)
	want := Build(docs, corpusOptions()).Files()
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(9, 9)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	got := Build(shuffled, corpusOptions()).Files()
	if len(got) != len(want) {
		t.Fatalf("%d files, then %d", len(want), len(got))
	}
	for i := range got {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("file %d differs: %s, then %s", i, want[i].Path, got[i].Path)
		}
	}
}

func TestDocumentOrder(t *testing.T) {
	docs := []Doc{
		{URL: "x/", Title: "Zeta", Type: "zzz"},
		{URL: "b/", Title: "beta", Type: "role"},
		{URL: "a/", Title: "Alpha", Type: "event"},
		{URL: "c2/", Title: "Beta", Type: "role"},
		{URL: "c1/", Title: "Beta", Type: "role"},
		{URL: "y/", Title: "Alpha", Type: "aaa"},
		{URL: "n/", Title: "None"},
		{URL: "d/", Title: "Delta", Type: "event"},
	}
	opts := Options{Types: []Facet{{"role", "Role", "Roles"}, {"event", "Event", "Events"}}}
	r := readIndex(t, Build(docs, opts))
	var got []string
	for _, d := range r.docs {
		got = append(got, d.URL)
	}
	want := []string{"b/", "c1/", "c2/", "a/", "d/", "y/", "x/", "n/"}
	if !slices.Equal(got, want) {
		t.Errorf("documents in order %v, want %v", got, want)
	}
	wantTypes := [][]string{{"role", "Role", "Roles"}, {"event", "Event", "Events"}, {"aaa", "aaa"}, {"zzz", "zzz"}}
	if fmt.Sprint(r.manifest.Types) != fmt.Sprint(wantTypes) {
		t.Errorf("types %v, want %v", r.manifest.Types, wantTypes)
	}
	if r.docs[7].Type != -1 || r.docs[5].Type != 2 {
		t.Errorf("type indexes %d and %d, want -1 and 2", r.docs[7].Type, r.docs[5].Type)
	}
}

func TestFilesAreSafeInScriptElements(t *testing.T) {
	docs := []Doc{{
		URL: "a/?x=<y>&z", Title: "</script><script>alert(1)</script>", Key: "<KEY>",
		Summary: "Summary with \u2028 and \u2029 & more", Body: "Body </script> & <!-- \u2028",
		Headings: []string{"<h1>"}, Aliases: []string{"a & b"}, Tags: []string{"<tag>"},
	}}
	for _, f := range Build(docs, Options{}).Files() {
		if bytes.ContainsAny(f.Data, "<>&\u2028\u2029") {
			t.Errorf("%s holds a character that is unsafe in a <script>: %s", f.Path, f.Data)
		}
	}
}

func TestShardFilesAreWhatEncodingJSONWrites(t *testing.T) {
	docs := append(testCorpus(200), Doc{URL: "u/", Title: "Ünïcödé \u2028 \"quotes\" \\ back<slash>", Aliases: []string{"tab\there", "東京"}})
	for _, f := range Build(docs, corpusOptions()).Files() {
		kind, _, data := unwrap(t, f)
		if kind != "shard" {
			continue
		}
		var s shardData
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		again, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, data) {
			t.Errorf("%s is not as encoding/json writes it:\n%s\n%s", f.Path, data, again)
		}
	}
	for _, s := range []string{"", "plain", "<", "a&b", "\"", "\\", "\t", "\u2028", "ü", "東京", "\x7f", "\u00ad"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) || stringLen(s) != len(want) {
			t.Errorf("appendString(%q) = %s (length %d), want %s", s, got, stringLen(s), want)
		}
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := Build(nil, Options{})
	r := readIndex(t, ix)
	m := r.manifest
	if m.Version != 1 || m.Docs != 0 || m.Chunk != chunk || len(m.DocFiles) != 0 || len(m.Shards) != 1 || m.Shards[""] == "" {
		t.Errorf("manifest %+v", m)
	}
	if st := ix.Stats(); st.Files != 3 || st.Documents != 0 {
		t.Errorf("stats %+v, want 3 files: manifest, shard, facets", st)
	}
}

func TestStats(t *testing.T) {
	ix := Build(testCorpus(100), corpusOptions())
	st := ix.Stats()
	files := ix.Files()
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	if st.Files != len(files) || st.Bytes != total || st.Documents != 103 || st.Stems == 0 || st.Exact == 0 || st.Postings < st.Stems {
		t.Errorf("stats %+v for %d files of %d bytes", st, len(files), total)
	}
}

func TestTenThousandDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an index of 10,000 documents")
	}
	ix := Build(newCorpus(1).docs(10_000), corpusOptions())
	st := ix.Stats()
	if st.Files > 1000 {
		t.Errorf("%d files for 10,000 documents, want at most one per ten", st.Files)
	}
	for _, f := range ix.Files() {
		if strings.HasPrefix(f.Path, "search/s.") && len(f.Data) > shardLimit {
			t.Errorf("%s is %d bytes, over %d", f.Path, len(f.Data), shardLimit)
		}
	}
	if st.Dropped == 0 {
		t.Errorf("no postings were dropped; the corpus should have words in over 1,000 documents")
	}
}

// goldenDocs is a small fixed site.
func goldenDocs() ([]Doc, Options) {
	docs := []Doc{
		{URL: "roles/cluster-product-owner/", Title: "Cluster Product Owner", Type: "role", Abbr: "CPO", Level: "cluster",
			Aliases: []string{"CPO role"}, Tags: []string{"ownership"}, Summary: "Owns and orders the cluster backlog.",
			Headings: []string{"Responsibilities", "Collaboration"},
			Body:     "The Cluster Product Owner orders the cluster backlog by value.\nThey refine items with the teams every week. Refinement keeps items ready!"},
		{URL: "events/refinement/", Title: "Backlog Refinement", Type: "event", Level: "team",
			Summary: "Teams refine upcoming items.", Body: "Refinement happens weekly. Items get estimates and acceptance criteria."},
		{URL: "backlogs/cluster/CBI-214/", Title: "Pump controller calibration", Type: "item", Key: "CBI-214",
			Status: "ready", Release: "pump-ctrl-3-1-eu", Body: "Calibrate the pump controller for release 3.1 in the EU."},
		{URL: "releases/pump-ctrl-3-1-eu/", Title: "Pump controller 3.1 (EU)", Type: "release", Status: "planned",
			Body: "The first release of the pump controller for the EU market."},
	}
	opts := Options{
		Types:    []Facet{{"role", "Role", "Roles"}, {"event", "Event", "Events"}, {"item", "Item", "Items"}, {"release", "Release", "Releases"}},
		Levels:   []Facet{{"team", "Team", ""}, {"cluster", "Cluster", ""}},
		Statuses: []Facet{{"ready", "ready", ""}, {"planned", "planned", ""}},
		Releases: []Facet{{"pump-ctrl-3-1-eu", "Pump controller 3.1 (EU)", ""}},
	}
	return docs, opts
}

func TestGolden(t *testing.T) {
	docs, opts := goldenDocs()
	files := Build(docs, opts).Files()
	checkGolden(t, "manifest.js.golden", files[0].Data)
	var shard, docsFile []byte
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "search/s."):
			shard = f.Data
		case strings.HasPrefix(f.Path, "search/d."):
			docsFile = f.Data
		}
	}
	checkGolden(t, "shard.js.golden", shard)
	checkGolden(t, "docs.js.golden", docsFile)
}
