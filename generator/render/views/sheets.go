package views

// Stylesheets of the theme beyond css/style.css, which every page loads:
// each holds the rules of what only some pages show, so that a page loads
// only the rules it can use. A theme's base.html links them from
// View.Sheets; docs/themes.md lists them.
const (
	sheetWiki     = "css/wiki.css"     // the relation box, related pages, backlinks
	sheetGraph    = "css/graph.css"    // drawings of generator/svg: relation graphs, the frame of the timeline
	sheetLevel    = "css/level.css"    // a level's responsibility matrices
	sheetBacklog  = "css/backlog.css"  // backlog and card tables, status and readiness badges, items
	sheetRanking  = "css/ranking.css"  // a backlog's page: filters, warnings, the board, the value/effort chart
	sheetRoadmap  = "css/roadmap.css"  // the roadmap, release pages and release facts
	sheetTimeline = "css/timeline.css" // the roadmap's timeline
	sheetSearch   = "css/search.css"   // the search page
	sheetGlossary = "css/glossary.css" // the glossary page
	sheetHistory  = "css/history.css"  // an item's status strip, the change list and a backlog's changes
	sheetForecast = "css/forecast.css" // a backlog's flow charts and a release's burn-up
)

// sheets returns the stylesheets v needs beyond css/style.css, in the
// order the theme's files are meant to cascade.
func sheets(v *View) []string {
	var out []string
	add := func(ok bool, sheet string) {
		if ok {
			out = append(out, sheet)
		}
	}
	p := v.Page
	if p == nil {
		p = &PageView{}
	}
	add(len(p.Relations) > 0 || len(p.Related) > 0 || len(p.MentionedIn) > 0, sheetWiki)
	add(p.Graph != nil || v.Graph != nil || v.Roadmap != nil, sheetGraph)
	add(len(v.Matrices) > 0 || v.MatrixParts != nil, sheetLevel)
	add(p.Backlog != nil || p.Item != nil || p.Release != nil || v.BacklogList != nil || v.Tree != nil || v.Roadmap != nil, sheetBacklog)
	add(p.Backlog != nil, sheetRanking)
	add(p.Item != nil || p.Release != nil || v.Roadmap != nil, sheetRoadmap)
	add(v.Roadmap != nil, sheetTimeline)
	add(v.Kind == "search", sheetSearch)
	add(v.Kind == "glossary", sheetGlossary)
	add(v.Changes != nil || (p.Item != nil && p.Item.Timeline != "") || (p.Backlog != nil && p.Backlog.Changes != nil), sheetHistory)
	add((p.Backlog != nil && p.Backlog.Flow != nil) || (p.Release != nil && p.Release.BurnUp != nil), sheetForecast)
	return out
}
