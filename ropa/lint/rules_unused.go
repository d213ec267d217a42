package lint

import (
	"fmt"

	"github.com/ropa-dev/ropa/ropa"
)

// Unused-entity rules: an entity that nothing refers to is either dead
// weight in the record or a sign that an activity forgot to list it.

// unusedRule builds the rule for one kind of entity.
func unusedRule(kind, field, usedBy, example string, keys func(*ropa.Model) []string, used func(*usage) map[string]bool) *Rule {
	noun := kind
	if kind == "retention" {
		noun = "retention rule"
	}
	return &Rule{
		ID:       "unused-" + kind,
		Severity: Warning,
		Ref:      "UK GDPR Art 5(1)(c), 30(1)",
		Message:  fmt.Sprintf("a %s is declared but nothing uses it", noun),
		Explain: fmt.Sprintf(`Every entity in the record should describe real processing. A %s that
no %s refers to is either obsolete, and should be deleted, or missing from
the activity that uses it, so the record and the notices under-report it.

Fix: list it where it is used, or delete it:

    %s`, noun, usedBy, example),
		Check: func(c *Context) {
			set := used(c.usage())
			for _, k := range keys(c.Model) {
				if !set[k] {
					c.Report(entity(field, k), "%s %q is not used by any %s", noun, k, usedBy)
				}
			}
		},
	}
}

func init() {
	register(
		unusedRule("recipient", "recipients", "activity, source, transfer, scheme or system",
			`activities: rent: recipients: ["contractors"]`,
			func(m *ropa.Model) []string { return m.Order["recipients"] },
			func(u *usage) map[string]bool { return u.recipients }),
		unusedRule("category", "categories", "activity",
			`activities: rent: categories: ["identity", "financial"]`,
			func(m *ropa.Model) []string { return m.Order["categories"] },
			func(u *usage) map[string]bool { return u.categories }),
		unusedRule("subject", "subjects", "activity",
			`activities: rent: subjects: ["tenants"]`,
			func(m *ropa.Model) []string { return m.Order["subjects"] },
			func(u *usage) map[string]bool { return u.subjects }),
		unusedRule("source", "sources", "activity",
			`activities: lettings: sources: ["council"]`,
			func(m *ropa.Model) []string { return m.Order["sources"] },
			func(u *usage) map[string]bool { return u.sources }),
		unusedRule("scheme", "schemes", "activity",
			`activities: "rental-exchange": schemes: ["rental-exchange"]`,
			func(m *ropa.Model) []string { return m.Order["schemes"] },
			func(u *usage) map[string]bool { return u.schemes }),
		unusedRule("system", "systems", "activity",
			`activities: rent: systems: ["housing"]`,
			func(m *ropa.Model) []string { return m.Order["systems"] },
			func(u *usage) map[string]bool { return u.systems }),
		unusedRule("retention", "retention", "activity or category",
			`categories: financial: retention: ["tenancy"]`,
			func(m *ropa.Model) []string { return m.Order["retention"] },
			func(u *usage) map[string]bool { return u.retention }),
		unusedRule("transfer", "transfers", "activity or processor record",
			`activities: surveys: transfers: ["surveys"]`,
			func(m *ropa.Model) []string { return m.Order["transfers"] },
			func(u *usage) map[string]bool { return u.transfers }),
		unusedRule("notice", "notices", "activity or cookie (in its audiences)",
			`activities: rent: audiences: ["tenants"]`,
			func(m *ropa.Model) []string { return m.Order["notices"] },
			func(u *usage) map[string]bool { return u.notices }),
	)
}
