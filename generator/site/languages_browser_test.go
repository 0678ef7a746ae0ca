package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The bilingual fixture in a real browser: the language switcher keeps
// the reader on the same page, an untranslated page says so and links
// the original, every link of a German page stays in German, and the
// German search stems German words.

// langPage is what a page shows of its language.
type langPage struct {
	Path     string   `json:"path"`     // location.pathname
	Lang     string   `json:"lang"`     // <html lang>
	H1       string   `json:"h1"`       // the heading's text
	H1Lang   string   `json:"h1Lang"`   // its own lang attribute
	Notice   string   `json:"notice"`   // the untranslated notice's text, "" when none
	Original string   `json:"original"` // the path its link leads to
	Switch   []string `json:"switch"`   // the switcher's links: "Deutsch /de/roles/x/ current"
	Outside  []string `json:"outside"`  // links of the page (switcher and notice aside) that leave its language's folder
}

const readLangPage = `(() => {
	const h1 = document.querySelector("h1"), n = document.querySelector(".notice.untranslated"), o = n && n.querySelector("a");
	const de = location.pathname.startsWith("/de/");
	const outside = [...document.querySelectorAll("a[href]")].filter(a => !a.closest(".lang-switch") && !a.closest(".notice"))
		.map(a => new URL(a.getAttribute("href"), location.href)).filter(u => u.origin === location.origin && u.pathname.startsWith("/de/") !== de)
		.map(u => u.pathname);
	return {
		path: location.pathname, lang: document.documentElement.lang, h1: h1.textContent.trim(), h1Lang: h1.getAttribute("lang") || "",
		notice: n ? n.textContent.trim() : "", original: o ? new URL(o.href).pathname : "",
		switch: [...document.querySelectorAll(".lang-switch a")].map(a => a.textContent + " " + new URL(a.href).pathname + (a.getAttribute("aria-current") ? " current" : "")),
		outside: outside,
	};
})()`

func TestLanguageSwitcherKeepsThePage(t *testing.T) {
	chromiumPath(t)
	base := buildWithSearch(t, copySite(t, "bilingual"))
	ctx := newBrowser(t)
	// follow goes where the link sel leads, as a click does (a poll
	// during a click's navigation loses its page).
	follow := func(what, sel string) {
		t.Helper()
		href := eval[string](t, ctx, `document.querySelector(`+strconv.Quote(sel)+`).href`)
		do(t, ctx, what, chromedp.Navigate(href))
	}
	read := func(what string) langPage {
		t.Helper()
		waitFor(t, ctx, what, `document.readyState === "complete" && !!document.querySelector("h1")`)
		return eval[langPage](t, ctx, readLangPage)
	}
	do(t, ctx, "open the English page", chromedp.Navigate(base+"/roles/product-owner/"))
	en := read("the English page")
	if en.Lang != "en" || !strings.HasPrefix(en.H1, "Product Owner") {
		t.Fatalf("the English page: %+v", en)
	}
	wantSwitch := []string{"English /roles/product-owner/ current", "Deutsch /de/roles/product-owner/"}
	if !slices.Equal(en.Switch, wantSwitch) {
		t.Errorf("the switcher on the English page: %q, want %q", en.Switch, wantSwitch)
	}
	follow("choose Deutsch", `.lang-switch a[hreflang="de"]`)
	waitFor(t, ctx, "the German page", `location.pathname === "/de/roles/product-owner/"`)
	de := read("the German page")
	if de.Lang != "de" || !strings.HasPrefix(de.H1, "Produktverantwortlicher") || de.H1Lang != "" || de.Notice != "" {
		t.Errorf("the German page: %+v", de)
	}
	if len(de.Outside) > 0 {
		t.Errorf("links of the German page leave the German site: %q", de.Outside)
	}
	follow("choose English", `.lang-switch a[hreflang="en"]`)
	waitFor(t, ctx, "the English page again", `location.pathname === "/roles/product-owner/"`)

	// A page without a German translation: German layout, English text,
	// marked as such, and a link to the original.
	do(t, ctx, "open the untranslated page", chromedp.Navigate(base+"/de/roles/scrum-master/"))
	un := read("the untranslated page")
	if un.Lang != "de" || un.H1 != "Scrum Master" || un.H1Lang != "en" {
		t.Errorf("the untranslated page should be German with its English heading marked lang=en: %+v", un)
	}
	if un.Notice == "" || un.Original != "/roles/scrum-master/" {
		t.Errorf("the untranslated page should say so and link /roles/scrum-master/: %+v", un)
	}
	if len(un.Outside) > 0 {
		t.Errorf("links of the untranslated page leave the German site: %q", un.Outside)
	}
	// A wiki link written in English in the untranslated body leads to
	// the German page.
	follow("follow the body's link", `.prose a[href*="product-owner"]`)
	waitFor(t, ctx, "the German product owner", `location.pathname === "/de/roles/product-owner/"`)
}

