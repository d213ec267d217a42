package register

import (
	"github.com/ropa-dev/ropa/render"
	"reflect"
	"slices"
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

// colNumber returns the 1-based number of the controller column with heading,
// stopping the test when there is none.
func colNumber(t *testing.T, heading string) int {
	t.Helper()
	i := slices.Index(ControllerHeadings, heading)
	if i < 0 {
		t.Fatalf("no controller column %q", heading)
	}
	return i + 1
}

// cell returns the cell of r under the controller column with heading,
// stopping the test when no column has it.
func cell(t *testing.T, r Row, heading string) Cell {
	t.Helper()
	return r.Cells[colNumber(t, heading)-1]
}

// want checks that the column with heading of r holds exactly lines.
func want(t *testing.T, r Row, heading string, lines ...string) {
	t.Helper()
	got := []string(cell(t, r, heading))
	if len(lines) == 0 && len(got) == 0 {
		return
	}
	if !reflect.DeepEqual(got, lines) {
		t.Errorf("%s column %q = %q, want %q", r.Key, heading, got, lines)
	}
}

// TestColumns checks the column tables: every column says which provision
// asks for it, no heading repeats within a table, and the controller
// columns are the ICO template's 30 with its Art 30(1) columns where the
// template has them.
func TestColumns(t *testing.T) {
	if len(controllerColumns) != 30 {
		t.Errorf("%d controller columns, want the template's 30", len(controllerColumns))
	}
	for name, refs := range map[string][]string{
		"controller": refsOf(controllerColumns),
		"processor":  refsOf(processorColumns),
	} {
		for i, ref := range refs {
			if ref == "" {
				t.Errorf("%s column %d has no ref", name, i+1)
			}
		}
	}
	for name, hs := range map[string][]string{"controller": ControllerHeadings, "processor": ProcessorHeadings, "contact": ContactHeadings} {
		seen := map[string]bool{}
		for _, h := range hs {
			if seen[h] {
				t.Errorf("%s heading %q repeats", name, h)
			}
			seen[h] = true
		}
	}
	// Article 30(1)(b) to (g), in the template's columns 2 to 11.
	for n, ref := range map[int]string{2: "(b)", 4: "(c)", 5: "(c)", 6: "(d)", 8: "(e)", 9: "(e)", 10: "(f)", 11: "(g)"} {
		if got := controllerColumns[n-1].ref; got != "UK GDPR Art 30(1)"+ref {
			t.Errorf("column %d (%s) ref %q, want Art 30(1)%s", n, controllerColumns[n-1].heading, got, ref)
		}
	}
	if colPurpose != 2 || colSecurity != 11 {
		t.Errorf("purpose is column %d, security column %d; the template has them at 2 and 11", colPurpose, colSecurity)
	}
}

func refsOf[T any](cols []column[T]) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.ref)
	}
	return out
}

func TestControllerColumnsMinimal(t *testing.T) {
	m := minimal(t)
	security := m.Security.Measures

	r := row(t, m, "tenancy")
	want(t, r, "Business function", "Housing management")
	want(t, r, "Purpose of processing", "Managing your tenancy", "To let and manage your home, collect rent and carry out repairs.")
	want(t, r, "Categories of individuals", "Tenants and their household members")
	want(t, r, "Categories of personal data", "Identity data", "Contact data", "Financial data")
	want(t, r, "Categories of recipients", "Repairs contractors (processor)", "Exampleton Borough Council (public authority)")
	want(t, r, "Link to contract with processor", "Repairs contractors: Data processing agreement in each repairs contract")
	want(t, r, "Retention schedule (if possible)", "Tenancy records: 6 years after the tenancy ends, then delete")
	want(t, r, "General description of technical and organisational security measures (if possible)", security...)
	want(t, r, "Article 6 lawful basis for processing personal data", "Article 6(1)(b) contract")
	want(t, r, "Existence of automated decision-making, including profiling (if applicable)", "No")
	want(t, r, "The source of the personal data (if applicable)", "You (from the individual)", "Your local council (from a third party)")
	want(t, r, "Location of personal data", "Housing management system: UK data centre")
	want(t, r, "Data Protection Impact Assessment required?", "No")
	want(t, r, "Has a personal data breach occurred?") // no breach recorded: empty, never "No"
	want(t, r, "GDPR Article 6 lawful basis for processing", "Article 6(1)(b) contract")
	want(t, r, "Link to retention and erasure policy document", "Tenancy records: Limitation Act 1980")

	r = row(t, m, "support")
	want(t, r, "Categories of personal data", "Identity data", "Health and disability (special category: health)")
	want(t, r, "Article 9 condition for processing special category data", "Article 9(2)(g) substantial public interest")
	want(t, r, "Data Protection Impact Assessment required?", "Yes")
	want(t, r, "Data Protection Impact Assessment progress", "Complete")
	want(t, r, "Link to Data Protection Impact Assessment", "DPIA-2024-03")
	want(t, r, "Data Protection Act 2018 Schedule 1 Condition for processing", "DPA 2018 Schedule 1 Part 2 paragraph 6 statutory and government purposes")
	want(t, r, "Link to retention and erasure policy document", "Appropriate policy document: https://www.example-homes.org.uk/appropriate-policy", "Tenancy records: Limitation Act 1980")

	r = row(t, m, "rental-exchange")
	want(t, r, "Categories of recipients", "Experian Limited (controller)")
	want(t, r, "Article 6 lawful basis for processing personal data", "Article 6(1)(f) legitimate interests")
	want(t, r, "Legitimate interests for the processing (if applicable)", "Helping tenants build a credit history and spotting tenants at risk of arrears early.")
	want(t, r, "Link to record of legitimate interests assessment (if applicable)", "LIA-2024-01")
	want(t, r, "Rights available to individuals", RightAccess, RightRectification, RightErasure, RightRestriction, RightObject)

	r = row(t, m, "surveys")
	want(t, r, "Categories of recipients", "SurveyCo Inc. (processor, United States)")
	want(t, r, "Link to contract with processor", "SurveyCo Inc.: Processing agreement SC-2024-01")
	want(t, r, "Names of third countries or international organisations that personal data are transferred to (if applicable)", "United States (SurveyCo Inc.): International Data Transfer Agreement (IDTA)")
	want(t, r, "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)")
	want(t, r, "Rights available to individuals", RightAccess, RightRectification, RightErasure, RightRestriction, RightPortability, RightWithdraw)
	want(t, r, "Link to record of consent", "Survey platform consent log")
}

