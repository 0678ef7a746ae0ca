package site

import (
	"fmt"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/render"
)

// contentError is the error of a build whose sources have errors: it
// wraps ErrContent and counts them.
func contentError(ds generator.Diagnostics) error {
	return fmt.Errorf("%w: %s", ErrContent, plural(ds.Count(generator.Error), "error"))
}

// planDespiteErrors plans the outputs of a model whose sources have
// errors, so that the output paths that collide or cannot be written are
// reported in the same run as the content's errors, not only after those
// are mended. Planning makes no page's view, and nothing is written. A
// model with errors is outside what the render stage was written for: if
// planning it fails (a panic), the content's errors alone are reported.
func planDespiteErrors(res *Result, b *loaded) error {
	if outs, ok := tryPlan(b); ok {
		res.Diags.Append(checkPaths(withoutBadIDs(outs, b.model.Pages)))
		res.Diags = res.Diags.Sort()
	}
	return contentError(res.Diags)
}

// withoutBadIDs leaves out the outputs of pages whose file name cannot be
// a page id (content.Load reported each), so that one cause is one error.
func withoutBadIDs(outs []render.Output, pages []*generator.Page) []render.Output {
	bad := map[string]bool{}
	for _, p := range pages {
		if !content.ValidID(p.ID) {
			bad[p.File] = true
		}
	}
	if len(bad) == 0 {
		return outs
	}
	return slices.DeleteFunc(slices.Clone(outs), func(o render.Output) bool { return bad[o.Pos.File] })
}

func tryPlan(b *loaded) (outs []render.Output, ok bool) {
	defer func() {
		if recover() != nil {
			outs, ok = nil, false
		}
	}()
	return b.engine.Plan(b.model), true
}

// withUnread tells the backlog stage which backlogs' _index.md could not
// be loaded, so that their items are not reported as belonging to none.
func withUnread(s backlog.Settings, unread []generator.Unread) backlog.Settings {
	for _, u := range unread {
		if u.Type == generator.TypeBacklog {
			s.UnreadBacklogs = append(s.UnreadBacklogs, u.ID)
		}
	}
	return s
}
