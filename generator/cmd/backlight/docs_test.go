package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// flagRE finds the names in the help's flag lines: "  -q, --quiet",
// "  -s SRC", "  --now DATE".
var flagRE = regexp.MustCompile(`(?m)^  (-[^\s,]+)(?:, (--?[^\s,]+))?`)

// TestDocsListEveryFlag runs each command's -h and checks that every flag
// it prints is written in README.md's command list, on the command's line,
// and in the command's section of docs/cli.md, so that a stale list fails.
func TestDocsListEveryFlag(t *testing.T) {
	readme := readDoc(t, "../../../README.md")
	cli := readDoc(t, "../../../docs/cli.md")
	_, list, ok := strings.Cut(readme, "## The command line\n\n```\n")
	if !ok {
		t.Fatal("README.md has no code block under \"## The command line\"")
	}
	list, _, _ = strings.Cut(list, "```")
	for _, c := range commands() {
		code, _, help := runCLI(c.name, "-h")
		if code != exitOK {
			t.Fatalf("backlight %s -h: exit %d", c.name, code)
		}
		var line string
		for l := range strings.SplitSeq(list, "\n") {
			if strings.HasPrefix(l, "backlight "+c.name+" ") || l == "backlight "+c.name {
				line = l
			}
		}
		if line == "" {
			t.Errorf("README.md's command list has no line for %s", c.name)
		}
		section := docSection(cli, "## "+c.name)
		if section == "" {
			t.Errorf("docs/cli.md has no section \"## %s\"", c.name)
		}
		for _, m := range flagRE.FindAllStringSubmatch(help, -1) {
			for _, name := range m[1:] {
				if name == "" {
					continue
				}
				if !mentions(line, name) {
					t.Errorf("README.md: the line for %s lacks %s (its -h lists it):\n%s", c.name, name, line)
				}
				if !mentions(section, name) {
					t.Errorf("docs/cli.md: the section on %s lacks %s (its -h lists it)", c.name, name)
				}
			}
		}
	}
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// docSection returns the text from the heading line to the next heading
// of the same level, or "".
func docSection(doc, heading string) string {
	_, rest, ok := strings.Cut(doc, "\n"+heading+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// mentions reports whether text writes the flag name as a word of its
// own: "--drafts" but not "--drafts-only", "-s" but not "-so".
func mentions(text, name string) bool {
	return regexp.MustCompile("(^|[\\s\\[|`(])" + regexp.QuoteMeta(name) + "($|[\\s\\]|`=,).])").MatchString(text)
}
