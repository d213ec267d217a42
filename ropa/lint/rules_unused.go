package lint

import (
	"fmt"

	"github.com/ropa-dev/ropa/ropa"
)

// Unused-entity rules: an entity that nothing refers to is either dead
// weight in the record or a sign that an activity forgot to list it. There
// is one rule for each kind of entity that ropa.Kinds says is referred to
// (Kind.UsedBy), and the references are the ones the loader resolved.

// unusedRule builds the rule for one kind of entity.
func unusedRule(k ropa.Kind) *Rule {
	return &Rule{
		ID:       "unused-" + k.Name,
		Severity: Warning,
		Ref:      "UK GDPR Art 5(1)(c), 30(1)",
		Duty:     DutyRecord,
		Message:  fmt.Sprintf("a %s is declared but nothing uses it", k.Noun),
		Explain: fmt.Sprintf(`Every entity in the record should describe real processing. A %s that
no %s refers to is either obsolete, and should be deleted, or missing from
the activity that uses it, so the record and the notices under-report it.

Fix: list it where it is used, or delete it:

    %s`, k.Noun, k.UsedBy, k.Example),
		Check: func(c *Context) {
			for _, key := range c.Model.Order[k.Path] {
				if !c.Model.Referenced(k.Path, key) {
					c.Report(entity(k.Path, key), "%s %q is not used by any %s", k.Noun, key, k.UsedBy)
				}
			}
		},
	}
}

func init() {
	for _, k := range ropa.Kinds {
		if k.UsedBy != "" {
			register(unusedRule(k))
		}
	}
}
