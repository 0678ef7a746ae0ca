package site

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/changes"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/history"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// historyRead is the site's git history, read on a goroutine of its own
// while the content loads: git's processes take their time on the other
// core.
type historyRead struct {
	done  chan struct{}
	h     *history.History
	blobs map[string][]byte
	err   error
}

// readHistory starts reading the history of the site at opts.Source, or
// returns nil when the build does not want it: a build that is not asked
// to (Options.History), or [history] enabled = false.
func readHistory(ctx context.Context, opts Options, cfg *config.Config) *historyRead {
	if !opts.History || !cfg.History.Enabled {
		return nil
	}
	hr := &historyRead{done: make(chan struct{})}
	go func() {
		defer close(hr.done)
		h, err := history.Read(ctx, opts.Source, cfg.History.Location)
		if err != nil {
			hr.err = err
			return
		}
		hr.h = h
		if h.Shallow {
			return
		}
		hr.blobs, hr.err = history.Blobs(ctx, opts.Source, changes.Wanted(h, contentDir))
	}()
	return hr
}

// contentDir is the content folder's name in the site's root.
const contentDir = "content"

// historyOf derives, from the history read, what the site's pages show of
// it, and says in res what was read. Without git, outside a work tree or
// in a shallow clone the site has no history: a note says why, and for a
// shallow clone a warning says how to fetch the rest.
func (l *loaded) historyOf(hr *historyRead, pages []*generator.Page, res *Result) *views.History {
	if hr == nil {
		if l.cfg.History.Enabled {
			res.History = "history: not read"
		} else {
			res.History = "history: off ([history] enabled = false)"
		}
		return nil
	}
	<-hr.done
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
	opts := changes.Options{
		Folder:  contentDir,
		Content: contentOptions(cfg),
		Done:    cfg.Backlog.Done, Dropped: cfg.Backlog.Dropped, Active: cfg.Backlog.Active,
		Loc: cfg.History.Location, Now: l.now,
	}
	r := changes.Derive(hr.h, hr.blobs, pages, opts)
	if !cfg.History.Authors {
		for _, p := range r.Pages {
			p.Author = ""
		}
		for i := range r.Changes {
			r.Changes[i].Author = ""
		}
	}
	hv := &views.History{Result: r, Authors: cfg.History.Authors, Head: hr.h.Head}
	if u := cfg.History.URL; u != "" {
		prefix := hr.h.Prefix
		hv.URL = func(p *generator.Page) string {
			return strings.ReplaceAll(u, config.HistoryPathToken, generator.EscapePath(path.Join(prefix, contentDir, p.Path)))
		}
	}
	res.History = fmt.Sprintf("history: %s of %d pages from %d commits", generator.Count(len(r.Changes), "change"), len(r.Pages), len(hr.h.Commits))
	return hv
}
