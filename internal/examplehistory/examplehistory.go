// Package examplehistory gives the example site a past: it copies the
// site (site.toml, content/, static/) into a new git repository whose
// dated commits move each backlog item through its statuses over the
// iterations before a day, and each release from planned to its status,
// ending at the site exactly as it is. `make site` builds the example
// from that repository (internal/cmd/examplehistory), so that its change
// list, status strips and forecasts from measured throughput have a
// history to show (docs/history.md, "The example site"). The same site,
// day and seed give the same history.
package examplehistory

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/internal/gitimport"
)

// Seed is the made-up past's seed by default: of the first ten, one that
// gives the example a release at about even odds (examplehistory_test.go checks
// it; a change to the example's backlogs may call for another).
const Seed = 6

// marker, in a repository's .git folder, says this command wrote it.
const marker = "backlight-example-history"

// Write writes the history of the site at src into a new repository at
// out, leading up to the day now, and returns its number of commits.
func Write(src, out string, now time.Time, window int, seed uint64) (int, error) {
	files, err := readSite(src)
	if err != nil {
		return 0, err
	}
	if err := fresh(out); err != nil {
		return 0, err
	}
	p := newPlan(files, now, window, seed)
	repo, err := gitimport.Init(out)
	if err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(out, ".git", marker), []byte("written by internal/examplehistory\n"), 0o644); err != nil {
		return 0, err
	}
	n := p.write(repo)
	return n, repo.Close()
}

// readSite reads the files of the site that a build reads.
func readSite(src string) (map[string][]byte, error) {
	files := map[string][]byte{}
	data, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		return nil, err
	}
	files["site.toml"] = data
	for _, dir := range []string{"content", "static"} {
		err := filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			files[filepath.ToSlash(rel)], err = os.ReadFile(p)
			return err
		})
		if err != nil && !(dir == "static" && errors.Is(err, fs.ErrNotExist)) {
			return nil, err
		}
	}
	return files, nil
}

