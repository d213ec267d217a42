package examples_test

import (
	"slices"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// nphExample models seed 004: Northamptonshire Partnership Homes and Happy to Help.
var nphExample = exampleCase{
	dir:        "nph",
	activities: 14, categories: 22, recipients: 36,
	name: "Northamptonshire Partnership Homes", shortName: "NPH",
	dpo:     &ropa.Contact{Email: "dataprotectionNPH@nph.org.uk", Phone: "0300 330 7003"},
	notices: map[string]string{"customers": "2025-04"},
	recipientsWant: []recipientWant{
		{"experian", "Experian", "controller"},
		{"mhclg", "Ministry of Housing, Communities and Local Government (MHCLG)", "public-authority"},
		{"energy-angels", "Energy Angels (EA)", "controller"},
		{"cabinet-office", "Cabinet Office", "controller"},
		{"wnc", "West Northamptonshire Council", "public-authority"},
		{"employers", "Current, past or prospective employers", "controller"},
		{"educators", "Educators and examining bodies", "controller"},
		{"government", "Central government, MP’s and Councillors", "public-authority"},
		{"trade-unions", "Trade unions and associations", "controller"},
		{"health-authorities", "Health authorities", "public-authority"},
		{"probation", "Probation services", "public-authority"},
		{"police", "Police forces", "public-authority"},
		{"courts", "Courts and tribunals", "public-authority"},
		{"press", "Press and the media", "controller"},
		{"ombudsmen", "Local Government ombudsman and housing ombudsman", "public-authority"},
		{"consultancy", "Consulting and advisory services", "controller"},
	},
	schemes: []schemeWant{
		{"rental-exchange", "Rental Exchange", "experian"},
		{"core", "Continuous Recording of Lettings and Sales in Social Housing in England (CORE)", "mhclg"},
		{"energy-angels", "Energy Angels", "energy-angels"},
		{"nfi", "National Fraud Initiative (NFI)", "cabinet-office"},
	},
	retention: []retentionWant{
		{"nfi-matches", "2 years", "until the end of the initiative program"},
		{"nfi-investigation", "2 years", "from the conclusion date of the investigation"},
		{"nfi-conviction", "5 years", "from date of conviction"},
		{"general", "", ""},
		{"anonymised", "", ""},
	},
	extra: checkNPH,
}

// checkNPH checks the facts of the nph seed that only it states.
func checkNPH(t *testing.T, m *ropa.Model) {
	eq(t, "DPO postcode", m.Controller.DPO.Address.Postcode, "NN1 1DE")
	eq(t, "DPO address", m.Controller.DPO.Address.Lines[1], "The Guildhall")
	if len(m.Controller.Group) != 1 || m.Controller.Group[0].Name != "Happy to Help" {
		t.Errorf("group: want Happy to Help, got %+v", m.Controller.Group)
	}
	eq(t, "rental exchange contact", m.Schemes["rental-exchange"].Contact.Email, "information@nph.org.uk")
	eq(t, "CORE contact", m.Schemes["core"].Contact.Email, "dataprotection@communities.gsi.gov.uk")
	nfi := m.Schemes["nfi"]
	eq(t, "NFI contact", nfi.Contact.Email, "nfiqueries@cabinetoffice.gov.uk")
	eq(t, "NFI contact postcode", nfi.Contact.Address.Postcode, "SW1A 2HQ")
	if !nfi.Mandatory {
		t.Error("nfi: the notice says NPH is required by law to take part")
	}
	a := activity(t, m, "nfi")
	if len(a.LawfulBases) != 1 || a.LawfulBases[0].Law != "Part 6 of the Local Audit and Accountability Act 2014" {
		t.Errorf("nfi: want legal obligation under Part 6 LAAA 2014, got %+v", a.LawfulBases)
	}
	if !slices.Contains(a.RetentionIDs, "nfi-conviction") || !category(t, m, "fraud").Criminal {
		t.Error("nfi: want conviction retention and criminal-offence data")
	}
	eq(t, "anonymised action", m.Retention["anonymised"].Action, "anonymise")
	eq(t, "tenancy Art 9 conditions", len(activity(t, m, "tenancy").SpecialConditions), 8)
	p := activity(t, m, "profiling")
	if !p.HasBasis(ropa.BasisConsent) || p.Automation == nil || !p.Automation.Profiling {
		t.Errorf("profiling: want consent and profiling, got %+v / %+v", p.LawfulBases, p.Automation)
	}
	wantContains(t, "communications opt-out", activity(t, m, "communications").OptOut, "dataprotectionNPH@nph.org.uk")
	wantSection(t, m.Notices["customers"], "Transfers overseas")
	// The consent and accuracy lists sit between their paragraphs.
	wantBlocks(t, m.Notices["customers"], "Consent", "p 6 p", "That the consent may be withdrawn at any time.")
	wantBlocks(t, m.Notices["customers"], "Keeping your information accurate", "p 3 p", "additions or reductions to your household; and")
}
