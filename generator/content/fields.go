package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
)

// fields reads typed values out of a page's front matter, reporting every
// value of the wrong shape at its position and remembering which keys were
// read, so that the rest can be reported as unknown.
type fields struct {
	fm    *node
	diags *generator.Diagnostics
}

func (f *fields) entry(key string) *entry {
	e := f.fm.get(key)
	if e == nil || e.val.kind == nullNode {
		return nil
	}
	return e
}

func (f *fields) wrong(e *entry, want string) {
	f.diags.Errorf(e.val.pos, "%s: expected %s, got %s", e.key, want, e.val.kind)
}

// str returns a single text value; numbers and dates count as their text.
func (f *fields) str(key string) string {
	e := f.entry(key)
	if e == nil {
		return ""
	}
	if e.val.kind != scalarNode {
		f.wrong(e, "text")
		return ""
	}
	return strings.TrimSpace(e.val.text)
}

// strs returns a list of texts; a single value counts as a list of one.
func (f *fields) strs(key string) []string {
	var out []string
	for _, r := range f.refs(key) {
		out = append(out, r.Name)
	}
	return out
}

// refs returns the references a key holds, one or a list, with positions.
func (f *fields) refs(key string) []generator.Ref {
	e := f.entry(key)
	if e == nil {
		return nil
	}
	return f.refList(e)
}

func (f *fields) refList(e *entry) []generator.Ref {
	items := []*node{e.val}
	if e.val.kind == listNode {
		items = e.val.list
	}
	var out []generator.Ref
	for _, n := range items {
		if n.kind != scalarNode || strings.TrimSpace(n.text) == "" {
			f.diags.Errorf(n.pos, "%s: expected a name, got %s", e.key, emptyOr(n))
			continue
		}
		out = append(out, generator.Ref{Name: strings.TrimSpace(n.text), Pos: n.pos})
	}
	return out
}

func emptyOr(n *node) string {
	if n.kind == scalarNode {
		return "an empty value"
	}
	return n.kind.String()
}

// ref returns a single reference, or nil.
func (f *fields) ref(key string) *generator.Ref {
	e := f.entry(key)
	if e == nil {
		return nil
	}
	if e.val.kind != scalarNode {
		f.wrong(e, "one name")
		return nil
	}
	refs := f.refList(e)
	if len(refs) == 0 {
		return nil
	}
	return &refs[0]
}

// number returns an optional number; it must not be negative.
func (f *fields) number(key string) generator.Number {
	e := f.entry(key)
	if e == nil {
		return generator.Number{}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(e.val.text), 64)
	switch {
	case e.val.kind != scalarNode || err != nil || v != v:
		f.diags.Errorf(e.val.pos, "%s: expected a number, got %s", e.key, describe(e.val))
		return generator.Number{}
	case v < 0:
		f.diags.Errorf(e.val.pos, "%s: expected a number of zero or more, got %s", e.key, e.val.text)
		return generator.Number{}
	case v > 1e9:
		f.diags.Errorf(e.val.pos, "%s: %s is too large (at most 1000000000)", e.key, e.val.text)
		return generator.Number{}
	}
	return generator.Number{Value: v, Set: true}
}

// integer returns a whole number, negative allowed (weights).
func (f *fields) integer(key string) int {
	e := f.entry(key)
	if e == nil {
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(e.val.text))
	if e.val.kind != scalarNode || err != nil {
		f.diags.Errorf(e.val.pos, "%s: expected a whole number, got %s", e.key, describe(e.val))
	}
	return v
}

func (f *fields) boolean(key string) bool {
	e := f.entry(key)
	if e == nil {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(e.val.text)) {
	case "true":
		return e.val.kind == scalarNode
	case "false":
		if e.val.kind == scalarNode {
			return false
		}
	}
	f.diags.Errorf(e.val.pos, "%s: expected true or false, got %s", e.key, describe(e.val))
	return false
}

// date accepts 2006-01-02 and RFC 3339 timestamps.
func (f *fields) date(key string) time.Time {
	e := f.entry(key)
	if e == nil {
		return time.Time{}
	}
	s := strings.TrimSpace(e.val.text)
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil && e.val.kind == scalarNode {
			return t
		}
	}
	if e.val.kind != scalarNode {
		f.diags.Errorf(e.val.pos, "%s: expected a date like 2026-04-01, got %s", e.key, describe(e.val))
		return time.Time{}
	}
	f.diags.Errorf(e.val.pos, "%s: %q is not a date%s (expected YYYY-MM-DD, like 2026-04-01)", e.key, s, dateProblem(s))
	return time.Time{}
}

// dateProblem says what is wrong with a value shaped like a date that does
// not parse: ": month 13 is out of range" or ": day 30 is out of range for
// February 2026"; empty when the value is not shaped like one.
func dateProblem(s string) string {
	if len(s) < len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return ""
	}
	y, errY := strconv.Atoi(s[:4])
	m, errM := strconv.Atoi(s[5:7])
	d, errD := strconv.Atoi(s[8:10])
	if errY != nil || errM != nil || errD != nil || y < 0 || m < 0 || d < 0 {
		return ""
	}
	if m < 1 || m > 12 {
		return fmt.Sprintf(": month %d is out of range", m)
	}
	// The day after the last of month m is day 1 of month m+1, so day 0 of
	// month m+1 is the last day of m.
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return fmt.Sprintf(": day %d is out of range for %s %d (it has %d days)", d, time.Month(m), y, last)
	}
	return ""
}

// relations reads the relations map: name → one reference or a list.
func (f *fields) relations() []generator.Relation {
	e := f.entry("relations")
	if e == nil {
		return nil
	}
	if e.val.kind != mapNode {
		f.wrong(e, "a map of relation names to pages")
		return nil
	}
	var out []generator.Relation
	for _, r := range e.val.keys {
		if r.val.kind == nullNode {
			f.diags.Warnf(r.pos, "relation %q names no page", r.key)
			continue
		}
		out = append(out, generator.Relation{Name: r.key, Pos: r.pos, Targets: f.refList(r)})
	}
	return out
}

// params returns the free-form params map for templates.
func (f *fields) params() map[string]any {
	e := f.entry("params")
	if e == nil {
		return nil
	}
	if e.val.kind != mapNode {
		f.wrong(e, "a map")
		return nil
	}
	m, _ := e.val.value().(map[string]any)
	return m
}

func describe(n *node) string {
	if n.kind == scalarNode {
		return strconv.Quote(n.text)
	}
	return n.kind.String()
}

func scalarValue(n *node) any {
	switch n.tag {
	case "int":
		if v, err := strconv.ParseInt(n.text, 10, 64); err == nil {
			return v
		}
	case "float":
		if v, err := strconv.ParseFloat(n.text, 64); err == nil {
			return v
		}
	case "bool":
		if v, err := strconv.ParseBool(n.text); err == nil {
			return v
		}
	}
	return n.text
}
