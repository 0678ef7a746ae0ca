package config

import (
	"github.com/BurntSushi/toml"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/tomlpos"
)

// Locate returns the position of the key path in site.toml's source, for
// diagnostics raised after decoding; the file alone when it cannot tell.
func Locate(file string, src []byte, path ...string) generator.Pos {
	line, col := tomlpos.Find(src, path)
	return generator.Pos{File: file, Line: line, Col: col}
}

func locate(file string, src []byte, k toml.Key) generator.Pos {
	return Locate(file, src, k...)
}
