package law

import "strings"

// Mechanism is a legal route for a transfer outside the UK (UK GDPR
// Chapter V as substituted by Schedule 7 DUAA: Art 44A).
type Mechanism struct {
	// Kind is the schema's value (#Mechanism).
	Kind string
	// Name is the mechanism in the register's words.
	Name string
	// Cite is its citation.
	Cite string
	// Approved is true for a transfer approved by regulations (Art 45A).
	Approved bool
	// Safeguard is true for an Art 46 safeguard: the notice says how to
	// get a copy (Art 13(1)(f)), and it counts only if the data protection
	// test is met (Art 46(1A)).
	Safeguard bool
	// DataProtectionTest is true where the controller must record that,
	// acting reasonably and proportionately, it considers the data
	// protection test met (Art 46(1A)): the successor of the transfer risk
	// assessment, for the standard clauses.
	DataProtectionTest bool
	// Invalid says why no transfer can rely on the mechanism, "" when one
	// can.
	Invalid string
	// Unknown is true for the values that name no mechanism.
	Unknown bool
	// Derogation is true for an Art 49 derogation.
	Derogation bool
	// Words is a regular expression for the words registers use for the
	// mechanism, for the importer.
	Words string
	// EUArticle is the EU GDPR article of a mechanism the EU GDPR shares,
	// as "46(2)(c)"; "" for the UK's own.
	EUArticle string
}

// Mechanisms are the transfer mechanisms the schema names, in the order
// the importer tries their words: the most specific first.
var Mechanisms = []Mechanism{
	{Kind: "privacy-shield", Name: "EU-US Privacy Shield (invalid since 16 July 2020)", Cite: "CJEU C-311/18 (Schrems II)",
		Invalid: "the CJEU invalidated it on " + Date(SchremsII), Words: `(?i)privacy\s+shield`},
	{Kind: "dpf-uk-extension", Name: "UK Extension to the EU-US Data Privacy Framework", Cite: "UK GDPR Art 45A; Data Protection (Adequacy) (United States of America) Regulations 2023",
		Approved: true, Words: `(?i)uk\s+extension|data\s+privacy\s+framework|\bdpf\b`},
	{Kind: "uk-addendum", Name: "UK Addendum to the EU standard contractual clauses", Cite: "UK GDPR Art 46(1A), 46(2)(d); DPA 2018 s.119A",
		Safeguard: true, DataProtectionTest: true, Words: `(?i)uk\s+addendum|\baddendum\b`},
	{Kind: "idta", Name: "International Data Transfer Agreement (IDTA)", Cite: "UK GDPR Art 46(1A), 46(2)(d); DPA 2018 s.119A",
		Safeguard: true, DataProtectionTest: true, Words: `(?i)\bidta\b|international\s+data\s+transfer\s+agreement`},
	{Kind: "eu-sccs", Name: "EU standard contractual clauses", Cite: "UK GDPR Art 46(2)(d)", Safeguard: true, EUArticle: "46(2)(c)",
		Invalid: "without the UK Addendum they have not been a safeguard for UK transfers since " + Date(OldSCCsEnd),
		Words:   `(?i)standard\s+contractual\s+clauses|\bsccs?\b`},
	{Kind: "bcr", Name: "binding corporate rules", Cite: "UK GDPR Art 46(1A), 46(2)(b), 47", Safeguard: true,
		Words: `(?i)binding\s+corporate\s+rules|\bbcrs?\b`},
	{Kind: "derogation", Name: "Article 49 derogation", Cite: "UK GDPR Art 49(1)", Derogation: true, Words: `(?i)derogation|article\s+49`},
	{Kind: "uk-adequacy", Name: "UK adequacy regulations (transfer approved under Art 45A)", Cite: "UK GDPR Art 45A; DPA 2018 s.17A",
		Approved: true, Words: `(?i)adequacy`},
	{Kind: "unspecified", Name: "safeguard not recorded", Cite: "UK GDPR Art 44A", Unknown: true, Words: `(?i)^safeguard\s+not\s+recorded$`},
	{Kind: "other", Name: "other safeguard", Cite: "UK GDPR Art 46", Safeguard: true, Words: `(?i)^other\s+safeguard$`},
}

// MechanismOf returns the mechanism of the schema's kind.
func MechanismOf(kind string) (Mechanism, bool) {
	for _, m := range Mechanisms {
		if m.Kind == kind {
			return m, true
		}
	}
	return Mechanism{}, false
}

// Scope is how much of a country a UK approval covers.
type Scope string

