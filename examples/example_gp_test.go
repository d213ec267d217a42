package examples_test

import (
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// gpExample models Tattenham Health Centre's patient privacy notice, as far
// as the stored copy goes (it stops inside section 3.A).
var gpExample = exampleCase{
	dir:        "gp",
	activities: 1, categories: 13, recipients: 1,
	name: "Tattenham Health Centre", shortName: "the Practice",
	dpo:     nil,                               // the copy names no DPO
	notices: map[string]string{"patients": ""}, // issued and reviewed, never "last updated"
	recipientsWant: []recipientWant{
		{"nhs-111", "NHS 111", "controller"},
	},
	extra: checkGP,
}

// checkGP checks the facts of the Tattenham notice that only it states.
func checkGP(t *testing.T, m *ropa.Model) {
	if !m.Controller.ICORegistered || m.Controller.ICORegistration != "" {
		t.Errorf("the Practice is registered with the ICO without a number: got %v %q", m.Controller.ICORegistered, m.Controller.ICORegistration)
	}
	n := m.Notices["patients"]
	eq(t, "issued", n.Issued, "2021-05-20")
	eq(t, "reviewed", len(n.Reviewed), 2)
	eq(t, "last review", n.Reviewed[len(n.Reviewed)-1], "2026-01-12")
	eq(t, "next review", n.NextReview, "2027-01")
	eq(t, "next review note", n.NextReviewNote, "or sooner if legislation changes")
	eq(t, "ICO register link", n.Related[0].URL, "https://ico.org.uk/ESDWebPages/Search")
	// Ethnicity is split from gender and language: it is special category
	// data of its own kind, not health.
	eq(t, "ethnicity", m.Categories["ethnicity"].Special, "racial-or-ethnic-origin")
	eq(t, "demographics", m.Categories["demographics"].Special, "")
	a := activity(t, m, "direct-care")
	wantCategories(t, a, "history", "medications", "ethnicity")
	if len(a.LawfulBases) != 0 || len(a.SpecialConditions) != 0 || len(a.RetentionIDs) != 0 {
		t.Errorf("the copy ends before any basis, condition or retention: %+v", a)
	}
	eq(t, "sources", len(a.Sources), 3)
	// Third-party reports are listed without a purpose.
	eq(t, "notice categories", len(n.CategoryIDs), 1)
	eq(t, "notice category", n.CategoryIDs[0], "reports")
}
