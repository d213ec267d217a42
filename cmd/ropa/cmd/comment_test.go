package cmd

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa/diff"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// TestCommentLimit keeps a comment of many changes under GitHub's
// 65,536 characters, cut at a line, with the findings still shown.
func TestCommentLimit(t *testing.T) {
	r := &diff.Result{}
	for range 5000 {
		r.Changes = append(r.Changes, diff.Change{Class: diff.Register, Kind: "activity", Key: strings.Repeat("k", 20), Op: diff.Changed, Field: "purpose", Old: "a", New: "b"})
	}
	res := lint.Result{Findings: []lint.Finding{{Rule: "dpo-missing", Severity: lint.Info, Duty: lint.DutyAccountability, Message: "no DPO"}}}
	var b strings.Builder
	if err := writeComment(&b, r, res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) >= 65536 {
		t.Errorf("comment of %d bytes", len(out))
	}
	for _, want := range []string{CommentMarker + "\n", "… cut short", "| info | accountability | `dpo-missing` | no DPO |"} {
		if !strings.Contains(out, want) {
			t.Errorf("comment lacks %q", want)
		}
	}
}
