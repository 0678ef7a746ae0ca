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

// Parse decodes site.toml's bytes, named file in diagnostics, over the
// defaults and validates the result. It reports every problem it finds; the
// returned Config is usable (with defaults) even when there are errors.
func Parse(file string, src []byte) (*Config, generator.Diagnostics) {
	var diags generator.Diagnostics
	c := Default()
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(src), &top)
	if err != nil {
		diags.Errorf(tomlErrorPos(file, err), "%s", tomlErrorMessage(err))
		return c, diags
	}
	keys := Keys()
	if errs := typeErrors(md, top, keyIndex(keys), src); len(errs) > 0 {
		for _, err := range errs {
			diags.Errorf(tomlErrorPos(file, err), "%s", tomlErrorMessage(err))
		}
		return c, diags
	}
	unknownKeys(md, keys, func(k toml.Key, hint string) {
		diags.Errorf(locate(file, src, k), "unknown key %q in site.toml%s", k.String(), hint)
	})
	// The file is decoded over the defaults, into Config itself, so that
	// Keys and Config's fields are the only lists of keys. The vocabulary
	// maps are decoded empty and merged with the built-in entries after,
	// so that a site's entry can change one field of a built-in relation
	// or type and keep the rest.
	builtinTypes, builtinRelations := c.Types, c.Relations
	c.Types, c.Relations = nil, nil
	decodeExact(md, top, reflect.ValueOf(c).Elem())
	types, rels := c.Types, c.Relations
	c.Types, c.Relations = builtinTypes, builtinRelations
	mergeTypes(c, types, md)
	mergeRelations(c, rels, md)
	c.GlossaryOrder = declaredOrder(md, "glossary", c.Glossary)
	validate(c, file, src, &diags)
	validateLanguages(c, declaredOrder(md, "languages", c.Languages), md.IsDefined("language"), md.IsDefined("defaultLanguage"),
		func(path ...string) generator.Pos { return Locate(file, src, path...) }, &diags)
	return c, diags
}

// decodeExact decodes a table into the struct v by its fields' toml tags,
// matched exactly. (The decoder of BurntSushi/toml also matches a key that
// differs in case, so that "baseurl" would set BaseURL.) The keys were
// checked by typeErrors, so every value fits its field.
func decodeExact(md toml.MetaData, table map[string]toml.Primitive, v reflect.Value) {
	for f := range v.Type().Fields() {
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		p, ok := table[tag]
		if !ok || tag == "-" {
			continue
		}
		fv := v.FieldByIndex(f.Index)
		var sub map[string]toml.Primitive
		switch {
		case fv.Kind() == reflect.Struct && fv.Type() != timeType:
			if md.PrimitiveDecode(p, &sub) == nil {
				decodeExact(md, sub, fv)
			}
		case fv.Kind() == reflect.Map: // [types], [relations] and [glossary]: a table per name
			if md.PrimitiveDecode(p, &sub) != nil {
				continue
			}
			m := reflect.MakeMapWithSize(fv.Type(), len(sub))
			for name, entry := range sub {
				var fields map[string]toml.Primitive
				if md.PrimitiveDecode(entry, &fields) != nil {
					continue
				}
				e := reflect.New(fv.Type().Elem()).Elem()
				decodeExact(md, fields, e)
				m.SetMapIndex(reflect.ValueOf(name), e)
			}
			fv.Set(m)
		default:
			_ = md.PrimitiveDecode(p, fv.Addr().Interface())
		}
	}
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

// timeType is the type of a TOML date field.
var timeType = reflect.TypeFor[time.Time]()

// typeErrors returns every value of the wrong type in the file, in the
// file's order, saying what the declaration (Keys) says the key takes. The
// decoder alone walks Go maps, whose order changes from run to run, and
// stops at its first error, so with several wrong values it would report a
// different one each time; and it lets a value that is not a table stand
// for a table of types or relations without a word. Decoding one key at a
// time, in the order of md.Keys, finds them all, the same way on every run.
// Undeclared keys are left to unknownKeys.
func typeErrors(md toml.MetaData, top map[string]toml.Primitive, keys map[string]Key, src []byte) []error {
	var errs []error
	var walk func(table map[string]toml.Primitive, path toml.Key)
	walk = func(table map[string]toml.Primitive, path toml.Key) {
		seen := map[string]bool{}
		for _, k := range md.Keys() {
			// [relations.x] lists relations.x but not relations alone.
			if len(k) <= len(path) || !slices.Equal(k[:len(path)], path) || seen[k[len(path)]] {
				continue
			}
			k = k[:len(path)+1]
			name := k[len(path)]
			seen[name] = true
			key, ok := keys[pattern(k)]
			if !ok {
				continue
			}
			var raw any
			_ = md.PrimitiveDecode(table[name], &raw)
			switch key.kind {
			case kindDate:
				if _, isTime := raw.(time.Time); !isTime {
					line, _ := tomlpos.Find(src, k)
					errs = append(errs, fmt.Errorf("toml: line %d (last key %q): expected %s, got %s", line, k.String(), key.kind.expected(), tomlKind(raw)))
				}
			case kindTable:
				if _, isTable := raw.(map[string]any); !isTable {
					line, _ := tomlpos.Find(src, k)
					errs = append(errs, fmt.Errorf("toml: line %d (last key %q): expected %s, got %s", line, k.String(), key.kind.expected(), tomlKind(raw)))
					continue
				}
				var sub map[string]toml.Primitive
				_ = md.PrimitiveDecode(table[name], &sub)
				walk(sub, k)
			default:
				if err := md.PrimitiveDecode(table[name], key.kind.target()); err != nil {
					line, col := tomlpos.Find(src, k)
					errs = append(errs, &typeError{line: line, col: col,
						msg: fmt.Sprintf("%s: expected %s, got %s", k.String(), key.kind.expected(), tomlValue(raw))})
				}
			}
		}
	}
	walk(top, nil)
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

// tomlErrorPos extracts the line and column of a TOML syntax error.
// typeError is a value of the wrong type for its key, where the key is.
type typeError struct {
	line, col int
	msg       string
}

func (e *typeError) Error() string { return fmt.Sprintf("toml: line %d: %s", e.line, e.msg) }

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
