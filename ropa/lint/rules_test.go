package lint_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// act adds lines to the base activity.
func act(lines string) []string {
	return []string{"\tautomation: {decisions: false, profiling: false}\n", "\tautomation: {decisions: false, profiling: false}\n\t" + lines + "\n"}
}

// basis replaces the base activity's lawful basis.
func basis(b string) []string {
	return []string{`lawfulBases: [{basis: "contract"}]`, "lawfulBases: [" + b + "]"}
}

// health makes the base activity use a special-category category.
var health = []string{
	`categories: ["identity"]`, `categories: ["identity", "health"]`,
	"+", `categories: health: {name: "Health", special: "health", retention: ["tenancy"]}`,
}

// convictions makes the base activity use criminal-offence data.
var convictions = []string{
	`categories: ["identity"]`, `categories: ["identity", "convictions"]`,
	"+", `categories: convictions: {name: "Convictions", criminal: true, retention: ["tenancy"]}`,
}

// transfer adds a transfer t1 of the base activity to repairs, with the
// given fields.
func transfer(fields string) []string {
	return []string{
		`recipients: ["repairs"]`, `recipients: ["repairs"]` + "\n\ttransfers: [\"t1\"]",
		"+", `transfers: t1: {recipient: "repairs", ` + fields + `}`,
	}
}

// children marks the base subject as children.
var children = []string{`subjects: tenants: name: "Tenants"`, `subjects: tenants: {name: "Tenants", children: true}`}

