package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// target is one kind of edit: the file written and the page that shows it.
//
// Round n of a kind writes edit(orig, n, marker) and waits until
// shows(page, n, marker); round 0 stands for the original file, which the
// page must show before the first round and after the restore. Kinds that
// carry a marker (a body, the title) write a new one each round; kinds
// that change a front-matter value toggle it: odd rounds write the new
// value, even rounds the original one, and both directions count.
type target struct {
	kind  string // "item body", "item status", …
	file  string // absolute path
	rel   string // as the report names it
	url   string // path of the page polled
	edit  func(orig []byte, n int, marker string) ([]byte, error)
	shows func(page []byte, n int, marker string) bool
}

// markerPrefix starts every marker (newMarker).
const markerPrefix = "Bench edit "

// targets are the kinds of edit of the tree, for a tool: an item's body, a
// role's body, the item's status, its estimate, its parent (a relation,
// seen on the page of the new parent, which lists the item), the order of
// the item's backlog (its first two items swapped) and the site's title in
// the tool's configuration file.
func targets(t tree, tl tool) ([]target, error) {
	read := func(rel string) ([]byte, error) {
		return os.ReadFile(filepath.Join(t.dir, "content", filepath.FromSlash(rel)))
	}
	item, err := read(t.item)
	if err != nil {
		return nil, err
	}
	backlog := pathDir(t.item) + "/_index.md"
	index, err := read(backlog)
	if err != nil {
		return nil, err
	}
	page := func(kind, rel, url string) target {
		return target{kind: kind, file: filepath.Join(t.dir, "content", filepath.FromSlash(rel)), rel: "content/" + rel, url: url}
	}
	var ts []target
	for _, rel := range []string{t.item, t.role} {
		kind := "item body"
		if rel == t.role {
			kind = "role body"
		}
		k := page(kind, rel, pageURL(rel))
		k.edit = func(orig []byte, n int, marker string) ([]byte, error) { return appendMarker(orig, marker), nil }
		k.shows = func(page []byte, n int, marker string) bool { return hasMarker(page, marker) }
		ts = append(ts, k)
	}
	for _, f := range []struct{ kind, key, label string }{{"item status", "status", "Status"}, {"item estimate", "estimate", "Estimate"}} {
		old, ok := field(item, f.key)
		if !ok {
			return nil, fmt.Errorf("%s: no %s: line to edit (pass -item)", t.item, f.key)
		}
		values := [2]string{old, otherValue(f.key, old)}
		k := page(f.kind, t.item, pageURL(t.item))
		k.edit = toggleField(f.key, values)
		k.shows = func(page []byte, n int, _ string) bool { return showsFact(page, f.label, values[n%2]) }
		ts = append(ts, k)
	}
	parent, err := parentTarget(t, item, read)
	if err != nil {
		return nil, err
	}
	ts = append(ts, parent)
	first, second, ok := firstTwo(index)
	if !ok {
		return nil, fmt.Errorf("%s: no order: [A, B, …] line to edit", backlog)
	}
	order := page("backlog order", backlog, pageURL(backlog))
	order.edit = func(orig []byte, n int, _ string) ([]byte, error) {
		if n%2 == 0 {
			return orig, nil
		}
		return swapFirstTwo(orig)
	}
	order.shows = func(page []byte, n int, _ string) bool {
		if n%2 == 1 {
			return before(page, second, first)
		}
		return before(page, first, second)
	}
	ts = append(ts, order)
	ts = append(ts, target{kind: "site title", file: filepath.Join(t.dir, tl.config), rel: tl.config, url: "/",
		edit: func(orig []byte, n int, marker string) ([]byte, error) {
			if n == 0 {
				return orig, nil
			}
			return setTitle(orig, marker)
		},
		shows: func(page []byte, n int, marker string) bool { return hasMarker(titleOf(page), marker) },
	})
	return ts, nil
}

// parentTarget is the relation edit: the item's parent set to another
// item of the parent's backlog in odd rounds, seen on that item's page,
// which then lists the item (by its title) among those it is refined into.
func parentTarget(t tree, item []byte, read func(string) ([]byte, error)) (target, error) {
	old, ok := field(item, "parent")
	title, _ := field(item, "title")
	if !ok || title == "" || t.newParent == "" {
		return target{}, fmt.Errorf("%s: need a title, a parent and another item beside the parent to edit a relation (pass -item)", t.item)
	}
	other, err := read(t.newParent)
	if err != nil {
		return target{}, err
	}
	key, ok := field(other, "id")
	if !ok {
		return target{}, fmt.Errorf("%s: no id: line", t.newParent)
	}
	listed := []byte(plainPart(title))
	return target{
		kind:  "item parent",
		file:  filepath.Join(t.dir, "content", filepath.FromSlash(t.item)),
		rel:   "content/" + t.item,
		url:   pageURL(t.newParent),
		edit:  toggleField("parent", [2]string{old, key}),
		shows: func(page []byte, n int, _ string) bool { return bytes.Contains(page, listed) == (n%2 == 1) },
	}, nil
}