// The scopes of an approval.
const (
	// Whole: every recipient in the country.
	Whole Scope = "whole"
	// Sector: only recipients in a sector or of a description.
	Sector Scope = "sector"
	// Certified: only recipients certified under a scheme.
	Certified Scope = "certified"
)

// Approval is a country or territory to which transfers are approved by
// regulations (Art 45A; the adequacy regulations made before the DUAA
// continue as such regulations).
type Approval struct {
	// Country is the country's name.
	Country string
	// Aliases are other names models use for it, lower case.
	Aliases []string
	// Scope is how much of the country the approval covers.
	Scope Scope
	// Covers describes the recipients a partial approval covers.
	Covers string
	// Since is when the approval took effect.
	Since string
	// Cite is the instrument.
	Cite string
	// Mechanism is the mechanism value a transfer under the approval
	// names, when it is not "uk-adequacy".
	Mechanism string
}

// Partial reports whether the approval covers only some recipients.
func (a Approval) Partial() bool { return a.Scope != Whole }

// preserved cites the EU decisions and EEA status that DPA 2018 Sch 21
// paras 4-5 kept as UK adequacy regulations from IP completion day.
const preserved = "DPA 2018 Sch 21 paras 4-5"

func eea(country string, aliases ...string) Approval {
	return Approval{Country: country, Aliases: aliases, Scope: Whole, Since: UKGDPRFrom, Cite: preserved}
}

// Approvals is the UK's approved-transfer list (legal checklist s.5 and
// s.7), with the scope of each approval.
var Approvals = []Approval{
	eea("European Economic Area", "eea", "eu", "european union"),
	eea("Austria"), eea("Belgium"), eea("Bulgaria"), eea("Croatia"), eea("Cyprus"), eea("Czechia", "czech republic"),
	eea("Denmark"), eea("Estonia"), eea("Finland"), eea("France"), eea("Germany"), eea("Greece"), eea("Hungary"),
	eea("Ireland", "republic of ireland"), eea("Italy"), eea("Latvia"), eea("Lithuania"), eea("Luxembourg"),
	eea("Malta"), eea("Netherlands"), eea("Poland"), eea("Portugal"), eea("Romania"), eea("Slovakia"), eea("Slovenia"),
	eea("Spain"), eea("Sweden"), eea("Iceland"), eea("Liechtenstein"), eea("Norway"),
	eea("Gibraltar"), eea("Andorra"), eea("Argentina"), eea("Faroe Islands"), eea("Guernsey"), eea("Isle of Man"),
	eea("Israel"), eea("Jersey"), eea("New Zealand"), eea("Switzerland"), eea("Uruguay"),
	{Country: "Republic of Korea", Aliases: []string{"korea", "south korea"}, Scope: Whole, Since: "2022-12-19",
		Cite: "Data Protection (Adequacy) (Republic of Korea) Regulations 2022"},
	{Country: "Canada", Scope: Sector, Since: UKGDPRFrom, Cite: preserved + " (Decision 2002/2/EC)",
		Covers: "commercial organisations subject to PIPEDA"},
	{Country: "Japan", Scope: Sector, Since: UKGDPRFrom, Cite: preserved + " (Decision (EU) 2019/419)",
		Covers: "private-sector business operators subject to the APPI"},
	{Country: "United States", Aliases: []string{"usa", "us", "united states of america"}, Scope: Certified, Since: "2023-10-12",
		Cite: "Data Protection (Adequacy) (United States of America) Regulations 2023", Mechanism: "dpf-uk-extension",
		Covers: "organisations certified to the UK Extension of the EU-US Data Privacy Framework"},
}

// normCountry lower-cases a country name and drops a leading "the".
func normCountry(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimSpace(strings.TrimPrefix(s, "the "))
}

// ApprovalFor returns the approval covering a country, by name or alias.
func ApprovalFor(country string) (Approval, bool) {
	n := normCountry(country)
	for _, a := range Approvals {
		if normCountry(a.Country) == n {
			return a, true
		}
		for _, al := range a.Aliases {
			if al == n {
				return a, true
			}
		}
	}
	return Approval{}, false
}

// ukNames are the names that mean the United Kingdom itself.
var ukNames = []string{"united kingdom", "uk", "gb", "great britain", "england", "scotland",
	"wales", "northern ireland", "united kingdom of great britain and northern ireland"}

// IsUK reports whether a country name means the United Kingdom; the empty
// name counts as stated nowhere, so not the UK.
func IsUK(country string) bool {
	n := normCountry(country)
	for _, u := range ukNames {
		if n == u {
			return true
		}
	}
	return false
}
