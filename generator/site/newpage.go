package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/config"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/graph"
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// NewPageOptions describe a page to create from its type's archetype.
type NewPageOptions struct {
	Source   string // site root
	Type     string
	Title    string
	Backlog  string // for items: the backlog folder
	Key      string // for items: the item key; default: the backlog's next key
	Unranked bool   // for items: leave the backlog's order list as it is
	System   string // for releases: default derived from a title like "Pump 3.1"
	Variant  string // for releases: optional
	Version  string // for releases: default derived from a title like "Pump 3.1"
	Start    time.Time
	End      time.Time // for releases: default the last day of one roadmap cycle from Start
	Now      time.Time
	// Lang, when set, makes NewPage write a translation into that
	// language of the existing page Title names (by id, key, alias or
	// title), beside it, instead of a new page.
	Lang string
}

// NewPageResult says what NewPage wrote.
type NewPageResult struct {
	Path  string   // the new file, relative to the site root
	Key   string   // for items: the new key
	Notes []string // further changes and hints, one sentence each
}

// NewPage writes a new page from the theme's archetypes/<type>.md (or
// archetypes/default.md) and reports its path. It refuses to overwrite a
// file or to reuse an id. A new item gets the backlog's next key and is
// added to the end of the backlog's order list unless o.Unranked.
func NewPage(o NewPageOptions) (*NewPageResult, error) {
	cfgSrc, err := os.ReadFile(filepath.Join(o.Source, "site.toml"))
	if err != nil {
		return nil, fmt.Errorf("read site.toml: %w", err)
	}
	cfg, diags := config.Parse("site.toml", cfgSrc)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	if _, ok := cfg.Types[o.Type]; !ok {
		return nil, fmt.Errorf("%w: unknown type %q (known: %s)%s", errUsageNew, o.Type, strings.Join(cfg.TypeOrder, ", "), generator.DidYouMean(o.Type, cfg.TypeOrder))
	}
	if o.Lang != "" {
		return newTranslation(o, cfg)
	}
	id := markdown.Slug(o.Title)
	if id == "" {
		return nil, fmt.Errorf("%w: the title %q gives no usable file name", errUsageNew, o.Title)
	}
	if o.Type == generator.TypeRelease {
		if err := releaseDefaults(&o, cfg); err != nil {
			return nil, err
		}
	}
	pages := existingPages(o.Source, cfg)
	res := &NewPageResult{}
	var bl *generator.Page
	if o.Type == generator.TypeItem {
		if bl, err = findBacklog(o.Backlog, pages); err != nil {
			return nil, err
		}
		if o.Key == "" {
			o.Key = nextKey(bl, pages)
		} else if note := keyNote(o.Key, bl, pages); note != "" {
			res.Notes = append(res.Notes, note)
		}
		res.Key = o.Key
	}
	rel, err := newPath(o, id, pages)
	if err != nil {
		return nil, err
	}
	data, err := fillArchetype(o, cfg)
	if err != nil {
		return nil, err
	}
	if err := writeNew(o.Source, rel, data); err != nil {
		return nil, err
	}
	res.Path = filepath.Join("content", filepath.FromSlash(rel))
	if bl != nil {
		note, err := rankNewItem(o, bl)
		if err != nil {
			return res, err
		}
		res.Notes = append(res.Notes, note)
	}
	return res, nil
}

