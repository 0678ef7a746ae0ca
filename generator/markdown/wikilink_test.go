package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/util"
)

// writeEscaped must escape as goldmark's util.EscapeHTML does, which the
// rest of a body's text is escaped with.
func TestWriteEscapedEscapesAsGoldmarkDoes(t *testing.T) {
	for _, s := range []string{"", "plain", `a "quoted" <b> & 'c'`, "&amp; stays escaped once more", "<<>>", "ünïcode & ☃", "\x00\xff"} {
		var b bytes.Buffer
		w := bufio.NewWriter(&b)
		writeEscaped(w, s)
		_ = w.Flush()
		if want := string(util.EscapeHTML([]byte(s))); b.String() != want {
			t.Errorf("writeEscaped(%q) = %q, want %q", s, b.String(), want)
		}
	}
}
