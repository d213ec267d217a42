// Package stamp is the one rule for the date every output format stamps
// into its metadata (PDF creation and modification dates, the XLSX core
// properties), so that the formats of one document never disagree:
//
//  1. the document's own date (a notice's lastUpdated; for the register,
//     the newest history date, else the latest lastUpdated of the notices)
//     when it is YYYY-MM-DD or YYYY-MM and falls within Min..Max;
//  2. else SOURCE_DATE_EPOCH (the reproducible-builds convention, seconds
//     since 1970) when it is an integer within Min..Max;
//  3. else Min, 1980-01-01T00:00:00Z.
//
// The clock is never read, so re-runs give byte-identical files.
package stamp

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ropa-dev/ropa/ropa"
)

// Min and Max bound every stamped date. Min is the earliest date a ZIP
// entry (an XLSX part) can carry and the fallback when nothing else
// gives a date; Max is the last second a four-digit year can name.
var (
	Min = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	Max = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// Time returns the metadata date for a document whose own date is date
// (empty when it has none), by the rule in the package comment.
func Time(date string) time.Time {
	if d, ok := ropa.ParseDate(strings.TrimSpace(date)); ok && inRange(d.Start()) {
		return d.Start()
	}
	if s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH")); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= Min.Unix() && n <= Max.Unix() {
			return time.Unix(n, 0).UTC()
		}
	}
	return Min
}

func inRange(t time.Time) bool { return !t.Before(Min) && !t.After(Max) }
