package render

import (
	"errors"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/themes"
)

// TestMinifyLayoutsParsesTheMinifiedSource checks that New executes the
// layouts MinifyLayouts gives it, marks its outputs Minified, and keeps
// the layouts as written when the minifier fails.
func TestMinifyLayoutsParsesTheMinifiedSource(t *testing.T) {
	theme := themes.Default()
	calls := 0
	squeeze := func(name string, src []byte) ([]byte, error) {
		calls++
		return []byte(strings.ReplaceAll(string(src), "<main", "<main data-squeezed")), nil
	}
	e, err := New(theme, views.SiteInfo{Title: "T"}, MinifyLayouts(squeeze))
	if err != nil {
		t.Fatal(err)
	}
	if !e.Minified() || calls == 0 {
		t.Fatalf("Minified() = %v after %d minifier calls, want true", e.Minified(), calls)
	}
	outs := e.Plan(&views.Model{Backlogs: &backlog.Model{}})
	var b strings.Builder
	for _, o := range outs {
		if o.Path == "404.html" {
			if !o.Minified {
				t.Error("404.html is not marked Minified")
			}
			if err := o.Write(&b); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !strings.Contains(b.String(), "data-squeezed") {
		t.Errorf("404.html was not written by the minified layouts:\n%s", b.String())
	}

	failing := func(name string, src []byte) ([]byte, error) { return nil, errors.New("cannot read it") }
	e, err = New(theme, views.SiteInfo{Title: "T"}, MinifyLayouts(failing))
	if err != nil {
		t.Fatalf("a failing minifier failed the theme: %v", err)
	}
	if e.Minified() {
		t.Error("Minified() = true although the minifier failed")
	}
	for _, o := range e.Plan(&views.Model{Backlogs: &backlog.Model{}}) {
		if o.Minified {
			t.Errorf("%s is marked Minified although the minifier failed", o.Path)
		}
	}
}

// TestAnErrorInAMinifiedLayoutNamesTheLineAsWritten makes a layout fail
// on its third line, minified into one: the error names the third line of
// the file the theme's author wrote, found by executing the page again
// with the layouts as written, which the engine parses only then.
func TestAnErrorInAMinifiedLayoutNamesTheLineAsWritten(t *testing.T) {
	theme := fstest.MapFS{}
	err := fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), p)
		theme[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	theme["layouts/404.html"] = &fstest.MapFile{Data: []byte("{{define \"main\"}}\n<p>Lost.</p>\n<p>{{index .Site.Title 99}}</p>\n{{end}}\n")}
	oneLine := func(name string, src []byte) ([]byte, error) {
		return []byte(strings.ReplaceAll(string(src), "\n", "")), nil
	}
	e, err := New(theme, views.SiteInfo{Title: "T"}, MinifyLayouts(oneLine))
	if err != nil || !e.Minified() {
		t.Fatalf("New: %v, minified %v", err, e != nil && e.Minified())
	}
	for range 2 { // the second error finds the layouts as written parsed already
		for _, o := range e.Plan(&views.Model{Backlogs: &backlog.Model{}}) {
			if o.Path != "404.html" {
				continue
			}
			var te *TemplateError
			if err := o.Write(io.Discard); !errors.As(err, &te) || te.File != "layouts/404.html" || te.Line != 3 {
				t.Errorf("404.html: %v (%+v), want an error in layouts/404.html on line 3", err, te)
			}
		}
	}
}

// TestPagesWrittenAtOnceAreTheSame writes one page from more goroutines
// than the engine keeps copies of its templates: those that take a free
// copy and those that make one write the same bytes, from the minified
// layouts. The engine makes no copy before the first page, keeps at
// most one per core, and its own set stays unexecuted, to be cloned.
func TestPagesWrittenAtOnceAreTheSame(t *testing.T) {
	squeeze := func(name string, src []byte) ([]byte, error) {
		return []byte(strings.ReplaceAll(string(src), "<main", "<main data-squeezed")), nil
	}
	e, err := New(themes.Default(), views.SiteInfo{Title: "T"}, MinifyLayouts(squeeze))
	if err != nil {
		t.Fatal(err)
	}
	if cap(e.copies) != runtime.GOMAXPROCS(0) || len(e.copies) != 0 {
		t.Fatalf("the new engine has %d copies and keeps %d, want none and one for each of GOMAXPROCS %d", len(e.copies), cap(e.copies), runtime.GOMAXPROCS(0))
	}
	var page Output
	for _, o := range e.Plan(&views.Model{Backlogs: &backlog.Model{}}) {
		if o.Path == "404.html" {
			page = o
		}
	}
	const writers = 16
	got := make([]string, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			var b strings.Builder
			if err := page.Write(&b); err != nil {
				t.Error(err)
			}
			got[i] = b.String()
		})
	}
	wg.Wait()
	if !strings.Contains(got[0], "data-squeezed") {
		t.Fatalf("404.html was not written by the minified layouts:\n%s", got[0])
	}
	for i, g := range got {
		if g != got[0] {
			t.Errorf("writer %d wrote another page than writer 0:\n%s\n---\n%s", i, g, got[0])
		}
	}
	if n := len(e.copies); n == 0 || n > cap(e.copies) {
		t.Errorf("%d copies kept after the pages were written, want 1 to %d", n, cap(e.copies))
	}
	if _, err := e.templates.clone(); err != nil {
		t.Errorf("the engine's own templates cannot be cloned after pages were written: %v", err)
	}
}
