package harness

import (
	"os"
	"syscall"
)

// PeakRSS is the finished child's peak resident set size in bytes; Linux
// reports it in KiB.
func PeakRSS(state *os.ProcessState) int64 {
	if u, ok := state.SysUsage().(*syscall.Rusage); ok {
		return u.Maxrss * 1024
	}
	return 0
}
