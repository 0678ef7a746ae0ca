// Package search builds the site's search index at build time: static
// JavaScript files under search/ that the theme's search.js loads with
// <script> elements and queries in the browser. docs/search.md is the
// contract between the two: what is indexed, how text becomes words,
// the ranking and the files' formats.
//
// [Build] indexes a site's documents and returns an [Index], whose
// [Index.Files] are written under the output root. The index holds
//
//   - stems: each word of a document's fields split at Unicode word
//     boundaries ([Words]), folded ([Fold]) and stemmed by the English
//     Snowball stemmer ([Stem]), with each document's BM25F score for it;
//     a stem keeps its 1,000 best documents;
//   - exact entries: each document's folded title, abbreviation, key and
//     aliases, whole;
//   - documents: URL, title, type, key or abbreviation, an excerpt of at
//     most 300 characters and up to 8 headings, 16 documents to a file;
//   - facets: each document's type, level, status and release.
//
// Stems and exact entries are divided into shards by key prefix, each
// found by the longest of the manifest's keys that a string starts with,
// and the shards are packed into files of at most 40,000 bytes, so that
// a query loads the manifest and one or two small files. Every file but
// the manifest is named after a hash of its data, so it never changes
// and may be cached for ever.
//
// Building is deterministic: the same documents and options give the
// same bytes, whatever their order and the number of cores. Documents
// are tokenised in parallel; 10,000 pages of about 1 KB each take a
// fraction of a second.
package search
