package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSlug checks what Slug promises (see headingIDs): letters and digits
// of every script are kept, everything else becomes a single hyphen
// between them. So a slug is valid UTF-8 made of letters, digits, "_" and
// "-" only, never starts or ends with "-", never has "--", and so can hold
// no "/", "\", "." or NUL. Slug is also checked to be idempotent.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"", "Hello, World!", "Überblick", "会议", "../../etc/passwd", `a\b/c`, "--x--", "a\x00b",
		"İstanbul", "e\u0301", "\xff\xfe", "ǅemal", "한국어", "x_y 1.2", "ﬁle", "Ⅻ", "١٢٣",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Slug(in)
		if !utf8.ValidString(got) {
			t.Fatalf("Slug(%q) = %q: not valid UTF-8", in, got)
		}
		for _, r := range got {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' {
				t.Fatalf("Slug(%q) = %q: has %q, not a letter, digit, _ or -", in, got, r)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slug(%q) = %q: stray hyphen", in, got)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug not idempotent: Slug(%q) = %q, Slug(%q) = %q", in, got, got, again)
		}
	})
}
