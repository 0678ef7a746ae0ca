package render

import (
	"io"

	"github.com/backlight-wiki/backlight/generator"
)

// Output is one file of the site: its slash path under the destination and
// a function that writes its bytes.
type Output struct {
	Path   string
	Source string        // what produced it, for "two sources for one path" errors
	Pos    generator.Pos // where that source is written, when it is
	// Kind is what the theme's templates make of it, "page role", "list
	// /releases/", "redirect", …: outputs of one kind run the same template
	// code on data of one shape, so a check renders one of each. It is ""
	// for files not made by the templates (exports, feeds, static files).
	Kind   string
	Write  func(w io.Writer) error
	Packed bool // already compact (the search index): not to be minified
	// Minified is true for pages written by minified layouts: only the
	// HTML they insert (Markdown bodies, graphs) keeps its own newlines,
	// which minifying the page again would save a few bytes of, at a
	// seventh of a build's time, so it is not.
	Minified bool
	// Release, when not nil, lets go of what only this output needs (a
	// content page's rendered Markdown, which no other output shows): a
	// build, which writes each output once, calls it once the output is
	// written. Write may not be called after it.
	Release func()
}
