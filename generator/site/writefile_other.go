//go:build !unix

package site

import "os"

// writeNewFile writes data to the file name, created or truncated.
func writeNewFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
