package ropa

import "testing"

func TestRightsOf(t *testing.T) {
	act := func(bases ...string) *Activity {
		a := &Activity{}
		for _, b := range bases {
			a.LawfulBases = append(a.LawfulBases, LawfulBasis{Basis: b})
		}
		return a
	}
	tests := []struct {
		name string
		a    *Activity
		want Rights
	}{
		{"consent", act(BasisConsent), Rights{Erasure: true, Portability: true, WithdrawConsent: true}},
		{"contract", act(BasisContract), Rights{Erasure: true, Portability: true}},
		{"legal obligation", act(BasisLegalObligation), Rights{}},
		{"vital interests", act(BasisVitalInterests), Rights{Erasure: true}},
		{"public task", act(BasisPublicTask), Rights{Object: true}},
		{"legitimate interests", act(BasisLegitimateInterests), Rights{Erasure: true, Object: true}},
		{"recognised legitimate interest", act(BasisRecognisedLegitimate), Rights{Erasure: true, Object: true}},
		{"contract and legal obligation", act(BasisContract, BasisLegalObligation), Rights{Erasure: true, ErasureLimited: true, Portability: true}},
		{"explicit consent", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, SpecialConditions: []SpecialCondition{{Article9: "a"}}}, Rights{WithdrawConsent: true, Portability: true}},
		// Art 21(6): research recorded by a flag, Art 9(2)(j) or Sch 1 para 4.
		{"research flag", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, Research: true}, Rights{ObjectResearch: true}},
		{"research condition", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, SpecialConditions: []SpecialCondition{{Article9: "j", Schedule1: 4}}}, Rights{ObjectResearch: true}},
		{"research paragraph", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, SpecialConditions: []SpecialCondition{{Article9: "g", Schedule1: 4}}}, Rights{ObjectResearch: true}},
		{"criminal data on consent", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, CriminalConditions: []CriminalCondition{{Basis: "schedule1", Schedule1: 29}}}, Rights{WithdrawConsent: true}},
		{"significant automated decision", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, Automation: &Automation{Decisions: true, Significant: true}}, Rights{Automated: true}},
		{"automated decision without significant effects", &Activity{LawfulBases: []LawfulBasis{{Basis: BasisLegalObligation}}, Automation: &Automation{Decisions: true}}, Rights{}},
		{"nil", nil, Rights{}},
		// No basis is a gap in the record, and a gap never narrows the rights.
		{"no lawful basis", &Activity{}, Rights{Erasure: true, Portability: true, Object: true, WithdrawConsent: true}},
	}
	for _, tt := range tests {
		if got := tt.a.RightsOf(); got != tt.want {
			t.Errorf("%s: RightsOf = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	union := RightsOfAll([]*Activity{act(BasisLegalObligation), act(BasisConsent), nil})
	want := Rights{Erasure: true, ErasureLimited: true, Portability: true, WithdrawConsent: true}
	if union != want {
		t.Errorf("RightsOfAll = %+v, want %+v", union, want)
	}
}
