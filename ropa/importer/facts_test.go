package importer

import (
	"bytes"
	"testing"

	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// TestAccountabilityRoundTrip imports a register whose activities record
// their owner and last review, in the columns ropa writes after the
// template's 30, and reads them back into the activities.
func TestAccountabilityRoundTrip(t *testing.T) {
	m, err := ropa.Load("../../testdata/facts")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := register.CSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	res, err := Import("register.csv", buf.Bytes(), Options{Package: "rt"})
	if err != nil {
		t.Fatal(err)
	}
	got := loadFiles(t, res)
	for _, a := range m.ActivityList() {
		var b *ropa.Activity
		for _, x := range got.ActivityList() {
			if x.Name == a.Name {
				b = x
			}
		}
		if b == nil {
			t.Fatalf("activity %q not imported", a.Name)
		}
		if b.Owner != a.Owner || b.LastReviewed != a.LastReviewed {
			t.Errorf("%s: owner %q, last reviewed %q; want %q, %q", a.Name, b.Owner, b.LastReviewed, a.Owner, a.LastReviewed)
		}
	}
	want, have := csvCells(t, m), csvCells(t, got)
	for i := range want {
		for _, j := range []int{30, 31} {
			if have[i][j] != want[i][j] {
				t.Errorf("row %d column %d = %q, want %q", i+1, j+1, have[i][j], want[i][j])
			}
		}
	}
}
