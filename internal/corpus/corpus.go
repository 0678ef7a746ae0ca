package corpus

import (
	"fmt"
)

// MinPages is the smallest corpus Write makes: below it, the backlogs
// could not each hold at least 50 items.
const MinPages = 300

// Options say which corpus to write.
type Options struct {
	Pages int    // Markdown files under content/; at least MinPages
	Seed  uint64 // the same Pages and Seed give the same corpus, byte for byte
}

// Summary counts what Write wrote.
type Summary struct {
	Pages, Wiki, Releases, Backlogs, Items int
	Bytes                                  int64 // size of the Markdown files
}

// String describes a corpus on one line.
func (s Summary) String() string {
	return fmt.Sprintf("%d pages (%d wiki pages, %d releases, %d backlogs, %d items), %.1f MiB of Markdown",
		s.Pages, s.Wiki, s.Releases, s.Backlogs, s.Items, float64(s.Bytes)/(1<<20))
}

// Write writes a corpus into dir, which must be absent or empty: the
// Markdown under dir/content, dir/site.toml, and Hugo's dir/hugo.toml and
// dir/layouts, so that both tools can build the same content.
func Write(dir string, opts Options) (Summary, error) {
	if opts.Pages < MinPages {
		return Summary{}, fmt.Errorf("write corpus: %d pages are too few (at least %d)", opts.Pages, MinPages)
	}
	pl, err := newPlan(opts)
	if err != nil {
		return Summary{}, fmt.Errorf("plan corpus: %w", err)
	}
	if err := prepare(dir); err != nil {
		return Summary{}, fmt.Errorf("write corpus: %w", err)
	}
	if err := writeSite(dir, opts); err != nil {
		return Summary{}, fmt.Errorf("write corpus site files: %w", err)
	}
	n, err := pl.writeContent(dir)
	if err != nil {
		return Summary{}, fmt.Errorf("write corpus: %w", err)
	}
	return pl.summary(n), nil
}

// summary counts the planned pages.
func (pl *plan) summary(bytes int64) Summary {
	s := Summary{Pages: len(pl.pages), Bytes: bytes, Releases: len(pl.byType["release"]),
		Backlogs: len(pl.byType["backlog"]), Items: len(pl.byType["item"])}
	s.Wiki = s.Pages - s.Releases - s.Backlogs - s.Items
	return s
}
