package changes

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/history"
	"github.com/backlight-wiki/backlight/generator/internal/gitrepo"
	"github.com/backlight-wiki/backlight/generator/internal/golden"
	"github.com/backlight-wiki/backlight/internal/corpus"
)

// item is the text of an item file.
func item(key, status string, extra ...string) string {
	return fmt.Sprintf("---\nid: %s\ntitle: Item %s\nkind: feature\nstatus: %s\nvalue: 5\n%s---\nAbout %s.\n", key, key, status, strings.Join(extra, ""), key)
}

func backlogIndex(title string, order ...string) string {
	return fmt.Sprintf("---\ntitle: %s\nlevel: team\norder: [%s]\n---\n", title, strings.Join(order, ", "))
}

// fixture makes the repository most tests read: one backlog's life over
// five weeks, a role whose relations change, and an edit not yet
// committed.
func fixture(t *testing.T) *gitrepo.Repo {
	r := gitrepo.New(t)
	r.Write("site.toml", "title = 'x'\n")
	r.Write("content/groups/circle.md", "---\ntitle: Circle\n---\n")
	r.Write("content/groups/po-group.md", "---\ntitle: PO Group\n---\n")
	r.Write("content/roles/cpo.md", "---\ntitle: Cluster Product Owner\nrelations:\n  part_of: [Circle]\n---\nOwns the backlog.\n")
	r.Write("content/releases/r1.md", "---\ntitle: R1\nsystem: pump\nversion: '1.0'\nstart: 2026-01-01\nend: 2026-03-01\n---\n")
	r.Write("content/backlogs/pumps/_index.md", backlogIndex("Pumps", "P-1", "P-2", "P-3"))
	r.Write("content/backlogs/pumps/p-1.md", item("P-1", "idea", "estimate: 3\n"))
	r.Write("content/backlogs/pumps/p-2.md", item("P-2", "refining"))
	r.Write("content/backlogs/pumps/p-3.md", item("P-3", "idea"))
	r.Write("content/backlogs/other/_index.md", backlogIndex("Other"))
	r.Commit("2026-01-05T10:00:00+01:00", "Start the pumps backlog")

	r.Write("content/backlogs/pumps/p-1.md", item("P-1", "ready", "estimate: 5\n"))
	r.Commit("2026-01-12T10:00:00+01:00", "P-1 is ready")

	r.Write("content/backlogs/pumps/p-1.md", item("P-1", "in-progress", "estimate: 5\n"))
	r.Write("content/backlogs/pumps/_index.md", backlogIndex("Pumps", "P-3", "P-1", "P-2"))
	r.Commit("2026-01-19T10:00:00+01:00", "Start P-1, P-3 first")

	r.Write("content/backlogs/pumps/p-1.md", item("P-1", "done", "estimate: 5\n"))
	r.Write("content/backlogs/pumps/p-2.md", item("P-2", "refining", "release: R1\n"))
	r.Write("content/roles/cpo.md", "---\ntitle: Cluster Product Owner\nrelations:\n  part_of: [Circle]\n  moderates: [PO Group]\n---\nOwns the cluster backlog.\n")
	r.Commit("2026-01-26T23:30:00-05:00", "P-1 done; P-2 for R1; the CPO moderates")

	r.Git("", "rm", "-q", "content/backlogs/pumps/p-2.md")
	r.Write("content/backlogs/pumps/_index.md", backlogIndex("Pumps", "P-3", "P-1"))
	r.Git("", "mv", "content/backlogs/pumps/p-3.md", "content/backlogs/other/p-3.md")
	r.Commit("2026-02-02T10:00:00+01:00", "Drop P-2, P-3 to the other backlog")

	r.Write("content/backlogs/other/p-3.md", item("P-3", "refining"))
	return r
}

var opts = Options{
	Folder:  "content",
	Content: content.Options{Prefix: "content", Levels: []string{"team", "cluster"}},
	Done:    []string{"done", "released"},
	Dropped: []string{"dropped"},
	Active:  []string{"in-progress"},
	Loc:     time.UTC,
	Now:     time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC),
}

