package content

import "testing"

// TestYAMLErrorsHaveAColumnAndAHint: yaml.v3 names a line and what its
// parser met; for the common causes the message also has the column of the
// cause and says what to do, exactly as below.
func TestYAMLErrorsHaveAColumnAndAHint(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unquoted colon in the first line's value",
			"---\ntitle: Scrum: the basics\n---\n",
			`content/roles/a.md:2:13: invalid YAML front matter: mapping values are not allowed in this context; quote the value: title: "Scrum: the basics"`},
		{"unquoted colon in a later value",
			"---\ntitle: A\nsummary: Who decides: the team\n---\n",
			`content/roles/a.md:3:21: invalid YAML front matter: mapping values are not allowed in this context; quote the value: summary: "Who decides: the team"`},
		{"unquoted colon in a nested value",
			"---\ntitle: A\nrelations:\n  part_of: Ops: on call\n---\n",
			`content/roles/a.md:4:15: invalid YAML front matter: mapping values are not allowed in this context; quote the value: part_of: "Ops: on call"`},
		{"unquoted colon in a list entry",
			"---\ntitle: A\ntags:\n  - x: y: z\n---\n",
			`content/roles/a.md:4:9: invalid YAML front matter: mapping values are not allowed in this context; quote the value: x: "y: z"`},
		{"unquoted colon at the end of a value",
			"---\ntitle: A\nsummary: Steps:\n  more\nlevel: team\n---\n",
			`content/roles/a.md:3:15: invalid YAML front matter: mapping values are not allowed in this context; quote the value: summary: "Steps:"`},
		{"a value with double quotes is quoted with single ones",
			"---\ntitle: The \"A\": team\n---\n",
			`content/roles/a.md:2:15: invalid YAML front matter: mapping values are not allowed in this context; quote the value: title: 'The "A": team'`},
		{"tab in indentation",
			"---\ntitle: A\nrelations:\n\tpart_of: x\n---\n",
			`content/roles/a.md:4:1: invalid YAML front matter: found character that cannot start any token; YAML indentation must use spaces, not tabs`},
		{"tab in indentation, as yaml.v3 reports it after a key",
			"---\ntitle: A\n\tlevel: team\n---\n",
			`content/roles/a.md:3:1: invalid YAML front matter: found a tab character that violates indentation; YAML indentation must use spaces, not tabs`},
		{"tab in indentation, as yaml.v3 reports it on the line before",
			"---\ntitle: A\nsummary: x\nlevel: team\nabbr: A\n\tdraft: true\n---\n",
			`content/roles/a.md:6:1: invalid YAML front matter: found a tab character that violates indentation; YAML indentation must use spaces, not tabs`},
		{"tab after spaces in indentation",
			"---\ntitle: A\n  \tlevel: team\n---\n",
			`content/roles/a.md:3:3: invalid YAML front matter: mapping values are not allowed in this context; YAML indentation must use spaces, not tabs`},
		{"unclosed bracket",
			"---\ntitle: A\ntags: [a, b\nsummary: x\n---\n",
			`content/roles/a.md:3:7: invalid YAML front matter: did not find expected ',' or ']'; the "[" here is never closed: end the list with "]", or quote the value if the bracket is text`},
		{"unclosed bracket at the end",
			"---\ntitle: A\ntags: [a, [b], c\n---\n",
			`content/roles/a.md:3:7: invalid YAML front matter: did not find expected ',' or ']'; the "[" here is never closed: end the list with "]", or quote the value if the bracket is text`},
		{"unclosed brace",
			"---\ntitle: A\nparams: {a: b\nsummary: x\n---\n",
			`content/roles/a.md:3:9: invalid YAML front matter: did not find expected ',' or '}'; the "{" here is never closed: end the map with "}", or quote the value if the brace is text`},
		{"unclosed double quote on the first line",
			"---\ntitle: \"A\nsummary: x\n---\n",
			`content/roles/a.md:2:8: invalid YAML front matter: found unexpected end of stream; the quote " here is never closed: end the value with "`},
		{"unclosed single quote on a later line",
			"---\ntitle: A\nsummary: 'x\nlevel: team\n---\n",
			`content/roles/a.md:3:10: invalid YAML front matter: found unexpected end of stream; the quote ' here is never closed: end the value with '`},
		{"a line without a colon",
			"---\ntitle A\nlevel: team\n---\n",
			`content/roles/a.md:2:1: invalid YAML front matter: mapping values are not allowed in this context; this line has no ":" (front matter lines are key: value), so line 3 reads as going on with it`},
		{"a key indented under a value",
			"---\ntitle: A\n  level: team\n---\n",
			`content/roles/a.md:3:3: invalid YAML front matter: mapping values are not allowed in this context; this line is indented more than the one above, as if it went on with that value: indent keys of one map alike`},
		{"a value starting with @",
			"---\ntitle: @home\n---\n",
			`content/roles/a.md:2:8: invalid YAML front matter: found character that cannot start any token; a value starting with "@" must be quoted`},
		{"no hint for a cause not recognised",
			"---\ntitle: A\nlevel: team\n- b\n---\n",
			`content/roles/a.md:4: invalid YAML front matter: did not find expected key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := load(t, map[string]string{"roles/a.md": tt.src})
			diffLines(t, lines(diags), []string{tt.want})
		})
	}
}
