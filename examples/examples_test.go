// Package examples_test checks that every example model loads and that the
// facts its source notice states survive into the model. The five seed
// examples model real privacy notices of UK social-housing landlords
// (/work/shared/seeds); the expected values below are taken from the seed
// text, not from the CUE files, so that an edit that loses a fact fails here.
package examples_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// recipientWant is a recipient the notice names, by model key.
type recipientWant struct {
	key, name, role string
}

// schemeWant is a data-sharing scheme, with the recipient key of its operator.
type schemeWant struct {
	key, name, operator string
}

// retentionWant is a retention rule: period and trigger as stated, or the
// criteria when the notice gives no period.
type retentionWant struct {
	key, period, trigger string
}

type exampleCase struct {
	dir                                string
	activities, categories, recipients int

	name, shortName string
	icoRegistration string
	registrations   []ropa.Registration
	dpo             *ropa.Contact     // nil when the notice names no DPO
	notices         map[string]string // notice key -> lastUpdated
	recipientsWant  []recipientWant
	schemes         []schemeWant
	retention       []retentionWant
	// extra holds the example's own assertions.
	extra func(t *testing.T, m *ropa.Model)
}

func TestExamples(t *testing.T) {
	cases := []exampleCase{
		{
			dir:        "minimal",
			activities: 5, categories: 5, recipients: 4,
			name: "Example Homes Limited", shortName: "Example Homes",
			icoRegistration: "Z1234567",
			registrations: []ropa.Registration{
				{Register: "Financial Conduct Authority (Co-operative and Community Benefit Societies)", Number: "12345R"},
				{Register: "Regulator of Social Housing", Number: "L0001"},
			},
			dpo:     &ropa.Contact{Name: "Alex Jones", Email: "dpo@example-homes.org.uk", Phone: "0300 000 0001"},
			notices: map[string]string{"tenants": "2025-04-01", "website": "2025-04-01"},
			recipientsWant: []recipientWant{
				{"experian", "Experian Limited", "controller"},
				{"surveys", "SurveyCo Inc.", "processor"},
			},
			schemes:   []schemeWant{{"rental-exchange", "Rental Exchange", "experian"}},
			retention: []retentionWant{{"tenancy", "6 years", "after the tenancy ends"}, {"analytics", "26 months", ""}},
		},
		{
			// Seed 000: Notting Hill Genesis, how resident emails are targeted.
			dir:        "nhg",
			activities: 3, categories: 6, recipients: 1,
			name: "Notting Hill Genesis", shortName: "NHG",
			dpo:     nil,                                // the page names no DPO
			notices: map[string]string{"residents": ""}, // the page is undated
			recipientsWant: []recipientWant{
				{"mailchimp", "Mailchimp", "processor"},
			},
			extra: func(t *testing.T, m *ropa.Model) {
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
			},
		},
		{
			// Seed 001: Walsall Housing Group, with its cookie tables.
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
			extra: func(t *testing.T, m *ropa.Model) {
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
			},
		},
		{
			// Seed 003: Connect Housing Association.
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
			extra: func(t *testing.T, m *ropa.Model) {
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
			},
		},
		{
			// Seed 002: Home Group Limited and its Persona brand.
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
			extra: func(t *testing.T, m *ropa.Model) {
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
			},
		},
		{
			// Seed 004: Northamptonshire Partnership Homes and Happy to Help.
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
			extra: func(t *testing.T, m *ropa.Model) {
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
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			m, err := ropa.Load(tc.dir)
			if err != nil {
				t.Fatalf("Load(%s): %v", tc.dir, err)
			}
			eq(t, "activities", len(m.Activities), tc.activities)
			eq(t, "categories", len(m.Categories), tc.categories)
			eq(t, "recipients", len(m.Recipients), tc.recipients)
			eq(t, "controller.name", m.Controller.Name, tc.name)
			eq(t, "controller.shortName", m.Controller.ShortName, tc.shortName)
			eq(t, "controller.icoRegistration", m.Controller.ICORegistration, tc.icoRegistration)
			if !slices.Equal(m.Controller.Registrations, tc.registrations) {
				t.Errorf("registrations: got %+v, want %+v", m.Controller.Registrations, tc.registrations)
			}
			switch {
			case tc.dpo == nil && m.Controller.DPO != nil:
				t.Errorf("dpo: the notice names none, model has %+v", m.Controller.DPO)
			case tc.dpo != nil && m.Controller.DPO == nil:
				t.Errorf("dpo: missing, want %+v", tc.dpo)
			case tc.dpo != nil:
				eq(t, "dpo.name", m.Controller.DPO.Name, tc.dpo.Name)
				eq(t, "dpo.email", m.Controller.DPO.Email, tc.dpo.Email)
				eq(t, "dpo.phone", m.Controller.DPO.Phone, tc.dpo.Phone)
			}
			eq(t, "notices", len(m.Notices), len(tc.notices))
			for k, date := range tc.notices {
				n := m.Notices[k]
				if n == nil {
					t.Errorf("notices.%s missing", k)
					continue
				}
				eq(t, "notices."+k+".lastUpdated", n.LastUpdated, date)
			}
			for _, w := range tc.recipientsWant {
				r := m.Recipients[w.key]
				if r == nil {
					t.Errorf("recipients.%s (%s) missing", w.key, w.name)
					continue
				}
				eq(t, "recipients."+w.key+".name", r.Name, w.name)
				eq(t, "recipients."+w.key+".role", r.Role, w.role)
			}
			eq(t, "schemes", len(m.Schemes), len(tc.schemes))
			for _, w := range tc.schemes {
				s := m.Schemes[w.key]
				if s == nil {
					t.Errorf("schemes.%s missing", w.key)
					continue
				}
				eq(t, "schemes."+w.key+".name", s.Name, w.name)
				eq(t, "schemes."+w.key+".operator", s.OperatorID, w.operator)
				if s.Operator == nil || s.Operator.Key != w.operator {
					t.Errorf("schemes.%s: operator not resolved", w.key)
				}
			}
			for _, w := range tc.retention {
				r := m.Retention[w.key]
				if r == nil {
					t.Errorf("retention.%s missing", w.key)
					continue
				}
				eq(t, "retention."+w.key+".period", r.Period, w.period)
				if w.trigger != "" {
					eq(t, "retention."+w.key+".trigger", r.Trigger, w.trigger)
				}
				if r.Period == "" && r.Criteria == "" {
					t.Errorf("retention.%s: neither period nor criteria", w.key)
				}
			}
			if tc.extra != nil {
				tc.extra(t, m)
			}
		})
	}
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}

