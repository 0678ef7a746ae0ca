package corpus

import (
	"strconv"
	"strings"
	"time"
)

// frontMatter writes YAML front matter in a small subset that every YAML
// reader reads alike: top-level keys, plain or double-quoted scalars, flow
// lists, block lists, and block maps one level deep. A value is written
// plain only when no reader could take it for anything but text.
type frontMatter struct{ b *strings.Builder }

// text writes key: value, quoted if need be; an empty value is left out.
func (f frontMatter) text(key, value string) {
	if value != "" {
		f.line(key, scalar(value, false))
	}
}

// quoted writes key: "value", for text that looks like a number.
func (f frontMatter) quoted(key, value string) { f.line(key, quote(value)) }

func (f frontMatter) number(key string, n int) { f.line(key, strconv.Itoa(n)) }

// date writes a date unquoted, as YAML readers take it for a date.
func (f frontMatter) date(key string, t time.Time) {
	if !t.IsZero() {
		f.line(key, t.Format(time.DateOnly))
	}
}

// list writes key: [a, b]; an empty list is left out.
func (f frontMatter) list(key string, values []string) {
	if len(values) > 0 {
		f.line(key, flowList(values))
	}
}

// blockList writes key: and the values as "  - value" lines.
func (f frontMatter) blockList(key string, values []string) {
	if len(values) == 0 {
		return
	}
	f.b.WriteString(key + ":\n")
	for _, v := range values {
		f.b.WriteString("  - " + scalar(v, false) + "\n")
	}
}

// entry is a key of a block map with one value or a list of them.
type entry struct {
	key    string
	values []string
}

// blockMap writes key: and an indented line per entry; a map without
// entries is left out.
func (f frontMatter) blockMap(key string, entries []entry) {
	if len(entries) == 0 {
		return
	}
	f.b.WriteString(key + ":\n")
	for _, e := range entries {
		v := flowList(e.values)
		if len(e.values) == 1 {
			v = scalar(e.values[0], false)
		}
		f.b.WriteString("  " + e.key + ": " + v + "\n")
	}
}

func (f frontMatter) line(key, value string) { f.b.WriteString(key + ": " + value + "\n") }

func flowList(values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = scalar(v, true)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// scalar writes s plain when it is safe, else double-quoted. Plain text
// starts with a letter, holds only letters, digits, spaces and . ; ( ) /
// + - (and commas outside flow lists), does not end in a space and is no
// word YAML 1.1 reads as a boolean or null.
func scalar(s string, flow bool) string {
	if plain(s, flow) {
		return s
	}
	return quote(s)
}

func plain(s string, flow bool) bool {
	if s == "" || !isLetter(s[0]) || s[len(s)-1] == ' ' || yamlWords[strings.ToLower(s)] {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !(c >= '0' && c <= '9') && !strings.ContainsRune(" .;()/+-", rune(c)) && (flow || c != ',') {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// yamlWords are the words YAML 1.1 readers take for booleans or null.
var yamlWords = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true,
	"true": true, "false": true, "null": true}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c < ' ':
			b.WriteString(`\x` + strconv.FormatInt(int64(c)+0x100, 16)[1:])
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
