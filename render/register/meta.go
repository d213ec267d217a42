package register

import (
	"time"

	"github.com/ropa-dev/ropa/render/internal/stamp"
	"github.com/ropa-dev/ropa/ropa"
)

// recordVersion returns the version label and date of the record: the
// newest history entry when the model keeps a history, else the latest
// lastUpdated of its notices with no version label.
func recordVersion(m *ropa.Model) (version, date string) {
	if len(m.History) > 0 {
		return m.History[0].Version, m.History[0].Date
	}
	var latest ropa.Date
	for _, n := range m.NoticeList() {
		if d, ok := ropa.ParseDate(n.LastUpdated); ok && d.Start().After(latest.Start()) {
			latest, date = d, n.LastUpdated
		}
	}
	return "", date
}

// timestamp is the time stamped into the workbook's properties: the
// record's date by the rule of package stamp, the same rule the register's
// PDF follows, so the two formats always carry the same date.
func timestamp(m *ropa.Model) time.Time {
	_, date := recordVersion(m)
	return stamp.Time(date)
}
