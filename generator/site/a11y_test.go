package site

// Accessibility gate: axe-core (https://github.com/dequelabs/axe-core) in a
// headless Chromium on one page of every page type of the example site, in
// light and dark colour schemes. A moderate, serious or critical violation
// fails the test; minor ones are logged.
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
	"strconv"
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

// a11yPages are the example site's pages the gate checks, one of each page
// type; ready is a JavaScript condition that is true once the page shows
// what it is to be checked with ("" for the loaded document).
var a11yPages = []struct{ name, path, ready string }{
	{"home", "/", ""},
	{"role", "/roles/cluster-product-owner/", ""},
	{"event", "/events/cluster-planning/", ""},
	{"backlog", exampleBacklog, ""},
	{"item", "/backlogs/team-alpha/tbi-1031/", ""},
	{"release", "/releases/pump-ctrl-3-0-eu/", ""},
	{"roadmap", "/releases/", ""},
	{"search", "/search/?q=backlog", `document.querySelectorAll(` + strconv.Quote(searchResults) + `).length > 0`},
}

// a11yGated are the impacts of violations that fail the gate. Moderate
// ones are in since the search page's two search landmarks got names of
// their own (landmark-unique); minor ones are logged.
var a11yGated = map[string]bool{"moderate": true, "serious": true, "critical": true}

// a11yKnown lists violations accepted for now, keyed by "page rule-id"
// (page as in a11yPages, "*" for every page), each with why. Keep it short;
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
	base := serveSite(t, "../..")
	ctx := browsertest.New(t)

	seen := map[string]bool{}
	for _, scheme := range []string{"light", "dark"} {
		do(t, ctx, "emulate prefers-color-scheme: "+scheme,
			chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
					Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
				return err
			}))
		for _, p := range a11yPages {
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
