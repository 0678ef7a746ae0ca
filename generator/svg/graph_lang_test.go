package svg

import (
	"strings"
	"testing"
)

// TestNeighbourhoodTakesItsWordsFromTheNodes: a site in another language
// names the types and captions the drawing in it; without them, the
// English of before.
func TestNeighbourhoodTakesItsWordsFromTheNodes(t *testing.T) {
	nodes := []Node{{ID: "a", Label: "Leitung", Type: "role", TypeLabel: "Rolle", Caption: "Beziehungen von Leitung: 1 verwandte Seite"},
		{ID: "b", Label: "Kreis", Type: "group", TypeLabel: "Gruppe"}}
	edges := []Edge{{From: "a", To: "b", Label: "ist Mitglied von"}}
	for name, svg := range map[string]string{"wide": string(Neighbourhood("a", nodes, edges)), "narrow": string(NeighbourhoodNarrow("a", nodes, edges))} {
		for _, want := range []string{`aria-label="Beziehungen von Leitung: 1 verwandte Seite"`, "<title>Kreis · Gruppe</title>", `class="node t-group`} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s drawing lacks %s", name, want)
			}
		}
	}
	plain := []Node{{ID: "a", Label: "Lead", Type: "role"}, {ID: "b", Label: "Circle", Type: "group"}}
	if s := string(Neighbourhood("a", plain, edges)); !strings.Contains(s, `aria-label="Relations of Lead: 1 related pages"`) || !strings.Contains(s, "<title>Circle · group</title>") {
		t.Errorf("without words of its own the drawing should read as before:\n%s", s)
	}
}
