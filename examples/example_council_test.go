package examples_test

import (
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// councilExample models Medway Council's revenues, benefits and customer
// support privacy notice, complete as stored.
var councilExample = exampleCase{
	dir:        "council",
	activities: 10, categories: 1, recipients: 14,
	name:    "Medway Council",
	dpo:     nil,                                        // the notice names none
	notices: map[string]string{"revenues-benefits": ""}, // undated
	recipientsWant: []recipientWant{
		{"hmrc", "HM Revenue and Customs", "public-authority"},
		{"dwp", "Department of Work and Pensions", "public-authority"},
		{"immigration", "Immigration Service", "public-authority"},
		{"cabinet-office", "Cabinet Office", "controller"},
		{"contractors", "Contractors providing revenues and benefits services", "processor"},
	},
	schemes: []schemeWant{{"nfi", "National Fraud Initiative", "cabinet-office"}},
	extra:   checkCouncil,
}

// checkCouncil checks the facts of the Medway notice that only it states.
func checkCouncil(t *testing.T, m *ropa.Model) {
	eq(t, "public authority", m.Controller.PublicAuthority, true)
	eq(t, "laws", len(m.Laws), 13)
	eq(t, "a local scheme among the laws", m.Laws["customer-support-grant"].Name, "Customer Support Grant – Welfare provision")
	n := m.Notices["revenues-benefits"]
	// "Not applicable" twice: computer decisions and other countries.
	if len(n.None) != 2 || n.None[0] != "automated-decisions" || n.None[1] != "transfers" {
		t.Errorf("notice none: got %v", n.None)
	}
	eq(t, "laws list not exhaustive", n.LawsIncomplete, true)
	eq(t, "council tax notice", n.Related[0].Title, "Council Tax privacy notice")
	for _, a := range m.ActivityList() {
		if len(a.LawfulBases) != 2 || a.LawfulBases[0].Basis != "legal-obligation" || a.LawfulBases[1].Basis != "public-task" {
			t.Errorf("%s: want legal obligation and public task, got %+v", a.Key, a.LawfulBases)
		}
		if len(a.LawfulBases[0].LawIDs) != 13 || len(a.Recipients) != 14 || len(a.RetentionIDs) != 0 {
			t.Errorf("%s: want every law and recipient and no retention", a.Key)
		}
		if a.Automation != nil {
			t.Errorf("%s: the notice does not answer on profiling", a.Key)
		}
	}
	eq(t, "NFI purpose", len(activity(t, m, "crime").Schemes), 1)
}
