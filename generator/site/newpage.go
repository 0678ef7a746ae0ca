package site

import (
	"bytes"
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
	"github.com/backlight-wiki/backlight/generator/markdown"
)

// NewPageOptions describe a page to create from its type's archetype.
type NewPageOptions struct {
	Source  string // site root
	Type    string
	Title   string
	Backlog string // for items: the backlog folder
	Key     string // for items: the item key; default: the backlog's next key
	Now     time.Time
}

// folderOf maps built-in types to their folder under content/.
var folderOf = map[string]string{
	generator.TypeRole: "roles", generator.TypeGroup: "groups", generator.TypeEvent: "events",
	generator.TypeArtifact: "artifacts", generator.TypeCadence: "cadences", generator.TypeArea: "areas",
	generator.TypeRelease: "releases", generator.TypePage: "",
}

// NewPage writes a new page from the theme's archetypes/<type>.md (or
// archetypes/default.md) and returns its path. It refuses to overwrite a
// file or to reuse an id.
func NewPage(o NewPageOptions) (string, error) {
	cfgSrc, err := os.ReadFile(filepath.Join(o.Source, "site.toml"))
	if err != nil {
		return "", fmt.Errorf("read site.toml: %w", err)
	}
	cfg, diags := config.Parse("site.toml", cfgSrc)
	if err := diags.Err(); err != nil {
		return "", err
	}
	if _, ok := cfg.Types[o.Type]; !ok {
		return "", usagef("unknown type %q (known: %s)%s", o.Type, strings.Join(cfg.TypeOrder, ", "), generator.DidYouMean(o.Type, cfg.TypeOrder))
	}
	id := markdown.Slug(o.Title)
	if id == "" {
		return "", usagef("the title %q gives no usable file name", o.Title)
	}
	pages := existingPages(o.Source, cfg)
	rel, err := newPath(o, id, pages)
	if err != nil {
		return "", err
	}
	data, err := fillArchetype(o, cfg, pages)
	if err != nil {
		return "", err
	}
	file := filepath.Join(o.Source, "content", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", filepath.Dir(file), err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("content/%s already exists; nothing was written", rel)
	} else if err != nil {
		return "", fmt.Errorf("create content/%s: %w", rel, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("write content/%s: %w", rel, err)
	}
	return filepath.Join("content", filepath.FromSlash(rel)), nil
}

// usageError marks a mistake in what was asked for: the command line
// must change.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// ErrUsage reports whether err is a mistake in the command line.
func ErrUsage(err error) bool {
	_, ok := errors.AsType[usageError](err)
	return ok
}

func existingPages(src string, cfg *config.Config) []*generator.Page {
	root, err := os.OpenRoot(filepath.Join(src, "content"))
	if err != nil {
		return nil
	}
	defer root.Close()
	res, _ := content.Load(root.FS(), content.Options{Prefix: "content", Levels: cfg.Levels, Types: cfg.TypeOrder})
	return res.Pages
}

func newPath(o NewPageOptions, id string, pages []*generator.Page) (string, error) {
	for _, p := range pages {
		if p.ID == id {
			return "", fmt.Errorf("the id %q is taken by %s; choose another title", id, p.File)
		}
	}
	switch o.Type {
	case generator.TypeBacklog:
		return "backlogs/" + id + "/_index.md", nil
	case generator.TypeItem:
		if o.Backlog == "" {
			return "", usagef("a new item needs --backlog, the folder of its backlog under content/backlogs/")
		}
		for _, p := range pages {
			if p.Type == generator.TypeBacklog && p.ID == o.Backlog {
				key := o.Key
				if key == "" {
					key = nextKey(o.Backlog, pages)
				}
				return "backlogs/" + o.Backlog + "/" + strings.ToLower(key) + ".md", nil
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
		return "", usagef("there is no backlog %q (content/backlogs/%s/_index.md)%s; %s", o.Backlog, o.Backlog, generator.DidYouMean(o.Backlog, ids), there)
	}
	folder, ok := folderOf[o.Type]
	if !ok {
		folder = o.Type + "s"
	}
	if folder == "" {
		return id + ".md", nil
	}
	return folder + "/" + id + ".md", nil
}

var keyRE = regexp.MustCompile(`^(.*?)(\d+)$`)

// nextKey continues the numbering of a backlog's keys: after CBI-214, CBI-215.
func nextKey(backlog string, pages []*generator.Page) string {
	prefix, best := strings.ToUpper(backlog)+"-", 0
	for _, p := range pages {
		if p.Item == nil || p.Item.Backlog != backlog {
			continue
		}
		if m := keyRE.FindStringSubmatch(p.Item.Key); m != nil {
			if n, _ := strconv.Atoi(m[2]); n >= best {
				prefix, best = m[1], n
			}
		}
	}
	return prefix + strconv.Itoa(best+1)
}

func fillArchetype(o NewPageOptions, cfg *config.Config, pages []*generator.Page) ([]byte, error) {
	theme, err := openTheme(o.Source, cfg.Theme)
	if err != nil {
		return nil, err
	}
	src, err := fs.ReadFile(theme, "archetypes/"+o.Type+".md")
	if errors.Is(err, fs.ErrNotExist) {
		src, err = fs.ReadFile(theme, "archetypes/default.md")
	}
	if err != nil {
		return nil, fmt.Errorf("theme: read archetype: %w", err)
	}
	t, err := template.New(o.Type).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("theme: archetypes/%s.md: %w", o.Type, err)
	}
	key := o.Key
	if key == "" && o.Type == generator.TypeItem {
		key = nextKey(o.Backlog, pages)
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, map[string]string{
		"Title": yamlString(o.Title), "Type": o.Type, "TypeLabel": strings.ToLower(cfg.TypeLabel(o.Type)),
		"Levels": strings.Join(cfg.Levels, " | "), "Date": o.Now.Format(time.DateOnly), "Key": key,
	})
	if err != nil {
		return nil, fmt.Errorf("theme: archetypes/%s.md: %w", o.Type, err)
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
