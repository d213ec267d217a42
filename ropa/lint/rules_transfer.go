package lint

import (
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// International transfer rules: UK GDPR Chapter V as substituted by
// Schedule 7 to the Data (Use and Access) Act 2025 (Arts 44A, 45A, 45B,
// 46(1A)), in force since 5 February 2026.

func init() {
	register(
		&Rule{
			ID: "transfer-mechanism-unspecified", Severity: Error, Ref: "UK GDPR Art 44A (Art 44 before 5 February 2026), 13(1)(f)", Duty: DutyLawfulness,
			Since:   law.UKGDPRFrom,
			Message: "a transfer abroad names no legal mechanism",
			Explain: `A transfer outside the UK may be made only if it is approved by
regulations (Art 45A), made subject to appropriate safeguards (Art 46: the
IDTA, the UK Addendum, binding corporate rules) or made under an Article 49
derogation (Art 44A); and the notice must say which.

Fix: set the mechanism:

    transfers: t1: {mechanism: "idta", riskAssessment: "DPT-2026-01", safeguardCopy: "Ask our DPO for a copy."}`,
			Check: checkTransferUnspecified,
		},
		&Rule{
			ID: "transfer-privacy-shield", Severity: Error, Ref: "CJEU C-311/18 (Schrems II)", Duty: DutyLawfulness,
			Since:   law.SchremsII,
			Message: "a transfer relies on the EU-US Privacy Shield",
			Explain: `The Court of Justice invalidated the EU-US Privacy Shield on 16 July 2020
(Schrems II). No transfer can rely on it.

Fix: move to a current mechanism; for a US recipient certified to the UK
Extension of the Data Privacy Framework use "dpf-uk-extension" and record
that it is certified, otherwise the IDTA or the UK Addendum:

    transfers: t1: {mechanism: "dpf-uk-extension", withinApproval: true}`,
			Check: checkTransferPrivacyShield,
		},
		&Rule{
			ID: "transfer-bare-eu-sccs", Severity: Error, Ref: "UK GDPR Art 46(2)(d); DPA 2018 s.119A", Duty: DutyLawfulness,
			Since:   law.OldSCCsEnd,
			Message: "a UK transfer relies on the EU SCCs without the UK Addendum",
			Explain: `For UK transfers, the EU standard contractual clauses are valid only with
the ICO's UK Addendum (since 21 March 2022); contracts on the bare old
SCCs ceased to be valid on 21 March 2024.

Fix: add the UK Addendum, or use the IDTA:

    transfers: t1: mechanism: "uk-addendum"`,
			Check: checkTransferBareSCCs,
		},
		&Rule{
			ID: "transfer-dpf", Severity: Warning, Ref: "UK GDPR Art 45A; Data Protection (Adequacy) (United States of America) Regulations 2023", Duty: DutyLawfulness,
			Since:   "2023-10-12",
			Message: "a transfer relies on the UK Extension of the Data Privacy Framework without recording that the recipient is certified",
			Explain: `The approval of transfers to the United States covers only organisations
certified to the UK Extension of the EU-US Data Privacy Framework, for the
kinds of data (HR or non-HR) they certify. A transfer to any other US
recipient is not approved. Check the recipient's listing and record it.

Fix: record that the recipient falls inside the approval, and the check:

    transfers: t1: {withinApproval: true, note: "DPF list checked 2026-01-05: active, UK Extension, non-HR"}`,
			Check: checkTransferDPF,
		},
		&Rule{
			ID: "transfer-adequacy-not-listed", Severity: Error, Ref: "UK GDPR Art 45A (Art 45 before 5 February 2026); DPA 2018 s.17A", Duty: DutyLawfulness,
			Since:   law.UKGDPRFrom,
			Message: "a transfer is said to be approved by regulations for a country the UK has not approved",
			Explain: `Transfers are approved by UK regulations (Art 45A; the adequacy regulations
made before 5 February 2026 continue) to the EEA, Gibraltar, Andorra,
Argentina, the Faroe Islands, Guernsey, the Isle of Man, Israel, Jersey, New
Zealand, the Republic of Korea, Switzerland and Uruguay, and partially to
Canada (commercial organisations subject to PIPEDA), Japan (the private
sector) and the United States (organisations certified to the UK Extension
of the Data Privacy Framework).

Fix: use the right mechanism for the country:

    transfers: t1: {mechanism: "idta", riskAssessment: "DPT-03"}`,
			Check: checkTransferAdequacy,
		},
		&Rule{
			ID: "transfer-approval-scope", Severity: Warning, Ref: "UK GDPR Art 45A(3)", Duty: DutyLawfulness,
			Since:   law.DUAAMain,
			Message: "a transfer relies on a partial approval without recording that the recipient falls inside it",
			Explain: `Regulations under Article 45A may approve transfers to only a sector or a
description of recipient in a country: Canada's approval covers commercial
organisations subject to PIPEDA, Japan's the private sector, the United
States' organisations certified to the UK Extension of the Data Privacy
Framework. A transfer to a recipient outside that scope is not approved
and needs an Article 46 safeguard. withinApproval: false is an error of
this rule too.

Fix: record that the recipient falls inside the approval (after checking):

    transfers: t1: withinApproval: true`,
			Check: checkTransferApprovalScope,
		},
		&Rule{
			ID: "transfer-dp-test-missing", Severity: Warning, Ref: "UK GDPR Art 46(1A)", Duty: DutyLawfulness,
			Since:    law.DUAAMain,
			Replaces: []string{"transfer-risk-assessment-missing"},
			Message:  "a transfer under the IDTA or the UK Addendum does not record that the data protection test is met",
			Explain: `Since 5 February 2026 an Article 46 safeguard counts only if the
controller, acting reasonably and proportionately, considers that the data
protection test is met: that the standard of protection for the data
subjects after the transfer is not materially lower than in the UK (Art
46(1A), 45B). This replaces the transfer risk assessment; record the
assessment that shows it. Former ID: transfer-risk-assessment-missing,
which waivers may still name.

Fix: reference the assessment:

    transfers: t1: riskAssessment: "DPT-2026-01"`,
			Check: checkTransferDPTest,
		},
		&Rule{
			ID: "transfer-safeguard-copy-missing", Severity: Warning, Ref: "UK GDPR Art 13(1)(f), 14(1)(f)", Duty: DutyNotice,
			Message: "a transfer under an Article 46 safeguard does not say how to get a copy",
			Explain: `Where a transfer relies on appropriate safeguards, the notice must say what
they are and how a person can obtain a copy of them.

Fix:

    transfers: t1: safeguardCopy: "Ask our Data Protection Officer for a copy of the IDTA."`,
			Check: checkTransferSafeguardCopy,
		},
		&Rule{
			ID: "transfer-derogation-ground-missing", Severity: Warning, Ref: "UK GDPR Art 49(1)", Duty: DutyLawfulness,
			Message: "a transfer relies on a derogation without naming the Article 49 ground",
			Explain: `Derogations are narrow exceptions (explicit consent, contract, important
public interest, legal claims, vital interests, public register). The record
must name the one relied on.

Fix:

    transfers: t1: derogation: "Art 49(1)(b): necessary for the contract"`,
			Check: checkTransferDerogation,
		},
		&Rule{
			ID: "recipient-transfer-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(e), 13(1)(f)", Duty: DutyRecord,
			Message: "an activity discloses to a recipient abroad without recording the transfer",
			Explain: `A recipient that processes data outside the UK receives a transfer; the
record must name the country and the notice the safeguard.

Fix: declare the transfer and list it on the activity:

    transfers: t1: {recipient: "repairs", country: "India", mechanism: "idta"}
    activities: rent: transfers: ["t1"]`,
			Check: checkRecipientTransfer,
		},
		&Rule{
			ID: "recipient-country-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(e), 13(1)(f)", Duty: DutyRecord,
			Message: "a named processor or controller does not say where it processes the data",
			Explain: `The record must name the third countries data goes to, and the notice must
say whether data leaves the UK. ropa never assumes a recipient is in the
UK: a named processor or controller needs its country stated, so that a
transfer abroad is not missed.

Fix: state the country, and for a country outside the UK add a transfer:

    recipients: repairs: country: "United Kingdom"`,
			Check: checkRecipientCountry,
		},
	)
}

// eachTransfer calls fn for every transfer in source order, with its path
// and its mechanism as the law package describes it.
func eachTransfer(c *Context, fn func(t *ropa.Transfer, mech law.Mechanism, path string)) {
	for _, t := range c.Model.TransferList() {
		if t != nil {
			mech, _ := law.MechanismOf(t.Mechanism)
			fn(t, mech, entity("transfers", t.Key))
		}
	}
}

func checkTransferUnspecified(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if t.Mechanism == "" || mech.Unknown {
			c.Report(p+".mechanism", "transfer %q to %s names no mechanism", t.Key, countryName(t.Country))
		}
	})
}

