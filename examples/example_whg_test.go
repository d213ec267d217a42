package examples_test

import (
	"slices"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// whgExample models seed 001: Walsall Housing Group, with its cookie tables.
var whgExample = exampleCase{
	dir:        "whg",
	activities: 30, categories: 30, recipients: 22,
	name: "Walsall Housing Group Limited", shortName: "whg",
	icoRegistration: "Z667510X",
	dpo:             &ropa.Contact{Name: "Helen Lane", Email: "helen.lane@whgrp.co.uk", Phone: "0300 555 6666"},
	notices:         map[string]string{"customers": "2018-04-19", "cookies": "2018-04-19"},
	recipientsWant: []recipientWant{
		{"group", "The appropriate people at whg and the other companies in the Group", "internal"},
		{"contractors", "Contractors that carry out repairs", "processor"},
		{"out-of-hours", "Companies that handle our out of hours calls", "processor"},
		{"it", "IT service providers", "processor"},
		{"banks", "Banks", "processor"},
		{"mailing", "Companies that assist us in mailing out newsletters and rent statements", "processor"},
		{"advisors", "Professional advisors and auditors", "processor"},
		{"council", "Your local council", "public-authority"},
		{"social-services", "Social Services", "public-authority"},
		{"dwp", "Department of Work and Pensions", "public-authority"},
		{"mhclg", "Ministry of Housing, Communities and Local Government", "public-authority"},
		{"probation", "Probation Services", "public-authority"},
		{"nhs", "NHS", "public-authority"},
		{"solicitors", "Solicitors or legal advisors", "controller"},
		{"landlords", "Other landlords", "controller"},
		{"utilities", "Energy and water suppliers", "controller"},
		{"police", "The police", "public-authority"},
		{"fire-service", "The Fire Service", "public-authority"},
		{"experian", "Experian", "controller"},
		{"google", "Google", "controller"},
	},
	schemes: []schemeWant{{"rental-exchange", "Rental Exchange", "experian"}},
	retention: []retentionWant{
		{"customer", "6 years", "after you stop being our customer"},
		{"legal", "12 years", ""},
	},
	extra: checkWHG,
}

// checkWHG checks the facts of the whg seed that only it states.
func checkWHG(t *testing.T, m *ropa.Model) {
	eq(t, "address postcode", m.Controller.Address.Postcode, "WS1 1AB")
	eq(t, "address line", m.Controller.Address.Lines[0], "100 Hatherton Street")
	eq(t, "website", m.Controller.Website, "https://www.whg.uk.com")
	eq(t, "notice title", m.Notices["customers"].Title, "whg CUSTOMER PRIVACY NOTICE")
	wantSection(t, m.Notices["customers"], "Violent or abusive behaviour")
	wantSection(t, m.Notices["customers"], "Social media")
	wantBlocks(t, m.Notices["customers"], "Social media", "p p 4 p", "Issue you with a warning.")
	wantContains(t, "customers rights.intro", m.Notices["customers"].Phrases["rights.intro"], "this Customer Privacy Notice")
	wantContains(t, "model rights.intro", m.Phrases["rights.intro"], "our Customer Privacy Notice")
	wantSection(t, m.Notices["cookies"], "Google Analytics Demographic Tracking:")
	// Rental Exchange: legitimate interests with the stated opt-out.
	rx := m.Schemes["rental-exchange"]
	wantContains(t, "rental exchange opt-out", rx.OptOut, "Rental Exchange opt-out")
	a := activity(t, m, "rental-exchange")
	if !a.HasBasis(ropa.BasisLegitimateInterests) {
		t.Errorf("rental-exchange: want legitimate interests, got %+v", a.LawfulBases)
	}
	if !slices.Contains(a.SchemeIDs, "rental-exchange") {
		t.Errorf("rental-exchange: want scheme rental-exchange, got %v", a.SchemeIDs)
	}
	if !activity(t, m, "right-to-rent").HasBasis(ropa.BasisLegalObligation) {
		t.Error("right-to-rent: want legal obligation")
	}
	// Special categories marked *, and the two Art 9 conditions.
	special := map[string]string{"health": "health", "ethnicity": "racial-or-ethnic-origin", "sexuality": "sexual-orientation", "religion": "religious-or-philosophical-beliefs"}
	for k, want := range special {
		eq(t, "categories."+k+".special", category(t, m, k).Special, want)
	}
	conds := activity(t, m, "support").SpecialConditions
	if len(conds) != 2 || conds[0].Article9 != "g" || conds[1].Article9 != "c" {
		t.Errorf("support: want Art 9(2)(g) equal opportunities and (c) vital interests, got %+v", conds)
	}
	if !category(t, m, "criminal").Criminal {
		t.Error("categories.criminal: want criminal")
	}
	// "We do not use computers to make automatic decisions about
	// our customers": declared on the customers notice; nothing
	// is said about profiling, so nothing is declared or assumed.
	a = activity(t, m, "lettings")
	if !m.DeclaresNoneEverywhere(a, ropa.NoneAutomatedDecisions) || m.DeclaresNoneEverywhere(a, ropa.NoneProfiling) || a.Automation != nil {
		t.Errorf("lettings: want no automated decisions declared and profiling left open, got none %v on the notice, automation %+v",
			m.Notices["customers"].None, a.Automation)
	}
	for _, c := range m.CookieList() {
		if !slices.Equal(c.Audiences, []string{"cookies"}) {
			t.Errorf("cookie %s: want it in the cookies notice, got audiences %v", c.Key, c.Audiences)
		}
	}
	eq(t, "lettings subjects", len(a.SubjectIDs), 3)
	if !slices.Equal(activity(t, m, "records").RetentionIDs, []string{"customer"}) {
		t.Errorf("records: want default retention [customer], got %v", activity(t, m, "records").RetentionIDs)
	}
	// Every cookie of both tables.
	cookies := map[string][3]string{ // name -> provider, party, duration
		"CFID":       {"whg", "first", "2 hours"},
		"CFTOKEN":    {"whg", "first", "2 hours"},
		"JSESSIONID": {"whg", "first", "Session end"},
		"VOPECRA":    {"whg", "first", "Never"},
		"_utma":      {"Google Analytics", "third", "2 years"},
		"_utmb":      {"Google Analytics", "third", "30 mins"},
		"_utmc":      {"Google Analytics", "third", "End of session"},
		"_utmz":      {"Google Analytics", "third", "6 months"},
		"googtrans":  {"Google Translate", "third", "End of session"},
	}
	eq(t, "cookie count", len(m.Cookies), len(cookies))
	for _, c := range m.Cookies {
		want, ok := cookies[c.Name]
		if !ok {
			t.Errorf("unexpected cookie %q", c.Name)
			continue
		}
		if got := [3]string{c.Provider, c.Party, c.Duration}; got != want {
			t.Errorf("cookie %s: got %v, want %v", c.Name, got, want)
		}
	}
	eq(t, "VOPECRA data", m.Cookies["vopecra"].Data, "Anonymous")
	eq(t, "CFID persistence", m.Cookies["cfid"].Persistence, "persistent")
	eq(t, "ICO complaint page", m.SupervisoryAuthority.Complain, "https://ico.org.uk/concerns/")
}
