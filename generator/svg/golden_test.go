package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// checkGolden compares got with testdata/name, or rewrites the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.File(t, filepath.Join("testdata", name), got)
}

// parseSVG decodes the whole of b as XML and fails unless it is well formed
// with a single <svg> root.
func parseSVG(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("root element is %v, want svg in the SVG namespace", tok.Name)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Errorf("got %d root elements, want 1", roots)
	}
}

func TestNeighbourhoodMatchesGolden(t *testing.T) {
	nodes, edges := clusterReview()
	got := Neighbourhood("events/cluster-review", nodes, edges)
	parseSVG(t, got)
	checkGolden(t, "neighbourhood.svg", got)
}

func TestNarrowNeighbourhoodMatchesGolden(t *testing.T) {
	nodes, edges := clusterReview()
	got := NeighbourhoodNarrow("events/cluster-review", nodes, edges)
	parseSVG(t, got)
	checkGolden(t, "neighbourhood-narrow.svg", got)
}

func TestOverviewMatchesGolden(t *testing.T) {
	nodes, edges := clusterLevel()
	got := Overview(nodes, edges)
	parseSVG(t, got)
	checkGolden(t, "overview.svg", got)
}

func TestLegendMatchesGolden(t *testing.T) {
	got := Legend([]string{"artifact", "role", "event", "group", "cadence", "area", "backlog", "item", "release", "page", "process", "role"})
	parseSVG(t, got)
	checkGolden(t, "legend.svg", got)
}