// invalidMechanism reports, with the message, transfers whose mechanism
// is invalid and that the predicate picks.
func invalidMechanism(c *Context, pick func(law.Mechanism) bool, format string, args ...any) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if mech.Invalid != "" && pick(mech) {
			c.Report(p+".mechanism", format, append([]any{t.Key}, args...)...)
		}
	})
}

func checkTransferPrivacyShield(c *Context) {
	invalidMechanism(c, func(m law.Mechanism) bool { return !m.Safeguard },
		"transfer %q relies on the EU-US Privacy Shield, invalidated on %s", law.Date(law.SchremsII))
}

func checkTransferBareSCCs(c *Context) {
	invalidMechanism(c, func(m law.Mechanism) bool { return m.Safeguard },
		"transfer %q relies on the EU SCCs without the UK Addendum")
}

// approvalOf returns the approval a transfer approved by regulations
// relies on: for a mechanism tied to one approval (the DPF UK Extension),
// that one; else the country's.
func approvalOf(t *ropa.Transfer) (law.Approval, bool) {
	for _, a := range law.Approvals {
		if a.Mechanism != "" && a.Mechanism == t.Mechanism {
			return a, true
		}
	}
	return law.ApprovalFor(t.Country)
}

func checkTransferDPF(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		a, ok := approvalOf(t)
		if !mech.Approved || !ok || a.Mechanism != t.Mechanism || t.WithinApproval != nil {
			return
		}
		c.Report(p+".mechanism", "transfer %q relies on the UK Extension of the Data Privacy Framework: check that %q is certified to it and record withinApproval", t.Key, t.RecipientID)
	})
}

