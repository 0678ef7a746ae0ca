package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/backlight-wiki/backlight/generator"
)

// decodeJSON parses JSON front matter (an object) into a node tree, keeping
// each key's and value's line and column. line is the file line on which
// data starts.
func decodeJSON(file string, data []byte, line int) (*node, error) {
	j := jsonConverter{file: file, data: data, line: line, dec: json.NewDecoder(bytes.NewReader(data))}
	j.dec.UseNumber()
	n, err := j.value(0)
	if err != nil {
		return nil, err
	}
	if n.kind != mapNode {
		return nil, &posError{n.pos, "JSON front matter must be an object"}
	}
	// The decoder stops after the first value: text after it would be lost.
	rest := bytes.TrimLeft(data[j.dec.InputOffset():], " \t\r\n")
	if len(rest) > 0 {
		return nil, &posError{offsetPos(file, data, len(data)-len(rest), line), "invalid JSON front matter: unexpected text after the object"}
	}
	return n, nil
}

type jsonConverter struct {
	file string
	data []byte
	line int
	dec  *json.Decoder
}

// pos returns the position of the next token: the decoder's offset moved
// past whitespace and separators.
func (j *jsonConverter) pos() generator.Pos {
	off := int(j.dec.InputOffset())
	for off < len(j.data) && bytes.IndexByte([]byte(" \t\r\n,:"), j.data[off]) >= 0 {
		off++
	}
	return offsetPos(j.file, j.data, off, j.line)
}

// offsetPos converts a byte offset in data to a file position.
func offsetPos(file string, data []byte, off, line int) generator.Pos {
	off = min(off, len(data))
	before := data[:off]
	nl := bytes.LastIndexByte(before, '\n')
	return generator.Pos{File: file, Line: line + bytes.Count(before, []byte("\n")), Col: off - nl}
}

func (j *jsonConverter) err(pos generator.Pos, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		pos = offsetPos(j.file, j.data, int(se.Offset), j.line)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return &posError{pos, "invalid JSON front matter: " + err.Error()}
}

func (j *jsonConverter) value(depth int) (*node, error) {
	pos := j.pos()
	if depth > maxNesting {
		return nil, &posError{pos, tooDeep}
	}
	tok, err := j.dec.Token()
	if err != nil {
		return nil, j.err(pos, err)
	}
	n := &node{pos: pos}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return j.object(n, depth)
		}
		return j.array(n, depth)
	case nil:
		n.kind = nullNode
	case bool:
		n.kind, n.text, n.tag = scalarNode, strconv.FormatBool(t), "bool"
	case json.Number:
		n.kind, n.text, n.tag = scalarNode, t.String(), "float"
		if _, err := t.Int64(); err == nil {
			n.tag = "int"
		}
	case string:
		n.kind, n.text, n.tag = scalarNode, t, "str"
	}
	return n, nil
}

func (j *jsonConverter) object(n *node, depth int) (*node, error) {
	n.kind = mapNode
	for j.dec.More() {
		kpos := j.pos()
		tok, err := j.dec.Token()
		if err != nil {
			return nil, j.err(kpos, err)
		}
		k, _ := tok.(string)
		if prev := n.get(k); prev != nil {
			return nil, &posError{kpos, fmt.Sprintf("key %q is set twice (first on line %d)", k, prev.pos.Line)}
		}
		v, err := j.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, &entry{key: k, pos: kpos, val: v})
	}
	_, err := j.dec.Token() // the closing brace
	if err != nil {
		return nil, j.err(j.pos(), err)
	}
	return n, nil
}

func (j *jsonConverter) array(n *node, depth int) (*node, error) {
	n.kind = listNode
	for j.dec.More() {
		v, err := j.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.list = append(n.list, v)
	}
	if _, err := j.dec.Token(); err != nil {
		return nil, j.err(j.pos(), err)
	}
	return n, nil
}
