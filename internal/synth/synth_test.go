package synth

import (
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

func TestFilesLoad(t *testing.T) {
	m, err := ropa.LoadFiles(Files(60, 10, 7))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Activities) != 60 || len(m.Categories) != 10 || len(m.Recipients) != 7 {
		t.Fatalf("got %d activities, %d categories, %d recipients; want 60, 10, 7",
			len(m.Activities), len(m.Categories), len(m.Recipients))
	}
}

// TestFilesLoadAtEdgeSizes checks the generator at the sizes where its key
// arithmetic could repeat or divide by zero.
func TestFilesLoadAtEdgeSizes(t *testing.T) {
	for _, size := range [][3]int{{1, 1, 0}, {3, 1, 1}, {10, 2, 2}, {50, 7, 3}} {
		if _, err := ropa.LoadFiles(Files(size[0], size[1], size[2])); err != nil {
			t.Errorf("Files(%d, %d, %d): %v", size[0], size[1], size[2], err)
		}
	}
}