// plainPart is the longest run of a title without a character that HTML
// escapes, which every server writes as it is.
func plainPart(title string) string {
	best := ""
	for _, part := range strings.FieldsFunc(title, func(r rune) bool { return strings.ContainsRune(`&<>"'`, r) }) {
		if len(part) > len(best) {
			best = part
		}
	}
	return best
}

// hasMarker says whether text holds the marker, or for round 0 (no
// marker) none at all.
func hasMarker(text []byte, marker string) bool {
	if marker == "" {
		return !bytes.Contains(text, []byte(markerPrefix))
	}
	return bytes.Contains(text, []byte(marker))
}

// fieldLine is a top-level "key: value" line of YAML front matter.
func fieldLine(key string) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `:[ \t]*(\S[^\n]*?)[ \t]*$`)
}

// field is the value of a top-level front-matter key, when the file has a
// line for it.
func field(page []byte, key string) (string, bool) {
	m := fieldLine(key).FindSubmatch(frontMatter(page))
	if m == nil {
		return "", false
	}
	return strings.Trim(string(m[1]), `"'`), true
}

// frontMatter is the YAML between the opening and the closing "---".
func frontMatter(page []byte) []byte {
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	if !ok {
		return nil
	}
	fm, _, _ := bytes.Cut(rest, []byte("\n---"))
	return fm
}

// toggleField edits a front-matter value: values[1] in odd rounds,
// values[0] (the original) in even ones.
func toggleField(key string, values [2]string) func([]byte, int, string) ([]byte, error) {
	return func(orig []byte, n int, _ string) ([]byte, error) {
		if n%2 == 0 {
			return orig, nil
		}
		fm := frontMatter(orig)
		loc := fieldLine(key).FindSubmatchIndex(fm)
		if loc == nil {
			return nil, fmt.Errorf("no %s: line", key)
		}
		start := len("---\n") // fm starts there
		var out []byte
		out = append(out, orig[:start+loc[2]]...)
		out = append(out, values[1]...)
		return append(out, orig[start+loc[3]:]...), nil
	}
}

// otherValue is the value a toggled field takes in odd rounds: a status
// every item may have whatever its other fields, or another estimate.
func otherValue(key, old string) string {
	switch key {
	case "status":
		if old == "refining" {
			return "idea"
		}
		return "refining"
	case "estimate":
		if old == "21" {
			return "8"
		}
		return "21"
	}
	return old
}

// showsFact says whether a page shows a fact as a definition list entry,
// <dt>Label</dt><dd>value…, the label possibly inside a link: both the
// default theme and the corpus's Hugo layouts write facts so.
func showsFact(page []byte, label, value string) bool {
	re := regexp.MustCompile(`<dt>(?:<[^>]*>)*` + regexp.QuoteMeta(label) + `(?:</[^>]*>)*</dt>\s*<dd>` + regexp.QuoteMeta(html.EscapeString(value)) + `(?:<| )`)
	return re.Match(page)
}

// orderLine is a backlog's order in flow style.
var orderLine = regexp.MustCompile(`(?m)^order:[ \t]*\[[ \t]*([^,\]\s]+)[ \t]*,[ \t]*([^,\]\s]+)`)

// firstTwo are the first two keys of a backlog's order.
func firstTwo(index []byte) (string, string, bool) {
	m := orderLine.FindSubmatch(frontMatter(index))
	if m == nil {
		return "", "", false
	}
	return string(m[1]), string(m[2]), true
}

// swapFirstTwo swaps the first two keys of a backlog's order.
func swapFirstTwo(index []byte) ([]byte, error) {
	loc := orderLine.FindSubmatchIndex(index)
	if loc == nil {
		return nil, fmt.Errorf("no order: [A, B, …] line")
	}
	var out []byte
	out = append(out, index[:loc[2]]...)
	out = append(out, index[loc[4]:loc[5]]...)
	out = append(out, index[loc[3]:loc[4]]...)
	out = append(out, index[loc[2]:loc[3]]...)
	return append(out, index[loc[5]:]...), nil
}

// before says whether a page names key a (as the text of an element,
// ">A<") before key b, both named.
func before(page []byte, a, b string) bool {
	i := bytes.Index(page, []byte(">"+a+"<"))
	j := bytes.Index(page, []byte(">"+b+"<"))
	return i >= 0 && j >= 0 && i < j
}

// pathDir is the folder of a slashed path.
func pathDir(rel string) string {
	i := strings.LastIndexByte(rel, '/')
	if i < 0 {
		return "."
	}
	return rel[:i]
}
