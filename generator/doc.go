// Package generator holds Backlight's vocabulary: the plain data that flows
// between the build stages (pages, references, relations, items, releases)
// and the diagnostics every stage reports with a source position; the
// built-in page types with their folders and list URLs; the site's address
// scheme (pretty URLs, the files that serve them, links relative to a
// page); and the English wording the stages share (articles, plurals,
// counts).
//
// It does no I/O and imports nothing outside the standard library. The
// stages live in sub-packages:
//
//	config   site.toml: defaults, strict decoding, validation
//	content  walking content/, front matter with key positions
//	graph    reference resolution, typed relations and their inverses
//	markdown goldmark configured once, wiki links, link sanitising
//	render   html/template over the theme: the plan of every output file
//	         render/views   what each page shows, links made
//	         render/export  model.json, sitemap, backlog exports, feeds
//	site     the whole build: load, resolve, render, minify, stage, swap
package generator
