package render_test

import (
	"encoding/json"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/render"
	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/themes"
)

// fuzzDirs are the folders a fuzzed page is loaded from: one per way its
// URL is made (top level, a wiki folder, a backlog, whose name is its
// folder's, an item, a release, a folder of no type).
var fuzzDirs = []string{"", "roles", "backlogs", "backlogs/pumps", "releases", "misc"}

// localOutput says why an output path could leave the output folder, or
// returns "" when it is a clean relative slash path that stays inside it.
func localOutput(p string) string {
	switch {
	case p == "":
		return "empty"
	case path.IsAbs(p) || strings.HasPrefix(p, `\`):
		return "absolute"
	case path.Clean(p) != p:
		return "not clean"
	case !filepath.IsLocal(filepath.FromSlash(p)):
		return "not local (filepath.IsLocal)"
	case strings.ContainsFunc(p, func(r rune) bool { return r == '\\' || r < 0x20 || r == 0x7f }):
		return "backslash or control character"
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." || seg == "." || seg == "" {
			return "segment " + `"` + seg + `"`
		}
	}
	return ""
}

// FuzzOutputPaths loads one page with an arbitrary file name (its id), an
// arbitrary alias and an arbitrary tag, plans the whole site as a build
// does, and checks every output path: it is local (relative, clean, no
// "..", no backslash or control character, filepath.IsLocal), or it is
// the fuzzed page's own output or one of its aliases, with the page's file
// as its position, so that the build's path check (site.checkPaths)
// refuses it with an error at that file or alias. A name the content
// stage already refused never gets this far, as in a build.
func FuzzOutputPaths(f *testing.F) {
	seeds := []struct {
		dir              uint8
		name, alias, tag string
	}{
		{1, "cpo", "product-owner", "Scrum"},
		{0, "about", "/about-us/", "x"},
		{1, "lead", "../../etc", "x"},
		{1, "lead", "roles/../../../x", "x"},
		{1, "lead", "/tmp/evil", "x"},
		{1, "lead", `..\..\x`, "x"},
		{1, "lead", "a//b", "x"},
		{1, "lead", "./x", "x"},
		{1, "lead", ".", "."},
		{1, "lead", "x/..", ".."},
		{1, "caf\u00e9", "\u00fcber", "\u00c9t\u00e9"},
		{1, "cafe\u0301", "%2e%2e", "%2e%2e"},
		{1, "a b", "%2e%2e/%2e%2e/x", "a/b"},
		{1, "lead", "x\x00y", "\x00"},
		{1, "lead", "old", "++"}, // a tag with no letter once went to "tags//index.html"
		{1, "lead", "C:", "C:"},
		{2, "pumps", "pumps-old", "x"},
		{3, "cbi-1", "old-cbi", "x"},
		{4, "r1", "release-1", "x"},
		{5, "x", "y", "z"},
	}
	for _, s := range seeds {
		f.Add(s.dir, s.name, s.alias, s.tag)
	}
	info, vocab, settings, opts := defaultSettings(f)
	e, err := render.New(themes.Default(), info) // Plan may run again and again, as in `backlight serve`
	if err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, dir uint8, name, alias, tag string) {
		d := fuzzDirs[int(dir)%len(fuzzDirs)]
		p := path.Join(d, name+".md")
		if d == "backlogs" {
			p = path.Join(d, name, "_index.md") // the backlog's id is its folder's name
		}
		if !fs.ValidPath(p) || strings.HasPrefix(path.Base(p), ".") {
			return // no file system holds it, or the content stage skips it
		}
		file := "content/" + p
		a, _ := json.Marshal(alias) // a JSON string is a YAML double-quoted scalar
		tg, _ := json.Marshal(tag)
		fm := "title: T\naliases: [" + string(a) + "]\ntags: [" + string(tg) + "]\n"
		fsys := fstest.MapFS{}
		switch d {
		case "backlogs/pumps":
			fm += "id: CBI-1\nkind: feature\nstatus: idea\n"
			if p != "backlogs/pumps/_index.md" {
				fsys["backlogs/pumps/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Pumps\n---\n")}
			}
		case "releases":
			fm += "start: 2026-04-06\nend: 2026-05-04\nstatus: planned\nsystem: Pumps\nversion: \"1.0\"\n"
		}
		fsys[p] = &fstest.MapFile{Data: []byte("---\n" + fm + "---\nBody.\n")}
		res, diags := content.Load(fsys, opts)
		if diags.HasErrors() {
			return // the build stops at the content stage, with its own error
		}
		ix := graph.NewIndex(res.Pages)
		g, diags := graph.Build(ix, vocab)
		if diags.HasErrors() {
			return
		}
		bm, diags := backlog.Derive(res.Pages, g.Target, settings)
		if diags.HasErrors() {
			return
		}
		m := &views.Model{Pages: res.Pages, Links: g, Vocabulary: g.Vocabulary(), Backlogs: bm,
			Bodies: map[*generator.Page]*views.Body{}, Intros: map[string]*views.Body{}}
		for _, o := range e.Plan(m) {
			why := localOutput(o.Path)
			if why == "" {
				continue
			}
			if o.Pos.File != file {
				t.Errorf("%s (alias %q, tag %q): %s is written to %q (%s), with no position in the file to report it at",
					file, alias, tag, o.Source, o.Path, why)
			}
		}
	})
}
