// Package changes derives, from what git knows of a site's files (package
// history), when each page was created and last updated, each backlog
// item's status timeline with its lead and cycle time, and the list of
// changes: pages and items added and removed, status, rank, estimate,
// value, release and relation changes, and edited pages (docs/history.md).
//
// It starts no process: the caller reads the history and the contents of
// the files at each commit, and gives them to Derive. Every version of a
// file is read with the content package's own reader, so a page at an
// earlier commit means what it would mean today; a version that does not
// parse is passed over, as if the file had kept its previous state.
package changes

import (
	"bytes"
	"cmp"
	"hash/fnv"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/content"
	"github.com/backlight-wiki/backlight/generator/history"
	"github.com/backlight-wiki/backlight/generator/workers"
)

// The kinds of change, in the order a commit's changes are listed.
const (
	Added           = "added"
	Removed         = "removed"
	StatusChanged   = "status"
	RankChanged     = "rank"
	EstimateChanged = "estimate"
	ValueChanged    = "value"
	ReleaseChanged  = "release"
	RelationAdded   = "relation-added"
	RelationRemoved = "relation-removed"
	Edited          = "edited"
)

// Kinds are the kinds of change in the order a day's changes are listed.
var kindOrder = [...]string{Added, Removed, StatusChanged, RankChanged, EstimateChanged, ValueChanged, ReleaseChanged, RelationAdded, RelationRemoved, Edited}

// KindIndex is the place of kind k among the kinds, for sorting.
func KindIndex(k string) int { return slices.Index(kindOrder[:], k) }

// Options are the site's rules that give the files' versions a meaning.
type Options struct {
	Folder  string          // the content folder's path in the folder history read, "content"
	Content content.Options // how the content folder's files are read
	Done    []string        // statuses that count as done ([backlog].done)
	Dropped []string        // statuses of items given up ([backlog].dropped)
	Active  []string        // statuses in which work has started ([backlog].active)
	Loc     *time.Location  // the time zone calendar days are counted in
	Now     time.Time       // the build's time: the date of uncommitted changes
}

// Page is what the history says of one page's file.
type Page struct {
	Created     string // YYYY-MM-DD of the first commit that touched the file
	Updated     string // of the last one, or the build's day when the work tree changed it since
	Revisions   int    // commits that touched the file
	Uncommitted bool   // the work tree has changes the last commit has not
	Author      string // the author of the last commit that touched it
	Subject     string // its subject
}

// Status is one entry of an item's status timeline: the status it had
// from Date on.
type Status struct {
	Date        string `json:"date"`
	Status      string `json:"status"`
	Uncommitted bool   `json:"uncommitted,omitempty"`
}

// Item is an item's status timeline and the dates derived from it.
type Item struct {
	History   []Status
	Created   string // the day its file was first committed
	Started   string // the first day it was in an active status; "" if never
	DoneOn    string // the first day of its final run of done statuses; "" while not done
	LeadDays  int    // days from Created to DoneOn; -1 when not done
	CycleDays int    // days from Started to DoneOn; -1 when not done or never started
}

// Change is one change to one page or item.
type Change struct {
	Date     string `json:"date"`
	Commit   string `json:"commit"` // "" for a change not yet committed
	Kind     string `json:"kind"`
	ID       string `json:"id"`
	From     any    `json:"from"`
	To       any    `json:"to"`
	Type     string `json:"type"`
	Title    string `json:"title"`
	Key      string `json:"key,omitempty"`      // an item's key
	Backlog  string `json:"backlog,omitempty"`  // an item's backlog, after the change
	Relation string `json:"relation,omitempty"` // for relation-added and relation-removed
	// FromBacklog is the backlog a rank change moved the item out of,
	// when it moved to another; From is then its rank there.
	FromBacklog string `json:"from_backlog,omitempty"`
	Subject     string `json:"subject,omitempty"` // the commit's subject
	Author      string `json:"author,omitempty"`  // the commit's author: only when the site publishes authors
}

// Result is what Derive found.
type Result struct {
	Pages   map[string]*Page // by the page's path in the content folder
	Items   map[string]*Item // by the item's path in the content folder
	Changes []Change         // oldest first; a commit's changes in kind order
}

// state is what one version of one page's file says that changes report.
type state struct {
	id, typ, title string
	key, backlog   string // items
	status         string
	estimate       *float64
	value          *float64
	release        string   // the release's id, as references resolve today
	relations      []string // "name target-id", sorted
	order          []string // a backlog's order, as written, in lower case
	lkey, ltitle   string   // key and title in lower case, as ranking compares them
	body           uint64   // a hash of the Markdown body
	done, dropped  bool
}

