package svg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
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

func TestScatterTickLabelsDoNotOverlap(t *testing.T) {
	for _, max := range []float64{1, 3, 8, 13, 40, 100, 1000, 1e5} {
		xs := newLogScale(max, scLeft+scZeroGap, scW-scRight)
		ys := newLogScale(max, scH-scBottom-scZeroGap, scTop)
		labels := scatterTicks(xs, ys)
		zeros := 0
		for i, l := range labels {
			if l.text == "0" {
				zeros++
			}
			if !inside(l.box(), box{0, 0, scW, scH}) {
				t.Errorf("max %g: tick %q at %v is outside the chart", max, l.text, l.box())
			}
			for _, m := range labels[:i] {
				if l.box().overlaps(m.box()) {
					t.Errorf("max %g: ticks %q and %q overlap", max, l.text, m.text)
				}
			}
		}
		if zeros != 1 {
			t.Errorf("max %g: %d labels \"0\", want one for both zero lines", max, zeros)
		}
		if len(labels) < 5 {
			t.Errorf("max %g: only %d tick labels", max, len(labels))
		}
	}
}

func TestScatterKeysClearPointsAndText(t *testing.T) {
	var pts []Point
	for i := range 30 {
		key := fmt.Sprintf("TBI-%d", 1000+i)
		pts = append(pts, Point{Label: key, Key: key, Value: float64(1 + i%7*3), Estimate: float64(1 + i%5*2 + i/10)})
	}
	xs := newLogScale(40, scLeft+scZeroGap, scW-scRight)
	ys := newLogScale(40, scH-scBottom-scZeroGap, scTop)
	placed := placeScatter(pts, xs, ys)
	points := pointBoxes(placed)
	var text []box
	for _, l := range scatterTicks(xs, ys) {
		text = append(text, l.box())
	}
	placeKeys(placed, box{scLeft, 0, scW, ys.pos(0)}, append(slices.Clone(points), text...))
	var keys []box
	for i, p := range placed {
		if p.key == nil {
			continue
		}
		k := p.key.box()
		for j, o := range points {
			if j != i && k.overlaps(o) {
				t.Errorf("key %s overlaps point %s", p.Key, placed[j].Key)
			}
		}
		for _, o := range append(keys, text...) {
			if k.overlaps(o) {
				t.Errorf("key %s overlaps other text", p.Key)
			}
		}
		keys = append(keys, k)
	}
	if len(keys) < 5 {
		t.Errorf("only %d of %d keys written", len(keys), len(pts))
	}
}
