package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeUpToDate fails when the examples table in README.md is not
// what the generator makes of the examples as they are now.
func TestReadmeUpToDate(t *testing.T) {
	root := filepath.Join("..", "..")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := table(filepath.Join(root, "examples"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := splice(readme, tbl)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(readme) {
		t.Errorf("README.md's examples table is out of date: run go run ./internal/readme\nwant:\n%s", tbl)
	}
	for _, ex := range examples {
		if !strings.Contains(tbl, "["+ex.name+"](examples/"+ex.name+")") {
			t.Errorf("table has no row for %s", ex.name)
		}
	}
}

func TestSplice(t *testing.T) {
	in := "intro\n" + beginMarker + "\nold\nrows\n" + endMarker + "\nrest\n"
	got, err := splice([]byte(in), "| a |\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "intro\n" + beginMarker + "\n| a |\n" + endMarker + "\nrest\n"
	if string(got) != want {
		t.Errorf("splice: got %q, want %q", got, want)
	}
	// Splicing again changes nothing.
	again, err := splice(got, "| a |\n")
	if err != nil || string(again) != want {
		t.Errorf("splice is not idempotent: %q, %v", again, err)
	}
	for _, bad := range []string{"no markers\n", beginMarker + "\nno end\n", endMarker + "\n" + beginMarker + "\n"} {
		if _, err := splice([]byte(bad), "x\n"); err == nil {
			t.Errorf("splice(%q): want an error", bad)
		}
	}
}

func TestTableRejectsUnlistedExample(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "newcomer"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "newcomer", "model.cue"), []byte("package newcomer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := table(dir); err == nil || !strings.Contains(err.Error(), "newcomer") {
		t.Errorf("table: want an error naming the unlisted example, got %v", err)
	}
}

func TestCell(t *testing.T) {
	if got, want := cell("a | b\n  c"), `a \| b c`; got != want {
		t.Errorf("cell: got %q, want %q", got, want)
	}
}
