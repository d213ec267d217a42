package notice

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

func actWith(bases ...string) *ropa.Activity {
	a := &ropa.Activity{Name: "a"}
	for _, b := range bases {
		a.LawfulBases = append(a.LawfulBases, ropa.LawfulBasis{Basis: b})
	}
	return a
}

func TestDeriveRights(t *testing.T) {
	const always = "access rectification"
	tests := []struct {
		name    string
		acts    []*ropa.Activity
		want    string
		limited bool
	}{
		{"none", nil, "access rectification restriction", false},
		{"consent", []*ropa.Activity{actWith("consent")},
			"access rectification erasure restriction portability withdraw-consent", false},
		{"contract", []*ropa.Activity{actWith("contract")},
			"access rectification erasure restriction portability", false},
		{"legal obligation", []*ropa.Activity{actWith("legal-obligation")},
			"access rectification restriction", false},
		{"vital interests", []*ropa.Activity{actWith("vital-interests")},
			"access rectification erasure restriction", false},
		{"public task", []*ropa.Activity{actWith("public-task")},
			"access rectification restriction object", false},
		{"legitimate interests", []*ropa.Activity{actWith("legitimate-interests")},
			"access rectification erasure restriction object", false},
		{"recognised legitimate interest", []*ropa.Activity{actWith("recognised-legitimate-interest")},
			"access rectification erasure restriction object", false},
		{"contract + legal obligation", []*ropa.Activity{actWith("contract"), actWith("legal-obligation")},
			"access rectification erasure restriction portability", true},
		{"public task + legal obligation", []*ropa.Activity{actWith("public-task", "legal-obligation")},
			"access rectification restriction object", false},
		{"legitimate interests + public task", []*ropa.Activity{actWith("legitimate-interests"), actWith("public-task")},
			"access rectification erasure restriction object", true},
		{"explicit consent (Art 9(2)(a)) on contract", []*ropa.Activity{func() *ropa.Activity {
			a := actWith("contract")
			a.SpecialConditions = []ropa.SpecialCondition{{Article9: "a"}}
			return a
		}()}, "access rectification erasure restriction portability withdraw-consent", false},
		{"criminal data on consent (Sch 1 para 29)", []*ropa.Activity{func() *ropa.Activity {
			a := actWith("legal-obligation")
			a.CriminalConditions = []ropa.CriminalCondition{{Basis: "schedule1", Schedule1: 29}}
			return a
		}()}, "access rectification restriction withdraw-consent", false},
		{"significant automated decisions", []*ropa.Activity{func() *ropa.Activity {
			a := actWith("contract")
			a.Automation = &ropa.Automation{Decisions: true, Significant: true}
			return a
		}()}, "access rectification erasure restriction portability automated", false},
		{"automated decisions without significant effects bring no Art 22 right", []*ropa.Activity{func() *ropa.Activity {
			a := actWith("contract")
			a.Automation = &ropa.Automation{Decisions: true}
			return a
		}()}, "access rectification erasure restriction portability", false},
		{"nil activity", []*ropa.Activity{nil}, "access rectification restriction", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := deriveRights(tt.acts)
			got := strings.Join(r.keys(), " ")
			if got != tt.want {
				t.Errorf("rights:\n got %s\nwant %s", got, tt.want)
			}
			if !strings.HasPrefix(got, always) {
				t.Errorf("rights %s lack %s", got, always)
			}
			if r.ErasureLimited != tt.limited {
				t.Errorf("ErasureLimited = %v, want %v", r.ErasureLimited, tt.limited)
			}
		})
	}
}

// TestRightsInNotice checks that the derived rights reach the notice: the
// tenants notice (contract, consent, legitimate interests) offers
// portability, withdrawal and objection; a legal-obligation-only notice
// offers none of erasure, portability or objection, but still, when an
// activity is direct marketing, the direct-marketing objection, separately.
func TestRightsInNotice(t *testing.T) {
	m := loadMinimal(t)
	text := dump(planNotice(t, m, "tenants"))
	for _, key := range []string{"rights.portability.text", "rights.withdraw-consent.text", "rights.object.text",
		"rights.erasure.text"} {
		if !strings.Contains(text, defaults[key]) {
			t.Errorf("tenants notice lacks %s", key)
		}
	}
	// No activity of the notice is direct marketing, so the notice does
	// not state the right to object to it.
	if strings.Contains(text, defaults["rights.object-marketing.text"]) {
		t.Error("tenants notice states the right to object to direct marketing, but no activity is direct marketing")
	}
	m.Activities["surveys"].DirectMarketing = true
	if strings.Contains(text, defaults["rights.erasure.limited"]) {
		t.Error("tenants notice limits erasure, but no activity is on legal obligation or public task")
	}

	for _, a := range m.ActivitiesFor(m.Notices["tenants"]) {
		a.LawfulBases = []ropa.LawfulBasis{{Basis: ropa.BasisLegalObligation, Law: "Housing Act 1996"}}
		a.SpecialConditions = nil
	}
	text = dump(planNotice(t, m, "tenants"))
	for _, key := range []string{"rights.portability.text", "rights.withdraw-consent.text", "rights.object.text", "rights.erasure.text"} {
		if strings.Contains(text, defaults[key]) {
			t.Errorf("legal-obligation notice offers %s", key)
		}
	}
	if !strings.Contains(text, "[right-to-object]") || !strings.Contains(text, defaults["rights.object-marketing.text"]) {
		t.Error("legal-obligation notice lacks the separate direct-marketing objection")
	}
}

// TestDirectMarketingObjection checks that the right to object to direct
// marketing is a statement of the law tied to the fact that an activity
// is direct marketing: only a notice with such an activity states it, with
// the activity's directMarketing field as its source.
func TestDirectMarketingObjection(t *testing.T) {
	m := loadMinimal(t)
	want := defaults["rights.object-marketing.text"]
	for _, key := range []string{"tenants", "website"} {
		for _, st := range planNotice(t, m, key).Statements() {
			if st.Text == want {
				t.Errorf("notice %s states the direct-marketing objection with no direct marketing", key)
			}
		}
	}
	m.Activities["surveys"].DirectMarketing = true
	found := false
	for _, st := range planNotice(t, m, "tenants").Statements() {
		if st.Text == want {
			found = true
			if st.Src.Law != "UK GDPR Art 21(2)-(3)" || strings.Join(st.Src.Paths, " ") != "activities.surveys.directMarketing" {
				t.Errorf("direct-marketing objection source = %+v", st.Src)
			}
		}
	}
	if !found {
		t.Error("tenants notice lacks the direct-marketing objection of its direct-marketing activity")
	}
	for _, st := range planNotice(t, m, "website").Statements() {
		if st.Text == want {
			t.Error("website notice states the objection, but its activities are not direct marketing")
		}
	}
}

// TestEveryRightHasSummaryPhrase: each right a notice can describe has the
// phrase its first-layer summary names it by, so that no combination of
// rights (Art 21(6) research among them) leaves the summary without words.
func TestEveryRightHasSummaryPhrase(t *testing.T) {
	all := rightSet(ropa.Rights{Erasure: true, Portability: true, Object: true, WithdrawConsent: true, ObjectResearch: true, Automated: true})
	for _, k := range all.keys() {
		if _, ok := defaults["summary.rights."+k]; !ok {
			t.Errorf("no phrase summary.rights.%s", k)
		}
	}
}
