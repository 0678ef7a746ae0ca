package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/backlight-wiki/backlight/generator"
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
		Levels: c.Levels, Build: c.Build, Backlog: c.Backlog,
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
	c.Levels, c.Build, c.Backlog = fc.Levels, fc.Build, fc.Backlog
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

// tomlErrorPos extracts the line and column of a TOML syntax error.
func tomlErrorPos(file string, err error) generator.Pos {
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
