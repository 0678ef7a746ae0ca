package glossary

import (
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func testInput() Input {
	return Input{
		Settings:  Settings{Horizon: 3, IterationWeeks: 2, CycleWeeks: 13, DoR: []string{"estimate", "acceptance"}},
		Types:     []TypeInfo{{"role", "Role"}, {"item", "Backlog item"}, {"release", "Release"}, {"risk", "Risk"}},
		Relations: []RelationInfo{{"member_of", "is a member of", "has members"}, {"blocks", "blocks", "is blocked by"}, {"velocity", "speeds", "is sped by"}},
	}
}

func byID(es []Entry) map[string]Entry {
	m := map[string]Entry{}
	for _, e := range es {
		m[e.ID] = e
	}
	return m
}

func TestBuild(t *testing.T) {
	in := testInput()
	in.Overrides = []Override{
		{ID: "iteration", Synonyms: &[]string{"sprint", "timebox"}},
		{ID: "dod", Disabled: ptr(true)},
		{ID: "wip", Title: ptr("Work in progress"), Definition: ptr("Started, not finished."), Synonyms: &[]string{"WIP"}},
		{ID: "lonely", Title: ptr("Lonely")},
		{ID: "role", Link: ptr(true)},
	}
	es, problems := Build(in)
	m := byID(es)
	if _, ok := m["dod"]; ok {
		t.Error("a disabled entry is still there")
	}
	if got := strings.Join(m["iteration"].Synonyms, ","); got != "sprint,timebox" {
		t.Errorf("iteration synonyms = %q", got)
	}
	if !strings.Contains(m["horizon"].Definition, "3 iterations") || !strings.Contains(m["cycle"].Definition, "13 weeks here: 6 iterations and 1 week of inter-cycle time") {
		t.Errorf("definitions do not quote the settings: %q / %q", m["horizon"].Definition, m["cycle"].Definition)
	}
	if !strings.Contains(m["dor"].Definition, "estimate and acceptance criteria") {
		t.Errorf("dor = %q", m["dor"].Definition)
	}
	if e := m["member_of"]; e.Kind != KindRelation || e.Title != "is a member of" || e.Inverse != "has members" || e.Definition == "" {
		t.Errorf("member_of = %+v", e)
	}
	if e := m["blocks"]; !strings.Contains(e.Definition, `page X blocks page Y`) || !strings.Contains(e.Definition, `"is blocked by"`) {
		t.Errorf("a custom relation's definition = %q", e.Definition)
	}
	if e := m["relation-velocity"]; e.Title != "speeds" {
		t.Errorf("a relation named like a concept: %+v (velocity: %+v)", e, m["velocity"])
	}
	if e := m["wip"]; e.Title != "Work in progress" || !e.Link || e.Kind != KindConcept {
		t.Errorf("new entry = %+v", e)
	}
	if e := m["risk"]; e.Kind != KindType || e.Title != "Risk" {
		t.Errorf("custom type = %+v", e)
	}
	if !m["role"].Link || m["rank"].Link {
		t.Error("link flags")
	}
	if len(problems) != 1 || problems[0].ID != "lonely" || !strings.HasSuffix(problems[0].Message, "so it needs a definition") {
		t.Errorf("problems = %+v", problems)
	}
	if es[0].ID != "horizon" || es[len(es)-1].ID != "wip" {
		t.Errorf("order: first %s, last %s", es[0].ID, es[len(es)-1].ID)
	}
}

func TestMatcher(t *testing.T) {
	es, _ := Build(testInput())
	m := NewMatcher(es)
	tests := []struct {
		text string
		want string // id[abbr]@text, …
	}{
		{"Plan the next sprint.", "iteration@sprint"},
		{"Two iterations and three Sprints", "iteration@iterations,iteration@Sprints"},
		{"The refinement horizon moves.", "horizon@refinement horizon"},
		{"the refinement\n  horizon", "horizon@refinement\n  horizon"},
		{"refinement, horizon", ""},
		{"Meet the DoD and the dod", "dod[Definition of Done]@DoD"},
		{"our PI planning, pi", "cycle[Cycle]@PI"},
		{"the program increment ends", "cycle@program increment"},
		{"a product backlog item, a PBI", "item@product backlog item,item[Backlog item]@PBI"},
		{"the definition of done", "dod@definition of done"},
		{"velocityx xvelocity velocity", "velocity@velocity"},
		{"&velocity; a_velocity /velocity", ""},
		{"the velocity; the cycle.", "velocity@velocity,cycle@cycle"},
		{"the role of roles", ""}, // types do not link unless site.toml says so
		{"Releases and releasing", "release@Releases"},
		{"", ""},
	}
	for _, tc := range tests {
		var got []string
		m.Each([]byte(tc.text), func(x Match) bool {
			s := x.ID
			if x.Abbr != "" {
				s += "[" + x.Abbr + "]"
			}
			got = append(got, s+"@"+tc.text[x.Start:x.End])
			return true
		})
		if g := strings.Join(got, ","); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, g, tc.want)
		}
	}
}

func TestMatcherStops(t *testing.T) {
	es, _ := Build(testInput())
	n := 0
	NewMatcher(es).Each([]byte("sprint sprint sprint"), func(Match) bool { n++; return false })
	if n != 1 {
		t.Errorf("yield called %d times after returning false", n)
	}
	if !(*Matcher)(nil).Empty() || NewMatcher(nil).Empty() != true {
		t.Error("Empty")
	}
}

func BenchmarkMatcherEach(b *testing.B) {
	es, _ := Build(testInput())
	m := NewMatcher(es)
	text := []byte("The team plans each iteration against its velocity and keeps the items inside the refinement horizon ready; the forecast says when work ends, and the product owner orders the rest.")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Each(text, func(Match) bool { return true })
	}
}
