package corpus

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/internal/gitimport"
)

// HistoryOptions say which history WriteHistory makes.
type HistoryOptions struct {
	Commits int       // commits in all, the first adding every file
	Start   time.Time // the first commit's date; one commit every few hours after it
	Seed    uint64    // the same corpus and options give the same repository
}

// WriteHistory makes the corpus written at dir a git repository whose
// history leads to it through opts.Commits commits, as product owners
// would have made them: after a first commit with every file, each
// commit moves one item to the next status, re-estimates one, re-ranks
// two items of a backlog or edits a wiki page's text. It writes the
// history in one `git fast-import` and leaves the work tree at its last
// commit, so that the content is the corpus with those edits.
func WriteHistory(dir string, opts HistoryOptions) error {
	if opts.Commits < 1 {
		return fmt.Errorf("write history: %d commits are too few", opts.Commits)
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		return fmt.Errorf("write history: %w", err)
	}
	var items, indexes, wiki []string
	for p := range files {
		switch {
		case !strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md"):
		case strings.HasPrefix(p, "content/backlogs/") && strings.HasSuffix(p, "/_index.md"):
			indexes = append(indexes, p)
		case strings.HasPrefix(p, "content/backlogs/"):
			items = append(items, p)
		case !strings.HasPrefix(p, "content/releases/") && !strings.HasSuffix(p, "_index.md"):
			wiki = append(wiki, p)
		}
	}
	slices.Sort(items)
	slices.Sort(indexes)
	slices.Sort(wiki)
	if len(items) == 0 || len(indexes) == 0 || len(wiki) == 0 {
		return fmt.Errorf("write history: %s holds no corpus", dir)
	}
	repo, err := gitimport.Init(dir)
	if err != nil {
		return fmt.Errorf("write history: %w", err)
	}
	r := newStream(opts.Seed, 0x5eed0f41570)
	when := opts.Start
	if when.IsZero() {
		when = time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC)
	}
	commit := func(subject string, changed []string) {
		fs := make([]gitimport.File, len(changed))
		for i, p := range changed {
			fs[i] = gitimport.File{Path: p, Data: files[p]}
		}
		repo.Commit(when, "Product Owner <po@example.org>", subject, fs)
	}
	all := make([]string, 0, len(files))
	for p := range files {
		all = append(all, p)
	}
	slices.Sort(all)
	commit("Start the wiki", all)
	for n := 2; n <= opts.Commits; n++ {
		when = when.Add(time.Duration(2+r.IntN(6)) * time.Hour)
		var subject string
		var changed []string
		switch k := r.IntN(10); {
		case k < 6: // the next status
			p := items[r.IntN(len(items))]
			files[p] = nextStatus(files[p])
			subject, changed = "Move "+filepath.Base(p)+" on", []string{p}
		case k < 7: // a new estimate
			p := items[r.IntN(len(items))]
			files[p] = estimateRE.ReplaceAll(files[p], fmt.Appendf(nil, "estimate: %d", 1+r.IntN(13)))
			subject, changed = "Re-estimate "+filepath.Base(p), []string{p}
		case k < 9: // two items swap places
			p := indexes[r.IntN(len(indexes))]
			files[p] = swapOrder(files[p], r)
			subject, changed = "Re-rank "+filepath.Dir(p), []string{p}
		default: // a wiki page's text
			p := wiki[r.IntN(len(wiki))]
			files[p] = append(files[p], fmt.Appendf(nil, "\nRevised in commit %d.\n", n)...)
			subject, changed = "Edit "+filepath.Base(p), []string{p}
		}
		commit(subject, changed)
	}
	if err := repo.Close(); err != nil {
		return fmt.Errorf("write history: %w", err)
	}
	return nil
}

var (
	statusRE   = regexp.MustCompile(`(?m)^status: ([a-z-]+)$`)
	estimateRE = regexp.MustCompile(`(?m)^estimate: [0-9.]+`)
	orderRE    = regexp.MustCompile(`(?m)^order: \[(.*)\]$`)
)

// statusFlow is the order an item's status moves in; the last starts over
// (an item re-opened), so that a long history keeps changing.
var statusFlow = []string{"idea", "refining", "ready", "in-progress", "done", "released"}

func nextStatus(src []byte) []byte {
	return statusRE.ReplaceAllFunc(src, func(m []byte) []byte {
		cur := string(statusRE.FindSubmatch(m)[1])
		i := slices.Index(statusFlow, cur)
		return []byte("status: " + statusFlow[(i+1)%len(statusFlow)])
	})
}

func swapOrder(src []byte, r *rand.Rand) []byte {
	return orderRE.ReplaceAllFunc(src, func(m []byte) []byte {
		entries := strings.Split(string(orderRE.FindSubmatch(m)[1]), ", ")
		if len(entries) > 1 {
			i, j := r.IntN(len(entries)), r.IntN(len(entries))
			entries[i], entries[j] = entries[j], entries[i]
		}
		return []byte("order: [" + strings.Join(entries, ", ") + "]")
	})
}
