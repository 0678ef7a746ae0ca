package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
)

// Memory of this process, from Linux's /proc/self/status; 0 elsewhere.

// procStatus reads a field of /proc/self/status given in kB ("VmHWM",
// "VmRSS") in bytes.
func procStatus(field string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		name, value, ok := bytes.Cut(sc.Bytes(), []byte(":"))
		if !ok || string(name) != field {
			continue
		}
		fields := bytes.Fields(value)
		if len(fields) == 0 {
			return 0
		}
		n, _ := strconv.ParseInt(string(fields[0]), 10, 64)
		return n * 1024
	}
	return 0
}

// resetPeak resets VmHWM to the current RSS (Linux 4.0 and later), so that
// the peak of one step can be read after it.
func resetPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}
