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