// derive reads the repository at dir as a build would.
func derive(t *testing.T, dir string, o Options) *Result {
	t.Helper()
	h, err := history.Read(context.Background(), dir, o.Loc)
	if err != nil {
		t.Fatal(err)
	}
	blobs, err := history.Blobs(context.Background(), dir, Wanted(h, o.Folder))
	if err != nil {
		t.Fatal(err)
	}
	loaded, diags := content.Load(os.DirFS(filepath.Join(dir, "content")), o.Content)
	if diags.HasErrors() {
		t.Fatalf("the fixture's content: %v", diags)
	}
	return Derive(h, blobs, Snapshot(loaded.Pages, o))
}

func TestChangesOfAFixtureRepository(t *testing.T) {
	res := derive(t, fixture(t).Dir, opts)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, c := range res.Changes {
		c.Commit = shortID(c.Commit) // ids depend on git's version of the commit object; dates do not
		if err := enc.Encode(c); err != nil {
			t.Fatal(err)
		}
	}
	golden.File(t, "testdata/fixture.changes.jsonl", []byte(b.String()))

	kinds := map[string]int{}
	for _, c := range res.Changes {
		kinds[c.Kind]++
	}
	// P-3 moved to the top passes P-1 and P-2, which are not said to move.
	var ranks []string
	for _, c := range res.Changes {
		if c.Kind == RankChanged {
			ranks = append(ranks, fmt.Sprintf("%s %s %v→%v %s", c.Date, c.Key, c.From, c.To, c.FromBacklog))
		}
	}
	want := []string{"2026-01-19 P-3 3→1 ", "2026-02-02 P-3 1→1 pumps"}
	if !slices.Equal(ranks, want) {
		t.Errorf("rank changes %q, want %q", ranks, want)
	}
	if kinds[Removed] != 1 || kinds[RelationAdded] != 1 || kinds[ReleaseChanged] != 1 || kinds[Edited] != 1 {
		t.Errorf("kinds %v", kinds)
	}
}

func shortID(id string) string {
	if id == "" {
		return ""
	}
	return "commit"
}

func TestItemTimelines(t *testing.T) {
	res := derive(t, fixture(t).Dir, opts)
	p1 := res.Items["backlogs/pumps/p-1.md"]
	if p1 == nil {
		t.Fatal("no timeline for P-1")
	}
	want := []Status{{"2026-01-05", "idea", false}, {"2026-01-12", "ready", false}, {"2026-01-19", "in-progress", false}, {"2026-01-27", "done", false}}
	if !slices.Equal(p1.History, want) {
		t.Errorf("P-1's timeline %+v, want %+v (the last commit's day in UTC is the 27th)", p1.History, want)
	}
	if p1.Created != "2026-01-05" || p1.Started != "2026-01-19" || p1.DoneOn != "2026-01-27" || p1.LeadDays != 22 || p1.CycleDays != 8 {
		t.Errorf("P-1: %+v", p1)
	}
	p3 := res.Items["backlogs/other/p-3.md"]
	wantP3 := []Status{{"2026-01-05", "idea", false}, {"2026-02-10", "refining", true}}
	if p3 == nil || !slices.Equal(p3.History, wantP3) || p3.DoneOn != "" || p3.LeadDays != -1 || p3.CycleDays != -1 {
		t.Errorf("P-3, moved and edited in the work tree: %+v", p3)
	}
	cpo := res.Pages["roles/cpo.md"]
	if cpo == nil || cpo.Created != "2026-01-05" || cpo.Updated != "2026-01-27" || cpo.Revisions != 2 || cpo.Uncommitted {
		t.Errorf("the CPO's page: %+v", cpo)
	}
	if idx := res.Pages["backlogs/pumps/_index.md"]; idx == nil || idx.Revisions != 3 {
		t.Errorf("the backlog's page: %+v", idx)
	}
	if p3 := res.Pages["backlogs/other/p-3.md"]; p3 == nil || !p3.Uncommitted || p3.Updated != "2026-02-10" || p3.Revisions != 2 {
		t.Errorf("P-3's page: %+v", p3)
	}
}

func TestDaysAreCountedInTheSitesTimeZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	o := opts
	o.Loc = ny
	res := derive(t, fixture(t).Dir, o)
	if got := res.Items["backlogs/pumps/p-1.md"].DoneOn; got != "2026-01-26" {
		t.Errorf("in New York P-1 was done on %s, want 2026-01-26", got)
	}
}

func TestAVersionThatDoesNotParseKeepsTheState(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("content/backlogs/b/_index.md", backlogIndex("B", "B-1"))
	r.Write("content/backlogs/b/b-1.md", item("B-1", "idea"))
	r.Commit("2026-03-01T10:00:00Z", "start")
	r.Write("content/backlogs/b/b-1.md", "---\nid: B-1\nstatus: [unclosed\n---\n")
	r.Commit("2026-03-02T10:00:00Z", "break it")
	r.Write("content/backlogs/b/b-1.md", item("B-1", "ready"))
	r.Commit("2026-03-03T10:00:00Z", "mend it")
	res := derive(t, r.Dir, opts)
	want := []Status{{"2026-03-01", "idea", false}, {"2026-03-03", "ready", false}}
	if got := res.Items["backlogs/b/b-1.md"].History; !slices.Equal(got, want) {
		t.Errorf("timeline %+v, want %+v", got, want)
	}
	for _, c := range res.Changes {
		if c.Kind == Removed || (c.Kind == Added && c.Date != "2026-03-01") {
			t.Errorf("a broken version read as a removal and a return: %+v", c)
		}
	}
}

func TestLongestIncreasing(t *testing.T) {
	for _, tc := range []struct {
		old  []int // old ranks, in new order
		stay int
	}{
		{[]int{1, 2, 3, 4}, 4},
		{[]int{4, 1, 2, 3}, 3},
		{[]int{2, 3, 4, 1}, 3},
		{[]int{4, 3, 2, 1}, 1},
		{[]int{}, 0},
		{[]int{3, 1, 4, 2, 5}, 3},
	} {
		stay := longestIncreasing(tc.old)
		if len(stay) != tc.stay {
			t.Errorf("%v: %d stay, want %d", tc.old, len(stay), tc.stay)
		}
		slices.Sort(stay)
		last := 0
		for _, i := range stay {
			if tc.old[i] <= last {
				t.Errorf("%v: the items that stay are not in their old order", tc.old)
			}
			last = tc.old[i]
		}
	}
}

func TestUncommittedReRanksCountFromTheLastCommit(t *testing.T) {
	r := gitrepo.New(t)
	r.Write("content/backlogs/b/_index.md", backlogIndex("B", "B-1", "B-2", "B-3"))
	for _, k := range []string{"B-1", "B-2", "B-3"} {
		r.Write("content/backlogs/b/"+strings.ToLower(k)+".md", item(k, "idea"))
	}
	r.Commit("2026-03-01T10:00:00Z", "start")
	r.Write("content/backlogs/b/_index.md", backlogIndex("B", "B-3", "B-1", "B-2"))
	res := derive(t, r.Dir, opts)
	var ranks []string
	for _, c := range res.Changes {
		if c.Kind == RankChanged {
			ranks = append(ranks, fmt.Sprintf("%s %v→%v %q", c.Key, c.From, c.To, c.Commit))
		}
	}
	if want := []string{`B-3 3→1 ""`}; !slices.Equal(ranks, want) {
		t.Errorf("rank changes %q, want %q", ranks, want)
	}
}

