package search

import (
	"path/filepath"
	"testing"

	"github.com/backlight-wiki/backlight/generator/internal/golden"
)

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.File(t, filepath.Join("testdata", name), got)
}
