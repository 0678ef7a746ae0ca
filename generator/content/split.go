package content

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/backlight-wiki/backlight/generator"
)

// captured receives the raw front matter from adrg/frontmatter, which does
// the splitting; decoding, with positions, is done here per format. data
// is the library's, valid until the next split.
type captured struct {
	format string
	data   []byte
	found  bool
}

// splitter separates front matter from bodies with adrg/frontmatter. It
// keeps the reader the library reads through, and the formats, from one
// file to the next, so that a file costs no 4 KiB buffer of its own; use
// one per goroutine.
type splitter struct {
	src     lineReader
	buf     *bufio.Reader
	formats []*frontmatter.Format
}

func newSplitter() *splitter {
	s := &splitter{formats: formats()}
	s.buf = bufio.NewReader(&s.src) // the library's bufio.NewReader returns it as it is
	return s
}

// lineReader is what the library reads a file through: a line a Read,
// and nothing once the front matter is captured. The library would then
// copy the rest of the file, the body, into a buffer grown as it reads,
// only for split to take the body from src instead; this way the
// library has read the file up to the end of the front matter, off,
// where the body starts.
type lineReader struct {
	src  []byte
	off  int
	done *captured // the split's capture: once found, the reader is at its end
}

func (r *lineReader) reset(src []byte, c *captured) { *r = lineReader{src: src, done: c} }

func (r *lineReader) Read(p []byte) (int, error) {
	if r.off == len(r.src) || r.done.found {
		return 0, io.EOF
	}
	line := r.src[r.off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	r.off += n
	return n, nil
}

// formats are the delimiters Backlight accepts: --- YAML, +++ TOML, and a
// bare JSON object, plus the explicit ---yaml, ---toml and ---json.
func formats() []*frontmatter.Format {
	capture := func(name string) frontmatter.UnmarshalFunc {
		return func(data []byte, v any) error {
			c := v.(*captured)
			c.format, c.data, c.found = name, data, true
			return nil
		}
	}
	json := frontmatter.NewFormat("{", "}", capture("json"))
	json.UnmarshalDelims, json.RequiresNewLine = true, true
	return []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("---yaml", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
		frontmatter.NewFormat("---toml", "---", capture("toml")),
		frontmatter.NewFormat("---json", "---", capture("json")),
		json,
	}
}

// openers are the first lines that start front matter.
var openers = []string{"---", "---yaml", "+++", "---toml", "---json", "{"}

// split separates front matter from body. src must already be normalised
// (no BOM, LF line ends). It returns the decoded front matter (nil when
// the file has none), the body, a slice of src, and the line on which the
// body starts.
func (s *splitter) split(file string, src []byte) (*node, []byte, int, error) {
	var c captured
	s.src.reset(src, &c)
	s.buf.Reset(&s.src)
	rest, err := frontmatter.Parse(s.buf, &c, s.formats...)
	if err != nil {
		return nil, nil, 0, &posError{generator.Pos{File: file, Line: 1}, "cannot read front matter: " + err.Error()}
	}
	// The library returns the rest of its own copy of the file, all of
	// it when there is no front matter; with front matter it has read
	// the file up to the body (lineReader). The body is taken from src.
	body := src[len(src)-len(rest):]
	if c.found {
		body = src[s.src.off:]
	}
	openLine, opener := firstLine(src)
	if !c.found {
		if opener != "" && opener != "{" {
			return nil, nil, 0, &posError{generator.Pos{File: file, Line: openLine, Col: 1},
				fmt.Sprintf("front matter opened with %q is never closed (expected a line %q before the body)", opener, closer(opener))}
		}
		return nil, src, 1, nil
	}
	bodyLine := 1 + bytes.Count(src[:len(src)-len(body)], []byte("\n"))
	dataLine := openLine + 1
	if c.format == "json" && opener == "{" {
		dataLine = openLine
	}
	var n *node
	switch c.format {
	case "yaml":
		n, err = decodeYAML(file, c.data, dataLine)
	case "toml":
		n, err = decodeTOML(file, c.data, dataLine)
	default:
		n, err = decodeJSON(file, c.data, dataLine)
	}
	if err != nil {
		return nil, nil, 0, err
	}
	if n.kind != mapNode {
		return nil, nil, 0, &posError{generator.Pos{File: file, Line: dataLine}, "front matter must be a map of keys to values"}
	}
	return n, body, bodyLine, nil
}

// Body is the body of the page file src, the bytes Parse gives as the
// page's Body, found without decoding the front matter: for a version of
// a file whose front matter is byte for byte one that Parse has read. It
// is !ok where Parse would refuse the file whatever its front matter
// says (too large, not UTF-8) and where src has no front matter.
func Body(src []byte) ([]byte, bool) {
	if len(src) > MaxFileSize {
		return nil, false
	}
	src = normalise(src)
	if !utf8.Valid(src) {
		return nil, false
	}
	var c captured
	r := &lineReader{src: src, done: &c}
	if _, err := frontmatter.Parse(r, &c, formats()...); err != nil || !c.found {
		return nil, false
	}
	return src[r.off:], true
}

// firstLine returns the first non-blank line and its number when it opens
// front matter.
func firstLine(src []byte) (int, string) {
	line := 1
	for len(src) > 0 {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		t := string(bytes.TrimSpace(l))
		if t != "" {
			for _, o := range openers {
				if t == o {
					return line, o
				}
			}
			return line, ""
		}
		src, line = rest, line+1
	}
	return line, ""
}

func closer(opener string) string {
	switch opener {
	case "+++":
		return "+++"
	case "{":
		return "}"
	}
	return "---"
}
