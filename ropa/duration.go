package ropa

import (
	"strconv"
	"strings"
	"time"
)

// Duration is a period as the schema's #Duration writes it: "6 years",
// "1 month", "30 days".
type Duration struct {
	// N is how many units; it is at least 1.
	N int
	// Unit is "day", "week", "month" or "year".
	Unit string
}

// ParseDuration parses a period such as "6 years" or "1 month". A string
// of another shape does not parse.
func ParseDuration(s string) (Duration, bool) {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return Duration{}, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return Duration{}, false
	}
	unit = strings.TrimSuffix(strings.TrimSpace(unit), "s")
	switch unit {
	case "day", "week", "month", "year":
		return Duration{N: n, Unit: unit}, true
	}
	return Duration{}, false
}

// Days is the duration's length in days, a month counting as a twelfth of
// a year of 365.25 days; it is for comparing durations.
func (d Duration) Days() float64 {
	per := map[string]float64{"day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}[d.Unit]
	return float64(d.N) * per
}

// AddTo returns t moved on by the duration, by the calendar.
func (d Duration) AddTo(t time.Time) time.Time {
	switch d.Unit {
	case "day":
		return t.AddDate(0, 0, d.N)
	case "week":
		return t.AddDate(0, 0, 7*d.N)
	case "month":
		return t.AddDate(0, d.N, 0)
	case "year":
		return t.AddDate(d.N, 0, 0)
	}
	return t
}

// String writes the duration as the schema does: "1 year", "6 years".
func (d Duration) String() string {
	if d.N == 1 {
		return "1 " + d.Unit
	}
	return strconv.Itoa(d.N) + " " + d.Unit + "s"
}
