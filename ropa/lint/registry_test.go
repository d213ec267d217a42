package lint

import (
	"slices"
	"testing"
)

// TestRegisterRejectsDuplicate: register is the only guard against two
// rules sharing an ID (Rules and Lookup could not show the second), so it
// must refuse one before changing the registry.
func TestRegisterRejectsDuplicate(t *testing.T) {
	before := Rules()
	first := byID[SchemaRule]
	func() {
		defer func() {
			if recover() == nil {
				t.Error("register accepted a second rule " + SchemaRule)
			}
		}()
		register(&Rule{ID: SchemaRule, Severity: Error, Message: "a second schema rule"})
	}()
	if !slices.Equal(Rules(), before) || byID[SchemaRule] != first {
		t.Error("a refused register call changed the registry")
	}
}
