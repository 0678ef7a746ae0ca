package site

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/changes"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/history"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// historyRead is the site's git history, read on a goroutine of its own
// while the content loads (git's processes take their time on the other
// core) and replayed there once the pages are loaded, beside the
// rendering of their bodies.
type historyRead struct {
	start    time.Time     // when the reading started
	took     time.Duration // how long the goroutine worked: git, the cache, the replay
	done     chan struct{}
	stated   chan struct{}         // closed once the repository's state is known: h, or err
	none     bool                  // known when stated is closed: no git, no work tree, or a shallow clone
	snap     chan *changes.Current // the pages as the work tree has them, once loaded; nil: the load stopped
	give     sync.Once
	h        *history.History
	replayed *changes.Replayed
	cached   bool // the replay came from the cache file
	err      error
	kept     sync.WaitGroup // the writing of the cache file, which the build waits for before it returns
}

// readHistory starts reading the history of the site at opts.Source, or
// returns nil when the build does not want it: a build that is not asked
// to (Options.History), or [history] enabled = false. A replay kept in
// opts.historyCache for the same commit and rules is used instead of
// the log; with opts.writeHistory, a new replay is kept there.
func readHistory(ctx context.Context, opts Options, cfg *config.Config) *historyRead {
	if !opts.History || !cfg.History.Enabled {
		return nil
	}
	hr := &historyRead{start: time.Now(), done: make(chan struct{}), stated: make(chan struct{}), snap: make(chan *changes.Current, 1)}
	go func() {
		defer close(hr.done)
		var waited time.Duration // for the pages, which is no work of the history's
		defer func() { hr.took = time.Since(hr.start) - waited }()
		h, err := history.State(ctx, opts.Source)
		hr.h, hr.err, hr.none = h, err, err != nil || h.Shallow
		close(hr.stated)
		if hr.none {
			return
		}
		key := historyOptions(cfg, time.Time{}).Fingerprint(opts.Version)
		replayed := readReplay(opts.historyCache, key, h.Head)
		var blobs map[string][]byte
		if replayed == nil {
			// The versions the replay reads are read as the log names
			// them, by a second git process, while git writes the rest.
			batch, err := history.NewBatch(ctx, opts.Source)
			if hr.err = err; err != nil {
				return
			}
			pick := changes.NewPrefetch(contentDir, h.Dirty)
			hr.err = h.Log(ctx, opts.Source, cfg.History.Location, func(e history.Entry) { pick.Seen(e, batch.Ask) })
			if hr.err == nil {
				for _, id := range changes.Wanted(h, contentDir) {
					batch.Ask(id) // any the prefetch did not pick
				}
			}
			if blobs, err = batch.Close(); hr.err == nil {
				hr.err = err
			}
			if hr.err != nil {
				return
			}
		}
		w := time.Now()
		now := <-hr.snap
		waited = time.Since(w)
		switch {
		case now == nil:
		case replayed != nil:
			hr.replayed, hr.cached = replayed, true
		default:
			hr.replayed = changes.Replay(h, blobs, now)
			// What the log said of each commit and file is in the
			// replay now; the build needs only the repository's state.
			h.Commits, h.Files, h.Gone = nil, nil, nil
			if opts.writeHistory {
				r := hr.replayed
				hr.kept.Go(func() { writeReplay(opts.historyCache, key, r) })
			}
		}
	}()
	return hr
}

// wait waits for the cache file to be written, if it is being.
func (hr *historyRead) wait() {
	if hr != nil {
		<-hr.done
		hr.kept.Wait()
	}
}

// snapshotTaken gives the history's goroutine the pages to replay the
// history against, once; nil lets it stop.
func (hr *historyRead) snapshotTaken(now *changes.Current) {
	if hr != nil {
		hr.give.Do(func() { hr.snap <- now })
	}
}

// historyCacheMagic starts a file of kept history, so that a build
// never takes a file of the user's for one, nor overwrites it.
const historyCacheMagic = "backlight history cache 1\n"

// historyCacheFile is where a build into dest keeps the replayed
// history: beside dest's lock file, .public.history for public/. It is
// safe to delete.
func historyCacheFile(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".history")
}

