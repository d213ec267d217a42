package stamp

import (
	"testing"
	"time"
)

func TestTime(t *testing.T) {
	tests := []struct {
		date, epoch string
		want        time.Time
	}{
		{"2025-04-01", "1700000000", time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"2025-04", "", time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"", "1700000000", time.Unix(1700000000, 0).UTC()},
		{"undated", "1700000000", time.Unix(1700000000, 0).UTC()},
		// A date outside 1980..9999 is not used.
		{"1066-10-14", "1700000000", time.Unix(1700000000, 0).UTC()},
		// A huge or negative epoch is ignored, not stamped as year 3170843.
		{"", "100000000000000", Min},
		{"", "-5", Min},
		{"", "315532799", Min},
		{"", "not a number", Min},
		{"", "", Min},
		{"", "253402300799", Max},
	}
	for _, tt := range tests {
		t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
		if got := Time(tt.date); !got.Equal(tt.want) {
			t.Errorf("Time(%q) with SOURCE_DATE_EPOCH=%q = %v, want %v", tt.date, tt.epoch, got, tt.want)
		}
	}
}
