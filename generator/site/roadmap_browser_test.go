package site

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// timelineState is what a phone-sized window shows of the roadmap's
// timeline: how far it is scrolled and, for each lane, where the heading
// kept in view is against the box and against the drawing's own heading.
type timelineState struct {
	ScrollLeft float64 `json:"scrollLeft"`
	TodayIn    bool    `json:"todayIn"` // the today line is inside the box
	Lanes      []struct {
		Text     string  `json:"text"`
		SVGText  string  `json:"svgText"`
		Left     float64 `json:"left"`    // the left edge of the heading's chip, less the box's
		Visible  bool    `json:"visible"` // the heading is inside the box
		DeltaY   float64 `json:"deltaY"`  // its middle, less the drawn heading's
		SVGShown bool    `json:"svgShown"`
	} `json:"lanes"`
}

const timelineScript = `(() => {
  const box = document.querySelector(".timeline-scroll"), b = box.getBoundingClientRect();
  const today = box.querySelector(".today line").getBoundingClientRect();
  const spans = [...box.querySelectorAll(".timeline-lanes .lane-label")];
  const drawn = [...box.querySelectorAll("svg.timeline-svg .lane-label")];
  const mid = r => (r.top + r.bottom) / 2;
  return {
    scrollLeft: box.scrollLeft,
    todayIn: today.left >= b.left && today.right <= b.right,
    lanes: spans.map((s, i) => {
      const r = s.getBoundingClientRect(), chip = s.previousElementSibling.getBoundingClientRect(), d = drawn[i];
      return {
        text: s.textContent, svgText: d ? d.textContent : "",
        left: chip.left - b.left, visible: chip.left >= b.left && r.right <= b.right,
        deltaY: d ? mid(r) - mid(d.getBoundingClientRect()) : 1e9,
        svgShown: d ? getComputedStyle(d).fillOpacity !== "0" : false,
      };
    }),
  };
})()`

// TestTimelineLanesStayInViewOnAPhone opens the example's roadmap at phone
// width, where the timeline opens scrolled to today, and checks that every
// lane still shows its name at the box's left edge, level with the lane
// the drawing names, and that the drawing's own headings are not painted
// twice.
func TestTimelineLanesStayInViewOnAPhone(t *testing.T) {
	chromiumPath(t)
	page := serveSite(t, "../..") + "/releases/"
	ctx := newBrowser(t)
	do(t, ctx, "open "+page+" at 390 px",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS(".timeline-scroll svg")),
	)
	s, err := chromedp.Run(ctx, chromedp.Evaluate[timelineState](timelineScript))
	if err != nil {
		t.Fatal(err)
	}
	if s.ScrollLeft <= 0 || !s.TodayIn {
		t.Errorf("the timeline should open scrolled to today: scrollLeft %v, today in the box %v", s.ScrollLeft, s.TodayIn)
	}
	if len(s.Lanes) < 2 {
		t.Fatalf("got %d lane headings, want the example's lanes", len(s.Lanes))
	}
	for _, l := range s.Lanes {
		where := fmt.Sprintf("lane %q", l.Text)
		if l.Text != l.SVGText {
			t.Errorf("%s: the drawing names it %q", where, l.SVGText)
		}
		if !l.Visible || l.Left < 0 || l.Left > 8 { // the box's border and padding
			t.Errorf("%s: heading %v px from the box's left edge (visible %v), want it at the edge", where, l.Left, l.Visible)
		}
		if l.DeltaY < -2 || l.DeltaY > 2 {
			t.Errorf("%s: heading %v px off the lane the drawing names", where, l.DeltaY)
		}
		if l.SVGShown {
			t.Errorf("%s: the drawing's own heading is painted too", where)
		}
	}
}
