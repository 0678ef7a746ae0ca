package config

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse parses arbitrary site.toml bytes and checks that Parse never
// panics, always returns a usable Config, names site.toml at a line the
// file has in every diagnostic, and that a Config without errors keeps the
// invariants later stages rely on.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"title = \"Example\"\nbaseURL = \"https://wiki.example.org\"\nlevels = [\"team\", \"cluster\"]\n",
		"[build]\nminify = \"yes\"\n",
		"tilte = 1\n[build]\nminfy = true\n",
		"[relations.part_of]\nlabel = \"belongs to\"\n[relations.coaches]\nlabel = \"c\"\ninverse = \"d\"\nfrom = [\"rol\"]\nto = [\"same\"]\n",
		"[types.team]\nplural = \"Teams\"\n",
		"[backlog]\nstatuses = [\"a\"]\nready = [\"b\"]\nhorizon = 0\ndor = [\"x\"]\n",
		"title = \n",
		"a.b.c = 1\n[[x]]\ny = 2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, diags := Parse("site.toml", src)
		if c == nil {
			t.Fatal("got a nil Config")
		}
		maxLine := 1 + bytes.Count(src, []byte("\n"))
		for _, d := range diags {
			if d.Pos.File != "site.toml" || d.Pos.Line < 0 || d.Pos.Line > maxLine || d.Pos.Col < 0 {
				t.Errorf("got %q, want a diagnostic at a line of site.toml (1..%d)", d.Error(), maxLine)
			}
			if d.Message == "" {
				t.Errorf("got an empty message at %v", d.Pos)
			}
		}
		_, again := Parse("site.toml", src)
		if !slices.Equal(diags, again) {
			t.Errorf("got different diagnostics parsing the same file twice")
		}
		if diags.HasErrors() {
			return
		}
		if !strings.HasSuffix(c.BaseURL, "/") {
			t.Errorf("got baseURL %q, want a trailing slash", c.BaseURL)
		}
		if c.Theme == "" || strings.ContainsAny(c.Theme, `/\.`) {
			t.Errorf("got theme %q, want a plain folder name", c.Theme)
		}
		if c.Backlog.Horizon < 1 || c.Backlog.IterationWeeks < 1 || len(c.Levels) == 0 {
			t.Errorf("got horizon %d, iteration weeks %d, levels %q, want positive and non-empty",
				c.Backlog.Horizon, c.Backlog.IterationWeeks, c.Levels)
		}
		checkOrder(t, "types", c.TypeOrder, len(c.Types), func(n string) bool { _, ok := c.Types[n]; return ok })
		checkOrder(t, "relations", c.RelationOrder, len(c.Relations), func(n string) bool { _, ok := c.Relations[n]; return ok })
		for name, r := range c.Relations {
			if r.Label == "" || r.Inverse == "" {
				t.Errorf("relation %q: got label %q inverse %q, want both", name, r.Label, r.Inverse)
			}
			for _, ty := range slices.Concat(r.From, r.To) {
				if _, ok := c.Types[ty]; !ok && ty != "same" {
					t.Errorf("relation %q: got unknown type %q", name, ty)
				}
			}
		}
		for _, l := range [][]string{c.Backlog.Ready, c.Backlog.Done, c.Backlog.Dropped} {
			for _, s := range l {
				if !slices.Contains(c.Backlog.Statuses, s) {
					t.Errorf("got status %q outside backlog.statuses %q", s, c.Backlog.Statuses)
				}
			}
		}
		if !utf8.ValidString(c.Title) && utf8.Valid(src) {
			t.Errorf("got title %q from valid UTF-8, want valid UTF-8", c.Title)
		}
	})
}

func checkOrder(t *testing.T, what string, order []string, n int, known func(string) bool) {
	t.Helper()
	if len(order) != n {
		t.Errorf("%s: got %d names in order for %d entries", what, len(order), n)
	}
	for i, name := range order {
		if !known(name) || slices.Index(order, name) != i {
			t.Errorf("%s: got %q in order %q, want each known entry once", what, name, order)
		}
	}
}
