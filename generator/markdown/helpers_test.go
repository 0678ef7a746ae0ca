package markdown

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// fakeResolver resolves names (without case) and content paths from maps,
// and records what it was asked.
type fakeResolver struct {
	names map[string]Target
	paths map[string]Target
	asked []string
}

func (f *fakeResolver) Resolve(ref string, path bool) (Target, error) {
	if path {
		f.asked = append(f.asked, "path:"+ref)
		if t, ok := f.paths[ref]; ok {
			return t, nil
		}
		return Target{}, errors.New("no file content/" + ref)
	}
	f.asked = append(f.asked, ref)
	if t, ok := f.names[strings.ToLower(ref)]; ok {
		return t, nil
	}
	return Target{}, errors.New(`no page has the id, key, alias or title "` + ref + `"`)
}

var (
	cpo     = Target{ID: "cpo", URL: "/roles/cpo/", Title: "Cluster Product Owner"}
	backlog = Target{ID: "cluster-backlog", URL: "/artifacts/cluster-backlog/", Title: "Cluster Backlog"}
)

func newResolver() *fakeResolver {
	return &fakeResolver{
		names: map[string]Target{"cpo": cpo, "cluster product owner": cpo, "cbi-214": {ID: "cbi-214", URL: "/backlogs/b/cbi-214/", Title: "Remote <log> upload"}},
		paths: map[string]Target{"roles/cpo.md": cpo, "artifacts/cluster-backlog.md": backlog},
	}
}

// render renders body as content/roles/a.md, whose body starts on line 5.
func render(t *testing.T, body string, opts Options) Result {
	t.Helper()
	return New(opts).Render(Source{Body: []byte(body), File: "content/roles/a.md", Path: "roles/a.md", BodyLine: 5}, newResolver())
}

func diagLines(r Result) []string {
	var out []string
	for _, d := range slices.Clone(r.Diags).Sort() {
		out = append(out, d.Error())
	}
	return out
}

func checkDiags(t *testing.T, r Result, want []string) {
	t.Helper()
	if got := diagLines(r); !slices.Equal(got, want) {
		t.Errorf("got diagnostics:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
