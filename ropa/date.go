package ropa

import (
	"fmt"
	"time"
)

// Date is a date as the schema's #Date writes it: a day, YYYY-MM-DD, or a
// month, YYYY-MM (Day is then 0). It is the one way ropa reads the dates
// of a model: notices' lastUpdated, waivers' expires, history dates, and
// the dates the linter, the notices and the output metadata compute from
// them.
type Date struct {
	Year, Month, Day int
}

// ParseDate parses a day (YYYY-MM-DD) or a month (YYYY-MM). A string of
// another shape, or a day no calendar has (2025-02-31), does not parse.
func ParseDate(s string) (Date, bool) {
	var d Date
	switch len(s) {
	case len("2006-01-02"):
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return Date{}, false
		}
		d = Date{t.Year(), int(t.Month()), t.Day()}
	case len("2006-01"):
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return Date{}, false
		}
		d = Date{t.Year(), int(t.Month()), 0}
	default:
		return Date{}, false
	}
	return d, true
}

// IsMonth reports whether the date names a whole month.
func (d Date) IsMonth() bool { return d.Day == 0 }

// Start is the first instant of the day or month, in UTC.
func (d Date) Start() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC)
}

// End is the first instant after the day or month, in UTC: something that
// lasts until a date lasts throughout it.
func (d Date) End() time.Time {
	if d.IsMonth() {
		return d.Start().AddDate(0, 1, 0)
	}
	return d.Start().AddDate(0, 0, 1)
}

// String writes the date as the schema does.
func (d Date) String() string {
	if d.IsMonth() {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}
