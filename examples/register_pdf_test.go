package examples_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// TestRegisterPDFPages holds the printed register to a density a DPO can
// use: the controller's record starts on the first page, under the contact
// block, no example needs more pages than it did when the layout was made
// (whg: 25 pages before, 12 after) and each page of whg's record shows at
// least four activities.
func TestRegisterPDFPages(t *testing.T) {
	maxPages := map[string]int{"minimal": 4, "nhg": 3, "whg": 12, "homegroup": 9, "connect": 11, "nph": 9, "gp": 3, "school": 4, "council": 9}
	bin := pdftotextPath(t)
	for _, dir := range exampleDirs {
		t.Run(dir, func(t *testing.T) {
			m, err := ropa.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			arts, err := register.Producer.Artifacts(m, render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var pdf bytes.Buffer
			for _, a := range arts {
				if a.Path == "register.pdf" {
					if err := a.Write(&pdf); err != nil {
						t.Fatal(err)
					}
				}
			}
			name := filepath.Join(t.TempDir(), "register.pdf")
			if err := os.WriteFile(name, pdf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(bin, "-enc", "UTF-8", name, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
			if len(pages) > maxPages[dir] {
				t.Errorf("register.pdf has %d pages, want at most %d", len(pages), maxPages[dir])
			}
			acts := m.ActivityList()
			// minimal's contact block, with three registration numbers,
			// fills two thirds of its first page: too little is left for
			// the record's headings, header row and first row.
			if dir != "minimal" && !strings.Contains(pages[0], "Article 30 record") {
				t.Errorf("the controller's record does not start on the first page:\n%s", pages[0])
			}
			if dir != "whg" {
				return
			}
			// Every page of the controller's record but its last shows at
			// least four activities (rows naming them).
			for i, p := range pages[1 : len(pages)-1] {
				n := 0
				for _, a := range acts {
					if strings.Contains(squeeze(p), squeeze(a.Name)) {
						n++
					}
				}
				if n < 4 {
					t.Errorf("page %d shows %d activities, want at least four", i+2, n)
				}
			}
		})
	}
}
