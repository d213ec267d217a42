package lint_test

import (
	"strings"
	"testing"
)

// TestUnconfirmedFieldSpelling: a field an unconfirmed list names that the
// entity does not have is reported as a misspelling; the entity's own
// fields, those every entity shares (renamedFrom) included, are not.
func TestUnconfirmedFieldSpelling(t *testing.T) {
	src := edit(t, base, act(`unconfirmed: ["lawfulBase", "owner", "renamedFrom"]`)...)
	src = edit(t, src, `name: "Acme Homes"`, `name: "Acme Homes", unconfirmed: ["dpo", "dpos"]`)
	var misspelt []string
	for _, f := range byRule(lintSrc(t, src).Findings, "unconfirmed") {
		if strings.Contains(f.Message, "no such field") {
			misspelt = append(misspelt, f.Message)
		}
	}
	want := []string{
		`the controller has "dpos" marked unconfirmed, but it has no such field: check the spelling`,
		`activity "rent" has "lawfulBase" marked unconfirmed, but it has no such field: check the spelling`,
	}
	if strings.Join(misspelt, "\n") != strings.Join(want, "\n") {
		t.Errorf("misspelt fields:\n%s\nwant:\n%s", strings.Join(misspelt, "\n"), strings.Join(want, "\n"))
	}
}
