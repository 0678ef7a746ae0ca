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
// a build, so that no build is slowed by the writeback of the files the
// builds before it wrote.
func settle() { syscall.Sync() }
