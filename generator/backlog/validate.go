package backlog

import (
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// validate reports an item's missing or unknown kind and status, and an
// item whose folder has no backlog page.
func (d *deriver) validate(it *Item) {
	p := it.Page
	d.checkValue(p, "kind", p.Item.Kind, "kinds", d.s.Kinds)
	d.checkValue(p, "status", p.Item.Status, "statuses", d.s.Statuses)
	if it.Backlog == nil && !slices.Contains(d.s.UnreadBacklogs, p.Item.Backlog) {
		d.diags.Errorf(generator.Pos{File: p.File, Line: 1},
			"%s belongs to no backlog: there is no content/backlogs/%s/_index.md (items live in content/backlogs/<backlog>/)",
			it.Key(), p.Item.Backlog)
	}
}

// checkValue reports a missing value of key, or one not among allowed.
func (d *deriver) checkValue(p *generator.Page, key, value, plural string, allowed []string) {
	switch {
	case value == "":
		d.diags.Errorf(p.Pos("id"), "%s has no %s (%s: %s)", keyOf(p), key, plural, strings.Join(allowed, ", "))
	case !slices.Contains(allowed, value):
		d.diags.Errorf(p.Pos(key), "unknown %s %q (%s: %s)%s", key, value, plural, strings.Join(allowed, ", "), generator.DidYouMean(value, allowed))
	}
}

// keyOf returns an item page's key, or its id when it has none.
func keyOf(p *generator.Page) string {
	if p.Item.Key != "" {
		return p.Item.Key
	}
	return p.ID
}