// life is one file's history as versions of a page.
type life struct {
	ord     int    // its place in path order, which ties are broken by
	path    string // the file's path now, or when it was deleted
	deleted bool
	id      string          // the id of its page now; "" when it has none
	now     *generator.Page // its page now, once Finish knows the work tree's pages
	head    *state          // its state after the commits replayed so far; nil: no page
	// What the commits say: its first and last day, how many commits
	// touched it, the last one's author and subject, an item's statuses.
	created, updated, author, subject string
	revisions                         int
	timeline                          []Status
	// Replay's and Finish's, for reRank: its place in its backlog's
	// ranker; its rank before the commit ranked (in wasIn, when wasGen
	// is that commit's); whether it kept its place among the others.
	slot, was, wasGen, stayGen int
	wasIn                      string
	// Replay's only: the file's commits and its state after each.
	file   *history.File
	states []*state // after each of file.Commits; nil where it is no page, or did not parse
}

type deriver struct {
	opts    Options
	names   map[string]string // reference names of today's pages, lower-case, to ids
	done    map[string]bool
	dropped map[string]bool
	parsed  map[string]*state // by path and blob
	out     []Change
	// backlogs' state as the commits are replayed
	members      map[string]map[*life]*state // by backlog id
	orders       map[string][]string
	ranks        map[string][]*life
	moved        map[*life]string // items moved to another backlog by the commit, with the backlog they left
	rankers      map[string]*ranker
	gen          int          // reRank's count of the commits it ranked, which marks the lives' was and stayGen
	noPatch      bool         // parse every version (tests compare the two ways)
	freshRankers bool         // rank each backlog anew at each commit (tests compare the two ways)
	patched      atomic.Int64 // versions patched rather than parsed
}

// ranker ranks a backlog's items as they are, by any version of its order.
type ranker struct {
	lives []*life // the items, in path order
	r     *backlog.Ranker
}

// Current is the site's pages as the work tree has them, read before a
// build lets go of their Markdown (Snapshot), to compare with the last
// commit's.
type Current struct {
	d      *deriver
	pages  []*generator.Page
	states map[*generator.Page]*state
}

// Snapshot takes what Derive compares of pages, as the work tree has
// them, under the site's rules opts.
func Snapshot(pages []*generator.Page, opts Options) *Current {
	d := &deriver{
		opts: opts, names: map[string]string{}, parsed: map[string]*state{},
		done: set(opts.Done), dropped: set(opts.Dropped),
		members: map[string]map[*life]*state{}, orders: map[string][]string{}, ranks: map[string][]*life{}, moved: map[*life]string{},
		rankers: map[string]*ranker{},
	}
	if d.opts.Loc == nil {
		d.opts.Loc = time.UTC
	}
	for _, p := range pages {
		for _, n := range append([]string{p.Title, p.ID}, itemKey(p)) {
			if n != "" {
				d.names[strings.ToLower(n)] = p.ID
			}
		}
		for _, a := range p.Aliases {
			d.names[strings.ToLower(a.Name)] = p.ID
		}
	}
	c := &Current{d: d, pages: pages, states: make(map[*generator.Page]*state, len(pages))}
	for _, p := range pages {
		c.states[p] = d.stateOf(p)
	}
	return c
}

// Derive derives the pages' dates, the items' timelines and the change
// list from h, whose files' versions blobs holds (by blob id; Wanted says
// which), and the pages as the work tree has them now. It may be called
// once for a Current.
func Derive(h *history.History, blobs map[string][]byte, now *Current) *Result {
	return now.Finish(Replay(h, blobs, now), h.Dirty)
}

// Replayed is the history replayed up to its last commit: the committed
// changes and what each file's life ended with. It depends only on the
// commits and the site's rules, so a build at the same commit may keep it
// (Encode, Decode) instead of reading the history again.
type Replayed struct {
	Head    string
	changes []Change
	lives   []*life             // every file's life, in path order
	ranks   map[string][]*life  // each backlog's items in rank order after the last commit
	orders  map[string][]string // each backlog's order after the last commit
}

