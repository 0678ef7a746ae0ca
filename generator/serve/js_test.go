package serve

import (
	"regexp"
	"strings"
	"testing"
)

// TestLiveJSUsesNoHTMLSinks fails if the live-reload script, comments
// removed, calls anything that parses a string as HTML: its error overlay
// shows build messages, which must reach the page as text.
func TestLiveJSUsesNoHTMLSinks(t *testing.T) {
	sinks := regexp.MustCompile(`\b(innerHTML|outerHTML|insertAdjacentHTML)\b|\bdocument\s*\.\s*write(ln)?\b`)
	code := stripComments(liveJS)
	if !strings.Contains(code, "__backlight") {
		t.Fatal("live.js came out empty after removing comments")
	}
	for _, m := range sinks.FindAllStringIndex(code, -1) {
		line := 1 + strings.Count(code[:m[0]], "\n")
		t.Errorf("live.js:%d: uses %s; build elements and set textContent", line, code[m[0]:m[1]])
	}
	if !sinks.MatchString(stripComments("/* x */ el.innerHTML = s // y")) || sinks.MatchString(stripComments("// el.innerHTML = s")) {
		t.Error("comment stripping keeps or drops the wrong text")
	}
}

// stripComments removes // and /* */ comments from JavaScript, keeping
// string and template literals and the newlines of block comments. It
// does not know regular expression literals, which can only make it drop
// code, never report a call that is not there.
func stripComments(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			b.WriteString(src[i : j+1])
			i = j
		case strings.HasPrefix(src[i:], "//"):
			nl := strings.IndexByte(src[i:], '\n')
			if nl < 0 {
				return b.String()
			}
			i += nl - 1 // the newline itself is kept
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			body := src[i:]
			if end >= 0 {
				body = src[i : i+end+4]
			}
			b.WriteString(strings.Repeat("\n", strings.Count(body, "\n")))
			i += len(body) - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
