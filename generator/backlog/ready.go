package backlog

import (
	"slices"

	"github.com/backlight-wiki/backlight/generator"
)

// missing lists what keeps an item from being ready: "status" when its
// status is not a ready one, then every DoR field it lacks, in DoR order.
func (d *deriver) missing(p *generator.Page) []string {
	var out []string
	if !slices.Contains(d.s.Ready, p.Item.Status) {
		out = append(out, "status")
	}
	for _, f := range d.s.DoR {
		if !present(p, f) {
			out = append(out, fieldName(f))
		}
	}
	return out
}

// present reports whether item page p has DoR field f.
func present(p *generator.Page, f string) bool {
	it := p.Item
	switch f {
	case "estimate":
		return it.Estimate.Set
	case "value":
		return it.Value.Set
	case "acceptance":
		return len(it.Acceptance) > 0
	case "release":
		return it.Release != nil
	case "parent":
		return it.Parent != nil
	case "team":
		return it.Team != nil
	case "source":
		return it.Source != ""
	case "tags":
		return len(p.Tags) > 0
	}
	return p.Params[f] != nil // a field config does not know: present when written
}

// fieldName is how a message names DoR field f.
func fieldName(f string) string {
	if f == "acceptance" {
		return "acceptance criteria"
	}
	return f
}
