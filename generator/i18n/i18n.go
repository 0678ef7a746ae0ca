// Package i18n holds the words a theme puts around the content, in each
// language a site is published in: its strings by key, their plural
// forms, and how it writes dates.
//
// A theme keeps them in i18n/<code>.toml, one file per language:
//
//	skip_to_content = "Skip to content"
//	[items]                 # a plural: {n} is the count
//	one   = "{n} item"
//	other = "{n} items"
//	months = ["January", …]   # twelve names
//	date   = "{day} {month} {year}"
//
// A site's own theme folder may carry files of the same names, whose
// strings replace the default theme's one by one; a string missing in a
// language is taken from English.
package i18n

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Fallback is the language whose strings fill those another language
// lacks: every theme has its file.
const Fallback = "en"

// Strings are a theme's words in one language. The zero value has none.
type Strings struct {
	Lang   string
	plain  map[string]string
	plural map[string]Plural
}

// Plural is a string that depends on a count: One for exactly one,
// Other for any other count (the rule of English and German, and of
// every language until a theme needs more).
type Plural struct {
	One, Other string
}

// Load reads the strings of language lang from the i18n folder of each
// layer, the lowest first (the default theme, then the site's own):
// English, then lang over it, each layer's over the one below. The
// error names the file and, where the TOML parser gives it, the line.
func Load(lang string, layers ...fs.FS) (*Strings, error) {
	s := &Strings{Lang: strings.ToLower(cmp.Or(lang, Fallback)), plain: map[string]string{}, plural: map[string]Plural{}}
	// English, then the language's primary tag (de for de-ch), then the
	// language itself, in lower case as file names have it.
	lang = strings.ToLower(lang)
	if lang == "" {
		lang = Fallback
	}
	langs := []string{Fallback}
	if base, _, _ := strings.Cut(lang, "-"); base != Fallback && base != lang {
		langs = append(langs, base)
	}
	if lang != Fallback {
		langs = append(langs, lang)
	}
	for _, l := range langs {
		for _, layer := range layers {
			name := "i18n/" + l + ".toml"
			data, err := fs.ReadFile(layer, name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			} else if err != nil {
				return nil, fmt.Errorf("read the theme's %s: %w", name, err)
			}
			if err := s.parse(name, data); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// parse adds the strings of one file over those s has.
func (s *Strings) parse(name string, data []byte) error {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("the theme's %s:%d:%d: %s", name, pe.Position.Line, pe.Position.Col, pe.Message)
		}
		return fmt.Errorf("the theme's %s: %w", name, err)
	}
	for _, k := range sortedKeys(raw) {
		switch v := raw[k].(type) {
		case string:
			s.plain[k] = v
			delete(s.plural, k)
		case []any:
			strs := make([]string, len(v))
			for i, e := range v {
				str, ok := e.(string)
				if !ok {
					return fmt.Errorf("the theme's %s: %s must be a list of strings", name, k)
				}
				strs[i] = str
			}
			s.plain[k] = strings.Join(strs, "\x00")
		case map[string]any:
			one, ok1 := v["one"].(string)
			other, ok2 := v["other"].(string)
			if !ok1 || !ok2 || len(v) != 2 {
				return fmt.Errorf("the theme's %s: [%s] must have exactly the strings one and other (a plural)", name, k)
			}
			s.plural[k] = Plural{One: one, Other: other}
			delete(s.plain, k)
		default:
			return fmt.Errorf("the theme's %s: %s must be a string, a list of strings, or a table of one and other, not %T", name, k, v)
		}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Has reports whether s (which may be nil) has a string, or a plural,
// named key.
func (s *Strings) Has(key string) bool {
	if s == nil {
		return false
	}
	_, ok := s.plain[key]
	_, ok2 := s.plural[key]
	return ok || ok2
}

// T is the string named key, with each {name} replaced by the value
// that follows name in args ("T("x", "n", 5)"). A key the theme does not
// have is an error, so that a template naming it fails where it does.
func (s *Strings) T(key string, args ...any) (string, error) {
	v, ok := s.plain[key]
	if !ok {
		if _, isPlural := s.plural[key]; isPlural {
			return "", fmt.Errorf("string %q is a plural: use tn with a count", key)
		}
		return "", fmt.Errorf("no string %q in the theme's %s", key, s.files())
	}
	return fill(v, args)
}

// files names the files s was read from, for messages.
func (s *Strings) files() string {
	if s.Lang == Fallback || s.Lang == "" {
		return "i18n/" + Fallback + ".toml"
	}
	return "i18n/" + s.Lang + ".toml or i18n/" + Fallback + ".toml"
}

// N is the plural named key for count n, with {n} replaced by n and any
// other {name} by args as for T.
func (s *Strings) N(key string, n int, args ...any) (string, error) {
	p, ok := s.plural[key]
	if !ok {
		return "", fmt.Errorf("no plural %q in the theme's %s", key, s.files())
	}
	v := p.Other
	if n == 1 {
		v = p.One
	}
	return fill(v, append([]any{"n", n}, args...))
}

// fill replaces each {name} in v by the value after name in args.
func fill(v string, args []any) (string, error) {
	if len(args) == 0 || !strings.Contains(v, "{") {
		return v, nil
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("the values of a string come in name and value pairs, got %d", len(args))
	}
	for i := 0; i < len(args); i += 2 {
		if _, ok := args[i].(string); !ok {
			return "", fmt.Errorf("a value's name must be a string, got %T", args[i])
		}
	}
	return replaceNames(v, func(name string) (string, bool) {
		for i := 0; i < len(args); i += 2 {
			if args[i].(string) == name {
				return text(args[i+1]), true
			}
		}
		return "", false
	}), nil
}

// replaceNames replaces each {name} in v for which value has a value by
// that value, in one pass, as a strings.Replacer of every name would,
// without building one for every string a page shows; the rest of v is
// left as it is.
func replaceNames(v string, value func(name string) (string, bool)) string {
	var b strings.Builder
	b.Grow(len(v) + 16)
	for {
		open := strings.IndexByte(v, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(v[open+1:], '}')
		if end < 0 {
			break
		}
		if s, ok := value(v[open+1 : open+1+end]); ok {
			b.WriteString(v[:open])
			b.WriteString(s)
			v = v[open+1+end+1:]
		} else {
			b.WriteString(v[:open+1])
			v = v[open+1:]
		}
	}
	b.WriteString(v)
	return b.String()
}

// text writes a value into a string.
func text(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case template.HTML:
		return string(v)
	case int:
		return strconv.Itoa(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// list is a string that holds a list (months), split.
func (s *Strings) list(key string) []string {
	v, ok := s.plain[key]
	if !ok {
		return nil
	}
	return strings.Split(v, "\x00")
}

// Date writes a day as the language does, from the strings months and
// date: "5 December 2026", "5. Dezember 2026"; "" for none.
func (s *Strings) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return s.day(t, "date")
}

// DayMonth writes a day without its year, from day_month: "5 December".
func (s *Strings) DayMonth(t time.Time) string { return s.day(t, "day_month") }

func (s *Strings) day(t time.Time, key string) string {
	layout, ok := s.plain[key]
	if !ok {
		layout = "{day} {month} {year}"
	}
	return s.format(layout, t)
}

// DateAs writes t by the layout the string key holds, or by english
// where s (which may be nil) has none: {day}, {month}, {mon} (the short
// name, months_short), {year} and {weekday} (weekdays, Sunday first).
func (s *Strings) DateAs(key, english string, t time.Time) string {
	if s == nil {
		s = &Strings{}
	}
	layout, ok := s.plain[key]
	if !ok {
		layout = english
	}
	return s.format(layout, t)
}

func (s *Strings) format(layout string, t time.Time) string {
	month, mon, weekday := t.Month().String(), t.Format("Jan"), t.Weekday().String()
	if ms := s.list("months"); len(ms) == 12 {
		month = ms[t.Month()-1]
	}
	if ms := s.list("months_short"); len(ms) == 12 {
		mon = ms[t.Month()-1]
	}
	if ws := s.list("weekdays"); len(ws) == 7 {
		weekday = ws[t.Weekday()]
	}
	// One pass: every item's page writes a date or two.
	return replaceNames(layout, func(name string) (string, bool) {
		switch name {
		case "day":
			return strconv.Itoa(t.Day()), true
		case "month":
			return month, true
		case "mon":
			return mon, true
		case "year":
			return strconv.Itoa(t.Year()), true
		case "weekday":
			return weekday, true
		}
		return "", false
	})
}

// DateRange writes "6 July – 18 December 2026", or with both years when
// they differ.
func (s *Strings) DateRange(a, b time.Time) string {
	switch {
	case a.IsZero() || b.IsZero():
		return strings.TrimSpace(s.Date(a) + " – " + s.Date(b))
	case a.Year() == b.Year():
		return s.DayMonth(a) + " – " + s.Date(b)
	}
	return s.Date(a) + " – " + s.Date(b)
}

// HTML is T for a template: the theme's strings are HTML (a theme's
// files are trusted as its templates are), and the values put into them
// are escaped unless they are template.HTML already.
func (s *Strings) HTML(key string, args ...any) (template.HTML, error) {
	v, err := s.T(key, escaped(args)...)
	return template.HTML(v), err
}

// HTMLN is N for a template, as HTML is T.
func (s *Strings) HTMLN(key string, n int, args ...any) (template.HTML, error) {
	v, err := s.N(key, n, escaped(args)...)
	return template.HTML(v), err
}

// escaped are args with each value (every second one) escaped for HTML.
func escaped(args []any) []any {
	if len(args) == 0 {
		return nil
	}
	out := make([]any, len(args))
	for i, a := range args {
		if _, ok := a.(template.HTML); ok || i%2 == 0 {
			out[i] = a
			continue
		}
		out[i] = template.HTMLEscapeString(text(a))
	}
	return out
}

// Or is T for the strings a program writes itself, whose English it
// carries: english, filled as T fills, where s (which may be nil) has
// no string key or T fails.
func (s *Strings) Or(key, english string, args ...any) string {
	if s != nil {
		if v, ok := s.plain[key]; ok {
			if out, err := fill(v, args); err == nil {
				return out
			}
		}
	}
	out, err := fill(english, args)
	if err != nil {
		return english
	}
	return out
}

// OrN is N for the plurals a program writes itself, as Or is for T.
func (s *Strings) OrN(key string, n int, one, other string, args ...any) string {
	p := Plural{One: one, Other: other}
	if s != nil {
		if q, ok := s.plural[key]; ok {
			p = q
		}
	}
	v := p.Other
	if n == 1 {
		v = p.One
	}
	out, err := fill(v, append([]any{"n", n}, args...))
	if err != nil {
		return v
	}
	return out
}

// DateOr is Date for s, which may be nil: English then.
func (s *Strings) DateOr(t time.Time) string {
	if s == nil {
		return (&Strings{}).Date(t)
	}
	return s.Date(t)
}

// Export is the strings of keys that s has, for a program in another
// language (the browser's search): a plural as key.one and key.other.
func (s *Strings) Export(keys []string) map[string]string {
	out := map[string]string{}
	for _, k := range keys {
		if v, ok := s.plain[k]; ok {
			out[k] = v
		}
		if p, ok := s.plural[k]; ok {
			out[k+".one"], out[k+".other"] = p.One, p.Other
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Number writes a number the program wrote with a decimal point
// ("1.63") with the language's decimal separator, the string decimal
// ("1,63" in German); as it is where s (which may be nil) has none.
func (s *Strings) Number(n string) string {
	if s == nil {
		return n
	}
	if sep, ok := s.plain["decimal"]; ok && sep != "." {
		return strings.Replace(n, ".", sep, 1)
	}
	return n
}

// inlineRE matches a call of t with a key and nothing else, {{t "key"}},
// or such a call made a string for another function's argument,
// (print (t "key")).
var inlineRE = regexp.MustCompile(`\{\{t "([a-z0-9_]+)"\}\}|\(print \(t "([a-z0-9_]+)"\)\)|\{\{t "([a-z0-9_]+)" "([a-z0-9_]+)" \(t "([a-z0-9_]+)"\)\}\}`)

// Inline writes into a template's source, in place of each {{t "key"}}
// of a plain string, that string: what the call would write, had it been
// executed, in any context, since only strings without characters that
// html/template escapes in some context (quotes, <, >, &, +) and without
// template delimiters are written in. An argument (print (t "key")) of
// a plain string becomes that string, quoted; so does {{t "key" "name"
// (t "other")}} where both strings, and the first filled with the
// second, are plain. The rest are left as they are. Pages written by the
// template are then byte for byte the same, and cost no call.
func (s *Strings) Inline(src []byte) []byte {
	plain := func(v string) bool { return !strings.ContainsAny(v, "\"'<>&+{}\\`") }
	return inlineRE.ReplaceAllFunc(src, func(call []byte) []byte {
		m := inlineRE.FindSubmatch(call)
		if len(m[3]) > 0 { // {{t "key" "name" (t "other")}}
			inner, ok := s.plain[string(m[5])]
			if !ok || !plain(inner) {
				return call
			}
			v, err := s.HTML(string(m[3]), string(m[4]), template.HTML(inner))
			if err != nil || !plain(string(v)) {
				return call
			}
			return []byte(v)
		}
		key, arg := m[1], false
		if len(key) == 0 {
			key, arg = m[2], true
		}
		v, ok := s.plain[string(key)]
		if !ok || !plain(v) {
			return call
		}
		if arg {
			return []byte(`"` + v + `"`)
		}
		return []byte(v)
	})
}
