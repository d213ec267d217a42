package register

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// row returns the controller-record row of the activity with key.
func row(t *testing.T, m *ropa.Model, key string) Row {
	t.Helper()
	for _, r := range Controller(m).Rows {
		if r.Key == key {
			if len(r.Cells) != len(ControllerHeadings) {
				t.Fatalf("row %s has %d cells, want %d", key, len(r.Cells), len(ControllerHeadings))
			}
			return r
		}
	}
	t.Fatalf("no row for activity %s", key)
	return Row{}
}

// want checks that column col (1-based) of r holds exactly lines.
func want(t *testing.T, r Row, col int, lines ...string) {
	t.Helper()
	got := []string(r.Cells[col-1])
	if len(lines) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, lines) {
		t.Errorf("%s column %d (%s) = %q, want %q", r.Key, col, ControllerHeadings[col-1], got, lines)
	}
}

func TestControllerColumnsMinimal(t *testing.T) {
	m := minimal(t)
	security := m.Security.Measures

	r := row(t, m, "tenancy")
	want(t, r, 1, "Housing management")
	want(t, r, 2, "Managing your tenancy", "To let and manage your home, collect rent and carry out repairs.")
	want(t, r, 4, "Tenants and their household members")
	want(t, r, 5, "Identity data", "Contact data", "Financial data")
	want(t, r, 6, "Repairs contractors (processor)", "Exampleton Borough Council (public authority)")
	want(t, r, 7, "Repairs contractors: Data processing agreement in each repairs contract")
	want(t, r, 10, "Tenancy records: 6 years after the tenancy ends, then delete")
	want(t, r, 11, security...)
	want(t, r, 12, "Article 6(1)(b) contract")
	want(t, r, 17, "No")
	want(t, r, 18, "You (from the individual)", "Your local council (from a third party)")
	want(t, r, 20, "Housing management system: UK data centre")
	want(t, r, 21, "No")
	want(t, r, 24) // no breach recorded: empty, never "No"
	want(t, r, 27, "Article 6(1)(b) contract")
	want(t, r, 28, "Tenancy records: Limitation Act 1980")

	r = row(t, m, "support")
	want(t, r, 5, "Identity data", "Health and disability (special category: health)")
	want(t, r, 13, "Article 9(2)(g) substantial public interest")
	want(t, r, 21, "Yes")
	want(t, r, 22, "Complete")
	want(t, r, 23, "DPIA-2024-03")
	want(t, r, 26, "DPA 2018 Schedule 1 Part 2 paragraph 16 support for individuals with a particular disability or medical condition")
	want(t, r, 28, "Appropriate policy document: https://www.example-homes.org.uk/appropriate-policy", "Tenancy records: Limitation Act 1980")

	r = row(t, m, "rental-exchange")
	want(t, r, 6, "Experian Limited (controller)")
	want(t, r, 12, "Article 6(1)(f) legitimate interests")
	want(t, r, 14, "Helping tenants build a credit history and spotting tenants at risk of arrears early.")
	want(t, r, 15, "LIA-2024-01")
	want(t, r, 16, RightAccess, RightRectification, RightErasure, RightRestriction, RightObject)

	r = row(t, m, "surveys")
	want(t, r, 6, "SurveyCo Inc. (processor, United States)")
	want(t, r, 7, "SurveyCo Inc.: Processing agreement SC-2024-01")
	want(t, r, 8, "United States (SurveyCo Inc.): International Data Transfer Agreement (IDTA)")
	want(t, r, 9)
	want(t, r, 16, RightAccess, RightRectification, RightErasure, RightRestriction, RightPortability, RightWithdraw)
	want(t, r, 19, "Survey platform consent log")
}

func TestControllerColumnsEdge(t *testing.T) {
	m := load(t, edgeModel)
	r := row(t, m, "a1")
	want(t, r, 3, "Partner Ltd: p@partner.org", "Arrangement: We share the register.")
	want(t, r, 6, "Partner Ltd (joint controller)", "Far Away Co (processor, Narnia)")
	want(t, r, 7) // no contract recorded: empty (the linter reports it)
	want(t, r, 8, "Narnia (Far Away Co): Article 49 derogation")
	want(t, r, 9, "Narnia (Far Away Co): Article 49(1) derogation: Article 49(1)(b) contract with the person")
	want(t, r, 12, "Article 6(1)(e) public task: Housing Act 1996", "Article 6(1)(c) legal obligation: =1+1")
	want(t, r, 16, RightAccess, RightRectification, RightRestriction, RightObject, RightAutomated)
	want(t, r, 17, "Solely automated decision-making: Yes, with legal or similarly significant effects",
		"Article 22(2) exception: explicit consent")
	want(t, r, 24, "Yes")
	want(t, r, 25, "BR-1")
	want(t, r, 26, "DPA 2018 Schedule 1 Part 2 paragraph 6 statutory and government purposes (criminal offence data)")
	want(t, r, 29, "No")
	want(t, r, 30, "Migration pending")

	r = row(t, m, "a2")
	want(t, r, 12)
	// No lawful basis: the gap never narrows the rights.
	want(t, r, 16, RightAccess, RightRectification, RightErasure, RightRestriction, RightPortability, RightObject, RightWithdraw)
	want(t, r, 17)
	want(t, r, 21)

	c := Contacts(m)
	if got := c.Rows[0].Cells[3]; !reflect.DeepEqual([]string(got), []string{"EU: EU Rep BV"}) {
		t.Errorf("representative name = %q", got)
	}
	if got := c.Rows[2].Cells[3]; !reflect.DeepEqual([]string(got), []string{"rep@eu.example"}) {
		t.Errorf("representative email = %q", got)
	}
}

