package golden

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"changed line", "a\nb\nc\n", "a\nx\nc\n", "diff want got\n--- want\n+++ got\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c"},
		{"added line", "a\n", "a\nb\n", "diff want got\n--- want\n+++ got\n@@ -1,1 +1,2 @@\n a\n+b"},
	} {
		if got := Diff("want", []byte(tc.want), "got", []byte(tc.got)); got != tc.diff {
			t.Errorf("%s: Diff = %q, want %q", tc.name, got, tc.diff)
		}
	}
}

func TestDiffTrimmed(t *testing.T) {
	var want, got strings.Builder
	for i := range 200 {
		want.WriteString("same " + strings.Repeat("é", 200) + "\n")
		got.WriteString("other " + string(rune('a'+i%26)) + "\n")
	}
	d := Diff("want", []byte(want.String()), "got", []byte(got.String()))
	ls := strings.Split(d, "\n")
	if len(ls) != MaxDiffLines+1 || !strings.HasSuffix(ls[MaxDiffLines], " more diff lines") {
		t.Errorf("diff of %d lines ends %q, want %d lines and a count of the rest", len(ls), ls[len(ls)-1], MaxDiffLines)
	}
	for _, l := range ls {
		if len(l) > MaxLineBytes+2*len("...")+1 {
			t.Errorf("diff line of %d bytes, want at most about %d", len(l), MaxLineBytes)
		}
		if !utf8.ValidString(l) {
			t.Errorf("cut line %q splits a character", l)
		}
	}
}

// TestDiffLongLine: a long line is cut around where it differs from the
// line it replaces.
func TestDiffLongLine(t *testing.T) {
	long := strings.Repeat("x", 1000)
	d := Diff("want", []byte("a\n"+long+"y"+long+"\n"), "got", []byte("a\n"+long+"z"+long+"\n"))
	for _, want := range []string{`(?m)^-\.\.\.x{100,}yx{100,}\.\.\.$`, `(?m)^\+\.\.\.x{100,}zx{100,}\.\.\.$`} {
		if !regexp.MustCompile(want).MatchString(d) {
			t.Errorf("diff does not show the difference (%s):\n%s", want, d)
		}
	}
	if got := Diff("want", []byte("a\n"), "got", []byte("a\n"+long+"\n")); !strings.Contains(got, "\n+"+strings.Repeat("x", 10)) {
		t.Errorf("an added line is not cut to its start:\n%s", got)
	}
}

func TestCommand(t *testing.T) {
	if got, want := Command(), "ROPA_UPDATE=1 go test ./internal/golden"; got != want {
		t.Errorf("Command() = %q, want %q", got, want)
	}
}

func TestUpdate(t *testing.T) {
	for v, want := range map[string]bool{"": false, "0": false, "1": true, "true": true} {
		t.Setenv(UpdateEnv, v)
		if got := Update(); got != want {
			t.Errorf("%s=%q: Update() = %v, want %v", UpdateEnv, v, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	t.Setenv(UpdateEnv, "1")
	Check(t, path, []byte("one\n"))
	if b, err := os.ReadFile(path); err != nil || string(b) != "one\n" {
		t.Fatalf("%s=1 wrote %q, %v", UpdateEnv, b, err)
	}
	t.Setenv(UpdateEnv, "")
	Check(t, path, []byte("one\n"))
}
