package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	for _, tc := range []struct {
		want, got, diff string
	}{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", "line 2:\n  want: b\n  got:  c"},
		{"a\n", "a\nb\n", "line 2:\n  want: \n  got:  b"},
		{"a", "a\nb", "line 2:\n  want: <end of file>\n  got:  b"},
		{strings.Repeat("x", 200) + "y", strings.Repeat("x", 200) + "z", "line 1:\n  want: ..." + strings.Repeat("x", 80) + "y\n  got:  ..." + strings.Repeat("x", 80) + "z"},
	} {
		if got := FirstDiff([]byte(tc.want), []byte(tc.got)); got != tc.diff {
			t.Errorf("FirstDiff(%q, %q) = %q, want %q", tc.want, tc.got, got, tc.diff)
		}
	}
}

func TestClipKeepsCharacters(t *testing.T) {
	s := strings.Repeat("é", 100)
	for col := 0; col <= len(s); col++ {
		c := strings.Trim(clip(s, col), ".")
		if strings.Trim(c, "é") != "" {
			t.Fatalf("clip(_, %d) split a character: %q", col, c)
		}
	}
}

func TestCommand(t *testing.T) {
	if got, want := Command(), "go test ./internal/golden -update"; got != want {
		t.Errorf("Command() = %q, want %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	if *Update {
		t.Skip("compares with files it writes itself")
	}
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	*Update = true
	Check(t, path, []byte("one\n"))
	*Update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "one\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	Check(t, path, []byte("one\n"))
}
