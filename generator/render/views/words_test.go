package views

import (
	"strings"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
)

func TestReleaseFilterShowsTitlesAndKeepsIDs(t *testing.T) {
	rows := []BacklogRow{
		{Kind: "feature", Release: "pump-ctrl-3-1-eu", ReleaseTitle: "Pump controller 3.1 (EU)"},
		{Kind: "feature", Release: "pump-ctrl-3-1-eu", ReleaseTitle: "Pump controller 3.1 (EU)"},
		{Kind: "bug"},
	}
	for _, f := range filters(rows) {
		if f.Name != "release" {
			continue
		}
		if len(f.Options) != 1 {
			t.Fatalf("release options %+v", f.Options)
		}
		o := f.Options[0]
		if o.Value != "pump-ctrl-3-1-eu" || o.Label != "Pump controller 3.1 (EU)" || o.Count != 2 {
			t.Errorf("release option %+v", o)
		}
		return
	}
	t.Fatal("no release filter")
}

func TestNoItemsSaysSoInsteadOfAHundredPercent(t *testing.T) {
	page := func(status string) *generator.Page {
		return &generator.Page{Title: "R", Release: &generator.Release{Status: status}}
	}
	for _, c := range []struct {
		r    *backlog.Release
		want string
	}{
		{&backlog.Release{Page: page(backlog.Planned)}, "No items planned yet"},
		{&backlog.Release{Page: page(backlog.InProgress)}, "No items planned yet"},
		{&backlog.Release{Page: page(backlog.Released), Progress: 1}, "No items were tracked"},
		{&backlog.Release{Page: page(backlog.Released), Scope: []*backlog.Item{{}}, Progress: 1}, ""},
	} {
		if got := noItems(nil, c.r); got != c.want {
			t.Errorf("%s with %d items: %q, want %q", c.r.Page.Release.Status, len(c.r.Scope), got, c.want)
		}
	}
	r := &backlog.Release{Page: page(backlog.Released), Progress: 1}
	if got := barTitle(nil, r); !strings.HasSuffix(got, ", released, no items were tracked") {
		t.Errorf("bar title %q", got)
	}
}
