package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
		UpdateScripts:       golden.Update(), // ROPA_UPDATE=1 go test ./cmd/ropa/cmd rewrites testdata/script/*.txtar
		RequireExplicitExec: true,
		// [file:PATH] holds when PATH exists, for a script that needs a
		// file of the machine (a system font) and skips without it.
		Condition: func(cond string) (bool, error) {
			if p, ok := strings.CutPrefix(cond, "file:"); ok {
				_, err := os.Stat(p)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("SOURCE_DATE_EPOCH", "1735689600")
			return nil
		},
	})
}
