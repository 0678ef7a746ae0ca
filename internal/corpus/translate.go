package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Translate writes, beside every page of the corpus in dir, a translation
// into lang (page.<lang>.md: a title, a summary and the page's body under
// a line of its own, so that every page differs in the language), and
// adds the languages to dir/site.toml: the tree of a site whose every page
// is translated once, for the multilingual benchmark. It returns the
// number of translations written.
func Translate(dir, lang string) (int, error) {
	toml := filepath.Join(dir, "site.toml")
	site, err := os.ReadFile(toml)
	if err != nil {
		return 0, fmt.Errorf("translate corpus: %w", err)
	}
	site = append(site, fmt.Sprintf("\n[languages.en]\n[languages.%s]\ntitle = \"Corpus (%s)\"\n", lang, lang)...)
	if err := os.WriteFile(toml, site, 0o644); err != nil {
		return 0, fmt.Errorf("translate corpus: %w", err)
	}
	n := 0
	err = filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || strings.HasSuffix(p, "."+lang+".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		title, body, ok := splitPage(data)
		if !ok {
			return fmt.Errorf("%s: no front matter", p)
		}
		var b strings.Builder
		b.WriteString("---\n")
		if title != "" {
			b.WriteString("title: " + quote(title+" ("+lang+")") + "\n")
		}
		b.WriteString("summary: " + quote("Die Seite auf "+lang+".") + "\n---\n")
		b.WriteString("Übersetzt (" + lang + ").\n\n")
		b.Write(body)
		n++
		return os.WriteFile(strings.TrimSuffix(p, ".md")+"."+lang+".md", []byte(b.String()), 0o644)
	})
	if err != nil {
		return n, fmt.Errorf("translate corpus: %w", err)
	}
	return n, nil
}

// splitPage finds the title in a page's YAML front matter, as the corpus
// writes it, and the body after it.
func splitPage(data []byte) (title string, body []byte, ok bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return "", nil, false
	}
	fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return "", nil, false
	}
	for line := range strings.SplitSeq(string(fm), "\n") {
		if v, found := strings.CutPrefix(line, "title: "); found {
			title = strings.Trim(v, `"`)
			title = strings.ReplaceAll(title, `\"`, `"`)
		}
	}
	return title, body, true
}