func TestSearchStemsGermanOnTheGermanSite(t *testing.T) {
	chromiumPath(t)
	src := copySite(t, "bilingual")
	writeFile(t, src, "content/groups/refinement-circle.de.md", []byte("---\ntitle: Verfeinerungskreis\n---\nJede neue Anforderung kommt zuerst in diesen Kreis.\n"))
	writeFile(t, src, "content/roles/product-owner.de.md", []byte("---\ntitle: Produktverantwortlicher\n---\nSammelt die Anforderungen der Kunden.\n"))
	base := buildWithSearch(t, src)
	ctx := newBrowser(t)
	do(t, ctx, "open the German start page", chromedp.Navigate(base+"/de/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
	for _, q := range []string{"Anforderung", "Anforderungen"} {
		d := typeAndWait(t, ctx, q)
		if !slices.Contains(d.Titles, "Verfeinerungskreis") || !slices.Contains(d.Titles, "Produktverantwortlicher") {
			t.Errorf("%s should find both German pages, which say Anforderung and Anforderungen: %q", q, d.Titles)
		}
	}
	// The German site's own words around the results.
	do(t, ctx, "open the German search page", chromedp.Navigate(base+"/de/search/?q=Anforderung"))
	s := readSearchPage(t, ctx, "Ergebnisse")
	if !strings.Contains(s.Count, "2 Ergebnisse") {
		t.Errorf("the German search page's count: %q", s.Count)
	}
	// The English index holds the English pages only.
	do(t, ctx, "open the English start page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(searchBox)))
	if d := typeAndWait(t, ctx, "Anforderung"); len(d.Titles) > 0 {
		t.Errorf("the English search should not find German text: %q", d.Titles)
	}
}

// TestLanguageScreenshots writes screenshots of the example site's German
// pages (a translated role, an untranslated one with its notice, the
// translated backlog and the German search), 1280 and 390 pixels wide,
// light and dark, to the folder BACKLIGHT_SCREENSHOTS names, for a person
// to look at; without it the test skips.
func TestLanguageScreenshots(t *testing.T) {
	out := os.Getenv("BACKLIGHT_SCREENSHOTS")
	if out == "" {
		t.Skip("set BACKLIGHT_SCREENSHOTS=folder to write screenshots of the German pages")
	}
	chromiumPath(t)
	dest := filepath.Join(t.TempDir(), "public")
	if res, err := Build(context.Background(), Options{Source: "../..", Dest: dest}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	base := serveDir(t, dest)
	ctx := newBrowser(t)
	pages := map[string]string{"role": "/de/roles/cluster-product-owner/", "untranslated": "/de/roles/team-product-owner/",
		"backlog": "/de/backlogs/cluster-pumps/", "search": "/de/search/?q=Backlog", "home": "/de/", "roadmap": "/de/releases/"}
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{1280, 390} {
			name := fmt.Sprintf("%s-%d", scheme, width)
			emulate(t, ctx, width, 900, scheme)
			for page, u := range pages {
				do(t, ctx, "open "+u, chromedp.Navigate(base+u), chromedp.WaitVisible(chromedp.CSS("h1")))
				if page == "search" {
					readSearchPage(t, ctx, "Ergebnis")
				}
				shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, out, page+"-"+name+".png", shot)
			}
		}
	}
}

// emulate makes the tab a screen of width × height px that prefers the
// colour scheme ("light" or "dark"), for screenshots.
func emulate(t *testing.T, ctx context.Context, width, height int64, scheme string) {
	t.Helper()
	do(t, ctx, fmt.Sprintf("emulate %s at %d px", scheme, width), chromedp.EmulateViewport(width, height),
		chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			_, err := cdp.Call(ctx, tgt, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
			return err
		}))
}
