// Package golden compares test output with golden files and rewrites them
// when the ROPA_UPDATE environment variable asks for it. It is imported
// only by tests.
//
// One command rewrites every golden file of the module, and the expected
// output of the testscript scripts, from the current output:
//
//	ROPA_UPDATE=1 go test ./...
//
// Review the result with git diff. An environment variable, unlike a test
// flag, reaches every test binary whether or not it compares golden files,
// so no package has to import this one just to accept the switch.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"
)

// UpdateEnv is the environment variable that switches golden files from
// being compared to being rewritten, as CUE_UPDATE does for cue's tests.
const UpdateEnv = "ROPA_UPDATE"

// Update reports whether UpdateEnv asks tests to rewrite golden files (and
// the expected output of testscript scripts) from the current output
// instead of comparing: it is set to anything but "" or "0".
func Update() bool {
	v := os.Getenv(UpdateEnv)
	return v != "" && v != "0"
}

// Check compares got with the golden file at path, relative to the test's
// package directory. Under ROPA_UPDATE it writes got to path instead,
// creating its directory. A missing file stops the test; a difference
// fails it with a unified diff and the command that rewrites the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s to create it)", err, Command())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run %s and review the diff\n%s",
			path, Command(), Diff(path, want, "got", got))
	}
}

// Command is the command that rewrites the golden files of the package
// under test, such as "ROPA_UPDATE=1 go test ./render/notice". It names
// the package by its directory relative to the module root, which is the
// nearest directory above the working directory holding a go.mod file.
func Command() string {
	if dir := packageDir(); dir != "" {
		return UpdateEnv + "=1 go test " + dir
	}
	return UpdateEnv + "=1 go test"
}

// packageDir is the working directory relative to the module root, as a
// go command package pattern ("." or "./a/b"), or "" when unknown.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil {
				return ""
			}
			if rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Limits of what Diff shows.
const (
	// MaxDiffLines is how many lines of a diff Diff keeps.
	MaxDiffLines = 60
	// MaxLineBytes is about how many bytes of one diff line Diff keeps.
	MaxLineBytes = 240
)

// Diff is the unified diff from want (named wantName) to got (named
// gotName), "" when they are equal. It keeps the first MaxDiffLines lines,
// saying how many it leaves out, and cuts a line longer than MaxLineBytes
// to about MaxLineBytes around where it differs from the line it replaces
// (or to its start), marking what it leaves out with "...".
func Diff(wantName string, want []byte, gotName string, got []byte) string {
	d := diff.Diff(wantName, want, gotName, got)
	if d == nil {
		return ""
	}
	ls := strings.Split(strings.TrimSuffix(string(d), "\n"), "\n")
	// at[i] is the byte of line i the cut keeps in view: where a removed
	// line and the added line in its place first differ.
	at := make([]int, len(ls))
	for i := 0; i < len(ls); {
		del := i
		for del < len(ls) && strings.HasPrefix(ls[del], "-") && !strings.HasPrefix(ls[del], "---") {
			del++
		}
		add := del
		for add < len(ls) && strings.HasPrefix(ls[add], "+") && !strings.HasPrefix(ls[add], "+++") {
			add++
		}
		for k := 0; i+k < del && del+k < add; k++ {
			col := commonPrefix(ls[i+k], ls[del+k])
			at[i+k], at[del+k] = col, col
		}
		i = max(add, i+1)
	}
	more := len(ls) - MaxDiffLines
	if more > 0 {
		ls = ls[:MaxDiffLines]
	}
	for i, l := range ls {
		ls[i] = clip(l, at[i], MaxLineBytes)
	}
	out := strings.Join(ls, "\n")
	if more > 0 {
		out += "\n... " + strconv.Itoa(more) + " more diff lines"
	}
	return out
}

// commonPrefix is the length of the common prefix of a and b after their
// first byte, the diff's marker.
func commonPrefix(a, b string) int {
	n := 1
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// clip cuts s to about n bytes, keeping its first byte (the diff's marker)
// and byte col in view, at character boundaries, marking what it leaves
// out with "...".
func clip(s string, col, n int) string {
	if len(s) <= n {
		return s
	}
	from := max(min(col-n/2, len(s)-n), 1)
	if from <= 4 {
		from = 1
	}
	to := min(from+n, len(s))
	for from > 1 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	out := s[:1]
	if from > 1 {
		out += "..."
	}
	out += s[from:to]
	if to < len(s) {
		out += "..."
	}
	return out
}
