package site

// Layout gate: every page type of the example site, in a headless Chromium
// emulating a 390 px wide phone and on a 1366 px wide laptop screen, must
// fit its width: the document does not scroll sideways, no element reaches
// past the viewport and no box scrolls sideways unless it is or sits in a
// designated scroll region (an element with role="region", tabindex="0"
// and a name, which a keyboard can scroll and a screen reader names), no
// box scrolls up and down inside the page, and no rendered text, SVG text
// included, is smaller than minTextPx CSS px.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// minTextPx is the smallest text size, in CSS px, any page may render.
const minTextPx = 11

// maxUnusedRules is the most text of stylesheet rules (in characters of
// their CSS) a page may load and not use. With the theme in one sheet every
// page loaded 25 to 32 KiB it did not use; split by what pages show, the
// most is the roadmap's 17 KiB.
const maxUnusedRules = 20 << 10

// layoutProblem is one thing the layout check found wrong on a page.
type layoutProblem struct {
	What string `json:"what"` // "overflow" or "small text"
	Node string `json:"node"` // a short CSS-like path of the element
	Text string `json:"text"` // the start of its text
	Px   any    `json:"px"`   // its left and right edges, or its text size
}

// layoutReport is what layoutCheckJS returns.
type layoutReport struct {
	Viewport    float64         `json:"viewport"`
	ScrollWidth float64         `json:"scrollWidth"`
	Problems    []layoutProblem `json:"problems"`
	Texts       int             `json:"texts"`     // text nodes measured, so a page that shows nothing fails
	CSS         int             `json:"css"`       // characters of stylesheet rules the page loads
	UnusedCSS   int             `json:"unusedCSS"` // of those, in rules nothing on the page uses
}

// layoutCheckJS measures the loaded page. Elements that are not rendered,
// and the visually hidden ones (clipped to a pixel, as .visually-hidden
// and an unfocused skip link are), are left out.
const layoutCheckJS = `(() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const name = el => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.localName;
      if (e.id) { s += "#" + e.id; parts.unshift(s); break; }
      const cls = (e.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
      if (cls.length) s += "." + cls.join(".");
      parts.unshift(s);
    }
    return parts.join(" > ");
  };
  const hidden = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.display === "none" || st.visibility === "hidden") return true;
      if (st.position === "absolute" && (st.clip === "rect(0px, 0px, 0px, 0px)" || st.clipPath === "inset(50%)")) return true;
      const r = e.getBoundingClientRect();
      if (st.position === "absolute" && r.width <= 1 && r.height <= 1) return true;
      if (e.localName === "details" && !e.open && el !== e && el.parentElement !== e) {
        // inside a closed details element, past its summary
        if (!e.querySelector("summary") || !e.querySelector("summary").contains(el)) return true;
      }
    }
    return false;
  };
  const inRegion = el => !!el.closest('[role="region"][tabindex="0"]:is([aria-label], [aria-labelledby])');
  const region = el => el.matches('[role="region"][tabindex="0"]:is([aria-label], [aria-labelledby])');
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.localName !== "svg") continue;
    const st = getComputedStyle(el);
    // A box that scrolls up and down hides part of the page behind a
    // scroll bar of its own, whatever the width.
    if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(st.overflowY) && !hidden(el)) {
      problems.push({what: "vertical scroll box", node: name(el), text: (el.textContent || "").trim().slice(0, 40), px: el.clientHeight});
    }
    if (!region(el) && el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(st.overflowX) && !inRegion(el) && !hidden(el)) {
      problems.push({what: "sideways scroll box", node: name(el), text: (el.textContent || "").trim().slice(0, 40), px: el.scrollWidth});
    }
    if (el.parentElement && inRegion(el.parentElement)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > vw + 0.5 || r.left < -0.5) && !hidden(el)) {
      problems.push({what: "overflow", node: name(el), text: (el.textContent || "").trim().slice(0, 40), px: Math.round(r.left) + "…" + Math.round(r.right)});
    }
  }
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.data.trim()) continue;
    const el = n.parentElement;
    if (!el || el.closest("script, style, noscript, title") || hidden(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    if (range.getClientRects().length === 0) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    texts++;
    if (px < MIN_TEXT_PX - 0.05) {
      problems.push({what: "small text", node: name(el), text: n.data.trim().slice(0, 40), px: Math.round(px * 10) / 10});
    }
  }
  // Stylesheet rules the page loads and does not use: a rule is used when
  // its selector, without pseudo-classes and pseudo-elements, matches an
  // element and its media queries match the screen (as Lighthouse's
  // unused-CSS audit counts at load).
  let css = 0, unusedCSS = 0;
  const plain = s => s.replace(/::?[\w-]+(\((?:[^()]|\([^()]*\))*\))?/g, "").replace(/(^|,)\s*(?=,|$)/g, "$1*") || "*";
  const walk = (rules, active) => {
    for (const r of rules) {
      if (r instanceof CSSMediaRule) { walk(r.cssRules, active && matchMedia(r.conditionText).matches); continue; }
      if (r instanceof CSSSupportsRule) { walk(r.cssRules, active); continue; }
      const n = r.cssText.length;
      css += n;
      if (!(r instanceof CSSStyleRule)) continue;
      let used = false;
      if (active) { try { used = document.querySelector(plain(r.selectorText)) !== null; } catch (e) { used = true; } }
      if (!used) unusedCSS += n;
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules, !sheet.media.mediaText || matchMedia(sheet.media.mediaText).matches);
  return {viewport: vw, scrollWidth: document.documentElement.scrollWidth, problems, texts, css, unusedCSS};
})()`

