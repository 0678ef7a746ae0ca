package config

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/tomlpos"
)

// fileConfig mirrors Config for decoding; the vocabulary maps are decoded
// on their own so that a site's entry can change one field of a built-in
// relation or type and keep the rest.
type fileConfig struct {
	Title     string              `toml:"title"`
	BaseURL   string              `toml:"baseURL"`
	Language  string              `toml:"language"`
	Theme     string              `toml:"theme"`
	EditURL   string              `toml:"editURL"`
	Levels    []string            `toml:"levels"`
	Build     Build               `toml:"build"`
	Types     map[string]Type     `toml:"types"`
	Relations map[string]Relation `toml:"relations"`
	Backlog   Backlog             `toml:"backlog"`
	Roadmap   Roadmap             `toml:"roadmap"`
}

// Parse decodes site.toml's bytes, named file in diagnostics, over the
// defaults and validates the result. It reports every problem it finds; the
// returned Config is usable (with defaults) even when there are errors.
func Parse(file string, src []byte) (*Config, generator.Diagnostics) {
	var diags generator.Diagnostics
	c := Default()
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	fc := fileConfig{
		Title: c.Title, BaseURL: c.BaseURL, Language: c.Language, Theme: c.Theme,
		Levels: c.Levels, Build: c.Build, Backlog: c.Backlog, Roadmap: c.Roadmap,
	}
	if errs := typeErrors(src); len(errs) > 0 {
		for _, err := range errs {
			diags.Errorf(tomlErrorPos(file, err), "%s", tomlErrorMessage(err))
		}
		return c, diags
	}
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&fc)
	if err != nil {
		diags.Errorf(tomlErrorPos(file, err), "%s", tomlErrorMessage(err))
		return c, diags
	}
	for _, k := range md.Undecoded() {
		diags.Errorf(locate(file, src, k), "unknown key %q in site.toml%s", k.String(), suggestKey(k))
	}
	c.Title, c.BaseURL, c.Language, c.Theme, c.EditURL = fc.Title, fc.BaseURL, fc.Language, fc.Theme, fc.EditURL
	c.Levels, c.Build, c.Backlog, c.Roadmap = fc.Levels, fc.Build, fc.Backlog, fc.Roadmap
	mergeTypes(c, fc.Types, md)
	mergeRelations(c, fc.Relations, md)
	validate(c, file, src, &diags)
	return c, diags
}

func mergeTypes(c *Config, types map[string]Type, md toml.MetaData) {
	for _, name := range declaredOrder(md, "types", types) {
		t := c.Types[name]
		if _, builtin := c.Types[name]; !builtin {
			c.TypeOrder = append(c.TypeOrder, name)
		}
		v := types[name]
		if md.IsDefined("types", name, "label") {
			t.Label = v.Label
		}
		if md.IsDefined("types", name, "plural") {
			t.Plural = v.Plural
		}
		if t.Label == "" {
			t.Label = name
		}
		c.Types[name] = t
	}
}

func mergeRelations(c *Config, rels map[string]Relation, md toml.MetaData) {
	for _, name := range declaredOrder(md, "relations", rels) {
		r, builtin := c.Relations[name]
		if !builtin {
			c.RelationOrder = append(c.RelationOrder, name)
		}
		v := rels[name]
		set := func(field string) bool { return md.IsDefined("relations", name, field) }
		if set("label") {
			r.Label = v.Label
		}
		if set("inverse") {
			r.Inverse = v.Inverse
		}
		if set("from") {
			r.From = v.From
		}
		if set("to") {
			r.To = v.To
		}
		if set("acyclic") {
			r.Acyclic = v.Acyclic
		}
		c.Relations[name] = r
	}
}

// declaredOrder returns the keys of a table of tables in the order the file
// declares them, so that the site's own types and relations keep it.
func declaredOrder[V any](md toml.MetaData, table string, m map[string]V) []string {
	var names []string
	seen := map[string]bool{}
	for _, k := range md.Keys() {
		if len(k) >= 2 && k[0] == table && !seen[k[1]] {
			if _, ok := m[k[1]]; ok {
				seen[k[1]] = true
				names = append(names, k[1])
			}
		}
	}
	return names
}

// typeErrors returns every value of the wrong type in the file, in the
// file's order, or the syntax error. The decoder alone walks Go maps, whose
// order changes from run to run, and stops at its first error, so with
// several wrong values it would report a different one each time; and it
// lets a value that is not a table stand for a table of types or relations
// without a word. Decoding one key at a time, in the order of md.Keys,
// finds them all, the same way on every run.
var timeType = reflect.TypeFor[time.Time]()

