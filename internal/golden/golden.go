// Package golden compares test output with golden files and rewrites them
// under the -update flag. It is imported only by tests.
//
// Importing it registers the -update flag, so every test binary of the
// module that compares golden files answers to one command:
//
//	go test ./... -update
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Update is the -update flag: rewrite golden files (and the expected output
// of testscript scripts) from the current output instead of comparing.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata (and the expected output in testscript scripts) from the current output")

// Check compares got with the golden file at path, relative to the test's
// package directory. Under -update it writes got to path instead, creating
// its directory. A missing file stops the test; a difference fails it with
// the first differing line and the command that rewrites the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
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
			path, Command(), FirstDiff(want, got))
	}
}

// Command is the command that rewrites the golden files of the package
// under test, such as "go test ./render/notice -update". It names the
// package by its directory relative to the module root, which is the
// nearest directory above the working directory holding a go.mod file.
func Command() string {
	if dir := packageDir(); dir != "" {
		return "go test " + dir + " -update"
	}
	return "go test -update"
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

// FirstDiff describes the first line at which want and got differ: its
// number and both versions, a line past the end of either shown as
// "<end of file>". Long lines are cut to the part around the first
// differing character. It returns "" when want and got are equal.
func FirstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		w, g := line(wl, i), line(gl, i)
		if w == g {
			continue
		}
		col := 0
		for col < len(w) && col < len(g) && w[col] == g[col] {
			col++
		}
		return "line " + strconv.Itoa(i+1) + ":\n  want: " + clip(w, col) + "\n  got:  " + clip(g, col)
	}
	return ""
}

// line returns line i of ls, or "<end of file>" past its end.
func line(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return "<end of file>"
}

// clipContext is how many bytes clip keeps either side of a difference.
const clipContext = 80

// clip cuts s to about clipContext bytes either side of byte col, at
// character boundaries, marking what it leaves out with "...".
func clip(s string, col int) string {
	from, to := max(col-clipContext, 0), min(col+clipContext, len(s))
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	out := s[from:to]
	if from > 0 {
		out = "..." + out
	}
	if to < len(s) {
		out += "..."
	}
	return out
}
