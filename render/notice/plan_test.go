package notice

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/trace"
	"github.com/ropa-dev/ropa/ropa"
)

// loadMinimal loads examples/minimal.
func loadMinimal(t testing.TB) *ropa.Model {
	t.Helper()
	m, err := ropa.Load(filepath.Join("..", "..", "examples", "minimal"))
	if err != nil {
		t.Fatalf("load examples/minimal: %v", err)
	}
	return m
}

func planNotice(t testing.TB, m *ropa.Model, key string) *doc.Document {
	t.Helper()
	n := m.Notices[key]
	if n == nil {
		t.Fatalf("no notice %q", key)
	}
	d, err := Plan(m, n)
	if err != nil {
		t.Fatalf("Plan(%s): %v", key, err)
	}
	return d
}

func TestPlanGolden(t *testing.T) {
	m := loadMinimal(t)
	for _, n := range m.NoticeList() {
		d := planNotice(t, m, n.Key)
		golden.Check(t, "testdata/minimal-"+n.Key+".plan.txt", []byte(dump(d)))
	}
}

// TestPlanNoLeftoverPlaceholders checks that every placeholder of every
// phrase used was filled.
func TestPlanNoLeftoverPlaceholders(t *testing.T) {
	m := loadMinimal(t)
	re := regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9_.-]*\}`)
	for _, n := range m.NoticeList() {
		if s := re.FindString(dump(planNotice(t, m, n.Key))); s != "" {
			t.Errorf("notice %s: unfilled placeholder %s", n.Key, s)
		}
	}
}

func TestPlanSectionOrderAndIDs(t *testing.T) {
	m := loadMinimal(t)
	for _, c := range m.Cookies {
		c.Notices = []*ropa.Notice{m.Notices["tenants"]}
	}
	d := planNotice(t, m, "tenants")
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.ID)
	}
	want := []string{"notice-summary", "who-we-are", "subjects", "contact-us", "data-we-collect", "sources", "purposes", "legitimate-interests",
		"sharing", "schemes", "transfers", "retention", "security", "automated-decisions", "requirement", "cookies",
		"your-rights", "exercise-rights", "complaints", "related", "changes"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sections:\n got %v\nwant %v", got, want)
	}
	seen := map[string]bool{}
	idRE := regexp.MustCompile(`^[a-z0-9-]+$`)
	d.Walk(func(s *doc.Section, _ int) {
		if seen[s.ID] {
			t.Errorf("duplicate section ID %q", s.ID)
		}
		seen[s.ID] = true
		if !idRE.MatchString(s.ID) {
			t.Errorf("bad section ID %q", s.ID)
		}
	})
}

// TestPlanStatementsWhenNothingToSay checks that the website notice, with
// no transfers, recipients or automated decisions, says so only where the
// record declares it, and otherwise says nothing about them.
func TestPlanStatementsWhenNothingToSay(t *testing.T) {
	nones := []string{"transfers.none", "sharing.none", "automation.none"}
	m := loadMinimal(t)
	m.None = nil
	for _, n := range m.Notices {
		n.None = nil
	}
	for _, a := range m.Activities {
		a.None, a.Automation = nil, nil
	}
	text := dump(planNotice(t, m, "website"))
	for _, key := range nones {
		if strings.Contains(text, defaults[key]) {
			t.Errorf("website notice of a silent record says %s: %q", key, defaults[key])
		}
	}
	m.None = ropa.NoneKinds
	text = dump(planNotice(t, m, "website"))
	for _, key := range nones {
		if !strings.Contains(text, defaults[key]) {
			t.Errorf("website notice lacks the declared %s: %q", key, defaults[key])
		}
	}
	for _, id := range []string{"[schemes]", "[legitimate-interests]", "[special-conditions]", "[requirement]"} {
		if strings.Contains(text, id) {
			t.Errorf("website notice has section %s with nothing to say", id)
		}
	}
}

func TestPlanNilInputs(t *testing.T) {
	if _, err := Plan(nil, nil); err == nil {
		t.Error("Plan(nil, nil): no error")
	}
	if _, err := Plan(&ropa.Model{}, &ropa.Notice{Keyed: ropa.Keyed{Key: "x"}}); err != nil {
		t.Errorf("Plan of an empty model: %v", err)
	}
}

// TestTraceGolden keeps the provenance of the minimal example's tenants
// notice, statement by statement with its model fields and positions, as a
// golden file reviewed as a diff.
func TestTraceGolden(t *testing.T) {
	m := loadMinimal(t)
	var buf bytes.Buffer
	if err := trace.Write(&buf, planNotice(t, m, "tenants"), m.Positions); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/minimal-tenants.trace.json", buf.Bytes())
}
