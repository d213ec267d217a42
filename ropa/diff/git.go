package diff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// revisionFiles reads the .cue files directly inside the model directory
// of a resolved revision side: `git ls-tree COMMIT -- DIR/` lists them,
// `git show COMMIT:DIR/NAME` reads each.
func revisionFiles(s Side) ([]ropa.File, error) {
	rev, dir, top, rel, commit := s.Rev, s.Dir, s.top, s.rel, s.Commit
	args := []string{"ls-tree", "-z", commit}
	if rel != "." {
		args = append(args, "--", rel+"/")
	}
	out, err := git(top, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot list %s: %v", rev, dir, err)
	}
	var files []ropa.File
	for _, entry := range strings.Split(out, "\x00") {
		meta, name, ok := strings.Cut(entry, "\t")
		if !ok || !strings.HasSuffix(name, ".cue") || isHidden(path.Base(name)) {
			continue
		}
		if f := strings.Fields(meta); len(f) < 2 || f[1] != "blob" {
			continue
		}
		data, err := git(top, "show", commit+":"+name)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read %s: %v", rev, name, err)
		}
		files = append(files, ropa.File{
			Name: rev + ":" + filepath.ToSlash(filepath.Join(dir, path.Base(name))),
			Data: []byte(data),
		})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no .cue files in %s at this revision", rev, filepath.ToSlash(dir))
	}
	return files, nil
}

// repoPath finds the git repository containing dir (which need not exist
// in the working tree) and returns its top directory and dir relative to
// it, slash-separated.
func repoPath(dir string) (top, rel string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	// Climb to the nearest directory that exists: dir may exist only at
	// the revision.
	existing, rest := abs, ""
	for {
		if fi, err := os.Stat(existing); err == nil && fi.IsDir() {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return "", "", fmt.Errorf("%s: no such directory", dir)
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	out, err := git(existing, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", fmt.Errorf("%s is not inside a git repository (%v)", dir, err)
	}
	top = strings.TrimSpace(out)
	if real, err := filepath.EvalSymlinks(existing); err == nil {
		existing = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	r, err := filepath.Rel(top, filepath.Join(existing, rest))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", "", fmt.Errorf("%s is outside the git repository %s", dir, top)
	}
	return top, filepath.ToSlash(r), nil
}

// git runs git in dir and returns its standard output; the error carries
// git's message.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return "", errors.New(msg)
			}
		}
		return "", err
	}
	return stdout.String(), nil
}
