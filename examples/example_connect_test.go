package examples_test

import (
	"slices"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// connectExample models seed 003: Connect Housing Association.
var connectExample = exampleCase{
	dir:        "connect",
	activities: 18, categories: 19, recipients: 19,
	name: "Connect Housing Association", shortName: "Connect Housing",
	dpo:     nil,                                // the notice names no DPO, only a Business Assurance Manager
	notices: map[string]string{"customers": ""}, // the notice is undated
	recipientsWant: []recipientWant{
		{"contractors", "Contractors and suppliers working for Connect", "processor"},
		{"service-providers", "Third party service providers", "processor"},
		{"dwp", "Department for Work & Pensions", "public-authority"},
		{"utilities", "Utility companies (and their representatives)", "controller"},
		{"council-tax", "Council Tax Offices", "public-authority"},
		{"local-authorities", "Local Authorities", "public-authority"},
		{"social-services", "Social Services", "public-authority"},
		{"police", "The Police", "public-authority"},
		{"probation", "Probation Service", "public-authority"},
		{"hmrc", "HM Revenues and Customs", "public-authority"},
		{"hmcts", "HM Courts & Tribunal Services", "public-authority"},
		{"landlords", "Other registered providers, trusts and landlords", "controller"},
		{"partners", "Our partners", "controller"},
		{"cra", "Credit reference agencies", "controller"},
		{"debt-collection", "Debt collection agencies", "controller"},
		{"rosh", "Regulator of Social Housing (RoSH)", "public-authority"},
		{"debt-advice", "Debt advice services", "controller"},
		{"mental-health", "Mental health services", "controller"},
		{"surveymonkey", "Survey Monkey", "processor"},
	},
	retention: []retentionWant{
		{"post-tenancy", "6 years", "after the tenancy ends"},
		{"longer", "", ""},
	},
	extra: checkConnect,
}

// checkConnect checks the facts of the connect seed that only it states.
func checkConnect(t *testing.T, m *ropa.Model) {
	eq(t, "address postcode", m.Controller.Address.Postcode, "LS8 4HS")
	eq(t, "address line", m.Controller.Address.Lines[0], "205 Roundhay Road")
	eq(t, "phone", m.Controller.Contacts[0].Phone, "0300 5000 600")
	eq(t, "rights contact", m.RightsContact.Name, "Business Assurance Manager")
	eq(t, "rights email", m.RightsContact.Email, "CS@Connecthousing.org.uk")
	eq(t, "rights postcode", m.RightsContact.Address.Postcode, "WF13 1AX")
	wantContains(t, "longer criteria", m.Retention["longer"].Criteria, "tenancy agreements and care plans")
	// Survey Monkey under the EU-US Privacy Shield, kept as stated.
	tr := m.Transfers["surveymonkey"]
	if tr == nil {
		t.Fatal("transfers.surveymonkey missing")
	}
	eq(t, "transfer mechanism", tr.Mechanism, "privacy-shield")
	eq(t, "transfer country", tr.Country, "United States")
	eq(t, "transfer recipient", tr.RecipientID, "surveymonkey")
	// The notice's own types of data.
	for k, name := range map[string]string{
		"identity": "Identity Data", "contact": "Contact Data", "financial": "Financial Data",
		"transaction": "Transaction Data", "technical": "Technical Data", "profile": "Profile Data",
		"usage": "Usage Data", "marketing": "Marketing and Communications Data", "behaviour": "Behaviour Data",
	} {
		eq(t, "categories."+k+".name", category(t, m, k).Name, name)
	}
	for k, want := range map[string]string{
		"racial-or-ethnic-origin": "racial-or-ethnic-origin", "religion": "religious-or-philosophical-beliefs",
		"health": "health", "sex-life": "sex-life", "sexual-orientation": "sexual-orientation",
		"political-opinions": "political-opinions", "trade-union": "trade-union-membership",
		"genetic": "genetic", "biometric": "biometric",
	} {
		eq(t, "categories."+k+".special", category(t, m, k).Special, want)
	}
	if !category(t, m, "criminal").Criminal {
		t.Error("categories.criminal: want criminal")
	}
	// The per-category Article 9 table.
	wantConditions(t, activity(t, m, "equality"), map[string][]string{
		"racial-or-ethnic-origin": {"a", "e", "f"},
		"religion":                {"a", "e", "f"},
		"sexual-orientation":      {"a", "e", "f", "b"},
	})
	wantConditions(t, activity(t, m, "health-support"), map[string][]string{"health": {"a", "e", "f", "c"}})
	wantConditions(t, activity(t, m, "safeguarding"), map[string][]string{"sex-life": {"g", "a"}})
	asb := activity(t, m, "asb")
	if len(asb.CriminalConditions) != 1 || asb.CriminalConditions[0].Note != "Statutory rights" {
		t.Errorf("asb: want the notice's 'Statutory rights', got %+v", asb.CriminalConditions)
	}
	// Table rows with their legitimate interests.
	wantInterest(t, activity(t, m, "services"), "to recover debts due to us")
	wantInterest(t, activity(t, m, "contractors"), "contract management generally and individually")
	cctv := activity(t, m, "cctv")
	for _, b := range []string{ropa.BasisLegitimateInterests, ropa.BasisPublicTask, ropa.BasisLegalObligation} {
		if !cctv.HasBasis(b) {
			t.Errorf("cctv: want basis %s", b)
		}
	}
	a := activity(t, m, "segmentation")
	if a.Automation == nil || a.Automation.Decisions || !a.Automation.Profiling {
		t.Errorf("segmentation: want profiling, no automated decisions, got %+v", a.Automation)
	}
	// "We do not use or rely on automated decision-making", for
	// the whole record; nothing is said to rule out profiling.
	if !slices.Equal(m.None, []string{ropa.NoneAutomatedDecisions}) {
		t.Errorf("none: want [automated-decisions] for the record, got %v", m.None)
	}
	eq(t, "notice version", m.Notices["customers"].Version, "")
}
