package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// corpusPage is what the query choice needs of one page of a corpus.
type corpusPage struct {
	url   string // under the site root, with a trailing slash: "roles/team-flow-coach/"
	typ   string // role, group, event, artifact, cadence, area, release, backlog, item
	title string
	abbr  string
	key   string   // an item's key
	words []string // the title's words, folded, in order
	text  []string // the distinct folded words of the title, summary and body
}

// sectionTypes maps a folder under content/ to its pages' type.
var sectionTypes = map[string]string{
	"roles": "role", "groups": "group", "events": "event", "artifacts": "artifact",
	"cadences": "cadence", "areas": "area", "releases": "release", "backlogs": "backlog",
}

// readCorpus reads every page under content/ of a corpus, sorted by URL.
func readCorpus(site fs.FS) ([]corpusPage, error) {
	var pages []corpusPage
	err := fs.WalkDir(site, "content", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path.Ext(name) != ".md" {
			return err
		}
		data, err := fs.ReadFile(site, name)
		if err != nil {
			return err
		}
		p, err := parsePage(strings.TrimPrefix(name, "content/"), data)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the corpus: %w", err)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("read the corpus: no pages under content/")
	}
	slices.SortFunc(pages, func(a, b corpusPage) int { return strings.Compare(a.url, b.url) })
	return pages, nil
}

// parsePage reads a page of the corpus: name is its file under content/.
func parsePage(name string, data []byte) (corpusPage, error) {
	var p corpusPage
	section, rest, _ := strings.Cut(name, "/")
	p.typ = sectionTypes[section]
	if p.typ == "" {
		return p, fmt.Errorf("not in a known section")
	}
	p.url = strings.TrimSuffix(name, ".md") + "/"
	if section == "backlogs" {
		if path.Base(rest) == "_index.md" {
			p.url = path.Dir(name) + "/"
		} else {
			p.typ = "item"
		}
	}
	front, body, ok := splitFront(data)
	if !ok {
		return p, fmt.Errorf("no YAML front matter")
	}
	var fm struct {
		Title   string `yaml:"title"`
		Abbr    string `yaml:"abbr"`
		ID      string `yaml:"id"`
		Summary string `yaml:"summary"`
	}
	if err := yaml.Unmarshal(front, &fm); err != nil {
		return p, err
	}
	if fm.Title == "" {
		return p, fmt.Errorf("no title")
	}
	p.title, p.abbr = fm.Title, fm.Abbr
	if p.typ == "item" {
		p.key = fm.ID
	}
	p.words = words(p.title)
	seen := map[string]bool{}
	for _, w := range slices.Concat(p.words, words(fm.Summary), words(plainText(string(body)))) {
		if !seen[w] {
			seen[w] = true
			p.text = append(p.text, w)
		}
	}
	return p, nil
}

// splitFront splits YAML front matter between --- lines from the body.
func splitFront(data []byte) (front, body []byte, ok bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, nil, false
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	return front, body, ok
}

var (
	labelledLink = regexp.MustCompile(`\[\[[^\]|]*\|([^\]]*)\]\]`)
	wikiLink     = regexp.MustCompile(`\[\[([^\]]*)\]\]`)
	pathLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// plainText approximates what a reader sees of a Markdown body: links by
// their text (a bare [[target]] by its target, which is the title or
// names it closely).
func plainText(md string) string {
	md = labelledLink.ReplaceAllString(md, "$1")
	md = wikiLink.ReplaceAllString(md, "$1")
	return pathLink.ReplaceAllString(md, "$1")
}

// words splits text into lower-case runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// base folds a word's plural to its singular, crudely ("valves" → "valve",
// "categories" → "category"), so that the query choice does not take two
// forms of one word for different words, as no search engine would.
func base(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// bases maps words to their base forms.
func bases(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = base(w)
	}
	return out
}
