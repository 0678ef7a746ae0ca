package content

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/tomlpos"
)

// decodeTOML parses TOML front matter into a node tree. TOML keys cannot be
// repeated, so the decoder's strictness is enough; positions come from
// tomlpos, at the line of each key's assignment. line is the file line on
// which data starts.
func decodeTOML(file string, data []byte, line int) (*node, error) {
	if l, c, deep := tomlTooDeep(data, maxNesting); deep {
		return nil, &posError{generator.Pos{File: file, Line: l + line - 1, Col: c}, tooDeep}
	}
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		pos := generator.Pos{File: file, Line: line}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos.Line, pos.Col = pe.Position.Line+line-1, pe.Position.Col
			return nil, &posError{pos, "invalid TOML front matter: " + pe.Message}
		}
		return nil, &posError{pos, "invalid TOML front matter: " + err.Error()}
	}
	t := tomlConverter{file: file, data: data, line: line, md: md}
	return t.convert(m, nil), nil
}

type tomlConverter struct {
	file string
	data []byte
	line int
	md   toml.MetaData
}

func (t *tomlConverter) pos(path []string) generator.Pos {
	l, c := tomlpos.Find(t.data, path)
	if l == 0 {
		return generator.Pos{File: t.file, Line: t.line}
	}
	return generator.Pos{File: t.file, Line: l + t.line - 1, Col: c}
}

func (t *tomlConverter) convert(v any, path []string) *node {
	n := &node{pos: t.pos(path)}
	switch v := v.(type) {
	case map[string]any:
		n.kind = mapNode
		keys := t.keyOrder(path, v)
		for _, k := range keys {
			p := append(slices.Clone(path), k)
			n.keys = append(n.keys, &entry{key: k, pos: t.pos(p), val: t.convert(v[k], p)})
		}
	case []map[string]any:
		n.kind = listNode
		for _, c := range v {
			n.list = append(n.list, t.convert(c, path))
		}
	case []any:
		n.kind = listNode
		for _, c := range v {
			n.list = append(n.list, t.convert(c, path))
		}
	default:
		n.kind = scalarNode
		n.text, n.tag = tomlScalar(v)
	}
	return n
}

// keyOrder lists a table's keys in the order the source has them.
func (t *tomlConverter) keyOrder(path []string, m map[string]any) []string {
	var keys []string
	for _, k := range t.md.Keys() {
		if len(k) == len(path)+1 && slices.Equal(k[:len(path)], path) {
			if _, ok := m[k[len(path)]]; ok && !slices.Contains(keys, k[len(path)]) {
				keys = append(keys, k[len(path)])
			}
		}
	}
	return keys
}

func tomlScalar(v any) (text, tag string) {
	switch v := v.(type) {
	case string:
		return v, "str"
	case bool:
		return strconv.FormatBool(v), "bool"
	case int64:
		return strconv.FormatInt(v, 10), "int"
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), "float"
	case time.Time:
		if v.Location().String() == "date-local" {
			return v.Format(time.DateOnly), "time"
		}
		return v.Format(time.RFC3339), "time"
	}
	return strings.TrimSpace(fmt.Sprint(v)), "str"
}
