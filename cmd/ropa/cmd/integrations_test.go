package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoTop is the top of the repository, absolute, so that tests that
// change directory still find its files.
var repoTop, _ = filepath.Abs(filepath.Join("..", "..", ".."))

// repoFile reads a file at the top of the repository.
func repoFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoTop, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// minimalModel copies examples/minimal into dir/name.
func minimalModel(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name, "model.cue"), repoFile(t, "examples/minimal/model.cue"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPreCommitHook runs the hook as pre-commit does: the entry split into
// words, then the hook's args (or a user's), with no file names, from the
// top of the user's repository.
func TestPreCommitHook(t *testing.T) {
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Language      string   `yaml:"language"`
		PassFilenames *bool    `yaml:"pass_filenames"`
		Files         string   `yaml:"files"`
		Args          []string `yaml:"args"`
	}
	if err := yaml.Unmarshal(repoFile(t, ".pre-commit-hooks.yaml"), &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "ropa-check" {
		t.Fatalf("hooks %+v, want one, ropa-check", hooks)
	}
	h := hooks[0]
	if h.Language != "golang" || h.PassFilenames == nil || *h.PassFilenames || !regexp.MustCompile(h.Files).MatchString("privacy/model.cue") {
		t.Errorf("hook %+v: want language golang, pass_filenames false, files matching .cue", h)
	}
	words := strings.Fields(h.Entry)
	if len(words) < 2 || words[0] != "ropa" {
		t.Fatalf("entry %q does not run ropa", h.Entry)
	}
	run := func(args []string) (int, string) {
		var out, errb bytes.Buffer
		code := Run(append(append([]string{}, words[1:]...), args...), IO{Out: &out, Err: &errb})
		return code, out.String() + errb.String()
	}

	// The hook's own args, from a repository whose model is at its top.
	dir := t.TempDir()
	minimalModel(t, dir, ".")
	t.Chdir(dir)
	if code, out := run(h.Args); code != ExitOK || !strings.Contains(out, "0 errors") {
		t.Errorf("%s %v: exit %d\n%s", h.Entry, h.Args, code, out)
	}
	// A user's args: the model directory and a stricter --fail-on.
	minimalModel(t, dir, "privacy")
	if code, out := run([]string{"privacy", "--fail-on", "warning"}); code != ExitFindings || !strings.Contains(out, " warnings") {
		t.Errorf("%s privacy --fail-on warning: exit %d, want 1\n%s", h.Entry, code, out)
	}
}

// TestAction checks the composite GitHub Action: its inputs, that every
// step's script is valid bash, that it runs the ropa commands the
// documentation names, and that the marker it looks for is the one
// `ropa diff --format comment` writes. The Action itself runs only on
// GitHub.
func TestAction(t *testing.T) {
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				Uses  string            `yaml:"uses"`
				Run   string            `yaml:"run"`
				Shell string            `yaml:"shell"`
				Env   map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(repoFile(t, "action.yml"), &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", action.Runs.Using)
	}
	for _, in := range []string{"directory", "fail-on"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("no input %q", in)
		}
	}
	var scripts strings.Builder
	setupGo := false
	for _, s := range action.Runs.Steps {
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			setupGo = true
		}
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("a step runs in %q, want bash", s.Shell)
		}
		scripts.WriteString(s.Run + "\n")
		if bash, err := exec.LookPath("bash"); err == nil {
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = strings.NewReader(s.Run)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v\n%s\n%s", err, out, s.Run)
			}
		}
	}
	all := scripts.String()
	for _, want := range []string{
		`go install "github.com/ropa-dev/ropa/cmd/ropa@${ref}"`,
		`ropa check "$DIR" --format github --fail-on "$FAIL_ON"`,
		`ropa diff "rev:$BASE" "rev:$HEAD" "$DIR" --format markdown`,
		`ropa diff "rev:$BASE" "rev:$HEAD" "$DIR" --format comment`,
		"marker='" + CommentMarker + "'",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the action's scripts lack %s", want)
		}
	}
	if !setupGo {
		t.Error("the action does not use actions/setup-go")
	}

	// The flags the scripts pass are flags ropa has: run the check line
	// on a model with the inputs' defaults.
	dir := t.TempDir()
	minimalModel(t, dir, ".")
	t.Chdir(dir)
	var out bytes.Buffer
	code := Run([]string{"check", action.Inputs["directory"].Default, "--format", "github", "--fail-on", action.Inputs["fail-on"].Default}, IO{Out: &out, Err: &out})
	if code != ExitOK || !strings.Contains(out.String(), "::warning file=model.cue,") {
		t.Errorf("check with the action's defaults: exit %d\n%s", code, out.String())
	}
}
