package ropa

import "github.com/ropa-dev/ropa/ropa/law"

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
	// Portability (Art 20(1)(a)) applies to processing on consent (Art
	// 6(1)(a)), explicit consent (Art 9(2)(a)) or contract.
	Portability bool
	// Object (Art 21(1)) applies to processing on public task, legitimate
	// interests or recognised legitimate interests (Art 21(1) as amended by
	// the Data (Use and Access) Act 2025).
	Object bool
	// WithdrawConsent (Art 7(3)) applies to processing on consent (Art
	// 6(1)(a)), explicit consent (Art 9(2)(a)) or consent for
	// criminal-offence data (DPA 2018 Sch 1 para 29).
	WithdrawConsent bool
	// ObjectResearch (Art 21(6)) applies to processing for research or
	// statistics: an activity with research set, or relying on Art 9(2)(j)
	// or DPA 2018 Sch 1 para 4.
	ObjectResearch bool
	// Automated (Arts 22A-22D) applies when decisions with legal or
	// similarly significant effects are made solely by automated means.
	Automated bool
}

// Access, rectification, restriction and the right to object to direct
// marketing apply whatever the basis, so Rights has no fields for them.

// RightsOf returns the rights an activity's bases and conditions bring,
// as the law package gives them for each basis (law.Bases) and Article 9
// condition (law.Conditions).
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
		lb, ok := law.BasisOf(b.Basis)
		if !ok || lb.Erasure {
			r.Erasure = true
		} else {
			r.ErasureLimited = true
		}
		r.Portability = r.Portability || lb.Portability
		r.WithdrawConsent = r.WithdrawConsent || lb.WithdrawConsent
		r.Object = r.Object || lb.Object
	}
	for _, sc := range a.SpecialConditions {
		c, _ := law.ConditionOf(sc.Article9)
		r.WithdrawConsent = r.WithdrawConsent || c.WithdrawConsent
		// Art 20(1)(a): portability where processing is based on consent
		// under Art 6(1)(a) or Art 9(2)(a).
		r.Portability = r.Portability || c.Portability
		r.ObjectResearch = r.ObjectResearch || c.Research
		if p, ok := law.Schedule1Para(sc.Schedule1); ok && p.Article9 == "j" {
			r.ObjectResearch = true
		}
	}
	for _, cc := range a.CriminalConditions {
		if p, ok := law.Schedule1Para(cc.Schedule1); ok && cc.Basis == "schedule1" && p.Consent {
			r.WithdrawConsent = true
		}
	}
	if a.Research {
		r.ObjectResearch = true
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
		r.ObjectResearch = r.ObjectResearch || ar.ObjectResearch
		for _, b := range a.LawfulBases {
			if lb, ok := law.BasisOf(b.Basis); ok && !lb.Erasure {
				noErasure = true
			}
		}
	}
	r.ErasureLimited = r.Erasure && noErasure
	return r
}