// corporate adds a notice "corporate" showing an activity "other" with
// the given fields.
func corporate(fields string) []string {
	return []string{"+", `notices: corporate: {title: "Corporate", version: "1", lastUpdated: "2026-06-01"}`,
		"+", `activities: other: {name: "Other", purpose: "P", audiences: ["corporate"], subjects: ["tenants"], categories: ["identity"], ` +
			`lawfulBases: [{basis: "contract"}], automation: {decisions: false, profiling: false}, ` + fields + `}`}
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// ruleCases: for each rule, edits of the base model that trigger it (bad),
// with where the finding must be (at: a unique text of the edited source,
// "|" marking the column), and edits that come close without triggering it
// (good; nil means the base model).
var ruleCases = []struct {
	rule      string
	bad       []string
	at        string
	good      []string
	wantCount int // 0 means 1
}{
	{rule: "lawful-basis-missing", bad: basis(""), at: "lawfulBases: []"},
	{rule: "li-interest-missing", bad: basis(`{basis: "legitimate-interests", assessment: "LIA-1"}`), at: `{basis: "legitimate-interests"`,
		good: basis(`{basis: "legitimate-interests", interest: "Fraud prevention", assessment: "LIA-1"}`)},
	{rule: "li-assessment-missing", bad: basis(`{basis: "legitimate-interests", interest: "Fraud prevention"}`), at: `{basis: "legitimate-interests"`,
		good: basis(`{basis: "legitimate-interests", interest: "Fraud prevention", assessment: "LIA-1"}`)},
	{rule: "li-public-authority",
		bad: join(basis(`{basis: "legitimate-interests", interest: "Fraud", assessment: "LIA-1"}`),
			[]string{`name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}),
		at:   `basis: "legitimate-interests"`,
		good: join(basis(`{basis: "public-task", law: "Housing Act 1996"}`), []string{`name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"})},
	// Since 5 February 2026 the closing words of Art 6(1) cover (ea) too.
	{rule: "li-public-authority",
		bad: join(basis(`{basis: "recognised-legitimate-interest", condition: "Annex 1 para 5"}`),
			[]string{`name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}),
		at:   `basis: "recognised-legitimate-interest"`,
		good: basis(`{basis: "recognised-legitimate-interest", condition: "Annex 1 para 5"}`)},
	{rule: "consent-alongside-other-basis",
		bad: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}, {basis: "contract"}`), at: `{basis: "contract"}`,
		good: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`)},
	{rule: "consent-imbalance",
		bad: join(basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`),
			[]string{`name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}), at: `lawfulBases: [|{`,
		good: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`)},
	{rule: "consent-imbalance",
		bad: join(basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`),
			[]string{`subjects: tenants: name: "Tenants"`, `subjects: tenants: name: "Staff and volunteers"`}), at: `lawfulBases: [|{`,
		good: join(basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`),
			[]string{`subjects: tenants: name: "Tenants"`, `subjects: tenants: name: "Tenants and their households"`})},
	{rule: "consent-withdrawal-missing", bad: basis(`{basis: "consent"}`), at: `{basis: "consent"}`,
		good: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`)},
	{rule: "consent-record-missing", bad: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick"}}`), at: `consent: {how`,
		good: basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`)},
	{rule: "basis-law-missing", bad: basis(`{basis: "legal-obligation"}`), at: `{basis: "legal-obligation"}`,
		good: basis(`{basis: "legal-obligation", law: "Taxes Management Act 1970"}`)},
	{rule: "rli-condition-missing", bad: basis(`{basis: "recognised-legitimate-interest"}`), at: `{basis: "recognised-legitimate-interest"}`,
		good: basis(`{basis: "recognised-legitimate-interest", condition: "Annex 1 para 5"}`)},

	{rule: "special-condition-missing", bad: health, at: `"health"]`,
		good: join(health, act(`specialConditions: [{article9: "a", categories: ["health"]}]`))},
	{rule: "special-condition-missing", bad: join(health, act(`specialConditions: [{article9: "a", categories: ["identity"]}]`)), at: `"health"]`},
	{rule: "schedule1-part1-missing", bad: join(health, act(`specialConditions: [{article9: "h"}]`)), at: `{article9: "h"}`,
		good: join(health, act(`specialConditions: [{article9: "h", schedule1: 2}]`))},
	{rule: "schedule1-part2-missing", bad: join(health, act(`specialConditions: [{article9: "g", schedule1: 2, policyDocument: "APD"}]`)), at: `schedule1: 2`,
		good: join(health, act(`specialConditions: [{article9: "g", schedule1: 18, policyDocument: "APD"}]`))},
	// Paragraph 5 is in Part 2 but is the APD requirement, not a condition.
	{rule: "schedule1-part2-missing", bad: join(health, act(`specialConditions: [{article9: "g", schedule1: 5, policyDocument: "APD"}]`)), at: `schedule1: 5`,
		good: join(health, act(`specialConditions: [{article9: "g", schedule1: 6, policyDocument: "APD"}]`))},
	// Each Part 1 letter pairs with one paragraph: (h) with 2, not 4.
	{rule: "schedule1-part1-missing", bad: join(health, act(`specialConditions: [{article9: "h", schedule1: 4}]`)), at: `schedule1: 4`,
		good: join(health, act(`specialConditions: [{article9: "j", schedule1: 4}]`))},
	{rule: "schedule1-unpaired", bad: join(health, act(`specialConditions: [{article9: "a", schedule1: 18}]`)), at: `schedule1: 18`,
		good: join(health, act(`specialConditions: [{article9: "a"}]`))},
	{rule: "schedule1-restricted-user", bad: join(health, act("specialConditions: [{article9: \"g\", schedule1: 16, policyDocument: \"APD\"}]\n\tpolicyAdherence: adheres: true")), at: `schedule1: 16`,
		good: join(health, act("specialConditions: [{article9: \"g\", schedule1: 18, policyDocument: \"APD\"}]\n\tpolicyAdherence: adheres: true"))},
	{rule: "schedule1-restricted-user", bad: join(convictions, act(`criminalConditions: [{basis: "schedule1", schedule1: 14, policyDocument: "APD"}]`)), at: `schedule1: 14`,
		good: join(convictions, act(`criminalConditions: [{basis: "schedule1", schedule1: 10, policyDocument: "APD"}]`))},
	{rule: "apd-missing", bad: join(health, act(`specialConditions: [{article9: "g", schedule1: 18}]`)), at: `{article9: "g"`,
		good: join(health, act(`specialConditions: [{article9: "g", schedule1: 13}]`))},
	{rule: "apd-missing", bad: join(convictions, act(`criminalConditions: [{basis: "schedule1", schedule1: 36}]`)), at: `{basis: "schedule1"`,
		good: join(convictions, act(`criminalConditions: [{basis: "schedule1", schedule1: 33}]`))},
	{rule: "policy-adherence-missing", bad: join(health, act(`specialConditions: [{article9: "g", schedule1: 18, policyDocument: "APD"}]`)), at: `rent: {`,
		good: join(health, act("specialConditions: [{article9: \"g\", schedule1: 18, policyDocument: \"APD\"}]\n\tpolicyAdherence: adheres: true"))},
	{rule: "policy-adherence-missing", bad: join(health, act("specialConditions: [{article9: \"g\", schedule1: 18, policyDocument: \"APD\"}]\n\tpolicyAdherence: adheres: false")), at: `policyAdherence:`,
		good: join(health, act("specialConditions: [{article9: \"g\", schedule1: 18, policyDocument: \"APD\"}]\n\tpolicyAdherence: {adheres: false, reason: \"Archive\"}"))},
	{rule: "criminal-condition-missing", bad: convictions, at: `"convictions"]`,
		good: join(convictions, act(`criminalConditions: [{basis: "official-authority"}]`))},
	{rule: "criminal-schedule1-missing", bad: join(convictions, act(`criminalConditions: [{basis: "schedule1"}]`)), at: `{basis: "schedule1"}`,
		good: join(convictions, act(`criminalConditions: [{basis: "schedule1", schedule1: 33}]`))},

	{rule: "transfer-mechanism-unspecified", bad: transfer(`country: "India", mechanism: "unspecified"`), at: `mechanism: "unspecified"`,
		good: transfer(`country: "India", mechanism: "idta", riskAssessment: "TRA", safeguardCopy: "Ask"`)},
	{rule: "transfer-privacy-shield", bad: transfer(`country: "United States", mechanism: "privacy-shield"`), at: `mechanism: "privacy-shield"`,
		good: transfer(`country: "United States", mechanism: "dpf-uk-extension"`)},
	{rule: "transfer-bare-eu-sccs", bad: transfer(`country: "India", mechanism: "eu-sccs", safeguardCopy: "Ask"`), at: `mechanism: "eu-sccs"`,
		good: transfer(`country: "India", mechanism: "uk-addendum", riskAssessment: "TRA", safeguardCopy: "Ask"`)},
	{rule: "transfer-dpf", bad: transfer(`country: "United States", mechanism: "dpf-uk-extension"`), at: `mechanism: "dpf-uk-extension"`,
		good: transfer(`country: "United States", mechanism: "dpf-uk-extension", withinApproval: true`)},
	{rule: "transfer-adequacy-not-listed", bad: transfer(`country: "India", mechanism: "uk-adequacy"`), at: `country: "India"`,
		good: transfer(`country: "The Republic of Korea", mechanism: "uk-adequacy"`)},
	// The United States is on the list, for certified organisations only.
	{rule: "transfer-approval-scope", bad: transfer(`country: "Canada", mechanism: "uk-adequacy"`), at: `country: "Canada"`,
		good: transfer(`country: "Canada", mechanism: "uk-adequacy", withinApproval: true`)},
	{rule: "transfer-approval-scope", bad: transfer(`country: "United States", mechanism: "uk-adequacy", withinApproval: false`), at: `withinApproval: false`,
		good: transfer(`country: "Switzerland", mechanism: "uk-adequacy"`)},
	{rule: "transfer-dp-test-missing", bad: transfer(`country: "India", mechanism: "idta", safeguardCopy: "Ask"`), at: `t1: {`,
		good: transfer(`country: "India", mechanism: "idta", safeguardCopy: "Ask", riskAssessment: "DPT"`)},
	{rule: "transfer-safeguard-copy-missing", bad: transfer(`country: "India", mechanism: "bcr"`), at: `t1: {`,
		good: transfer(`country: "India", mechanism: "bcr", safeguardCopy: "Ask"`)},
	{rule: "transfer-derogation-ground-missing", bad: transfer(`country: "India", mechanism: "derogation"`), at: `mechanism: "derogation"`,
		good: transfer(`country: "India", mechanism: "derogation", derogation: "Art 49(1)(b)"`)},
	{rule: "recipient-transfer-missing", bad: []string{`country: "United Kingdom"}`, `country: "India"}`}, at: `recipients: [|"repairs"]`,
		good: join([]string{`country: "United Kingdom"}`, `country: "India"}`}, transfer(`country: "India", mechanism: "idta"`))},
	// recipient-transfer-missing, through a system vendor abroad.
	{rule: "recipient-transfer-missing",
		bad: []string{`systems: housing: name: "Housing system"`, "systems: housing: {name: \"Housing system\", vendor: \"cloud\"}\nrecipients: cloud: {name: \"Cloud Inc\", role: \"processor\", contract: \"DPA-2\", country: \"India\"}"},
		at:  `systems: [|"housing"]`},
	{rule: "recipient-country-missing", bad: []string{`, country: "United Kingdom"}`, `}`}, at: `repairs: {name`,
		good: []string{`role: "processor", contract: "DPA-1", country: "United Kingdom"}`, `role: "processor", category: true, contract: "DPA-1"}`}},

	{rule: "retention-missing", bad: []string{`{name: "Identity", retention: ["tenancy"]}`, `{name: "Identity"}`}, at: `rent: {`,
		good: join([]string{`{name: "Identity", retention: ["tenancy"]}`, `{name: "Identity"}`}, act(`retention: ["tenancy"]`))},
	{rule: "category-retention-missing", bad: join([]string{`{name: "Identity", retention: ["tenancy"]}`, `{name: "Identity"}`}, act(`retention: ["tenancy"]`)), at: `identity: {name`,
		// One gap, one finding: retention-missing reports it on the activity.
		good: []string{`{name: "Identity", retention: ["tenancy"]}`, `{name: "Identity"}`}},
	{rule: "unconfirmed", bad: act(`unconfirmed: true`), at: `unconfirmed:`,
		good: act(`unconfirmed: false`)},
	{rule: "unconfirmed", bad: act(`unconfirmed: ["lawfulBases", "owner"]`), at: `[|"lawfulBases"`, wantCount: 2,
		good: act(`unconfirmed: []`)},
	{rule: "unconfirmed", bad: []string{`retention: tenancy: {name: "Tenancy", period: "6 years"}`,
		`retention: tenancy: {name: "Tenancy", period: "6 years", unconfirmed: ["period"]}`}, at: `[|"period"]`,
		good: []string{`retention: tenancy: {name: "Tenancy", period: "6 years"}`, `retention: tenancy: {name: "Tenancy", period: "6 years", unconfirmed: false}`}},
	{rule: "unconfirmed", bad: []string{`name: "Acme Homes"`, `name: "Acme Homes", unconfirmed: true`}, at: `unconfirmed: true`},
	{rule: "retention-period-missing", bad: []string{`{name: "Tenancy", period: "6 years"}`, `{name: "Tenancy"}`}, at: `tenancy: {name`,
		good: []string{`{name: "Tenancy", period: "6 years"}`, `{name: "Tenancy", criteria: "While the tenancy lasts"}`}},

	{rule: "automation-undescribed", bad: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "Scores", safeguards: ["Review"]}`}, at: `automation: {`,
		// Profiling alone is profiling-undescribed's, a warning.
		good: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "Scores"}`}},
	{rule: "profiling-undescribed", bad: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "Scores"}`}, at: `automation: {`,
		good: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "Scores", consequences: "Offers"}`}},
	{rule: "automation-significant-safeguards", bad: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "L", consequences: "C", exception: "contract"}`}, at: `significant: true`,
		// Arts 22A-22D: safeguards suffice, no Art 22(2) exception needed.
		good: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "L", consequences: "C", safeguards: ["Human review"]}`}},
	{rule: "automation-special-category", bad: join(health, act(`specialConditions: [{article9: "h", schedule1: 2}]`), []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "L", consequences: "C", safeguards: ["Review"]}`}), at: `significant: true`,
		good: join(health, act(`specialConditions: [{article9: "a"}]`), []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "L", consequences: "C", safeguards: ["Review"]}`})},
	{rule: "automation-recognised-interest", bad: join(basis(`{basis: "recognised-legitimate-interest", condition: "Annex 1 para 3"}`), []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: true, profiling: false, logic: "L", consequences: "C", safeguards: ["Review"]}`}), at: `{basis: "recognised`,
		good: join(basis(`{basis: "recognised-legitimate-interest", condition: "Annex 1 para 3"}`), []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, significant: false, profiling: false, logic: "L", consequences: "C"}`})},
	{rule: "automation-statement-missing", bad: []string{"\tautomation: {decisions: false, profiling: false}\n", ""}, at: `rent: {`,
		good: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `none: ["transfers"]`, `none: ["transfers", "automated-decisions", "profiling"]`}},
	// Only profiling unanswered; the declarations may sit on the notice and the record.
	{rule: "automation-statement-missing",
		bad: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["automated-decisions"]}`}, at: `rent: {`,
		good: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["automated-decisions"]}`, "+", `none: ["profiling"]`}},
	// A notice that hands "automated-decisions" to a page answers.
	{rule: "automation-statement-missing", bad: []string{"\tautomation: {decisions: false, profiling: false}\n", ""}, at: `rent: {`,
		good: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `lastUpdated: "2026-06-01"}`,
			`lastUpdated: "2026-06-01", delegate: "automated-decisions": {url: "https://acme.example/automation"}}`}},
	// An activity in no notice needs no statement (activity-not-in-notice asks for a notice).
	{rule: "automation-statement-missing",
		bad: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["automated-decisions", "profiling"]}`,
			"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01"}`, `audiences: ["tenants"]`, `audiences: ["tenants", "staff"]`}, at: `rent: {`,
		good: []string{"\tautomation: {decisions: false, profiling: false}\n", "", `audiences: ["tenants"]`, `audiences: []`}},

	{rule: "recipients-undeclared", bad: []string{"\trecipients: [\"repairs\"]\n", ""}, at: `rent: {`,
		good: []string{"\trecipients: [\"repairs\"]\n", "", `none: ["transfers"]`, `none: ["transfers", "recipients"]`}},
	// Declared on one of the two notices that show it: still undeclared.
	{rule: "recipients-undeclared",
		bad: []string{"\trecipients: [\"repairs\"]\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["recipients"]}`,
			"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01"}`, `audiences: ["tenants"]`, `audiences: ["tenants", "staff"]`}, at: `rent: {`,
		good: []string{"\trecipients: [\"repairs\"]\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["recipients"]}`,
			"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01", none: ["recipients"]}`, `audiences: ["tenants"]`, `audiences: ["tenants", "staff"]`}},
	// A notice that hands "sharing" to a notice holding it answers; handed
	// to a notice that does not hold it, the silence stays.
	{rule: "recipients-undeclared",
		bad: join([]string{"\trecipients: [\"repairs\"]\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", delegate: sharing: {notice: "corporate"}}`}, corporate(`none: ["transfers"]`)), at: `rent: {`, wantCount: 2, // and "other" itself
		good: join([]string{"\trecipients: [\"repairs\"]\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", delegate: sharing: {notice: "corporate"}}`}, corporate(`recipients: ["repairs"], none: ["transfers"]`))},
	// A system whose vendor receives the data is a disclosure.
	{rule: "recipients-undeclared", bad: []string{"\trecipients: [\"repairs\"]\n", ""}, at: `rent: {`,
		good: []string{"\trecipients: [\"repairs\"]\n", "", `systems: housing: name: "Housing system"`, `systems: housing: {name: "Housing system", vendor: "repairs"}`}},

	{rule: "transfers-undeclared", bad: []string{"\tnone: [\"transfers\"]\n", ""}, at: `rent: {`,
		good: []string{"\tnone: [\"transfers\"]\n", "", "+", `none: ["transfers"]`}},
	// A recorded transfer answers; a recipient with no stated country does not.
	{rule: "transfers-undeclared", bad: []string{"\tnone: [\"transfers\"]\n", "", `, country: "United Kingdom"}`, `, category: true}`}, at: `rent: {`,
		good: join([]string{"\tnone: [\"transfers\"]\n", ""}, transfer(`country: "Jersey", mechanism: "uk-adequacy"`))},

	{rule: "none-contradicted", bad: []string{`none: ["transfers"]`, `none: ["transfers", "recipients"]`}, at: `none: ["transfers", "recipients"]`,
		good: []string{`none: ["transfers"]`, `none: ["transfers", "profiling"]`}},
	{rule: "none-contradicted", bad: join(transfer(`country: "Jersey", mechanism: "uk-adequacy"`), []string{"\tnone: [\"transfers\"]\n", "",
		`lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["transfers"]}`}),
		at: `none: ["transfers"]}`},
	// A notice's declaration covers only the activities it shows.
	{rule: "none-contradicted", bad: []string{"+", `none: ["recipients"]`}, at: `none: ["recipients"]`,
		good: []string{"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01", none: ["recipients"]}`}},
	{rule: "none-contradicted",
		bad:  []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: true, profiling: false, logic: "L", consequences: "C"}`, `none: ["transfers"]`, `none: ["transfers", "automated-decisions"]`},
		at:   `none: ["transfers", "automated-decisions"]`,
		good: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "L", consequences: "C"}`, `none: ["transfers"]`, `none: ["transfers", "automated-decisions"]`}},
	{rule: "none-contradicted",
		bad: []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "L", consequences: "C"}`, "+", `none: ["profiling"]`},
		at:  `none: ["profiling"]`},

	{rule: "unused-recipient", bad: []string{"+", `recipients: council: {name: "Council", role: "controller", country: "United Kingdom"}`}, at: `council: {`},
	{rule: "unused-category", bad: []string{"+", `categories: financial: {name: "Financial", retention: ["tenancy"]}`}, at: `financial: {`},
	{rule: "unused-subject", bad: []string{"+", `subjects: guarantors: name: "Guarantors"`}, at: `guarantors: name`},
	{rule: "unused-source", bad: []string{"+", `sources: council: {name: "Council", kind: "public"}`}, at: `council: {`},
	{rule: "unused-scheme", bad: []string{"+", `schemes: "rental-exchange": {name: "Spare", description: "A scheme"}`}, at: `"rental-exchange": {`,
		good: join([]string{"+", `schemes: "rental-exchange": {name: "Spare", description: "A scheme"}`}, act(`schemes: ["rental-exchange"]`))},
	{rule: "unused-system", bad: []string{"\tsystems: [\"housing\"]\n", ""}, at: `housing: name`},
	{rule: "unused-retention", bad: []string{"+", `retention: complaints: {name: "Spare", period: "1 year"}`}, at: `complaints: {name`},
	{rule: "unused-transfer", bad: []string{"+", `transfers: surveys: {recipient: "repairs", country: "Jersey", mechanism: "uk-adequacy"}`}, at: `surveys: {`,
		good: join(transfer(`country: "Jersey", mechanism: "uk-adequacy"`))},
	{rule: "unused-notice", bad: []string{"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01"}`}, at: `staff: {`,
		good: []string{"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01"}`, "+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years", audiences: ["staff"]}`}},

	{rule: "controller-contact-missing", bad: []string{"\taddress: lines: [\"1 High Street\"]\n", ""}, at: `controller: {`,
		good: []string{"\taddress: lines: [\"1 High Street\"]\n", "\tcontacts: [{phone: \"0300\"}]\n"}},
	{rule: "dpo-contact-missing", bad: []string{`dpo: {name: "Dee Pio", email: "dpo@acme.example"}`, `dpo: {name: "Dee Pio"}`}, at: `dpo: {`,
		good: []string{`dpo: {name: "Dee Pio", email: "dpo@acme.example"}`, `dpo: {name: "Dee Pio", designated: false}`}},
	{rule: "dpo-missing", bad: []string{"\tdpo: {name: \"Dee Pio\", email: \"dpo@acme.example\"}\n", ""}, at: `controller: {`,
		// A public authority without one is dpo-required's error, once.
		good: []string{"\tdpo: {name: \"Dee Pio\", email: \"dpo@acme.example\"}\n", "", `name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}},
	{rule: "dpo-required", bad: []string{"\tdpo: {name: \"Dee Pio\", email: \"dpo@acme.example\"}\n", "", `name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}, at: `controller: {`,
		good: []string{`name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}},
	{rule: "dpo-required", bad: []string{`dpo: {name: "Dee Pio", email: "dpo@acme.example"}`, `dpo: {name: "Dee Pio", email: "dpo@acme.example", designated: false}`, `name: "Acme Homes"`, "name: \"Acme Homes\"\n\tpublicAuthority: true"}, at: `dpo: {`},
	{rule: "complaints-route-missing", bad: []string{`complaints: {procedure: "Tell us first.", url: "https://acme.example/complaints"}`, ""}, at: `schemaVersion`,
		good: []string{`url: "https://acme.example/complaints"`, `contact: email: "complaints@acme.example"`}},
	{rule: "complaints-route-missing", bad: []string{`, url: "https://acme.example/complaints"`, ""}, at: `complaints: {`},
	{rule: "joint-arrangement-trivial", bad: []string{"+", `controller: jointControllers: council: {name: "Council", arrangement: "TBC", contact: email: "a@b.example"}`}, at: `arrangement: "TBC"`,
		good: []string{"+", `controller: jointControllers: council: {name: "Council", arrangement: "The council answers requests about nominations; we handle tenancies.", contact: email: "a@b.example"}`}},
	{rule: "joint-controller-contact-missing", bad: []string{"+", `controller: jointControllers: council: {name: "Council", arrangement: "The council answers requests about nominations."}`}, at: `council: {`,
		good: []string{"+", `controller: jointControllers: council: {name: "Council", arrangement: "The council answers requests about nominations.", contact: email: "a@b.example"}`}},

	{rule: "notice-date-invalid", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2027-01-01"`}, at: `lastUpdated:`,
		good: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-11"`}},
	{rule: "notice-date-invalid", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-12"`}, at: `lastUpdated:`,
		good: []string{`, lastUpdated: "2026-06-01"`, ""}},
	{rule: "translation-stale",
		bad: []string{"+", `translations: cy: "activities.rent.purpose": {text: "Casglu rhent", of: "00000000"}`},
		at:  `purpose: "Collect rent"`, wantCount: 2,
		good: []string{"+", `translations: cy: "activities.rent.purpose": {text: "Casglu rhent", of: "3f27ceda"}`}},
	{rule: "translation-missing",
		bad: []string{`lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", languages: ["cy"]}`},
		at:  `name: "Acme Homes"`, wantCount: textsOfBase(),
		good: []string{`lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", languages: ["cy"]}`, "+", allTranslated()}},
	{rule: "phrasebook-unreviewed",
		bad: []string{`lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", languages: ["cy"]}`, "+", allTranslated()},
		at:  `"cy"]`},
	{rule: "notice-date-missing", bad: []string{`, lastUpdated: "2026-06-01"`, ""}, at: `tenants: {title`,
		good: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2020-01"`}},
	// An issued or reviewed date tells the reader when the notice was current.
	{rule: "notice-date-missing", bad: []string{`, lastUpdated: "2026-06-01"`, ""}, at: `tenants: {title`,
		good: []string{`, lastUpdated: "2026-06-01"`, `, issued: "2021-05-20", reviewed: ["2023-12-20", "2026-01-12"]`}},
	{rule: "notice-review-overdue", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-06-01", nextReview: "2026-10"`}, at: `nextReview:`,
		good: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-06-01", nextReview: "2026-10", reviewed: ["2026-10-20"]`}},
	{rule: "notice-review-overdue", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-06-01", nextReview: "2026-11-01"`}, at: `nextReview:`,
		good: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2026-06-01", nextReview: "2027-01", nextReviewNote: "or sooner if the law changes"`}},
	{rule: "notice-version-missing", bad: []string{`version: "1", `, ""}, at: `tenants: {title`,
		good: []string{`version: "1", `, `version: "as of June", `}},
	{rule: "lawful-basis-undecided", bad: []string{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}, {basis: "legal-obligation", law: "Housing Act 1988"}], eitherBasis: true`}, at: `eitherBasis:`,
		good: []string{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}, {basis: "legal-obligation", law: "Housing Act 1988"}], eitherBasis: false`}},
	{rule: "lawful-basis-undecided", bad: []string{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}], eitherBasis: true`}, at: `eitherBasis:`},
	{rule: "laws-list-incomplete", bad: []string{`version: "1", `, `version: "1", lawsIncomplete: true, `}, at: `lawsIncomplete:`,
		good: []string{`version: "1", `, `version: "1", lawsIncomplete: false, `}},
	{rule: "notice-long", bad: []string{`version: "1", `, `version: "1", wordBudget: 50, `}, at: `wordBudget`,
		good: []string{`version: "1", `, `version: "1", wordBudget: 5000, `}},
	{rule: "notice-section-duplicate", bad: []string{`version: "1", `, `version: "1", sections: [{title: "Your  rights", paragraphs: ["More."]}], `},
		at:   `title: "Your  rights"`,
		good: []string{`version: "1", `, `version: "1", sections: [{title: "More about your rights", paragraphs: ["More."]}], `}},
	{rule: "notice-section-duplicate", bad: []string{`version: "1", `,
		`version: "1", sections: [{title: "Extra", paragraphs: ["More."]}, {title: "extra", after: "purposes", paragraphs: ["More."]}], `},
		at: `title: "Extra"`},
	{rule: "cookie-not-in-notice", bad: []string{"+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years"}`}, at: `ga: {`,
		good: []string{"+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years", audiences: ["tenants"]}`}},
	{rule: "cookie-not-in-notice", bad: []string{"+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years", audiences: []}`}, at: `audiences: []`},
	{rule: "cookie-consent-missing", bad: []string{"+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years", category: "analytics", audiences: ["tenants"]}`}, at: `ga: {`,
		good: []string{"+", `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Analytics", duration: "2 years", category: "analytics", audiences: ["tenants"], consent: true}`}},
	{rule: "cookie-consent-missing", bad: []string{"+", `cookies: ga: {name: "_ga", provider: "Us", party: "first", purpose: "Analytics", duration: "2 years", category: "analytics", audiences: ["tenants"], exemption: "statistical"}`}, at: `exemption:`,
		good: []string{"+", `cookies: ga: {name: "_ga", provider: "Us", party: "first", purpose: "Analytics", duration: "2 years", category: "analytics", audiences: ["tenants"], exemption: "statistical", optOut: "Settings"}`}},
	{rule: "activity-not-in-notice", bad: []string{`audiences: ["tenants"]`, `audiences: []`}, at: `audiences: []`},
	{rule: "notice-stale", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2025-11-01"`}, at: `lastUpdated:`,
		good: []string{`, lastUpdated: "2026-06-01"`, ""}},
	// The latest of lastUpdated, issued and reviewed is the notice's date.
	{rule: "notice-stale", bad: []string{`, lastUpdated: "2026-06-01"`, `, issued: "2021-05-20", reviewed: ["2023-12-20", "2025-01-12"]`}, at: `"2025-01-12"`,
		good: []string{`, lastUpdated: "2026-06-01"`, `, lastUpdated: "2025-01-01", reviewed: ["2026-01-12"]`}},
	{rule: "notice-stale", bad: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2025-10"`}, at: `lastUpdated:`,
		good: []string{`lastUpdated: "2026-06-01"`, `lastUpdated: "2025-12-01"`}},

	{rule: "children-notice-mismatch", bad: children, at: `audiences: [|"tenants"]`,
		good: join(children, []string{`version: "1", lastUpdated`, `version: "1", children: true, lastUpdated`})},
	{rule: "children-consent-parental", bad: join(children, basis(`{basis: "consent", consent: {how: "Tick", withdraw: "Untick", record: "Log"}}`)), at: `lawfulBases: [|{`,
		good: join(children, basis(`{basis: "consent", consent: {how: "A parent ticks a box", withdraw: "Untick", record: "Log"}}`))},
	// "transparent" is not "parent".
	{rule: "children-consent-parental", bad: join(children, basis(`{basis: "consent", consent: {how: "A transparent form", withdraw: "Untick", record: "Log"}}`)), at: `lawfulBases: [|{`,
		good: join(children, basis(`{basis: "consent", consent: {how: "Your guardian ticks a box", withdraw: "Untick", record: "Log"}}`))},

	{rule: "processor-contract-missing", bad: []string{`, contract: "DPA-1"`, ""}, at: `repairs: {`},
	{rule: "dpia-missing", bad: act(`dpiaTriggers: ["public-monitoring"]`), at: `rent: {`,
		good: act("dpiaTriggers: [\"public-monitoring\"]\n\tdpia: {required: true, status: \"complete\"}")},
	// One special category is not a trigger; biometric data is (ICO list).
	{rule: "dpia-missing", bad: []string{`categories: ["identity"]`, `categories: ["identity", "face"]`, "+", `categories: face: {name: "Face", special: "biometric", retention: ["tenancy"]}`,
		"\tautomation: {decisions: false, profiling: false}\n", "\tautomation: {decisions: false, profiling: false}\n\tspecialConditions: [{article9: \"a\"}]\n"}, at: `rent: {`,
		good: join(health, act(`specialConditions: [{article9: "a"}]`))},
	{rule: "dpia-missing", bad: join(children, act(`dpia: required: false`), []string{"automation: {decisions: false, profiling: false}", `automation: {decisions: false, profiling: true, logic: "L", consequences: "C"}`}), at: `dpia:`,
		good: join(children, act(`dpia: required: false`))},
	{rule: "security-missing", bad: []string{`security: measures: ["Encryption."]`, ""}, at: `schemaVersion`},
	{rule: "security-missing", bad: []string{`security: measures: ["Encryption."]`, `security: summary: "We are careful."`}, at: `security:`},
	{rule: "requirement-missing", bad: []string{"\trequirement: {kind: \"contractual\", consequence: \"No tenancy.\"}\n", ""}, at: `sources: [|"you"]`},
	{rule: "source-unnamed", bad: join([]string{`sources: ["you"]`, `sources: ["you", "agency"]`, "+", `sources: agency: {name: "An agency", kind: "third-party"}`}), at: `agency: {`,
		good: join([]string{`sources: ["you"]`, `sources: ["you", "agency"]`, "+", `sources: agency: {name: "An agency", kind: "third-party", description: "Acme Referrals Ltd"}`})},

	// The facts real notices state: laws, exemptions, headings, reviews.
	{rule: "unused-law", bad: []string{"+", `laws: spare: name: "Spare Act 2000"`}, at: `spare: name`,
		good: join([]string{"+", `laws: spare: name: "Spare Act 2000"`}, basis(`{basis: "contract", laws: ["spare"]}`))},
	{rule: "basis-law-missing", bad: basis(`{basis: "public-task", laws: []}`), at: `{basis: "public-task"`,
		good: join([]string{"+", `laws: ha: name: "Housing Act 1996"`}, basis(`{basis: "public-task", laws: ["ha"]}`))},
	{rule: "exemption-published-missing", bad: agency(`exemption: ground: "disproportionate-effort"`), at: `exemption: ground`,
		good: agency(`exemption: {ground: "disproportionate-effort", published: "https://acme.example/privacy"}`)},
	{rule: "exemption-published-missing", bad: act(`exemption: ground: "disproportionate-effort"`), at: `exemption: ground`,
		good: act(`exemption: {ground: "already-has"}`)},
	{rule: "exemption-law-missing", bad: agency(`exemption: ground: "required-by-law"`), at: `exemption: ground`,
		good: join(agency(`exemption: {ground: "required-by-law", law: "ha"}`), []string{"+", `laws: ha: name: "Housing Act 1996"`})},
	{rule: "exemption-direct-collection", bad: act(`exemption: ground: "professional-secrecy"`), at: `exemption: ground`,
		good: join(act(`exemption: ground: "professional-secrecy"`), []string{`sources: ["you"]`, `sources: ["you", "agency"]`, "+", `sources: agency: {name: "An agency", kind: "third-party"}`})},
	{rule: "exemption-direct-collection", bad: []string{`sources: you: {name: "You", kind: "subject"}`, `sources: you: {name: "You", kind: "subject", exemption: ground: "already-has"}`},
		at: `exemption: ground`, good: agency(`exemption: ground: "already-has"`)},
	{rule: "category-heading-misleading", bad: join(convictions, criminalOK, []string{`criminal: true,`, `criminal: true, heading: "Special category information",`}),
		at: `heading:`, good: join(convictions, criminalOK, []string{`criminal: true,`, `criminal: true, heading: "Sensitive information",`})},
	{rule: "category-heading-misleading", bad: []string{`identity: {name: "Identity",`, `identity: {name: "Identity", heading: "Sensitive details",`},
		at: `heading:`, good: join(health, act(`specialConditions: [{article9: "a", categories: ["health"]}]`), []string{`special: "health",`, `special: "health", heading: "Special category (sensitive) information",`})},
	{rule: "category-heading-misleading", bad: []string{`identity: {name: "Identity",`, `identity: {name: "Identity", heading: "Special categories of data",`},
		at: `heading:`, good: []string{`identity: {name: "Identity",`, `identity: {name: "Identity", heading: "Your details",`}},
	{rule: "review-due", bad: join(reviewEvery("12 months"), act(`lastReviewed: "2025-11-22"`)), at: `lastReviewed:`,
		good: join(reviewEvery("12 months"), act(`lastReviewed: "2025-11-23"`))},
	{rule: "review-due", bad: join(reviewEvery("6 months"), act(`owner: "Head of Income"`)), at: `rent: {`,
		good: act(`owner: "Head of Income"`)},
	{rule: "retention-period-missing", bad: []string{`period: "6 years"}`, `usually: false}`}, at: `tenancy: {`,
		good: []string{`period: "6 years"}`, `upTo: "6 years"}`}},
	{rule: "retention-period-missing", bad: []string{`period: "6 years"}`, `trigger: "after the tenancy ends"}`}, at: `tenancy: {`,
		good: []string{`period: "6 years"}`, `from: "2 years", to: "6 years", usually: true}`}},
}

// agency adds a third-party source "agency" to the base activity, with
// the given fields.
func agency(fields string) []string {
	return []string{`sources: ["you"]`, `sources: ["you", "agency"]`,
		"+", `sources: agency: {name: "An agency", kind: "third-party", ` + fields + `}`}
}

// criminalOK gives the base activity the condition its criminal-offence
// data needs.
var criminalOK = act(`criminalConditions: [{basis: "official-authority"}]`)

// reviewEvery sets the record's review interval.
func reviewEvery(d string) []string { return []string{"+", `reviewInterval: "` + d + `"`} }

// TestBaseIsClean guards the rule tests: the base model has no findings.
func TestBaseIsClean(t *testing.T) {
	res := lintSrc(t, base)
	for _, f := range res.Findings {
		t.Errorf("base model: %s %s %s: %s", f.Pos, f.Rule, f.Path, f.Message)
	}
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.rule, func(t *testing.T) {
			if _, ok := lint.Lookup(tc.rule); !ok {
				t.Fatalf("no rule %q", tc.rule)
			}
			src := edit(t, base, tc.bad...)
			got := byRule(lintSrc(t, src).Findings, tc.rule)
			want := max(tc.wantCount, 1)
			if len(got) != want {
				t.Fatalf("bad model: got %d %s findings, want %d: %+v\n%s", len(got), tc.rule, want, got, src)
			}
			line, col := posOf(t, src, tc.at)
			f := got[0]
			if f.Pos.File != "./m.cue" || f.Pos.Line != line || f.Pos.Col != col {
				t.Errorf("finding at %s (path %s), want ./m.cue:%d:%d (%q)", f.Pos, f.Path, line, col, tc.at)
			}
			if r, _ := lint.Lookup(tc.rule); f.Severity != r.Severity {
				t.Errorf("severity %s, want %s", f.Severity, r.Severity)
			}
			if f.Message == "" || f.Path == "" {
				t.Errorf("finding lacks message or path: %+v", f)
			}
			good := base
			if tc.good != nil {
				good = edit(t, base, tc.good...)
			}
			if got := byRule(lintSrc(t, good).Findings, tc.rule); len(got) != 0 {
				t.Errorf("good model: unexpected %s findings: %+v\n%s", tc.rule, got, good)
			}
		})
	}
}

// TestEveryRuleTested matches ruleCases with the registry both ways: every
// rule with a Check has a case that triggers it, whose near miss (its good
// model, or the clean base model) does not; every case is of a registered
// rule with a Check; and the only rules without a Check are those the
// engine reports itself, which TestRules could not trigger.
func TestEveryRuleTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range ruleCases {
		tested[tc.rule] = true
		if len(tc.bad) == 0 {
			t.Errorf("a %s case has no edit that triggers it", tc.rule)
		}
		if r, ok := lint.Lookup(tc.rule); !ok || r.Check == nil {
			t.Errorf("a case tests %s, which is not a registered rule with a Check", tc.rule)
		}
	}
	engine := []string{lint.SchemaRule, lint.WaiverExpiredRule, lint.WaiverUnknownRule, lint.WaiverUnusedRule}
	for _, id := range engine {
		if r, ok := lint.Lookup(id); !ok || r.Check != nil {
			t.Errorf("the engine's rule %s is not registered without a Check", id)
		}
	}
	for _, r := range lint.Rules() {
		if r.Check == nil {
			if !slices.Contains(engine, r.ID) {
				t.Errorf("rule %s has no Check and is not one the engine reports", r.ID)
			}
			continue
		}
		if !tested[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
}

// TestMissingDateOnce: a notice without lastUpdated is reported once, by
// notice-date-missing, and no other rule trips on the empty date.
func TestMissingDateOnce(t *testing.T) {
	src := edit(t, base, `, lastUpdated: "2026-06-01"`, "")
	var got []string
	for _, f := range lintSrc(t, src).Findings {
		got = append(got, f.Rule+" "+f.Path)
	}
	if len(got) != 1 || got[0] != "notice-date-missing notices.tenants.lastUpdated" {
		t.Errorf("findings %q, want only notice-date-missing at notices.tenants.lastUpdated", got)
	}
}

// TestDeclarationMessages checks what the declaration rules tell the DPO.
func TestDeclarationMessages(t *testing.T) {
	noAutomation := []string{"\tautomation: {decisions: false, profiling: false}\n", ""}
	cases := []struct {
		name, rule, want string
		edits            []string
	}{
		{"both unanswered", "automation-statement-missing",
			`activity "rent" does not say whether it involves automated decision-making or profiling`, noAutomation},
		{"profiling unanswered", "automation-statement-missing",
			`activity "rent" does not say whether it involves profiling`,
			join(noAutomation, []string{`none: ["transfers"]`, `none: ["transfers", "automated-decisions"]`})},
		{"decisions unanswered", "automation-statement-missing",
			`activity "rent" does not say whether it involves automated decision-making`,
			join(noAutomation, []string{"+", `none: ["profiling"]`})},
		{"names the notice lacking the declaration", "recipients-undeclared",
			`activity "rent" records no recipient, and no none: ["recipients"] covers it in notice "staff"`,
			[]string{"\trecipients: [\"repairs\"]\n", "", `lastUpdated: "2026-06-01"}`, `lastUpdated: "2026-06-01", none: ["recipients"]}`,
				"+", `notices: staff: {title: "Staff", version: "1", lastUpdated: "2026-06-01"}`, `audiences: ["tenants"]`, `audiences: ["tenants", "staff"]`}},
		{"record declaration names the activity and the fact", "none-contradicted",
			`the record declares none: ["recipients"], but activity "rent" discloses data to "repairs"`,
			[]string{"+", `none: ["recipients"]`}},
		{"recipient abroad contradicts no transfers", "none-contradicted",
			`activity "rent" declares none: ["transfers"], but it discloses data to "repairs" in India`,
			[]string{`country: "United Kingdom"}`, `country: "India"}`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := byRule(lintSrc(t, edit(t, base, tc.edits...)).Findings, tc.rule)
			if len(got) != 1 || got[0].Message != tc.want {
				t.Errorf("%s findings %+v, want one with message %q", tc.rule, got, tc.want)
			}
		})
	}
}

// textsOfBase counts the texts the base model's notice shows, each of
// which a notice published in Welsh needs a translation of.
func textsOfBase() int {
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(base)}})
	if err != nil {
		panic(err)
	}
	return len(m.TextsOf(m.Notices["tenants"]))
}

// allTranslated is a translations block with every text of the base
// model's notice in "Welsh".
func allTranslated() string {
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(base)}})
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	for _, t := range m.TextsOf(m.Notices["tenants"]) {
		fmt.Fprintf(&b, "translations: cy: %s: {text: %s, of: %q}\n", strconv.Quote(t.Path), strconv.Quote("cy "+t.Text), ropa.Fingerprint(t.Text))
	}
	return b.String()
}
