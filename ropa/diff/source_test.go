package diff

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// loadArg resolves and loads one side.
func loadArg(arg, dir string) (*ropa.Model, error) {
	s, err := ResolveSide(arg, dir)
	if err != nil {
		return nil, err
	}
	return s.Load()
}

func TestResolveSide(t *testing.T) {
	gitRepo(t)
	dir, err := filepath.Abs("models")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := ResolveSide(dir, ""); err != nil || s.Rev != "" || s.Dir != dir || s.Source().Kind != "directory" {
		t.Errorf("ResolveSide(dir) = %+v, %v", s, err)
	}
	if s, err := ResolveSide(dir, "m"); err != nil || s.Rev != "" || s.Dir != filepath.Join(dir, "m") {
		t.Errorf("ResolveSide(dir, m) = %+v, %v", s, err)
	}
	s, err := ResolveSide("v1", "models/m")
	if err != nil || s.Rev != "v1" || s.Dir != "models/m" || s.Label() != "v1:models/m" || len(s.Commit) < 40 {
		t.Errorf("ResolveSide(v1, models/m) = %+v, %v, label %s", s, err, s.Label())
	}
	src := s.Source()
	if src.Kind != "revision" || src.Revision != "v1" || src.Commit != s.Commit || src.Dir != "models/m" {
		t.Errorf("Source() = %+v", src)
	}
	if got := src.String(); got != "revision v1 (commit "+s.Commit+"), model in models/m" {
		t.Errorf("Source().String() = %s", got)
	}
}

// TestResolveSideAmbiguous checks that a name that is both a directory
// and a revision is an error unless a prefix says which it is: a
// directory committed under a branch's name must not stand in for the
// branch.
func TestResolveSideAmbiguous(t *testing.T) {
	gitRepo(t)
	if err := os.MkdirAll("v1/models/m", 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := ResolveSide("v1", "models/m")
	var ae *AmbiguousError
	if !errors.As(err, &ae) || ae.Arg != "v1" || len(ae.Commit) < 40 {
		t.Fatalf("ResolveSide(v1) = %v, want an AmbiguousError", err)
	}
	for _, want := range []string{`"v1" is both a directory and a git revision (commit `, "rev:v1    the git revision, its model in models/m",
		"dir:v1    the directory, its model in v1/models/m"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if s, err := ResolveSide("rev:v1", "models/m"); err != nil || s.Rev != "v1" || s.Commit != ae.Commit {
		t.Errorf("ResolveSide(rev:v1) = %+v, %v", s, err)
	}
	if s, err := ResolveSide("dir:v1", "models/m"); err != nil || s.Rev != "" || s.Dir != filepath.Join("v1", "models/m") {
		t.Errorf("ResolveSide(dir:v1) = %+v, %v", s, err)
	}
	// A prefix never falls back to the other reading.
	for arg, want := range map[string]string{
		"rev:models": `rev:models: "models" is neither a directory nor a known git revision`,
		"dir:v2":     `dir:v2: "v2" is not a directory`,
		"dir:":       `dir:: no directory after "dir:"`,
		"rev:":       `rev:: "" is neither a directory nor a git revision`,
		"rev:-x":     `rev:-x: "-x" is neither a directory nor a git revision`,
	} {
		if _, err := ResolveSide(arg, "models/m"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ResolveSide(%s) = %v, want %q", arg, err, want)
		}
	}
	// A directory that is no revision, and a revision that is no
	// directory, need no prefix.
	if s, err := ResolveSide("models", "m"); err != nil || s.Rev != "" {
		t.Errorf("ResolveSide(models) = %+v, %v", s, err)
	}
	if s, err := ResolveSide("HEAD", "models/m"); err != nil || s.Rev != "HEAD" {
		t.Errorf("ResolveSide(HEAD) = %+v, %v", s, err)
	}
}

// gitRepo makes a throw-away repository in a temporary directory, with
// revision v1 holding the base model in models/m and HEAD an edited one,
// and makes it the working directory.
func gitRepo(t *testing.T, edits ...edit) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	src := apply(t, baseSource(t), nil)
	edited := apply(t, src, edits)
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Chdir(dir)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@t", "-c", "user.name=t"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("models/m/model.cue", src)
	write("models/m/.hidden.cue", "not cue")
	write("models/m/notes.txt", "not a model file")
	write("models/m/sub/other.cue", "package other")
	run("add", ".")
	run("commit", "-q", "-m", "one")
	run("tag", "v1")
	write("models/m/model.cue", edited)
	run("commit", "-q", "--allow-empty", "-a", "-m", "two")
	return dir
}

func TestRevisions(t *testing.T) {
	gitRepo(t, edit{"To manage your tenancy.", "To manage your home."}, edit{`recipients: ["contractors"]`, `recipients: []`})
	old, err := loadArg("v1", "models/m")
	if err != nil {
		t.Fatal(err)
	}
	new, err := loadArg("HEAD", "models/m")
	if err != nil {
		t.Fatal(err)
	}
	r := Diff(old, new)
	checkChanges(t, r, []string{"notify activity tenancy changed purpose", "register activity tenancy removed recipients"})
	if len(r.Changes) == 2 {
		if got := r.Changes[0].Pos.String(); got != "HEAD:models/m/model.cue:57:3" {
			t.Errorf("new position %s", got)
		}
		if got := r.Changes[1].Pos.String(); got != "v1:models/m/model.cue:63:16" {
			t.Errorf("old position %s", got)
		}
	}

	// The working tree against a revision, from a subdirectory.
	t.Chdir("models")
	wt, err := loadArg(".", "m")
	if err != nil {
		t.Fatal(err)
	}
	old, err = loadArg("v1", "m")
	if err != nil {
		t.Fatal(err)
	}
	checkChanges(t, Diff(old, wt), []string{"notify activity tenancy changed purpose", "register activity tenancy removed recipients"})
}

func TestRevisionDirGoneFromWorkingTree(t *testing.T) {
	dir := gitRepo(t)
	if err := os.RemoveAll(filepath.Join(dir, "models")); err != nil {
		t.Fatal(err)
	}
	if _, err := loadArg("v1", "models/m"); err != nil {
		t.Fatal(err)
	}
}

func TestRevisionErrors(t *testing.T) {
	dir := gitRepo(t)
	for _, tc := range []struct{ rev, dir, want string }{
		{"nope", "models/m", `"nope" is neither a directory nor a known git revision`},
		{"-v", "models/m", `"-v" is neither a directory nor a git revision`},
		{"v1", "models/none", "v1: no .cue files in models/none at this revision"},
	} {
		_, err := loadArg(tc.rev, tc.dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s, %s) = %v, want %q", tc.rev, tc.dir, err, tc.want)
		}
	}

	// A revision whose model does not load names its files REV:DIR/NAME.
	if err := os.WriteFile(filepath.Join(dir, "models/m/model.cue"), []byte("package base\nschemaVersion: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-a", "-m", "bad")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	_, err := loadArg("HEAD", "models/m")
	var le *ropa.LoadError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "HEAD:models/m/model.cue:2:") {
		t.Errorf("Load(bad HEAD) = %v", err)
	}

	t.Chdir(t.TempDir())
	_, err = loadArg("v1", ".")
	if err == nil || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("Load outside a repository = %v", err)
	}
}
