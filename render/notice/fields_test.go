package notice

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// fieldsModel is a small model whose activity discloses to the recipients
// RECIPIENTS (a CUE list of keys); EXTRA is appended at top level. The
// recipients are declared below with and without a country.
const fieldsModel = `package m

schemaVersion: "1"
controller: {
	name: "Field Homes"
	dpo: {name: "Dee Pio", email: "dpo@field.example"}
}
notices: n: {title: "Notice", version: "1", lastUpdated: "2025-01-01"}
subjects: s: name: "Tenants"
categories: c: name: "Identity"
recipients: {
	uk: {name: "UK Processor Ltd", role: "processor", country: "United Kingdom"}
	nowhere: {name: "Nowhere Mailer", role: "processor"}
	vague: {name: "Some contractors", role: "processor", category: true}
	abroad: {name: "Abroad Inc.", role: "controller", country: "United States"}
	council: {name: "Field Council", role: "public-authority"}
}
activities: a: {
	name: "Tenancy"
	purpose: "To manage your tenancy."
	audiences: ["n"]
	subjects: ["s"]
	categories: ["c"]
	lawfulBases: [{basis: "contract"}]
	recipients: RECIPIENTS
	automation: decisions: false
}
EXTRA
`

// planFields loads fieldsModel with the given recipients and extra CUE and
// plans its notice.
func planFields(t *testing.T, recipients, extra string) (*ropa.Model, *doc.Document) {
	t.Helper()
	src := strings.Replace(fieldsModel, "RECIPIENTS", recipients, 1)
	src = strings.Replace(src, "EXTRA", extra, 1)
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(src)}})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return m, planNotice(t, m, "n")
}

// sectionDump is the dump of the section with the given ID, with its
// sub-sections, or "" when the plan has no such section.
func sectionDump(d *doc.Document, id string) string {
	for _, s := range d.Sections {
		if s.ID == id {
			return dump(&doc.Document{Sections: []*doc.Section{s}})
		}
	}
	return ""
}

// phrase returns the standard wording of key, failing when there is none.
func phrase(t *testing.T, key string, kv ...string) string {
	t.Helper()
	if _, ok := DefaultPhrase(key); !ok {
		t.Fatalf("no phrase %s", key)
	}
	return fill(defaults[key], kv)
}