// readReplay reads the replay kept in file for the commit head under
// key, or nil: no file, another commit or key, or not a file of ours.
func readReplay(file, key, head string) *changes.Replayed {
	if file == "" {
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if magic, err := r.ReadString('\n'); err != nil || magic != historyCacheMagic {
		return nil
	}
	replayed, err := changes.DecodeReplayed(r, key, head)
	if err != nil {
		return nil // damaged: the history is read again, and the file replaced
	}
	return replayed
}

// writeReplay keeps r in file, by way of a temporary file beside it; a
// file there that is not one of ours is left alone. A failure only means
// the next build reads the history again.
func writeReplay(file, key string, r *changes.Replayed) {
	if file == "" {
		return
	}
	if f, err := os.Open(file); err == nil {
		magic := make([]byte, len(historyCacheMagic))
		_, err := io.ReadFull(f, magic)
		f.Close()
		if err != nil || string(magic) != historyCacheMagic {
			return
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".tmp-*")
	if err != nil {
		return
	}
	w := bufio.NewWriter(tmp)
	w.WriteString(historyCacheMagic)
	err = r.Encode(w, key)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

// historyOptions are the site's rules that give its files' versions a
// meaning, with now the build's time.
func historyOptions(cfg *config.Config, now time.Time) changes.Options {
	return changes.Options{
		Folder:  contentDir,
		Content: contentOptions(cfg),
		Done:    cfg.Backlog.Done, Dropped: cfg.Backlog.Dropped, Active: cfg.Backlog.Active,
		Loc: cfg.History.Location, Now: now,
	}
}

// snapshot takes what the history compares of the pages as the work
// tree has them, before their Markdown is let go, and gives it to the
// history's goroutine; nil when there is no history to compare with.
func (l *loaded) snapshot(hr *historyRead, pages, all []*generator.Page) *changes.Current {
	if hr == nil {
		return nil
	}
	// Outside a work tree, or in a shallow clone, there is nothing to
	// compare with (git answers that in milliseconds, long before the
	// content is loaded).
	if <-hr.stated; hr.none {
		return nil
	}
	// A draft's changes are not published any more than the draft is.
	l.drafts = map[string]bool{}
	if len(all) > len(pages) {
		shown := make(map[*generator.Page]bool, len(pages))
		for _, p := range pages {
			shown[p] = true
		}
		for _, p := range all {
			if !shown[p] {
				l.drafts[p.ID] = true
			}
		}
	}
	now := changes.Snapshot(pages, historyOptions(l.cfg, l.now))
	hr.snapshotTaken(now)
	return now
}

// contentDir is the content folder's name in the site's root.
const contentDir = "content"

// historyOf derives, from the history read, what the site's pages show of
// it, and says in res what was read. Without git, outside a work tree or
// in a shallow clone the site has no history: a note says why, and for a
// shallow clone a warning says how to fetch the rest.
func (l *loaded) historyOf(hr *historyRead, now *changes.Current, res *Result) *views.History {
	if hr == nil {
		if l.cfg.History.Enabled {
			res.History = "history: not read"
		} else {
			res.History = "history: off ([history] enabled = false)"
		}
		return nil
	}
	wait := time.Now()
	<-hr.done
	// What the build waited for: the end of the reading, and the
	// comparison with the work tree, all of whose work is the history's.
	defer func(done time.Time) { res.HistoryWait, res.HistoryTime = time.Since(wait), hr.took+time.Since(done) }(time.Now())
	switch {
	case errors.Is(hr.err, history.ErrNoGit):
		res.History = "history: none, as git is not installed; pages show no dates"
		return nil
	case errors.Is(hr.err, history.ErrNotWorkTree):
		res.History = "history: none, as the site is not in a git work tree; pages show no dates"
		return nil
	case hr.err != nil:
		l.diags.fixed.Warnf(generator.Pos{}, "the site's git history could not be read, so pages show no dates: %v", hr.err)
		res.History = "history: none"
		return nil
	case hr.h.Shallow:
		l.diags.fixed.Warnf(generator.Pos{}, "the site is a shallow git clone, so its history is incomplete and pages show no dates rather than wrong ones; "+
			"fetch the whole history: git fetch --unshallow (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0)")
		res.History = "history: none (shallow clone)"
		return nil
	}
	cfg := l.cfg
	r := now.Finish(hr.replayed, hr.h.Dirty)
	hr.replayed = nil // not needed while the pages are written (the cache's writer has its own)
	if len(l.drafts) > 0 {
		r.Changes = slices.DeleteFunc(r.Changes, func(c changes.Change) bool { return l.drafts[c.ID] })
	}
	if !cfg.History.Authors {
		for _, p := range r.Pages {
			p.Author = ""
		}
		for i := range r.Changes {
			r.Changes[i].Author = ""
		}
	}
	hv := &views.History{Result: r, Authors: cfg.History.Authors, Head: hr.h.Head, Since: changesSince(l.now.In(cfg.History.Location), cfg.Backlog.IterationWeeks)}
	if u := cfg.History.URL; u != "" {
		prefix := hr.h.Prefix
		hv.URL = func(p *generator.Page) string {
			return strings.ReplaceAll(u, config.HistoryPathToken, generator.EscapePath(path.Join(prefix, contentDir, p.Path)))
		}
	}
	res.History = fmt.Sprintf("history: %s of %d pages at %.12s", generator.Count(len(r.Changes), "change"), len(r.Pages), hr.h.Head)
	if hr.cached {
		res.History += ", kept from the last build"
	}
	return hv
}

// changesSince is the first day the change list shows: two iterations
// back from the build's day, that day included.
func changesSince(now time.Time, iterationWeeks int) string {
	return now.AddDate(0, 0, 1-14*max(iterationWeeks, 1)).Format(time.DateOnly)
}

// ChangeQuery says which changes ChangeList lists.
type ChangeQuery struct {
	// Since and Until bound the changes: a day (YYYY-MM-DD, included)
	// or a git revision (a tag, a branch, a commit): the changes of the
	// commits after Since, up to and with Until. Since "" is the change
	// list's period (two iterations); Until "" is the work tree, its
	// uncommitted changes too.
	Since, Until string
	Backlog      string // a backlog's id: only its changes and its items'; "" for all
}

// Changes is what `backlight changes` prints.
type Changes struct {
	Changes []changes.Change  // the changes listed, oldest first
	Days    []views.ChangeDay // the same grouped by day, newest first, with absolute links
	Since   string            // the first day listed, when Since was a day or none
	Head    string
}

// ChangeList loads the site at opts.Source with its history, as a build
// does, and lists the changes q asks for. A site whose content has
// errors is listed too; res holds its diagnostics.
func ChangeList(ctx context.Context, opts Options, q ChangeQuery) (*Changes, *Result, error) {
	l, res, err := loadForList(ctx, opts)
	if err != nil {
		return nil, res, err
	}
	// Errors in the content are reported, and do not hide what changed.
	h := l.model.History
	if h == nil {
		return nil, res, fmt.Errorf("the site has no history: %s", strings.TrimPrefix(res.History, "history: "))
	}
	if q.Backlog != "" && l.model.Backlogs != nil {
		var ids []string
		for _, b := range l.model.Backlogs.Backlogs {
			ids = append(ids, b.Page.ID)
		}
		if !slices.Contains(ids, q.Backlog) {
			return nil, res, fmt.Errorf("--backlog %q: no such backlog; the site's backlogs are %s", q.Backlog, generator.OrList(ids))
		}
	}
	keep, since, err := changeFilter(ctx, opts.Source, q, h.Since)
	if err != nil {
		return nil, res, err
	}
	out := &Changes{Since: since, Head: h.Head}
	var picked []*changes.Change
	for i := range h.Changes {
		c := &h.Changes[i]
		if keep(c) && (q.Backlog == "" || c.Backlog == q.Backlog || c.ID == q.Backlog) {
			out.Changes = append(out.Changes, *c)
			picked = append(picked, c)
		}
	}
	slices.SortStableFunc(picked, func(a, b *changes.Change) int { return strings.Compare(b.Date, a.Date) })
	info := siteInfo(l.cfg, opts.Version)
	info.Now, info.Strings = l.now, l.strs[l.cfg.Language]
	out.Days = views.ChangeDays(&info, l.model, picked, l.cfg.BaseURL, len(picked))
	return out, res, nil
}

// loadForList loads the site at opts.Source with its history, as a build
// does, for a command that lists from it (changes, forecast): the
// history kept by the last build is read, not written, and a site whose
// content has errors is loaded too, its diagnostics in res.
func loadForList(ctx context.Context, opts Options) (*loaded, *Result, error) {
	opts.History, opts.Check = true, true
	opts.historyCache = historyCacheFile(cmp.Or(opts.Dest, filepath.Join(opts.Source, "public"))) // read, not written
	res := &Result{ByType: map[string]int{}}
	l, err := load(ctx, opts, res)
	if err != nil && (l == nil || !errors.Is(err, ErrContent)) {
		return nil, res, err
	}
	return l, res, nil
}

// changeFilter is the test of q's bounds, and the first day when Since is
// one (or the default period's, since).
func changeFilter(ctx context.Context, dir string, q ChangeQuery, since string) (func(*changes.Change) bool, string, error) {
	isDay := func(s string) bool { _, err := time.Parse(time.DateOnly, s); return err == nil }
	var fromDay, toDay string
	var inRange map[string]bool // commits in the range given by revisions
	switch {
	case q.Since == "":
		fromDay = since
	case isDay(q.Since):
		fromDay = q.Since
	}
	if isDay(q.Until) {
		toDay = q.Until
	}
	sinceRev := q.Since != "" && !isDay(q.Since)
	untilRev := q.Until != "" && !isDay(q.Until)
	if sinceRev || untilRev {
		rng := "HEAD"
		if untilRev {
			rng = q.Until
		}
		if sinceRev {
			rng = q.Since + ".." + rng
		}
		ids, err := history.RevList(ctx, dir, rng)
		if err != nil {
			return nil, "", fmt.Errorf("--since/--until: %w", err)
		}
		inRange = ids
	}
	return func(c *changes.Change) bool {
		if fromDay != "" && c.Date < fromDay || toDay != "" && c.Date > toDay {
			return false
		}
		if c.Commit == "" { // uncommitted: only when the list runs to the work tree
			return !untilRev
		}
		return inRange == nil || inRange[c.Commit]
	}, fromDay, nil
}
