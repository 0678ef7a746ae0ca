package main

import (
	"os"
	"syscall"
)

// peakRSS is the finished child's peak resident set size in bytes; Linux
// reports it in KiB.
func peakRSS(state *os.ProcessState) int64 {
	if u, ok := state.SysUsage().(*syscall.Rusage); ok {
		return u.Maxrss * 1024
	}
	return 0
}
