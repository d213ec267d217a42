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
			ID: "retention-missing", Severity: Error, Ref: "UK GDPR Art 13(2)(a), 14(2)(a)", Duty: DutyNotice,
			Message: "an activity has no retention period, of its own or on its categories",
			Explain: `The notice must say how long data is kept, or the criteria used to decide.
An activity with no retention rule, and whose categories have none either,
leaves the notice with nothing to say.

Fix: cite a retention rule on the activity (or on its categories):

    activities: rent: retention: ["tenancy"]
    retention: tenancy: {name: "Tenancy records", period: "6 years", trigger: "after the tenancy ends"}`,
			Check: checkRetentionMissing,
		},
		&Rule{
			ID: "category-retention-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(f)", Duty: DutyRecord,
			Message: "a data category has no retention rule",
			Explain: `The Article 30 record gives, where possible, the time limits for erasure of
each category of data. A category used only by activities that have no
retention at all is retention-missing's finding, once, on the activity.

Fix:

    categories: identity: retention: ["tenancy"]`,
			Check: checkCategoryRetention,
		},
		&Rule{
			ID: "retention-period-missing", Severity: Error, Ref: "UK GDPR Art 5(1)(e), 13(2)(a), 14(2)(a)", Duty: DutyRecord,
			Message: "a retention rule has neither a period nor criteria",
			Explain: `A retention rule must say how long (period, a maximum upTo, or a range
from and to) or how the period is decided (criteria). A rule with neither tells people nothing, which the notice
cannot do (Art 13(2)(a)), and in effect keeps data indefinitely.

Fix:

    retention: tenancy: {period: "6 years", trigger: "after the tenancy ends"}
    // or
    retention: tenancy: criteria: "Kept while the tenancy lasts, then reviewed yearly"`,
			Check: checkRetentionPeriod,
		},
	)
}

// noRetention reports whether an activity states no retention at all, of
// its own or on any of its categories.
func noRetention(m *ropa.Model, a *ropa.Activity) bool {
	if len(a.RetentionIDs) > 0 {
		return false
	}
	has := false
	activityCategories(m, a, func(_ int, _ string, cat *ropa.Category) {
		has = has || len(cat.RetentionIDs) > 0
	})
	return !has
}

func checkRetentionMissing(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a != nil && noRetention(m, a) {
			c.Report(activityPath(a.Key), "activity %q has no retention rule, and none of its categories has one", a.Key)
		}
	}
}

// checkCategoryRetention reports categories without a retention rule,
// except those of an activity retention-missing reports: one gap, one
// finding.
func checkCategoryRetention(c *Context) {
	m := c.Model
	reported := map[string]bool{}
	for _, a := range m.ActivityList() {
		if a != nil && noRetention(m, a) {
			for _, k := range a.CategoryIDs {
				reported[k] = true
			}
		}
	}
	for _, cat := range m.CategoryList() {
		if cat != nil && len(cat.RetentionIDs) == 0 && !reported[cat.Key] {
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
