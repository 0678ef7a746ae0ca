package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/backlight-wiki/backlight/generator/search"
	"github.com/backlight-wiki/backlight/generator/site"
	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// indexStats is what the -index child reports of building Backlight's
// search index in-process.
type indexStats struct {
	WallNs    int64  `json:"wallNs"`             // the step's wall time
	StepPeak  int64  `json:"stepPeak"`           // peak RSS during the step above the RSS before it, bytes
	ProcPeak  int64  `json:"procPeak"`           // peak RSS of the whole process (loading the site included), bytes
	Allocated int64  `json:"allocated"`          // bytes allocated by the step
	Docs      int    `json:"docs"`               // documents indexed
	Mismatch  string `json:"mismatch,omitempty"` // how the index built differs from the build's, if it does
}

func (s indexStats) wall() time.Duration { return time.Duration(s.WallNs) }

// indexChild loads the site in dir, builds its search index in-process,
// measures that step alone and prints indexStats as JSON.
func indexChild(dir string, w io.Writer) error {
	stats, err := measureIndexStep(dir)
	if err != nil {
		return err
	}
	return json.NewEncoder(w).Encode(stats)
}

// measureIndexStep is the in-process measure of the index build: it
// loads the site as site.Build does (searchdocs.go), then, with the
// garbage collector at the CLI's target, collects and returns the freed
// memory to the system, resets the peak RSS and runs search.Build alone.
// It checks that the files it builds are those the build wrote into
// public/search/, and says how they differ if not: then searchdocs.go no
// longer loads the site as site.Build does.
func measureIndexStep(dir string) (indexStats, error) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(cliGCPercent)
	}
	docs, opts, err := site.IndexInput(site.Options{Source: dir, Now: time.Now()})
	if err != nil {
		return indexStats{}, err
	}
	loadPeak := procStatus("VmHWM")
	debug.FreeOSMemory() // collect, and give back what the loading freed, so that the step cannot reuse it unseen
	before := procStatus("VmRSS")
	reset := resetPeak()
	allocs := heapAllocs()

	start := time.Now()
	ix := search.Build(docs, opts)
	files := ix.Files()
	wall := time.Since(start)

	st := indexStats{WallNs: int64(wall), Allocated: heapAllocs() - allocs, Docs: ix.Stats().Documents}
	if peak := procStatus("VmHWM"); reset && peak > 0 {
		st.StepPeak = peak - before
		st.ProcPeak = max(loadPeak, peak)
	}
	if err := sameFiles(files, filepath.Join(dir, "public")); err != nil {
		st.Mismatch = err.Error()
	}
	runtime.KeepAlive(docs)
	return st, nil
}

// cliGCPercent is the garbage collector's target of the backlight command
// (generator/cmd/backlight) unless GOGC is set.
const cliGCPercent = 70

// heapAllocs is the bytes allocated on the heap so far.
func heapAllocs() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// isIndexFile tells the files of Backlight's index under search/ (all
// scripts) from the search page there (index.html).
func isIndexFile(name string) bool { return filepath.Ext(name) == ".js" }

// sameFiles checks that files are exactly the index files under
// public/search/.
func sameFiles(files []search.File, public string) error {
	n, _, err := treeSize(filepath.Join(public, "search"), isIndexFile)
	if err != nil {
		return err
	}
	if n != len(files) {
		return fmt.Errorf("%d files, the build wrote %d", len(files), n)
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(f.Path)))
		if err != nil {
			return err
		}
		if !bytes.Equal(data, f.Data) {
			return fmt.Errorf("%s is not the same", f.Path)
		}
	}
	return nil
}

// indexTimeout bounds one -index child.
const indexTimeout = 10 * time.Minute

// measureIndex runs the -index child runs times on the site in dir and
// keeps the best wall time and the lowest peaks.
func measureIndex(ctx context.Context, self, dir string, runs int, progress io.Writer) (indexStats, error) {
	var best indexStats
	for k := range runs {
		m, err := harness.Run(ctx, indexTimeout, self, "-index", dir)
		if err != nil {
			return best, err
		}
		var s indexStats
		if err := json.Unmarshal(m.Output, &s); err != nil {
			return best, fmt.Errorf("read the -index child's report %q: %w", m.Output, err)
		}
		fmt.Fprintf(progress, "  backlight index run %d/%d: %v, +%.1f MiB (process %.1f MiB)\n",
			k+1, runs, s.wall().Round(time.Millisecond), harness.MiB(s.StepPeak), harness.MiB(s.ProcPeak))
		if k == 0 {
			best = s
			continue
		}
		best.WallNs = min(best.WallNs, s.WallNs)
		best.StepPeak = min(best.StepPeak, s.StepPeak)
		best.ProcPeak = min(best.ProcPeak, s.ProcPeak)
		best.Allocated = min(best.Allocated, s.Allocated)
	}
	return best, nil
}