// Replay replays the commits of h, oldest first, with the versions of
// the files blobs holds, into what Finish completes with the work tree.
func Replay(h *history.History, blobs map[string][]byte, now *Current) *Replayed {
	d := now.d
	byPath := map[string]*generator.Page{}
	for _, p := range now.pages {
		byPath[p.Path] = p
	}
	index := make(map[*history.Commit]int, len(h.Commits))
	for i, c := range h.Commits {
		index[c] = i
	}
	var lives []*life
	all := slices.Concat(slices.Collect(maps.Values(h.Files)), h.Gone)
	now.seed(h, all)
	d.parseAll(all, blobs)
	for _, f := range all {
		l := &life{file: f, path: f.Path, deleted: f.Deleted, states: make([]*state, len(f.Commits))}
		var cur *generator.Page
		if p, ok := d.contentPath(f.Path); ok && !f.Deleted {
			cur = byPath[p]
			if cur != nil {
				l.id = cur.ID
			}
		}
		some := false
		for i := range f.Commits {
			l.states[i] = d.state(f.Paths[i], f.Blobs[i])
			some = some || l.states[i] != nil
		}
		if some || cur != nil {
			lives = append(lives, l)
		}
	}
	slices.SortFunc(lives, func(a, b *life) int { return strings.Compare(a.path, b.path) })
	for i, l := range lives {
		l.ord = i
	}

	// Each commit's versions, replayed oldest first.
	type version struct {
		l     *life
		i     int // index in l.file.Commits
		after *state
	}
	byCommit := make([][]version, len(h.Commits))
	for _, l := range lives {
		for i, c := range l.file.Commits {
			byCommit[index[c]] = append(byCommit[index[c]], version{l, i, l.states[i]})
		}
	}
	for ci, vs := range byCommit {
		c := h.Commits[ci]
		at := commitAt{day: c.Date.In(d.opts.Loc).Format(time.DateOnly), id: c.ID, subject: c.Subject, author: c.Author}
		touched := map[string]bool{}
		for _, v := range vs {
			after := v.after
			if after == nil && !(v.l.file.Blobs[v.i] == "" || !d.isPage(v.l.file.Paths[v.i])) {
				continue // a version that does not parse: the file keeps its state
			}
			d.compare(at, v.l, v.l.head, after, touched)
			v.l.head = after
		}
		d.reRank(at, touched)
	}
	// What each life ended with: its dates, and an item's timeline.
	for _, l := range lives {
		f := l.file
		if n := len(f.Commits); n > 0 {
			first, last := f.Commits[0], f.Commits[n-1]
			l.created, l.updated, l.revisions = d.day(first), d.day(last), n
			l.author, l.subject = last.Author, last.Subject
		}
		for i, c := range f.Commits {
			if s := l.states[i]; s != nil && s.typ == generator.TypeItem {
				l.timeline = addStatus(l.timeline, Status{Date: d.day(c), Status: s.status})
			}
		}
		l.file, l.states = nil, nil
	}
	r := &Replayed{Head: h.Head, changes: d.out, lives: lives, ranks: d.ranks, orders: d.orders}
	d.out, d.ranks, d.orders, d.members = nil, map[string][]*life{}, map[string][]string{}, map[string]map[*life]*state{}
	clear(d.rankers)
	d.parsed = nil // every version's state: Finish needs only the lives' last

	return r
}

// seed takes the state of each file's last version, when the work tree
// has it as the last commit left it, from the page as it is now: those
// versions need no parsing, and the file's earlier ones are patched
// from them, newest first (parseAll).
func (c *Current) seed(h *history.History, files []*history.File) {
	byPath := make(map[string]*generator.Page, len(c.pages))
	for _, p := range c.pages {
		byPath[p.Path] = p
	}
	for _, f := range files {
		if p, ok := c.d.contentPath(f.Path); ok && !f.Deleted && !h.Dirty[f.Path] {
			if cur := byPath[p]; cur != nil {
				c.d.parsed[f.Path+"\x00"+f.Blobs[len(f.Blobs)-1]] = c.states[cur]
			}
		}
	}
}

// addStatus appends s to a timeline unless the timeline already ends in
// its status.
func addStatus(tl []Status, s Status) []Status {
	if n := len(tl); n > 0 && tl[n-1].Status == s.Status {
		return tl
	}
	return append(tl, s)
}

// Finish completes the replayed history with what the work tree changed
// since its last commit (the files dirty names, and the pages of c not
// yet committed), and derives the pages' dates and the items' timelines.
// It may be called once for a Current, and does not change r.
func (c *Current) Finish(r *Replayed, dirty map[string]bool) *Result {
	d := c.d
	d.out = slices.Clone(r.changes)
	// The replay's state, copied, so that r stays as it was.
	lives := make([]*life, len(r.lives))
	byLife := make(map[*life]*life, len(r.lives))
	for i, l := range r.lives {
		cp := *l
		lives[i] = &cp
		byLife[l] = &cp
	}
	for b, ls := range r.ranks {
		cp := make([]*life, len(ls))
		for i, l := range ls {
			cp[i] = byLife[l]
		}
		d.ranks[b] = cp
	}
	maps.Copy(d.orders, r.orders)
	for _, l := range lives {
		if s := l.head; s != nil && s.typ == generator.TypeItem {
			m := d.members[s.backlog]
			if m == nil {
				m = map[*life]*state{}
				d.members[s.backlog] = m
			}
			m[l] = s
		}
	}
	byPath := make(map[string]*generator.Page, len(c.pages))
	for _, p := range c.pages {
		byPath[p.Path] = p
	}

	res := &Result{Pages: map[string]*Page{}, Items: map[string]*Item{}}
	today := d.opts.Now.In(d.opts.Loc).Format(time.DateOnly)
	at := commitAt{day: today}
	touched := map[string]bool{}
	uncommitted := map[*life]*state{}
	seen := map[string]bool{}
	for _, l := range lives {
		if l.deleted {
			continue
		}
		p, _ := d.contentPath(l.path)
		seen[p] = true
		l.now = byPath[p]
		if !dirty[l.path] {
			continue
		}
		var after *state
		if l.now != nil {
			after = c.states[l.now]
		}
		if l.head == nil && after == nil {
			continue
		}
		d.compare(at, l, l.head, after, touched)
		if after != nil {
			uncommitted[l] = after
		}
	}
	for _, p := range c.pages { // new files, not yet committed
		if seen[p.Path] {
			continue
		}
		l := &life{ord: len(lives), path: path.Join(d.opts.Folder, p.Path), now: p, id: p.ID}
		after := c.states[p]
		d.compare(at, l, nil, after, touched)
		uncommitted[l] = after
		lives = append(lives, l)
	}
	d.reRank(at, touched)

	for _, l := range lives {
		if l.now == nil {
			continue
		}
		pg := &Page{Created: l.created, Updated: l.updated, Revisions: l.revisions, Author: l.author, Subject: l.subject}
		if _, ok := uncommitted[l]; ok || l.revisions == 0 {
			pg.Updated, pg.Uncommitted = today, true
			pg.Author, pg.Subject = "", ""
			if pg.Created == "" {
				pg.Created = today
			}
		}
		res.Pages[l.now.Path] = pg
		if l.now.Item != nil {
			res.Items[l.now.Path] = d.timeline(l, uncommitted[l], today, pg.Created)
		}
	}
	res.Changes = d.out
	return res
}

