package main

import "syscall"

// tmpfsMagic is Linux's TMPFS_MAGIC, the f_type of a tmpfs.
const tmpfsMagic = 0x01021994

// onTmpfs reports whether dir is on a tmpfs.
func onTmpfs(dir string) bool {
	var st syscall.Statfs_t
	return syscall.Statfs(dir, &st) == nil && st.Type == tmpfsMagic
}
