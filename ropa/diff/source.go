package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// The prefixes that say what a side is, whatever else its name could be.
const (
	// RevPrefix marks a side as a git revision: rev:main, rev:origin/main.
	RevPrefix = "rev:"
	// DirPrefix marks a side as a directory: dir:./old, dir:main.
	DirPrefix = "dir:"
)

// Side is one side of a comparison: a directory or a git revision.
type Side struct {
	// Arg is the argument as given: a directory or a revision, perhaps
	// with a rev: or dir: prefix.
	Arg string
	// Rev is the revision when the side is one, without its prefix; empty
	// for a directory.
	Rev string
	// Commit is the full hash of the commit Rev names; empty for a
	// directory.
	Commit string
	// Dir is the model directory: the directory joined with the model
	// directory for a directory side, the model directory (relative to the
	// working directory) for a revision.
	Dir string
	// top is the top of the repository a revision is read from, and rel
	// the model directory relative to it, slash-separated.
	top, rel string
}

// AmbiguousError is returned when a side without a prefix names both an
// existing directory and a git revision: reading either could compare
// something other than what the user meant, so the user must say which.
type AmbiguousError struct {
	// Arg is the side as given.
	Arg string
	// Commit is the commit the revision names.
	Commit string
	// Dir is the model directory inside the side, as given.
	Dir string
}

// Error explains the two readings and how to choose one.
func (e *AmbiguousError) Error() string {
	short := e.Commit
	if len(short) > 12 {
		short = short[:12]
	}
	return fmt.Sprintf("%q is both a directory and a git revision (commit %s); say which one to compare:\n"+
		"    %s%s    the git revision, its model in %s\n"+
		"    %s%s    the directory, its model in %s",
		e.Arg, short,
		RevPrefix, e.Arg, filepath.ToSlash(e.Dir),
		DirPrefix, e.Arg, filepath.ToSlash(filepath.Join(e.Arg, e.Dir)))
}

// ResolveSide decides what arg names, with the model in dir ("." by
// default): inside the directory for a directory side, in the repository
// containing dir for a revision.
//
// "rev:NAME" is always the git revision NAME and "dir:PATH" always the
// directory PATH. Without a prefix, an existing directory is a directory
// and anything else a git revision; a name that is both is an
// *AmbiguousError. A revision is resolved to its commit here, once, so
// that both the files read and the report name the same commit.
func ResolveSide(arg, dir string) (Side, error) {
	if dir == "" {
		dir = "."
	}
	if rest, ok := strings.CutPrefix(arg, RevPrefix); ok {
		s, err := revisionSide(arg, rest, dir)
		if err != nil {
			return Side{}, fmt.Errorf("%s: %v", arg, err)
		}
		return s, nil
	}
	if rest, ok := strings.CutPrefix(arg, DirPrefix); ok {
		if rest == "" {
			return Side{}, fmt.Errorf("%s: no directory after %q; write %s./path", arg, DirPrefix, DirPrefix)
		}
		fi, err := os.Stat(rest)
		if err != nil || !fi.IsDir() {
			return Side{}, fmt.Errorf("%s: %q is not a directory", arg, rest)
		}
		return Side{Arg: arg, Dir: filepath.Join(rest, dir)}, nil
	}
	fi, err := os.Stat(arg)
	isDir := err == nil && fi.IsDir()
	rev, revErr := revisionSide(arg, arg, dir)
	switch {
	case isDir && revErr == nil:
		return Side{}, &AmbiguousError{Arg: arg, Commit: rev.Commit, Dir: dir}
	case isDir:
		return Side{Arg: arg, Dir: filepath.Join(arg, dir)}, nil
	case revErr != nil:
		return Side{}, revErr
	}
	return rev, nil
}

// revisionSide resolves rev to a commit of the repository containing dir.
func revisionSide(arg, rev, dir string) (Side, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return Side{}, fmt.Errorf("%q is neither a directory nor a git revision", rev)
	}
	top, rel, err := repoPath(dir)
	if err != nil {
		return Side{}, fmt.Errorf("%q is not a directory, and cannot be read as a git revision: %v", rev, err)
	}
	commit, err := git(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return Side{}, fmt.Errorf("%q is neither a directory nor a known git revision in %s", rev, top)
	}
	return Side{Arg: arg, Rev: rev, Commit: strings.TrimSpace(commit), Dir: dir, top: top, rel: rel}, nil
}

// Label names the side in messages: the directory, or REV:DIR.
func (s Side) Label() string {
	if s.Rev == "" {
		return s.Dir
	}
	return s.Rev + ":" + filepath.ToSlash(s.Dir)
}

// Source says what the side is, for the report.
func (s Side) Source() *Source {
	if s.Rev == "" {
		return &Source{Kind: "directory", Dir: filepath.ToSlash(s.Dir)}
	}
	return &Source{Kind: "revision", Revision: s.Rev, Commit: s.Commit, Dir: filepath.ToSlash(s.Dir)}
}

// Files reads the side's .cue files. A revision's files are named
// REV:DIR/NAME, so positions on that side say which revision they are in.
func (s Side) Files() ([]ropa.File, error) {
	if s.Rev == "" {
		return ropa.ReadDir(s.Dir)
	}
	if s.Commit == "" {
		return nil, fmt.Errorf("%s: revision not resolved; use ResolveSide", s.Rev)
	}
	return revisionFiles(s)
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

// Source describes one side of a comparison in the report, so that a
// reader sees what was compared: a revision and the commit it named, or a
// directory.
type Source struct {
	// Kind is "revision" or "directory".
	Kind string `json:"kind"`
	// Revision is the revision as given (main, origin/main, HEAD~1).
	Revision string `json:"revision,omitempty"`
	// Commit is the full hash of the commit the revision named.
	Commit string `json:"commit,omitempty"`
	// Dir is the model directory, slash-separated: the directory read,
	// or the model's directory in the revision (relative to the working
	// directory).
	Dir string `json:"dir"`
}

// String is "revision main (commit 0123…), model in privacy" or
// "directory main/privacy".
func (s *Source) String() string {
	if s == nil {
		return "(unknown)"
	}
	if s.Kind == "revision" {
		return fmt.Sprintf("revision %s (commit %s), model in %s", s.Revision, s.Commit, s.Dir)
	}
	return "directory " + s.Dir
}

// isHidden reports whether a file name is one ropa skips, like ReadDir.
func isHidden(name string) bool { return strings.HasPrefix(name, ".") }
