package cmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// files returns one outFile a name, each holding version.
func files(version string, names ...string) []outFile {
	var out []outFile
	for _, n := range names {
		out = append(out, outFile{path: n, family: "notice", data: []byte(n + " " + version + "\n")})
	}
	return out
}

// readAll returns every file under dir by slash path, and fails on a
// leftover staging directory.
func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagePrefix) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(data)
	}
	return got
}

func stages(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, stagePrefix+"*"))
	return m
}

// failRename makes rename fail for a destination ending in one of names.
func failRename(t *testing.T, names ...string) {
	t.Helper()
	rename = func(from, to string) error {
		for _, n := range names {
			if strings.HasSuffix(to, string(filepath.Separator)+n) {
				return errors.New("injected failure")
			}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { rename = os.Rename })
}

func TestPublishRollsBack(t *testing.T) {
	out := t.TempDir()
	if _, err := publish(out, files("v1", "a.html", "b.pdf", "c.xlsx", "old.md"), []string{"notice"}); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, out)
	// The third file cannot be moved into place (as when Excel holds
	// c.xlsx open on Windows): a.html and b.pdf, already swapped, go back,
	// and old.md, which this build no longer makes, is not removed.
	failRename(t, "c.xlsx")
	_, err := publish(out, files("v2", "a.html", "b.pdf", "c.xlsx"), []string{"notice"})
	if err == nil || !strings.Contains(err.Error(), "back as it was before this build; nothing written") {
		t.Fatalf("err = %v, want a rollback", err)
	}
	if after := readAll(t, out); !equalMaps(before, after) {
		t.Errorf("after a failed build the directory holds %q, want %q", after, before)
	}
	if s := stages(t, out); len(s) > 0 {
		t.Errorf("staging directories left behind: %q", s)
	}
}

func TestPublishRollbackFails(t *testing.T) {
	out := t.TempDir()
	if _, err := publish(out, files("v1", "a.html", "b.pdf", "c.xlsx"), []string{"notice"}); err != nil {
		t.Fatal(err)
	}
	// c.xlsx cannot be replaced, and a.html cannot be put back either.
	failRename(t, "c.xlsx")
	rename0 := rename
	rename = func(from, to string) error {
		if strings.Contains(from, string(filepath.Separator)+"old"+string(filepath.Separator)) && strings.HasSuffix(to, "a.html") {
			return errors.New("injected failure")
		}
		return rename0(from, to)
	}
	_, err := publish(out, files("v2", "a.html", "b.pdf", "c.xlsx"), []string{"notice"})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		"cannot move " + filepath.Join(out, "c.xlsx"),
		"mixes two builds",
		filepath.Join(out, "a.html") + " is from this build; its previous version is " + filepath.Join(out, stagePrefix),
		"every other file is as it was before this build",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "b.pdf is") {
		t.Errorf("error %q names b.pdf, which was put back", msg)
	}
	got := readAll(t, out)
	if got["a.html"] != "a.html v2\n" || got["b.pdf"] != "b.pdf v1\n" || got["c.xlsx"] != "c.xlsx v1\n" {
		t.Errorf("directory holds %q, not what the error says", got)
	}
	// The previous a.html is kept where the error says.
	s := stages(t, out)
	if len(s) != 1 {
		t.Fatalf("staging directories = %q, want the one holding a.html's previous version", s)
	}
	if data, _ := os.ReadFile(filepath.Join(s[0], "old", "a.html")); string(data) != "a.html v1\n" {
		t.Errorf("previous a.html = %q", data)
	}
}

func TestPublishLocks(t *testing.T) {
	out := t.TempDir()
	unlock, err := lockDir(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = publish(out, files("v1", "a.html"), []string{"notice"})
	if err == nil || !strings.Contains(err.Error(), "another ropa build is writing to "+out) {
		t.Errorf("err = %v, want the directory locked", err)
	}
	if got := readAll(t, out); len(got) != 0 {
		t.Errorf("a locked-out build wrote %q", got)
	}
	unlock()
	if _, err := publish(out, files("v1", "a.html"), []string{"notice"}); err != nil {
		t.Errorf("after unlocking: %v", err)
	}
}

// TestBuildLocked runs the command against a locked directory: it fails
// with a clear message and writes nothing.
func TestBuildLocked(t *testing.T) {
	out := t.TempDir()
	unlock, err := lockDir(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var stderr bytes.Buffer
	code := Run([]string{"build", filepath.Join("..", "..", "..", "examples", "minimal"), "--out", t.TempDir(), "--internal", out, "--quiet", "--only", "export"}, IO{Out: &bytes.Buffer{}, Err: &stderr})
	if code != ExitUsage || !strings.Contains(stderr.String(), "another ropa build is writing to") || !strings.Contains(stderr.String(), "nothing written") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if got := readAll(t, out); len(got) != 0 {
		t.Errorf("a locked-out build wrote %q", got)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
