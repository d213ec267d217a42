package ropa

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in         string
		ok         bool
		start, end string
	}{
		{"2025-04-01", true, "2025-04-01", "2025-04-02"},
		{"2025-04", true, "2025-04-01", "2025-05-01"},
		{"2024-02-29", true, "2024-02-29", "2024-03-01"},
		{"2025-02-29", false, "", ""},
		{"2025-13", false, "", ""},
		{"01/04/2025", false, "", ""},
		{"", false, "", ""},
		{"2025-4-1", false, "", ""},
	} {
		d, ok := ParseDate(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseDate(%q) ok = %v", tc.in, ok)
			continue
		}
		if !ok {
			continue
		}
		if d.String() != tc.in || d.Start().Format(time.DateOnly) != tc.start || d.End().Format(time.DateOnly) != tc.end {
			t.Errorf("ParseDate(%q) = %v, start %v, end %v", tc.in, d, d.Start(), d.End())
		}
	}
}
