package lint

import "github.com/ropa-dev/ropa/ropa"

// International transfer rules: UK GDPR Chapter V.

func init() {
	register(
		&Rule{
			ID: "transfer-mechanism-unspecified", Severity: Error, Ref: "UK GDPR Art 44, 46, 13(1)(f)",
			Message: "a transfer abroad names no legal mechanism",
			Explain: `Every transfer outside the UK needs a route under Chapter V: adequacy
regulations, an Article 46 safeguard (IDTA, UK Addendum, BCRs) or an
Article 49 derogation; and the notice must say which.

Fix: set the mechanism:

    transfers: surveys: {recipient: "surveys", country: "United States", mechanism: "idta",
        riskAssessment: "TRA-2025-01", safeguardCopy: "Ask our DPO for a copy."}`,
			Check: checkTransferUnspecified,
		},
		&Rule{
			ID: "transfer-privacy-shield", Severity: Error, Ref: "CJEU C-311/18 (Schrems II), 16 July 2020",
			Message: "a transfer relies on the EU-US Privacy Shield",
			Explain: `The Court of Justice invalidated the EU-US Privacy Shield on 16 July 2020
(Schrems II). No transfer can rely on it.

Fix: move to a current mechanism; for a US recipient certified under the
Data Privacy Framework with the UK Extension use "dpf-uk-extension",
otherwise the IDTA or the UK Addendum:

    transfers: crm: mechanism: "dpf-uk-extension"`,
			Check: checkTransferPrivacyShield,
		},
		&Rule{
			ID: "transfer-bare-eu-sccs", Severity: Error, Ref: "UK GDPR Art 46(2)(c); DPA 2018 s.119A",
			Message: "a UK transfer relies on the EU SCCs without the UK Addendum",
			Explain: `For UK transfers, the EU standard contractual clauses are valid only with
the ICO's UK Addendum (since 21 March 2022); contracts on the bare old
SCCs ceased to be valid on 21 March 2024.

Fix: add the UK Addendum, or use the IDTA:

    transfers: hosting: mechanism: "uk-addendum"`,
			Check: checkTransferBareSCCs,
		},
		&Rule{
			ID: "transfer-dpf", Severity: Warning, Ref: "DPA 2018 s.17A; UK Extension to the EU-US DPF (12 Oct 2023)",
			Message: "a transfer relies on the Data Privacy Framework UK Extension",
			Explain: `The DPF UK Extension covers only US organisations listed on the Data
Privacy Framework list that have opted into the UK Extension, for the kinds
of data (HR or non-HR) they certify. Its future depends on the EU-US DPF.

Fix: check the recipient's listing and note the check; waive the finding
with a review date:

    transfers: crm: note: "DPF list checked 2026-01-05: active, UK Extension, non-HR"
    waivers: [{rule: "transfer-dpf", target: "transfers.crm", reason: "Listing checked",
        acceptedBy: "DPO", expires: "2026-07-05"}]`,
			Check: checkTransferDPF,
		},
		&Rule{
			ID: "transfer-adequacy-not-listed", Severity: Error, Ref: "DPA 2018 s.17A; UK GDPR Art 45",
			Message: "UK adequacy is claimed for a country the UK has not found adequate",
			Explain: `UK adequacy regulations cover the EEA, Gibraltar, Andorra, Argentina, the
Faroe Islands, Guernsey, the Isle of Man, Israel, Jersey, New Zealand, the
Republic of Korea, Switzerland and Uruguay, and (partially) Canada and Japan.
US recipients are covered only through the DPF UK Extension.

Fix: use the right mechanism for the country:

    transfers: support: {country: "India", mechanism: "idta", riskAssessment: "TRA-03"}`,
			Check: checkTransferAdequacy,
		},
		&Rule{
			ID: "transfer-risk-assessment-missing", Severity: Warning, Ref: "UK GDPR Art 46; ICO transfer risk assessment guidance",
			Message: "an IDTA or UK Addendum transfer has no transfer risk assessment",
			Explain: `Before relying on the IDTA or the UK Addendum the exporter must assess
whether the safeguards are effective in the destination country (a transfer
risk assessment, TRA).

Fix: reference the TRA:

    transfers: surveys: riskAssessment: "TRA-2025-01"`,
			Check: checkTransferTRA,
		},
		&Rule{
			ID: "transfer-safeguard-copy-missing", Severity: Warning, Ref: "UK GDPR Art 13(1)(f), 14(1)(f)",
			Message: "a transfer under an Article 46 safeguard does not say how to get a copy",
			Explain: `Where a transfer relies on appropriate safeguards, the notice must say what
they are and how a person can obtain a copy of them.

Fix:

    transfers: surveys: safeguardCopy: "Ask our Data Protection Officer for a copy of the IDTA."`,
			Check: checkTransferSafeguardCopy,
		},
		&Rule{
			ID: "transfer-derogation-ground-missing", Severity: Warning, Ref: "UK GDPR Art 49(1)",
			Message: "a transfer relies on a derogation without naming the Article 49 ground",
			Explain: `Derogations are narrow exceptions (explicit consent, contract, important
public interest, legal claims, vital interests, public register). The record
must name the one relied on.

Fix:

    transfers: booking: {mechanism: "derogation", derogation: "Art 49(1)(b): necessary for the contract"}`,
			Check: checkTransferDerogation,
		},
		&Rule{
			ID: "recipient-transfer-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(e), 13(1)(f)",
			Message: "an activity discloses to a recipient abroad without recording the transfer",
			Explain: `A recipient that processes data outside the UK receives a transfer; the
record must name the country and the notice the safeguard.

Fix: declare the transfer and list it on the activity:

    transfers: surveys: {recipient: "surveys", country: "United States", mechanism: "idta"}
    activities: feedback: transfers: ["surveys"]`,
			Check: checkRecipientTransfer,
		},
		&Rule{
			ID: "recipient-country-missing", Severity: Warning, Ref: "UK GDPR Art 30(1)(e), 13(1)(f)",
			Message: "a named processor or controller does not say where it processes the data",
			Explain: `The record must name the third countries data goes to, and the notice must
say whether data leaves the UK. ropa never assumes a recipient is in the
UK: a named processor or controller needs its country stated, so that a
transfer abroad is not missed.

Fix: state the country, and for a country outside the UK add a transfer:

    recipients: mailer: {name: "Mailer Inc.", role: "processor", country: "United States"}
    transfers: mailer: {recipient: "mailer", country: "United States", mechanism: "idta"}`,
			Check: checkRecipientCountry,
		},
	)
}