// TestTransfersUnknownCountry checks that the transfers section states
// only what the record does: the transfers and the recipients stated to be
// abroad; "none" only where the record declares it; nothing at all when
// the record is silent, whatever the recipients' countries. A model that
// overrides transfers.unknown keeps its wording before the named
// organisations whose country it does not state.
func TestTransfersUnknownCountry(t *testing.T) {
	contactTitle := phrase(t, "section."+IDContactUs+".title")
	unknown := phrase(t, "transfers.unknown", "section", contactTitle)
	none := phrase(t, "transfers.none")
	declared := `none: ["transfers"]`
	cases := []struct {
		name, recipients, extra string
		want, notWant           []string
		absent                  bool
	}{
		{name: "silent: named processor with no country",
			recipients: `["uk", "nowhere"]`, absent: true},
		{name: "silent: every named recipient in the UK",
			recipients: `["uk"]`, absent: true},
		{name: "silent: no recipients",
			recipients: `[]`, absent: true},
		{name: "declared: named processor with no country",
			recipients: `["uk", "nowhere"]`, extra: declared,
			want: []string{none}, notWant: []string{unknown, "Nowhere Mailer"}},
		{name: "declared on the notice",
			recipients: `["uk"]`, extra: `notices: n: none: ["transfers"]`,
			want: []string{none}},
		{name: "declared on the activity",
			recipients: `[]`, extra: `activities: a: none: ["transfers"]`,
			want: []string{none}},
		{name: "abroad without a transfer",
			recipients: `["abroad", "nowhere"]`,
			want: []string{phrase(t, "transfers.intro"),
				"**" + phrase(t, "transfers.item", "recipient", "Abroad Inc.", "country", "United States") + "**"},
			notWant: []string{none, unknown, "Nowhere Mailer"}},
		{name: "a declaration does not hide a recipient abroad",
			recipients: `["abroad"]`, extra: declared,
			want:    []string{"Abroad Inc. (United States)"},
			notWant: []string{none}},
		{name: "a transfer covers the recipient",
			recipients: `["nowhere"]`,
			extra:      `transfers: t: {recipient: "nowhere", country: "Canada", mechanism: "uk-adequacy"}` + "\n" + `activities: a: transfers: ["t"]`,
			want:       []string{"Nowhere Mailer (Canada)"},
			notWant:    []string{none, unknown}},
		{name: "the model's own wording for unstated countries",
			recipients: `["nowhere"]`,
			extra:      `phrases: "transfers.unknown": "Ask us where these work:"`,
			want:       []string{"Ask us where these work:", "- Nowhere Mailer"},
			notWant:    []string{none}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, d := planFields(t, tc.recipients, tc.extra)
			got := sectionDump(d, IDTransfers)
			if tc.absent {
				if got != "" {
					t.Fatalf("a record silent on transfers gave a transfers section:\n%s", got)
				}
				return
			}
			if got == "" {
				t.Fatal("no transfers section")
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("transfers section lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("transfers section has %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestSharingUnknownCountry checks that a recipient with no country is not
// labelled with an empty country in the sharing section.
func TestSharingUnknownCountry(t *testing.T) {
	_, d := planFields(t, `["nowhere", "abroad"]`, "")
	got := sectionDump(d, IDSharing)
	if !strings.Contains(got, "- **Nowhere Mailer**\n") {
		t.Errorf("sharing: want the bare name for a recipient with no country:\n%s", got)
	}
	if !strings.Contains(got, "**Abroad Inc. (United States)**") {
		t.Errorf("sharing: want the country of a recipient outside the UK:\n%s", got)
	}
}

// TestSharingSchemeOperatorsAndSystemVendors checks that an organisation
// an activity discloses to only through a scheme it feeds or a system it
// uses is still named as a recipient, and abroad as a transfer, instead of
// the notice saying that nothing is shared and nothing leaves the UK. The
// register lists the same organisations as recipients.
func TestSharingSchemeOperatorsAndSystemVendors(t *testing.T) {
	extra := `schemes: x: {name: "Scheme", description: "A scheme.", operator: "uk"}
systems: crm: {name: "CRM", vendor: "abroad"}
activities: a: {schemes: ["x"], systems: ["crm"]}`
	_, d := planFields(t, `[]`, extra)
	sharing := sectionDump(d, IDSharing)
	for _, w := range []string{"UK Processor Ltd", "Abroad Inc. (United States)"} {
		if !strings.Contains(sharing, w) {
			t.Errorf("sharing section lacks %q:\n%s", w, sharing)
		}
	}
	if none := phrase(t, "sharing.none"); strings.Contains(sharing, none) {
		t.Errorf("sharing section says nothing is shared:\n%s", sharing)
	}
	transfers := sectionDump(d, IDTransfers)
	if !strings.Contains(transfers, phrase(t, "transfers.item", "recipient", "Abroad Inc.", "country", "United States")) {
		t.Errorf("transfers section lacks the system vendor abroad:\n%s", transfers)
	}
	if none := phrase(t, "transfers.none"); strings.Contains(transfers, none) {
		t.Errorf("transfers section says nothing leaves the UK:\n%s", transfers)
	}
}

// TestRetentionNoteAndAction checks that a rule's note is shown with the
// rule, and that the action sentence appears only when the model states
// an action: the schema no longer defaults it to "delete".
func TestRetentionNoteAndAction(t *testing.T) {
	extra := `retention: {
	said: {name: "Said", period: "6 years", action: "anonymise", note: "We usually keep it for 6 years."}
	silent: {name: "Silent", period: "2 years"}
}
activities: a: retention: ["said", "silent"]`
	m, d := planFields(t, `[]`, extra)
	if got := m.Retention["silent"].Action; got != "" {
		t.Fatalf("silent.action = %q, want no default", got)
	}
	got := sectionDump(d, IDRetention)
	for _, w := range []string{
		"[2] We usually keep it for 6 years.",
		"[2] " + phrase(t, "retention.action.anonymise"),
	} {
		if !strings.Contains(got, w) {
			t.Errorf("retention lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, phrase(t, "retention.action.delete")) {
		t.Errorf("retention states a deletion the model does not:\n%s", got)
	}
	// The note follows the period and precedes the action.
	if i, j := strings.Index(got, "We usually keep"), strings.Index(got, phrase(t, "retention.action.anonymise")); i > j {
		t.Errorf("note after the action:\n%s", got)
	}
}

// TestCookieColumns checks that the linked-information and persistence
// columns appear only when some cookie states them.
func TestCookieColumns(t *testing.T) {
	dataCol, persistCol := phrase(t, "cookies.col.data"), phrase(t, "cookies.col.persistence")
	plain := `cookies: {
	a: {name: "A", provider: "P", party: "first", purpose: "Signs you in.", duration: "1 day", audiences: ["n"]}
	b: {name: "B", provider: "P", party: "third", purpose: "Counts visits.", duration: "2 years", audiences: ["n"]}
}`
	_, d := planFields(t, `[]`, plain)
	got := sectionDump(d, IDCookies)
	if strings.Contains(got, dataCol) || strings.Contains(got, persistCol) {
		t.Errorf("empty columns shown:\n%s", got)
	}

	_, d = planFields(t, `[]`, plain+"\n"+`cookies: a: persistence: "session"`)
	got = sectionDump(d, IDCookies)
	if strings.Contains(got, dataCol) || !strings.Contains(got, "| "+persistCol+" |") {
		t.Errorf("want the persistence column only:\n%s", got)
	}
	if !strings.Contains(got, "[6] "+phrase(t, "cookies.persistence.session")) {
		t.Errorf("want the persistence in words in column 6:\n%s", got)
	}

	_, d = planFields(t, `[]`, plain+"\n"+`cookies: b: {data: "Anonymous", persistence: "persistent"}`)
	tbl := findTable(d, IDCookies)
	if tbl == nil {
		t.Fatal("no cookies table")
	}
	if n := len(tbl.Header); n != 7 || tbl.Header[5] != dataCol || tbl.Header[6] != persistCol {
		t.Fatalf("header = %q", tbl.Header)
	}
	if len(tbl.Widths) != len(tbl.Header) {
		t.Errorf("%d widths for %d columns", len(tbl.Widths), len(tbl.Header))
	}
	for i, row := range tbl.Rows {
		if len(row) != len(tbl.Header) {
			t.Errorf("row %d has %d cells, want %d", i, len(row), len(tbl.Header))
		}
	}
	if a := tbl.Rows[0]; len(a[5]) != 0 || len(a[6]) != 0 {
		t.Errorf("cookie a states neither, but has cells %v %v", a[5], a[6])
	}
	if b := tbl.Rows[1]; doc.PlainText(b[5][0]) != "Anonymous" || doc.PlainText(b[6][0]) != phrase(t, "cookies.persistence.persistent") {
		t.Errorf("cookie b: got %v %v", b[5], b[6])
	}
}

// TestCookiePrivacyNotice checks that a cookie's privacyNotice, the
// provider's privacy information, is linked from the cookie's row rather
// than left out of the notice.
func TestCookiePrivacyNotice(t *testing.T) {
	_, d := planFields(t, `[]`, `cookies: ga: {name: "_ga", provider: "Google", party: "third", purpose: "Counts visits.", duration: "2 years", privacyNotice: "https://policies.example/privacy", audiences: ["n"]}`)
	tbl := findTable(d, IDCookies)
	if tbl == nil || len(tbl.Rows) != 1 {
		t.Fatal("no cookies table with one row")
	}
	want := doc.L(phrase(t, "cookies.notice"), "https://policies.example/privacy")
	var found bool
	for _, line := range tbl.Rows[0][3] {
		for _, r := range line {
			found = found || r == want
		}
	}
	if !found {
		t.Errorf("purpose cell %v lacks the link %v", tbl.Rows[0][3], want)
	}
}

// findTable returns the first table of the section with the given ID.
func findTable(d *doc.Document, id string) *doc.Table {
	for _, s := range d.Sections {
		if s.ID != id {
			continue
		}
		for _, b := range s.Blocks {
			if t, ok := b.(*doc.Table); ok {
				return t
			}
		}
	}
	return nil
}

// TestSchemeContactAndRelated checks that a scheme's contact is shown in
// full (who, how and the note) and its related links are listed, linked
// when they have a URL.
func TestSchemeContactAndRelated(t *testing.T) {
	extra := `schemes: x: {
	name: "Rent Scheme"
	description: "A scheme."
	contact: {role: "Scheme Officer", email: "scheme@field.example", note: "Write to the officer with concerns."}
	related: [
		{title: "Scheme notice", url: "https://scheme.example/notice", note: "The operator's notice."},
		{title: "Code of practice"},
	]
}
activities: a: schemes: ["x"]`
	_, d := planFields(t, `[]`, extra)
	got := sectionDump(d, IDSchemes)
	for _, w := range []string{
		"¶ " + phrase(t, "schemes.contact"),
		"¶ **Scheme Officer**",
		"[scheme@field.example](mailto:scheme@field.example)",
		"¶ Write to the officer with concerns.",
		"¶ " + phrase(t, "schemes.related"),
		"- [Scheme notice](https://scheme.example/notice): The operator's notice.",
		"- Code of practice\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("schemes lacks %q:\n%s", w, got)
		}
	}

	// A contact with only a note is still shown.
	_, d = planFields(t, `[]`, `schemes: x: {name: "S", description: "D.", contact: note: "Ask the operator."}`+"\n"+`activities: a: schemes: ["x"]`)
	if got := sectionDump(d, IDSchemes); !strings.Contains(got, "¶ Ask the operator.") {
		t.Errorf("note-only contact missing:\n%s", got)
	}
}

// TestRecipientRelated checks that a recipient's related links are listed
// with the recipient, linked when they have a URL.
func TestRecipientRelated(t *testing.T) {
	extra := `recipients: uk: related: [
	{title: "Their notice", url: "https://uk.example/privacy"},
	{title: "Their guidance", note: "How they use data."},
]`
	_, d := planFields(t, `["uk"]`, extra)
	got := sectionDump(d, IDSharing)
	want := "- **UK Processor Ltd**: " + phrase(t, "sharing.related") + " [Their notice](https://uk.example/privacy)" +
		phrase(t, "list.and") + "Their guidance (How they use data.)\n"
	if !strings.Contains(got, want) {
		t.Errorf("sharing lacks %q:\n%s", want, got)
	}
}

// TestContractNotInNotice checks that a recipient's contract, which
// belongs to the register, does not appear in the notice.
func TestContractNotInNotice(t *testing.T) {
	_, d := planFields(t, `["uk"]`, `recipients: uk: contract: "DPA-2024-17"`)
	for _, s := range statements(d) {
		if strings.Contains(s, "DPA-2024-17") {
			t.Errorf("notice states the contract: %q", s)
		}
	}
}

// TestJointControllersOnlyWhereDescribed checks that the notice says "we
// decide jointly" of the uses it describes only: when one of its
// activities discloses to the joint controller.
func TestJointControllersOnlyWhereDescribed(t *testing.T) {
	jc := `controller: jointControllers: partner: {name: "Partner Trust", arrangement: "We keep one waiting list."}`
	_, d := planFields(t, `["uk"]`, jc)
	if got := dump(d); strings.Contains(got, "Partner Trust") || strings.Contains(got, phrase(t, "joint.intro")) {
		t.Errorf("a notice none of whose activities involves the joint controller names it:\n%s", got)
	}
	_, d = planFields(t, `["partner"]`, jc+"\n"+`recipients: partner: {name: "Partner Trust", role: "joint-controller", country: "United Kingdom"}`)
	got := sectionDump(d, IDWhoWeAre)
	for _, w := range []string{phrase(t, "joint.intro"), "We keep one waiting list."} {
		if !strings.Contains(got, w) {
			t.Errorf("who we are lacks %q:\n%s", w, got)
		}
	}
}

// TestNoClaimsOnSilence checks claims that the silent fixture of the
// examples cannot reach: a retention reassurance with no rule, protection
// abroad, controllers' own notices, and references to a contact section
// the notice does not have.
func TestNoClaimsOnSilence(t *testing.T) {
	_, d := planFields(t, `["abroad"]`, "")
	if got := sectionDump(d, IDRetention); got != "" {
		t.Errorf("a record with no retention rule gave a retention section:\n%s", got)
	}
	all := dump(d)
	for _, claim := range []string{"we make sure it stays protected", "as explained in their own privacy notices",
		"only for as long as we need it"} {
		if strings.Contains(all, claim) {
			t.Errorf("notice claims %q:\n%s", claim, all)
		}
	}

	// No contact details at all: nothing may point to a contact section.
	src := strings.Replace(strings.Replace(fieldsModel, "RECIPIENTS", `[]`, 1), "EXTRA", "", 1)
	src = strings.Replace(src, `	dpo: {name: "Dee Pio", email: "dpo@field.example"}`+"\n", "", 1)
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(src)}})
	if err != nil {
		t.Fatal(err)
	}
	m.Transfers = map[string]*ropa.Transfer{"t": {Keyed: ropa.Keyed{Key: "t"}, RecipientID: "x", Country: "Canada", Mechanism: "idta"}}
	m.Activities["a"].Transfers = []*ropa.Transfer{m.Transfers["t"]}
	d = planNotice(t, m, "n")
	if got := sectionDump(d, IDContactUs); got != "" {
		t.Fatalf("contact section with no contact details:\n%s", got)
	}
	title := phrase(t, "section.contact-us.title.no-dpo")
	if got := dump(d); strings.Contains(got, title) {
		t.Errorf("the notice refers to %q, which it does not have:\n%s", title, got)
	}
}
