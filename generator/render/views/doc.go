// Package views makes what each page of a site shows, from the resolved
// model: a View per content page, list, level, tag page, the home page,
// the search, glossary and 404 pages and alias redirects, with every link
// already relative to its page (Href), its meta description and the style
// sheets it needs. The theme's templates read views; docs/themes.md lists
// their fields.
//
// New makes one site's views; it copies the settings and indexes the
// model, changing neither, so that several sites, or one site several
// times, may be planned at once.
package views
