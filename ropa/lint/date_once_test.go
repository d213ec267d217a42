package lint_test

import (
	"strings"
	"testing"
)

// TestMissingDateReportedOnce checks that a notice with no lastUpdated is
// reported once, by notice-date-missing alone: no other rule (a stale or
// future date) reads a missing date as a date.
func TestMissingDateReportedOnce(t *testing.T) {
	src := edit(t, base, `, lastUpdated: "2026-06-01"}`, `}`)
	res := lintSrc(t, src)
	var about []string
	for _, f := range append(res.Findings, res.Waived...) {
		if strings.HasSuffix(f.Path, ".lastUpdated") || strings.Contains(f.Message, "last updated") {
			about = append(about, f.Rule+": "+f.Message)
		}
	}
	if len(about) != 1 || !strings.HasPrefix(about[0], "notice-date-missing:") {
		t.Errorf("findings about the missing date: %q, want one notice-date-missing", about)
	}
}
