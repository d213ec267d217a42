package register

import "testing"

// retentionModel has one activity citing a rule with an action and a note
// and a rule with neither, and discloses to a processor with a contract.
const retentionModel = `package m

schemaVersion: "1"
controller: name: "Field Homes"
notices: n: {title: "Notice", version: "1", lastUpdated: "2025-01-01"}
subjects: s: name: "Tenants"
categories: c: name: "Identity"
recipients: mailer: {name: "Mailer Ltd", role: "processor", country: "United Kingdom", contract: "DPA-7"}
retention: {
	said: {name: "Said", period: "6 years", trigger: "after the tenancy ends", action: "anonymise", note: "Usually six years."}
	silent: {name: "Silent", period: "2 years"}
}
activities: a: {
	name: "Tenancy"
	purpose: "To manage your tenancy."
	audiences: ["n"]
	subjects: ["s"]
	categories: ["c"]
	lawfulBases: [{basis: "contract"}]
	recipients: ["mailer"]
	retention: ["said", "silent"]
}
`

// TestRetentionColumnNoteAndAction checks that the retention schedule
// column carries each rule's note, and an action only when the model
// states one (the schema has no default action).
func TestRetentionColumnNoteAndAction(t *testing.T) {
	m := load(t, retentionModel)
	r := row(t, m, "a")
	want(t, r, "Retention schedule (if possible)",
		"Said: 6 years after the tenancy ends, then anonymise (note: Usually six years.)",
		"Silent: 2 years")
	// The processor's contract stays in the register's contract column.
	want(t, r, "Link to contract with processor", "Mailer Ltd: DPA-7")
}
