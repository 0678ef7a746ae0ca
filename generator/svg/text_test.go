package svg

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLongLabelsWrapThenEndInEllipsis(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		cut  bool
	}{
		{"Stakeholder", []string{"Stakeholder"}, false},
		{"Cluster Product Owner", []string{"Cluster Product", "Owner"}, false},
		{"Inter-Cycle Week Planning", []string{"Inter-Cycle Week", "Planning"}, false},
		{"Usable Knowledge & Documented Decisions", []string{"Usable Knowledge &", "Documented Decisi…"}, true},
		{"Organisationsentwicklungsbacklogeintrag", []string{"Organisationsentwick", "lungsbacklogeintrag"}, false},
		{"Organisationsentwicklungsbacklogeintragsvorlage", []string{"Organisationsentwick", "lungsbacklogeintra…"}, true},
		{"", nil, false},
	}
	for _, tt := range tests {
		got, cut := fit(tt.in, 130, fontSize, 2)
		if !slices.Equal(got, tt.want) || cut != tt.cut {
			t.Errorf("fit(%q) = %q, %v; want %q, %v", tt.in, got, cut, tt.want, tt.cut)
		}
		for _, l := range got {
			if w := textWidth(l, fontSize); w > 130 {
				t.Errorf("fit(%q): line %q is %.1f px wide, want at most 130", tt.in, l, w)
			}
		}
	}
}

func TestFullLabelIsInTooltipWhenCut(t *testing.T) {
	long := "Usable Knowledge & Documented Decisions of the Organisation"
	svg := Overview([]Node{{ID: "a", Label: long, Type: "artifact"}}, nil)
	d := decode(t, svg)
	if !strings.Contains(d.text, long+" · artifact") {
		t.Errorf("tooltip lacks the full label %q:\n%s", long, svg)
	}
	if !strings.Contains(d.text, "…") {
		t.Errorf("cut label lacks an ellipsis:\n%s", svg)
	}
}

func TestNumRoundsToATenth(t *testing.T) {
	tests := map[float64]string{0: "0", -0.04: "0", 1.25: "1.3", 12.349: "12.3", -7.06: "-7.1", 100: "100"}
	for in, want := range tests {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestTypeClassIsASafeClassName(t *testing.T) {
	tests := map[string]string{"role": "t-role", "Working Agreement": "t-working-agreement", `x" onload="`: "t-x--onload--", "": "t-page", "Übung": "t---bung"}
	for in, want := range tests {
		if got := typeClass(in); got != want {
			t.Errorf("typeClass(%q) = %q, want %q", in, got, want)
		}
		var c canvas
		if c.typeClass(in); c.String() != want {
			t.Errorf("canvas.typeClass(%q) wrote %q, want %q", in, c.String(), want)
		}
	}
}

// TestTitlesAreWrittenAsTheirStringsEscaped: a node's and a link's
// tooltip written piece by piece are their titles escaped whole.
func TestTitlesAreWrittenAsTheirStringsEscaped(t *testing.T) {
	texts := []string{"Cluster PO", `a "b" <c> & 'd'`, "", "Übung · x", "→"}
	for i, s := range texts {
		at := func(k int) string { return texts[(i+k)%len(texts)] }
		a := &vnode{label: s, abbr: at(1), typ: at(2), typLabel: at(3)}
		b := &vnode{label: at(4), typ: "role"}
		var c canvas
		if c.nodeTitle(a); c.String() != esc(a.title()) {
			t.Errorf("node %d: wrote %q, want %q", i, c.String(), esc(a.title()))
		}
		l := &link{a: a, b: b, ab: []string{at(1), ""}, ba: texts[:i%3]}
		c.Reset()
		if c.linkTitle(l); c.String() != esc(l.title()) {
			t.Errorf("link %d: wrote %q, want %q", i, c.String(), esc(l.title()))
		}
	}
}

func TestHeadingIsPlural(t *testing.T) {
	tests := map[string]string{"role": "Roles", "process": "Processes", "policy": "Policies", "day": "Days", "y": "Ys", "übung": "Übungs"}
	for in, want := range tests {
		if got := heading(in); got != want {
			t.Errorf("heading(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzNumMatchesFormatFloat checks num's whole-tenths formatting against
// strconv's shortest form of the value rounded to a tenth.
func FuzzNumMatchesFormatFloat(f *testing.F) {
	for _, x := range []float64{0, -0.04, 1.25, 12.349, -7.06, 100, 1e14, -3.95, 0.05, 123456.789} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		r := math.Round(x*10) / 10
		if r == 0 {
			r = 0
		}
		want := strconv.FormatFloat(r, 'f', -1, 64)
		if math.IsInf(x, 0) || math.IsNaN(x) || math.Abs(x) > 1e13 {
			return // layouts never reach these; num only has to not panic
		}
		if got := num(x); got != want {
			t.Errorf("num(%v) = %q, want %q", x, got, want)
		}
	})
}
