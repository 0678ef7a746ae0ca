package corpus

import (
	"regexp"
	"testing"
)

// slot matches a template's {slot}.
var slot = regexp.MustCompile(`\{(\w+)\}`)

// Every {slot} of every template must have phrases, or a value that the
// pages set (vars), else fill would panic on an empty table.
func TestEveryTemplateSlotIsKnown(t *testing.T) {
	set := map[string]bool{"It": true, "level": true, "Source": true, "system": true, "link": true}
	var templates []string
	for _, list := range slots {
		templates = append(templates, list...)
	}
	for _, list := range summaries {
		templates = append(templates, list...)
	}
	templates = append(templates, criteria...)
	templates = append(templates, linkSentences...)
	for _, st := range []*style{wikiStyle, itemStyle, releaseStyle, backlogStyle} {
		templates = append(templates, st.sentences...)
		templates = append(templates, st.items...)
		templates = append(templates, st.cells...)
		templates = append(templates, st.code...)
	}
	for _, tmpl := range templates {
		for _, m := range slot.FindAllStringSubmatch(tmpl, -1) {
			if len(slots[m[1]]) == 0 && !set[m[1]] {
				t.Errorf("template %q: slot {%s} has no phrases", tmpl, m[1])
			}
		}
	}
}

func TestNamesGiveEveryTitleAndIdOnce(t *testing.T) {
	n := names{}
	n.claim("Team Pump Owner", "team-pump-owner")
	title, id := n.unique(func() string { return "team pump owner" })
	if title != "team pump owner 2" || id != "team-pump-owner-2" {
		t.Errorf("got %q, %q; want the title with a number appended", title, id)
	}
}
