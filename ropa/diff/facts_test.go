package diff

import "testing"

// TestDiffFacts classifies changes to the facts real notices state: a new
// sub-processor is a new recipient of the data (notify); a longer maximum
// or range end is longer retention (notify); a category's own heading is
// wording (editorial); a law, its citation, channels, an exemption and the
// accountability fields change the record (register); a renamed law
// followed by its citations is one change.
func TestDiffFacts(t *testing.T) {
	checkChanges(t, diffEdits(t,
		edit{`surveys: {name: "SurveyCo Inc.", role: "processor", country: "United States"}`,
			`surveys: {name: "SurveyCo Inc.", role: "processor", country: "United States", subprocessors: ["council"]}`},
		edit{`health: {name: "Health data", special: "health", retention: ["tenancy"]}`,
			`health: {name: "Health data", special: "health", retention: ["tenancy"], heading: "Sensitive information"}`},
		edit{`short: {name: "Short records", period: "1 year"}`, `short: {name: "Short records", upTo: "2 years"}`},
	), []string{
		"editorial category health changed heading",
		"notify recipient surveys added subprocessors",
		"notify retention short changed period",
		"notify retention short changed upTo",
	})

	checkChanges(t, diffEdits(t,
		edit{`short: {name: "Short records", period: "1 year"}`, `short: {name: "Short records", from: "3 months", to: "9 months"}`},
		edit{"\t\tretention: [\"short\"]\n", "\t\tretention: [\"short\"]\n\t\tchannels: [\"email\"]\n\t\towner: \"Head of Housing\"\n\t\tlastReviewed: \"2025-01-01\"\n" +
			"\t\texemption: {ground: \"disproportionate-effort\", published: \"https://example.org/privacy\"}\n"},
		edit{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract", laws: ["housing"]}]`},
		edit{`systems: housing: {name: "Housing system", location: "UK"}`,
			"systems: housing: {name: \"Housing system\", location: \"UK\"}\nlaws: housing: name: \"Housing Act 1996\""},
	), []string{
		"register activity tenancy added lawfulBases[contract].laws",
		"register activity tenancy added channels",
		"register activity tenancy changed exemption.ground",
		"register activity tenancy changed exemption.published",
		"register activity tenancy changed owner",
		"register activity tenancy changed lastReviewed",
		"register retention short changed period",
		"register retention short changed from",
		"register retention short changed to",
		"register law housing added",
	})
}
