package notice

import (
	"github.com/ropa-dev/ropa/ropa"
)

// rightSet is the set of data-subject rights a notice describes, derived
// from the lawful bases of its activities (UK GDPR Arts 15-22). Access,
// rectification, restriction and the right to object to direct marketing
// apply whatever the basis, so they are not fields.
type rightSet struct {
	// Erasure applies unless every basis is legal obligation or public task.
	Erasure bool
	// ErasureLimited is set when erasure applies to some uses but not to
	// those on legal obligation or public task.
	ErasureLimited bool
	// Portability applies to uses on consent or contract.
	Portability bool
	// Object (Art 21(1)) applies to uses on public task, legitimate
	// interests or recognised legitimate interests.
	Object bool
	// WithdrawConsent applies to uses on consent (Art 6(1)(a)), explicit
	// consent (Art 9(2)(a)) or consent for criminal-offence data (Sch 1
	// para 29).
	WithdrawConsent bool
	// Automated applies when decisions are made solely by automated means.
	Automated bool
}

// deriveRights returns the rights that the given activities' lawful bases
// and conditions bring.
func deriveRights(acts []*ropa.Activity) rightSet {
	var r rightSet
	noErasure := false
	for _, a := range acts {
		if a == nil {
			continue
		}
		for _, b := range a.LawfulBases {
			switch b.Basis {
			case ropa.BasisLegalObligation, ropa.BasisPublicTask:
				noErasure = true
			default:
				r.Erasure = true
			}
			switch b.Basis {
			case ropa.BasisConsent:
				r.Portability = true
				r.WithdrawConsent = true
			case ropa.BasisContract:
				r.Portability = true
			}
			switch b.Basis {
			case ropa.BasisPublicTask, ropa.BasisLegitimateInterests, ropa.BasisRecognisedLegitimate:
				r.Object = true
			}
		}
		for _, sc := range a.SpecialConditions {
			if sc.Article9 == "a" {
				r.WithdrawConsent = true
			}
		}
		for _, cc := range a.CriminalConditions {
			if cc.Basis == "schedule1" && cc.Schedule1 == 29 {
				r.WithdrawConsent = true
			}
		}
		if a.Automation != nil && a.Automation.Decisions {
			r.Automated = true
		}
	}
	r.ErasureLimited = r.Erasure && noErasure
	return r
}

// keys lists the rights in the order a notice presents them.
func (r rightSet) keys() []string {
	out := []string{"access", "rectification"}
	if r.Erasure {
		out = append(out, "erasure")
	}
	out = append(out, "restriction")
	if r.Portability {
		out = append(out, "portability")
	}
	if r.Automated {
		out = append(out, "automated")
	}
	if r.WithdrawConsent {
		out = append(out, "withdraw-consent")
	}
	if r.Object {
		out = append(out, "object")
	}
	out = append(out, "object-marketing")
	return out
}
