package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// yamlHint looks at the front matter's lines around a yaml.v3 error for
// the common causes of one, since yaml.v3 reports a line but no column and
// names what its parser met rather than what the author meant. lines are
// the front matter's lines and l the 1-based one yaml.v3 names; first is
// the file line of lines[0]. It returns the line and 1-based column of the
// cause (the line may move, for an unclosed quote) and a hint for the
// message, or col 0 and "" when it recognises nothing.
func yamlHint(msg string, lines []string, l, first int) (line, col int, hint string) {
	if l < 1 || l > len(lines) {
		return l, 0, ""
	}
	text := lines[l-1]
	tabLine, tab := l, indentTab(text)
	if tab < 0 && strings.Contains(msg, "tab character") && l < len(lines) {
		// yaml.v3 names the line before the tab's at times.
		tabLine, tab = l+1, indentTab(lines[l])
	}
	switch {
	case tab >= 0 && (strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token") ||
		strings.Contains(msg, "mapping values are not allowed")):
		return tabLine, tab + 1, "YAML indentation must use spaces, not tabs"
	case strings.Contains(msg, "cannot start any token"):
		if c, at := valueStart(text); c > 0 && (text[at] == '@' || text[at] == '`') {
			ch := text[at]
			return l, c, fmt.Sprintf("a value starting with %q must be quoted", string(ch))
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		return colonHint(lines, l, first)
	case strings.Contains(msg, "did not find expected ',' or ']'"):
		if c := unclosed(text, '[', ']'); c > 0 {
			return l, c, `the "[" here is never closed: end the list with "]", or quote the value if the bracket is text`
		}
	case strings.Contains(msg, "did not find expected ',' or '}'"):
		if c := unclosed(text, '{', '}'); c > 0 {
			return l, c, `the "{" here is never closed: end the map with "}", or quote the value if the brace is text`
		}
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "did not find expected key"):
		for i, t := range lines[:l] {
			if c, q := openQuote(t); c > 0 {
				return i + 1, c, fmt.Sprintf("the quote %c here is never closed: end the value with %c", q, q)
			}
		}
	}
	return l, 0, ""
}

// indentTab returns the byte offset of a tab in the line's indentation,
// or -1.
func indentTab(text string) int {
	i := strings.IndexByte(text, '\t')
	if i >= 0 && strings.TrimLeft(text[:i], " ") != "" {
		return -1 // a tab in a value, not in the indentation
	}
	return i
}

// colonHint explains "mapping values are not allowed in this context",
// which yaml.v3 says for a value with an unquoted ": " in it, for a line
// indented as if it went on with the value above, and for a line after one
// that has no colon at all.
func colonHint(lines []string, l, first int) (int, int, string) {
	text := lines[l-1]
	indent := len(text) - len(strings.TrimLeft(text, " "))
	body := strings.TrimPrefix(text[indent:], "- ")
	lead := len(text) - len(body)
	if k, v, ok := strings.Cut(body, ": "); ok && !strings.HasPrefix(k, `"`) && !strings.HasPrefix(k, "'") {
		val := strings.TrimSpace(v)
		if j := strings.Index(val, ": "); val != "" && !strings.ContainsRune(`"'[{|>`, rune(val[0])) && (j >= 0 || strings.HasSuffix(val, ":")) {
			if j < 0 {
				j = len(val) - 1
			}
			at := lead + len(k) + 2 + strings.Index(v, val) + j
			return l, utf8.RuneCountInString(text[:at]) + 1, "quote the value: " + k + ": " + quoteYAML(val)
		}
	}
	prev := l - 1
	for prev >= 1 && (strings.TrimSpace(lines[prev-1]) == "" || strings.HasPrefix(strings.TrimSpace(lines[prev-1]), "#")) {
		prev--
	}
	if prev < 1 {
		return l, 0, ""
	}
	p := lines[prev-1]
	pIndent := len(p) - len(strings.TrimLeft(p, " "))
	switch {
	case !strings.Contains(p, ":"):
		return prev, pIndent + 1, fmt.Sprintf("this line has no \":\" (front matter lines are key: value), so line %d reads as going on with it", l+first-1)
	case indent > pIndent:
		if _, v, _ := strings.Cut(p, ": "); strings.TrimSpace(v) != "" {
			return l, indent + 1, "this line is indented more than the one above, as if it went on with that value: indent keys of one map alike"
		}
	}
	return l, 0, ""
}

// quoteYAML quotes a value for the hint: in double quotes unless it holds
// one (or a backslash), then in single quotes, doubling any inside.
func quoteYAML(v string) string {
	if !strings.ContainsAny(v, `"\`) {
		return `"` + v + `"`
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}

// valueStart returns the 1-based column and the byte offset of the value
// on a "key: value" or "- value" line, or 0, 0.
func valueStart(text string) (int, int) {
	i := strings.Index(text, ": ")
	if t := strings.TrimLeft(text, " "); strings.HasPrefix(t, "- ") {
		i = len(text) - len(t)
	}
	if i < 0 {
		return 0, 0
	}
	rest := strings.TrimLeft(text[i+2:], " ")
	if rest == "" {
		return 0, 0
	}
	at := len(text) - len(rest)
	return utf8.RuneCountInString(text[:at]) + 1, at
}

// unclosed returns the 1-based column of the last open bracket on the
// line that the line does not close, outside quotes, or 0.
func unclosed(text string, open, close byte) int {
	var stack []int
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			if i == 0 || strings.ContainsRune(" [{,:", rune(text[i-1])) {
				quote = c
			}
		case c == '#' && i > 0 && text[i-1] == ' ':
			i = len(text)
		case c == open:
			stack = append(stack, i)
		case c == close && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return 0
	}
	return utf8.RuneCountInString(text[:stack[len(stack)-1]]) + 1
}

// openQuote returns the column and kind of a quote that starts a value on
// the line and is not closed on it, or 0.
func openQuote(text string) (int, byte) {
	c, at := valueStart(text)
	if c == 0 || (text[at] != '"' && text[at] != '\'') {
		return 0, 0
	}
	q, rest := text[at], text[at+1:]
	for i := 0; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++
		case rest[i] == q:
			return 0, 0
		}
	}
	return c, q
}
