package notice

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/internal/pagetest"
	"github.com/ropa-dev/ropa/render/internal/pdftest"
	"github.com/ropa-dev/ropa/ropa"
)

// factsDir is a fictional council service that states the facts real
// notices state beyond the minimum: see its model.cue.
const factsDir = "../../testdata/facts"

func loadFacts(t testing.TB) *ropa.Model {
	t.Helper()
	m, err := ropa.Load(factsDir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFactsGolden holds the notice of the facts record, in every format,
// to its golden files.
func TestFactsGolden(t *testing.T) {
	m := loadFacts(t)
	golden.Check(t, "testdata/facts-residents.plan.txt", []byte(dump(planNotice(t, m, "residents"))))
	out := renderAll(t, m)
	golden.Check(t, "testdata/facts-residents.html", pagetest.WithoutStyleSheet(t, out["residents.html"]))
	golden.Check(t, "testdata/facts-residents.md", out["residents.md"])
	golden.Check(t, "testdata/facts-residents.pdf.txt", []byte(pdfText(t, out["residents.pdf"])))
	golden.Check(t, "testdata/facts-residents.pdf.struct.txt", []byte(pdftest.Structure(t, out["residents.pdf"])))
}

// TestFactsConsistency holds every statement of the facts notice to each
// format.
func TestFactsConsistency(t *testing.T) { checkConsistency(t, loadFacts(t)) }

// TestFactsSections checks where each fact shows in the notice and in what
// words.
func TestFactsSections(t *testing.T) {
	d := planNotice(t, loadFacts(t), "residents")
	for id, wants := range map[string][]string{
		IDDataWeCollect: {
			// The categories without a heading come first, then each heading
			// in the order its first category comes; the legal class stays.
			"  - **Call recordings**\n  ¶ **Your details**\n  - **Contact details**: For example",
			"  ¶ **Sensitive information**\n  - **Health and disability**: " + phrase(t, "data.special.flag", "special", "health"),
			"  - **Unspent convictions**: " + phrase(t, "data.criminal.flag"),
		},
		IDSources: {
			"  - **You**: " + phrase(t, "sources.channels", "channels", "by telephone, in person and by email"),
			"Details of benefits you receive. We collect it by letter.",
			"  - **Homelessness advice**: We collect it by telephone and in person.",
			"  - **Community grants**: We collect it through our website and through our app.",
			phrase(t, "sources.exemptions.intro"),
			"  - **The Department for Work and Pensions**: " + phrase(t, "exemption.required-by-law") +
				" The law that requires it: [Housing Act 1996, Part 7](https://www.legislation.gov.uk/ukpga/1996/52/part/7).",
			"  - **Advice agencies that refer you to us**: " + phrase(t, "exemption.disproportionate-effort") +
				" We publish this information at [https://eastwick.example/privacy/referrals](https://eastwick.example/privacy/referrals).",
			"  - **Community grants**: " + phrase(t, "exemption.already-has") + " We tell you about this when you apply.",
		},
		IDPurposes: {
			"[3] The law: Housing Act 1996 and Homelessness Reduction Act 2017 (listed below this table)",
			"[3] The law: Localism Act 2011 (listed below this table)",
			"  ¶ **The laws we rely on:**\n  - [Housing Act 1996, Part 7](https://www.legislation.gov.uk/ukpga/1996/52/part/7)\n" +
				"  - [Homelessness Reduction Act 2017](https://www.legislation.gov.uk/ukpga/2017/13)\n  - Localism Act 2011\n",
		},
		IDSharing: {"  - **CaseSoft Ltd**: They use these sub-processors: Cloud Hosting Ltd (which uses Helpdesk Services (India))."},
		IDRetention: {
			"[2] no longer than 90 days",
			"[2] usually 6 years after your case closes",
			"[2] between 2 and 6 years after support ends",
		},
		// When the notice was issued, reviewed and will next be, after its
		// last update and before the duty to tell people of changes.
		IDChanges: {
			phrase(t, "changes.issued", "date", "1 March 2024"),
			phrase(t, "changes.reviewed", "dates", "1 September 2025 and 1 September 2026"),
			phrase(t, "changes.next-review.note", "date", "September 2027", "note", "or sooner if the law changes"),
		},
		IDRequirement: {
			phrase(t, "requirement.optional.intro") +
				"\n  - **Household members**: We may not be able to find housing that suits everyone you live with.\n  - **Ethnic origin**\n",
		},
	} {
		got := sectionDump(d, id)
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("section %s lacks %q:\n%s", id, want, got)
			}
		}
	}
	// The laws are listed once, after the table, however many bases cite them.
	if n := strings.Count(dump(d), "[Housing Act 1996, Part 7]"); n != 2 {
		t.Errorf("Housing Act linked %d times, want twice: in the list of laws and the exemption", n)
	}
}

// TestFactsSayOnlyWhatIsRecorded checks the edges: a basis citing every
// law of the notice points to the list; an exemption without its detail
// claims none of it; a source claiming nothing shows no exemption; the
// section on sources appears for channels alone.
func TestFactsSayOnlyWhatIsRecorded(t *testing.T) {
	_, d := planFields(t, `["uk"]`, `laws: {a: name: "A Act", b: {name: "B Act", section: "s.2"}}
activities: a: lawfulBases: [{laws: ["a", "b"]}]
activities: a: {channels: ["text"], exemption: {ground: "disproportionate-effort"}}
recipients: uk: subprocessors: ["nowhere"]
`)
	purposes, sources, sharing := sectionDump(d, IDPurposes), sectionDump(d, IDSources), sectionDump(d, IDSharing)
	for _, want := range []string{"[3] " + phrase(t, "basis.detail.laws.all"), "  - A Act\n  - B Act, s.2\n"} {
		if !strings.Contains(purposes, want) {
			t.Errorf("purposes lack %q:\n%s", want, purposes)
		}
	}
	for _, want := range []string{"  - **Tenancy**: We collect it by text message.",
		"  - **Tenancy**: " + phrase(t, "exemption.disproportionate-effort") + "\n"} {
		if !strings.Contains(sources, want) {
			t.Errorf("sources lack %q:\n%s", want, sources)
		}
	}
	if strings.Contains(sources, "We publish") {
		t.Errorf("sources claim the information is published, which the record does not say:\n%s", sources)
	}
	if !strings.Contains(sharing, "**UK Processor Ltd**: They use these sub-processors: Nowhere Mailer.") {
		t.Errorf("sharing lacks the sub-processor:\n%s", sharing)
	}

	_, d = planFields(t, `["uk"]`, `laws: a: name: "A Act"
activities: a: exemption: {ground: "required-by-law"}
`)
	if s := sectionDump(d, IDSources); !strings.Contains(s, phrase(t, "exemption.required-by-law")+"\n") || strings.Contains(s, "The law that requires it") {
		t.Errorf("a required-by-law exemption without its law:\n%s", s)
	}
	for _, id := range []string{IDRequirement} {
		if s := sectionDump(d, id); strings.Contains(s, "choose whether") {
			t.Errorf("%s says data is optional, which the record does not:\n%s", id, s)
		}
	}
	if s := sectionDump(d, IDPurposes); strings.Contains(s, "laws we rely on") || strings.Contains(s, "listed below") {
		t.Errorf("purposes list laws no basis cites:\n%s", s)
	}
}
