package diff

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// Side is one side of a comparison: a directory or a git revision.
type Side struct {
	// Arg is the argument as given: a directory or a revision.
	Arg string
	// Rev is the revision when the side is one; empty for a directory.
	Rev string
	// Dir is the model directory: Arg joined with the model directory for
	// a directory side, the model directory (relative to the working
	// directory) for a revision.
	Dir string
}

// ResolveSide decides what arg names: an existing directory is a
// directory, holding the model in dir inside it ("." by default);
// anything else is a git revision whose model is in dir.
func ResolveSide(arg, dir string) Side {
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
		return Side{Arg: arg, Dir: filepath.Join(arg, dir)}
	}
	return Side{Arg: arg, Rev: arg, Dir: dir}
}

// Label names the side in messages: the directory, or REV:DIR.
func (s Side) Label() string {
	if s.Rev == "" {
		return s.Dir
	}
	return s.Rev + ":" + filepath.ToSlash(s.Dir)
}

// Files reads the side's .cue files. A revision's files are named
// REV:DIR/NAME, so positions on that side say which revision they are in.
func (s Side) Files() ([]ropa.File, error) {
	if s.Rev == "" {
		return ropa.ReadDir(s.Dir)
	}
	return revisionFiles(s.Rev, s.Dir)
}

// Load reads and loads the side's model. The error is a *ropa.LoadError
// when the files do not load, with revision file names printed as
// REV:DIR/NAME.
func (s Side) Load() (*ropa.Model, error) {
	files, err := s.Files()
	if err != nil {
		return nil, err
	}
	// File names are kept as given: a revision's read REV:DIR/NAME.
	return ropa.LoadFiles(files)
}

// isHidden reports whether a file name is one ropa skips, like ReadDir.
func isHidden(name string) bool { return strings.HasPrefix(name, ".") }