func wantContains(t *testing.T, what, s, sub string) {
	t.Helper()
	if strings.Contains(s, sub) {
		return
	}
	t.Errorf("%s: %q does not contain %q", what, s, sub)
}

func activity(t *testing.T, m *ropa.Model, key string) *ropa.Activity {
	t.Helper()
	a := m.Activities[key]
	if a == nil {
		t.Fatalf("activities.%s missing", key)
	}
	return a
}

func category(t *testing.T, m *ropa.Model, key string) *ropa.Category {
	t.Helper()
	c := m.Categories[key]
	if c == nil {
		t.Fatalf("categories.%s missing", key)
	}
	return c
}

func wantCategories(t *testing.T, a *ropa.Activity, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if !slices.Contains(a.CategoryIDs, k) {
			t.Errorf("%s: category %s missing", a.Key, k)
		}
	}
}

func wantSection(t *testing.T, n *ropa.Notice, title string) {
	t.Helper()
	for _, s := range n.Sections {
		if s.Title == title {
			return
		}
	}
	t.Errorf("notice %s: section %q missing", n.Key, title)
}

// wantBlocks checks the shape of a free section's blocks, in order: "p"
// for a paragraph, the number of items for a list; and that one of its
// lists holds item.
func wantBlocks(t *testing.T, n *ropa.Notice, title, shape, item string) {
	t.Helper()
	for _, s := range n.Sections {
		if s.Title != title {
			continue
		}
		var got []string
		found := false
		for _, b := range s.Blocks {
			if b.Paragraph != "" {
				got = append(got, "p")
				continue
			}
			got = append(got, strconv.Itoa(len(b.Items)))
			found = found || slices.Contains(b.Items, item)
		}
		if g := strings.Join(got, " "); g != shape {
			t.Errorf("notice %s: section %q blocks %q, want %q", n.Key, title, g, shape)
		}
		if !found {
			t.Errorf("notice %s: section %q: no list item %q", n.Key, title, item)
		}
		return
	}
	t.Errorf("notice %s: section %q missing", n.Key, title)
}

func wantInterest(t *testing.T, a *ropa.Activity, sub string) {
	t.Helper()
	for _, b := range a.LawfulBases {
		if b.Basis == ropa.BasisLegitimateInterests {
			wantContains(t, a.Key+" interest", b.Interest, sub)
			return
		}
	}
	t.Errorf("%s: no legitimate-interests basis", a.Key)
}

// wantConditions checks that, per category key, the activity's Article 9
// conditions limited to that category are exactly the letters given, in order.
func wantConditions(t *testing.T, a *ropa.Activity, want map[string][]string) {
	t.Helper()
	for cat, letters := range want {
		var got []string
		for _, c := range a.SpecialConditions {
			if slices.Contains(c.CategoryIDs, cat) {
				got = append(got, c.Article9)
			}
		}
		if !slices.Equal(got, letters) {
			t.Errorf("%s: Art 9 conditions for %s: got %v, want %v", a.Key, cat, got, letters)
		}
	}
}
