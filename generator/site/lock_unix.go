//go:build unix

package site

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockDest takes an exclusive lock on the destination, through the file
// .<base>.lock beside it, so that two builds into one folder run one after
// the other instead of deleting each other's staging folders. The lock is
// the kernel's (flock): a build that is killed releases it.
func lockDest(parent, base string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(parent, "."+base+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", filepath.Join(parent, base), err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", filepath.Join(parent, base), err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
