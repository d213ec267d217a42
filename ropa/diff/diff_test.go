package diff

import (
	"testing"
)

// A new activity, reused by the add and remove cases.
const newActivity = `activities: {
	cctv: {
		name:    "CCTV"
		purpose: "To keep our buildings safe."
		audiences: ["tenants"]
		subjects: ["tenants"]
		categories: ["identity"]
		lawfulBases: [{basis: "legitimate-interests", interest: "Safety."}]
	}
`

// diffCases cover every entity kind and every class. reverse diffs the
// edited model against the base, turning additions into removals.
var diffCases = []struct {
	name    string
	edits   []edit
	reverse bool
	want    []string
}{
	{name: "no change", want: []string{}},

	// Activities.
	{name: "activity added", edits: []edit{{"activities: {\n", newActivity}},
		want: []string{"notify activity cctv added"}},
	{name: "activity removed", edits: []edit{{"activities: {\n", newActivity}}, reverse: true,
		want: []string{"register activity cctv removed"}},
	{name: "activity renamed key", edits: []edit{{"\tsupport: {", "\thelp: {"}},
		want: []string{"notify activity help added", "register activity support removed"}},
	{name: "activity purpose", edits: []edit{{"To manage your tenancy.", "To manage your tenancy and your rent account."}},
		want: []string{"notify activity tenancy changed purpose"}},
	{name: "activity marked unconfirmed", edits: []edit{{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}], unconfirmed: ["lawfulBases"]`}},
		want: []string{"register activity tenancy added unconfirmed"}},
	{name: "activity marked unconfirmed whole", edits: []edit{{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}], unconfirmed: true`}},
		want: []string{"register activity tenancy added unconfirmed"}},
	{name: "activity mark cleared", edits: []edit{{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}], unconfirmed: ["lawfulBases"]`}}, reverse: true,
		want: []string{"register activity tenancy removed unconfirmed"}},
	{name: "activity name", edits: []edit{{`"Managing your tenancy"`, `"Your tenancy"`}},
		want: []string{"editorial activity tenancy changed name"}},
	{name: "recipient added to activity", edits: []edit{{`recipients: ["contractors"]`, `recipients: ["contractors", "council"]`}},
		want: []string{"notify activity tenancy added recipients"}},
	{name: "recipient removed from activity", edits: []edit{{`recipients: ["contractors"]`, `recipients: []`}},
		want: []string{"register activity tenancy removed recipients"}},
	{name: "transfer added to activity", edits: []edit{{`recipients: ["contractors"]`, `recipients: ["contractors"], transfers: ["surveys"]`}},
		want: []string{"notify activity tenancy added transfers"}},
	{name: "lawful basis added", edits: []edit{{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}, {basis: "consent", consent: {how: "Tick", withdraw: "Untick"}}]`}},
		want: []string{"notify activity tenancy added lawfulBases"}},
	{name: "lawful basis removed", edits: []edit{{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "contract"}, {basis: "consent", consent: {how: "Tick", withdraw: "Untick"}}]`}}, reverse: true,
		want: []string{"register activity tenancy removed lawfulBases"}},
	{name: "lawful basis interest and note", edits: []edit{{`interest: "Helping tenants."`, `interest: "Helping tenants stay well.", note: "See LIA."`}},
		want: []string{
			"register activity support changed lawfulBases[legitimate-interests].interest",
			"editorial activity support changed lawfulBases[legitimate-interests].note",
		}},
	{name: "special category added to activity", edits: []edit{{`categories: ["identity"]`, `categories: ["identity", "health"]`}},
		want: []string{"notify activity tenancy added categories"}},
	{name: "criminal category added to activity", edits: []edit{{`categories: ["identity"]`, `categories: ["identity", "convictions"]`}},
		want: []string{"notify activity tenancy added categories"}},
	{name: "ordinary category added to activity", edits: []edit{
		{`	convictions: {name: "Unspent convictions", criminal: true}`, "	convictions: {name: \"Unspent convictions\", criminal: true}\n\tcontact: {name: \"Contact data\"}"},
		{`categories: ["identity", "health"]`, `categories: ["identity", "health", "contact"]`}},
		want: []string{"register activity support added categories", "register category contact added"}},
	{name: "categories reordered", edits: []edit{{`categories: ["identity", "health"]`, `categories: ["health", "identity"]`}},
		want: []string{"editorial activity support reordered categories"}},
	{name: "automated decision", edits: []edit{{"automation: {decisions: false, profiling: false}", "automation: {decisions: true, profiling: false, significant: true, logic: \"Scores.\"}"}},
		want: []string{
			"notify activity tenancy changed automation.decisions",
			"register activity tenancy changed automation.logic",
			"notify activity tenancy changed automation.significant",
		}},
	{name: "automation added", edits: []edit{{"\t\tretention: [\"tenancy\"]\n\t}", "\t\tretention: [\"tenancy\"]\n\t\tautomation: decisions: true\n\t}"}},
		want: []string{"notify activity support changed automation.decisions"}},
	{name: "automated decision withdrawn", edits: []edit{{"automation: {decisions: false, profiling: false}", "automation: {decisions: true, profiling: false}"}}, reverse: true,
		want: []string{"register activity tenancy changed automation.decisions"}},
	{name: "dpia and systems", edits: []edit{{"dpia: required: false", "dpia: {required: true, status: \"complete\"}"}, {`systems: ["housing"]`, `systems: []`}},
		want: []string{
			"register activity tenancy removed systems",
			"register activity tenancy changed dpia.required",
			"register activity tenancy changed dpia.status",
		}},
	{name: "article 9 and 10 conditions", edits: []edit{{`{article9: "g", schedule1: 16}`, `{article9: "g", schedule1: 6}, {article9: "h", policyDocument: "APD"}`}, {`{basis: "schedule1", schedule1: 10}`, `{basis: "schedule1", schedule1: 10, note: "Tenancy fraud."}`}},
		want: []string{
			"register activity support added specialConditions",
			"register activity support added specialConditions",
			"register activity support removed specialConditions",
			"editorial activity support changed criminalConditions[schedule1/10].note",
		}},
	{name: "longer retention cited", edits: []edit{{`retention: ["short"]`, `retention: ["tenancy"]`}},
		want: []string{"notify activity tenancy added retention", "register activity tenancy removed retention"}},
	{name: "shorter retention cited", edits: []edit{{`retention: ["short"]`, `retention: ["tenancy"]`}}, reverse: true,
		want: []string{"register activity tenancy added retention", "register activity tenancy removed retention"}},

	// Categories.
	{name: "category becomes special", edits: []edit{{`identity: {name: "Identity data"`, `identity: {name: "Identity data", special: "biometric"`}},
		want: []string{"notify category identity changed special"}},
	{name: "category no longer special", edits: []edit{{`identity: {name: "Identity data"`, `identity: {name: "Identity data", special: "biometric"`}}, reverse: true,
		want: []string{"register category identity changed special"}},
	{name: "category becomes criminal", edits: []edit{{`health: {name: "Health data"`, `health: {name: "Health data", criminal: true`}},
		want: []string{"notify category health changed criminal"}},
	{name: "special category added", edits: []edit{{"categories: {\n", "categories: {\n\tdna: {name: \"DNA\", special: \"genetic\"}\n"}},
		want: []string{"notify category dna added"}},
	{name: "ordinary category added", edits: []edit{{"categories: {\n", "categories: {\n\tpets: {name: \"Pets\"}\n"}},
		want: []string{"register category pets added"}},
	{name: "category removed", edits: []edit{{"categories: {\n", "categories: {\n\tpets: {name: \"Pets\"}\n"}}, reverse: true,
		want: []string{"register category pets removed"}},
	{name: "category examples", edits: []edit{{`examples: ["name"]`, `examples: ["name", "date of birth"]`}},
		want: []string{"editorial category identity added examples"}},
	{name: "category cites longer retention", edits: []edit{{`special: "health", retention: ["tenancy"]}`, `special: "health", retention: ["short"]}`}}, reverse: true,
		want: []string{"notify category health added retention", "register category health removed retention"}},

	// Subjects and sources.
	{name: "subject added", edits: []edit{{`subjects: tenants: name: "Tenants"`, "subjects: {\n\ttenants: name: \"Tenants\"\n\tapplicants: name: \"Applicants\"\n}"}},
		want: []string{"register subject applicants added"}},
	{name: "subject description", edits: []edit{{`subjects: tenants: name: "Tenants"`, `subjects: tenants: {name: "Tenants", description: "People who rent."}`}},
		want: []string{"editorial subject tenants changed description"}},
	{name: "source added and changed", edits: []edit{{`sources: you: {name: "You", kind: "subject"}`, `sources: {you: {name: "You", kind: "observed"}, council: {name: "Council", kind: "third-party", recipient: "council"}}`}},
		want: []string{"register source you changed kind", "register source council added"}},

	// Recipients and transfers.
	{name: "recipient added", edits: []edit{{"recipients: {\n", "recipients: {\n\tbank: {name: \"Bank\", role: \"controller\"}\n"}},
		want: []string{"notify recipient bank added"}},
	{name: "recipient removed", edits: []edit{{"recipients: {\n", "recipients: {\n\tbank: {name: \"Bank\", role: \"controller\"}\n"}}, reverse: true,
		want: []string{"register recipient bank removed"}},
	{name: "recipient contract and name", edits: []edit{{`name: "Repairs contractors", role: "processor", category: true, contract: "DPA-1"`, `name: "Repair contractors", role: "processor", category: true, contract: "DPA-2"`}},
		want: []string{"editorial recipient contractors changed name", "register recipient contractors changed contract"}},
	{name: "transfer added", edits: []edit{{`transfers: surveys: {recipient: "surveys", country: "United States", mechanism: "idta"}`, "transfers: {\n\tsurveys: {recipient: \"surveys\", country: \"United States\", mechanism: \"idta\"}\n\tsurveys2: {recipient: \"surveys\", country: \"India\", mechanism: \"idta\"}\n}"}},
		want: []string{"notify transfer surveys2 added"}},
	{name: "transfer country and mechanism", edits: []edit{{`country: "United States", mechanism: "idta"}`, `country: "Canada", mechanism: "uk-adequacy"}`}},
		want: []string{"notify transfer surveys changed country", "register transfer surveys changed mechanism"}},

	// Retention rules.
	{name: "retention longer", edits: []edit{{`period: "6 years"`, `period: "7 years"`}},
		want: []string{"notify retention tenancy changed period"}},
	{name: "retention shorter", edits: []edit{{`period: "6 years"`, `period: "5 years"`}},
		want: []string{"register retention tenancy changed period"}},
	{name: "retention restated", edits: []edit{{`period: "1 year"`, `period: "12 months"`}},
		want: []string{"editorial retention short changed period"}},
	{name: "retention trigger", edits: []edit{{"after the tenancy ends", "after you leave"}},
		want: []string{"register retention tenancy changed trigger"}},

	// Schemes, systems, cookies, notices.
	{name: "scheme", edits: []edit{{`description: "Credit history."`, `description: "Credit history.", optOut: "Email us."`}, {`Credit history."`, `Your credit history."`}},
		want: []string{"editorial scheme exchange changed description", "register scheme exchange changed optOut"}},
	{name: "system added", edits: []edit{{`systems: housing: {name: "Housing system", location: "UK"}`, `systems: {housing: {name: "Housing system", location: "UK"}, crm: {name: "CRM"}}`}},
		want: []string{"register system crm added"}},
	{name: "system location", edits: []edit{{`location: "UK"`, `location: "Ireland"`}},
		want: []string{"register system housing changed location"}},
	{name: "cookie", edits: []edit{{`duration: "Session"`, `duration: "1 year"`}, {`name: "SESSIONID"`, `name: "SID"`}},
		want: []string{"register cookie session changed name", "register cookie session changed duration"}},
	{name: "cookie added", edits: []edit{{"cookies: session:", "cookies: ga: {name: \"_ga\", provider: \"Google\", party: \"third\", purpose: \"Stats.\", duration: \"2 years\"}\ncookies: session:"}},
		want: []string{"register cookie ga added"}},
	{name: "notice wording", edits: []edit{{"What we do with information about you.", "What we do with your information."}, {`version:     "1.0"`, `version:     "1.1"`}},
		want: []string{"editorial notice tenants changed version", "editorial notice tenants added summary", "editorial notice tenants removed summary"}},
	{name: "notice phrases", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01", phrases: "rights.intro": "You have rights."`}},
		want: []string{"editorial notice tenants added phrases.rights.intro"}},
	{name: "notice children", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01", children: true`}},
		want: []string{"register notice tenants changed children"}},
	{name: "notice review dates", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01", nextReview: "2026-04"`}},
		want: []string{"editorial notice tenants changed nextReview"}},
	{name: "notice word budget", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01", wordBudget: 3000`}},
		want: []string{"editorial notice tenants changed wordBudget"}},
	{name: "notice layered", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01"
	extends: "corporate"
	delegate: retention: {url: "https://example.org/retention", title: "Our retention schedule"}
	own: ["complaints"]
	contacts: [{name: "Sam Officer", email: "sam@example.org"}]
	categories: ["convictions"]`}, {"notices: tenants: {", `notices: corporate: title: "Corporate notice"
notices: tenants: {`}},
		want: []string{
			"register notice corporate added",
			"register notice tenants added contacts",
			"register notice tenants added categories",
			"editorial notice tenants changed extends",
			"editorial notice tenants changed delegate.retention.url",
			"editorial notice tenants changed delegate.retention.title",
			"editorial notice tenants added own",
		}},
	{name: "notice delegate changed", edits: []edit{{`lastUpdated: "2025-04-01"`, `lastUpdated: "2025-04-01", delegate: retention: {url: "https://example.org/retention"}`}},
		want: []string{"editorial notice tenants changed delegate.retention.url"}},
	{name: "activity direct marketing and joint controllers", edits: []edit{{`recipients: ["contractors"]`, `recipients: ["contractors"], directMarketing: true, jointControllers: ["police"]`}},
		want: []string{"notify activity tenancy added jointControllers", "notify activity tenancy changed directMarketing"}},
	{name: "controller status", edits: []edit{{`icoRegistration: "Z1234567"`, `icoRegistration: "Z1234567"
	formerNames: ["Old Homes"]
	charity: {status: "registered", number: "123456"}
	addressKind: "registered-office"
	icoRegistered: true`}},
		want: []string{
			"register controller changed icoRegistered",
			"register controller added formerNames",
			"register controller changed charity.status",
			"register controller changed charity.number",
			"register controller changed addressKind",
		}},

	// Processor records.
	{name: "processor record", edits: []edit{{`processing: ["Housing register administration"]`, `processing: ["Housing register administration", "Allocations"]`}},
		want: []string{"register processor-record council added processing"}},
	{name: "processor record added", edits: []edit{{"processorRecords: council: {", "processorRecords: nhs: {controller: name: \"NHS\", processing: [\"Referrals\"]}\nprocessorRecords: council: {"}},
		want: []string{"register processor-record nhs added"}},

	// The controller.
	{name: "controller contacts and dpo", edits: []edit{{`dpo: {name: "Alex Jones", email: "dpo@example.org"}`, `dpo: {name: "Sam Smith", email: "dpo@example.org"}`}, {`contacts: [{role: "Customer services", email: "hello@example.org"}]`, `contacts: [{role: "Customer services", email: "hi@example.org"}, {role: "Complaints", email: "c@example.org"}]`}},
		want: []string{
			"register controller changed contacts[Customer services].email",
			"register controller added contacts",
			"register controller changed dpo.name",
		}},
	{name: "controller name and registrations", edits: []edit{{`name:      "Example Homes Limited"`, `name:      "Example Homes plc"`}, {`{register: "Regulator of Social Housing", number: "L0001"},`, `{register: "Regulator of Social Housing", number: "L0002"}, {register: "Companies House", number: "123"},`}},
		want: []string{
			"register controller changed name",
			"register controller changed registrations[Regulator of Social Housing].number",
			"register controller added registrations",
		}},
	{name: "representatives", edits: []edit{{`representatives: eu: {name: "EU Rep GmbH", contact: email: "rep@example.eu"}`, `representatives: eu: {name: "EU Rep GmbH", contact: email: "eu@example.eu"}`}},
		want: []string{"register controller changed representatives.eu.contact.email"}},
	{name: "joint controller", edits: []edit{{`{name: "Exampleton Police", arrangement: "Joint CCTV protocol"}`, `{name: "Police", arrangement: "Joint CCTV protocol v2"}`}},
		want: []string{"register joint-controller police changed name", "register joint-controller police changed arrangement"}},
	{name: "joint controller added", edits: []edit{{"jointControllers: police:", "jointControllers: nhs: {name: \"NHS\", arrangement: \"MoU\"}\n\tjointControllers: police:"}},
		want: []string{"register joint-controller nhs added"}},

	// Authority, security and the rest.
	{name: "supervisory authority", edits: []edit{{`web: "https://dataprotection.ie"}`, `web: "https://www.dataprotection.ie"}`}},
		want: []string{"register supervisory-authority changed web"}},
	{name: "security", edits: []edit{{`security: measures: ["Access control.", "Encryption."]`, `security: {summary: "We protect it.", measures: ["Access control.", "Encryption at rest."]}`}},
		want: []string{
			"editorial security changed summary",
			"register security added measures",
			"register security removed measures",
		}},
	{name: "complaints", edits: []edit{{"Tell us first.", "Tell us first, please."}},
		want: []string{"register complaints changed procedure"}},
	{name: "waiver history phrase", edits: []edit{{`reason: "Low risk."`, `reason: "Very low risk."`}, {`history: [`, `history: [{version: "1.1", date: "2025-05-01", summary: ["More."]}, `}, {`intro: "Hello."`, `intro: "Hello there."`}},
		want: []string{
			"register waiver no-dpia/activities.tenancy changed reason",
			"register history 1.1 added",
			"editorial phrase intro changed",
		}},
}

func TestDiff(t *testing.T) {
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			src := baseSource(t)
			old, new := load(t, "old.cue", src), load(t, "new.cue", apply(t, src, tc.edits))
			if tc.reverse {
				old, new = new, old
			}
			r := Diff(old, new)
			checkChanges(t, r, tc.want)
		})
	}
}
