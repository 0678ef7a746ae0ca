package config

import (
	"fmt"
	"strings"
)

// Reference returns docs/configuration.md: every key of Keys with its
// type, default and meaning, grouped by table, then the built-in types and
// relations of Default().
func Reference() string {
	var b strings.Builder
	b.WriteString(`# Configuration reference: site.toml

<!-- Written by generator/config.Reference from the declaration in generator/config/keys.go;
do not edit. After changing a key, run: go test ./generator/config -run TestConfigurationDoc -update -->

A site's settings live in ` + "`site.toml`" + ` at its root. Every key is optional: an empty file
gives the defaults below. Keys are matched exactly, case included: ` + "`baseurl`" + ` is not
` + "`baseURL`" + `, and a key that is not listed here is an error at its line and column, with the
closest known key as a suggestion. A value of the wrong type is an error saying what the key
takes. A ` + "`baseURL`" + ` without a host, or none at all, gets a warning, since the sitemap,
feeds and canonical links need an absolute URL. ` + "`<name>`" + ` stands for a name the
site chooses. The [content model](content-model.md) explains what types, relations, backlogs
and releases are.
`)
	keys := Keys()
	section := func(title, doc, table string) {
		fmt.Fprintf(&b, "\n## %s\n", title)
		if doc != "" {
			fmt.Fprintf(&b, "\n%s\n", doc)
		}
		var rows []Key
		for _, k := range keys {
			if dir, _, ok := cutLast(k.Path); ok == (table != "") && (!ok || dir == table) && !k.IsTable() {
				rows = append(rows, k)
			}
		}
		if len(rows) == 0 {
			return
		}
		b.WriteString("\n| key | type | default | meaning |\n|---|---|---|---|\n")
		for _, k := range rows {
			def := "none"
			switch {
			case strings.Contains(k.Path, Name):
				def = k.Default
			case k.Default != "":
				def = "`" + k.Default + "`"
			}
			_, last, _ := cutLast(k.Path)
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", last, k.Type, cell(def), cell(k.Doc))
		}
	}
	section("Top-level keys", "", "")
	for _, k := range keys {
		if k.IsTable() {
			section("`["+k.Path+"]`", k.Doc, k.Path)
		}
	}

	c := Default()
	b.WriteString("\n## Built-in types\n\nA site's `[types.<name>]` table may relabel these; the keys it leaves out keep these values.\n\n")
	b.WriteString("| name | label | plural |\n|---|---|---|\n")
	for _, name := range c.TypeOrder {
		t := c.Types[name]
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", name, cell(t.Label), cell(t.Plural))
	}
	b.WriteString("\n## Built-in relations\n\nA site's `[relations.<name>]` table may change these; the keys it leaves out keep these values.\n\n")
	b.WriteString("| name | label | inverse | from | to | acyclic |\n|---|---|---|---|---|---|\n")
	list := func(l []string) string {
		if len(l) == 0 {
			return "any"
		}
		return strings.Join(l, ", ")
	}
	for _, name := range c.RelationOrder {
		r := c.Relations[name]
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %t |\n", name, cell(r.Label), cell(r.Inverse), list(r.From), list(r.To), r.Acyclic)
	}
	return b.String()
}

// cell escapes the one character a Markdown table cell cannot hold.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
