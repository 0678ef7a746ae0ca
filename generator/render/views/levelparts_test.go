package views

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// edgeLinks is a Links of fixed edges.
type edgeLinks []generator.Edge

func (l edgeLinks) Out(p *generator.Page) []generator.Edge {
	var out []generator.Edge
	for _, e := range l {
		if e.From == p {
			out = append(out, e)
		}
	}
	return out
}

func (l edgeLinks) In(p *generator.Page) []generator.Edge {
	var in []generator.Edge
	for _, e := range l {
		if e.To == p {
			in = append(in, e)
		}
	}
	return in
}

func (edgeLinks) Target(*generator.Ref) *generator.Page { return nil }

func TestMatrixPartsGoByGroupAndCutTheRest(t *testing.T) {
	page := func(id, typ string) *generator.Page {
		return &generator.Page{ID: id, Title: id, Type: typ, Level: "team", URL: "/" + id + "/"}
	}
	crew, guild := page("crew", generator.TypeGroup), page("guild", generator.TypeGroup)
	lead, dev, ops, qa, ux := page("lead", generator.TypeRole), page("dev", generator.TypeRole),
		page("ops", generator.TypeRole), page("qa", generator.TypeRole), page("ux", generator.TypeRole)
	daily := page("daily", generator.TypeEvent)
	links := edgeLinks{
		{From: lead, To: crew, Relation: "member_of"},
		{From: dev, To: guild, Relation: "part_of"},
		{From: dev, To: crew, Relation: "member_of"}, // member_of wins over part_of
	}
	for _, r := range []*generator.Page{crew, lead, dev, ops, qa, ux} {
		links = append(links, generator.Edge{From: r, To: daily, Relation: "attends"})
	}
	m := &index{Model: &Model{Links: links, Vocabulary: []generator.RelationType{{Name: "attends", Label: "attends"}}},
		byLevelType: map[string][]*generator.Page{"team\x00" + generator.TypeEvent: {daily}}}
	s := &Site{site: &SiteInfo{}}
	lms := s.levelMatrices(m, "team")
	if len(lms) != 1 || len(lms[0].rows) != 6 || len(lms[0].cols) != 1 {
		t.Fatalf("got %d matrices, want the events matrix with 6 rows and 1 column", len(lms))
	}
	parts := (&Site{}).matrixParts(m, "team", lms, 2)
	var got []string
	for _, p := range parts {
		ids := p.url + ":"
		for _, r := range p.rows {
			ids += " " + r.ID
		}
		got = append(got, ids)
	}
	want := []string{
		"/levels/team/groups/crew/: dev lead crew",
		"/levels/team/other/1/: ops qa",
		"/levels/team/other/2/: ux",
	}
	if !slices.Equal(got, want) {
		t.Errorf("parts:\n got %q\nwant %q", got, want)
	}
	if mx := lms[0].matrix(m, parts[1].rows, "../../../"); len(mx.Rows) != 2 || len(mx.Columns) != 1 || mx.Rows[0].Cells[0][0].Symbol != "A" {
		t.Errorf("the matrix of a part: %+v", mx)
	}
}

func TestMostConnectedKeepsTheBusiestPages(t *testing.T) {
	a, b, c, d := &generator.Page{ID: "a"}, &generator.Page{ID: "b"}, &generator.Page{ID: "c"}, &generator.Page{ID: "d"}
	m := &index{Model: &Model{Links: edgeLinks{{From: a, To: b}, {From: c, To: b}, {From: d, To: b}, {From: c, To: d}}}}
	shown := mostConnected(m, []*generator.Page{a, b, c, d}, 3)
	if len(shown) != 3 || !shown[b] || !shown[c] || !shown[d] {
		t.Errorf("shown %v, want b, c and d", shown)
	}
	if all := mostConnected(m, []*generator.Page{a, b}, 3); len(all) != 2 {
		t.Errorf("under the limit: %d shown, want both", len(all))
	}
}
