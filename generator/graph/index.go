// Package graph resolves references between pages: by id, item key, alias
// or exact title (without case), and failing those by abbreviation, with
// the closest names suggested when nothing matches and every candidate
// listed when several do.
package graph

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
)

// Index finds pages by the names references may use.
type Index struct {
	pages  []*generator.Page
	byName map[string][]*generator.Page // id, key, alias and title, lower-cased
	byPath map[string]*generator.Page   // slash path under content/
	names  []string                     // every title, id and item key, for suggestions
	byAbbr map[string][]*generator.Page // abbreviation (abbr:), lower-cased
	abbrs  []string                     // every abbreviation, for suggestions
	unread map[string]*generator.Unread // files that could not be loaded, by id, key, title and path
}

// UnreadError is Lookup's answer for a reference to a file that could not
// be loaded: that file's own error says what is wrong, so the reference is
// not worth a diagnostic of its own.
type UnreadError struct {
	Ref    string
	Unread *generator.Unread
}

func (e *UnreadError) Error() string {
	return fmt.Sprintf("%q names %s, which could not be read", e.Ref, e.Unread.File)
}

// IsUnread reports whether err says that a reference names a file that
// could not be loaded.
func IsUnread(err error) bool {
	_, ok := errors.AsType[*UnreadError](err)
	return ok
}

// NewIndex indexes pages, and the files that could not be loaded so that
// references to them are told apart from references to nothing. A name
// shared by several pages stays ambiguous unless one of them has it as its
// id or item key, which wins.
func NewIndex(pages []*generator.Page, unread ...generator.Unread) *Index {
	ix := &Index{pages: pages, byName: map[string][]*generator.Page{}, byPath: map[string]*generator.Page{},
		byAbbr: map[string][]*generator.Page{}}
	if len(unread) > 0 {
		ix.unread = make(map[string]*generator.Unread, 3*len(unread))
	}
	for i := range unread {
		u := &unread[i]
		for _, name := range []string{u.Title, u.ID} { // a mistyped name of one is worth a suggestion
			if name != "" {
				ix.names = append(ix.names, name)
			}
		}
		for _, name := range []string{u.ID, u.Key, u.Title, "\x00" + u.Path} {
			if k := strings.ToLower(strings.TrimSpace(name)); k != "" && ix.unread[k] == nil {
				ix.unread[k] = u
			}
		}
	}
	for _, p := range pages {
		ix.byPath[p.Path] = p
		ix.add(p.ID, p)
		ix.names = append(ix.names, p.Title, p.ID)
		if p.Item != nil && p.Item.Key != "" {
			ix.add(p.Item.Key, p)
			ix.names = append(ix.names, p.Item.Key) // a mistyped key is worth a suggestion too
		}
		for _, a := range p.Aliases {
			ix.add(a.Name, p)
		}
		ix.add(p.Title, p)
		ix.addAbbr(p.Abbr, p)
		// A page is named by its translations' titles, aliases and
		// abbreviations too, and a relative link to a translation's
		// file leads to the page.
		for _, lang := range slices.Sorted(maps.Keys(p.Translations)) {
			tr := p.Translations[lang]
			ix.byPath[tr.Path] = p
			if tr.Title != "" {
				ix.add(tr.Title, p)
				ix.names = append(ix.names, tr.Title)
			}
			for _, a := range tr.Aliases {
				ix.add(a.Name, p)
			}
			ix.addAbbr(tr.Abbr, p)
		}
	}
	return ix
}

func (ix *Index) addAbbr(abbr string, p *generator.Page) {
	k := strings.ToLower(strings.TrimSpace(abbr))
	if k == "" || slices.Contains(ix.byAbbr[k], p) {
		return
	}
	ix.byAbbr[k] = append(ix.byAbbr[k], p)
	ix.abbrs = append(ix.abbrs, abbr)
}

func (ix *Index) add(name string, p *generator.Page) {
	k := strings.ToLower(strings.TrimSpace(name))
	if k == "" || slices.Contains(ix.byName[k], p) {
		return
	}
	ix.byName[k] = append(ix.byName[k], p)
}

// Pages returns the indexed pages.
func (ix *Index) Pages() []*generator.Page { return ix.pages }

