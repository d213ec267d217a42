package register

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// recordOnly is the ref of a column the ICO template does not have: the
// record's own accountability detail (UK GDPR Art 5(2), 24(1)).
const recordOnly = "UK GDPR Art 5(2), 24(1) (not in the ICO template)"

// accountabilityColumns follow the ICO template's 30 columns, in the CSV
// and XLSX and as their own table in the plan, when any activity records
// who owns it or when it was last reviewed; the template's columns stay
// first and unchanged.
var accountabilityColumns = []column[*ropa.Activity]{
	{"Information asset owner", recordOnly, "accountability",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return lines(a.Owner) }},
	{"Date last reviewed", recordOnly, "accountability",
		func(_ *ropa.Model, a *ropa.Activity) Cell { return lines(a.LastReviewed) }},
}

// AccountabilityHeadings head the columns after the template's 30 that
// the controller's record has when the model records owners or reviews.
var AccountabilityHeadings = headings(accountabilityColumns)

// recordsAccountability reports whether any activity records its owner or
// its last review.
func recordsAccountability(m *ropa.Model) bool {
	for _, a := range m.ActivityList() {
		if a.Owner != "" || a.LastReviewed != "" {
			return true
		}
	}
	return false
}

// controllerColumnsFor are the columns of m's controller record: the
// template's 30, then the accountability columns when m records them.
func controllerColumnsFor(m *ropa.Model) []column[*ropa.Activity] {
	if !recordsAccountability(m) {
		return controllerColumns
	}
	return append(append([]column[*ropa.Activity]{}, controllerColumns...), accountabilityColumns...)
}

// accountabilitySection shows the accountability columns of the plan's
// table pt, after the template's groups, with the record's review
// interval; it is nil when the record has no such columns.
func accountabilitySection(m *ropa.Model, pt *Table) *doc.Section {
	from, to := len(controllerColumns)+1, len(pt.Header)
	if to < from {
		return nil
	}
	title := "Accountability"
	s := &doc.Section{ID: "accountability", Title: fmt.Sprintf("%s (columns %d to %d, not in the ICO template)", title, from, to)}
	if dt := docTable(pt, "activities", keyHeading, title, from, to); len(dt.Header) > 1 {
		s.Blocks = append(s.Blocks, dt)
	}
	if empty := emptyColumns(pt, from, to); len(empty) > 0 {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("activities"), doc.T("No activity has an entry for: "+strings.Join(empty, "; ")+".")))
	}
	if m.ReviewInterval != "" {
		s.Blocks = append(s.Blocks, doc.SP(doc.From("reviewInterval"), doc.T("Each activity is reviewed every "+m.ReviewInterval+".")))
	}
	return s
}