func checkTransferAdequacy(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if !mech.Approved {
			return
		}
		if _, ok := approvalOf(t); !ok {
			c.Report(p+".country", "transfer %q says transfers to %s are approved by UK regulations, but %s is not on the UK's approved list", t.Key, countryName(t.Country), countryName(t.Country))
		}
	})
}

func checkTransferApprovalScope(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		a, ok := approvalOf(t)
		if !mech.Approved || !ok || !a.Partial() {
			return
		}
		switch {
		case t.WithinApproval != nil && !*t.WithinApproval:
			c.Report(p+".withinApproval", "transfer %q: %q is outside the approval of transfers to %s, which covers only %s, so the transfer needs another mechanism",
				t.Key, t.RecipientID, a.Country, a.Covers)
		case t.WithinApproval == nil && a.Mechanism != t.Mechanism:
			// A mechanism tied to the approval (dpf-uk-extension) is
			// transfer-dpf's to report.
			c.Report(p+".country", "transfer %q relies on the approval of transfers to %s, which covers only %s: record withinApproval once checked",
				t.Key, a.Country, a.Covers)
		}
	})
}

func checkTransferDPTest(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if mech.DataProtectionTest && t.RiskAssessment == "" {
			c.Report(p, "transfer %q under %s does not record that the data protection test is met (Art 46(1A))", t.Key, t.Mechanism)
		}
	})
}

func checkTransferSafeguardCopy(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if mech.Safeguard && t.SafeguardCopy == "" {
			c.Report(p, "transfer %q does not say how a person can get a copy of the safeguard", t.Key)
		}
	})
}

func checkTransferDerogation(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, mech law.Mechanism, p string) {
		if mech.Derogation && t.Derogation == "" {
			c.Report(p+".mechanism", "transfer %q relies on a derogation without naming the Article 49(1) ground", t.Key)
		}
	})
}

func checkRecipientTransfer(c *Context) {
	m := c.Model
	for _, a := range m.ActivityList() {
		if a == nil {
			continue
		}
		to := make(map[string]bool, len(a.TransferIDs))
		for _, tk := range a.TransferIDs {
			if t := m.Transfers[tk]; t != nil {
				to[t.RecipientID] = true
			}
		}
		abroad := func(rk string) (*ropa.Recipient, bool) {
			r := m.Recipients[rk]
			if r == nil || r.Country == "" || ropa.InUK(r.Country) || to[rk] {
				return nil, false
			}
			to[rk] = true // once per activity
			return r, true
		}
		for i, rk := range a.RecipientIDs {
			if r, ok := abroad(rk); ok {
				c.Report(index(activityPath(a.Key)+".recipients", i),
					"activity %q discloses to %q (country: %s) but lists no transfer to it", a.Key, rk, r.Country)
			}
		}
		// Scheme operators and system vendors receive the data too.
		for i, sk := range a.SchemeIDs {
			if s := m.Schemes[sk]; s != nil && s.OperatorID != "" {
				if r, ok := abroad(s.OperatorID); ok {
					c.Report(index(activityPath(a.Key)+".schemes", i),
						"activity %q feeds scheme %q, run by %q (country: %s), but lists no transfer to it", a.Key, sk, s.OperatorID, r.Country)
				}
			}
		}
		for i, sk := range a.SystemIDs {
			if s := m.Systems[sk]; s != nil && s.VendorID != "" {
				if r, ok := abroad(s.VendorID); ok {
					c.Report(index(activityPath(a.Key)+".systems", i),
						"activity %q uses system %q, supplied by %q (country: %s), but lists no transfer to it", a.Key, sk, s.VendorID, r.Country)
				}
			}
		}
	}
}

func countryName(s string) string {
	if s == "" {
		return "an unnamed country"
	}
	return s
}

// checkRecipientCountry reports named processors and controllers whose
// country the model leaves out.
func checkRecipientCountry(c *Context) {
	for _, r := range c.Model.RecipientList() {
		if r == nil || r.Category || r.Country != "" {
			continue
		}
		switch r.Role {
		case "processor", "controller", "joint-controller":
			c.Report(entity("recipients", r.Key), "recipient %q (%s) does not say in which country it processes the data", r.Key, r.Name)
		}
	}
}
