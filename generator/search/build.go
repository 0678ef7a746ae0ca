package search

import "sync"

// Doc is one published page as the index sees it.
type Doc struct {
	URL      string // relative to the site root, e.g. "roles/cluster-product-owner/"
	Title    string
	Type     string // facet value, one of Options.Types
	Key      string // an item's key, e.g. "CBI-214"
	Abbr     string
	Aliases  []string
	Tags     []string
	Summary  string
	Headings []string
	Body     string // plain text of the body

	Level, Status, Release string // facet values ("" for none)
}

// Facet is one value of a facet with its labels. Plural is used for types
// only, and may be empty.
type Facet struct{ Value, Label, Plural string }

// Options name the facet values in display order; types also order
// documents. A value that documents use but Options do not name is added
// after the named ones, in byte order, with itself as its label.
type Options struct {
	Types, Levels, Statuses, Releases []Facet
	Synonyms                          []Synonym // words a query may use for others, in order of precedence
	// Language is the documents' language, which picks the stemmer (StemIn)
	// of the index and of the browser's queries; "" is English.
	Language string
	// UI are the browser's words in the documents' language, by the
	// keys docs/search.md lists ("search_no_results", "search_count_results.one"),
	// for a language other than English; none: the client's English.
	UI map[string]string
}

// File is one output file, Path relative to the output root
// ("search/manifest.js").
type File struct {
	Path string
	Data []byte
}

// Stats are an index's figures.
type Stats struct {
	Documents int // documents indexed
	Stems     int // distinct stems
	Exact     int // distinct exact entries
	Postings  int // (stem, document) pairs kept, after each stem's cap
	Dropped   int // (stem, document) pairs dropped by the cap
	Files     int // files, the manifest included
	Bytes     int // the files' total size
}

// Index is a built index: its files and figures.
type Index struct {
	files []File
	stats Stats
}

// Build indexes docs. The result depends only on docs and opts, not on
// the number of cores, nor on the order of docs (but for documents with
// the same type, title and URL, which keep theirs): the same input gives
// the same bytes.
func Build(docs []Doc, opts Options) *Index {
	sorted := sortDocs(docs, opts.Types)
	facets := newFacets(sorted, opts)

	// The exact entries need the titles, keys and aliases only: they are
	// collected beside the tokenising and scoring, on a core those leave
	// idle at times.
	var exact exactIndex
	var exacts sync.WaitGroup
	exacts.Go(func() { exact = exactEntries(sorted) })
	terms := make([]docTerms, len(sorted))
	toks := make([]tokenizer, workerCount(len(sorted), batch))
	for i := range toks {
		toks[i].lang = opts.Language
	}
	eachDoc(len(sorted), func(w, i int) {
		terms[i] = toks[w].doc(&sorted[i])
		terms[i].worker = w
	})
	// Each excerpt is picked as soon as its document is scored, and the
	// body, its words and sentences and the stems' frequencies, which
	// only the score and the excerpt read, go before the postings are
	// made: at 50,000 pages they are the larger.
	excerpts := make([]string, len(sorted))
	post := score(terms, toks, func(i int) {
		excerpts[i] = excerpt(&sorted[i], &terms[i])
		terms[i].body, terms[i].wide, terms[i].sents, terms[i].inBody, terms[i].other, sorted[i].Body = nil, nil, nil, nil, nil, ""
	})
	exacts.Wait()

	ix := &Index{}
	ix.files = writeFiles(sorted, facets, excerpts, post, exact, synonymTable(opts.Synonyms, opts.Language), stemmerName(opts.Language), opts.UI)
	ix.stats = Stats{
		Documents: len(sorted),
		Stems:     len(post.stems),
		Exact:     len(exact.entries),
		Postings:  post.kept,
		Dropped:   post.dropped,
		Files:     len(ix.files),
	}
	for _, f := range ix.files {
		ix.stats.Bytes += len(f.Data)
	}
	return ix
}

// Files returns the index's files: the manifest, the shards by key, the
// docs files in document order and the facets file. The caller must not
// change their data.
func (ix *Index) Files() []File { return append([]File(nil), ix.files...) }

// Stats returns the index's figures.
func (ix *Index) Stats() Stats { return ix.stats }
