package cmd

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill":   cmdFill,
			"append": cmdAppend,
			"mkfifo": cmdMkfifo,
			"cue":    cueCmd,
		},
	})
}

// cmdFill appends N copies of a byte, given in hex, to a file: the hostile
// scripts make NUL bytes, invalid UTF-8 and oversized files with it.
//
//	fill FILE N HEXBYTE
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fill FILE N HEXBYTE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	b, err := strconv.ParseUint(args[2], 16, 8)
	ts.Check(err)
	appendTo(ts, args[0], bytes.Repeat([]byte{byte(b)}, n))
}

// cmdAppend appends text to a file, each \n in it written as a newline.
//
//	append FILE TEXT
func cmdAppend(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: append FILE TEXT")
	}
	appendTo(ts, args[0], []byte(strings.ReplaceAll(args[1], `\n`, "\n")))
}

func appendTo(ts *testscript.TestScript, name string, data []byte) {
	f, err := os.OpenFile(ts.MkAbs(name), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	ts.Check(err)
	_, err = f.Write(data)
	ts.Check(err)
	ts.Check(f.Close())
}

// cmdMkfifo makes a named pipe.
//
//	mkfifo FILE
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo FILE")
	}
	ts.Check(syscall.Mkfifo(ts.MkAbs(args[0]), 0o644))
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