func TestRights(t *testing.T) {
	base := []string{RightAccess, RightRectification, RightRestriction}
	for _, tc := range []struct {
		bases []string
		add   []string
	}{
		{nil, []string{RightErasure, RightPortability, RightObject, RightWithdraw}}, // a gap never narrows the rights
		{[]string{ropa.BasisConsent}, []string{RightErasure, RightPortability, RightWithdraw}},
		{[]string{ropa.BasisContract}, []string{RightErasure, RightPortability}},
		{[]string{ropa.BasisLegalObligation}, nil},
		{[]string{ropa.BasisVitalInterests}, []string{RightErasure}},
		{[]string{ropa.BasisPublicTask}, []string{RightObject}},
		{[]string{ropa.BasisLegitimateInterests}, []string{RightErasure, RightObject}},
		{[]string{ropa.BasisRecognisedLegitimate}, []string{RightErasure, RightObject}}, // Art 21(1) as amended by the DUAA 2025
		{[]string{ropa.BasisLegalObligation, ropa.BasisContract}, []string{RightErasure, RightPortability}},
	} {
		a := &ropa.Activity{}
		for _, b := range tc.bases {
			a.LawfulBases = append(a.LawfulBases, ropa.LawfulBasis{Basis: b})
		}
		has := map[string]bool{}
		for _, r := range append(append([]string(nil), base...), tc.add...) {
			has[r] = true
		}
		var wantRights []string
		for _, r := range []string{RightAccess, RightRectification, RightErasure, RightRestriction, RightPortability, RightObject, RightWithdraw} {
			if has[r] {
				wantRights = append(wantRights, r)
			}
		}
		if got := Rights(a); !reflect.DeepEqual(got, wantRights) {
			t.Errorf("Rights(%s) = %q, want %q", strings.Join(tc.bases, "+"), got, wantRights)
		}
	}
	a := &ropa.Activity{SpecialConditions: []ropa.SpecialCondition{{Article9: "a"}}}
	if got := Rights(a); got[len(got)-1] != RightWithdraw {
		t.Errorf("explicit consent (Article 9(2)(a)) gives %q, want the right to withdraw consent", got)
	}
}

// TestNeverPanics renders models a loader would never produce: empty, and
// with nil references and a short order list.
func TestNeverPanics(t *testing.T) {
	odd := &ropa.Model{
		Order: map[string][]string{"activities": {"x", "missing"}, "processorRecords": {"p"}, "controller.jointControllers": {"j"}},
		Activities: map[string]*ropa.Activity{"x": {
			Keyed: ropa.Keyed{Key: "x"}, Subjects: []*ropa.Subject{nil}, Categories: []*ropa.Category{nil},
			Recipients: []*ropa.Recipient{nil}, Transfers: []*ropa.Transfer{nil, {Mechanism: "derogation"}},
			Retention: []*ropa.Retention{nil}, Sources: []*ropa.Source{nil}, Systems: []*ropa.System{nil},
			Schemes:           []*ropa.Scheme{nil, {}},
			SpecialConditions: []ropa.SpecialCondition{{Categories: []*ropa.Category{nil}}},
			LawfulBases:       []ropa.LawfulBasis{{Basis: ropa.BasisConsent}},
			Automation:        &ropa.Automation{Profiling: true},
		}},
		ProcessorRecords: map[string]*ropa.ProcessorRecord{"p": {Transfers: []*ropa.Transfer{nil}}},
		Controller: ropa.Controller{DPO: &ropa.DPO{}, Representatives: &ropa.Representatives{UK: &ropa.Party{}},
			JointControllers: map[string]*ropa.JointController{"j": nil}},
	}
	for _, m := range []*ropa.Model{{}, odd} {
		arts, err := Producer.Artifacts(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			if err := a.Write(&discard{}); err != nil {
				t.Errorf("%s: %v", a.Path, err)
			}
		}
	}
}

type discard struct{}

func (*discard) Write(p []byte) (int, error) { return len(p), nil }
