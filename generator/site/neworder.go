package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
)

// rankNewItem appends a new item's key to its backlog's order list, unless
// o.Unranked, and says where the key went.
func rankNewItem(o NewPageOptions, bl *generator.Page) (string, error) {
	file := filepath.Join(o.Source, filepath.FromSlash(bl.File))
	ranked := len(bl.Backlog.Order) + 1
	if o.Unranked {
		return fmt.Sprintf("%s is not in the order of %s (--unranked): it ranks after the %d ordered items by priority, and check warns until you place it",
			o.Key, bl.File, ranked-1), nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("read %s to rank %s: %w", bl.File, o.Key, err)
	}
	out, line, err := appendOrder(src, o.Key)
	switch {
	case err != nil:
		return fmt.Sprintf("note: %s was not added to the order of %s (%v); add it by hand, or check warns that it is not in order", o.Key, bl.File, err), nil
	case out == nil:
		return fmt.Sprintf("%s has no order list; %s is ranked by priority", bl.File, o.Key), nil
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		return "", fmt.Errorf("write %s: %w", bl.File, err)
	}
	return fmt.Sprintf("added %s to the end of order in %s:%d (rank %d of %d ordered items)", o.Key, bl.File, line, ranked, ranked), nil
}

var (
	yamlOrderRE = regexp.MustCompile(`^order[ \t]*:`)
	tomlOrderRE = regexp.MustCompile(`^order[ \t]*=`)
)

// appendOrder adds key at the end of the order list in a page's YAML or
// TOML front matter, changing nothing else of the text, and returns the
// new text and the line the key is on. It returns nil when the front
// matter has no order key, and an error for a form it cannot edit.
func appendOrder(src []byte, key string) ([]byte, int, error) {
	text := string(src)
	bom := strings.HasPrefix(text, "\uFEFF")
	text = strings.TrimPrefix(text, "\uFEFF")
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 {
		return nil, 0, nil
	}
	var re *regexp.Regexp
	var fence string
	switch strings.TrimRight(lines[0], "\r\n") {
	case "---":
		re, fence = yamlOrderRE, "---"
	case "+++":
		re, fence = tomlOrderRE, "+++"
	default:
		return nil, 0, fmt.Errorf("only YAML (---) and TOML (+++) front matter can be edited")
	}
	offset := len(lines[0])
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimRight(l, "\r\n") == fence {
			return nil, 0, nil
		}
		if m := re.FindStringIndex(l); m != nil {
			var at int
			var insert string
			var err error
			if fence == "---" {
				at, insert, err = yamlAppend(text, offset+m[1], key)
			} else {
				at, insert, err = flowAppend(text, offset+m[1], strconv.Quote(key), true)
			}
			if err != nil {
				return nil, 0, fmt.Errorf("line %d: %w", i+1, err)
			}
			out := text[:at] + insert + text[at:]
			line := strings.Count(out[:at+strings.Index(insert, key)], "\n") + 1
			if bom {
				out = "\uFEFF" + out
			}
			return []byte(out), line, nil
		}
		offset += len(l)
	}
	return nil, 0, nil
}

// yamlAppend handles the value after "order:": a flow list ([A-1, A-2]),
// a block list (lines of "  - A-1"), or nothing.
func yamlAppend(text string, at int, key string) (int, string, error) {
	rest := text[at:]
	eol := strings.IndexByte(rest, '\n')
	if eol < 0 {
		eol = len(rest)
	}
	value := strings.TrimSpace(stripYAMLComment(rest[:eol]))
	if strings.HasPrefix(value, "[") {
		return flowAppend(text, at, key, false)
	}
	if value != "" {
		return 0, "", fmt.Errorf("order is neither a list nor empty")
	}
	nl := newline(text)
	// A block list: the lines after "order:" that are indented "- " entries
	// (or blank or comments between them).
	pos := at + eol
	if pos < len(text) {
		pos++
	}
	first, end, indent := pos, -1, "  "
	for pos < len(text) {
		lineEnd := len(text)
		if next := strings.IndexByte(text[pos:], '\n'); next >= 0 {
			lineEnd = pos + next + 1
		}
		line := strings.TrimRight(text[pos:lineEnd], "\r\n")
		trimmed := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trimmed, "- ") || trimmed == "-" {
			indent, end = line[:len(line)-len(trimmed)], lineEnd
		} else if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			break
		}
		pos = lineEnd
	}
	if end < 0 {
		end = first // no entries yet: the first goes on the line after "order:"
	}
	return end, indent + "- " + key + nl, nil
}

// flowAppend inserts key before the closing bracket of the [ … ] list that
// starts after at, after its last entry: ", KEY" on one line, or a line of
// its own when the list puts one entry on each line.
func flowAppend(text string, at int, key string, toml bool) (int, string, error) {
	open := strings.IndexByte(text[at:], '[')
	if open < 0 {
		return 0, "", fmt.Errorf("order is not a [ … ] list")
	}
	i := at + open + 1
	lastEnd, lastStart, trailingComma := -1, -1, false
	for i < len(text) {
		c := text[i]
		switch {
		case c == ']':
			return flowInsert(text, i, lastStart, lastEnd, trailingComma, key)
		case c == '#' && (toml || i == 0 || text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\n'):
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case c == ',':
			trailingComma = true
			i++
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(text) && text[j] != c && text[j] != '\n' {
				if c == '"' && text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) || text[j] != c {
				return 0, "", fmt.Errorf("unterminated string in order")
			}
			lastStart, lastEnd, trailingComma = i, j+1, false
			i = j + 1
		case c == '[' || c == '{':
			return 0, "", fmt.Errorf("order holds nested lists or maps")
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(",]\n", rune(text[j])) && !(text[j] == '#' && (text[j-1] == ' ' || text[j-1] == '\t')) {
				j++
			}
			lastStart, lastEnd, trailingComma = i, len(strings.TrimRight(text[:j], " \t\r")), false
			i = j
		}
	}
	return 0, "", fmt.Errorf("order's list is not closed with ]")
}

func flowInsert(text string, closing, lastStart, lastEnd int, trailingComma bool, key string) (int, string, error) {
	if lastEnd < 0 {
		return closing, key, nil
	}
	if !strings.Contains(text[lastEnd:closing], "\n") {
		if trailingComma {
			comma := lastEnd + strings.IndexByte(text[lastEnd:], ',') + 1
			return comma, " " + key + ",", nil
		}
		return lastEnd, ", " + key, nil
	}
	// One entry per line: a new line with the last entry's indentation.
	lineStart := strings.LastIndexByte(text[:lastStart], '\n') + 1
	indent := text[lineStart:lastStart]
	if strings.TrimLeft(indent, " \t") != "" {
		indent = "  "
	}
	nl := newline(text)
	if trailingComma {
		comma := lastEnd + strings.IndexByte(text[lastEnd:], ',') + 1
		return comma, nl + indent + key + ",", nil
	}
	return lastEnd, "," + nl + indent + key, nil
}

// stripYAMLComment removes a trailing "# comment" from a line.
func stripYAMLComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// newline returns the text's line end, CRLF or LF.
func newline(text string) string {
	if bytes.Contains([]byte(text), []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}
