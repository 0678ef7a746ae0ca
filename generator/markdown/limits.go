package markdown

import "bytes"

// Nesting limits. goldmark's time grows faster than linearly with deeply
// nested block quotes and lists, so bodies beyond these limits are refused
// with an error rather than stalling the build.
const (
	maxNesting = 32   // block quote markers or list indentation steps on one line
	maxIndent  = 256  // leading spaces and tabs on one line
	maxBracket = 5000 // consecutive "[" or "]"
)

// checkLimits returns the offset of the first line beyond a limit and a
// message, or ok.
func checkLimits(body []byte) (off int, msg string, ok bool) {
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body) - start
		}
		line := body[start : start+end]
		quotes, indent := 0, 0
		for _, c := range line {
			if c == '>' {
				quotes++
			} else if c == ' ' || c == '\t' {
				indent++
			} else if c != '-' && c != '*' && c != '+' {
				break
			}
		}
		switch {
		case quotes > maxNesting:
			return start, "block quotes are nested too deeply (at most 32 levels)", false
		case indent > maxIndent:
			return start, "line is indented too deeply (at most 256 spaces)", false
		case longRun(line, '[') || longRun(line, ']'):
			return start, "too many brackets in a row (at most 5000)", false
		}
		start += end + 1
	}
	return 0, "", true
}

func longRun(line []byte, c byte) bool {
	run := 0
	for _, b := range line {
		if b == c {
			run++
			if run > maxBracket {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
