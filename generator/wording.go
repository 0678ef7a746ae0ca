package generator

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OrList joins "a", "b" and "c" as "a, b or c", for diagnostics.
func OrList(s []string) string { return joinLast(s, " or ") }

// AndList joins "a", "b" and "c" as "a, b and c", for diagnostics.
func AndList(s []string) string { return joinLast(s, " and ") }

func joinLast(s []string, last string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + last + s[len(s)-1]
}

// Article puts "a" or "an" before a word such as a type name.
func Article(t string) string {
	if t != "" && strings.ContainsRune("aeiou", rune(t[0])) {
		return "an " + t
	}
	return "a " + t
}

// Plural returns an English noun in the plural by the rules for regular
// nouns, which the built-in type names follow: "role" → "roles",
// "process" → "processes", "category" → "categories".
func Plural(noun string) string {
	switch {
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	case len(noun) > 1 && strings.HasSuffix(noun, "y") && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	}
	return noun + "s"
}

// Count writes n and an English noun, in the plural (see Plural) unless n
// is 1: "1 error", "3 errors".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + Plural(noun)
}

// ForCount returns one when n is 1 and many otherwise, for words Plural
// does not make: "was"/"were", a site's own labels.
func ForCount(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Capitalise returns s with its first letter in upper case.
func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// OneLine is s with its words, as strings.Fields splits them, joined by
// single spaces: s itself, not a copy, when it is written so already,
// as most titles, summaries and first paragraphs are.
func OneLine(s string) string {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf: // perhaps a space of Unicode's
			return strings.Join(strings.Fields(s), " ")
		case c == ' ' && i > 0 && i < len(s)-1 && s[i+1] != ' ':
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}
