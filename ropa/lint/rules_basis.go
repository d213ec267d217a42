package lint

import (
	"regexp"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// Lawful-basis rules: UK GDPR Article 6(1) and what each basis needs.

func init() {
	register(
		&Rule{
			ID: "lawful-basis-missing", Severity: Error, Ref: "UK GDPR Art 6(1), Art 13(1)(c)", Duty: DutyLawfulness,
			Message: "an activity has no lawful basis",
			Explain: `Processing is lawful only if at least one Article 6(1) basis applies, and
the notice must state the basis for each purpose (Art 13(1)(c), 14(1)(c)).

Fix: add the basis the activity relies on:

    activities: rent: lawfulBases: [{basis: "contract"}]`,
			Check: checkBasisMissing,
		},
		&Rule{
			ID: "lawful-basis-undecided", Severity: Warning, Ref: "UK GDPR Art 5(2), 6(1), 13(1)(c)", Duty: DutyLawfulness,
			Message: "an activity says one of its lawful bases applies without saying which",
			Explain: `The basis for each purpose is decided before the processing starts, and the
notice states it (Art 13(1)(c), 14(1)(c)); which basis applies decides which
rights people have (erasure and objection differ between a legal obligation
and a public task). "Legal obligation or public task" leaves the reader, and
the record, unable to tell. activities.<key>.eitherBasis records that the
organisation says it that way; the notice then says "one of these", and this
rule asks for the decision. With fewer than two bases the mark says nothing.

Fix: split the activity into one per purpose with its own basis, or keep the
bases that all apply and drop the mark:

    activities: rent: eitherBasis: false`,
			Check: checkBasisUndecided,
		},
		&Rule{
			ID: "li-interest-missing", Severity: Error, Ref: "UK GDPR Art 6(1)(f), Art 13(1)(d)", Duty: DutyNotice,
			Message: "legitimate interests is relied on without stating the interest",
			Explain: `When the basis is legitimate interests the notice must say what the
interests are (Art 13(1)(d), 14(2)(b)); an unstated interest cannot be
balanced against the person's rights.

Fix: state the interest in plain words:

    activities: rent: lawfulBases: [{
        basis:      "legitimate-interests"
        interest:   "Preventing fraud against our rent accounts."
        assessment: "LIA-2025-02"
    }]`,
			Check: checkLIInterest,
		},
		&Rule{
			ID: "li-assessment-missing", Severity: Warning, Ref: "UK GDPR Art 5(2), Art 6(1)(f); ICO template col 15", Duty: DutyAccountability,
			Message: "legitimate interests is relied on without linking an assessment",
			Explain: `Accountability (Art 5(2)) means showing the three-part legitimate interests
test (purpose, necessity, balancing) was done. The ICO's record template
links the legitimate interests assessment (LIA).

Fix: reference the LIA:

    activities: rent: lawfulBases: [{basis: "legitimate-interests", interest: "Preventing fraud.", assessment: "LIA-2025-02"}]`,
			Check: checkLIAssessment,
		},
		&Rule{
			ID: "li-public-authority", Severity: Error, Ref: "UK GDPR Art 6(1) closing words (as amended by DUAA 2025 s.70)", Duty: DutyLawfulness,
			Message: "a public authority relies on legitimate interests or a recognised legitimate interest",
			Explain: `The closing words of Article 6(1), since 5 February 2026, read: points (ea)
and (f) shall not apply to processing carried out by public authorities in
the performance of their tasks. A public authority can rely on neither
legitimate interests nor a recognised legitimate interest for its tasks.

Fix: use public task with its basis in law, or, if the processing is truly
outside the authority's public tasks, waive the finding saying why:

    activities: rent: lawfulBases: [{basis: "public-task", law: "Housing Act 1996, Part 6"}]`,
			Check: checkLIPublicAuthority,
		},
		&Rule{
			ID: "consent-withdrawal-missing", Severity: Error, Ref: "UK GDPR Art 7(3), Art 13(2)(c)", Duty: DutyLawfulness,
			Message: "consent is relied on without saying how it is given and withdrawn",
			Explain: `Consent must be as easy to withdraw as to give, and the notice must tell
people they can withdraw it at any time (Art 7(3), 13(2)(c)).

Fix: describe how consent is given and withdrawn:

    activities: rent: lawfulBases: [{basis: "consent", consent: {
        how:      "You tick a box on the sign-up form."
        withdraw: "Use the unsubscribe link in any email."
        record:   "CRM consent log"
    }}]`,
			Check: checkConsentWithdraw,
		},
		&Rule{
			ID: "consent-record-missing", Severity: Warning, Ref: "UK GDPR Art 7(1); ICO template col 19", Duty: DutyAccountability,
			Message: "consent is relied on without naming where it is recorded",
			Explain: `The controller must be able to show that the person consented (Art 7(1)).

Fix: name the record of consent:

    activities: rent: lawfulBases: [{basis: "consent", consent: {how: "You tick a box.", withdraw: "Untick it.", record: "Survey platform consent log"}}]`,
			Check: checkConsentRecord,
		},
		&Rule{
			ID: "consent-alongside-other-basis", Severity: Warning, Ref: "UK GDPR Art 6(1), 7(3); ICO guidance on consent", Duty: DutyLawfulness,
			Message: "consent is relied on together with another lawful basis for the same purpose",
			Explain: `Consent that can be withdrawn must end the processing. If the activity
would go on under another basis when consent is withdrawn, the consent is
not genuine and telling people they can withdraw it misleads them. Rely on
one basis for a purpose; keep consent only where withdrawal stops it.

Fix: keep the basis the activity really rests on:

    activities: rent: lawfulBases: [{basis: "contract"}]`,
			Check: checkConsentAlongside,
		},
		&Rule{
			ID: "consent-imbalance", Severity: Warning, Ref: "UK GDPR Art 4(11), 7(4), recital 43", Duty: DutyLawfulness,
			Message: "consent is relied on by a public authority or for employees",
			Explain: `Consent must be freely given. Where there is a clear imbalance of power,
as between a public authority and the public or an employer and its staff,
consent is unlikely to be free (recital 43), and another basis usually fits.
The rule looks for a public authority (controller.publicAuthority) or a
subject whose name or key says staff, employees or workers.

Fix: rely on the basis that fits, or waive the finding saying why consent
is free here:

    activities: rent: lawfulBases: [{basis: "public-task", law: "Housing Act 1985, s.21"}]`,
			Check: checkConsentImbalance,
		},
		&Rule{
			ID: "basis-law-missing", Severity: Warning, Ref: "UK GDPR Art 6(3)", Duty: DutyLawfulness,
			Message: "legal obligation or public task is relied on without citing the law",
			Explain: `Legal obligation (6(1)(c)) and public task (6(1)(e)) must rest on a basis
in law (Art 6(3)); the record should name it.

Fix: cite the statute or regulation, in words or as keys of laws:

    activities: rent: lawfulBases: [{basis: "legal-obligation", law: "Taxes Management Act 1970, s.12B"}]
    // or, naming the law once for every activity that relies on it:
    laws: tma: {name: "Taxes Management Act 1970", section: "s.12B"}
    activities: rent: lawfulBases: [{basis: "legal-obligation", laws: ["tma"]}]`,
			Check: checkBasisLaw,
		},
		&Rule{
			ID: "rli-condition-missing", Severity: Error, Ref: "UK GDPR Art 6(1)(ea), Annex 1", Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "recognised legitimate interest is relied on without naming its Annex 1 condition",
			Explain: `A recognised legitimate interest applies only to the conditions listed in
Annex 1 (requests from a body with a public task, national security and
defence, emergencies, crime, safeguarding vulnerable individuals).

Fix: name the condition:

    activities: rent: lawfulBases: [{
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

func checkBasisUndecided(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || !a.EitherBasis {
			continue
		}
		if len(a.LawfulBases) < 2 {
			c.Report(activityPath(a.Key)+".eitherBasis", "activity %q is marked eitherBasis but has %d lawful basis: the mark needs two or more", a.Key, len(a.LawfulBases))
			continue
		}
		c.Report(activityPath(a.Key)+".eitherBasis", "activity %q says one of its %d lawful bases applies without saying which", a.Key, len(a.LawfulBases))
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
		if lb, ok := law.BasisOf(b.Basis); ok && lb.NotForPublicTasks {
			c.Report(basisPath(a, i)+".basis", "activity %q relies on %s (Article 6(1)(%s)), which a public authority cannot use for its tasks", a.Key, lb.Name, lb.Letter)
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

func checkConsentAlongside(c *Context) {
	for _, a := range c.Model.ActivityList() {
		if a == nil || !a.HasBasis(ropa.BasisConsent) {
			continue
		}
		for i, b := range a.LawfulBases {
			if b.Basis != ropa.BasisConsent {
				c.Report(basisPath(a, i), "activity %q relies on consent and on %s for the same purpose: withdrawing consent would not stop it", a.Key, b.Basis)
				break
			}
		}
	}
}

// staffWords finds a subject that is the organisation's own staff.
var staffWords = regexp.MustCompile(`(?i)\b(staff|employees?|workers?|colleagues)\b`)

func checkConsentImbalance(c *Context) {
	m := c.Model
	eachBasis(c, func(a *ropa.Activity, b *ropa.LawfulBasis, i int) {
		if b.Basis != ropa.BasisConsent {
			return
		}
		if m.Controller.PublicAuthority {
			c.Report(basisPath(a, i), "activity %q relies on consent, which a public authority can rarely show is freely given", a.Key)
			return
		}
		staff := ""
		activitySubjects(m, a, func(_ int, k string, s *ropa.Subject) {
			if staff == "" && (staffWords.MatchString(s.Name) || staffWords.MatchString(k)) {
				staff = k
			}
		})
		if staff != "" {
			c.Report(basisPath(a, i), "activity %q relies on consent from employees (%q), which an employer can rarely show is freely given", a.Key, staff)
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
