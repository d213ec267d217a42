package lint

import "github.com/ropa-dev/ropa/ropa"

// Lawful-basis rules: UK GDPR Article 6(1) and what each basis needs.

func init() {
	register(
		&Rule{
			ID: "lawful-basis-missing", Severity: Error, Ref: "UK GDPR Art 6(1), Art 13(1)(c)",
			Message: "an activity has no lawful basis",
			Explain: `Processing is lawful only if at least one Article 6(1) basis applies, and
the notice must state the basis for each purpose (Art 13(1)(c), 14(1)(c)).

Fix: add the basis the activity relies on:

    activities: rent: lawfulBases: [{basis: "contract"}]`,
			Check: checkBasisMissing,
		},
		&Rule{
			ID: "li-interest-missing", Severity: Error, Ref: "UK GDPR Art 6(1)(f), Art 13(1)(d)",
			Message: "legitimate interests is relied on without stating the interest",
			Explain: `When the basis is legitimate interests the notice must say what the
interests are (Art 13(1)(d), 14(2)(b)); an unstated interest cannot be
balanced against the person's rights.

Fix: state the interest in plain words:

    lawfulBases: [{
        basis:    "legitimate-interests"
        interest: "Preventing fraud against our rent accounts."
    }]`,
			Check: checkLIInterest,
		},
		&Rule{
			ID: "li-assessment-missing", Severity: Warning, Ref: "UK GDPR Art 5(2), Art 6(1)(f); ICO template col 15",
			Message: "legitimate interests is relied on without linking an assessment",
			Explain: `Accountability (Art 5(2)) means showing the three-part legitimate interests
test (purpose, necessity, balancing) was done. The ICO's record template
links the legitimate interests assessment (LIA).

Fix: reference the LIA:

    lawfulBases: [{basis: "legitimate-interests", interest: "...", assessment: "LIA-2025-02"}]`,
			Check: checkLIAssessment,
		},
		&Rule{
			ID: "li-public-authority", Severity: Error, Ref: "UK GDPR Art 6(1) final subparagraph",
			Message: "a public authority relies on legitimate interests",
			Explain: `A public authority cannot rely on legitimate interests for processing in
the performance of its tasks (Art 6(1), last subparagraph).

Fix: use public task with its basis in law, or, if the processing is truly
outside the authority's public tasks, waive the finding saying why:

    lawfulBases: [{basis: "public-task", law: "Housing Act 1996, Part 6"}]`,
			Check: checkLIPublicAuthority,
		},
		&Rule{
			ID: "consent-withdrawal-missing", Severity: Error, Ref: "UK GDPR Art 7(3), Art 13(2)(c)",
			Message: "consent is relied on without saying how it is given and withdrawn",
			Explain: `Consent must be as easy to withdraw as to give, and the notice must tell
people they can withdraw it at any time (Art 7(3), 13(2)(c)).

Fix: describe how consent is given and withdrawn:

    lawfulBases: [{basis: "consent", consent: {
        how:      "You tick a box on the sign-up form."
        withdraw: "Use the unsubscribe link in any email."
        record:   "CRM consent log"
    }}]`,
			Check: checkConsentWithdraw,
		},
		&Rule{
			ID: "consent-record-missing", Severity: Warning, Ref: "UK GDPR Art 7(1); ICO template col 19",
			Message: "consent is relied on without naming where it is recorded",
			Explain: `The controller must be able to show that the person consented (Art 7(1)).

Fix: name the record of consent:

    consent: {how: "...", withdraw: "...", record: "Survey platform consent log"}`,
			Check: checkConsentRecord,
		},
		&Rule{
			ID: "basis-law-missing", Severity: Warning, Ref: "UK GDPR Art 6(3)",
			Message: "legal obligation or public task is relied on without citing the law",
			Explain: `Legal obligation (6(1)(c)) and public task (6(1)(e)) must rest on a basis
in law (Art 6(3)); the record should name it.

Fix: cite the statute or regulation, in words or as keys of laws:

    lawfulBases: [{basis: "legal-obligation", law: "Taxes Management Act 1970, s.12B"}]
    // or
    laws: tma: {name: "Taxes Management Act 1970", section: "s.12B"}
    lawfulBases: [{basis: "legal-obligation", laws: ["tma"]}]`,
			Check: checkBasisLaw,
		},
		&Rule{
			ID: "rli-condition-missing", Severity: Error, Ref: "UK GDPR Art 6(1)(ea), Annex 1 (DUAA 2025)",
			Message: "recognised legitimate interest is relied on without naming its Annex 1 condition",
			Explain: `A recognised legitimate interest applies only to the conditions listed in
Annex 1 (requests from a body with a public task, national security and
defence, emergencies, crime, safeguarding vulnerable individuals).

Fix: name the condition:

    lawfulBases: [{
        basis:     "recognised-legitimate-interest"
        condition: "Annex 1 para 5: safeguarding vulnerable individuals"
    }]`,
			Check: checkRLICondition,
		},
	)
}

