// Package pdftest reads the structure tree of a tagged PDF back with
// poppler's pdfinfo, for golden files a reviewer can diff. It is imported
// only by tests.
package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// annotRef is how pdfinfo shows a link annotation in the structure tree:
// by its object number, which moves with any change to the document.
var annotRef = regexp.MustCompile(`(?m)^(\s*)Object \d+ 0$`)

// Structure returns the structure tree of pdf with each element's text,
// as `pdfinfo -struct-text` prints it, with link annotations shown as
// "Object (link annotation)" rather than by object number. It fails the
// test when pdfinfo does not read the file as tagged or reports a
// problem, and skips it when poppler-utils is missing (fails in CI).
func Structure(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo (poppler-utils) is required in CI")
		}
		t.Skip("pdfinfo (poppler-utils) not installed")
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) []byte {
		var out, stderr bytes.Buffer
		cmd := exec.Command(bin, append(args, file)...)
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Fatalf("pdfinfo %v: %v\n%s", args, err, stderr.Bytes())
		}
		return out.Bytes()
	}
	if info := run(); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		t.Fatalf("pdfinfo does not read the PDF as tagged:\n%s", info)
	}
	return annotRef.ReplaceAllString(string(run("-struct-text")), "${1}Object (link annotation)")
}
