//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package cmd

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockName is the lock file of platforms without flock; unused here,
// where the output directory itself is locked, but reserved all the same.
const lockName = ".ropa.lock"

// lockDir takes an exclusive flock on the directory dir, so that two
// builds into one directory cannot interleave. It does not wait: when
// another process holds the lock it fails with a message saying so. The
// kernel drops the lock when the process ends, so a crashed build leaves
// none behind. The returned function releases it.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		f.Close()
		return nil, fmt.Errorf("another ropa build is writing to %s; run this one when it has finished", dir)
	}
	if err != nil {
		// A file system without locks (some network mounts): go on
		// unlocked rather than refuse to build at all.
		if errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) {
			f.Close()
			return func() {}, nil
		}
		f.Close()
		return nil, fmt.Errorf("cannot lock %s: %v", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
