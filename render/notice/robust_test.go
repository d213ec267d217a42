package notice

import (
	"github.com/ropa-dev/ropa/render"
	"io"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// TestPlanNeverPanics plans hand-built models with missing and nil
// references, empty values and unknown enumerations: each must plan (or
// fail with an error), never panic.
func TestPlanNeverPanics(t *testing.T) {
	n := &ropa.Notice{Keyed: ropa.Keyed{Key: "n"}, Title: "T", LastUpdated: "not a date", Sections: []ropa.FreeSection{{}, {Blocks: []ropa.FreeBlock{{}, {Items: []string{""}}}}}, Phrases: map[string]string{}}
	cat := &ropa.Category{Keyed: ropa.Keyed{Key: "c"}, Special: "unknown-kind", Criminal: true, RetentionRules: []*ropa.Retention{nil, {Action: "shred"}}}
	act := &ropa.Activity{
		Keyed:              ropa.Keyed{Key: "a"},
		Notices:            []*ropa.Notice{n, nil},
		Categories:         []*ropa.Category{nil, cat},
		Sources:            []*ropa.Source{nil, {PubliclyAccessible: true}},
		Recipients:         []*ropa.Recipient{nil, {Role: "alien", Country: "Mars"}},
		Transfers:          []*ropa.Transfer{nil, {Mechanism: "telepathy"}, {Mechanism: "derogation"}},
		Retention:          []*ropa.Retention{nil, {}},
		Schemes:            []*ropa.Scheme{nil, {Mandatory: true}},
		LawfulBases:        []ropa.LawfulBasis{{}, {Basis: "whim", Consent: &ropa.Consent{}}},
		SpecialConditions:  []ropa.SpecialCondition{{Article9: "z", Schedule1: 99, Categories: []*ropa.Category{nil}}},
		CriminalConditions: []ropa.CriminalCondition{{Basis: "schedule1", Schedule1: -1}, {}},
		Requirement:        &ropa.Requirement{Kind: "sometimes"},
		Automation:         &ropa.Automation{Decisions: true, Significant: true, Exception: "whim"},
	}
	models := []*ropa.Model{
		{},
		{Notices: map[string]*ropa.Notice{"n": n}, Order: map[string][]string{"notices": {"n"}}},
		{
			Controller: ropa.Controller{
				DPO:              &ropa.DPO{},
				Representatives:  &ropa.Representatives{UK: &ropa.Party{}},
				Group:            []ropa.Party{{Covered: true}},
				Contacts:         []ropa.Contact{{}},
				JointControllers: map[string]*ropa.JointController{"j": nil},
			},
			Notices:       map[string]*ropa.Notice{"n": n},
			Activities:    map[string]*ropa.Activity{"a": act},
			Categories:    map[string]*ropa.Category{"c": cat, "nil": nil},
			Cookies:       map[string]*ropa.Cookie{"k": nil, "l": {}},
			Security:      &ropa.Security{},
			Complaints:    &ropa.Complaints{},
			RightsContact: &ropa.Contact{},
			History:       []ropa.Version{{}},
			Order: map[string][]string{
				"notices": {"n"}, "activities": {"a", "missing"}, "categories": {"nil", "c"},
				"cookies": {"k", "l"}, "controller.jointControllers": {"j"},
			},
		},
		{Activities: map[string]*ropa.Activity{"x": nil}, Order: map[string][]string{"activities": {"x"}}},
	}
	for i, m := range models {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("model %d: Plan panicked: %v", i, r)
				}
			}()
			if _, err := Plan(m, n); err != nil {
				t.Logf("model %d: %v", i, err)
			}
			arts, err := Producer.Artifacts(m, render.Options{})
			if err != nil {
				t.Logf("model %d: artifacts: %v", i, err)
			}
			for _, a := range arts {
				if err := a.Write(io.Discard); err != nil {
					t.Errorf("model %d: %s: %v", i, a.Path, err)
				}
			}
		}()
	}
}
