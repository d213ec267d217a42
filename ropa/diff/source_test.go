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

func TestResolveSide(t *testing.T) {
	dir := t.TempDir()
	if s := ResolveSide(dir, ""); s.Rev != "" || s.Dir != dir {
		t.Errorf("ResolveSide(dir) = %+v", s)
	}
	if s := ResolveSide(dir, "model"); s.Rev != "" || s.Dir != filepath.Join(dir, "model") {
		t.Errorf("ResolveSide(dir, model) = %+v", s)
	}
	if s := ResolveSide("main", "examples/x"); s.Rev != "main" || s.Dir != "examples/x" || s.Label() != "main:examples/x" {
		t.Errorf("ResolveSide(main, examples/x) = %+v, label %s", s, s.Label())
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
	old, err := ResolveSide("v1", "models/m").Load()
	if err != nil {
		t.Fatal(err)
	}
	new, err := ResolveSide("HEAD", "models/m").Load()
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
	wt, err := ResolveSide(".", "m").Load()
	if err != nil {
		t.Fatal(err)
	}
	old, err = ResolveSide("v1", "m").Load()
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
	if _, err := ResolveSide("v1", "models/m").Load(); err != nil {
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
		_, err := ResolveSide(tc.rev, tc.dir).Load()
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
	_, err := ResolveSide("HEAD", "models/m").Load()
	var le *ropa.LoadError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "HEAD:models/m/model.cue:2:") {
		t.Errorf("Load(bad HEAD) = %v", err)
	}

	t.Chdir(t.TempDir())
	_, err = ResolveSide("v1", ".").Load()
	if err == nil || !strings.Contains(err.Error(), "not inside a git repository") {
		t.Errorf("Load outside a repository = %v", err)
	}
}