// eachTransfer calls fn for every transfer in source order, with its path.
// Transfers are few, so the path is built eagerly.
func eachTransfer(c *Context, fn func(t *ropa.Transfer, path string)) {
	for _, t := range c.Model.TransferList() {
		if t != nil {
			fn(t, entity("transfers", t.Key))
		}
	}
}

func checkTransferUnspecified(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "" || t.Mechanism == "unspecified" {
			c.Report(p+".mechanism", "transfer %q to %s names no mechanism", t.Key, countryName(t.Country))
		}
	})
}

func checkTransferPrivacyShield(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "privacy-shield" {
			c.Report(p+".mechanism", "transfer %q relies on the EU-US Privacy Shield, invalidated on 16 July 2020", t.Key)
		}
	})
}

func checkTransferBareSCCs(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "eu-sccs" {
			c.Report(p+".mechanism", "transfer %q relies on the EU SCCs without the UK Addendum", t.Key)
		}
	})
}

func checkTransferDPF(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "dpf-uk-extension" {
			c.Report(p+".mechanism", "transfer %q relies on the DPF UK Extension: check the recipient's listing", t.Key)
		}
	})
}

func checkTransferAdequacy(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "uk-adequacy" && !ukAdequate[normCountry(t.Country)] {
			c.Report(p+".country", "transfer %q claims UK adequacy for %s, which is not on the UK adequacy list", t.Key, countryName(t.Country))
		}
	})
}

func checkTransferTRA(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if (t.Mechanism == "idta" || t.Mechanism == "uk-addendum") && t.RiskAssessment == "" {
			c.Report(p, "transfer %q under %s has no transfer risk assessment", t.Key, t.Mechanism)
		}
	})
}

func checkTransferSafeguardCopy(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		switch t.Mechanism {
		case "idta", "uk-addendum", "eu-sccs", "bcr", "other":
			if t.SafeguardCopy == "" {
				c.Report(p, "transfer %q does not say how a person can get a copy of the safeguard", t.Key)
			}
		}
	})
}

func checkTransferDerogation(c *Context) {
	eachTransfer(c, func(t *ropa.Transfer, p string) {
		if t.Mechanism == "derogation" && t.Derogation == "" {
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
			if r == nil || r.Country == "" || isUK(r.Country) || to[rk] {
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
