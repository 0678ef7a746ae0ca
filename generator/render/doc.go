// Package render turns the resolved model into the files of a site: one
// HTML page per content page, list pages per type, level and tag, the home
// page, 404.html, alias redirects, the site's icons and the theme's static
// files (CSS and JS fingerprinted). What each page shows is made by the
// package views, the machine-readable files (model.json, the sitemap, the
// backlog exports, the release feeds) by the package export; this package
// runs the theme's templates on the views and plans every file.
//
// Templates are html/template files from the theme's layouts/ folder:
// base.html holds the skeleton and each page kind fills its "main" block
// (home.html, list.html, page.html, 404.html; redirect.html stands alone);
// layouts/partials/*.html define shared pieces. Every template receives a
// *views.View. Functions available to templates:
//
//	rel ROOT URL      URL (site-relative, "/roles/cpo/") made relative to the page
//	asset ROOT NAME   the fingerprinted URL of a static file ("css/style.css")
//	dict K V ...      a map, for passing several values to a partial
//	hasPrefix S P     strings.HasPrefix
//	lower S           strings.ToLower
//	join LIST SEP     strings.Join
//
// Links inside pages are relative, so a built site works from any path
// prefix and, where the browser allows, straight from file://.
package render
