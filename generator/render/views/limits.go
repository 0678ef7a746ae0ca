package views

// Limits keep every output file small however large the site grows: a
// list, matrix, graph or file that grows with the number of pages is cut
// at one of them and the rest is linked, split or paginated. DefaultLimits
// gives the values every build uses; docs/themes.md ("Size limits")
// documents them and docs/benchmarks.md measures the largest files they
// give at 10,000 and 50,000 pages.
type Limits struct {
	// ListEntries is the most pages a list on the home page or a level's
	// overview shows per type; "N more" links to the full list.
	ListEntries int

	// ListPage is the most entries a type list or a tag page shows; past
	// it the list continues at …/page/2/, …/page/3/.
	ListPage int

	// TreeNodes is the most items a page of the traceability tree shows,
	// in whole trees; the tree continues at …/page/2/.
	TreeNodes int

	// InlineMatrixCells is the largest responsibility matrix (rows times
	// columns) a level's overview shows whole; a larger one is shown only
	// cut by group, on the level's group pages.
	InlineMatrixCells int

	// MatrixChunkRows is the most rows of roles in no group that one of a
	// level's "roles in no group" pages shows.
	MatrixChunkRows int

	// LevelGraphNodes is the most pages a level's relation graph draws:
	// the most connected ones.
	LevelGraphNodes int

	// SitemapURLs is the most URLs one sitemap file lists; sitemap.xml is
	// a sitemap index of sitemaps/sitemap-0001.xml, ….
	SitemapURLs int

	// FeedReleases is the most releases releases.xml carries: the newest.
	FeedReleases int

	// Changes is the most changes the change list (/changes/) shows: the
	// newest; backlight changes lists them all.
	Changes int

	// BacklogChanges is the most changes a backlog's page shows of those
	// since its system's last release: the newest.
	BacklogChanges int

	// ModelChunk is the most pages one chunk file of the model export
	// holds (model.json lists model/pages-0001.json, …), and the most
	// releases, a release naming many items counting as several.
	ModelChunk int
}

// DefaultLimits are the limits of every build: with them no file of the
// 50,000-page benchmark site reaches 1 MB.
func DefaultLimits() Limits {
	return Limits{
		ListEntries:       12,
		ListPage:          500,
		TreeNodes:         1500,
		InlineMatrixCells: 2000,
		MatrixChunkRows:   60,
		LevelGraphNodes:   120,
		SitemapURLs:       5000,
		FeedReleases:      50,
		ModelChunk:        500,
		Changes:           500,
		BacklogChanges:    100,
	}
}

// withDefaults fills the limits left zero from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	fill := func(v *int, dv int) {
		if *v <= 0 {
			*v = dv
		}
	}
	fill(&l.ListEntries, d.ListEntries)
	fill(&l.ListPage, d.ListPage)
	fill(&l.TreeNodes, d.TreeNodes)
	fill(&l.InlineMatrixCells, d.InlineMatrixCells)
	fill(&l.MatrixChunkRows, d.MatrixChunkRows)
	fill(&l.LevelGraphNodes, d.LevelGraphNodes)
	fill(&l.SitemapURLs, d.SitemapURLs)
	fill(&l.FeedReleases, d.FeedReleases)
	fill(&l.ModelChunk, d.ModelChunk)
	fill(&l.Changes, d.Changes)
	fill(&l.BacklogChanges, d.BacklogChanges)
	return l
}
