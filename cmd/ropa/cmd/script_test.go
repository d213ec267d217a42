package cmd

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ropa-dev/ropa/internal/golden"
)

// TestMain lets the test binary act as the ropa command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ropa": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the CLI's specification: every testdata/script/*.txtar
// is a shell-like script of ropa invocations with their exact output and
// exit status. The examples directory is available as $EXAMPLES.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *golden.Update, // go test ./cmd/ropa/cmd -update rewrites testdata/script/*.txtar
		RequireExplicitExec: true,
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"cue": cueCmd},
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("SOURCE_DATE_EPOCH", "1735689600")
			return nil
		},
	})
}

// cueBinary builds the cue command of the module's CUE version once, into
// the user's cache directory, where later runs find it: the script tests
// check that the recipes the docs give work with the real tool.
var cueBinary = sync.OnceValues(func() (string, error) {
	version := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "cuelang.org/go" {
				version = d.Version
			}
		}
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	bin := filepath.Join(dir, "ropa-test", "cue-"+version, "cue")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	out, err := exec.Command("go", "build", "-o", bin, "cuelang.org/go/cmd/cue").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("building cue: %v\n%s", err, out)
	}
	return bin, nil
})

// cueCmd runs the cue command in a script: cue ARGS.
func cueCmd(ts *testscript.TestScript, neg bool, args []string) {
	bin, err := cueBinary()
	if err != nil {
		ts.Fatalf("%v", err)
	}
	err = ts.Exec(bin, args...)
	if err != nil && !neg {
		ts.Fatalf("cue %s: %v", strings.Join(args, " "), err)
	}
	if err == nil && neg {
		ts.Fatalf("cue %s: unexpected success", strings.Join(args, " "))
	}
}
