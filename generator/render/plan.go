package render

import (
	"io"
	"maps"
	"slices"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/render/export"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// Plan lists every file of the site. Nothing is rendered yet: each
// Output's Write does its page's work, so the caller can run them in
// parallel and stream them to disk. Plan changes neither the engine nor
// the model: what it derives from the model (the navigation, the feed,
// the index of pages) views.New keeps in values of its own, so that Plan
// may run again, or at the same time, on the same engine. (An Output's
// Release changes the model's bodies, when a build calls it.)
func (e *Engine) Plan(m *views.Model) []Output {
	site := views.New(*e.info, m)
	specs := site.Pages()
	outs := make([]Output, 0, len(specs)+len(e.assets)+64)
	for _, s := range specs {
		view := s.View // not s, which the closure would copy to the heap whole
		path := e.prefix + generator.OutPath(s.URL)
		if s.Kind == "404" && e.top {
			path = generator.OutPath(s.URL) // served for every missing path: at the top
		}
		o := Output{Path: path, Source: s.Source, Pos: s.Pos, Kind: s.Kind, Minified: e.Minified(),
			Write: func(w io.Writer) error { return e.execute(w, view()) }}
		if b := m.Bodies[s.Page]; b != nil && !export.ShowsBody(s.Page) {
			o.Release = func() { b.HTML = "" }
		}
		outs = append(outs, o)
	}
	if e.top { // the icons and the theme's files are the top's
		outs = append(outs, e.icons(m)...)
	}
	for _, f := range export.Files(site.Info(), m) {
		path := e.prefix + f.Path
		if f.Top {
			path = f.Path
		}
		outs = append(outs, Output{Path: path, Source: f.Source, Pos: f.Pos, Write: f.Write})
	}
	if !e.top {
		return outs
	}
	for _, name := range slices.Sorted(maps.Keys(e.assets)) {
		a := e.assets[name]
		outs = append(outs, Output{Path: a.out, Source: "the theme's static/" + name, Write: func(w io.Writer) error {
			_, err := w.Write(a.data)
			return err
		}})
	}
	return outs
}
