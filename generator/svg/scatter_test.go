package svg

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestScatterLinksEveryPointAndEscapes(t *testing.T) {
	pts := []Point{
		{Label: "A-1 <b>bold</b>", Key: "A-1", Href: "../a-1/", Value: 13, Estimate: 3, Class: "ready"},
		{Label: "A-2", Key: "A-2", Href: "javascript:alert(1)", Value: 0, Estimate: 0},
		{Label: "A-3", Key: "A-3", Href: "../a-3/", Value: 5, Estimate: 8},
		{Label: "A-4", Key: "A-4", Href: "../a-4/", Value: 5, Estimate: 8},
	}
	out := Scatter("Value & effort", pts)
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
	s := string(out)
	if got := strings.Count(s, `<a href=`); got != 3 {
		t.Errorf("got %d links, want 3 (the javascript: one unlinked)", got)
	}
	if strings.Contains(s, "<b>") || strings.Contains(s, "javascript") {
		t.Errorf("unescaped label or dangerous link in output:\n%s", s)
	}
	if strings.Contains(s, ">A-3<") || !strings.Contains(s, ">A-1<") {
		t.Errorf("only lone points should be labelled:\n%s", s)
	}
	if !bytes.Equal(out, Scatter("Value & effort", []Point{pts[3], pts[1], pts[0], pts[2]})) {
		t.Errorf("output depends on the order of the points")
	}
}