// Lookup returns the page named ref, or an error that says why not.
func (ix *Index) Lookup(ref string) (*generator.Page, error) {
	k := strings.ToLower(strings.TrimSpace(ref))
	found := ix.byName[k]
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		if u := ix.unread[k]; u != nil {
			return nil, &UnreadError{Ref: ref, Unread: u}
		}
		return ix.lookupAbbr(ref, k)
	}
	var exact []*generator.Page
	for _, p := range found {
		if p.ID == k || (p.Item != nil && strings.EqualFold(p.Item.Key, k)) {
			exact = append(exact, p)
		}
	}
	if len(exact) == 1 {
		return exact[0], nil
	}
	files := make([]string, len(found))
	for i, p := range found {
		files[i] = p.File
	}
	slices.Sort(files)
	if !slices.ContainsFunc(found, func(p *generator.Page) bool { return p.Item == nil || !strings.EqualFold(p.Item.Key, k) }) {
		// Items sharing a key: the fix is a new key, which no reference can pick.
		return nil, fmt.Errorf("item key %q is used %s, by %s (see the duplicate-key error); give one of them another key",
			ref, times(len(found)), strings.Join(files, " and "))
	}
	return nil, fmt.Errorf("%q names %d pages: %s; use the id to pick one", ref, len(found), strings.Join(files, ", "))
}

// lookupAbbr resolves a name that no id, key, alias or title has by the
// pages' abbreviations, which count only when one page has the name.
func (ix *Index) lookupAbbr(ref, k string) (*generator.Page, error) {
	found := ix.byAbbr[k]
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no page has the id, key, alias, title or abbreviation %q%s", ref, ix.suggest(ref))
	case 1:
		return found[0], nil
	}
	named := make([]string, len(found))
	for i, p := range found {
		named[i] = fmt.Sprintf("%s (%s)", p.File, p.Title)
	}
	slices.Sort(named)
	return nil, fmt.Errorf("%q is the abbreviation of %d pages: %s; use the title or id to pick one", ref, len(found), strings.Join(named, ", "))
}

// suggest returns " (did you mean …?)" with the names closest to ref, and
// the titles of the pages whose abbreviation is close to it, or "".
func (ix *Index) suggest(ref string) string {
	var cands []string
	if utf8.RuneCountInString(strings.TrimSpace(ref)) >= 3 { // two letters are close to every other pair
		for _, a := range generator.Closest(ref, ix.abbrs, 3) {
			for _, p := range ix.byAbbr[strings.ToLower(strings.TrimSpace(a))] {
				cands = append(cands, p.Title)
			}
		}
	}
	for _, c := range generator.Closest(ref, ix.names, 3) {
		if !slices.ContainsFunc(cands, func(o string) bool { return strings.EqualFold(o, c) }) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return ""
	}
	cands = cands[:min(len(cands), 3)]
	for i, c := range cands {
		cands[i] = strconv.Quote(c)
	}
	return " (did you mean " + strings.Join(cands, " or ") + "?)"
}

// LookupPath returns the page stored at a slash path under content/.
func (ix *Index) LookupPath(p string) (*generator.Page, error) {
	p = path.Clean(p)
	if pg, ok := ix.byPath[p]; ok {
		return pg, nil
	}
	if u := ix.unread["\x00"+strings.ToLower(p)]; u != nil {
		return nil, &UnreadError{Ref: p, Unread: u}
	}
	var paths []string
	for q := range ix.byPath {
		if path.Base(q) == path.Base(p) {
			paths = append(paths, q)
		}
	}
	slices.Sort(paths)
	if len(paths) > 0 {
		return nil, fmt.Errorf("no file content/%s (there is content/%s)", p, strings.Join(paths, ", content/"))
	}
	return nil, fmt.Errorf("no file content/%s", p)
}

func times(n int) string {
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// Mapped returns an index that resolves every name as ix does, to the
// page to gives for the page ix finds: a language's copies of the pages,
// whose titles are that language's, are found by the names of every
// language. The pages of the new index are to applied to ix's, in order.
func (ix *Index) Mapped(to func(*generator.Page) *generator.Page) *Index {
	all := func(ps []*generator.Page) []*generator.Page {
		out := make([]*generator.Page, len(ps))
		for i, p := range ps {
			out[i] = to(p)
		}
		return out
	}
	m := &Index{pages: all(ix.pages), names: ix.names, abbrs: ix.abbrs, unread: ix.unread,
		byName: make(map[string][]*generator.Page, len(ix.byName)), byPath: make(map[string]*generator.Page, len(ix.byPath)),
		byAbbr: make(map[string][]*generator.Page, len(ix.byAbbr))}
	for k, ps := range ix.byName {
		m.byName[k] = all(ps)
	}
	for k, ps := range ix.byAbbr {
		m.byAbbr[k] = all(ps)
	}
	for k, p := range ix.byPath {
		m.byPath[k] = to(p)
	}
	return m
}
