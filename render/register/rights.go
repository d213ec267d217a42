package register

import "github.com/ropa-dev/ropa/ropa"

// The individual rights, as the register names them, in the order the
// register lists them.
const (
	RightAccess        = "Right of access"
	RightRectification = "Right to rectification"
	RightErasure       = "Right to erasure"
	RightRestriction   = "Right to restrict processing"
	RightPortability   = "Right to data portability"
	RightObject        = "Right to object"
	// RightObjectResearch is the right to object to processing for
	// research or statistics (Art 21(6)).
	RightObjectResearch = "Right to object to processing for research or statistics"
	RightWithdraw       = "Right to withdraw consent"
	RightAutomated      = "Rights in relation to automated decision-making"
)

// Rights returns the rights an individual has over an activity, as the
// register names them, derived by ropa.Activity.RightsOf (the same
// derivation the notices use).
func Rights(a *ropa.Activity) []string {
	r := a.RightsOf()
	out := []string{RightAccess, RightRectification}
	if r.Erasure {
		out = append(out, RightErasure)
	}
	out = append(out, RightRestriction)
	if r.Portability {
		out = append(out, RightPortability)
	}
	if r.Object {
		out = append(out, RightObject)
	}
	if r.ObjectResearch {
		out = append(out, RightObjectResearch)
	}
	if r.WithdrawConsent {
		out = append(out, RightWithdraw)
	}
	if r.Automated {
		out = append(out, RightAutomated)
	}
	return out
}