// fresh makes sure out may be written: it does not exist, or this
// command wrote it, in which case it is removed.
func fresh(out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if _, err := os.Stat(filepath.Join(out, ".git", marker)); err != nil {
		return fmt.Errorf("%s exists and is not a history this command wrote; give another -out, or remove it", out)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	return os.MkdirAll(out, 0o755)
}

var (
	statusRE   = regexp.MustCompile(`(?m)^status: *([a-z-]+) *$`)
	estimateRE = regexp.MustCompile(`(?m)^estimate: *([0-9.]+)`)
	releaseRE  = regexp.MustCompile(`(?m)^release: *([a-z0-9-]+)`)
	dayRE      = func(key string) *regexp.Regexp { return regexp.MustCompile(`(?m)^` + key + `: *(\d{4}-\d\d-\d\d)`) }
	startRE    = dayRE("start")
	releasedRE = dayRE("released_on")
	cycleRE    = regexp.MustCompile(`(?m)^cycle_start *= *(\d{4}-\d\d-\d\d)`)
	weeksRE    = regexp.MustCompile(`(?m)^iteration_weeks: *(\d+)`)
)

// event is a file reaching a status on a day; an item's first adds it.
type event struct {
	day    time.Time
	path   string
	status string
}

// plan is the history to write: every file's events.
type plan struct {
	files  map[string][]byte
	start  time.Time // the first commit's day
	events []event
}

func newPlan(files map[string][]byte, now time.Time, window int, seed uint64) *plan {
	p := &plan{files: files, start: now.AddDate(0, 0, -7*40)}
	rng := rand.New(rand.NewPCG(uint64(now.Unix()), seed))
	anchor := now
	if m := cycleRE.FindSubmatch(files["site.toml"]); m != nil {
		anchor, _ = time.Parse(time.DateOnly, string(m[1]))
	}
	released := map[string]time.Time{} // release id → its released_on
	var paths []string
	for path := range files {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		if strings.HasPrefix(path, "content/releases/") {
			p.release(path, now, released)
		}
	}
	for _, path := range paths {
		if !strings.HasPrefix(path, "content/backlogs/") || strings.HasSuffix(path, "/_index.md") || isTranslation(path) {
			continue
		}
		weeks := 2
		if m := weeksRE.FindSubmatch(files[filepath.ToSlash(filepath.Join(filepath.Dir(path), "_index.md"))]); m != nil {
			weeks, _ = strconv.Atoi(string(m[1]))
		}
		// The iteration now is in starts on the grid from anchor.
		span := 7 * max(weeks, 1)
		current := now.AddDate(0, 0, -(int(now.Sub(anchor).Hours()/24)%span+span)%span)
		p.item(path, now, current, span, window, released, rng)
	}
	slices.SortStableFunc(p.events, func(a, b event) int { return a.day.Compare(b.day) })
	return p
}

// isTranslation says whether path is a page's translation (page.de.md).
func isTranslation(path string) bool {
	return strings.Count(filepath.Base(path), ".") > 1
}

// release plans a release's statuses: planned from the first commit
// (write adds it so), in progress from its start day, released on its
// released_on day.
func (p *plan) release(path string, now time.Time, released map[string]time.Time) {
	src := p.files[path]
	m := statusRE.FindSubmatch(src)
	if m == nil {
		return
	}
	id := strings.TrimSuffix(filepath.Base(path), ".md")
	final := string(m[1])
	start := dayOf(startRE, src)
	switch final {
	case "in-progress", "released":
		p.add(start, path, "in-progress")
	case "cancelled":
		p.add(now.AddDate(0, 0, -40), path, "cancelled")
	}
	if final == "released" {
		d := dayOf(releasedRE, src)
		released[id] = d
		p.add(d, path, "released")
	}
}

// item plans an item's statuses, ending at the one it has: an item now
// done was finished in one of the window iterations before the current
// one; one released, some days before its release shipped.
func (p *plan) item(path string, now, current time.Time, span, window int, released map[string]time.Time, rng *rand.Rand) {
	src := p.files[path]
	m := statusRE.FindSubmatch(src)
	if m == nil {
		return
	}
	final := string(m[1])
	est := 3.0
	if e := estimateRE.FindSubmatch(src); e != nil {
		est, _ = strconv.ParseFloat(string(e[1]), 64)
	}
	var rel string
	if r := releaseRE.FindSubmatch(src); r != nil {
		rel = string(r[1])
	}
	days := func(lo, hi int) int { return lo + rng.IntN(hi-lo+1) }
	// Work goes backwards from its last step.
	var done time.Time
	switch final {
	case "done":
		k := 1 + rng.IntN(window)
		done = current.AddDate(0, 0, -k*span+days(0, span-1))
	case "released":
		d, ok := released[rel]
		if !ok {
			d = current.AddDate(0, 0, -days(1, span))
		}
		done = d.AddDate(0, 0, -days(3, 30))
	}
	var steps []event // newest first
	at := func(d time.Time, status string) { steps = append(steps, event{weekday(d, now), path, status}) }
	switch final {
	case "done", "released":
		if final == "released" {
			at(released[rel], "released")
		}
		at(done, "done")
		start := done.AddDate(0, 0, -int(1+est*1.4)-days(0, 5))
		at(start, "in-progress")
		at(start.AddDate(0, 0, -days(3, 20)), "ready")
	case "in-progress":
		start := now.AddDate(0, 0, -days(1, 16))
		at(start, "in-progress")
		at(start.AddDate(0, 0, -days(3, 20)), "ready")
	case "ready":
		at(now.AddDate(0, 0, -days(3, 60)), "ready")
	case "refining":
		at(now.AddDate(0, 0, -days(3, 45)), "refining")
	case "idea":
		at(now.AddDate(0, 0, -days(3, 120)), "idea")
	case "dropped":
		at(now.AddDate(0, 0, -days(3, 60)), "dropped")
	default:
		at(now.AddDate(0, 0, -days(3, 30)), final)
	}
	last := steps[len(steps)-1]
	if last.status != "idea" {
		if last.status != "refining" {
			at(last.day.AddDate(0, 0, -days(5, 20)), "refining")
		}
		at(steps[len(steps)-1].day.AddDate(0, 0, -days(3, 30)), "idea")
	}
	slices.Reverse(steps)
	// Never before the first commit, and in order.
	for i := range steps {
		if steps[i].day.Before(p.start) {
			steps[i].day = p.start
		}
		if i > 0 && steps[i].day.Before(steps[i-1].day) {
			steps[i].day = steps[i-1].day
		}
	}
	p.events = append(p.events, steps...) // the first adds the file, as an idea
}

func (p *plan) add(d time.Time, path, status string) {
	if !d.IsZero() {
		p.events = append(p.events, event{d, path, status})
	}
}

// write writes the plan's commits: first every file that is not an
// item, then a commit per day with a change, and returns how many.
func (p *plan) write(repo *gitimport.Repo) int {
	const author = "Product Owner <po@example.org>"
	state := map[string]string{} // path → the status it has
	added := map[string]bool{}
	items := map[string]bool{}
	for _, e := range p.events {
		if !strings.HasPrefix(e.path, "content/releases/") {
			items[e.path] = true
		}
	}
	var first []gitimport.File
	var paths []string
	for path := range p.files {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		if items[path] || items[translated(path)] {
			continue
		}
		added[path] = true
		data := p.files[path]
		if strings.HasPrefix(path, "content/releases/") {
			data = withStatus(data, "planned")
			state[path] = "planned"
		}
		first = append(first, gitimport.File{Path: path, Data: data})
	}
	n := 0
	commit := func(d time.Time, subject string, fs []gitimport.File) {
		repo.Commit(d.Add(9*time.Hour+time.Duration(n%480)*time.Minute), author, subject, fs)
		n++
	}
	commit(p.start, "Start the process wiki and its backlogs", first)
	for i := 0; i < len(p.events); {
		d := p.events[i].day
		var fs []gitimport.File
		var words []string
		for ; i < len(p.events) && p.events[i].day.Equal(d); i++ {
			e := p.events[i]
			status := e.status
			if !added[e.path] {
				added[e.path] = true
				words = append(words, "add "+name(e.path))
				for _, tr := range paths {
					if translated(tr) == e.path {
						added[tr] = true
						fs = append(fs, gitimport.File{Path: tr, Data: p.files[tr]})
					}
				}
			} else {
				words = append(words, name(e.path)+" "+status)
			}
			state[e.path] = status
			fs = append(fs, gitimport.File{Path: e.path, Data: withStatus(p.files[e.path], status)})
		}
		commit(d, generator.Capitalise(strings.Join(words, ", ")), fs)
	}
	// The site as it is: every status its own.
	var last []gitimport.File
	for _, path := range paths {
		if added[path] && state[path] != "" && !slices.Equal(withStatus(p.files[path], state[path]), p.files[path]) {
			last = append(last, gitimport.File{Path: path, Data: p.files[path]})
		}
		if !added[path] {
			last = append(last, gitimport.File{Path: path, Data: p.files[path]})
		}
	}
	if len(last) > 0 {
		commit(p.events[len(p.events)-1].day, "Bring the statuses up to date", last)
	}
	return n
}

// translated is the page a translation's file translates ("" for a
// file that is no translation).
func translated(path string) string {
	if !isTranslation(path) {
		return ""
	}
	base := filepath.Base(path)
	return filepath.ToSlash(filepath.Join(filepath.Dir(path), base[:strings.Index(base, ".")]+".md"))
}

func withStatus(src []byte, status string) []byte {
	loc := statusRE.FindSubmatchIndex(src)
	if loc == nil {
		return src
	}
	return slices.Concat(src[:loc[2]], []byte(status), src[loc[3]:])
}

func name(path string) string {
	return strings.ToUpper(strings.TrimSuffix(filepath.Base(path), ".md"))
}

// weekday moves a day on a weekend to the Friday before, and a day not
// before now to the day before it.
func weekday(d, now time.Time) time.Time {
	if !d.Before(now) {
		d = now.AddDate(0, 0, -1)
	}
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDate(0, 0, -1)
	case time.Sunday:
		return d.AddDate(0, 0, -2)
	}
	return d
}

func dayOf(re *regexp.Regexp, src []byte) time.Time {
	if m := re.FindSubmatch(src); m != nil {
		d, _ := time.Parse(time.DateOnly, string(m[1]))
		return d
	}
	return time.Time{}
}
