package cmd

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

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
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXAMPLES", examples)
			env.Setenv("SOURCE_DATE_EPOCH", "1735689600")
			return nil
		},
	})
}