// eachBasis calls fn for every lawful basis of every activity, in order,
// with the basis's index; basisPath builds its path when a finding needs it.
func eachBasis(c *Context, fn func(a *ropa.Activity, b *ropa.LawfulBasis, i int)) {
	for _, a := range c.Model.ActivityList() {
		if a == nil {
			continue
		}
		for i := range a.LawfulBases {
			fn(a, &a.LawfulBases[i], i)
		}
	}
}

// basisPath is the path of an activity's i'th lawful basis.
func basisPath(a *ropa.Activity, i int) string {
	return index(activityPath(a.Key)+".lawfulBases", i)
}

func checkBasisMissing(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a != nil && len(a.LawfulBases) == 0 {
			c.Report(activityPath(a.Key)+".lawfulBases", "activity %q has no lawful basis", a.Key)
		}
	}
}

func checkLIInterest(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis == ropa.BasisLegitimateInterests && b.Interest == "" {
			c.Report(basisPath(a, i), "activity %q relies on legitimate interests but does not state the interest", a.Key)
		}
	})
}

func checkLIAssessment(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis == ropa.BasisLegitimateInterests && b.Assessment == "" {
			c.Report(basisPath(a, i), "activity %q relies on legitimate interests without a linked assessment", a.Key)
		}
	})
}

func checkLIPublicAuthority(c *Context) {
	if !c.Model.Controller.PublicAuthority {
		return
	}
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis == ropa.BasisLegitimateInterests {
			c.Report(basisPath(a, i)+".basis", "activity %q relies on legitimate interests, which a public authority cannot use for its tasks", a.Key)
		}
	})
}

func checkConsentWithdraw(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis != ropa.BasisConsent {
			return
		}
		if b.Consent == nil || b.Consent.Withdraw == "" || b.Consent.How == "" {
			c.Report(basisPath(a, i), "activity %q relies on consent but does not say how it is given and withdrawn", a.Key)
		}
	})
}

func checkConsentRecord(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis == ropa.BasisConsent && b.Consent != nil && b.Consent.Record == "" {
			c.Report(basisPath(a, i)+".consent", "activity %q relies on consent but does not name the record of consent", a.Key)
		}
	})
}

func checkBasisLaw(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if (b.Basis == ropa.BasisLegalObligation || b.Basis == ropa.BasisPublicTask) && b.Law == "" && len(b.LawIDs) == 0 {
			c.Report(basisPath(a, i), "activity %q relies on %s without citing the law", a.Key, b.Basis)
		}
	})
}

func checkRLICondition(c *Context) {
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis == ropa.BasisRecognisedLegitimate && b.Condition == "" {
			c.Report(basisPath(a, i), "activity %q relies on a recognised legitimate interest without naming its Annex 1 condition", a.Key)
		}
	})
}
