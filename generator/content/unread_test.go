package content

import (
	"slices"
	"testing"

	"github.com/backlight-wiki/backlight/generator"
)

// TestFilesThatFailToLoadAreKeptAsUnread: a file whose front matter does
// not parse (or that cannot be read at all) is no page, but Load says what
// its path and a lenient scan tell, so that references to it can be
// recognised.
func TestFilesThatFailToLoadAreKeptAsUnread(t *testing.T) {
	res, _ := load(t, map[string]string{
		"roles/ok.md":                "---\ntitle: OK\n---\n",
		"roles/colon.md":             "---\ntitle: Scrum: the basics\n---\n",
		"roles/quoted.md":            "---\n\ntitle: \"Lead\"\nsummary: [x\n---\n",
		"roles/unclosed.md":          "---\ntitle: Open\n",
		"roles/list.md":              "---\ntitle: [a, b\n---\n",
		"backlogs/pumps/_index.md":   "---\ntitle: Pumps backlog\norder: [P-1\n---\n",
		"backlogs/pumps/p-1.md":      "---\nid: P-1\ntitle: First: of all\n---\n",
		"releases/r.md":              "+++\ntitle = \"R 1\"\nstart = \n+++\n",
		"_index.md":                  "---\ntitle: Home: x\n---\n",
		"groups/json.md":             "---json\n{\n  \"title\": \"J\",\n}\n---\n",
		"roles/no-front-matter.md":   "Just text: here\n",
		"artifacts/not-utf8.md":      "---\ntitle: Bad \xff\n---\n",
		"artifacts/title-later.md":   "---\nsummary: a: b\ntitle: Later\n---\n",
		"artifacts/title-in-body.md": "---\nsummary: a: b\n---\ntitle: Body\n",
	})
	want := []generator.Unread{
		{File: "content/artifacts/not-utf8.md", Path: "artifacts/not-utf8.md", ID: "not-utf8", Type: "artifact", URL: "/artifacts/not-utf8/"},
		{File: "content/artifacts/title-in-body.md", Path: "artifacts/title-in-body.md", ID: "title-in-body", Type: "artifact", URL: "/artifacts/title-in-body/"},
		{File: "content/artifacts/title-later.md", Path: "artifacts/title-later.md", ID: "title-later", Type: "artifact", URL: "/artifacts/title-later/", Title: "Later"},
		{File: "content/backlogs/pumps/_index.md", Path: "backlogs/pumps/_index.md", ID: "pumps", Type: "backlog", URL: "/backlogs/pumps/", Title: "Pumps backlog"},
		{File: "content/backlogs/pumps/p-1.md", Path: "backlogs/pumps/p-1.md", ID: "p-1", Type: "item", URL: "/backlogs/pumps/p-1/", Key: "P-1", Title: "First: of all"},
		{File: "content/groups/json.md", Path: "groups/json.md", ID: "json", Type: "group", URL: "/groups/json/", Title: "J"},
		{File: "content/releases/r.md", Path: "releases/r.md", ID: "r", Type: "release", URL: "/releases/r/", Title: "R 1"},
		{File: "content/roles/colon.md", Path: "roles/colon.md", ID: "colon", Type: "role", URL: "/roles/colon/", Title: "Scrum: the basics"},
		{File: "content/roles/list.md", Path: "roles/list.md", ID: "list", Type: "role", URL: "/roles/list/"},
		{File: "content/roles/quoted.md", Path: "roles/quoted.md", ID: "quoted", Type: "role", URL: "/roles/quoted/", Title: "Lead"},
		{File: "content/roles/unclosed.md", Path: "roles/unclosed.md", ID: "unclosed", Type: "role", URL: "/roles/unclosed/", Title: "Open"},
	}
	if !slices.Equal(res.Unread, want) {
		t.Errorf("got unread\n\t%v\nwant\n\t%v", res.Unread, want)
	}
}
