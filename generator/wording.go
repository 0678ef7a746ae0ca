package generator

import "strings"

// OrList joins "a", "b" and "c" as "a, b or c", for diagnostics.
func OrList(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// Article puts "a" or "an" before a word such as a type name.
func Article(t string) string {
	if t != "" && strings.ContainsRune("aeiou", rune(t[0])) {
		return "an " + t
	}
	return "a " + t
}
