package content

import (
	"github.com/backlight-wiki/backlight/generator"
)

// kind is the shape of a front-matter value.
type kind int

const (
	nullNode kind = iota
	scalarNode
	listNode
	mapNode
)

func (k kind) String() string {
	return [...]string{"nothing", "a single value", "a list", "a map"}[k]
}

// node is a decoded front-matter value with its position, whichever format
// it came from, so that field extraction and its diagnostics are written
// once for YAML, TOML and JSON.
type node struct {
	pos  generator.Pos
	kind kind
	text string // a scalar's text as written (numbers and dates too)
	tag  string // a scalar's type: str, int, float, bool or time
	list []*node
	keys []*entry // a map's entries in source order
}

// entry is one key of a map node.
type entry struct {
	key string
	pos generator.Pos
	val *node
}

// get returns the entry for key k, or nil.
func (n *node) get(k string) *entry {
	if n == nil || n.kind != mapNode {
		return nil
	}
	for _, e := range n.keys {
		if e.key == k {
			return e
		}
	}
	return nil
}

// value turns the node into plain Go values for templates: string, bool,
// int64, float64, []any and map[string]any.
func (n *node) value() any {
	switch n.kind {
	case scalarNode:
		return scalarValue(n)
	case listNode:
		out := make([]any, len(n.list))
		for i, c := range n.list {
			out[i] = c.value()
		}
		return out
	case mapNode:
		out := make(map[string]any, len(n.keys))
		for _, e := range n.keys {
			out[e.key] = e.val.value()
		}
		return out
	}
	return nil
}
