package content

import (
	"strconv"
	"strings"
	"testing"
)

// TestLoadReportsEveryProblemAtItsPosition loads small content folders and
// expects exactly the diagnostics listed, in the order a build prints them.
func TestLoadReportsEveryProblemAtItsPosition(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		// Splitting front matter from the body.
		{"unclosed YAML front matter is an error", map[string]string{
			"roles/a.md": "---\ntitle: A\n\nBody text.\n",
		}, []string{
			`content/roles/a.md:1:1: front matter opened with "---" is never closed (expected a line "---" before the body)`,
		}},
		{"unclosed TOML front matter is an error", map[string]string{
			"roles/a.md": "+++\ntitle = \"A\"\n\nBody text.\n",
		}, []string{
			`content/roles/a.md:1:1: front matter opened with "+++" is never closed (expected a line "+++" before the body)`,
		}},
		{"unclosed ---toml front matter expects ---", map[string]string{
			"roles/a.md": "---toml\ntitle = \"A\"\n",
		}, []string{
			`content/roles/a.md:1:1: front matter opened with "---toml" is never closed (expected a line "---" before the body)`,
		}},
		{"unclosed front matter after blank lines is reported at its opener", map[string]string{
			"roles/a.md": "\n\n---\ntitle: A\n",
		}, []string{
			`content/roles/a.md:3:1: front matter opened with "---" is never closed (expected a line "---" before the body)`,
		}},
		{"a lone opener at the end of the file is unclosed", map[string]string{
			"roles/a.md": "---",
		}, []string{
			`content/roles/a.md:1:1: front matter opened with "---" is never closed (expected a line "---" before the body)`,
		}},
		{"front matter that is a list is an error", map[string]string{
			"roles/a.md": "---\n- a\n- b\n---\n",
		}, []string{
			`content/roles/a.md:2: front matter must be a map of keys to values`,
		}},

		// YAML.
		{"YAML parser error is reported on the file's line", map[string]string{
			"roles/a.md": "---\ntitle: C\nlevel: [a\n---\n",
		}, []string{
			`content/roles/a.md:3:8: invalid YAML front matter: did not find expected ',' or ']'; the "[" here is never closed: end the list with "]", or quote the value if the bracket is text`,
		}},
		{"YAML scanner error is reported on the file's line", map[string]string{
			"roles/a.md": "---\ntitle: C\nsummary: a: b\nlevel: team\n---\n",
		}, []string{
			`content/roles/a.md:3:11: invalid YAML front matter: mapping values are not allowed in this context; quote the value: summary: "a: b"`,
		}},
		{"YAML error line counts blank lines before the opener", map[string]string{
			"roles/a.md": "\n\n---\ntitle: C\nsummary: a: b\n---\n",
		}, []string{
			`content/roles/a.md:5:11: invalid YAML front matter: mapping values are not allowed in this context; quote the value: summary: "a: b"`,
		}},
		{"YAML tab indentation is an error on its line", map[string]string{
			"roles/a.md": "---\ntitle: C\n\tlevel: team\n---\n",
		}, []string{
			`content/roles/a.md:3:1: invalid YAML front matter: found a tab character that violates indentation; YAML indentation must use spaces, not tabs`,
		}},
		{"YAML duplicate key is an error naming the first", map[string]string{
			"roles/a.md": "---\ntitle: A\nsummary: x\ntitle: B\n---\n",
		}, []string{
			`content/roles/a.md:4:1: key "title" is set twice (first on line 2)`,
		}},
		{"YAML duplicate relation is an error", map[string]string{
			"roles/a.md": "---\ntitle: A\nrelations:\n  part_of: x\n  part_of: y\n---\n",
		}, []string{
			`content/roles/a.md:5:3: key "part_of" is set twice (first on line 4)`,
		}},
		{"YAML complex key is an error", map[string]string{
			"roles/a.md": "---\n? [a]\n: b\n---\n",
		}, []string{
			`content/roles/a.md:2:3: front matter keys must be plain names`,
		}},

		// TOML and JSON.
		{"TOML syntax error has line and column", map[string]string{
			"roles/a.md": "+++\ntitle = \"A\"\nlevel = \n+++\n",
		}, []string{
			`content/roles/a.md:3:9: invalid TOML front matter: expected value but found '\n' instead`,
		}},
		{"TOML duplicate key is an error", map[string]string{
			"roles/a.md": "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n",
		}, []string{
			`content/roles/a.md:3:13: invalid TOML front matter: Key 'title' has already been defined.`,
		}},
		{"JSON syntax error has line and column", map[string]string{
			"roles/a.md": "---json\n{\"title\": \"A\",}\n---\n",
		}, []string{
			`content/roles/a.md:2:15: invalid JSON front matter: invalid character '}' looking for beginning of object key string`,
		}},
		{"bare JSON syntax error counts the brace line", map[string]string{
			"roles/a.md": "{\n  \"title\": \"A\",\n  \"level\" \"team\"\n}\n\nBody\n",
		}, []string{
			`content/roles/a.md:3:11: invalid JSON front matter: invalid character '"' after object key`,
		}},
		{"JSON duplicate key is an error", map[string]string{
			"roles/a.md": "---json\n{\"title\": \"A\",\n \"title\": \"B\"}\n---\n",
		}, []string{
			`content/roles/a.md:3:2: key "title" is set twice (first on line 2)`,
		}},
		{"JSON text after the object is an error", map[string]string{
			"roles/a.md": "---json\n{\"title\": \"A\"}\n\"level\": \"team\"\n---\n",
		}, []string{
			`content/roles/a.md:3:1: invalid JSON front matter: unexpected text after the object`,
		}},
		{"JSON front matter that is no object is an error", map[string]string{
			"roles/a.md": "---json\n[1]\n---\n",
		}, []string{
			`content/roles/a.md:2:1: JSON front matter must be an object`,
		}},

		// Values of the wrong shape.
		{"text given a list", map[string]string{
			"roles/a.md": "---\ntitle: A\nsummary: [a, b]\n---\n",
		}, []string{`content/roles/a.md:3:10: summary: expected text, got a list`}},
		{"true or false given another word", map[string]string{
			"roles/a.md": "---\ntitle: A\ndraft: maybe\n---\n",
		}, []string{`content/roles/a.md:3:8: draft: expected true or false, got "maybe"`}},
		{"yes is no boolean in YAML 1.2", map[string]string{
			"roles/a.md": "---\ntitle: A\ndraft: yes\n---\n",
		}, []string{`content/roles/a.md:3:8: draft: expected true or false, got "yes"`}},
		{"whole number given a fraction", map[string]string{
			"roles/a.md": "---\ntitle: A\nweight: 1.5\n---\n",
		}, []string{`content/roles/a.md:3:9: weight: expected a whole number, got "1.5"`}},
		{"date given a word", map[string]string{
			"roles/a.md": "---\ntitle: A\ndate: tomorrow\n---\n",
		}, []string{`content/roles/a.md:3:7: date: "tomorrow" is not a date (expected YYYY-MM-DD, like 2026-04-01)`}},
		{"date given a month 13", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 2026-13-01\n---\n",
		}, []string{`content/releases/r.md:3:8: start: "2026-13-01" is not a date: month 13 is out of range (expected YYYY-MM-DD, like 2026-04-01)`}},
		{"date given a day out of range for its month", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 2026-02-30\n---\n",
		}, []string{`content/releases/r.md:3:8: start: "2026-02-30" is not a date: day 30 is out of range for February 2026 (it has 28 days) (expected YYYY-MM-DD, like 2026-04-01)`}},
		{"date given day 29 of February in a common year", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 2027-02-29\n---\n",
		}, []string{`content/releases/r.md:3:8: start: "2027-02-29" is not a date: day 29 is out of range for February 2027 (it has 28 days) (expected YYYY-MM-DD, like 2026-04-01)`}},
		{"day 29 of February in a leap year is a date", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 2028-02-29\n---\n",
		}, nil},
		{"date given month 0 and day 0", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 2026-00-10\nend: 2026-04-00\n---\n",
		}, []string{
			`content/releases/r.md:3:8: start: "2026-00-10" is not a date: month 0 is out of range (expected YYYY-MM-DD, like 2026-04-01)`,
			`content/releases/r.md:4:6: end: "2026-04-00" is not a date: day 0 is out of range for April 2026 (it has 30 days) (expected YYYY-MM-DD, like 2026-04-01)`,
		}},
		{"date without dashes", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: 20260702\n---\n",
		}, []string{`content/releases/r.md:3:8: start: "20260702" is not a date (expected YYYY-MM-DD, like 2026-04-01)`}},
		{"date given a list", map[string]string{
			"releases/r.md": "---\ntitle: R\nstart: [2026-04-01]\n---\n",
		}, []string{`content/releases/r.md:3:8: start: expected a date like 2026-04-01, got a list`}},
		{"list given a map", map[string]string{
			"roles/a.md": "---\ntitle: A\ntags: {a: 1}\n---\n",
		}, []string{`content/roles/a.md:3:7: tags: expected a name, got a map`}},
		{"list entry that is empty", map[string]string{
			"roles/a.md": "---\ntitle: A\ntags: [a, \"\"]\n---\n",
		}, []string{`content/roles/a.md:3:11: tags: expected a name, got an empty value`}},
		{"one name given a list", map[string]string{
			"backlogs/b/x.md": "---\ntitle: X\nid: B-1\nparent: [a, b]\n---\n",
		}, []string{`content/backlogs/b/x.md:4:9: parent: expected one name, got a list`}},
		{"relations given a list", map[string]string{
			"roles/a.md": "---\ntitle: A\nrelations: [x]\n---\n",
		}, []string{`content/roles/a.md:3:12: relations: expected a map of relation names to pages, got a list`}},
		{"relations given a single value in TOML", map[string]string{
			"roles/a.md": "+++\ntitle = \"A\"\nrelations = 3\n+++\n",
		}, []string{`content/roles/a.md:3:1: relations: expected a map of relation names to pages, got a single value`}},
		{"relation naming nothing is a warning", map[string]string{
			"roles/a.md": "---\ntitle: A\nrelations:\n  part_of:\n---\n",
		}, []string{`content/roles/a.md:4:3: warning: relation "part_of" names no page`}},
		{"params given a single value", map[string]string{
			"roles/a.md": "---\ntitle: A\nparams: 3\n---\n",
		}, []string{`content/roles/a.md:3:9: params: expected a map, got a single value`}},
		{"number given a word and a list", map[string]string{
			"backlogs/b/x.md": "---\ntitle: X\nid: B-1\nvalue: lots\nestimate: [1]\n---\n",
		}, []string{
			`content/backlogs/b/x.md:4:8: value: expected a number, got "lots"`,
			`content/backlogs/b/x.md:5:11: estimate: expected a number, got a list`,
		}},
		{"negative numbers are errors", map[string]string{
			"backlogs/b/_index.md": "---\ntitle: B\nvelocity: -1\niteration_weeks: -2\n---\n",
			"backlogs/b/x.md":      "---\ntitle: X\nid: B-1\nvalue: -3\nestimate: -0.5\n---\n",
		}, []string{
			`content/backlogs/b/_index.md:3:11: velocity: expected a number of zero or more, got -1`,
			`content/backlogs/b/_index.md:4:18: iteration_weeks: expected a number of zero or more, got -2`,
			`content/backlogs/b/x.md:4:8: value: expected a number of zero or more, got -3`,
			`content/backlogs/b/x.md:5:11: estimate: expected a number of zero or more, got -0.5`,
		}},
		{"huge numbers are errors", map[string]string{
			"backlogs/b/x.md": "---\ntitle: X\nid: B-1\nestimate: 1e12\nvalue: .nan\n---\n",
		}, []string{
			`content/backlogs/b/x.md:4:11: estimate: 1e12 is too large (at most 1000000000)`,
			`content/backlogs/b/x.md:5:8: value: expected a number, got ".nan"`,
		}},

		// Levels, types and keys.
		{"unknown level suggests the closest", map[string]string{
			"roles/a.md": "---\ntitle: A\nlevel: clustr\n---\n",
		}, []string{
			`content/roles/a.md:3:8: unknown level "clustr" (the site's levels are team, cluster, organisation) (did you mean "cluster"?)`,
		}},
		{"unknown level with nothing close", map[string]string{
			"roles/a.md": "---\ntitle: A\nlevel: galaxy\n---\n",
		}, []string{
			`content/roles/a.md:3:8: unknown level "galaxy" (the site's levels are team, cluster, organisation)`,
		}},
		{"unknown type suggests the closest", map[string]string{
			"roles/a.md": "---\ntitle: A\ntype: rol\n---\n",
		}, []string{
			`content/roles/a.md:3:7: unknown type "rol" (known: role, group, event, artifact, cadence, area, backlog, item, release, page) (did you mean "role"?)`,
		}},
		{"unknown key is a warning with did you mean", map[string]string{
			"roles/a.md": "---\ntitle: A\ntitel: B\n---\n",
		}, []string{
			`content/roles/a.md:3:1: warning: unknown front-matter key "titel" is ignored (did you mean "title"?) (a theme's own values go under params)`,
		}},
		{"unknown key with nothing close is a warning", map[string]string{
			"roles/a.md": "---\ntitle: A\ncolour: red\n---\n",
		}, []string{
			`content/roles/a.md:3:1: warning: unknown front-matter key "colour" is ignored (a theme's own values go under params)`,
		}},
		{"key of another type is ignored with a warning", map[string]string{
			"roles/a.md":      "---\ntitle: A\nkind: bug\n---\n",
			"backlogs/b/x.md": "---\ntitle: X\nid: B-1\nowner: someone\n---\n",
		}, []string{
			`content/backlogs/b/x.md:4:1: warning: key "owner" has no meaning on an item page and is ignored`,
			`content/roles/a.md:3:1: warning: key "kind" has no meaning on a role page and is ignored`,
		}},
		{"item keys on an introduction are unknown", map[string]string{
			"roles/_index.md": "---\ntitle: Roles\nkind: bug\n---\n",
		}, []string{
			`content/roles/_index.md:3:1: warning: unknown front-matter key "kind" is ignored (a theme's own values go under params)`,
		}},

		// Identity.
		{"missing title is an error on line 1", map[string]string{
			"roles/a.md": "---\nlevel: team\n---\n",
		}, []string{`content/roles/a.md:1: missing title: every page needs a title in its front matter`}},
		{"empty title is an error at the value", map[string]string{
			"roles/a.md": "---\nlevel: team\ntitle: \"  \"\n---\n",
		}, []string{`content/roles/a.md:3:8: missing title: every page needs a title in its front matter`}},
		{"a file without front matter has no title", map[string]string{
			"roles/a.md": "# A\n",
		}, []string{`content/roles/a.md:1: missing title: every page needs a title in its front matter`}},
		{"bare JSON without a blank line after it is no front matter", map[string]string{
			"roles/a.md": "{\n  \"title\": \"A\"\n}\nBody\n",
		}, []string{`content/roles/a.md:1: missing title: every page needs a title in its front matter`}},
		{"missing item id is an error", map[string]string{
			"backlogs/b/x.md": "---\ntitle: X\n---\n",
		}, []string{`content/backlogs/b/x.md:1: missing id: a backlog item needs its key, e.g. id: CBI-214`}},
		{"one id in two folders is an error naming both", map[string]string{
			"roles/cpo.md":  "---\ntitle: CPO role\n---\n",
			"groups/CPO.md": "---\ntitle: CPO group\n---\n",
		}, []string{
			`content/roles/cpo.md:1: page id "cpo" is used twice: by content/groups/CPO.md and by content/roles/cpo.md (ids come from file names and must be unique)`,
		}},
		{"a backlog's id is its folder and may clash", map[string]string{
			"artifacts/pumps.md":       "---\ntitle: Pumps artifact\n---\n",
			"backlogs/pumps/_index.md": "---\ntitle: Pumps backlog\n---\n",
		}, []string{
			`content/backlogs/pumps/_index.md:1: page id "pumps" is used twice: by content/artifacts/pumps.md and by content/backlogs/pumps/_index.md (ids come from file names and must be unique)`,
		}},
		{"one item key twice is an error, without case", map[string]string{
			"backlogs/a/x.md": "---\ntitle: X\nid: CBI-1\n---\n",
			"backlogs/b/y.md": "---\ntitle: Y\nid: cbi-1\n---\n",
		}, []string{
			`content/backlogs/b/y.md:3:1: item key "cbi-1" is used twice: content/backlogs/a/x.md has it too; give one of the two items another key (keys are unique across the site)`,
		}},
		{"file name that cannot be an id", map[string]string{
			"roles/a#b.md": "---\ntitle: A\n---\n",
		}, []string{`content/roles/a#b.md:1: file name "a#b" cannot be a page id: it has "#", which URLs or some file systems do not allow; use letters, digits and hyphens`}},
		{"file name with a control character", map[string]string{
			"roles/a\tb.md": "---\ntitle: A\n---\n",
		}, []string{`content/roles/a\tb.md:1: file name "a\tb" cannot be a page id: it has "\t", which URLs or some file systems do not allow; use letters, digits and hyphens`}},
		{"file name Windows refuses", map[string]string{
			"roles/lead:one.md": "---\ntitle: A\n---\n",
		}, []string{`content/roles/lead:one.md:1: file name "lead:one" cannot be a page id: it has ":", which URLs or some file systems do not allow; use letters, digits and hyphens`}},
		{"file name with a space at the end", map[string]string{
			"roles/lead .md": "---\ntitle: A\n---\n",
		}, []string{`content/roles/lead .md:1: file name "lead " cannot be a page id: it is empty or starts or ends with a space; use letters, digits and hyphens`}},
		{"_index.md directly in backlogs is misplaced", map[string]string{
			"backlogs/_index.md": "---\ntitle: Backlogs\n---\n",
		}, []string{`content/backlogs/_index.md:1: _index.md belongs at content/_index.md, content/<folder>/_index.md or content/backlogs/<backlog>/_index.md`}},
		{"_index.md in a sub-folder is misplaced", map[string]string{
			"roles/_index.md":     "---\ntitle: Roles\n---\n",
			"roles/sub/_index.md": "---\ntitle: Sub\n---\n",
		}, []string{`content/roles/sub/_index.md:1: _index.md belongs at content/_index.md, content/<folder>/_index.md or content/backlogs/<backlog>/_index.md`}},
		{"items nested below their backlog are errors", map[string]string{
			"backlogs/b/deep/x.md": "---\ntitle: X\nid: B-1\n---\n",
		}, []string{`content/backlogs/b/deep/x.md:1: backlog items live directly in their backlog's folder, content/backlogs/<backlog>/`}},

		// Bytes.
		{"file over MaxFileSize is refused", map[string]string{
			"roles/big.md": "---\ntitle: Big\n---\n" + strings.Repeat("a", MaxFileSize),
		}, []string{`content/roles/big.md: file is 2097171 bytes; pages may be at most 2097152 bytes (2 MiB): split it, or move large data out of content/`}},
		{"invalid UTF-8 is refused with its line", map[string]string{
			"roles/a.md": "---\ntitle: A\n---\nfine\nbad \xff here\n",
		}, []string{`content/roles/a.md:5: file is not valid UTF-8 text`}},
		{"invalid UTF-8 in front matter is refused with its line", map[string]string{
			"roles/a.md": "---\ntitle: \xc3\n---\n",
		}, []string{`content/roles/a.md:2: file is not valid UTF-8 text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := load(t, tt.files)
			diffLines(t, lines(diags), tt.want)
		})
	}
}

func TestFileOfExactlyMaxFileSizeIsRead(t *testing.T) {
	head := "---\ntitle: Big\n---\n"
	_, diags := load(t, map[string]string{"roles/big.md": head + strings.Repeat("a", MaxFileSize-len(head))})
	if len(diags) != 0 {
		t.Errorf("got %v, want no diagnostics", lines(diags))
	}
}

func TestAliasBombIsAnErrorNotAHang(t *testing.T) {
	src := "---\ntitle: A\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := range 9 {
		name := "b" + string(rune('0'+i))
		src += name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	src += "---\n"
	_, diags := load(t, map[string]string{"roles/a.md": src})
	got := lines(diags)
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/roles/a.md:") ||
		!strings.HasSuffix(got[0], ": front matter is too large (more than 100000 values)") {
		t.Errorf("got %q, want one error: front matter is too large", got)
	}
}

func TestDeeplyNestedFrontMatterIsAnError(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"YAML", "---\ntitle: A\nparams: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n---\n", tooDeep},
		{"YAML over the parser's own limit", "---\ntitle: A\nparams: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n---\n",
			"front matter is nested too deeply (more than 10000 levels)"},
		{"JSON", "---json\n{\"title\": \"A\", \"params\": " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "}\n---\n", tooDeep},
		{"TOML", "+++\ntitle = \"A\"\nparams = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n+++\n", tooDeep},
		{"TOML a million deep", "+++\ntitle = \"A\"\nx = " + strings.Repeat("[", 1000000) + strings.Repeat("]", 1000000) + "\n+++\n", tooDeep},
		{"TOML tables", "+++\ntitle = \"A\"\nx = " + strings.Repeat("{a=", 70) + "1" + strings.Repeat("}", 70) + "\n+++\n", tooDeep},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := load(t, map[string]string{"roles/a.md": tt.src})
			got := lines(diags)
			if len(got) != 1 || !strings.HasSuffix(got[0], ": "+tt.want) {
				t.Errorf("got %q, want one error ending %q", got, tt.want)
			}
		})
	}
}

// TestTOMLDepthScan checks the bracket scan that runs before the TOML
// decoder: brackets in strings and comments do not count, and the
// position is that of the first bracket too deep.
func TestTOMLDepthScan(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
	}{
		{"shallow", "a = [[1], [2]]\n[t]\nb = {c = [1]}\n", 0, 0},
		{"in strings", "a = \"[[[[\"\nb = '[[[['\nc = \"\"\"\n[[[[\n\"\"\"\nd = '''[[[\n[['''\n", 0, 0},
		{"escaped quote", "a = \"\\\"[[[[\"\n", 0, 0},
		{"in comments", "# [[[[[\na = 1 # {{{{\n", 0, 0},
		{"too deep", "a = 1\nb = [[[[1]]]]\n", 2, 8},
		{"after a multi-line string", "s = '''\n\n'''\nb = {x={y={z={w=1}}}}\n", 4, 14},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col, found := tomlTooDeep([]byte(tt.src), 3)
			if found != (tt.line > 0) || line != tt.line || col != tt.col {
				t.Errorf("got %d:%d (found %v), want %d:%d", line, col, found, tt.line, tt.col)
			}
		})
	}
}

func TestPagesWithErrorsAreStillReturned(t *testing.T) {
	res, diags := load(t, map[string]string{
		"roles/a.md": "---\ntitle: A\nlevel: galaxy\nweight: x\n---\n",
		"roles/b.md": "---\ntitle: [\n---\n",
	})
	if !diags.HasErrors() {
		t.Fatal("got no errors, want some")
	}
	if len(res.Pages) != 1 || res.Pages[0].Title != "A" {
		t.Errorf("got %d pages, want the one that could be read (A)", len(res.Pages))
	}
}

// TestTooDeepNamesTheLimit keeps the message's number in step with
// maxNesting.
func TestTooDeepNamesTheLimit(t *testing.T) {
	if want := "at most " + strconv.Itoa(maxNesting) + " levels"; !strings.Contains(tooDeep, want) {
		t.Errorf("tooDeep = %q, want it to say %q", tooDeep, want)
	}
}
