// Package export writes the machine-readable files of a site from the
// model its pages are made from: model.json, the sitemap and robots.txt,
// each backlog's backlog.json and backlog.csv, and the release calendar
// (releases.ics) and feed (releases.xml).
package export

import (
	"io"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// File is one exported file: its slash path under the destination, what
// makes it and where that is written (for "two sources for one path"
// errors), and a function that writes its bytes.
type File struct {
	Top          bool // written at the top of the site, not in the folder of the language's pages
	Path, Source string
	Pos          generator.Pos
	Write        func(w io.Writer) error
}

// Files lists the exported files of model m with the site's settings as
// its views see them (views.Site.Info): the sitemap lists the navigation.
// Nothing is written yet.
func Files(site *views.SiteInfo, m *views.Model) []File {
	x := &exporter{site: site}
	files := x.dataOutputs(m)
	files = append(files, x.backlogExports(m)...)
	files = append(files, x.releaseFeeds(m)...)
	return append(files, x.changesFeed(m)...)
}

// exporter writes the exports of one site.
type exporter struct {
	site *views.SiteInfo
}