func TestAReplayKeptAndReadAgainGivesTheSameResult(t *testing.T) {
	r := fixture(t)
	h, err := history.Read(context.Background(), r.Dir, opts.Loc)
	if err != nil {
		t.Fatal(err)
	}
	blobs, err := history.Blobs(context.Background(), r.Dir, Wanted(h, opts.Folder))
	if err != nil {
		t.Fatal(err)
	}
	loaded, _ := content.Load(os.DirFS(filepath.Join(r.Dir, "content")), opts.Content)
	want := Derive(h, blobs, Snapshot(loaded.Pages, opts))

	replayed := Replay(h, blobs, Snapshot(loaded.Pages, opts))
	var buf bytes.Buffer
	key := opts.Fingerprint("test")
	if err := replayed.Encode(&buf, key); err != nil {
		t.Fatal(err)
	}
	kept := buf.Bytes()
	again, err := DecodeReplayed(bytes.NewReader(kept), key, h.Head)
	if err != nil || again == nil {
		t.Fatalf("decode: %v, %v", again, err)
	}
	got := Snapshot(loaded.Pages, opts).Finish(again, h.Dirty)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("from the kept replay:\n%+v\nwant\n%+v", got, want)
	}
	if r, err := DecodeReplayed(bytes.NewReader(kept), opts.Fingerprint("other version"), h.Head); r != nil || err != nil {
		t.Errorf("a replay kept by another version was used: %v, %v", r, err)
	}
	if r, err := DecodeReplayed(bytes.NewReader(kept), key, "another head"); r != nil || err != nil {
		t.Errorf("a replay of another commit was used: %v, %v", r, err)
	}
	if _, err := DecodeReplayed(strings.NewReader("not a replay"), key, h.Head); err == nil {
		t.Error("garbage decoded")
	}
}

// TestPatchedVersionsReadAsParsedOnes replays a generated history of
// status, estimate, order and text changes both ways: each version
// patched from the one before must give the state a parse gives.
func TestPatchedVersionsReadAsParsedOnes(t *testing.T) {
	dir, h, o, pages := generated(t, 7, 400)
	files := slices.Concat(slices.Collect(maps.Values(h.Files)), h.Gone)
	var every []string // every version, even those Wanted leaves to the pages as they are now
	for _, f := range files {
		every = append(every, f.Blobs...)
	}
	slices.Sort(every)
	blobs, err := history.Blobs(context.Background(), dir, slices.Compact(every))
	if err != nil {
		t.Fatal(err)
	}
	// Patched: the last versions seeded from the pages now, and the
	// files read back from there; parsed: every version parsed.
	now := Snapshot(pages, o)
	now.seed(h, files)
	patched := now.d
	patched.parseAll(files, blobs)
	parsed := Snapshot(pages, o).d
	parsed.noPatch = true
	parsed.parseAll(files, blobs)
	if len(patched.parsed) != len(parsed.parsed) || len(parsed.parsed) < 300 || patched.patched.Load() < 200 {
		t.Fatalf("%d versions read patching (%d of them patched) and %d parsing", len(patched.parsed), patched.patched.Load(), len(parsed.parsed))
	}
	for k, want := range parsed.parsed {
		if got := patched.parsed[k]; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: patched %+v, parsed %+v", k, got, want)
		}
	}
}