// TestPhoneLayout checks every page type at phone width (390 px, as an
// iPhone 12 to 15 reports) and at 1366 px.
func TestPhoneLayout(t *testing.T) {
	browsertest.Chromium(t)
	base := serveDir(t, buildExample(t))
	ctx := browsertest.New(t)
	script := strings.ReplaceAll(layoutCheckJS, "MIN_TEXT_PX", fmt.Sprint(minTextPx))
	for _, width := range []int64{390, 1366} {
		emulate := chromedp.EmulateViewport(width, 900)
		if width == 390 {
			emulate = chromedp.Emulate(device.IPhone13)
		}
		do(t, ctx, fmt.Sprintf("emulate a %d px wide screen", width), emulate)
		for _, p := range examplePages {
			where := fmt.Sprintf("%s (%s) at %d px", p.name, p.path, width)
			do(t, ctx, "open "+where, chromedp.Navigate(base+p.path), chromedp.WaitReady(chromedp.CSS("body")))
			ready := `document.readyState === "complete"`
			if p.ready != "" {
				ready += " && " + p.ready
			}
			browsertest.Eventually(t, ctx, "load "+where, ready)
			rep, err := chromedp.Run(ctx, chromedp.Evaluate[layoutReport](script))
			if err != nil {
				t.Fatalf("measure %s: %v", where, err)
			}
			if rep.Texts == 0 {
				t.Errorf("%s: no text rendered", where)
			}
			if rep.ScrollWidth > rep.Viewport {
				t.Errorf("%s: the page scrolls sideways: %.0f px of content in %.0f px", where, rep.ScrollWidth, rep.Viewport)
			}
			reportProblems(t, where, rep.Problems)
			t.Logf("%s: %.1f of %.1f KiB of stylesheet rules unused (%.0f %%)", where,
				float64(rep.UnusedCSS)/1024, float64(rep.CSS)/1024, 100*float64(rep.UnusedCSS)/float64(max(rep.CSS, 1)))
			if rep.UnusedCSS > maxUnusedRules {
				t.Errorf("%s: %.1f KiB of the stylesheet rules the page loads are unused, over the budget of %d KiB: does it link a sheet it does not need?",
					where, float64(rep.UnusedCSS)/1024, maxUnusedRules>>10)
			}
		}
	}
}

// reportProblems fails the test with up to eight of the problems of one
// kind at a time and a count of the rest.
func reportProblems(t *testing.T, where string, problems []layoutProblem) {
	t.Helper()
	byKind := map[string][]string{}
	var kinds []string
	for _, p := range problems {
		if byKind[p.What] == nil {
			kinds = append(kinds, p.What)
		}
		byKind[p.What] = append(byKind[p.What], fmt.Sprintf("%s %q (%v px)", p.Node, p.Text, p.Px))
	}
	for _, k := range kinds {
		list := byKind[k]
		more := ""
		if len(list) > 8 {
			more = fmt.Sprintf("\n\t… and %d more", len(list)-8)
			list = list[:8]
		}
		t.Errorf("%s: %d × %s:\n\t%s%s", where, len(byKind[k]), k, strings.Join(list, "\n\t"), more)
	}
}
