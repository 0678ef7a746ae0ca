package site

// Accessibility gate: axe-core (https://github.com/dequelabs/axe-core) in a
// headless Chromium on one page of every page type of the example site, in
// light and dark colour schemes. A moderate, serious or critical violation
// fails the test; minor ones are logged, and so is a report of the text
// below WCAG AAA contrast (axe's color-contrast-enhanced rule).
//
// The test does not use the network: it reads axe.min.js from $AXE_CORE_JS,
// or from defaultAxeCache under the home folder, where
//
//	npm install --prefix "$HOME/.cache/backlight/axe-core" axe-core@4
//
// puts it (.ci/run does). Without the file the test skips, unless
// BACKLIGHT_E2E=require; without Chromium it skips like the other browser
// tests.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/backlight-wiki/backlight/generator/internal/browsertest"
)

// defaultAxeCache is where axe.min.js is looked for, under the home folder,
// when AXE_CORE_JS is not set.
const defaultAxeCache = ".cache/backlight/axe-core/node_modules/axe-core/axe.min.js"

// a11yGated are the impacts of violations that fail the gate. Moderate
// ones are in since the search page's two search landmarks got names of
// their own (landmark-unique); minor ones are logged.
var a11yGated = map[string]bool{"moderate": true, "serious": true, "critical": true}

// a11yKnown lists violations accepted for now, keyed by "page rule-id"
// (page as in examplePages, "*" for every page), each with why. Keep it short;
// the test logs entries that no longer occur so the list does not go stale.
var a11yKnown = map[string]string{}

// axeViolation is the part of an axe-core result the gate reports.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// axeScript returns the text of axe.min.js, or skips (fails under
// BACKLIGHT_E2E=require) when it is not installed.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE_JS")
	if path == "" {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, filepath.FromSlash(defaultAxeCache))
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		msg := fmt.Sprintf("axe-core not found (%v); install it with\n"+
			"\tnpm install --prefix \"$HOME/.cache/backlight/axe-core\" axe-core@4\n"+
			"or set AXE_CORE_JS to the path of axe.min.js", err)
		if os.Getenv("BACKLIGHT_E2E") == "require" {
			t.Fatal(msg + " (BACKLIGHT_E2E=require)")
		}
		t.Skip(msg)
	}
	return string(data)
}

// TestA11yExampleSite runs axe-core on every page type of the example site,
// light and dark, and fails on violations of the impacts in a11yGated.
func TestA11yExampleSite(t *testing.T) {
	browsertest.Chromium(t) // skip before building when there is no browser
	axe := axeScript(t)
	base := serveDir(t, buildExample(t))
	ctx := browsertest.New(t)

	seen := map[string]bool{}
	for _, scheme := range []string{"light", "dark"} {
		do(t, ctx, "emulate prefers-color-scheme: "+scheme,
			chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				return err
			}))
		for _, p := range examplePages {
			where := p.name + " (" + p.path + ", " + scheme + ")"
			do(t, ctx, "open "+where,
				chromedp.Navigate(base+p.path),
				chromedp.WaitReady(chromedp.CSS("body")),
			)
			ready := `document.readyState === "complete"`
			if p.ready != "" {
				ready += " && " + p.ready
			}
			browsertest.Eventually(t, ctx, "load "+where, ready)
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
				t.Fatalf("inject axe-core into %s: %v", where, err)
			}
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](
				`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`,
				chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("run axe-core on %s: %v", where, err)
			}
			reportEnhancedContrast(t, ctx, where)
			for _, v := range vs {
				if !a11yGated[v.Impact] {
					t.Logf("%s: %s (%s, not gated): %s", where, v.ID, v.Impact, v.Help)
					continue
				}
				if why, ok := a11yKnown[p.name+" "+v.ID]; ok {
					seen[p.name+" "+v.ID] = true
					t.Logf("%s: known %s: %s (%s)", where, v.ID, v.Help, why)
					continue
				}
				if why, ok := a11yKnown["* "+v.ID]; ok {
					seen["* "+v.ID] = true
					t.Logf("%s: known %s: %s (%s)", where, v.ID, v.Help, why)
					continue
				}
				var targets []string
				for i, n := range v.Nodes {
					if i == 5 {
						targets = append(targets, fmt.Sprintf("… %d more", len(v.Nodes)-i))
						break
					}
					targets = append(targets, fmt.Sprint(n.Target...))
				}
				t.Errorf("%s: %s %s: %s; %d elements: %s",
					where, v.Impact, v.ID, v.Help, len(v.Nodes), strings.Join(targets, ", "))
			}
		}
	}
	for k := range a11yKnown {
		if !seen[k] {
			t.Logf("a11yKnown lists %q, which no longer occurs: remove it", k)
		}
	}
}

// reportEnhancedContrast logs the elements of the loaded page whose text
// falls short of WCAG's AAA contrast (7:1, 4.5:1 for large text): a report
// to improve on, not a gate (AA's 4.5:1 is gated above).
func reportEnhancedContrast(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {runOnly: ["color-contrast-enhanced"], resultTypes: ["violations"]}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core's color-contrast-enhanced on %s: %v", where, err)
	}
	for _, v := range vs {
		var targets []string
		for i, n := range v.Nodes {
			if i == 3 {
				targets = append(targets, fmt.Sprintf("… %d more", len(v.Nodes)-i))
				break
			}
			targets = append(targets, fmt.Sprint(n.Target...))
		}
		t.Logf("%s: AAA report (not gated): %d elements below 7:1: %s", where, len(v.Nodes), strings.Join(targets, ", "))
	}
}
