package ropa

// Rights are the data-subject rights (UK GDPR Articles 15-22) that the
// lawful bases and conditions of some processing bring. The notice and the
// register both derive them here, so the two never disagree.
type Rights struct {
	// Erasure (Art 17) applies unless the basis is legal obligation or
	// public task.
	Erasure bool
	// ErasureLimited is set, for a union of activities, when erasure applies
	// to some of them but not to those on legal obligation or public task.
	ErasureLimited bool
	// Portability (Art 20) applies to processing on consent or contract.
	Portability bool
	// Object (Art 21(1)) applies to processing on public task, legitimate
	// interests or recognised legitimate interests (Art 21(1) as amended by
	// the Data (Use and Access) Act 2025).
	Object bool
	// WithdrawConsent (Art 7(3)) applies to processing on consent (Art
	// 6(1)(a)), explicit consent (Art 9(2)(a)) or consent for
	// criminal-offence data (DPA 2018 Sch 1 para 29).
	WithdrawConsent bool
	// Automated (Arts 22A-22D) applies when decisions with legal or
	// similarly significant effects are made solely by automated means.
	Automated bool
}

// Access, rectification, restriction and the right to object to direct
// marketing apply whatever the basis, so Rights has no fields for them.

// RightsOf returns the rights an activity's bases and conditions bring.
// An activity that records no lawful basis is incomplete (the linter's
// lawful-basis-missing), and the gap never narrows the rights: it brings
// every right a basis could, erasure first (Art 17(1)(d) gives it where
// processing is unlawful).
func (a *Activity) RightsOf() Rights {
	var r Rights
	if a == nil {
		return r
	}
	if len(a.LawfulBases) == 0 {
		r.Erasure, r.Portability, r.Object, r.WithdrawConsent = true, true, true, true
	}
	for _, b := range a.LawfulBases {
		switch b.Basis {
		case BasisLegalObligation, BasisPublicTask:
			r.ErasureLimited = true
		default:
			r.Erasure = true
		}
		switch b.Basis {
		case BasisConsent:
			r.Portability = true
			r.WithdrawConsent = true
		case BasisContract:
			r.Portability = true
		case BasisPublicTask, BasisLegitimateInterests, BasisRecognisedLegitimate:
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
	if au := a.Automation; au != nil && au.Decisions && au.Significant {
		r.Automated = true
	}
	r.ErasureLimited = r.Erasure && r.ErasureLimited
	return r
}

// RightsOfAll returns the union of the rights of the activities: a right
// applies when it applies to any of them.
func RightsOfAll(acts []*Activity) Rights {
	var r Rights
	noErasure := false
	for _, a := range acts {
		if a == nil {
			continue
		}
		ar := a.RightsOf()
		r.Erasure = r.Erasure || ar.Erasure
		r.Portability = r.Portability || ar.Portability
		r.Object = r.Object || ar.Object
		r.WithdrawConsent = r.WithdrawConsent || ar.WithdrawConsent
		r.Automated = r.Automated || ar.Automated
		for _, b := range a.LawfulBases {
			if b.Basis == BasisLegalObligation || b.Basis == BasisPublicTask {
				noErasure = true
			}
		}
	}
	r.ErasureLimited = r.Erasure && noErasure
	return r
}
