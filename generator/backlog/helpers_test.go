package backlog

import (
	"strconv"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// settings are the content model's default [backlog] table.
func settings() Settings {
	return Settings{
		Kinds:          []string{"feature", "change", "bug", "knowledge-gap", "improvement"},
		Statuses:       []string{"idea", "refining", "ready", "in-progress", "done", "released", "dropped"},
		Ready:          []string{"ready", "in-progress"},
		Done:           []string{"done", "released"},
		Dropped:        []string{"dropped"},
		DoR:            []string{"estimate", "acceptance"},
		Horizon:        3,
		IterationWeeks: 2,
	}
}

// Front-matter lines of the keys the fake pages have.
var keyLines = map[string]int{"id": 2, "title": 3, "kind": 4, "status": 5, "value": 6, "estimate": 7,
	"parent": 8, "release": 9, "team": 10, "source": 11, "acceptance": 12, "velocity": 4, "order": 6}

// backlogPage makes content/backlogs/<id>/_index.md from a spec of
// space-separated fields: velocity=40 weeks=3 order=CBI-1,CBI-2. Order
// entries are on lines 7, 8, … at column 5.
func backlogPage(id, title, spec string) *generator.Page {
	p := &generator.Page{ID: id, Type: generator.TypeBacklog, Title: title, Section: "backlogs",
		File: "content/backlogs/" + id + "/_index.md", Backlog: &generator.Backlog{}}
	addKey(p, "title")
	for _, f := range strings.Fields(spec) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "velocity":
			p.Backlog.Velocity = number(v)
			addKey(p, k)
		case "weeks":
			p.Backlog.IterationWeeks = number(v)
		case "order":
			addKey(p, k)
			for i, name := range strings.Split(v, ",") {
				p.Backlog.Order = append(p.Backlog.Order, generator.Ref{Name: name, Pos: generator.Pos{File: p.File, Line: 7 + i, Col: 5}})
			}
		default:
			panic("unknown backlog field " + k)
		}
	}
	return p
}

// itemPage makes content/backlogs/<backlog>/<key>.md from a spec of
// space-separated fields. Without a field the item is a ready feature with
// one acceptance criterion and no value or estimate: kind=bug status=idea
// value=13 estimate=8 parent=CBI-1 release=r1 team=alpha source=hotline
// tags=x noacceptance. "kind=" and "status=" leave them empty.
func itemPage(backlog, key, spec string) *generator.Page {
	id := strings.ToLower(key)
	p := &generator.Page{ID: id, Type: generator.TypeItem, Title: key, Section: "backlogs",
		File: "content/backlogs/" + backlog + "/" + id + ".md",
		Item: &generator.Item{Key: key, Backlog: backlog, Kind: "feature", Status: "ready", Acceptance: []string{"it works"}}}
	addKey(p, "id")
	addKey(p, "title")
	it := p.Item
	for _, f := range strings.Fields(spec) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "kind":
			it.Kind = v
		case "status":
			it.Status = v
		case "value":
			it.Value = number(v)
		case "estimate":
			it.Estimate = number(v)
		case "parent":
			it.Parent = ref(p, k, v)
		case "release":
			it.Release = ref(p, k, v)
		case "team":
			it.Team = ref(p, k, v)
		case "source":
			it.Source = v
		case "tags":
			p.Tags = strings.Split(v, ",")
		case "noacceptance":
			it.Acceptance = nil
		default:
			panic("unknown item field " + k)
		}
		if k != "noacceptance" && k != "tags" {
			addKey(p, k)
		}
	}
	if it.Acceptance != nil {
		addKey(p, "acceptance")
	}
	return p
}

// page makes a wiki page or release.
func page(typ, id string) *generator.Page {
	p := &generator.Page{ID: id, Type: typ, Title: id, Section: typ + "s", File: "content/" + typ + "s/" + id + ".md"}
	if typ == generator.TypeRelease {
		p.Release = &generator.Release{}
	}
	return p
}

func addKey(p *generator.Page, k string) {
	p.Keys = append(p.Keys, generator.KeyPos{Key: k, Pos: generator.Pos{File: p.File, Line: keyLines[k], Col: 1}})
}

func ref(p *generator.Page, k, name string) *generator.Ref {
	return &generator.Ref{Name: name, Pos: generator.Pos{File: p.File, Line: keyLines[k], Col: len(k) + 3}}
}

func number(s string) generator.Number {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return generator.Number{Value: v, Set: true}
}

// targets resolves references by item key or page id, without case, as
// the graph stage would.
func targets(pages []*generator.Page) func(*generator.Ref) *generator.Page {
	byName := map[string]*generator.Page{}
	for _, p := range pages {
		byName[p.ID] = p
		if p.Item != nil {
			byName[strings.ToLower(p.Item.Key)] = p
		}
	}
	return func(r *generator.Ref) *generator.Page {
		if r == nil {
			return nil
		}
		return byName[strings.ToLower(r.Name)]
	}
}

// derive runs Derive over pages with the default settings changed by edit.
func derive(t testing.TB, edit func(*Settings), pages ...*generator.Page) (*Model, generator.Diagnostics) {
	t.Helper()
	s := settings()
	if edit != nil {
		edit(&s)
	}
	return Derive(pages, targets(pages), s)
}

// messages returns the diagnostics as "file:line:col: [warning: ]message".
func messages(ds generator.Diagnostics) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Error()
	}
	return out
}

// keys lists the keys of items.
func keys(items []*Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Key()
	}
	return out
}

// item returns the derived item of the page with key in m.
func item(t testing.TB, m *Model, key string) *Item {
	t.Helper()
	for p, it := range m.Items {
		if p.Item.Key == key {
			return it
		}
	}
	t.Fatalf("no item %s in the model", key)
	return nil
}

// only keeps the diagnostics of severity s.
func only(ds generator.Diagnostics, s generator.Severity) generator.Diagnostics {
	var out generator.Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// quiet makes every item ready (an empty definition of ready, every
// status a ready one), so that no horizon warning is given.
func quiet(s *Settings) {
	s.DoR = nil
	s.Ready = s.Statuses
}
