package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// How an edit is written.
const (
	writeInPlace = "inplace" // os.WriteFile: truncate, then write
	writeRename  = "rename"  // write a temporary file beside it, then rename it over the file
)

// tree is the site edited and the pages that show the edits.
type tree struct {
	dir       string // the site's folder
	item      string // the item's file, relative to content/, slashed
	role      string // the role's file
	newParent string // an item beside the item's parent, which the relation edit makes its parent; empty if none
}

// pickTargets checks the tree and chooses the item and the role to edit
// where the flags name none: roles/product-owner.md, a core page of every
// corpus, else the first role by name; the first item by name of the
// first team backlog that has items, the first with a parent if any does
// (the relation edit changes it).
func pickTargets(dir, item, role string) (tree, error) {
	t := tree{dir: dir, item: item, role: role}
	content := filepath.Join(dir, "content")
	if t.role == "" {
		t.role = "roles/product-owner.md"
		if _, err := os.Stat(filepath.Join(content, "roles", "product-owner.md")); err != nil {
			first, err := firstPage(content, "roles")
			if err != nil {
				return t, fmt.Errorf("pick a role (or pass -role): %w", err)
			}
			t.role = first
		}
	}
	if t.item == "" {
		entries, err := os.ReadDir(filepath.Join(content, "backlogs"))
		if err != nil {
			return t, fmt.Errorf("pick an item (or pass -item): %w", err)
		}
		for _, e := range entries {
			if e.IsDir() && strings.HasPrefix(e.Name(), "team-") {
				if first, err := firstItem(content, "backlogs/"+e.Name()); err == nil {
					t.item = first
					break
				}
			}
		}
		if t.item == "" {
			return t, errors.New("pick an item: no team backlog with items under content/backlogs (pass -item)")
		}
	}
	for _, p := range []string{t.item, t.role} {
		if _, err := os.Stat(filepath.Join(content, filepath.FromSlash(p))); err != nil {
			return t, fmt.Errorf("page to edit: %w", err)
		}
	}
	t.newParent = otherParent(content, t.item)
	return t, nil
}

// otherParent is the first item by name beside the item's parent (in the
// same backlog folder), or empty when the item has no parent or the
// parent's folder holds no other item.
func otherParent(content, item string) string {
	data, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(item)))
	if err != nil {
		return ""
	}
	key, ok := field(data, "parent")
	if !ok {
		return ""
	}
	file := strings.ToLower(key) + ".md"
	matches, _ := filepath.Glob(filepath.Join(content, "backlogs", "*", file))
	if len(matches) == 0 {
		return ""
	}
	folder := "backlogs/" + filepath.Base(filepath.Dir(matches[0]))
	names, err := pageNames(content, folder)
	if err != nil {
		return ""
	}
	for _, n := range names {
		if n != file {
			return folder + "/" + n
		}
	}
	return ""
}

// firstItem is the first page of a backlog folder by name that has a
// parent, else its first page.
func firstItem(content, folder string) (string, error) {
	names, err := pageNames(content, folder)
	if err != nil {
		return "", err
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(folder), n))
		if err != nil {
			return "", err
		}
		if _, ok := field(data, "parent"); ok {
			return folder + "/" + n, nil
		}
	}
	return folder + "/" + names[0], nil
}

// firstPage is the first Markdown file by name in content/folder, _index.md
// aside, as a path relative to content/.
func firstPage(content, folder string) (string, error) {
	names, err := pageNames(content, folder)
	if err != nil {
		return "", err
	}
	return folder + "/" + names[0], nil
}

// pageNames are the names of the Markdown files in content/folder,
// _index.md aside, in natural order; an error when there are none.
func pageNames(content, folder string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(content, filepath.FromSlash(folder)))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && e.Name() != "_index.md" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no page in content/%s", folder)
	}
	slices.SortFunc(names, naturalCompare)
	return names, nil
}

// naturalCompare orders names with their digit runs compared as numbers,
// so that tbi-2.md comes before tbi-10.md.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

// digits is the length of the run of ASCII digits s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// pageURL is the pretty URL path both servers give a content file:
// roles/product-owner.md is /roles/product-owner/, a section's _index.md
// its folder.
func pageURL(rel string) string {
	rel = strings.TrimSuffix(path.Clean("/"+filepath.ToSlash(rel)), ".md")
	rel = strings.TrimSuffix(rel, "/_index")
	if rel == "/index" || rel == "" {
		return "/"
	}
	return rel + "/"
}

// newMarker is the unique text of edit n: "Bench edit 7 1f0c9a2e".
func newMarker(n int) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("Bench edit %d %s", n, hex.EncodeToString(b[:]))
}

// appendMarker is a Markdown page with the marker as a last paragraph of
// its body.
func appendMarker(page []byte, marker string) []byte {
	out := bytes.TrimRight(page, "\n")
	out = append(out[:len(out):len(out)], "\n\n"...)
	out = append(out, marker...)
	return append(out, ".\n"...)
}

// titleLine is a top-level title assignment in TOML.
var titleLine = regexp.MustCompile(`(?m)^([ \t]*title[ \t]*=[ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*')`)

// tableHeader starts a TOML table.
var tableHeader = regexp.MustCompile(`(?m)^[ \t]*\[`)

// setTitle is a TOML configuration with its top-level title replaced by
// title; the title must be in the top-level table, before any [header].
func setTitle(conf []byte, title string) ([]byte, error) {
	top := conf
	if i := tableHeader.FindIndex(conf); i != nil {
		top = conf[:i[0]]
	}
	m := titleLine.FindSubmatchIndex(top)
	if m == nil {
		return nil, errors.New("no top-level title = \"…\" line to edit")
	}
	if strings.ContainsAny(title, "\"\\\n") {
		return nil, fmt.Errorf("title %q needs escaping", title)
	}
	var out []byte
	out = append(out, conf[:m[4]]...)
	out = append(out, '"')
	out = append(out, title...)
	out = append(out, '"')
	return append(out, conf[m[5]:]...), nil
}

// titleOf is the text of the first <title> element of an HTML page.
func titleOf(page []byte) []byte {
	_, rest, ok := bytes.Cut(page, []byte("<title>"))
	if !ok {
		return nil
	}
	t, _, _ := bytes.Cut(rest, []byte("</title>"))
	return t
}

// writeFile writes an edit the way mode says.
func writeFile(name string, data []byte, mode string) error {
	if mode != writeRename {
		return os.WriteFile(name, data, 0o644)
	}
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".benchserve~")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}
