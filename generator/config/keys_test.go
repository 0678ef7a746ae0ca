package config

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// tomlFields walks the toml tags of t and returns each key path with the
// kind its Go type takes; a map of structs is a table per Name.
func tomlFields(t reflect.Type, prefix string, out map[string]kind) {
	for f := range t.Fields() {
		tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		path := prefix + tag
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem() // an optional value: nil when not set
		}
		switch {
		case ft == reflect.TypeFor[time.Time]():
			out[path] = kindDate
		case ft.Kind() == reflect.Struct:
			out[path] = kindTable
			tomlFields(ft, path+".", out)
		case ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct:
			out[path] = kindTable
			out[path+"."+Name] = kindTable
			tomlFields(ft.Elem(), path+"."+Name+".", out)
		case ft.Kind() == reflect.String:
			out[path] = kindText
		case ft.Kind() == reflect.Bool:
			out[path] = kindBool
		case ft.Kind() == reflect.Int:
			out[path] = kindInt
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			out[path] = kindNames
		case ft.Kind() == reflect.Float64:
			out[path] = kindNumber
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Int:
			out[path] = kindInts
		default:
			out[path] = -1 // a field of a type the declaration cannot state
		}
	}
}

func TestKeysDeclareEveryFieldOfConfig(t *testing.T) {
	fields := map[string]kind{}
	tomlFields(reflect.TypeFor[Config](), "", fields)
	keys := Keys()
	declared := map[string]bool{}
	for _, k := range keys {
		if declared[k.Path] {
			t.Errorf("%s is declared twice", k.Path)
		}
		declared[k.Path] = true
		want, ok := fields[k.Path]
		switch {
		case !ok:
			t.Errorf("%s is declared but Config has no field with that toml path", k.Path)
		case want != k.kind:
			t.Errorf("%s is declared as %s but its field takes %v", k.Path, k.Type, want)
		}
		if k.Doc == "" || !strings.HasSuffix(k.Doc, ".") {
			t.Errorf("%s: the description %q should be a sentence", k.Path, k.Doc)
		}
		if dir, _, ok := cutLast(k.Path); ok && !declared[dir] {
			t.Errorf("%s is declared before its table %s", k.Path, dir)
		}
		if strings.Contains(k.Path, Name) && !k.IsTable() && k.Default == "" {
			t.Errorf("%s: a key under a name needs its default in words", k.Path)
		}
	}
	for path := range fields {
		if !declared[path] {
			t.Errorf("Config has the toml path %s, which Keys does not declare: add it to Keys in keys.go, with its description", path)
		}
	}
}

func TestKeysTakeTheirDefaultsFromDefault(t *testing.T) {
	want := map[string]string{
		"title":                   `"Backlight site"`,
		"baseURL":                 `"/"`,
		"editURL":                 "",
		"build.minify":            "true",
		"build.brokenLinks":       `"error"`,
		"backlog.ready":           `["ready", "in-progress"]`,
		"backlog.iteration_weeks": "2",
		"roadmap.cycle_weeks":     "13",
		"roadmap.cycle_start":     "",
		"forecast.percentiles":    "[50, 85, 95]",
		"forecast.confidence":     "0.85",
		"forecast.unit":           `"points"`,
	}
	for _, k := range Keys() {
		if w, ok := want[k.Path]; ok && k.Default != w {
			t.Errorf("%s: got default %q, want %q", k.Path, k.Default, w)
		}
		delete(want, k.Path)
	}
	if len(want) > 0 {
		t.Errorf("not declared: %v", slices.Sorted(maps.Keys(want)))
	}
}

// TestConfigurationDoc keeps docs/configuration.md, which is written from
// Keys in keys.go, in step with it; go test ./generator/config -run
// TestConfigurationDoc -update rewrites it.
func TestConfigurationDoc(t *testing.T) {
	golden.File(t, "../../docs/configuration.md", []byte(Reference()))
}

// TestDocsSiteTOMLExamplesParse parses every ```toml block of README.md
// and docs/*.md, each a piece of a site.toml, so that an example that
// names a key Keys does not declare, or gives a value of the wrong kind,
// fails here rather than for a reader who copies it.
func TestDocsSiteTOMLExamplesParse(t *testing.T) {
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for _, doc := range append(docs, "../../README.md") {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for i, block := range strings.Split(string(src), "```toml\n")[1:] {
			block, _, _ = strings.Cut(block, "```")
			blocks++
			_, diags := Parse(doc, []byte(block))
			for _, d := range diags {
				if d.Severity == generator.Error {
					t.Errorf("%s, TOML block %d: %v", doc, i+1, d)
				}
			}
		}
	}
	if blocks < 5 {
		t.Errorf("found %d TOML blocks in the docs, want at least 5", blocks)
	}
}
