package register

import (
	"bytes"
	"github.com/ropa-dev/ropa/render"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/internal/pdftest"
	"github.com/ropa-dev/ropa/ropa"
)

// TestDeterministic renders every artifact twice, from two loads of the
// model, and wants the same bytes.
func TestDeterministic(t *testing.T) {
	for name, load2 := range map[string]func() *ropa.Model{
		"minimal": func() *ropa.Model { return minimal(t) },
		"edge":    func() *ropa.Model { return load(t, edgeModel) },
	} {
		a, b := load2(), load2()
		arts, err := Producer.Artifacts(a, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, art := range arts {
			first := renderArtifact(t, a, art.Path)
			second := renderArtifact(t, b, art.Path)
			if len(first) == 0 {
				t.Errorf("%s %s is empty", name, art.Path)
			}
			if !bytes.Equal(first, second) {
				t.Errorf("%s %s differs between two renders:\n%s", name, art.Path, golden.Diff("first", first, "second", second))
			}
		}
	}
}

func TestArtifacts(t *testing.T) {
	paths := func(m *ropa.Model) string {
		arts, err := Producer.Artifacts(m, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var ps []string
		for _, a := range arts {
			ps = append(ps, a.Path)
		}
		return strings.Join(ps, " ")
	}
	if got, want := paths(minimal(t)), "register.html register.md register.pdf register.csv register.xlsx"; got != want {
		t.Errorf("artifacts = %s, want %s", got, want)
	}
	if got := paths(load(t, edgeModel)); !strings.HasSuffix(got, " processor-register.csv") {
		t.Errorf("artifacts with processor records = %s, want processor-register.csv too", got)
	}
}

// TestPDFText reads register.pdf back with pdftotext and wants every
// activity name in it.
func TestPDFText(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	m := minimal(t)
	b := renderArtifact(t, m, "register.pdf")
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("register.pdf does not start with %%PDF-")
	}
	name := filepath.Join(t.TempDir(), "register.pdf")
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, name, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, a := range m.ActivityList() {
		if !strings.Contains(text, a.Name) {
			t.Errorf("register.pdf text lacks activity %q", a.Name)
		}
	}
	for _, s := range []string{"Record of processing activities", "Business function", "Security measures"} {
		if !strings.Contains(text, s) {
			t.Errorf("register.pdf text lacks %q", s)
		}
	}
}

// TestPDFStructure holds the register PDF's structure tree, as pdfinfo
// reads it, in a golden file: the register's headings, tables with their
// row and column headers, and the security measures list.
func TestPDFStructure(t *testing.T) {
	b := renderArtifact(t, minimal(t), "register.pdf")
	golden.Check(t, "testdata/register.pdf.struct.txt", []byte(pdftest.Structure(t, b)))
}
