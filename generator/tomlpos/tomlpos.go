// Package tomlpos finds where a key stands in TOML source.
//
// BurntSushi/toml decodes strictly but keeps key positions private, so
// diagnostics about a key that decoded fine (an unknown key, a value out
// of range) would otherwise have no line. Find scans the lines for table
// headers and assignments; it is only ever asked about keys that the
// decoder has already accepted, so it needs no full TOML grammar.
package tomlpos

import (
	"strings"
)

// Find returns the 1-based line and column where key path (for example
// ["build", "minify"]) is assigned or its table is opened, or 0, 0 when it
// cannot tell. A key inside an inline table or a dotted assignment is found
// at the assignment that holds it.
func Find(src []byte, path []string) (line, col int) {
	want := strings.Join(path, ".")
	table := ""
	for i, text := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := strings.Index(text, trimmed[:1]) + 1
		if trimmed[0] == '[' {
			table = header(trimmed)
			if table == want {
				return i + 1, indent
			}
			continue
		}
		name, _, ok := strings.Cut(trimmed, "=")
		if !ok {
			continue
		}
		full := normalise(name)
		if table != "" {
			full = table + "." + full
		}
		if full == want || strings.HasPrefix(want, full+".") {
			return i + 1, indent
		}
	}
	return 0, 0
}

// header returns the normalised name of a [table] or [[array]] header.
func header(h string) string {
	h = strings.TrimLeft(h, "[")
	if i := strings.Index(h, "]"); i >= 0 {
		h = h[:i]
	}
	return normalise(h)
}

// normalise drops spaces around dots and quotes around key parts.
func normalise(key string) string {
	parts := strings.Split(key, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
