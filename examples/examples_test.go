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

// exampleCase is what the source notice of one example states, and the
// example's own checks. Each example's case is in example_<dir>_test.go.
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

// exampleCases are the examples: the minimal one, then the seeds.
var exampleCases = []exampleCase{minimalExample, nhgExample, whgExample, connectExample, homegroupExample, nphExample, gpExample, schoolExample, councilExample}

// commonChecks compare a loaded example with the facts of its case that
// every case states, in order.
var commonChecks = []func(t *testing.T, m *ropa.Model, tc exampleCase){
	checkCounts, checkController, checkDPO, checkNotices, checkRecipients, checkSchemes, checkRetention,
}

func TestExamples(t *testing.T) {
	for _, tc := range exampleCases {
		t.Run(tc.dir, func(t *testing.T) {
			m, err := ropa.Load(tc.dir)
			if err != nil {
				t.Fatalf("Load(%s): %v", tc.dir, err)
			}
			for _, check := range commonChecks {
				check(t, m, tc)
			}
			if tc.extra != nil {
				tc.extra(t, m)
			}
		})
	}
}

func checkCounts(t *testing.T, m *ropa.Model, tc exampleCase) {
	eq(t, "activities", len(m.Activities), tc.activities)
	eq(t, "categories", len(m.Categories), tc.categories)
	eq(t, "recipients", len(m.Recipients), tc.recipients)
}

func checkController(t *testing.T, m *ropa.Model, tc exampleCase) {
	eq(t, "controller.name", m.Controller.Name, tc.name)
	eq(t, "controller.shortName", m.Controller.ShortName, tc.shortName)
	eq(t, "controller.icoRegistration", m.Controller.ICORegistration, tc.icoRegistration)
	if !slices.Equal(m.Controller.Registrations, tc.registrations) {
		t.Errorf("registrations: got %+v, want %+v", m.Controller.Registrations, tc.registrations)
	}
}

func checkDPO(t *testing.T, m *ropa.Model, tc exampleCase) {
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
}

func checkNotices(t *testing.T, m *ropa.Model, tc exampleCase) {
	eq(t, "notices", len(m.Notices), len(tc.notices))
	for k, date := range tc.notices {
		n := m.Notices[k]
		if n == nil {
			t.Errorf("notices.%s missing", k)
			continue
		}
		eq(t, "notices."+k+".lastUpdated", n.LastUpdated, date)
	}
}

func checkRecipients(t *testing.T, m *ropa.Model, tc exampleCase) {
	for _, w := range tc.recipientsWant {
		r := m.Recipients[w.key]
		if r == nil {
			t.Errorf("recipients.%s (%s) missing", w.key, w.name)
			continue
		}
		eq(t, "recipients."+w.key+".name", r.Name, w.name)
		eq(t, "recipients."+w.key+".role", r.Role, w.role)
	}
}

func checkSchemes(t *testing.T, m *ropa.Model, tc exampleCase) {
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
}

func checkRetention(t *testing.T, m *ropa.Model, tc exampleCase) {
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
