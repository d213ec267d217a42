//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// lockName is the lock file a build creates in its output directory on
// platforms without flock, and removes when it ends.
const lockName = ".ropa.lock"

// lockDir creates dir/.ropa.lock exclusively, so that two builds into one
// directory cannot interleave. It does not wait: when the file exists it
// fails with a message naming it, which a crashed build may have left
// behind. The returned function removes it.
func lockDir(dir string) (func(), error) {
	name := filepath.Join(dir, lockName)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("another ropa build is writing to %s (it holds %s); run this one when it has finished, or delete %s if no build is running", dir, name, name)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot lock %s: %v", dir, err)
	}
	f.Close()
	return func() { os.Remove(name) }, nil
}
