package content

import "bytes"

// maxNesting is how deeply front matter may nest lists and tables. Real
// front matter nests two or three levels; the limit keeps a hostile file
// from driving a decoder into deep recursion.
const maxNesting = 64

// maxNodes is how many values front matter may hold, counting each use of
// a YAML alias again, so that a "billion laughs" file stays small.
const maxNodes = 100000

// tooDeep is the message for front matter nested beyond maxNesting (keep
// the number in step).
const tooDeep = "front matter is nested too deeply (at most 64 levels of lists and maps)"

// tomlTooDeep scans TOML for brackets and braces outside strings and
// comments and reports the 1-based line and column of the first one that
// opens more than limit levels. It runs before the TOML decoder, which
// recurses once per level and slows down badly on files nested a million
// deep.
func tomlTooDeep(data []byte, limit int) (line, col int, found bool) {
	line, lineStart, depth := 1, 0, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line, lineStart = line+1, i+1
		case '#':
			if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
				i += j - 1 // the newline is counted on the next round
			} else {
				i = len(data)
			}
		case '"', '\'':
			delim := []byte{c}
			if bytes.HasPrefix(data[i:], []byte{c, c, c}) {
				delim = []byte{c, c, c}
			}
			j := i + len(delim)
			for j < len(data) && !bytes.HasPrefix(data[j:], delim) {
				if data[j] == '\\' && c == '"' {
					j++
				}
				if j < len(data) && data[j] == '\n' {
					line, lineStart = line+1, j+1
				}
				j++
			}
			i = j + len(delim) - 1
		case '[', '{':
			depth++
			if depth > limit {
				return line, i - lineStart + 1, true
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, 0, false
}
