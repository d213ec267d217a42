package examples_test

import (
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// nhgExample models seed 000: Notting Hill Genesis, how resident emails are targeted.
var nhgExample = exampleCase{
	dir:        "nhg",
	activities: 3, categories: 6, recipients: 1,
	name: "Notting Hill Genesis", shortName: "NHG",
	dpo:     nil,                                // the page names no DPO
	notices: map[string]string{"residents": ""}, // the page is undated
	recipientsWant: []recipientWant{
		{"mailchimp", "Mailchimp", "processor"},
	},
	extra: checkNHG,
}

// checkNHG checks the facts of the nhg seed that only it states.
func checkNHG(t *testing.T, m *ropa.Model) {
	wantContains(t, "controller.description", m.Controller.Description, "around 170,000 customers")
	n := m.Notices["residents"]
	eq(t, "notice title", n.Title, "How we use your data to better communicate with you")
	eq(t, "notice version", n.Version, "") // the page carries none
	wantSection(t, n, "How we decide what to send you")
	wantSection(t, n, "Changing what we contact you about or opting out of our emails")
	// The page's lists sit between its paragraphs.
	wantBlocks(t, n, "Your data", "p p 3 p p", "confirmation that your data is being processed;")
	wantBlocks(t, n, "Changing what we contact you about or opting out of our emails", "p 2 p p p",
		"A link allowing you to unsubscribe from emails about this subject.")
	// Mailchimp's contact rating is profiling.
	a := activity(t, m, "targeting")
	if a.Automation == nil || !a.Automation.Profiling || a.Automation.Decisions {
		t.Errorf("targeting: want profiling without solely automated decisions, got %+v", a.Automation)
	}
	wantContains(t, "targeting logic", a.Automation.Logic, "how many times an email is opened")
	wantCategories(t, a, "engagement", "rating")
	// The page states no lawful basis or retention anywhere.
	for _, a := range m.ActivityList() {
		if len(a.LawfulBases) != 0 || len(a.RetentionIDs) != 0 {
			t.Errorf("%s: the page states no basis or retention, model has %v / %v", a.Key, a.LawfulBases, a.RetentionIDs)
		}
	}
	wantContains(t, "resident-news opt-out", activity(t, m, "resident-news").OptOut, "unless you opt back in")
	eq(t, "mailchimp country", m.Recipients["mailchimp"].Country, "")
}
