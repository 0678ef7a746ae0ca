package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDefaultLanguageInSubdir publishes the bilingual fixture with its
// default language under /en/ too: a page at the top leads there and
// names every language, the top keeps what a server or crawler looks for
// there, and no page is left at the top.
func TestDefaultLanguageInSubdir(t *testing.T) {
	src := copySite(t, "bilingual")
	toml := filepath.Join(src, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(toml, append([]byte("defaultLanguageInSubdir = true\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest) // the link check passes: every link finds its page
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	top := read("index.html")
	for _, want := range []string{`url=en/`, `href="en/" hreflang="en"`, `href="de/" hreflang="de"`, `<link rel="canonical" href="https://golden.example/en/">`} {
		if !strings.Contains(top, want) {
			t.Errorf("the top page lacks %s:\n%s", want, top)
		}
	}
	for _, name := range []string{"en/roles/product-owner/index.html", "de/roles/product-owner/index.html", "404.html", "robots.txt", "sitemap.xml", "favicon.svg", "en/search/manifest.js", "de/search/manifest.js", "en/model.json"} {
		read(name)
	}
	for _, name := range []string{"roles", "search", "model.json", "en/404.html", "en/robots.txt"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err == nil {
			t.Errorf("%s is written, but the default language is under en/", name)
		}
	}
	if s := read("sitemap.xml"); !strings.Contains(s, "https://golden.example/en/sitemaps/sitemap-0001.xml") || !strings.Contains(s, "https://golden.example/de/sitemaps/sitemap-0001.xml") {
		t.Errorf("sitemap.xml:\n%s", s)
	}
	if s := read("robots.txt"); !strings.Contains(s, "Sitemap: https://golden.example/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", s)
	}
	page := read("en/roles/product-owner/index.html")
	for _, want := range []string{`hreflang="x-default" href="https://golden.example/en/roles/product-owner/"`, `href="../../../css/style.`, `data-root="../../"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the English page lacks %s", want)
		}
	}
}

// TestLiveServesEveryLanguageAsABuildDoes opens the bilingual fixture
// under serve: every file of every language is what a build writes, and
// an edit to a translation, or to the page it translates, shows in both.
func TestLiveServesEveryLanguageAsABuildDoes(t *testing.T) {
	src := copySite(t, "bilingual")
	lv := openLive(t, src)
	assertLiveEqualsBuild(t, lv, src)
	de := filepath.Join(src, "content", "roles", "product-owner.de.md")
	edit(t, de, func(s string) string { return s + "\nNeu: er moderiert auch den [[Verfeinerungskreis]].\n" })
	if ch := lv.Update([]string{de}); ch.Err != nil || !ch.All {
		t.Fatalf("translation edit: err %v, all %v", ch.Err, ch.All)
	}
	if page, _ := lv.File("de/roles/product-owner/index.html"); !strings.Contains(string(page), "Neu: er moderiert") {
		t.Error("the German page does not show the edit")
	}
	en := filepath.Join(src, "content", "roles", "product-owner.md")
	edit(t, en, func(s string) string { return strings.Replace(s, "abbr: PO", "abbr: PRO", 1) })
	if ch := lv.Update([]string{en}); ch.Err != nil {
		t.Fatalf("page edit: %v", ch.Err)
	}
	if page, _ := lv.File("de/roles/product-owner/index.html"); !strings.Contains(string(page), ">PRO<") {
		t.Error("the German page does not show the page's new abbreviation")
	}
	assertLiveEqualsBuild(t, lv, src)
}

// TestBrokenLinkOfATranslationIsReportedAtItsSource: the link check
// reads the German pages too, and a broken link that a translation's
// body wrote is reported at its line in that file, once.
func TestBrokenLinkOfATranslationIsReportedAtItsSource(t *testing.T) {
	src := copySite(t, "bilingual")
	de := filepath.Join(src, "content", "roles", "product-owner.de.md")
	edit(t, de, func(s string) string { return s + "\nSiehe [die Liste](../nirgends/).\n" })
	res, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("the build succeeded with a broken link")
	}
	var found []string
	for _, d := range res.Diags {
		if strings.Contains(d.Message, "nirgends") {
			found = append(found, d.Error())
		}
	}
	if len(found) != 1 || !strings.HasPrefix(found[0], "content/roles/product-owner.de.md:15:") {
		t.Errorf("the broken link is reported %q, want once at content/roles/product-owner.de.md:15", found)
	}
}
