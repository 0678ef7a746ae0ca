package main

import "syscall"

// tmpfsMagic is Linux's TMPFS_MAGIC, the f_type of a tmpfs.
const tmpfsMagic = 0x01021994

// onTmpfs reports whether dir is on a tmpfs.
func onTmpfs(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && st.Type == tmpfsMagic
}

// settle writes every file system's dirty pages to disk (sync(2)) before
// a build, so that no build is slowed by the writeback of the ones
// before it: on disk, a run's files were still being written out while
// the next ran, and runs late in a round of 50,000 pages took up to
// twice as long as the first (docs/benchmarks.md).
func settle() { syscall.Sync() }
