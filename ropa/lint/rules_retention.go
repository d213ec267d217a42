package lint

// Retention rules: UK GDPR Articles 5(1)(e), 13(2)(a), 14(2)(a), 30(1)(f).
//
// Severity choice: an activity from which the notice can state no retention
// at all (none of its own and none on any of its categories) is an error,
// because Art 13(2)(a) requires the notice to say it. A category without its
// own retention is a warning, because Art 30(1)(f) asks for time limits per
// category only "where possible". A rule with neither a period nor criteria
// is an error: the notice would cite a rule that tells people nothing.

import "github.com/ropa-dev/ropa/ropa"

func init() {
	register(
		&Rule{
			ID: "retention-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(a), 14(2)(a)",
			Message: "an activity has no retention period, of its own or on its categories",
			Explain: `The notice must say how long data is kept, or the criteria used to decide.
An activity with no retention rule, and whose categories have none either,
leaves the notice with nothing to say.

Fix: cite a retention rule on the activity (or on its categories):

    retention: tenancy: {name: "Tenancy records", period: "6 years", trigger: "after the tenancy ends"}
    activities: rent: retention: ["tenancy"]`,
			Check: checkRetentionMissing,
		},
		&Rule{
			ID: "category-retention-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(f)",
			Message: "a data category has no retention rule",
			Explain: `The Article 30 record gives, where possible, the time limits for erasure of
each category of data.

Fix:

    categories: financial: retention: ["tenancy"]`,
			Check: checkCategoryRetention,
		},
		&Rule{
			ID: "retention-period-missing", Severity: Error, Ref: "UK GDPR Art 5(1)(e), 13(2)(a), 14(2)(a)",
			Message: "a retention rule has neither a period nor criteria",
			Explain: `A retention rule must say how long (period, a maximum upTo, or a range
from and to) or how the period is decided (criteria). A rule with neither tells people nothing, which the notice
cannot do (Art 13(2)(a)), and in effect keeps data indefinitely.

Fix:

    retention: complaints: {name: "Complaints", period: "6 years", trigger: "after the complaint is closed"}
    // or
    retention: calls: {name: "Call recordings", upTo: "90 days"}
    // or
    retention: cases: {name: "Case files", criteria: "Kept while the case is open, then reviewed yearly"}`,
			Check: checkRetentionPeriod,
		},
	)
}

func checkRetentionMissing(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil || len(a.RetentionIDs) > 0 {
			continue
		}
		has := false
		activityCategories(m, a, func(_ int, _ string, cat *ropa.Category) {
			has = has || len(cat.RetentionIDs) > 0
		})
		if !has {
			c.Report(activityPath(a.Key), "activity %q has no retention rule, and none of its categories has one", a.Key)
		}
	}
}

func checkCategoryRetention(c *Context) {
	for _, cat := range c.Model.CategoryList() {
		if cat != nil && len(cat.RetentionIDs) == 0 {
			c.Report(entity("categories", cat.Key), "category %q has no retention rule", cat.Key)
		}
	}
}

func checkRetentionPeriod(c *Context) {
	for _, r := range c.Model.RetentionList() {
		if r != nil && r.Period == "" && r.UpTo == "" && r.From == "" && r.To == "" && r.Criteria == "" {
			c.Report(entity("retention", r.Key), "retention rule %q has neither a period nor criteria", r.Key)
		}
	}
}
