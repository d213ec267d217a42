package lint

// Rules on the facts real notices state beyond the minimum: Article 14(5)
// exemptions, the organisation's own category headings, and the review
// cycle of the record.
//
// Severity choice: an exemption claimed for data the person gives is an
// error, because Article 14(5) applies only to data obtained from others
// (Art 13 has no such exemption), so the notice would withhold what the law
// requires it to give. An exemption missing the detail its ground needs
// (where the information is published, which law requires it) is a
// warning: the ground may still hold, but the record cannot show it. A
// heading that misdescribes the data's legal class, and an overdue review,
// are warnings: the notice stays lawful, but it misleads or may be stale.

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

func init() {
	register(
		&Rule{
			ID: "exemption-published-missing", Severity: Warning, Ref: "UK GDPR Art 14(5)(b)",
			Message: "a disproportionate-effort exemption does not say where the information is made public",
			Explain: `Article 14(5)(b) lets a controller not tell people separately when doing so
is impossible or would take disproportionate effort, but only if it takes
appropriate measures, "including making the information publicly
available". The record should say where it is published.

Fix: give the address where the information is published:

    sources: agency: exemption: {ground: "disproportionate-effort", published: "https://example.org/privacy"}`,
			Check: checkExemptionPublished,
		},
		&Rule{
			ID: "exemption-law-missing", Severity: Warning, Ref: "UK GDPR Art 14(5)(c)",
			Message: "a required-by-law exemption does not name the law",
			Explain: `Article 14(5)(c) applies only where obtaining or disclosing the data is
expressly laid down by law. The record should name that law, so that the
notice can say which.

Fix: define the law once and name its key:

    laws: "benefits-regs": {name: "Housing Benefit Regulations 2006"}
    sources: agency: exemption: {ground: "required-by-law", law: "benefits-regs"}`,
			Check: checkExemptionLaw,
		},
		&Rule{
			ID: "exemption-direct-collection", Severity: Error, Ref: "UK GDPR Art 13, 14(5)",
			Message: "an Article 14(5) exemption is claimed for data collected from the person",
			Explain: `Article 14(5) exempts a controller from telling people about data obtained
from someone else. Data collected from the person themselves falls under
Article 13, which has no such exemption: they must be told when the data is
collected.

Fix: remove the exemption from the source of kind "subject", or, for an
activity, claim it on the third-party sources it applies to:

    sources: agency: {name: "The council", kind: "third-party"}
    activities: rent: sources: ["you", "agency"]`,
			Check: checkExemptionDirect,
		},
		&Rule{
			ID: "category-heading-misleading", Severity: Warning, Ref: "UK GDPR Art 9(1), 10, 12(1)",
			Message: "a category's heading misdescribes its legal class",
			Explain: `A category's heading is the organisation's own presentation; special and
criminal say what the data legally is. A heading that calls data "special
category" when it is not (criminal-offence data is a class of its own,
Art 10), or calls ordinary data "sensitive", tells people the data has a
protection it does not have.

Fix: move the category under a heading that fits, or correct its class:

    categories: convictions: {name: "Unspent convictions", criminal: true, heading: "Criminal offence information"}`,
			Check: checkCategoryHeading,
		},
		&Rule{
			ID: "review-due", Severity: Warning, Ref: "UK GDPR Art 5(2), 24(1)",
			Message: "an activity's last review is older than the record's review interval",
			Explain: `The controller reviews and updates its measures where necessary (Art 24(1)),
and must be able to show it (Art 5(2)). The record says how often each
activity is reviewed (reviewInterval); an activity last reviewed longer ago,
or never, is due a review.

Fix: review the activity, then record the date:

    reviewInterval: "12 months"
    activities: rent: {owner: "Head of Income", lastReviewed: "2026-03-01"}`,
			Check: checkReviewDue,
		},
	)
}

// eachExemption calls fn for every exemption of a source or an activity,
// with its path and the entity's description for messages.
func eachExemption(m *ropa.Model, fn func(e *ropa.Exemption, path, what string)) {
	for _, s := range m.SourceList() {
		if s != nil && s.Exemption != nil {
			fn(s.Exemption, entity("sources", s.Key)+".exemption", fmt.Sprintf("source %q", s.Key))
		}
	}
	for _, a := range m.ActivityList() {
		if a != nil && a.Exemption != nil {
			fn(a.Exemption, activityPath(a.Key)+".exemption", fmt.Sprintf("activity %q", a.Key))
		}
	}
}

func checkExemptionPublished(c *Context) {
	eachExemption(c.Model, func(e *ropa.Exemption, path, what string) {
		if e.Ground == ropa.ExemptDisproportionate && e.Published == "" {
			c.Report(path, "%s claims disproportionate effort without saying where the information is published", what)
		}
	})
}

func checkExemptionLaw(c *Context) {
	eachExemption(c.Model, func(e *ropa.Exemption, path, what string) {
		if e.Ground == ropa.ExemptRequiredByLaw && e.LawID == "" {
			c.Report(path, "%s claims an exemption required by law without naming the law", what)
		}
	})
}

func checkExemptionDirect(c *Context) {
	m := c.Model
	for _, s := range m.SourceList() {
		if s != nil && s.Exemption != nil && s.Kind == "subject" {
			c.Report(entity("sources", s.Key)+".exemption",
				"source %q is the person themselves, so Article 14(5) gives no exemption for it", s.Key)
		}
	}
	for _, a := range m.ActivityList() {
		if a == nil || a.Exemption == nil || len(a.Sources) == 0 {
			continue
		}
		direct := true
		for _, s := range a.Sources {
			direct = direct && s.Kind == "subject"
		}
		if direct {
			c.Report(activityPath(a.Key)+".exemption",
				"activity %q collects its data only from the person, so Article 14(5) gives no exemption for it", a.Key)
		}
	}
}

func checkCategoryHeading(c *Context) {
	for _, cat := range c.Model.CategoryList() {
		if cat == nil || cat.Heading == "" || cat.Special != "" {
			continue
		}
		h := strings.ToLower(cat.Heading)
		path := entity("categories", cat.Key) + ".heading"
		switch {
		case strings.Contains(h, "special categor") && cat.Criminal:
			c.Report(path, "category %q is criminal-offence data, not special category data, but its heading %q says special category", cat.Key, cat.Heading)
		case strings.Contains(h, "special categor"):
			c.Report(path, "category %q is not special category data, but its heading %q says it is", cat.Key, cat.Heading)
		case strings.Contains(h, "sensitive") && !cat.Criminal:
			c.Report(path, "category %q is neither special category nor criminal-offence data, but its heading %q calls it sensitive", cat.Key, cat.Heading)
		}
	}
}

func checkReviewDue(c *Context) {
	m := c.Model
	every, ok := ropa.ParseDuration(m.ReviewInterval)
	if !ok {
		return
	}
	for _, a := range m.ActivityList() {
		if a == nil {
			continue
		}
		if a.LastReviewed == "" {
			c.Report(activityPath(a.Key), "activity %q has no lastReviewed, and the record asks for a review every %s", a.Key, m.ReviewInterval)
			continue
		}
		d, ok := ropa.ParseDate(a.LastReviewed)
		if !ok {
			continue
		}
		if due := every.AddTo(d.End()); !c.Now.Before(due) {
			c.Report(activityPath(a.Key)+".lastReviewed", "activity %q was last reviewed on %s; with a review every %s, one was due by %s",
				a.Key, a.LastReviewed, m.ReviewInterval, due.AddDate(0, 0, -1).Format("2006-01-02"))
		}
	}
}
