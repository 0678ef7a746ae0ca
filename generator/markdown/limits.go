package markdown

import "bytes"

// Limits. goldmark's time grows faster than linearly with deeply nested
// block quotes and lists, with many unclosed link destinations on a line
// and with many link reference definitions in one paragraph, so bodies
// beyond these limits are refused with an error rather than stalling the
// build.
const (
	maxNesting     = 32   // block quote markers on one line
	maxIndent      = 256  // leading spaces and tabs on one line, list markers between them
	maxBracket     = 5000 // consecutive "[" or "]"
	maxLinkOpeners = 1000 // "](" on one line: each unclosed one is scanned to the end of the line
	maxDefinitions = 1000 // link reference definitions in one paragraph
)

// checkLimits returns the offset of the first line beyond a limit and a
// message, or ok.
func checkLimits(body []byte) (off int, msg string, ok bool) {
	defs := 0
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body) - start
		}
		line := body[start : start+end]
		quotes, indent := prefixDepth(line)
		switch {
		case quotes > maxNesting:
			return start, "block quotes are nested too deeply (at most 32 levels)", false
		case indent > maxIndent:
			return start, "line is indented too deeply (at most 256 spaces)", false
		// A line too short to hold more than the limit is not scanned
		// for brackets: nearly every line, and two passes over it each.
		case len(line) > maxBracket && (longRun(line, '[') || longRun(line, ']')):
			return start, "too many brackets in a row (at most 5000)", false
		case len(line) > 2*maxLinkOpeners && bytes.Count(line, []byte("](")) > maxLinkOpeners:
			return start, "too many links on one line (at most 1000)", false
		}
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			defs = 0 // a blank line ends the paragraph
		case isDefinition(line):
			if defs++; defs > maxDefinitions {
				return start, "too many link reference definitions in one paragraph (at most 1000; separate them with blank lines)", false
			}
		}
		start += end + 1
	}
	return 0, "", true
}

// prefixDepth counts the block quote markers and the spaces among the
// list markers ("-", "*", "+", "1.", "1)") that open a line.
func prefixDepth(line []byte) (quotes, indent int) {
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == '>':
			quotes++
		case c == ' ' || c == '\t':
			indent++
		case c == '-' || c == '*' || c == '+':
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') {
				return quotes, indent
			}
			i = j
		default:
			return quotes, indent
		}
		i++
	}
	return quotes, indent
}

// isDefinition reports whether a line looks like the start of a link
// reference definition: "[label]:" after at most three spaces.
func isDefinition(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	return len(line)-len(t) <= 3 && len(t) > 0 && t[0] == '[' && bytes.Contains(t, []byte("]:"))
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
