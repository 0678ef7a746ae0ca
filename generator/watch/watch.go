// Package watch tells the dev server what changed on disk. It watches
// folders recursively and single files with fsnotify, follows folders as
// they are created, removed and renamed, and hands out the changes as
// batches: one batch per burst of saves, delivered as soon as the tree has
// been quiet for a moment, so that one edit is rebuilt at once and a git
// checkout of hundreds of files is rebuilt a few times, not hundreds.
//
// fsnotify's watches are per folder and not recursive (inotify on Linux):
// the watcher adds a watch for every folder under a root, scans a new folder
// right after watching it (files created in it before the watch are found
// that way), drops the watches of removed and renamed folders, and watches a
// file root, or a root that does not exist yet, through its nearest existing
// parent folder, where editors' rename-over saves and delete-then-recreate
// are seen. Symbolic links inside a root are reported but not followed.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher; the zero value is the dev server's.
type Options struct {
	Quiet   time.Duration // 0 (or less): 10 ms
	MaxWait time.Duration // 0 (or less): 50 ms
	// Ignore reports whether a path below a root is left out: an ignored
	// folder is neither watched nor reported, nor is anything in it. isDir
	// of a removed path is true when it was known as a folder. Roots are
	// never ignored. nil: ignore names starting with "." or "#" or ending
	// in "~", ".swp", ".swx" or ".tmp", vim's probe file "4913", and the
	// folders "public", "node_modules" and ".git".
	Ignore func(path string, isDir bool) bool
}

const (
	defaultQuiet   = 10 * time.Millisecond
	defaultMaxWait = 50 * time.Millisecond
	errorBuffer    = 64 // errors kept for a slow reader of Errors; later ones are dropped
)

// Batch is what changed in one quiet period: slash-free OS paths,
// deduplicated, sorted.
type Batch struct {
	Paths    []string // files (and folders) created, written, removed or renamed, as absolute paths
	Overflow bool     // events were lost: treat everything as changed
}

// Watcher watches its roots until Close. A folder that is created inside a
// root is reported together with everything found in it; a folder that is
// removed or renamed is reported by its own path, and the files in it are
// reported too when the system tells them one by one (a removal does, a
// rename does not). A change of attributes alone (chmod, touch of the
// times) is not a change.
type Watcher struct {
	roots  []string // absolute, clean, unique
	ignore func(path string, isDir bool) bool

	be     backend
	events <-chan fsnotify.Event
	fsErrs <-chan error

	// Owned by the loop goroutine (by New until it starts).
	dirs    map[string]watchKind // folders watched, and why
	skipped map[string]bool      // ignored folders seen below a root, so that their removal is known as a folder's
	pending batcher

	batches chan Batch
	errs    chan error
	stop    chan struct{}
	done    chan struct{} // closed when the loop has returned

	closeOnce sync.Once
	closeErr  error
}

// watchKind says why a folder is watched.
type watchKind uint8

const (
	inTree   watchKind = 1 << iota // it is (in) a folder root: all its entries matter
	asParent                       // it is the nearest existing parent of a root: only that root's events matter
)

// backend is the part of *fsnotify.Watcher the watcher uses; tests put a
// fake in its place to drive the loop with made-up events.
type backend interface {
	Add(path string) error
	Remove(path string) error
	Close() error
}

// New watches each root: a folder (recursively) or a single file (watched
// through its parent folder, so that an editor's rename-over-it and a
// delete-then-recreate are seen). A root that does not exist yet is watched
// for (through its nearest existing parent) and picked up when created.
// New fails when fsnotify cannot start or a root, or the folder a root is
// watched through, cannot be watched; a folder deeper down that cannot be
// watched is reported on Errors.
func New(roots []string, opts Options) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w, err := start(roots, opts, fw, fw.Events, fw.Errors)
	if err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// start sets up the watches of the roots on be, which sends its events and
// errors on events and errs, and starts the loop.
func start(roots []string, opts Options, be backend, events <-chan fsnotify.Event, errs <-chan error) (*Watcher, error) {
	w := &Watcher{
		ignore:  opts.Ignore,
		be:      be,
		events:  events,
		fsErrs:  errs,
		dirs:    make(map[string]watchKind),
		skipped: make(map[string]bool),
		pending: batcher{quiet: opts.Quiet, maxWait: opts.MaxWait},
		batches: make(chan Batch),
		errs:    make(chan error, errorBuffer),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	if w.ignore == nil {
		w.ignore = defaultIgnore
	}
	if w.pending.quiet <= 0 {
		w.pending.quiet = defaultQuiet
	}
	if w.pending.maxWait <= 0 {
		w.pending.maxWait = defaultMaxWait
	}
	seen := make(map[string]bool)
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			return nil, fmt.Errorf("watch: root %s: %w", r, err)
		}
		if !seen[abs] {
			seen[abs] = true
			w.roots = append(w.roots, abs)
		}
	}
	if err := w.resolve(time.Now(), false); err != nil {
		return nil, err
	}
	go w.run()
	return w, nil
}

