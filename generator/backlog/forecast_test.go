package backlog

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// forecasts returns the forecast of each item in rank order.
func forecasts(b *Backlog) []int {
	out := make([]int, len(b.Items))
	for i, it := range b.Items {
		out[i] = it.Forecast
	}
	return out
}

// horizon returns the keys of b's horizon items.
func horizon(b *Backlog) []string {
	var out []string
	for _, it := range b.Items {
		if it.InHorizon {
			out = append(out, it.Key())
		}
	}
	return out
}

// rankedBacklog makes a backlog whose order is the items' specs' order.
func rankedBacklog(spec string, items ...string) []*generator.Page {
	order := ""
	var pages []*generator.Page
	for i := 0; i+1 < len(items); i += 2 {
		if order != "" {
			order += ","
		}
		order += items[i]
		pages = append(pages, itemPage("pumps", items[i], items[i+1]))
	}
	return append([]*generator.Page{backlogPage("pumps", "Cluster Pumps backlog", spec+" order="+order)}, pages...)
}

func TestForecastRoundsUpFromIterationOne(t *testing.T) {
	tests := []struct {
		name     string
		velocity string
		items    []string
		want     []int
	}{
		{"first iteration is 1, exact multiples finish in their iteration", "10",
			[]string{"A-1", "estimate=5", "A-2", "estimate=5", "A-3", "estimate=1", "A-4", "estimate=9", "A-5", "estimate=0.5"},
			[]int{1, 1, 2, 2, 3}},
		{"items without estimates at the top are in iteration 1", "10",
			[]string{"A-1", "", "A-2", "estimate=0", "A-3", "estimate=30"}, []int{1, 1, 3}},
		{"fractions that add up to an exact multiple", "0.3",
			[]string{"A-1", "estimate=0.1", "A-2", "estimate=0.2", "A-3", "estimate=0.3"}, []int{1, 1, 2}},
		{"no velocity: no forecast", "", []string{"A-1", "estimate=5"}, []int{0}},
		{"a velocity of 0 is no velocity", "0", []string{"A-1", "estimate=5"}, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := ""
			if tt.velocity != "" {
				spec = "velocity=" + tt.velocity
			}
			m, _ := derive(t, quiet, rankedBacklog(spec, tt.items...)...)
			if got := forecasts(m.Backlogs[0]); !slices.Equal(got, tt.want) {
				t.Errorf("got forecasts %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDoneAndDroppedItemsAreRankedButNotForecast(t *testing.T) {
	m, diags := derive(t, nil, rankedBacklog("velocity=10",
		"A-1", "estimate=10 status=done",
		"A-2", "estimate=5",
		"A-3", "estimate=10 status=dropped",
		"A-4", "estimate=5 status=released noacceptance",
		"A-5", "estimate=5")...)
	b := m.Backlogs[0]
	if got, want := keys(b.Items), []string{"A-1", "A-2", "A-3", "A-4", "A-5"}; !slices.Equal(got, want) {
		t.Errorf("got rank order %v, want %v", got, want)
	}
	if got, want := forecasts(b), []int{0, 1, 0, 0, 1}; !slices.Equal(got, want) {
		t.Errorf("got forecasts %v, want %v", got, want)
	}
	if got, want := horizon(b), []string{"A-2", "A-5"}; !slices.Equal(got, want) {
		t.Errorf("got horizon %v, want %v", got, want)
	}
	if len(diags) != 0 {
		t.Errorf("got %q, want no diagnostics", messages(diags))
	}
}

func TestHorizonWithVelocityIsTheNextIterations(t *testing.T) {
	m, _ := derive(t, func(s *Settings) { quiet(s); s.Horizon = 2 }, rankedBacklog("velocity=10",
		"A-1", "estimate=10", "A-2", "estimate=5 status=done", "A-3", "estimate=10", "A-4", "estimate=1", "A-5", "estimate=1")...)
	b := m.Backlogs[0]
	if got, want := horizon(b), []string{"A-1", "A-3"}; !slices.Equal(got, want) {
		t.Errorf("got horizon %v, want %v", got, want)
	}
	if got, want := b.HorizonEnd, 3; got != want {
		t.Errorf("got horizon end %d, want %d", got, want)
	}
}

func TestHorizonWithoutVelocityIsTheTopOpenItems(t *testing.T) {
	var items []string
	for i := 1; i <= 8; i++ {
		spec := ""
		if i == 2 {
			spec = "status=done"
		}
		if i == 3 {
			spec = "status=dropped"
		}
		items = append(items, "A-"+string(rune('0'+i)), spec)
	}
	m, _ := derive(t, func(s *Settings) { quiet(s); s.Horizon = 1 }, rankedBacklog("", items...)...)
	b := m.Backlogs[0]
	// horizon 1 × 5 open items: … A-7; are closed.
	if got, want := horizon(b), []string{"A-1", "A-4", "A-5", "A-6", "A-7"}; !slices.Equal(got, want) {
		t.Errorf("got horizon %v, want %v", got, want)
	}
	if got, want := b.HorizonEnd, 7; got != want {
		t.Errorf("got horizon end %d, want %d", got, want)
	}
}

func TestHorizonEndIsTheEndWhenEveryOpenItemIsInside(t *testing.T) {
	m, _ := derive(t, quiet, rankedBacklog("velocity=10", "A-1", "estimate=1", "A-2", "status=done")...)
	if got, want := m.Backlogs[0].HorizonEnd, 2; got != want {
		t.Errorf("got horizon end %d, want %d", got, want)
	}
}

func TestHorizonItemsThatAreNotReadyAreWarnedAtTheirStatus(t *testing.T) {
	tests := []struct {
		name     string
		velocity string
		spec     string
		want     string
	}{
		{"no acceptance criteria", "velocity=5", "estimate=3 noacceptance",
			"CBI-214 is due in iteration 2 but has no acceptance criteria"},
		{"no estimate", "velocity=5", "", "CBI-214 is due in iteration 1 but has no estimate"},
		{"status not ready", "velocity=5", "status=idea estimate=3",
			`CBI-214 is due in iteration 2 but is still "idea" (ready statuses: ready, in-progress)`},
		{"everything at once", "velocity=5", "status=refining noacceptance",
			`CBI-214 is due in iteration 1 but is still "refining" (ready statuses: ready, in-progress) and has no estimate or acceptance criteria`},
		{"no status", "velocity=5", "status= noacceptance",
			"CBI-214 is due in iteration 1 but has no status, estimate or acceptance criteria"},
		{"without velocity", "", "status=idea",
			`CBI-214 is ranked 3rd, inside the refinement horizon, but is still "idea" (ready statuses: ready, in-progress) and has no estimate`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := rankedBacklog(tt.velocity, "CBI-1", "estimate=4", "CBI-2", "estimate=4 status=done", "CBI-214", tt.spec)
			_, diags := derive(t, nil, pages...)
			line := "2" // the id: the item has no status line
			if strings.Contains(tt.spec, "status=") {
				line = "5" // the status, which says whether an item is ready
			}
			want := "content/backlogs/pumps/cbi-214.md:" + line + ":1: warning: " + tt.want
			if got := messages(only(diags, generator.Warning)); !slices.Equal(got, []string{want}) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestHealthIsTheReadyShareOfTheHorizon(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  float64
	}{
		{"empty horizon", []string{"A-1", "status=done estimate=1"}, 1},
		{"no items", nil, 1},
		{"all ready", []string{"A-1", "estimate=1", "A-2", "estimate=1"}, 1},
		{"one of four ready, closed items not counted", []string{"A-1", "estimate=1", "A-2", "status=idea estimate=1",
			"A-3", "status=done", "A-4", "noacceptance estimate=1", "A-5", "estimate=1 status=refining"}, 0.25},
		{"items beyond the horizon not counted", []string{"A-1", "estimate=10", "A-2", "estimate=30 status=idea"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := derive(t, nil, rankedBacklog("velocity=10", tt.items...)...)
			if got := m.Backlogs[0].Health; got != tt.want {
				t.Errorf("got health %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBacklogFigures(t *testing.T) {
	m, _ := derive(t, quiet,
		backlogPage("pumps", "Pumps", "velocity=12.5 weeks=3"),
		backlogPage("valves", "Valves", ""),
		itemPage("pumps", "A-1", "estimate=3 status=done"),
		itemPage("pumps", "A-2", "estimate=5 status=dropped"),
		itemPage("pumps", "A-3", "estimate=2 status=idea"),
		itemPage("pumps", "A-4", "status=idea"))
	p, v := m.Backlogs[0], m.Backlogs[1]
	if got, want := p.Counts, map[string]int{"done": 1, "dropped": 1, "idea": 2}; !maps.Equal(got, want) {
		t.Errorf("got counts %v, want %v", got, want)
	}
	if p.Estimate != 5 || p.Velocity != 12.5 || p.IterationWeeks != 3 {
		t.Errorf("got estimate %v velocity %v weeks %d, want 5 12.5 3", p.Estimate, p.Velocity, p.IterationWeeks)
	}
	if v.Velocity != 0 || v.IterationWeeks != 2 || len(v.Items) != 0 || v.HorizonEnd != 0 {
		t.Errorf("got velocity %v weeks %d items %d horizon end %d, want 0 2 0 0", v.Velocity, v.IterationWeeks, len(v.Items), v.HorizonEnd)
	}
}
