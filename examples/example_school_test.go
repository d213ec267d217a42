package examples_test

import (
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// schoolExample models Shinfield's pupil privacy notice for parents, as far
// as the stored copy goes (it stops inside the DfE census statute).
var schoolExample = exampleCase{
	dir:        "school",
	activities: 7, categories: 10, recipients: 1,
	name:    "Shinfield Schools",
	dpo:     nil,                              // the copy names none
	notices: map[string]string{"parents": ""}, // undated in the copy
	recipientsWant: []recipientWant{
		{"dfe", "Department for Education", "public-authority"},
	},
	schemes: []schemeWant{{"census", "DfE census", "dfe"}},
	extra:   checkSchool,
}

// checkSchool checks the facts of the school notice that only it states.
func checkSchool(t *testing.T, m *ropa.Model) {
	eq(t, "pupils are children", m.Subjects["pupils"].Children, true)
	eq(t, "ethnicity", m.Categories["ethnicity"].Special, "racial-or-ethnic-origin")
	eq(t, "ethnicity heading", m.Categories["ethnicity"].Heading, "Characteristics")
	eq(t, "medical", m.Categories["medical"].Special, "health")
	// The bases as the notice maps them.
	for key, basis := range map[string]string{"learning": "public-task", "progress": "public-task", "pastoral": "public-task",
		"quality": "public-task", "safety": "vital-interests", "census": "legal-obligation"} {
		a := activity(t, m, key)
		if len(a.LawfulBases) != 1 || a.LawfulBases[0].Basis != basis {
			t.Errorf("%s: want %s, got %+v", key, basis, a.LawfulBases)
		}
	}
	// The bullet no letter reaches has no basis.
	eq(t, "data-sharing-law bases", len(activity(t, m, "data-sharing-law").LawfulBases), 0)
	census := activity(t, m, "census")
	eq(t, "census laws", len(census.LawfulBases[0].LawIDs), 1)
	eq(t, "census law", m.Laws["education-act-1996"].Section, "section 537A")
	eq(t, "pupil policy", m.Notices["parents"].Related[0].Title, "Pupil Privacy Policy")
}