// Batches delivers the batches; it is closed by Close. A batch is handed
// out once the tree has been quiet for Quiet after its last event, or
// MaxWait after its first, whichever comes first; while the reader is busy
// the pending batch keeps growing, and what happens after the reader took
// a batch goes into the next one.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers non-fatal errors (a folder that could not be watched or
// read, an error of fsnotify); it is closed by Close. Lost events are not
// errors but a Batch with Overflow set. Errors that no one reads are kept
// up to a few dozen, then dropped.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops everything: the watches are removed, Batches and Errors are
// closed, pending changes are dropped and no goroutine is left. Later
// calls return the first call's result.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.stop)
		<-w.done
		w.closeErr = w.be.Close()
	})
	return w.closeErr
}

// run is the watcher's only goroutine: it drains fsnotify's events and
// errors, keeps the watches in step with the tree, and hands out batches.
func (w *Watcher) run() {
	defer close(w.done)
	defer close(w.errs)
	defer close(w.batches)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()

	events, fsErrs := w.events, w.fsErrs
	var (
		out      chan<- Batch // w.batches once a batch is due, else nil
		next     Batch        // the due batch as of taken events
		nextSize = -1         // w.pending.events when next was made
	)
	for {
		select {
		case <-w.stop:
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			w.handle(ev, time.Now())
		case err, ok := <-fsErrs:
			if !ok {
				fsErrs = nil // the events channel closes too: return there
				continue
			}
			w.handleError(err, time.Now())
		case <-timer.C:
		case out <- next:
			w.pending.reset()
			out, next, nextSize = nil, Batch{}, -1
			continue
		}
		now := time.Now()
		switch {
		case w.pending.empty():
		case out != nil || w.pending.due(now):
			// Due, and stays due until taken: events that arrive
			// meanwhile join it.
			if w.pending.events != nextSize {
				next, nextSize = w.pending.batch(), w.pending.events
			}
			out = w.batches
			timer.Stop()
		default:
			timer.Reset(w.pending.deadline().Sub(now))
		}
	}
}

// handle follows one fsnotify event.
func (w *Watcher) handle(ev fsnotify.Event, now time.Time) {
	p := filepath.Clean(ev.Name)
	switch {
	case ev.Has(fsnotify.Create):
		w.created(p, now)
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		w.removed(p, now)
	case ev.Has(fsnotify.Write):
		if w.wanted(p, false) {
			w.pending.add(now, p)
		}
	}
}

// created follows the creation of p, or its arrival by rename.
func (w *Watcher) created(p string, now time.Time) {
	if !w.inRoots(p) {
		if w.aboveRoot(p) {
			w.resolveLater(now) // a folder on the way to a missing root
		}
		return
	}
	info, err := os.Lstat(p)
	isDir := err == nil && info.IsDir()
	if !w.wanted(p, isDir) {
		if isDir {
			w.skipped[p] = true
		}
		return
	}
	switch {
	case w.isRoot(p):
		w.pending.add(now, p)
		w.resolveLater(now)
	case isDir && w.dirs[p]&inTree == 0:
		w.addTree(p, now, true)
	default: // a file, or a folder found already by the scan of its parent
		w.pending.add(now, p)
	}
}

// removed follows the removal of p, or its leaving by rename.
func (w *Watcher) removed(p string, now time.Time) {
	isDir := w.dirs[p] != 0 || w.skipped[p]
	if isDir {
		w.forget(p)
	}
	if w.wanted(p, isDir) {
		w.pending.add(now, p)
	}
	if w.isRoot(p) || w.aboveRoot(p) {
		w.resolveLater(now)
	}
}

// handleError follows an error of fsnotify.
func (w *Watcher) handleError(err error, now time.Time) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.fail(fmt.Errorf("watch: %w", err))
		return
	}
	// Events were lost, some of them maybe about folders: say so, and
	// bring the watches in step with the tree again.
	w.pending.lost(now)
	for d := range w.dirs {
		if _, err := os.Stat(d); err != nil {
			w.forget(d)
		}
	}
	for _, r := range w.roots {
		if info, err := os.Stat(r); err == nil && info.IsDir() {
			w.addTree(r, now, false)
		}
	}
	w.resolveLater(now)
}