// writeNew writes data to the new file content/rel of the site at src,
// refusing to overwrite one.
func writeNew(src, rel string, data []byte) error {
	file := filepath.Join(src, "content", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(file), err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("content/%s already exists; nothing was written", rel)
	} else if err != nil {
		return fmt.Errorf("create content/%s: %w", rel, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write content/%s: %w", rel, err)
	}
	return nil
}

// releaseDefaults fills in a new release's system, version and dates, or
// says which flag is missing.
func releaseDefaults(o *NewPageOptions, cfg *config.Config) error {
	o.System, o.Variant, o.Version = strings.TrimSpace(o.System), strings.TrimSpace(o.Variant), strings.TrimSpace(o.Version)
	if o.System == "" || o.Version == "" {
		if sys, ver, ok := splitVersion(o.Title); ok {
			o.System, o.Version = cmp.Or(o.System, sys), cmp.Or(o.Version, ver)
		}
	}
	var missing []string
	if o.System == "" {
		missing = append(missing, "--system (e.g. --system \"Pump controller\")")
	}
	if o.Version == "" {
		missing = append(missing, "--version (e.g. --version 3.1)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: a release needs %s; the title %q does not end in a version to take them from, as \"Pump controller 3.1\" does",
			errUsageNew, strings.Join(missing, " and "), o.Title)
	}
	if o.Start.IsZero() {
		o.Start = o.Now
	}
	if o.End.IsZero() {
		weeks := cfg.Roadmap.CycleWeeks
		if weeks <= 0 {
			weeks = defaultReleaseWeeks
		}
		o.End = o.Start.AddDate(0, 0, 7*weeks-1)
	}
	if o.End.Before(o.Start) {
		return fmt.Errorf("%w: --end %s is before the start %s", errUsageNew, o.End.Format(time.DateOnly), o.Start.Format(time.DateOnly))
	}
	return nil
}

// defaultReleaseWeeks is a new release's length when site.toml's roadmap
// has no cycle length.
const defaultReleaseWeeks = 13

// versionRE matches a title's last word when it is a version: 3.1, v2, 2026.1.
var versionRE = regexp.MustCompile(`^(.+?)\s+(v?\d+(?:\.\d+)*[\w.-]*)$`)

// splitVersion splits "Pump controller 3.1" into its system and version.
func splitVersion(title string) (system, version string, ok bool) {
	m := versionRE.FindStringSubmatch(strings.TrimSpace(title))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// errUsageNew marks mistakes in what was asked for.
var errUsageNew = errors.New("usage")

// ErrUsage reports whether err is a mistake in the command line.
func ErrUsage(err error) bool { return errors.Is(err, errUsageNew) }

func existingPages(src string, cfg *config.Config) []*generator.Page {
	root, err := os.OpenRoot(filepath.Join(src, "content"))
	if err != nil {
		return nil
	}
	defer root.Close()
	res, _ := content.Load(root.FS(), contentOptions(cfg))
	return res.Pages
}

// newTranslation writes the translation into o.Lang of the page o.Title
// names, beside the page: its title and summary, to be translated, and
// its body below them, for the translator to write over.
func newTranslation(o NewPageOptions, cfg *config.Config) (*NewPageResult, error) {
	langs := cfg.Translated()
	switch {
	case !cfg.Multilingual():
		return nil, fmt.Errorf("%w: --lang %s: the site has one language; list its languages in site.toml first ([languages.en], [languages.%s])", errUsageNew, o.Lang, o.Lang)
	case o.Lang == cfg.DefaultLanguage:
		return nil, fmt.Errorf("%w: --lang %s is the site's default language, whose text is each page's own file", errUsageNew, o.Lang)
	case !slices.Contains(langs, o.Lang):
		return nil, fmt.Errorf("%w: --lang %s is not one of the site's languages (%s)%s", errUsageNew, o.Lang, strings.Join(langs, ", "), generator.DidYouMean(o.Lang, langs))
	}
	p, err := graph.NewIndex(existingPages(o.Source, cfg)).Lookup(o.Title)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsageNew, err)
	}
	if p.Type != o.Type {
		return nil, fmt.Errorf("%w: %q is %s page (%s), not %s", errUsageNew, o.Title, generator.Article(p.Type), p.File, generator.Article(o.Type))
	}
	rel := strings.TrimSuffix(p.Path, ".md") + "." + o.Lang + ".md"
	var b bytes.Buffer
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", strconv.Quote(p.Title))
	if p.Summary != "" {
		fmt.Fprintf(&b, "summary: %s\n", strconv.Quote(p.Summary))
	}
	b.WriteString("---\n")
	b.Write(p.Body)
	if err := writeNew(o.Source, rel, b.Bytes()); err != nil {
		return nil, err
	}
	return &NewPageResult{Path: filepath.Join("content", filepath.FromSlash(rel)),
		Notes: []string{fmt.Sprintf("it holds the page's %s title, summary and text: write them in %s", cfg.LanguageName(cfg.DefaultLanguage), cfg.LanguageName(o.Lang))}}, nil
}

func newPath(o NewPageOptions, id string, pages []*generator.Page) (string, error) {
	for _, p := range pages {
		if p.ID == id {
			return "", fmt.Errorf("the id %q is taken by %s; choose another title", id, p.File)
		}
	}
	switch o.Type {
	case generator.TypeBacklog:
		return generator.BacklogsFolder + "/" + id + "/_index.md", nil
	case generator.TypeItem:
		for _, p := range pages {
			if p.Item != nil && strings.EqualFold(p.Item.Key, o.Key) {
				return "", fmt.Errorf("the key %s is taken by %s; choose another with --key", o.Key, p.File)
			}
		}
		return generator.BacklogsFolder + "/" + o.Backlog + "/" + strings.ToLower(o.Key) + ".md", nil
	}
	folder := generator.TypeFolder(o.Type)
	if folder == "" {
		return id + ".md", nil
	}
	return folder + "/" + id + ".md", nil
}