func typeErrors(src []byte) []error {
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(src), &top)
	if err != nil {
		return []error{err}
	}
	var errs []error
	var walk func(table map[string]toml.Primitive, path toml.Key, t reflect.Type)
	walk = func(table map[string]toml.Primitive, path toml.Key, t reflect.Type) {
		seen := map[string]bool{}
		for _, k := range md.Keys() {
			// [relations.x] lists relations.x but not relations alone.
			if len(k) <= len(path) || !slices.Equal(k[:len(path)], path) || seen[k[len(path)]] {
				continue
			}
			k = k[:len(path)+1]
			name := k[len(path)]
			seen[name] = true
			ft, ok := t, true
			if t.Kind() == reflect.Map {
				ft = t.Elem() // an entry of [types] or [relations]
			} else if ft, ok = fieldType(t, name); !ok {
				continue // unknown keys are reported once the file decodes
			}
			if ft == timeType {
				var raw any
				_ = md.PrimitiveDecode(table[name], &raw)
				if _, isTime := raw.(time.Time); !isTime {
					line, _ := tomlpos.Find(src, k)
					errs = append(errs, fmt.Errorf("toml: line %d (last key %q): expected a date like 2026-01-05, without quotes, got %s", line, k.String(), tomlKind(raw)))
				}
				continue
			}
			if ft.Kind() != reflect.Struct && ft.Kind() != reflect.Map {
				if err := md.PrimitiveDecode(table[name], reflect.New(ft).Interface()); err != nil {
					var raw any
					_ = md.PrimitiveDecode(table[name], &raw)
					line, col := tomlpos.Find(src, k)
					errs = append(errs, &typeError{line: line, col: col,
						msg: fmt.Sprintf("%s: expected %s, got %s", k.String(), expectedKind(ft), tomlValue(raw))})
				}
				continue
			}
			var raw any
			_ = md.PrimitiveDecode(table[name], &raw)
			if _, isTable := raw.(map[string]any); !isTable {
				line, _ := tomlpos.Find(src, k)
				errs = append(errs, fmt.Errorf("toml: line %d (last key %q): expected a table, got %s", line, k.String(), tomlKind(raw)))
				continue
			}
			var sub map[string]toml.Primitive
			_ = md.PrimitiveDecode(table[name], &sub)
			walk(sub, k, ft)
		}
	}
	walk(top, nil, reflect.TypeFor[fileConfig]())
	return errs
}

func tomlKind(v any) string {
	switch v.(type) {
	case []any, []map[string]any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64, float64:
		return "a number"
	}
	return "a date or time"
}

// fieldType returns the type of struct t's field decoded from key, matched
// as the TOML decoder matches it: by tag, then without case.
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	var fold reflect.Type
	for f := range t.Fields() {
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == key {
			return f.Type, true
		}
		if fold == nil && strings.EqualFold(tag, key) {
			fold = f.Type
		}
	}
	return fold, fold != nil
}

// tomlErrorPos extracts the line and column of a TOML syntax error.
// typeError is a value of the wrong type for its key, where the key is.
type typeError struct {
	line, col int
	msg       string
}

func (e *typeError) Error() string { return fmt.Sprintf("toml: line %d: %s", e.line, e.msg) }

// expectedKind says in words what a field of type t takes.
func expectedKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Float64:
		return "a number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return `a list of names in quotes, e.g. ["a", "b"]`
		}
		return "a list"
	}
	return t.String()
}

// tomlValue describes a decoded TOML value for a message: the text "x",
// the number 5, true, a list, a table.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return strconv.FormatBool(v)
	case map[string]any:
		return "a table"
	}
	return tomlKind(v)
}

func tomlErrorPos(file string, err error) generator.Pos {
	var te *typeError
	if errors.As(err, &te) {
		return generator.Pos{File: file, Line: te.line, Col: te.col}
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return generator.Pos{File: file, Line: pe.Position.Line, Col: pe.Position.Col}
	}
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return generator.Pos{File: file, Line: line}
	}
	return generator.Pos{File: file}
}

// lineRE finds the line BurntSushi/toml puts in its type-mismatch errors,
// which are not ParseErrors.
var lineRE = regexp.MustCompile(`^toml: line (\d+) `)

func tomlErrorMessage(err error) string {
	var te *typeError
	if errors.As(err, &te) {
		return te.msg
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = fmt.Sprintf("%s (key %q)", msg, pe.LastKey)
		}
		return "invalid TOML: " + msg
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		msg = strings.TrimPrefix(err.Error(), m[0])
	}
	return "invalid value: " + msg
}
