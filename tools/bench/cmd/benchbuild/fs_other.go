//go:build !linux

package main

// onTmpfs is false outside Linux, where benchbuild cannot tell.
func onTmpfs(string) bool { return false }

// settle does nothing outside Linux.
func settle() {}