// resolve watches every root's nearest existing parent, stops watching
// parents no longer needed, and watches the folder roots that exist and are
// not watched yet (reporting what is in them when report is set). It
// returns the errors of watching a root or a parent.
func (w *Watcher) resolve(now time.Time, report bool) error {
	var errs []error
	parents := make(map[string]bool, len(w.roots))
	for _, r := range w.roots {
		// The next folder down may be made between looking and watching,
		// unseen: look again once watching, until the answer holds.
		parent := existingParent(r)
		for range 100 {
			if err := w.watch(parent, asParent); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			again := existingParent(r)
			if again == parent {
				break
			}
			parent = again
		}
		parents[parent] = true
		info, err := os.Stat(r)
		if err != nil || !info.IsDir() || w.dirs[r]&inTree != 0 {
			continue
		}
		if err := w.watch(r, inTree); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		w.addTree(r, now, report)
	}
	for d, kind := range w.dirs {
		if kind&asParent != 0 && !parents[d] {
			w.unwatch(d, asParent)
		}
	}
	return errors.Join(errs...)
}

// resolveLater is resolve once the watcher runs: the errors go to Errors
// and what is found in a new root is reported.
func (w *Watcher) resolveLater(now time.Time) {
	if err := w.resolve(now, true); err != nil {
		w.fail(err)
	}
}

// addTree watches dir and the folders below it that are not ignored, dir
// first and each folder before it is read, so that what is created in it
// meanwhile is either read or seen as an event. With report set, dir and
// everything found are reported as created.
func (w *Watcher) addTree(dir string, now time.Time, report bool) {
	if err := w.watch(dir, inTree); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.fail(err)
		}
		return
	}
	if report {
		w.pending.add(now, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.fail(fmt.Errorf("watch: %w", err))
		}
		return
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		isDir := e.IsDir() // a symbolic link is not followed
		switch {
		case w.ignore(p, isDir):
			if isDir {
				w.skipped[p] = true
			}
		case isDir:
			w.addTree(p, now, report)
		case report:
			w.pending.add(now, p)
		}
	}
}

// watch adds a watch on dir for the given reason.
func (w *Watcher) watch(dir string, why watchKind) error {
	if kind, ok := w.dirs[dir]; ok {
		w.dirs[dir] = kind | why
		return nil
	}
	if err := w.be.Add(dir); err != nil {
		return fmt.Errorf("watch: cannot watch %s: %w", dir, err)
	}
	w.dirs[dir] = why
	return nil
}

// unwatch drops one reason to watch dir, and the watch with the last one.
func (w *Watcher) unwatch(dir string, why watchKind) {
	kind := w.dirs[dir] &^ why
	if kind != 0 {
		w.dirs[dir] = kind
		return
	}
	delete(w.dirs, dir)
	// The watch may be gone already (the folder was removed): no error.
	_ = w.be.Remove(dir)
}

// forget drops the watches of gone folder p and of every folder below it.
// The system drops the watch of a removed folder by itself, but the paths
// of the folders below a renamed one would go on being reported under the
// old name.
func (w *Watcher) forget(p string) {
	for d := range w.dirs {
		if within(d, p) {
			delete(w.dirs, d)
			_ = w.be.Remove(d)
		}
	}
	for d := range w.skipped {
		if within(d, p) {
			delete(w.skipped, d)
		}
	}
}

// fail reports a non-fatal error, or drops it when no one reads them.
func (w *Watcher) fail(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// wanted reports whether a change to p is reported: p is a root or below
// one, and not ignored.
func (w *Watcher) wanted(p string, isDir bool) bool {
	if w.isRoot(p) {
		return true
	}
	return w.inRoots(p) && !w.ignore(p, isDir)
}

func (w *Watcher) isRoot(p string) bool {
	for _, r := range w.roots {
		if p == r {
			return true
		}
	}
	return false
}

// inRoots reports whether p is a root or below one.
func (w *Watcher) inRoots(p string) bool {
	for _, r := range w.roots {
		if within(p, r) {
			return true
		}
	}
	return false
}

// aboveRoot reports whether p is a folder on the way to a root.
func (w *Watcher) aboveRoot(p string) bool {
	for _, r := range w.roots {
		if r != p && within(r, p) {
			return true
		}
	}
	return false
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	if !strings.HasPrefix(path, dir) {
		return false
	}
	return len(path) == len(dir) || os.IsPathSeparator(path[len(dir)]) || os.IsPathSeparator(dir[len(dir)-1])
}

// existingParent is the nearest existing folder above path (the file
// system's root at worst).
func existingParent(path string) string {
	dir := filepath.Dir(path)
	for {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return dir
		}
		dir = up
	}
}

// defaultIgnore leaves out editors' and tools' side files: hidden names
// (".x.md.swp", ".#x.md", ".git"), Emacs's "#x.md#", backups "x.md~",
// vim's swap files and its write probe "4913", temp files "*.tmp", and the
// folders a site builds into or installs into.
func defaultIgnore(path string, isDir bool) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".tmp"),
		name == "4913":
		return true
	}
	return isDir && (name == "public" || name == "node_modules" || name == ".git")
}