// Wanted are the blob ids Derive reads: every version of every Markdown
// file of the content folder. Of a file the work tree has as the last
// commit left it, Derive takes the last version's state from the page
// as it is now, so a file with no other version is not read at all.
func Wanted(h *history.History, folder string) []string {
	var ids []string
	for _, f := range slices.Concat(slices.Collect(maps.Values(h.Files)), h.Gone) {
		n := len(ids)
		for i, b := range f.Blobs {
			if b != "" && isMarkdownIn(f.Paths[i], folder) {
				ids = append(ids, b)
			}
		}
		if kept := !f.Deleted && !h.Dirty[f.Path]; kept && len(ids) == n+1 && ids[n] == f.Blobs[len(f.Blobs)-1] {
			ids = ids[:n] // its one version is the page now
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Prefetch picks, from the entries of the log as git writes them (newest
// commit first, history.Log's seen), the blob ids that Replay will read,
// so that they can be read while git is still writing the log. It asks
// for every version of every Markdown file of the folder as it sees it,
// except the newest version under a name, which it asks for only once
// an older entry of the file (under that name, or one it was renamed
// from) shows it has other versions: a file whose one version is in the
// work tree is the page as loaded, and is not read at all. It may ask for
// a few more than Wanted, never, for a file in one commit, fewer; what
// Wanted finds it has not asked for is asked for after the log.
type Prefetch struct {
	folder  string
	dirty   map[string]bool
	newest  map[string]string // by path: its newest version, not yet asked for
	seen    map[string]bool   // paths seen
	renamed map[string]string // a path a file was renamed from, to the path it was renamed to
}

// NewPrefetch is the prefetch of the Markdown files of folder, in a work
// tree that changed the files dirty.
func NewPrefetch(folder string, dirty map[string]bool) *Prefetch {
	return &Prefetch{folder: folder, dirty: dirty, newest: map[string]string{}, seen: map[string]bool{}, renamed: map[string]string{}}
}

// Seen takes the log's next entry e, and asks for the blobs it picks.
func (p *Prefetch) Seen(e history.Entry, ask func(id string)) {
	to := e.To
	older := p.seen[to]
	if newer, ok := p.renamed[to]; ok {
		older = true // an older version of a file seen under its newer name
		p.flush(newer, ask)
	}
	p.seen[to] = true
	if e.Status == 'R' {
		p.renamed[e.From] = to
	}
	if older {
		p.flush(to, ask)
	}
	if e.Blob == "" || !isMarkdownIn(to, p.folder) {
		return
	}
	if older || p.dirty[to] {
		ask(e.Blob)
		return
	}
	p.newest[to] = e.Blob
}

// flush asks for the newest version under path, and under the names the
// file had after it, that was held back.
func (p *Prefetch) flush(path string, ask func(id string)) {
	for range len(p.renamed) + 1 { // a chain of renames, which cannot be longer
		if b, ok := p.newest[path]; ok {
			ask(b)
			delete(p.newest, path)
		}
		next, ok := p.renamed[path]
		if !ok {
			return
		}
		path = next
	}
}

func isMarkdownIn(p, folder string) bool {
	rest, ok := strings.CutPrefix(p, folder+"/")
	return ok && strings.HasSuffix(rest, ".md") && !strings.HasPrefix(path.Base(rest), ".")
}

// commitAt is the commit whose changes are being compared.
type commitAt struct{ day, id, subject, author string }

func (d *deriver) day(c *history.Commit) string { return c.Date.In(d.opts.Loc).Format(time.DateOnly) }

func (d *deriver) contentPath(p string) (string, bool) {
	return strings.CutPrefix(p, d.opts.Folder+"/")
}

func (d *deriver) isPage(p string) bool { return isMarkdownIn(p, d.opts.Folder) }

// parseAll reads, on every core, each version of the files that state
// will ask for and no earlier one has read: parsing the versions is most
// of the replay's work. A version that differs from its neighbour only in
// its Markdown body, or in an item's status, estimate or value or a
// backlog's order written plainly on one line of its front matter, takes
// the neighbour's state with that changed instead of being parsed
// (patch). A file whose last version's state is known (seed) is read
// from there back to its first version; any other, first to last.
func (d *deriver) parseAll(files []*history.File, blobs map[string][]byte) {
	type result struct {
		key string
		s   *state
	}
	out := make([][]result, len(files))
	workers.Each(len(files), func(fi int) {
		f := files[fi]
		var prevSrc []byte
		var prev *state
		prevPath := ""
		read := func(i int) {
			p, b := f.Paths[i], f.Blobs[i]
			key := p + "\x00" + b
			if b == "" || !d.isPage(p) {
				prev, prevSrc = nil, nil
				return
			}
			src, ok := blobs[b]
			if s, done := d.parsed[key]; done { // read only here: written after every worker ends
				prev, prevSrc, prevPath = s, src, p
				if s == nil {
					prevSrc = nil
				}
				return
			}
			var s *state
			switch {
			case !ok:
			case prev != nil && prevSrc != nil && p == prevPath && !d.noPatch:
				if ps, patched := d.patch(prevSrc, src, prev); patched {
					s = ps
					d.patched.Add(1)
					break
				}
				fallthrough
			default:
				cp, _ := d.contentPath(p)
				if page, intro, _ := content.Parse(cp, src, d.opts.Content); page != nil && !intro {
					s = d.stateOf(page)
				}
			}
			out[fi] = append(out[fi], result{key, s})
			prev, prevSrc, prevPath = s, src, p
			if s == nil {
				prevSrc = nil
			}
		}
		n := len(f.Blobs)
		if _, seeded := d.parsed[f.Paths[n-1]+"\x00"+f.Blobs[n-1]]; seeded && !d.noPatch {
			for i := n - 1; i >= 0; i-- {
				read(i)
			}
			return
		}
		for i := range n {
			read(i)
		}
	})
	for _, rs := range out {
		for _, r := range rs {
			d.parsed[r.key] = r.s
		}
	}
}

// The lines patch knows: a top-level key and a plain value.
var (
	statusRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	numberRE = regexp.MustCompile(`^(0|[1-9][0-9]{0,8})(\.[0-9]{1,6})?$`)
)

// patchLine splits a line "key: value" whose key is one patch knows. (A
// backlog's order is a line of hundreds of names, and one of its versions
// in five differs only there: the line and its names are read by hand,
// which took a tenth of what a regular expression did.)
func patchLine(line []byte) (key, value string, ok bool) {
	k, v, found := bytes.Cut(line, []byte(": "))
	if !found {
		return "", "", false
	}
	switch key := string(k); key {
	case "status", "estimate", "value", "order":
		return key, string(v), true
	}
	return "", "", false
}

// patch is the state of src, a file's version whose version before, old,
// had state s: s with another body, when the two have the same YAML front
// matter, or s with one field changed, when they differ in one line of
// it, that line giving an item's status, estimate or value or a
// backlog's order a plain value in both. Anything else is parsed.
func (d *deriver) patch(old, src []byte, s *state) (*state, bool) {
	if !bytes.HasPrefix(old, []byte("---\n")) || !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, false
	}
	// The one line that differs: between the longest common start and
	// end, cut back to whole lines.
	n := 0
	for n < len(old) && n < len(src) && old[n] == src[n] {
		n++
	}
	// The same front matter, to its closing line: only the body changed.
	if end := bytes.Index(src[4:], []byte("\n---\n")); end >= 0 && n >= 4+end+5 {
		body, ok := content.Body(src)
		if !ok {
			return nil, false
		}
		c := *s
		c.body = bodyHash(body)
		return &c, true
	}
	m := 0
	for m < len(old)-n && m < len(src)-n && old[len(old)-1-m] == src[len(src)-1-m] {
		m++
	}
	start := bytes.LastIndexByte(old[:n], '\n') + 1
	oldEnd, srcEnd := len(old)-m, len(src)-m
	if k := bytes.IndexByte(old[oldEnd:], '\n'); k >= 0 {
		oldEnd += k
	} else {
		return nil, false
	}
	if k := bytes.IndexByte(src[srcEnd:], '\n'); k >= 0 {
		srcEnd += k
	} else {
		return nil, false
	}
	if oldEnd < start || srcEnd < start {
		return nil, false
	}
	oldLine, newLine := old[start:oldEnd], src[start:srcEnd]
	if bytes.IndexByte(oldLine, '\n') >= 0 || bytes.IndexByte(newLine, '\n') >= 0 {
		return nil, false // more than one line
	}
	// The line must be in the front matter: before its closing ---.
	end := bytes.Index(src[4:], []byte("\n---\n"))
	if end < 0 || start > 4+end {
		return nil, false
	}
	okey, ov, ok := patchLine(oldLine)
	key, nv, nok := patchLine(newLine)
	if !ok || !nok || okey != key {
		return nil, false
	}
	c := *s
	switch key {
	case "status":
		if s.typ != generator.TypeItem || !statusRE.MatchString(ov) || !statusRE.MatchString(nv) || ov != s.status {
			return nil, false
		}
		c.status, c.done, c.dropped = nv, d.done[nv], d.dropped[nv]
	case "estimate", "value":
		if s.typ != generator.TypeItem || !numberRE.MatchString(ov) || !numberRE.MatchString(nv) {
			return nil, false
		}
		f, err := strconv.ParseFloat(nv, 64)
		if err != nil {
			return nil, false
		}
		if key == "estimate" {
			c.estimate = &f
		} else {
			c.value = &f
		}
	case "order":
		if s.typ != generator.TypeBacklog {
			return nil, false
		}
		names, ok := orderNames(nv, s.order)
		if _, okOld := orderNames(ov, s.order); !ok || !okOld {
			return nil, false
		}
		c.order = names
	}
	return &c, true
}

// orderNames reads a plain flow list of names, "[CBI-1, CBI-2]", as the
// state keeps an order: each name trimmed and in lower case. A name is a
// letter and then letters, digits, '.', '_', ' ' and '-', and none of
// YAML's words for true, false and null; the list holds no character
// that YAML gives a meaning in a flow list. Where the name at a place is
// the one like has there, like's string is kept rather than a new one
// (an order's versions mostly differ in a place or two).
func orderNames(v string, like []string) ([]string, bool) {
	if len(v) < 2 || v[0] != '[' || v[len(v)-1] != ']' {
		return nil, false
	}
	inner := v[1 : len(v)-1]
	if strings.ContainsAny(inner, "[]{}#\"'&*!|>%@`") {
		return nil, false
	}
	if strings.TrimSpace(inner) == "" {
		return nil, true
	}
	names := make([]string, 0, strings.Count(inner, ",")+1)
	for part := range strings.SplitSeq(inner, ",") {
		name := strings.TrimSpace(part)
		if !isOrderName(name) {
			return nil, false
		}
		var lower string
		if i := len(names); i < len(like) && strings.EqualFold(name, like[i]) && like[i] == strings.ToLower(like[i]) {
			lower = like[i]
		} else {
			lower = strings.ToLower(name)
		}
		switch lower {
		case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
			return nil, false
		}
		names = append(names, lower)
	}
	return names, true
}

// isOrderName says whether s is a name orderNames takes as it is.
func isOrderName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLetter(c) && !('0' <= c && c <= '9') && c != '.' && c != '_' && c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// state is the state of the version blob of the file at path p, or nil.
func (d *deriver) state(p, blob string) *state {
	if blob == "" || !d.isPage(p) {
		return nil
	}
	return d.parsed[p+"\x00"+blob] // parseAll read every version
}

// stateOf is what changes report of page p.
func (d *deriver) stateOf(p *generator.Page) *state {
	s := &state{id: p.ID, typ: p.Type, title: p.Title, ltitle: strings.ToLower(p.Title)}
	s.body = bodyHash(p.Body)
	for _, r := range p.Relations {
		for _, t := range r.Targets {
			s.relations = append(s.relations, r.Name+" "+d.resolve(t.Name))
		}
	}
	slices.Sort(s.relations)
	s.relations = slices.Compact(s.relations)
	if it := p.Item; it != nil {
		s.key, s.backlog, s.status = it.Key, it.Backlog, it.Status
		s.lkey = strings.ToLower(it.Key)
		s.done, s.dropped = d.done[it.Status], d.dropped[it.Status]
		if it.Estimate.Set {
			s.estimate = &it.Estimate.Value
		}
		if it.Value.Set {
			s.value = &it.Value.Value
		}
		if it.Release != nil {
			s.release = d.resolve(it.Release.Name)
		}
	}
	if b := p.Backlog; b != nil {
		for _, r := range b.Order {
			s.order = append(s.order, strings.ToLower(strings.TrimSpace(r.Name)))
		}
	}
	return s
}

// bodyHash is what a state keeps of a page's Markdown body.
func bodyHash(body []byte) uint64 {
	h := fnv.New64a()
	h.Write(body)
	return h.Sum64()
}

// resolve names the page a reference names today, by its id, or gives
// the reference as written, lower-case, when no page has that name now.
func (d *deriver) resolve(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if id, ok := d.names[n]; ok {
		return id
	}
	return n
}

// compare lists what changed from before to after, either possibly nil,
// in one file at commit at, and marks the backlogs whose ranks it may
// have changed.
func (d *deriver) compare(at commitAt, l *life, before, after *state, touched map[string]bool) {
	id := func(s *state) string { return cmp.Or(l.id, s.id) }
	add := func(s *state, kind string, from, to any) {
		c := Change{Date: at.day, Commit: at.id, Kind: kind, ID: id(s), From: from, To: to, Type: s.typ, Title: s.title,
			Key: s.key, Backlog: s.backlog, Subject: at.subject, Author: at.author}
		d.out = append(d.out, c)
	}
	if revalued(before, after) {
		// Only its value or estimate: its backlog's ranker moves it.
		touched[after.backlog] = true
		if rk := d.rankers[after.backlog]; rk != nil && l.slot < len(rk.lives) && rk.lives[l.slot] == l {
			rk.r.Revalue(l.slot, deref(after.value), deref(after.estimate))
		} else {
			delete(d.rankers, after.backlog)
		}
	} else if reranks(before, after) {
		for _, s := range []*state{before, after} {
			if s == nil {
				continue
			}
			if s.backlog != "" {
				touched[s.backlog] = true
				delete(d.rankers, s.backlog) // its items changed
			}
			if s.typ == generator.TypeBacklog {
				touched[s.id] = true
			}
		}
	}
	if before != nil && before.backlog != "" {
		delete(d.members[before.backlog], l)
	}
	if after != nil && after.typ == generator.TypeItem {
		m := d.members[after.backlog]
		if m == nil {
			m = map[*life]*state{}
			d.members[after.backlog] = m
		}
		m[l] = after
	}
	if after != nil && after.typ == generator.TypeBacklog {
		d.orders[after.id] = after.order
	}
	switch {
	case before == nil && after == nil:
		return
	case before == nil:
		add(after, Added, nil, orNil(after.status))
		return
	case after == nil:
		add(before, Removed, orNil(before.status), nil)
		return
	}
	if before.status != after.status {
		add(after, StatusChanged, orNil(before.status), orNil(after.status))
	}
	if !sameNumber(before.estimate, after.estimate) {
		add(after, EstimateChanged, number(before.estimate), number(after.estimate))
	}
	if !sameNumber(before.value, after.value) {
		add(after, ValueChanged, number(before.value), number(after.value))
	}
	if before.release != after.release {
		add(after, ReleaseChanged, orNil(before.release), orNil(after.release))
	}
	if before.typ == generator.TypeItem && after.typ == generator.TypeItem && before.backlog != after.backlog {
		d.moved[l] = before.backlog
	}
	for _, r := range after.relations {
		if _, found := slices.BinarySearch(before.relations, r); !found {
			name, target, _ := strings.Cut(r, " ")
			add(after, RelationAdded, nil, target)
			d.out[len(d.out)-1].Relation = name
		}
	}
	for _, r := range before.relations {
		if _, found := slices.BinarySearch(after.relations, r); !found {
			name, target, _ := strings.Cut(r, " ")
			add(after, RelationRemoved, target, nil)
			d.out[len(d.out)-1].Relation = name
		}
	}
	if before.body != after.body {
		add(after, Edited, nil, nil)
	}
}

// reranks reports whether a change from before to after may change a
// backlog's ranks: an item or a backlog that comes or goes, an item that
// moves to another backlog or whose names, value or estimate change (an
// item the order does not name is ranked by priority), a new order. A
// status alone changes no rank.
func reranks(before, after *state) bool {
	switch {
	case before == nil || after == nil || before.typ != after.typ:
		return true
	case after.typ == generator.TypeBacklog:
		return !slices.Equal(before.order, after.order)
	case after.typ == generator.TypeItem:
		return before.backlog != after.backlog || before.key != after.key || before.id != after.id || before.title != after.title ||
			!sameNumber(before.value, after.value) || !sameNumber(before.estimate, after.estimate)
	}
	return false
}

// revalued says whether an item's version after differs from the one
// before in what ranks it only by its value or estimate.
func revalued(before, after *state) bool {
	return before != nil && after != nil && before.typ == generator.TypeItem && after.typ == generator.TypeItem &&
		before.backlog == after.backlog && before.key == after.key && before.id == after.id && before.title == after.title &&
		(!sameNumber(before.value, after.value) || !sameNumber(before.estimate, after.estimate))
}

// reRank ranks each touched backlog again and lists the items that moved:
// those outside the longest run of items that kept their order among
// themselves, so that one item moved to the top is one change, not one
// for every item it passed.
func (d *deriver) reRank(at commitAt, touched map[string]bool) {
	// Each touched backlog's items, marked with their ranks before the commit.
	d.gen++
	for b := range touched {
		for i, l := range d.ranks[b] {
			l.was, l.wasIn, l.wasGen = i+1, b, d.gen
		}
	}
	oldRank := func(l *life, b string) int {
		if l.wasGen == d.gen && l.wasIn == b {
			return l.was
		}
		return 0
	}
	defer clear(d.moved)
	var kept []*life
	var ranks []int
	for _, b := range slices.Sorted(maps.Keys(touched)) {
		members := d.members[b]
		if d.freshRankers {
			delete(d.rankers, b)
		}
		rk := d.rankers[b]
		if rk == nil { // its items changed since it was last ranked
			rk = &ranker{lives: slices.SortedFunc(maps.Keys(members), func(x, y *life) int { return cmp.Compare(x.ord, y.ord) })}
			entries := make([]backlog.Entry, len(rk.lives))
			for i, l := range rk.lives {
				s := members[l]
				l.slot = i
				entries[i] = backlog.Entry{ID: s.id, Key: s.lkey, Title: s.ltitle, Value: deref(s.value), Estimate: deref(s.estimate)}
			}
			rk.r = backlog.NewRanker(entries)
			d.rankers[b] = rk
		}
		order := rk.r.Order(d.orders[b])
		ranked := make([]*life, len(order))
		for j, i := range order {
			ranked[j] = rk.lives[i]
		}
		d.ranks[b] = ranked
		// the items ranked before and after, open now, in their new order
		kept, ranks = kept[:0], ranks[:0]
		for _, l := range ranked {
			if s := members[l]; oldRank(l, b) > 0 && !s.done && !s.dropped {
				kept = append(kept, l)
				ranks = append(ranks, oldRank(l, b))
			}
		}
		for _, k := range longestIncreasing(ranks) {
			kept[k].stayGen = d.gen
		}
		for i, l := range ranked {
			s := members[l]
			from, left := oldRank(l, b), ""
			if from == 0 && d.moved[l] != "" {
				left = d.moved[l]
				from = oldRank(l, left)
			}
			if from == 0 || l.stayGen == d.gen || s.done || s.dropped || (from == i+1 && left == "") {
				continue
			}
			c := Change{Date: at.day, Commit: at.id, Kind: RankChanged, ID: cmp.Or(nowID(l), s.id), From: from, To: i + 1,
				Type: s.typ, Title: s.title, Key: s.key, Backlog: s.backlog, FromBacklog: left, Subject: at.subject, Author: at.author}
			d.out = append(d.out, c)
		}
	}
}

func nowID(l *life) string { return l.id }

// longestIncreasing returns the places in ranks of the longest
// subsequence that increases: the items that kept their order.
func longestIncreasing(ranks []int) []int {
	// patience sorting: tails[k] is the place of the smallest last rank
	// of an increasing run of length k+1; prev links the runs.
	var tails []int
	prev := make([]int, len(ranks))
	for i, r := range ranks {
		k, _ := slices.BinarySearchFunc(tails, r, func(j, r int) int { return cmp.Compare(ranks[j], r) })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	if len(tails) == 0 {
		return nil
	}
	var stay []int
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		stay = append(stay, i)
	}
	return stay
}

// timeline is the status timeline of the item whose file is l, its
// uncommitted state last when the work tree changed it.
func (d *deriver) timeline(l *life, uncommitted *state, today, created string) *Item {
	it := &Item{Created: created, LeadDays: -1, CycleDays: -1}
	it.History = slices.Clone(l.timeline)
	if uncommitted != nil {
		it.History = addStatus(it.History, Status{Date: today, Status: uncommitted.status, Uncommitted: true})
	}
	if len(it.History) == 0 && l.now != nil {
		it.History = addStatus(it.History, Status{Date: today, Status: l.now.Item.Status, Uncommitted: true})
	}
	active := set(d.opts.Active)
	for _, s := range it.History {
		if active[s.Status] {
			it.Started = s.Date
			break
		}
	}
	for i := len(it.History) - 1; i >= 0 && d.done[it.History[i].Status]; i-- {
		it.DoneOn = it.History[i].Date
	}
	if it.DoneOn != "" {
		it.LeadDays = daysBetween(it.Created, it.DoneOn)
		if it.Started != "" && it.Started <= it.DoneOn {
			it.CycleDays = daysBetween(it.Started, it.DoneOn)
		}
	}
	return it
}

// daysBetween counts the calendar days from a to b, both YYYY-MM-DD.
func daysBetween(a, b string) int {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil || tb.Before(ta) {
		return 0
	}
	return int(tb.Sub(ta).Hours()/24 + 0.5)
}

func itemKey(p *generator.Page) string {
	if p.Item != nil {
		return p.Item.Key
	}
	return ""
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func number(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func sameNumber(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

func deref(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}