func TestControllerColumnsEdge(t *testing.T) {
	m := load(t, edgeModel)
	r := row(t, m, "a1")
	want(t, r, "Name and contact details of joint controller (if applicable)", "Partner Ltd: p@partner.org", "Arrangement: We share the register.")
	want(t, r, "Categories of recipients", "Partner Ltd (joint controller)", "Far Away Co (processor, Narnia)")
	want(t, r, "Link to contract with processor") // no contract recorded: empty (the linter reports it)
	want(t, r, "Names of third countries or international organisations that personal data are transferred to (if applicable)", "Narnia (Far Away Co): Article 49 derogation")
	want(t, r, "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", "Narnia (Far Away Co): Article 49(1) derogation: Article 49(1)(b) contract with the person")
	want(t, r, "Article 6 lawful basis for processing personal data", "Article 6(1)(e) public task: Housing Act 1996", "Article 6(1)(c) legal obligation: =1+1")
	want(t, r, "Rights available to individuals", RightAccess, RightRectification, RightRestriction, RightObject, RightAutomated)
	want(t, r, "Existence of automated decision-making, including profiling (if applicable)", "Solely automated decision-making: Yes, with legal or similarly significant effects",
		"Article 22(2) exception: explicit consent")
	want(t, r, "Has a personal data breach occurred?", "Yes")
	want(t, r, "Link to record of personal data breach", "BR-1")
	want(t, r, "Data Protection Act 2018 Schedule 1 Condition for processing", "DPA 2018 Schedule 1 Part 2 paragraph 6 statutory and government purposes (criminal offence data)")
	want(t, r, "Is personal data retained and erased in accordance with the policy document?", "No")
	want(t, r, "Reasons for not adhering to policy document (if applicable)", "Migration pending")

	r = row(t, m, "a2")
	want(t, r, "Article 6 lawful basis for processing personal data")
	// No lawful basis: the gap never narrows the rights.
	want(t, r, "Rights available to individuals", RightAccess, RightRectification, RightErasure, RightRestriction, RightPortability, RightObject, RightWithdraw)
	want(t, r, "Existence of automated decision-making, including profiling (if applicable)")
	want(t, r, "Data Protection Impact Assessment required?")

	c := Contacts(m)
	if got := contactCell(t, c, "Name", "Representative"); !reflect.DeepEqual([]string(got), []string{"EU: EU Rep BV"}) {
		t.Errorf("representative name = %q", got)
	}
	if got := contactCell(t, c, "Email", "Representative"); !reflect.DeepEqual([]string(got), []string{"rep@eu.example"}) {
		t.Errorf("representative email = %q", got)
	}
}

// contactCell returns the cell of the contact block c in the row labelled
// field and the column with heading.
func contactCell(t *testing.T, c *Table, field, heading string) Cell {
	t.Helper()
	col := slices.Index(c.Header, heading)
	if col < 0 {
		t.Fatalf("no contact column %q in %q", heading, c.Header)
	}
	for _, r := range c.Rows {
		if r.Name == field {
			return r.Cells[col]
		}
	}
	t.Fatalf("no contact row %q", field)
	return nil
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
		arts, err := Producer.Artifacts(m, render.Options{})
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

// TestJointControllersPerActivity checks column 3 from an activity's
// jointControllers: the joint controllers it names, each once even when a
// recipient of role joint-controller names it too, and none it does not.
func TestJointControllersPerActivity(t *testing.T) {
	src := strings.Replace(edgeModel, `jointControllers: partner:`,
		`jointControllers: other: {name: "Other Council", arrangement: "We run the scheme together."}
	jointControllers: partner:`, 1)
	src += "\nactivities: a1: jointControllers: [\"other\", \"partner\"]\n"
	m := load(t, src)
	want(t, row(t, m, "a1"), "Name and contact details of joint controller (if applicable)",
		"Other Council", "Arrangement: We run the scheme together.",
		"Partner Ltd: p@partner.org", "Arrangement: We share the register.")
}

// TestRegistrationWithoutNumber checks that a registration stated without
// a number shows the register alone, never an empty number.
func TestRegistrationWithoutNumber(t *testing.T) {
	m := load(t, strings.Replace(edgeModel, `contacts: [{email: "a@b.org"}]`,
		`contacts: [{email: "a@b.org"}]
	registrations: [{register: "Regulator of Social Housing"}]`, 1))
	text := string(renderArtifact(t, m, "register.md"))
	if !strings.Contains(text, "**Registered:** Regulator of Social Housing") {
		t.Errorf("register.md lacks the registration without a number:\n%s", text[:min(len(text), 2000)])
	}
}
