package changes

import (
	"encoding/gob"
	"fmt"
	"io"
	"slices"
	"strings"
)

// savedReplay is a Replayed as the cache keeps it (gob).
type savedReplay struct {
	Key     string // what the replay depends on besides the commit: Fingerprint
	Head    string
	Changes []Change
	Lives   []savedLife
	Ranks   map[string][]int // lives by their place in Lives
	Orders  map[string][]string
}

type savedLife struct {
	Path, ID                          string
	Deleted                           bool
	Head                              *savedState
	Created, Updated, Author, Subject string
	Revisions                         int
	Timeline                          []Status
}

type savedState struct {
	ID, Type, Title, Key, Backlog, Status, Release string
	Estimate, Value                                *float64
	Relations, Order                               []string
	LKey, LTitle                                   string
	Body                                           uint64
	Done, Dropped                                  bool
}

// Fingerprint names what a replay depends on besides the commit: the
// version of the program that made it and the site's rules (its content
// folder, statuses, levels, types, languages and time zone). A replay
// kept under another fingerprint is not used.
func (o Options) Fingerprint(version string) string {
	c := o.Content
	return strings.Join([]string{"backlight " + version, o.Folder, c.Prefix, strings.Join(c.Levels, ","), strings.Join(c.Types, ","),
		strings.Join(c.Languages, ","), c.Default, strings.Join(o.Done, ","), strings.Join(o.Dropped, ","), strings.Join(o.Active, ","),
		o.Loc.String()}, "\x1f")
}

// Encode writes r under key (Fingerprint) for DecodeReplayed.
func (r *Replayed) Encode(w io.Writer, key string) error {
	s := savedReplay{Key: key, Head: r.Head, Changes: r.changes, Ranks: map[string][]int{}, Orders: r.orders}
	at := make(map[*life]int, len(r.lives))
	for i, l := range r.lives {
		at[l] = i
		s.Lives = append(s.Lives, savedLife{Path: l.path, ID: l.id, Deleted: l.deleted, Head: saveState(l.head), Created: l.created,
			Updated: l.updated, Author: l.author, Subject: l.subject, Revisions: l.revisions, Timeline: l.timeline})
	}
	for b, ls := range r.ranks {
		for _, l := range ls {
			s.Ranks[b] = append(s.Ranks[b], at[l])
		}
	}
	if err := gob.NewEncoder(w).Encode(&s); err != nil {
		return fmt.Errorf("encode the replayed history: %w", err)
	}
	return nil
}

// DecodeReplayed reads what Encode wrote. It returns nil, with no error,
// when what it reads was kept under another key or for another commit
// than head: the history must then be read again.
func DecodeReplayed(rd io.Reader, key, head string) (*Replayed, error) {
	var s savedReplay
	if err := gob.NewDecoder(rd).Decode(&s); err != nil {
		return nil, fmt.Errorf("decode the replayed history: %w", err)
	}
	if s.Key != key || s.Head != head {
		return nil, nil
	}
	r := &Replayed{Head: s.Head, changes: s.Changes, ranks: map[string][]*life{}, orders: s.Orders}
	if r.orders == nil {
		r.orders = map[string][]string{}
	}
	for i, sl := range s.Lives {
		r.lives = append(r.lives, &life{ord: i, path: sl.Path, id: sl.ID, deleted: sl.Deleted, head: sl.Head.state(),
			created: sl.Created, updated: sl.Updated, author: sl.Author, subject: sl.Subject, revisions: sl.Revisions, timeline: sl.Timeline})
	}
	for b, is := range s.Ranks {
		for _, i := range is {
			if i < 0 || i >= len(r.lives) {
				return nil, fmt.Errorf("decode the replayed history: backlog %s ranks life %d of %d", b, i, len(r.lives))
			}
			r.ranks[b] = append(r.ranks[b], r.lives[i])
		}
	}
	return r, nil
}

func saveState(s *state) *savedState {
	if s == nil {
		return nil
	}
	return &savedState{ID: s.id, Type: s.typ, Title: s.title, Key: s.key, Backlog: s.backlog, Status: s.status, Release: s.release,
		Estimate: s.estimate, Value: s.value, Relations: s.relations, Order: s.order, LKey: s.lkey, LTitle: s.ltitle,
		Body: s.body, Done: s.done, Dropped: s.dropped}
}

func (s *savedState) state() *state {
	if s == nil {
		return nil
	}
	return &state{id: s.ID, typ: s.Type, title: s.Title, key: s.Key, backlog: s.Backlog, status: s.Status, release: s.Release,
		estimate: s.Estimate, value: s.Value, relations: slices.Clip(s.Relations), order: s.Order, lkey: s.LKey, ltitle: s.LTitle,
		body: s.Body, done: s.Done, dropped: s.Dropped}
}
