package register

import (
	"os"
	"strconv"
	"time"

	"github.com/ropa-dev/ropa/ropa"
)

// recordVersion returns the version label and date of the record: the
// newest history entry when the model keeps a history, else the latest
// lastUpdated of its notices with no version label.
func recordVersion(m *ropa.Model) (version, date string) {
	if len(m.History) > 0 {
		return m.History[0].Version, m.History[0].Date
	}
	for _, n := range m.NoticeList() {
		if n.LastUpdated > date {
			date = n.LastUpdated
		}
	}
	return "", date
}

// fallbackTime is the timestamp of a record that gives no date.
var fallbackTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// timestamp is the time stamped into file metadata: SOURCE_DATE_EPOCH when
// set (the reproducible-builds convention), else the record's date at
// midnight UTC, else 2000-01-01. It never reads the clock.
func timestamp(m *ropa.Model) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	_, date := recordVersion(m)
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, date); err == nil {
			return t.UTC()
		}
	}
	return fallbackTime
}
