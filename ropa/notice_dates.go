package ropa

import "fmt"

// LatestDate returns the notice's most recent date among lastUpdated,
// issued and reviewed, with the field it comes from (e.g.
// "lastUpdated", "reviewed[1]"), or "" when it states none. It is the date
// a reader can tell the notice was current on.
func (n *Notice) LatestDate() (date, field string) {
	if n == nil {
		return "", ""
	}
	var best Date
	consider := func(d, f string) {
		if pd, ok := ParseDate(d); ok && (date == "" || pd.Start().After(best.Start())) {
			best, date, field = pd, d, f
		}
	}
	consider(n.LastUpdated, "lastUpdated")
	consider(n.Issued, "issued")
	for i, d := range n.Reviewed {
		consider(d, fmt.Sprintf("reviewed[%d]", i))
	}
	return date, field
}