// findBacklog returns the backlog a new item goes into.
func findBacklog(id string, pages []*generator.Page) (*generator.Page, error) {
	if id == "" {
		return nil, fmt.Errorf("%w: a new item needs --backlog, the folder of its backlog under content/backlogs/", errUsageNew)
	}
	for _, p := range pages {
		if p.Type == generator.TypeBacklog && p.ID == id && p.Backlog != nil {
			return p, nil
		}
	}
	var ids []string
	for _, p := range pages {
		if p.Type == generator.TypeBacklog {
			ids = append(ids, p.ID)
		}
	}
	slices.Sort(ids)
	there := "the site has no backlog yet (`backlight new backlog \"Title\"` makes one)"
	if len(ids) > 0 {
		there = "the backlogs are " + strings.Join(ids, ", ")
	}
	return nil, fmt.Errorf("%w: there is no backlog %q (content/backlogs/%s/_index.md)%s; %s", errUsageNew, id, id, generator.DidYouMean(id, ids), there)
}

var keyRE = regexp.MustCompile(`^(.*?)(\d+)$`)

// keyPrefix returns the prefix of a backlog's keys, with its dash: the
// backlog's key_prefix, else that of its highest-numbered key, else an
// abbreviation of its id (team-alpha-backlog → TAB).
func keyPrefix(bl *generator.Page, pages []*generator.Page) string {
	if bl.Backlog.KeyPrefix != "" {
		return bl.Backlog.KeyPrefix + "-"
	}
	prefix, best := "", -1
	for _, p := range pages {
		if p.Item == nil || p.Item.Backlog != bl.ID {
			continue
		}
		if m := keyRE.FindStringSubmatch(p.Item.Key); m != nil {
			if n, _ := strconv.Atoi(m[2]); n > best {
				prefix, best = m[1], n
			}
		}
	}
	if best >= 0 {
		return prefix
	}
	return abbreviate(bl.ID) + "-"
}

// abbreviate makes a key prefix of a backlog id: the initials of its
// words, or a one-word id's first three letters, upper-cased.
func abbreviate(id string) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') })
	var b strings.Builder
	switch len(words) {
	case 0:
		return "ITEM"
	case 1:
		b.WriteString(words[0][:min(3, len(words[0]))])
	default:
		for _, w := range words {
			b.WriteByte(w[0])
		}
	}
	s := strings.ToUpper(b.String())
	if s[0] >= '0' && s[0] <= '9' {
		s = "B" + s
	}
	return s
}

// nextKey continues the numbering of a backlog's keys: after CBI-214,
// CBI-215.
func nextKey(bl *generator.Page, pages []*generator.Page) string {
	prefix, best := keyPrefix(bl, pages), 0
	for _, p := range pages {
		if p.Item == nil || p.Item.Backlog != bl.ID || !strings.HasPrefix(strings.ToUpper(p.Item.Key), strings.ToUpper(prefix)) {
			continue
		}
		if n, err := strconv.Atoi(p.Item.Key[len(prefix):]); err == nil && n > best {
			best = n
		}
	}
	return prefix + strconv.Itoa(best+1)
}

// keyNote warns when a key given with --key does not follow the backlog's
// prefix, since without key_prefix later keys would continue it.
func keyNote(key string, bl *generator.Page, pages []*generator.Page) string {
	prefix := keyPrefix(bl, pages)
	if strings.HasPrefix(strings.ToUpper(key), strings.ToUpper(prefix)) {
		return ""
	}
	if bl.Backlog.KeyPrefix != "" {
		return fmt.Sprintf("note: %s does not start with the backlog's key_prefix %s; later items still get %sN", key, bl.Backlog.KeyPrefix, prefix)
	}
	return fmt.Sprintf("note: %s does not start with %s, the prefix of the backlog's keys; set key_prefix in %s to fix the prefix of later items", key, prefix, bl.File)
}

func fillArchetype(o NewPageOptions, cfg *config.Config) ([]byte, error) {
	theme, err := openTheme(o.Source, cfg.Theme)
	if err != nil {
		return nil, err
	}
	name := "archetypes/" + o.Type + ".md"
	src, err := fs.ReadFile(theme, name)
	if errors.Is(err, fs.ErrNotExist) {
		name = "archetypes/default.md"
		src, err = fs.ReadFile(theme, name)
	}
	if err != nil {
		return nil, fmt.Errorf("theme: read archetype: %w", err)
	}
	t, err := template.New(name).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, map[string]string{
		"Title": yamlString(o.Title), "Type": o.Type, "TypeLabel": strings.ToLower(cfg.TypeLabel(o.Type)),
		"Levels": strings.Join(cfg.Levels, " | "), "Date": date(o.Now), "Key": o.Key,
		"System": yamlString(o.System), "Variant": yamlString(o.Variant), "Version": strconv.Quote(o.Version),
		"Start": date(o.Start), "End": date(o.End),
	})
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return buf.Bytes(), nil
}

// yamlString quotes a title when YAML would otherwise misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}
