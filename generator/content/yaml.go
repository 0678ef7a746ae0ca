package content

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/backlight-wiki/backlight/generator"
)

// maxAliasDepth bounds alias expansion so that a "billion laughs" document
// is an error, not an out-of-memory.
const maxAliasDepth = 16

// decodeYAML parses YAML front matter into a node tree. line is the file
// line on which data starts.
func decodeYAML(file string, data []byte, line int) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err, data, line)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &node{kind: mapNode, pos: generator.Pos{File: file, Line: line}}, nil
	}
	c := yamlConverter{file: file, offset: line - 1}
	n, err := c.convert(doc.Content[0], 0)
	if err != nil {
		return nil, err
	}
	return n, nil
}

type yamlConverter struct {
	file   string
	offset int
	nodes  int
}

func (c *yamlConverter) pos(y *yaml.Node) generator.Pos {
	return generator.Pos{File: c.file, Line: y.Line + c.offset, Col: y.Column}
}

func (c *yamlConverter) convert(y *yaml.Node, depth int) (*node, error) {
	c.nodes++
	switch {
	case depth > maxNesting:
		return nil, &posError{c.pos(y), tooDeep}
	case c.nodes > maxNodes:
		return nil, &posError{c.pos(y), fmt.Sprintf("front matter is too large (more than %d values)", maxNodes)}
	}
	n := &node{pos: c.pos(y)}
	switch y.Kind {
	case yaml.AliasNode:
		if depth > maxAliasDepth {
			return nil, &posError{c.pos(y), "front matter aliases are nested too deeply"}
		}
		a, err := c.convert(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		cp := *a
		cp.pos = n.pos
		return &cp, nil
	case yaml.ScalarNode:
		n.kind, n.text = scalarNode, y.Value
		n.tag = strings.TrimPrefix(y.ShortTag(), "!!")
		if n.tag == "null" {
			n.kind = nullNode
		}
		if n.tag == "timestamp" {
			n.tag = "time"
		}
	case yaml.SequenceNode:
		n.kind = listNode
		for _, child := range y.Content {
			cn, err := c.convert(child, depth+1)
			if err != nil {
				return nil, err
			}
			n.list = append(n.list, cn)
		}
	case yaml.MappingNode:
		return c.mapping(y, n, depth)
	}
	return n, nil
}

func (c *yamlConverter) mapping(y *yaml.Node, n *node, depth int) (*node, error) {
	n.kind = mapNode
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, &posError{c.pos(k), "front matter keys must be plain names"}
		}
		if prev := n.get(k.Value); prev != nil {
			return nil, &posError{c.pos(k), fmt.Sprintf("key %q is set twice (first on line %d)", k.Value, prev.pos.Line)}
		}
		val, err := c.convert(v, depth+1)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, &entry{key: k.Value, pos: c.pos(k), val: val})
	}
	return n, nil
}

// yamlError turns a yaml.v3 error into one with a file position. yaml.v3
// reports "yaml: line N: message", counting from the block's first line,
// or no line when the error is on the first; data is the block, starting
// on the file's line line. yaml.v3 gives no column: yamlHint finds one,
// with a hint, for the common causes.
func yamlError(file string, err error, data []byte, line int) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if _, limit, ok := strings.Cut(msg, "exceeded max depth of "); ok {
		// yaml.v3's own limit, reached before the converter's.
		return &posError{generator.Pos{File: file, Line: line}, "front matter is nested too deeply (more than " + limit + " levels)"}
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	l, rest := 1, " "+msg
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &l); scanErr == nil {
		_, rest, _ = strings.Cut(msg, ":")
		if strings.HasPrefix(strings.TrimSpace(rest), "did not find expected") {
			// yaml.v3 counts these parser errors from 0 (its scanner errors
			// from 1): they name the line where the unfinished construct
			// began, or where the parser gave up.
			l++
		}
		// An error at the end of the block is reported on its last line.
		l = min(l, len(lines))
	}
	l, col, hint := yamlHint(rest, lines, l, line)
	if hint != "" {
		rest += "; " + hint
	}
	return &posError{generator.Pos{File: file, Line: l + line - 1, Col: col}, "invalid YAML front matter:" + rest}
}

// posError is an error at a position in a file.
type posError struct {
	pos generator.Pos
	msg string
}

func (e *posError) Error() string { return e.pos.String() + ": " + e.msg }
