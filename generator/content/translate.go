package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// translationKeys are the front-matter keys a translation may set: what
// a reader reads. Everything else about a page (its level, relations,
// backlog fields, release dates) is its structure, the same in every
// language, and lives in the page's own file.
var translationKeys = []string{"title", "abbr", "summary", "aliases", "tags", "acceptance"}

// translationOf tells whether the file at slash path p is a translation,
// <name>.<code>.md with code one of the site's languages, and returns the
// path of the page it translates, <name>.md, and the code. A file named
// with the default language's code is one too, for loadTranslation to
// refuse.
func (o Options) translationOf(p string) (of, lang string, ok bool) {
	if len(o.Languages) == 0 {
		return "", "", false
	}
	dir, name := path.Split(p)
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	i := strings.LastIndexByte(base, '.')
	if i <= 0 {
		return "", "", false
	}
	lang = base[i+1:]
	if lang != o.Default && !slices.Contains(o.Languages, lang) {
		return "", "", false
	}
	return dir + base[:i] + ext, lang, true
}

// loadTranslation reads the translation at p of the page at of into lang.
func loadTranslation(fsys fs.FS, p, of, lang string, opts Options, sp *splitter) loaded {
	l := loaded{of: of}
	file, ofFile := path.Join(opts.Prefix, p), path.Join(opts.Prefix, of)
	first := generator.Pos{File: file, Line: 1}
	if lang == opts.Default {
		l.diags.Errorf(first, "%s is the site's default language, whose text is the page's own file, %s: move this text there, or name the file for another language", lang, ofFile)
		return l
	}
	_, fm, body, bodyLine, ok := readSource(fsys, p, file, sp, &l.diags)
	if !ok {
		return l
	}
	f := &fields{fm: fm, diags: &l.diags}
	tr := &generator.Translation{Lang: lang, Path: p, File: file, Body: body, BodyLine: bodyLine,
		Title: f.str("title"), Abbr: f.str("abbr"), Summary: f.str("summary"), Tags: f.strs("tags"), Aliases: f.refs("aliases")}
	typ := translatedType(of)
	for _, e := range fm.keys {
		switch {
		case e.key == "acceptance" && typ != generator.TypeItem:
			l.diags.Warnf(e.pos, "key %q has no meaning on %s page and is ignored", e.key, generator.Article(typ))
		case e.key == "acceptance":
			tr.Acceptance = f.strs("acceptance")
		case slices.Contains(translationKeys, e.key):
		case slices.Contains(allKeys(), e.key):
			l.diags.Errorf(e.pos, "%s is part of the page's structure, the same in every language: set it in %s (a translation sets only %s, and the body)",
				e.key, ofFile, generator.AndList(translationKeys))
		default:
			l.diags.Warnf(e.pos, "unknown front-matter key %q is ignored%s (a translation sets only %s, and the body)",
				e.key, generator.DidYouMean(e.key, translationKeys), generator.AndList(translationKeys))
		}
	}
	l.translation = tr
	return l
}

// translatedType is the type of the page at slash path of as its place
// says (a page at the top of content/ may say otherwise with type:, but
// only an item takes a translation's acceptance, and items are known by
// their folder).
func translatedType(of string) string {
	pg := &generator.Page{}
	dir, name := path.Split(of)
	dir = strings.TrimSuffix(dir, "/")
	pg.Section, _, _ = strings.Cut(dir, "/")
	identify(pg, dir, strings.TrimSuffix(name, path.Ext(name)))
	return pg.Type
}

// allKeys are the front-matter keys any page may have.
func allKeys() []string { return slices.Concat(commonKeys, itemKeys, backlogKeys, releaseKeys) }

// attachTranslations gives each page its translations, in res, and
// reports a translation of a file that does not exist. A translation of
// a file that could not be loaded is left out without a word: that
// file's own error says what to fix.
func attachTranslations(res *Result, loaded []loaded, diags *generator.Diagnostics) {
	if len(loaded) == 0 {
		return
	}
	byPath := make(map[string]*generator.Page, len(res.Pages)+len(res.Intros))
	for _, p := range res.Pages {
		byPath[p.Path] = p
	}
	for _, p := range res.Intros {
		byPath[p.Path] = p
	}
	unread := map[string]bool{}
	for _, u := range res.Unread {
		unread[u.Path] = true
	}
	for _, l := range loaded {
		tr := l.translation
		p := byPath[l.of]
		switch {
		case p != nil:
			if p.Translations == nil {
				p.Translations = map[string]*generator.Translation{}
			}
			p.Translations[tr.Lang] = tr
		case !unread[l.of]:
			diags.Errorf(generator.Pos{File: tr.File, Line: 1}, "a translation of %s, which does not exist: a translation sits beside the page it translates and has its name, with the language before .md (%s translates %s)",
				l.of, path.Base(tr.Path), path.Base(l.of))
		}
	}
}
