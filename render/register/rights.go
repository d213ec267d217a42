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
	RightWithdraw      = "Right to withdraw consent"
	RightAutomated     = "Rights in relation to automated decision-making"
)

// Rights returns the rights an individual has over an activity, derived
// from its lawful bases: access, rectification and restriction always;
// erasure unless the only bases are legal obligation or public task;
// portability under consent or contract; objection under public task or
// legitimate interests; withdrawal of consent under consent or an Article
// 9(2)(a) explicit-consent condition; and the Article 22 rights when the
// activity makes solely automated decisions with significant effects.
// Each basis adds its rights, so an activity on two bases has the union.
func Rights(a *ropa.Activity) []string {
	has := map[string]bool{RightAccess: true, RightRectification: true, RightRestriction: true}
	for _, b := range a.LawfulBases {
		switch b.Basis {
		case ropa.BasisLegalObligation, ropa.BasisPublicTask:
		default:
			has[RightErasure] = true
		}
		switch b.Basis {
		case ropa.BasisConsent, ropa.BasisContract:
			has[RightPortability] = true
		}
		switch b.Basis {
		case ropa.BasisPublicTask, ropa.BasisLegitimateInterests:
			has[RightObject] = true
		}
		if b.Basis == ropa.BasisConsent {
			has[RightWithdraw] = true
		}
	}
	for _, c := range a.SpecialConditions {
		if c.Article9 == "a" {
			has[RightWithdraw] = true
		}
	}
	if au := a.Automation; au != nil && au.Decisions && au.Significant {
		has[RightAutomated] = true
	}
	var out []string
	for _, r := range []string{RightAccess, RightRectification, RightErasure, RightRestriction,
		RightPortability, RightObject, RightWithdraw, RightAutomated} {
		if has[r] {
			out = append(out, r)
		}
	}
	return out
}
