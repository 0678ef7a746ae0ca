package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/backlight-wiki/backlight/generator/glossary"
)

// layouts are the page templates a theme must provide; each is parsed
// together with base.html and the partials.
var layouts = []string{"home", "list", "page", "404", "search", "glossary"}

// Engine holds a theme's parsed templates and fingerprinted assets. It is
// safe for concurrent use.
type Engine struct {
	site     *SiteInfo
	pages    map[string]*template.Template
	redirect *template.Template
	assets   map[string]asset          // by logical name, "css/style.css"
	base     *template.Template        // base.html and the partials, for cached partials
	cache    sync.Map                  // cached partial output by name and key
	files    map[string]string         // theme path of each template file by its name: "page.html" → "layouts/page.html"
	glossary map[string]glossary.Entry // by what templates name: glossaryIndex
}

type asset struct {
	out  string // output path, "css/style.1a2b3c4d.css"
	data []byte
}

// New parses the theme's templates and reads its static files. The error
// names the template file and line where html/template gives them.
func New(theme fs.FS, site SiteInfo) (*Engine, error) {
	e := &Engine{site: &site, pages: map[string]*template.Template{}, assets: map[string]asset{}, files: map[string]string{},
		glossary: glossaryIndex(site.Glossary)}
	e.site.Limits = site.Limits.withDefaults()
	if len(site.Glossary) > 0 {
		e.site.GlossaryURL = glossary.URL
	}
	if err := e.readAssets(theme); err != nil {
		return nil, err
	}
	base := template.New("base.html").Funcs(e.funcs())
	if _, err := e.parseFile(base, theme, "layouts/base.html"); err != nil {
		return nil, err
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, p := range partials {
		if _, err := e.parseFile(base, theme, p); err != nil {
			return nil, err
		}
	}
	e.base = base
	for _, name := range layouts {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := e.parseFile(t, theme, "layouts/"+name+".html"); err != nil {
			return nil, err
		}
		e.pages[name] = t
	}
	e.redirect = template.New("redirect.html").Funcs(e.funcs())
	if _, err := e.parseFile(e.redirect, theme, "layouts/redirect.html"); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *Engine) parseFile(t *template.Template, theme fs.FS, name string) (*template.Template, error) {
	src, err := fs.ReadFile(theme, name)
	if err != nil {
		return nil, fmt.Errorf("theme: cannot read %s: %w", name, err)
	}
	if _, ok := e.files[path.Base(name)]; !ok {
		e.files[path.Base(name)] = name
	}
	var nt *template.Template
	if path.Base(name) == t.Name() {
		nt = t
	} else {
		nt = t.New(path.Base(name))
	}
	if _, err := nt.Parse(string(src)); err != nil {
		return nil, fmt.Errorf("theme: layouts/%s", strings.TrimPrefix(err.Error(), "template: "))
	}
	return nt, nil
}

func (e *Engine) funcs() template.FuncMap {
	return template.FuncMap{
		"rel":       Rel,
		"cached":    e.cached,
		"links":     links,
		"asset":     e.assetURL,
		"dict":      dict,
		"hasPrefix": strings.HasPrefix,
		"lower":     strings.ToLower,
		"join":      strings.Join,
		"term":      e.term,
		"relterm":   e.relationTerm,
	}
}

// cached executes the partial name with data once per key and then
// returns the same HTML for that key: for pieces such as the header and
// footer that depend on little more than the page's depth. The key must
// capture everything the partial's output depends on.
func (e *Engine) cached(name, key string, data any) (template.HTML, error) {
	k := name + "\x00" + key
	if h, ok := e.cache.Load(k); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := e.base.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	e.cache.Store(k, h)
	return h, nil
}

// links writes entries as list items, each a link with the page's
// abbreviation: <li><a href="…">Title</a> <abbr class="abbr">CPO</abbr></li>.
// One call per list instead of several template actions per entry: the
// relation box, related pages and mentions of a large site hold tens of
// thousands of them. Text and URLs are escaped.
func links(es []Entry) template.HTML {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(`<li><a href="`)
		b.WriteString(template.HTMLEscapeString(e.Href))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(e.Title))
		b.WriteString(`</a>`)
		if e.Abbr != "" {
			b.WriteString(` <abbr class="abbr">`)
			b.WriteString(template.HTMLEscapeString(e.Abbr))
			b.WriteString(`</abbr>`)
		}
		b.WriteString("</li>")
	}
	return template.HTML(b.String())
}

// Rel makes a site-relative URL ("/roles/cpo/") relative to a page whose
// root prefix is root ("../../"). Other URLs are returned unchanged.
func Rel(root, url string) string {
	if !strings.HasPrefix(url, "/") || strings.HasPrefix(url, "//") {
		return url
	}
	if url == "/" {
		return root
	}
	if root == "./" {
		return url[1:]
	}
	return root + url[1:]
}

// RootOf returns the relative path from a page's URL to the site root:
// "./" for "/" and "/404.html", "../../" for "/roles/cpo/".
func RootOf(url string) string {
	dir := strings.Trim(url[:strings.LastIndex(url, "/")+1], "/")
	if dir == "" {
		return "./"
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1)
}

func (e *Engine) assetURL(root, name string) (string, error) {
	a, ok := e.assets[name]
	if !ok {
		return "", fmt.Errorf("the theme has no static file %q", name)
	}
	return Rel(root, "/"+a.out), nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict needs key and value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys must be strings, got %T", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// readAssets reads static/ and fingerprints CSS and JS file names with the
// first 8 bytes of their SHA-256, so that they can be cached forever.
func (e *Engine) readAssets(theme fs.FS) error {
	return fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" {
				return nil // a theme without static files
			}
			return fmt.Errorf("theme: %w", err)
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return fmt.Errorf("theme: %w", err)
		}
		name := strings.TrimPrefix(p, "static/")
		out := name
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		e.assets[name] = asset{out: out, data: data}
		return nil
	})
}

// execute renders a view with the layout of its kind. Its error is a
// *TemplateError.
func (e *Engine) execute(w io.Writer, v *View) error {
	if err := e.executeView(w, v); err != nil {
		return e.templateError(OutPath(v.URL), err)
	}
	return nil
}

func (e *Engine) executeView(w io.Writer, v *View) error {
	v.setHrefs()
	if v.Kind == "redirect" {
		return e.redirect.Execute(w, v)
	}
	v.Description = e.describe(v)
	v.Sheets = sheets(v)
	layout := v.Kind
	if _, ok := e.pages[layout]; !ok {
		layout = "page"
	}
	return e.pages[layout].ExecuteTemplate(w, "base.html", v)
}
