package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// contentError is the error of a build whose sources have errors: it
// wraps ErrContent and counts them.
func contentError(ds generator.Diagnostics) error {
	return fmt.Errorf("%w: %s", ErrContent, generator.Count(ds.Count(generator.Error), "error"))
}

// planDespiteErrors plans the outputs of a model whose sources have
// errors, so that the output paths that collide or cannot be written are
// reported in the same run as the content's errors, not only after those
// are mended. Planning makes no page's view, and nothing is written. A
// model with errors is outside what the render stage was written for: if
// planning it fails (a panic), the content's errors alone are reported.
func planDespiteErrors(res *Result, b *loaded) error {
	if outs, ok := tryPlan(b); ok {
		outs = append(outs, b.files.outputs()...)
		paths := checkPaths(withoutBadIDs(outs, b.model.Pages))
		res.Diags.Append(paths)
		if len(paths) == 0 {
			// The links of the rendered pages, too: a broken link is
			// usually its own mistake, not the consequence of another.
			links := newLinkCheck(b.bodies, b.model.Pages, b.cfg.Build.BrokenLinks == "warning")
			links.plan(outs)
			links.bodiesOnly = true
			if tryRenderAll(outs, links) {
				res.Diags.Append(links.report())
			}
		}
		res.Diags = res.Diags.Sort()
	}
	return contentError(res.Diags)
}

// tryRenderAll renders every output of a model with errors, writing none,
// for the link check. Rendering errors are ignored here (they may follow
// from the content's), and a panic makes it give up: it reports whether
// every output was rendered.
func tryRenderAll(outs []render.Output, links *linkCheck) bool {
	var failed atomic.Bool
	bufs := make([]bytes.Buffer, workers.Count(len(outs)))
	workers.EachWorker(len(outs), func(w, i int) {
		defer func() {
			if recover() != nil {
				failed.Store(true)
			}
		}()
		if failed.Load() {
			return
		}
		bufs[w].Reset()
		if outs[i].Write(&bufs[w]) != nil {
			failed.Store(true)
			return
		}
		links.scan(w, i, bufs[w].Bytes())
	})
	return !failed.Load()
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

// renderErrors reports the template errors among a build's rendering
// errors (err, one or joined) as diagnostics at the theme file, line and
// column, one per distinct error with the number of pages it hit, and
// returns the build's error: a content error when these were all, else the
// other errors too.
func renderErrors(res *Result, src, theme string, err error) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	type key struct {
		file      string
		line, col int
		msg       string
	}
	hits := map[key][]string{}
	var others []error
	for _, e := range errs {
		te, ok := errors.AsType[*render.TemplateError](e)
		if !ok {
			others = append(others, e)
			continue
		}
		k := key{te.File, te.Line, te.Col, te.Message}
		hits[k] = append(hits[k], te.Output)
	}
	if len(hits) == 0 {
		return err
	}
	for k, outs := range hits {
		slices.Sort(outs)
		pos, where := themePos(src, theme, k.file), ""
		if pos.IsValid() {
			pos.Line, pos.Col = k.line, k.col
			if !strings.HasPrefix(pos.File, "themes/"+theme+"/") || !fileExists(filepath.Join(src, filepath.FromSlash(pos.File))) {
				where = " in Backlight's embedded default theme"
			}
		}
		more := ""
		if n := len(outs) - 1; n > 0 {
			more = fmt.Sprintf(" and %s", generator.Count(n, "more page"))
		}
		res.Diags.Errorf(pos, "template error%s: %s (rendering %s%s)", where, k.msg, outs[0], more)
	}
	res.Diags = res.Diags.Sort()
	return errors.Join(append([]error{contentError(res.Diags)}, others...)...)
}

// themePos is the position of a theme file ("layouts/page.html"): the
// site's themes/<name>/ file when it has one, else the embedded default
// theme's, at its path in Backlight's sources.
func themePos(src, theme, file string) generator.Pos {
	if file == "" {
		return generator.Pos{}
	}
	p := path.Join("themes", theme, file)
	if fileExists(filepath.Join(src, filepath.FromSlash(p))) {
		return generator.Pos{File: p}
	}
	return generator.Pos{File: path.Join("themes/default", file)}
}

func fileExists(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}
