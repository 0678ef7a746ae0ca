package graph

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// vocab is a part of the built-in vocabulary plus an unrestricted,
// cyclic relation.
var vocab = []generator.RelationType{
	{Name: "is_a", Label: "is a kind of", Inverse: "has the specific kinds", To: []string{"same"}, Acyclic: true},
	{Name: "part_of", Label: "is part of", Inverse: "consists of",
		From: []string{"role", "group", "event", "cadence"}, To: []string{"group", "event", "cadence"}, Acyclic: true},
	{Name: "moderates", Label: "moderates", Inverse: "is moderated by", From: []string{"role"}, To: []string{"group"}},
	{Name: "responsible_for", Label: "is responsible for", Inverse: "is the responsibility of", From: []string{"role", "group"}, To: []string{"artifact"}},
	{Name: "attends", Label: "attends", Inverse: "is attended by", From: []string{"role", "group"}, To: []string{"event"}},
	{Name: "relates", Label: "relates to", Inverse: "is related to"},
}

// folders maps a type to its folder, for file names.
var folders = map[string]string{"role": "roles", "group": "groups", "event": "events", "artifact": "artifacts",
	"item": "backlogs/b", "backlog": "backlogs", "release": "releases", "page": "misc", "cadence": "cadences"}

// newPage makes a page of type typ with id and title; rels are written
// "name: target, target" and get positions as if each stood on its own
// line of the front matter, from line 3.
func newPage(typ, id, title string, rels ...string) *generator.Page {
	p := &generator.Page{ID: id, Type: typ, Title: title, Path: path.Join(folders[typ], id+".md")}
	p.File = "content/" + p.Path
	for i, r := range rels {
		name, targets, _ := strings.Cut(r, ":")
		rel := generator.Relation{Name: name, Pos: generator.Pos{File: p.File, Line: 3 + i, Col: 3}}
		col := len(name) + 5
		for _, t := range strings.Split(targets, ",") {
			rel.Targets = append(rel.Targets, generator.Ref{Name: strings.TrimSpace(t), Pos: generator.Pos{File: p.File, Line: 3 + i, Col: col}})
			col += len(t) + 1
		}
		p.Relations = append(p.Relations, rel)
	}
	return p
}

func item(id, key, title string) *generator.Page {
	p := newPage("item", id, title)
	p.Item = &generator.Item{Key: key, Backlog: "b"}
	return p
}

func build(t *testing.T, pages ...*generator.Page) (*Graph, []string) {
	t.Helper()
	g, diags := Build(NewIndex(pages), vocab)
	if g == nil {
		t.Fatal("Build returned no graph")
	}
	var out []string
	for _, d := range slices.Clone(diags).Sort() {
		out = append(out, d.Error())
	}
	return g, out
}

func checkLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// edges formats edges as "from relation to".
func edges(es []generator.Edge) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.From.ID+" "+e.Relation+" "+e.To.ID)
	}
	return out
}
