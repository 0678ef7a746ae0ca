package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseFlagsRefusesTooFewPagesOrRuns(t *testing.T) {
	for _, args := range [][]string{{"-pages", "10"}, {"-runs", "0"}, {"extra"}} {
		if _, err := parseFlags(append(args, "-backlight", "/bin/sh"), io.Discard); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

func TestReportGivesTheRatioAndTheVerdict(t *testing.T) {
	mono := &site{name: "one language", walls: []time.Duration{4 * time.Second, 5 * time.Second, 6 * time.Second}, rss: []int64{100 << 20, 100 << 20, 100 << 20}}
	for _, c := range []struct {
		two  time.Duration
		want string
	}{
		{9 * time.Second, "wall 1.80 (target at most 2.1: pass)"},
		{11 * time.Second, "wall 2.20 (target at most 2.1: FAIL)"},
	} {
		bi := &site{name: "two languages", walls: []time.Duration{c.two, c.two, c.two}, rss: []int64{150 << 20, 150 << 20, 150 << 20}}
		var b bytes.Buffer
		report(&b, 1000, []*site{mono, bi})
		if !strings.Contains(b.String(), c.want) || !strings.Contains(b.String(), "peak memory 1.50") || !strings.Contains(b.String(), "2000") {
			t.Errorf("report:\n%s\nwant %q", b.String(), c.want)
		}
	}
}
