//go:build unix

package site

import (
	"io/fs"
	"syscall"
)

// writeNewFile writes data to the file name, created or truncated, as
// os.WriteFile does with mode 0o644 but in three system calls (open,
// write, close) instead of eight: os.OpenFile also tries to register
// every file with the runtime's poller, which a regular file refuses
// (fcntl twice, epoll_ctl, fcntl twice more), and sets a finalizer. A
// build writes one file per page, so this is a tenth of the system calls
// of a build into tmpfs (docs/benchmarks.md).
func writeNewFile(name string, data []byte) error {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		return err
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		err = retryEINTR(func() (err error) {
			n, err = syscall.Write(fd, data)
			return err
		})
		if err == nil && n == 0 {
			err = syscall.EIO // a regular file that takes nothing: never loop
		}
		data = data[max(n, 0):]
	}
	if err != nil {
		syscall.Close(fd)
		return &fs.PathError{Op: "write", Path: name, Err: err}
	}
	// close reports the errors a file system may hold back until then
	// (NFS, a full quota); it is not retried on EINTR, since Linux has
	// released the descriptor whatever it returns.
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// retryEINTR calls f again while it is interrupted by a signal.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
