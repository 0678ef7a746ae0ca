package content

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
)

// unreadScanLines bounds the lenient scan of a file that failed to load:
// title: and id: lines sit near the top of real front matter.
const unreadScanLines = 200

// unreadOf describes the file at p (file from the site root) that could not
// be loaded: its id, type and URL from its path, as newPage would give
// them, and its title and item key when a lenient scan of the front matter
// finds them. src may be nil (a file that could not be read). It returns
// nil for an introduction (_index.md outside backlogs/), which no
// reference can name.
func unreadOf(p, file string, src []byte) *generator.Unread {
	pg := &generator.Page{Path: p, File: file}
	dir, name := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	pg.Section, _, _ = strings.Cut(dir, "/")
	base := strings.TrimSuffix(name, path.Ext(name))
	identify(pg, dir, base)
	if base == "_index" && pg.Type != generator.TypeBacklog {
		return nil
	}
	if pg.Type == generator.TypeItem {
		pg.Item = &generator.Item{Backlog: strings.ToLower(path.Base(dir))}
	}
	u := &generator.Unread{File: file, Path: p, ID: pg.ID, Type: pg.Type, URL: pageURL(pg)}
	u.Title = scanValue(src, "title")
	if pg.Type == generator.TypeItem {
		u.Key = scanValue(src, "id")
	}
	return u
}

// scanValue finds a top-level key in front matter that did not parse, as
// "key: value" (YAML), "key = value" (TOML) or "\"key\": value" (JSON), and
// returns its value with quotes and a trailing comma removed, or "". It
// reads at most unreadScanLines lines, stops at the closing delimiter and
// takes the first match; a value that is no plain text is not guessed.
func scanValue(src []byte, key string) string {
	lines := bytes.SplitN(src, []byte("\n"), unreadScanLines+1)
	opened := false
	for _, raw := range lines[:min(len(lines), unreadScanLines)] {
		l := strings.TrimRight(string(raw), " \t\r")
		if !opened {
			switch strings.TrimSpace(l) {
			case "":
				continue
			case "---", "---yaml", "+++", "---toml", "---json", "{":
				opened = true
				continue
			}
			return "" // no front matter
		}
		if l == "---" || l == "+++" || l == "}" {
			break
		}
		rest, ok := strings.CutPrefix(strings.TrimLeft(l, " \t"), `"`+key+`":`) // JSON, at any indentation
		for _, prefix := range []string{key + ":", key + " =", key + "="} {
			if !ok {
				rest, ok = strings.CutPrefix(l, prefix)
			}
		}
		if !ok {
			continue
		}
		v := strings.TrimSuffix(strings.TrimSpace(rest), ",")
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		if v == "" || strings.ContainsAny(v[:1], `[{|>&*!"'`) || !utf8.ValidString(v) {
			return ""
		}
		return v
	}
	return ""
}
