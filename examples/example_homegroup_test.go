package examples_test

import (
	"slices"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// homegroupExample models seed 002: Home Group Limited and its Persona brand.
var homegroupExample = exampleCase{
	dir:        "homegroup",
	activities: 16, categories: 22, recipients: 32,
	name: "Home Group Limited", shortName: "Home Group",
	registrations: []ropa.Registration{{Register: "Charitable registered society", Number: "22981R"}},
	dpo:           &ropa.Contact{Email: "DPO@Homegroup.org.uk"},
	notices:       map[string]string{"customers": "2020-08-19"},
	recipientsWant: []recipientWant{
		{"sendgrid", "Sendgrid", "processor"},
		{"twilio", "Twilio", "processor"},
		{"allpay", "Allpay", "processor"},
		{"worldpay", "World Pay", "processor"},
		{"capita", "Capita", "processor"},
		{"critiqom", "Critiqom", "processor"},
		{"orlo", "Orlo", "processor"},
		{"experian", "Experian", "controller"},
		{"careline", "Our careline providers", "processor"},
		{"out-of-hours", "Our out of office telephone service contractor", "processor"},
		{"market-research", "Our market research contractors", "processor"},
		{"research-company", "A research company", "processor"},
		{"doctors", "Doctors, mental health teams", "controller"},
		{"family", "Next of kin, family members", "controller"},
		{"managing-agents", "Managing agents", "processor"},
		{"landlords", "Other landlords", "controller"},
		{"local-authorities", "Local authorities", "public-authority"},
		{"cbl", "Choice Based Lettings (CBL) organisations", "controller"},
		{"social-services", "Social services", "public-authority"},
		{"police", "The police and other emergency services", "public-authority"},
		{"government", "Government agencies and departments and regulatory bodies", "public-authority"},
		{"utilities", "Utility companies", "controller"},
		{"council-tax", "Council tax offices", "public-authority"},
		{"sale-professionals", "Mortgage brokers, financial advisors, surveyors and valuers", "controller"},
		{"auditors", "Auditors", "controller"},
		{"commissioners", "Commissioners", "public-authority"},
		{"tracing-agents", "Tracing agents", "controller"},
		{"debt-collection", "Debt collection companies", "controller"},
		{"cra", "Credit reference agencies", "controller"},
		{"fraud-bodies", "Other bodies for the prevention or detection of fraud", "controller"},
	},
	schemes: []schemeWant{{"rental-exchange", "Rental Exchange", "experian"}},
	retention: []retentionWant{
		{"calls", "3 months", ""},
		{"general", "", ""},
	},
	extra: checkHomeGroup,
}

// checkHomeGroup checks the facts of the homegroup seed that only it states.
func checkHomeGroup(t *testing.T, m *ropa.Model) {
	eq(t, "legal form", m.Controller.LegalForm, "charitable registered society")
	eq(t, "address postcode", m.Controller.Address.Postcode, "NE1 4BX")
	eq(t, "address line", m.Controller.Address.Lines[0], "One Straberry Lane")
	eq(t, "DPO postcode", m.Controller.DPO.Address.Postcode, "NE1 4BX")
	var group []string
	for _, p := range m.Controller.Group {
		group = append(group, p.Name)
	}
	if !slices.Equal(group, []string{"Home in Scotland Ltd", "Live Smart @ Home Ltd", "Home Group Developments Ltd", "Persona"}) {
		t.Errorf("group: got %v", group)
	}
	eq(t, "freephone", m.Controller.Contacts[0].Phone, "Freephone 0808 196 1532")
	eq(t, "complaints email", m.Complaints.Contact.Email, "contactus@yourpersonahome.com")
	eq(t, "calls retention", activity(t, m, "calls").RetentionIDs[0], "calls")
	wantContains(t, "research opt-out", activity(t, m, "research").OptOut, "DPO@Homegroup.org.uk")
	// Legitimate interests as the notice states them.
	wantInterest(t, activity(t, m, "debt-recovery"), "preventing loss of revenue")
	wantInterest(t, activity(t, m, "fraud-prevention"), "Fraud prevention")
	wantInterest(t, activity(t, m, "administration"), "internal business and administrative functions")
	if !activity(t, m, "benefit-fraud").HasBasis(ropa.BasisLegalObligation) {
		t.Error("benefit-fraud: want legal obligation")
	}
	if !activity(t, m, "marketing").HasBasis(ropa.BasisConsent) || !activity(t, m, "photographs").HasBasis(ropa.BasisConsent) {
		t.Error("marketing and photographs: want consent")
	}
	if a := activity(t, m, "marketing"); a.Automation == nil || !a.Automation.Profiling {
		t.Error("marketing: want profiling")
	}
	if !category(t, m, "criminal").Criminal {
		t.Error("categories.criminal: want criminal")
	}
	for k, want := range map[string]string{"health": "health", "disability": "health", "race-ethnicity": "racial-or-ethnic-origin", "religion": "religious-or-philosophical-beliefs", "sex-life": "sex-life", "sexual-orientation": "sexual-orientation"} {
		eq(t, "categories."+k+".special", category(t, m, k).Special, want)
	}
	wantSection(t, m.Notices["customers"], "Processing your information outside of the EEA")
	wantSection(t, m.Notices["customers"], "Persona")
}
