package cmd

import (
	"fmt"
	"slices"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// TestStarters: every sector --sector offers has an embedded starter that
// loads without a schema problem. Each sector starter has 5 to 8
// activities and a reviewInterval, and every activity an owner that the
// linter reports as unconfirmed; the generic starter marks nothing.
func TestStarters(t *testing.T) {
	for _, s := range sectorNames() {
		t.Run(s, func(t *testing.T) {
			src, err := starterModel(s)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ropa.LoadFiles([]ropa.File{{Name: "./model.cue", Data: src}})
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			found := map[string]bool{}
			for _, f := range lint.Run(m, lint.Options{}).Findings {
				if f.Rule == "unconfirmed" {
					found[f.Path] = true
				}
			}
			if s == "generic" {
				if len(found) != 0 {
					t.Errorf("generic starter has unconfirmed marks: %v", found)
				}
				return
			}
			if n := len(m.Activities); n < 5 || n > 8 {
				t.Errorf("%d activities, want 5 to 8", n)
			}
			if m.ReviewInterval == "" {
				t.Error("no reviewInterval")
			}
			if !found["controller.unconfirmed"] {
				t.Error("the placeholder controller is not reported unconfirmed")
			}
			for k, a := range m.Activities {
				i := slices.Index(a.Unconfirmed.Items(), "owner")
				if a.Owner == "" || i < 0 || !found[fmt.Sprintf("activities.%s.unconfirmed[%d]", k, i)] {
					t.Errorf("activity %q: owner %q is not reported unconfirmed", k, a.Owner)
				}
			}
		})
	}
}
