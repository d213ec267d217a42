package diff

import (
	"math"
	"strconv"
	"strings"
)

// daysPer is the length of each duration unit in days.
var daysPer = map[string]float64{
	"day":   1,
	"week":  7,
	"month": 365.25 / 12,
	"year":  365.25,
}

// parseDuration reads a period such as "6 years" or "1 month" as days.
func parseDuration(s string) (float64, bool) {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return 0, false
	}
	per, ok := daysPer[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(unit)), "s")]
	if !ok {
		return 0, false
	}
	return float64(n) * per, true
}

// cmpDays compares two lengths in days: -1 when a is shorter, 0 when
// equal (to rounding), +1 when longer.
func cmpDays(a, b float64) int {
	switch {
	case math.Abs(a-b) < 1e-6:
		return 0
	case a < b:
		return -1
	}
	return 1
}