// generated writes the benchmark corpus at its least, with a generated
// history of n commits, and reads it as a build would: the history, the
// options for its content, and its pages now.
func generated(t *testing.T, seed uint64, n int) (string, *history.History, Options, []*generator.Page) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git on this machine")
	}
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	if err := corpus.WriteHistory(dir, corpus.HistoryOptions{Commits: n, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	o := opts
	o.Content = content.Options{Prefix: "content", Levels: []string{"team", "cluster", "portfolio", "organisation"}}
	h, err := history.Read(context.Background(), dir, o.Loc)
	if err != nil {
		t.Fatal(err)
	}
	loaded, diags := content.Load(os.DirFS(filepath.Join(dir, "content")), o.Content)
	if diags.HasErrors() {
		t.Fatalf("the corpus: %v", diags)
	}
	return dir, h, o, loaded.Pages
}

// TestPrefetchPicksWhatReplayReads: the blobs the prefetch picks from the
// log as git writes it are those Wanted lists after it, or hardly more,
// in a history with renames, a deletion, a merge and uncommitted changes,
// and in a generated one.
func TestPrefetchPicksWhatReplayReads(t *testing.T) {
	generatedDir, _, _, _ := generated(t, 5, 500)
	for name, dir := range map[string]string{"fixture": fixture(t).Dir, "generated": generatedDir} {
		h, err := history.State(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		pick := NewPrefetch(opts.Folder, h.Dirty)
		asked := map[string]bool{}
		if err := h.Log(context.Background(), dir, time.UTC, func(e history.Entry) {
			pick.Seen(e, func(id string) { asked[id] = true })
		}); err != nil {
			t.Fatal(err)
		}
		wanted := Wanted(h, opts.Folder)
		for _, id := range wanted {
			if !asked[id] {
				t.Errorf("%s: blob %s is wanted and was not picked", name, id)
			}
		}
		if len(wanted) < 10 || len(asked) > len(wanted)+len(wanted)/50 {
			t.Errorf("%s: %d blobs picked, %d wanted", name, len(asked), len(wanted))
		}
	}
}

// TestKeptRankersRankAsNewOnes replays a generated history of status,
// estimate, order and text changes twice: with each backlog's ranker kept
// from one commit to the next, and revalued for a changed estimate, and
// with a new ranker at every commit. The changes must be the same.
func TestKeptRankersRankAsNewOnes(t *testing.T) {
	dir, h, o, pages := generated(t, 3, 600)
	blobs, err := history.Blobs(context.Background(), dir, Wanted(h, o.Folder))
	if err != nil {
		t.Fatal(err)
	}
	kept := Replay(h, blobs, Snapshot(pages, o))
	fresh := Snapshot(pages, o)
	fresh.d.freshRankers = true
	anew := Replay(h, blobs, fresh)
	kinds := map[string]int{}
	for _, c := range kept.changes {
		kinds[c.Kind]++
	}
	if kinds[RankChanged] < 50 || kinds[EstimateChanged] < 20 {
		t.Fatalf("the history has too few rank and estimate changes to test: %v", kinds)
	}
	if !reflect.DeepEqual(kept.changes, anew.changes) {
		for i := range min(len(kept.changes), len(anew.changes)) {
			if !reflect.DeepEqual(kept.changes[i], anew.changes[i]) {
				t.Fatalf("change %d: kept rankers %+v, new ones %+v", i, kept.changes[i], anew.changes[i])
			}
		}
		t.Fatalf("%d changes with kept rankers, %d with new ones", len(kept.changes), len(anew.changes))
	}
}

func TestPatchRefusesWhatItCannotReadForSure(t *testing.T) {
	d := Snapshot(nil, opts).d
	item := &state{typ: generator.TypeItem, status: "idea"}
	base := "---\nid: A-1\nstatus: idea\nestimate: 3\n---\nText.\n"
	for _, tc := range []struct {
		name, src string
		ok        bool
	}{
		{"status", "---\nid: A-1\nstatus: ready\nestimate: 3\n---\nText.\n", true},
		{"estimate", "---\nid: A-1\nstatus: idea\nestimate: 5.5\n---\nText.\n", true},
		{"two lines", "---\nid: A-1\nstatus: ready\nestimate: 5\n---\nText.\n", false},
		{"a comment", "---\nid: A-1\nstatus: ready # soon\nestimate: 3\n---\nText.\n", false},
		{"quoted", "---\nid: A-1\nstatus: \"ready\"\nestimate: 3\n---\nText.\n", false},
		{"another key", "---\nid: A-2\nstatus: idea\nestimate: 3\n---\nText.\n", false},
		{"the body", "---\nid: A-1\nstatus: idea\nestimate: 3\n---\nstatus: ready\n", true},
		{"the body, not UTF-8", "---\nid: A-1\nstatus: idea\nestimate: 3\n---\nText\xff.\n", false},
		{"the closing line", "---\nid: A-1\nstatus: idea\nestimate: 3\n---  \nText.\n", false},
		{"an octal-looking number", "---\nid: A-1\nstatus: idea\nestimate: 07\n---\nText.\n", false},
		{"a line added", "---\nid: A-1\nstatus: idea\nestimate: 3\nvalue: 2\n---\nText.\n", false},
	} {
		_, ok := d.patch([]byte(base), []byte(tc.src), item)
		if ok != tc.ok {
			t.Errorf("%s: patched %v, want %v", tc.name, ok, tc.ok)
		}
	}
	body, _ := d.patch([]byte(base), []byte("---\nid: A-1\nstatus: idea\nestimate: 3\n---\nOther text.\n"), item)
	if body == nil || body.status != "idea" || body.body != bodyHash([]byte("Other text.\n")) {
		t.Errorf("a body patched to %+v", body)
	}
	if _, ok := orderNames("[CBI-1, true]", nil); ok {
		t.Error("an order naming true was patched")
	}
	if names, ok := orderNames("[CBI-1, Remote log ]", nil); !ok || !slices.Equal(names, []string{"cbi-1", "remote log"}) {
		t.Errorf("order names %q, %v", names, ok)
	}
}

// orderNamesRE is orderNames as regular expressions say it, to test the
// hand-written one against.
func orderNamesRE(v string) ([]string, bool) {
	m := regexp.MustCompile(`^\[([^\[\]{}#"'&*!|>%@` + "`" + `]*)\]$`).FindStringSubmatch(v)
	if m == nil {
		return nil, false
	}
	if strings.TrimSpace(m[1]) == "" {
		return nil, true
	}
	var names []string
	for part := range strings.SplitSeq(m[1], ",") {
		name := strings.TrimSpace(part)
		if !regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._ -]*$`).MatchString(name) {
			return nil, false
		}
		switch strings.ToLower(name) {
		case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
			return nil, false
		}
		names = append(names, strings.ToLower(name))
	}
	return names, true
}

func FuzzOrderNames(f *testing.F) {
	for _, s := range []string{"[]", "[ ]", "[CBI-1, Remote log ]", "[a,,b]", "[A-1, true]", "[a, 'b']", "[a]x", "[\u00a0a]", "[a\xff]", "[1a]", "[a_b.c d-e]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		want, wantOK := orderNamesRE(v)
		// Read alone, and beside the names of an order much like it.
		for _, like := range [][]string{nil, want, {"cbi-1", "a", "Remote log", "b"}} {
			got, ok := orderNames(v, like)
			if ok != wantOK || !slices.Equal(got, want) {
				t.Fatalf("orderNames(%q, %q) = %q, %v; the regular expressions say %q, %v", v, like, got, ok, want, wantOK)
			}
		}
	})
}

// FuzzPatchAgreesWithParse: whenever a version is patched from the one
// before, the state is the one a parse of it gives.
func FuzzPatchAgreesWithParse(f *testing.F) {
	f.Add("---\nid: A-1\ntitle: One\nstatus: idea\nestimate: 3\n---\nText.\n", "status: ready")
	f.Add("---\nid: A-1\ntitle: One\nstatus: idea\nvalue: 2\n---\nText.\n", "value: 2.5")
	f.Add("---\ntitle: B\nlevel: team\norder: [A-1, A-2]\n---\n", "order: [A-2, A-1]")
	f.Add("---\nid: A-1\ntitle: One\nstatus: idea\n---\nvalue: 1\n", "value: 2")
	f.Add("---\nid: A-1\ntitle: One\nstatus: idea\n---\r\nvalue: 1\r\n", "value: 2")
	f.Fuzz(func(t *testing.T, old, line string) {
		d := Snapshot(nil, opts).d
		parse := func(path, src string) *state {
			page, intro, _ := content.Parse(path, []byte(src), d.opts.Content)
			if page == nil || intro {
				return nil
			}
			return d.stateOf(page)
		}
		// The new version: old with the line of the same key replaced.
		key, _, _ := strings.Cut(line, ":")
		var lines []string
		for l := range strings.SplitSeq(old, "\n") {
			if strings.HasPrefix(l, key+":") {
				l = line
			}
			lines = append(lines, l)
		}
		src := strings.Join(lines, "\n")
		for _, path := range []string{"backlogs/b/a-1.md", "backlogs/b/_index.md"} {
			prev := parse(path, old)
			if prev == nil {
				continue
			}
			got, ok := d.patch([]byte(old), []byte(src), prev)
			if !ok {
				continue
			}
			if want := parse(path, src); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s patched to %q:\n%+v\nparsed:\n%+v", path, line, got, want)
			}
		}
	})
}
