package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// ManifestPath is the index's entry point, relative to the output root:
// the search client loads it first (and the search page preloads it).
const ManifestPath = dir + manifest

// Layout of the files.
const (
	dir         = "search/"
	manifest    = "manifest.js"
	chunk       = 16 // documents per docs file
	maxHeadings = 8  // headings per document in a docs file
	version     = 1
)

// file is one file before it is named: its text with a name of zeros,
// and where in it its data is.
type file struct {
	kind   string // "shard", "docs" or "facets"
	prefix string // of its name: "s.", "d." or "f."
	text   []byte
	lo, hi int // the data
	sum    [sha256.Size]byte
}

// newFile makes the text of a file whose data data appends, about size
// bytes.
func newFile(kind, prefix string, size int, data func([]byte) []byte) file {
	f := file{kind: kind, prefix: prefix}
	text := make([]byte, 0, size+64)
	text = wrapStart(text, kind, prefix+"00000000.js")
	f.lo = len(text)
	text = data(text)
	f.hi = len(text)
	f.text = wrapEnd(text)
	f.sum = sha256.Sum256(f.text[f.lo:f.hi])
	return f
}

// writeFiles serialises an index: manifest first, then shards by key,
// docs files in order and the facets file.
func writeFiles(docs []Doc, f facets, excerpts []string, p *postings, x exactIndex, synonyms map[string]string, stemmer string, ui map[string]string) []File {
	entries := shardEntries(p, x)
	shards := planShards(entries, shardLimit)
	nDocFiles := (len(docs) + chunk - 1) / chunk
	made := make([]file, len(shards)+nDocFiles+1)
	parallel(len(made), 1, func(_, i int) {
		switch {
		case i < len(shards):
			made[i] = newFile("shard", "s.", shards[i].size, func(b []byte) []byte {
				return appendShard(b, entries, &shards[i], p)
			})
		case i < len(shards)+nDocFiles:
			lo := (i - len(shards)) * chunk
			hi := min(lo+chunk, len(docs))
			data := docsJSON(docs[lo:hi], f.docs[lo:hi], excerpts[lo:hi])
			made[i] = newFile("docs", "d.", len(data), func(b []byte) []byte { return append(b, data...) })
		default:
			data := mustJSON(f.docs)
			made[i] = newFile("facets", "f.", len(data), func(b []byte) []byte { return append(b, data...) })
		}
	})

	names := namer{}
	files := make([]File, 1, len(made)+1)
	m := manifestJSON{
		Version:  version,
		Docs:     len(docs),
		Chunk:    chunk,
		DocFiles: []string{},
		Shards:   map[string]string{},
		Types:    facetLists(f.lists[facetType]),
		Levels:   facetLists(f.lists[facetLevel]),
		Statuses: facetLists(f.lists[facetStatus]),
		Releases: facetLists(f.lists[facetRelease]),
		Synonyms: synonyms,
		Stemmer:  stemmer,
		UI:       ui,
	}
	for i := range made {
		name, dup := names.name(&made[i])
		switch {
		case i < len(shards):
			for _, k := range shards[i].keys {
				m.Shards[k] = name
			}
		case i < len(shards)+nDocFiles:
			m.DocFiles = append(m.DocFiles, name)
		default:
			m.FacetFile = name
		}
		if !dup {
			files = append(files, File{dir + name, made[i].named(name)})
		}
	}
	files[0] = File{dir + manifest, wrap("manifest", "", mustJSON(m))}
	return files
}

// named returns f's text with its name.
func (f *file) named(name string) []byte {
	at := len(`backlightSearch("`) + len(f.kind) + len(`","`)
	if at+len(name) == f.lo-len(`",`) {
		copy(f.text[at:], name)
		return f.text
	}
	return wrap(f.kind, name, f.text[f.lo:f.hi])
}

// manifestJSON is the manifest (docs/search.md, search/manifest.js).
type manifestJSON struct {
	Version   int               `json:"version"`
	Docs      int               `json:"docs"`
	Chunk     int               `json:"chunk"`
	DocFiles  []string          `json:"docFiles"`
	FacetFile string            `json:"facetFile"`
	Shards    map[string]string `json:"shards"`
	Types     [][]string        `json:"types"`
	Levels    [][]string        `json:"levels"`
	Statuses  [][]string        `json:"statuses"`
	Releases  [][]string        `json:"releases"`
	Synonyms  map[string]string `json:"synonyms,omitempty"` // stems of a synonym → the folded words it stands for
	Stemmer   string            `json:"stemmer,omitempty"`  // the queries' stemmer: "de" for German; none: English
	UI        map[string]string `json:"ui,omitempty"`       // the client's words in the index's language; none: its English
}

// facetLists is a manifest list of facet values: [value, label] or
// [value, label, plural].
func facetLists(fs []Facet) [][]string {
	out := make([][]string, 0, len(fs))
	for _, f := range fs {
		v := []string{f.Value, f.Label}
		if f.Plural != "" {
			v = append(v, f.Plural)
		}
		out = append(out, v)
	}
	return out
}

// docsJSON is the data of one docs file: per document its URL, title,
// type index, key or abbreviation, excerpt and up to maxHeadings headings.
func docsJSON(docs []Doc, fs [][numFacets]int, excerpts []string) []byte {
	rows := make([][]any, len(docs))
	for i := range docs {
		d := &docs[i]
		id := d.Key
		if id == "" {
			id = d.Abbr
		}
		headings := []string{}
		for _, h := range d.Headings {
			if h = collapse(h); h != "" && len(headings) < maxHeadings {
				headings = append(headings, h)
			}
		}
		rows[i] = []any{d.URL, d.Title, fs[i][facetType], id, excerpts[i], headings}
	}
	return mustJSON(rows)
}

// mustJSON encodes v, which is made of strings, numbers, slices and maps
// only, with encoding/json: map keys sorted and <, >, &, U+2028 and
// U+2029 escaped, so that the file is safe in a <script> element.
func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("search: encoding index data: %v", err)) // cannot happen for these types
	}
	return data
}

// wrap makes data a script that hands it to backlightSearch:
// backlightSearch("kind","name",data); — without the name for the
// manifest.
func wrap(kind, name string, data []byte) []byte {
	out := make([]byte, 0, len(data)+len(kind)+len(name)+32)
	out = wrapStart(out, kind, name)
	out = append(out, data...)
	return wrapEnd(out)
}

// wrapStart appends the start of a file: backlightSearch("kind","name",
func wrapStart(dst []byte, kind, name string) []byte {
	dst = append(dst, `backlightSearch("`...)
	dst = append(dst, kind...)
	dst = append(dst, `",`...)
	if name != "" {
		dst = append(dst, '"')
		dst = append(dst, name...)
		dst = append(dst, `",`...)
	}
	return dst
}

// wrapEnd appends the end of a file.
func wrapEnd(dst []byte) []byte { return append(dst, ");\n"...) }

// namer names files after their content: a prefix, the first 8 hex
// digits of the SHA-256 of their data and ".js". Should two different
// files get one name, the later gets 16 digits (or all 64).
type namer map[string][sha256.Size]byte

// name returns f's file name, and whether a file of that name and
// content has already been named (and so needs no second copy).
func (n namer) name(p *file) (string, bool) {
	h := hex.EncodeToString(p.sum[:])
	for _, digits := range []int{8, 16, 64} {
		name := p.prefix + h[:digits] + ".js"
		sum, taken := n[name]
		if !taken {
			n[name] = p.sum
			return name, false
		}
		if sum == p.sum {
			return name, true
		}
	}
	panic("search: SHA-256 collision") // two different files with one hash
}
