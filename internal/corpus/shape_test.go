package corpus

import (
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestEveryCorpusSizeHasBacklogsOf50To500Items(t *testing.T) {
	for n := MinPages; n <= 200_000; n += 1 + n/50 {
		s, err := newShape(n, newStream(1, 0))
		if err != nil {
			t.Fatalf("newShape(%d): %v", n, err)
		}
		if s.total() != n {
			t.Fatalf("newShape(%d) plans %d pages", n, s.total())
		}
	}
}

// corpusFile is one Markdown file, split up for counting.
type corpusFile struct {
	folder  string            // top folder under content/
	backlog string            // the backlog folder, for backlogs and items
	front   map[string]string // top-level keys and their values as written
	rels    int               // relation targets
	body    string
}

func parseFile(name string, data []byte) corpusFile {
	parts := strings.SplitN(string(data), "---\n", 3)
	f := corpusFile{front: map[string]string{}, body: parts[2]}
	dirs := strings.Split(path.Dir(strings.TrimPrefix(name, "content/")), "/")
	f.folder = dirs[0]
	if len(dirs) > 1 {
		f.backlog = dirs[1]
	}
	var key string
	for _, line := range strings.Split(parts[1], "\n") {
		if k, v, ok := strings.Cut(line, ": "); ok && !strings.HasPrefix(line, " ") {
			f.front[k] = v
		} else if k, ok := strings.CutSuffix(line, ":"); ok {
			key = k
		} else if key == "relations" && strings.HasPrefix(line, "  ") {
			f.rels += 1 + strings.Count(line, ", ")
		}
	}
	return f
}

func corpusFiles(t *testing.T, opts Options) []corpusFile {
	t.Helper()
	var out []corpusFile
	for name, data := range readTree(t, writeCorpus(t, opts)) {
		if strings.HasPrefix(name, "content/") {
			out = append(out, parseFile(name, data))
		}
	}
	return out
}

// within reports whether got is in [lo, hi], and says so if not.
func within(t *testing.T, what string, got, lo, hi float64) {
	t.Helper()
	if got < lo || got > hi {
		t.Errorf("got %v %s, want %v to %v", got, what, lo, hi)
	}
}

func TestCorpusOf1000PagesHasTheSpecifiedShape(t *testing.T) {
	files := corpusFiles(t, Options{Pages: 1000, Seed: 1})
	byFolder := map[string]int{}
	for _, f := range files {
		byFolder[f.folder]++
	}
	within(t, "pages", float64(len(files)), 1000, 1000)
	within(t, "areas", float64(byFolder["areas"]), 3, 3)
	within(t, "cadences", float64(byFolder["cadences"]), 4, 4)
	wiki := 7
	for _, typ := range wikiTypes {
		n := byFolder[sections[typ]]
		within(t, sections[typ], float64(n), float64(byFolder["roles"]-1), float64(byFolder["roles"]+1))
		wiki += n
	}
	within(t, "wiki pages in 1000", float64(wiki), 270, 330)
	within(t, "releases", float64(byFolder["releases"]), 5, 20)
	checkBacklogs(t, files)
}

func checkBacklogs(t *testing.T, files []corpusFile) {
	items, ranked := map[string]int{}, map[string]int{}
	level := map[string]string{}
	byLevel := map[string]float64{}
	var refined, withParent, withRelease, total float64
	for _, f := range files {
		switch {
		case f.folder != "backlogs":
		case f.front["level"] != "":
			level[f.backlog] = f.front["level"]
			ranked[f.backlog] = 1 + strings.Count(f.front["order"], ", ")
		default:
			items[f.backlog]++
			total++
			if f.front["release"] != "" {
				withRelease++
			}
			if !strings.HasPrefix(f.front["id"], "PBI-") {
				refined++
				if f.front["parent"] != "" {
					withParent++
				}
			}
		}
	}
	for b, n := range items {
		within(t, "items in backlog "+b, float64(n), minBacklog, maxBacklog)
		within(t, "share of ranked items in backlog "+b, float64(ranked[b])/float64(n), 0.85, 0.95)
		byLevel[level[b]] += float64(n) / total
	}
	within(t, "share of portfolio items", byLevel["organisation"], 0.04, 0.1)
	within(t, "share of cluster items", byLevel["cluster"], 0.25, 0.45)
	within(t, "share of team items", byLevel["team"], 0.5, 0.7)
	within(t, "share of cluster and team items with a parent", withParent/refined, 0.6, 0.8)
	within(t, "share of items with a release", withRelease/total, 0.6, 0.8)
}

// headingLink matches a wiki link or a Markdown link to a #heading.
var headingLink = regexp.MustCompile(`\[\[[^\]]*#|\]\([^)]*#`)

func TestEveryPageHas3To10LinksAndWikiPages2To8RelationTargets(t *testing.T) {
	for _, f := range corpusFiles(t, Options{Pages: MinPages, Seed: 5}) {
		links := strings.Count(f.body, "[[") + strings.Count(f.body, "](")
		if links < 3 || links > 10 {
			t.Errorf("%s/%s: got %d links, want 3 to 10", f.folder, f.front["title"], links)
		}
		if f.folder != "areas" && f.folder != "backlogs" && f.folder != "releases" && (f.rels < 2 || f.rels > 8) {
			t.Errorf("%s/%s: got %d relation targets, want 2 to 8", f.folder, f.front["title"], f.rels)
		}
		if headingLink.MatchString(f.body) {
			t.Errorf("%s/%s: links to a heading", f.folder, f.front["title"])
		}
	}
}
