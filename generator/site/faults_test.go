package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/generator/render"
)

// faultyDisk is the real file system with injected faults.
type faultyDisk struct {
	osDisk
	writes      atomic.Int64
	failWriteAt int64                              // the Nth write (from 1) fails with ENOSPC; 0: none
	failRename  func(oldpath, newpath string) bool // renames it returns true for fail
	failRemove  func(path string) bool
}

func (d *faultyDisk) WriteFile(name string, data []byte) error {
	if n := d.writes.Add(1); n == d.failWriteAt {
		return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
	}
	return d.osDisk.WriteFile(name, data)
}

func (d *faultyDisk) Rename(oldpath, newpath string) error {
	if d.failRename != nil && d.failRename(oldpath, newpath) {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: syscall.EXDEV}
	}
	return d.osDisk.Rename(oldpath, newpath)
}

func (d *faultyDisk) Remove(path string) error {
	if d.failRemove != nil && d.failRemove(path) {
		return &fs.PathError{Op: "unlinkat", Path: path, Err: syscall.EBUSY}
	}
	return d.osDisk.Remove(path)
}

func (d *faultyDisk) RemoveAll(path string) error {
	if d.failRemove != nil && d.failRemove(path) {
		return &fs.PathError{Op: "unlinkat", Path: path, Err: syscall.EBUSY}
	}
	return d.osDisk.RemoveAll(path)
}

// publishedSite builds the golden basic site into a fresh public/ and
// returns the site's plan for a second build, with one page changed.
func publishedSite(t *testing.T) (dest string, before map[string][]byte, outs []render.Output) {
	t.Helper()
	src := copySite(t, "basic")
	dest = filepath.Join(src, "public")
	mustBuild(t, src, dest)
	before = files(t, dest)
	edit(t, filepath.Join(src, "content", "roles", "developer.md"), func(s string) string { return s + "\nChanged.\n" })
	res := &Result{ByType: map[string]int{}}
	b, err := load(context.Background(), Options{Source: src, Now: time.Now()}, res)
	if err != nil {
		t.Fatalf("%v\n%s", err, res.Diags.Error())
	}
	return dest, before, b.engine.Plan(b.model)
}

func TestAFullDiskOnAnyWriteKeepsThePublishedSite(t *testing.T) {
	for _, n := range []int64{1, 7, 30} {
		dest, before, outs := publishedSite(t)
		d := &faultyDisk{failWriteAt: n}
		err := publish(context.Background(), d, targetOf(dest), false, outs, nil, nil, nil, &Result{})
		if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "write ") {
			t.Fatalf("write %d fails: got error %v, want ENOSPC naming the file", n, err)
		}
		assertSameTree(t, dest, before)
		assertNoStaging(t, filepath.Dir(dest))
	}
}

func TestAFailedRenameKeepsThePublishedSite(t *testing.T) {
	dest, before, outs := publishedSite(t)
	d := &faultyDisk{failRename: func(oldpath, newpath string) bool {
		return strings.Contains(filepath.Base(oldpath), ".staging-") // moving the new site in place
	}}
	err := publish(context.Background(), d, targetOf(dest), false, outs, nil, nil, nil, &Result{})
	if err == nil || !strings.Contains(err.Error(), "move the new site to "+dest) {
		t.Fatalf("got error %v, want one saying the new site could not be moved to %s", err, dest)
	}
	assertSameTree(t, dest, before) // the previous site was moved back
	assertNoStaging(t, filepath.Dir(dest))

	d = &faultyDisk{failRename: func(oldpath, newpath string) bool { return oldpath == dest }} // moving the old site aside
	err = publish(context.Background(), d, targetOf(dest), false, outs, nil, nil, nil, &Result{})
	if err == nil || !strings.Contains(err.Error(), "move the previous "+dest+" aside") {
		t.Fatalf("got error %v, want one about moving the previous site aside", err)
	}
	assertSameTree(t, dest, before)
	assertNoStaging(t, filepath.Dir(dest))
}

func TestAnOldTreeThatCannotBeRemovedIsReportedAndCleanedLater(t *testing.T) {
	dest, before, outs := publishedSite(t)
	d := &faultyDisk{failRemove: func(path string) bool { return strings.Contains(path, ".public.old-") }}
	err := publish(context.Background(), d, targetOf(dest), false, outs, nil, nil, nil, &Result{})
	if err == nil || !strings.Contains(err.Error(), "the new site is in place, but the previous one could not be removed") {
		t.Fatalf("got error %v, want one saying the old site stays behind", err)
	}
	after := files(t, dest)
	if string(after["roles/developer/index.html"]) == string(before["roles/developer/index.html"]) {
		t.Error("the new site is not in place")
	}
	if old, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.old-*")); len(old) != 1 {
		t.Fatalf("want the old site left in one .public.old-* folder, got %v", old)
	}
	if err := publish(context.Background(), osDisk{}, targetOf(dest), false, outs, nil, nil, nil, &Result{}); err != nil {
		t.Fatal(err)
	}
	assertNoStaging(t, filepath.Dir(dest)) // the next build removed it
}
