// Package markdown renders page bodies with goldmark, configured once per
// build: CommonMark with GFM (tables, strikethrough, task lists,
// autolinks), footnotes, definition lists, typographic punctuation,
// heading attributes and automatic heading ids that keep non-ASCII letters
// readable (Überblick → uberblick).
//
// Two block extensions give notes and collapsible sections without raw
// HTML: GitHub's alerts (a block quote whose first line is [!NOTE], [!TIP],
// [!IMPORTANT], [!WARNING] or [!CAUTION] becomes a titled note) and
// fenced ":::details Summary" … ":::" sections, which become <details>
// with the summary's inline Markdown in <summary>, nest, and are an error
// when left open.
//
// Links between pages are resolved through a one-method Resolver that the
// caller supplies: wiki links ([[Title]], [[id|text]], [[id#heading]]) and
// relative links to other .md files become the target's URL, and every
// link that resolves to nothing is a diagnostic with file:line:col.
//
// Unless the site opts in with [build] unsafeHTML, raw HTML is dropped
// (with a warning) and links or images whose URL has any scheme but
// http:, https: and mailto: are neutralised (javascript:, vbscript:,
// file:, data:, but also tel:, ftp: or an unknown one), after entity
// decoding; a script scheme is also found behind percent-encoding (the
// check is safeurl.UnsafeScheme).
package markdown
