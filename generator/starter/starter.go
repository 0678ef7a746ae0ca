// Package starter writes the files of a new Backlight site: site.toml, a
// .gitignore, a README for the wiki's authors, starter content from one of
// the embedded templates and, optionally, a CI workflow that publishes the
// site. It never overwrites a file.
//
// The files live under files/: common/ for every site, one folder per
// template, and ci-<name>/ per CI system. A file whose name ends in .tmpl
// is run through text/template (with dates relative to today, so that a
// new site's roadmap is current) and written without that suffix; every
// other file is copied as it is.
package starter

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"
)

//go:embed all:files
var files embed.FS

// Templates are the starter contents, the default first. "empty" has no
// pages, only an empty content/ folder: it suits adding a workflow to an
// existing site (with Force) or starting from nothing.
func Templates() []string { return []string{"scaled", "minimal", "empty"} }

// CIs are the CI systems a workflow can be written for.
func CIs() []string { return []string{"github", "gitlab"} }

// Options say where and what to write.
type Options struct {
	Dir      string    // the new site's folder; created when missing
	Template string    // one of Templates(); "" is the first
	CI       string    // "" or one of CIs()
	Force    bool      // write into a folder that is not empty, skipping files that exist
	Now      time.Time // the day the content's dates count from
}

// Result lists what Write did, as slash-separated paths relative to Dir.
type Result struct {
	Written []string
	Skipped []string // files that existed already and were kept
}

// errUsage marks a request that cannot be carried out as asked.
var errUsage = errors.New("usage")

// IsUsage reports whether err is a mistake in what was asked for (an
// unknown template, a folder that is not empty without Force).
func IsUsage(err error) bool { return errors.Is(err, errUsage) }

// Write writes the new site. Without Force it refuses a Dir that holds
// anything; with Force it writes only the files that do not exist yet.
func Write(o Options) (*Result, error) {
	if o.Template == "" {
		o.Template = Templates()[0]
	}
	if !slices.Contains(Templates(), o.Template) {
		return nil, fmt.Errorf("%w: unknown template %q (choose %s)", errUsage, o.Template, strings.Join(Templates(), " or "))
	}
	if o.CI != "" && !slices.Contains(CIs(), o.CI) {
		return nil, fmt.Errorf("%w: unknown CI %q (choose %s)", errUsage, o.CI, strings.Join(CIs(), " or "))
	}
	if err := checkDir(o.Dir, o.Force); err != nil {
		return nil, err
	}
	folders := []string{"files/common"}
	if o.Template == "empty" {
		if err := os.MkdirAll(filepath.Join(o.Dir, "content"), 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", filepath.Join(o.Dir, "content"), err)
		}
	} else {
		folders = append(folders, "files/"+o.Template)
	}
	if o.CI != "" {
		folders = append(folders, "files/ci-"+o.CI)
	}
	data := newData(o.Now)
	res := &Result{}
	for _, folder := range folders {
		err := fs.WalkDir(files, folder, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := strings.TrimPrefix(name, folder+"/")
			body, err := files.ReadFile(name)
			if err != nil {
				return fmt.Errorf("read the embedded %s: %w", name, err)
			}
			if strings.HasSuffix(rel, ".tmpl") {
				rel = strings.TrimSuffix(rel, ".tmpl")
				if body, err = fill(name, body, data); err != nil {
					return err
				}
			}
			wrote, err := writeNew(o.Dir, rel, body)
			if err != nil {
				return err
			}
			if wrote {
				res.Written = append(res.Written, rel)
			} else {
				res.Skipped = append(res.Skipped, rel)
			}
			return nil
		})
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// checkDir creates dir when it is missing and refuses one that holds
// anything unless force is set.
func checkDir(dir string, force bool) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("inspect %s: %w", dir, err)
	case !st.IsDir():
		return fmt.Errorf("%w: %s is a file, not a folder", errUsage, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}
	if len(entries) > 0 && !force {
		return fmt.Errorf("%w: %s is not empty (it holds %s%s); choose an empty or new folder, or add --force to write only the files that do not exist yet",
			errUsage, dir, entries[0].Name(), more(len(entries)-1))
	}
	return nil
}

func more(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " and 1 more entry"
	}
	return fmt.Sprintf(" and %d more entries", n)
}

// writeNew writes body to dir/rel unless a file (or anything else) is
// there already, in which case it reports false.
func writeNew(dir, rel string, body []byte) (bool, error) {
	file := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return false, fmt.Errorf("create %s: %w", filepath.Dir(file), err)
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("create %s: %w", file, err)
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, fmt.Errorf("write %s: %w", file, err)
	}
	return true, nil
}

// data holds the dates the templates use. The current cycle began on a
// Monday six weeks ago; the released release filled the cycle before it
// and the planned one fills the cycle after it.
type data struct {
	CycleStart                       string
	PastStart, PastEnd, PastReleased string
	NextStart, NextEnd               string
}

const cycle = 13 * 7 // days in a cycle of 13 weeks

func newData(now time.Time) data {
	if now.IsZero() {
		now = time.Now()
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	start := monday.AddDate(0, 0, -6*7)
	f := func(t time.Time) string { return t.Format(time.DateOnly) }
	return data{
		CycleStart:   f(start),
		PastStart:    f(start.AddDate(0, 0, -cycle)),
		PastEnd:      f(start.AddDate(0, 0, -1)),
		PastReleased: f(start.AddDate(0, 0, -3)),
		NextStart:    f(start.AddDate(0, 0, cycle)),
		NextEnd:      f(start.AddDate(0, 0, 2*cycle-1)),
	}
}

func fill(name string, body []byte, d data) ([]byte, error) {
	t, err := template.New(path.Base(name)).Option("missingkey=error").Parse(string(body))
	if err != nil {
		return nil, fmt.Errorf("the embedded %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("the embedded %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
