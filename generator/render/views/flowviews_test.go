package views

import (
	"testing"
	"time"
)

func TestSamplesEndTodayAndStayFew(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for _, c := range []struct {
		first, last   string
		n, step       int
		wantFirstDays string
	}{
		{"2026-01-01", "2026-01-01", 1, 0, "2026-01-01"},
		{"2026-01-01", "2026-01-10", 10, 1, "2026-01-01"},
		{"2026-01-01", "2026-03-31", 90, 1, "2026-01-01"}, // 90 days: every one
		{"2026-01-01", "2026-04-01", 46, 2, "2026-01-01"}, // 91: every other, back from the last
		{"2025-01-01", "2026-12-31", 82, 9, "2025-01-01"}, // 730: every ninth
		{"2026-01-02", "2026-01-01", 0, 0, ""},            // none
	} {
		got := samples(day(c.first), day(c.last))
		if len(got) != c.n {
			t.Errorf("%s..%s: %d days, want %d", c.first, c.last, len(got), c.n)
			continue
		}
		if c.n == 0 {
			continue
		}
		if got[len(got)-1] != day(c.last) || got[0].Format(time.DateOnly) != c.wantFirstDays {
			t.Errorf("%s..%s: from %v to %v", c.first, c.last, got[0], got[len(got)-1])
		}
		for i := 1; i < len(got); i++ {
			if d := int(got[i].Sub(got[i-1]).Hours() / 24); d != c.step {
				t.Errorf("%s..%s: a step of %d days, want %d", c.first, c.last, d, c.step)
				break
			}
		}
	}
}
