package notice

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// TestAudiences checks that an activity, with what only it brings
// (its recipients, transfers, schemes, categories), appears only in the
// notices its audiences name.
func TestAudiences(t *testing.T) {
	m := loadMinimal(t)
	tenants := dump(planNotice(t, m, "tenants"))
	website := dump(planNotice(t, m, "website"))
	for _, a := range m.ActivityList() {
		for _, n := range m.NoticeList() {
			text := map[string]string{"tenants": tenants, "website": website}[n.Key]
			in := false
			for _, k := range a.Audiences {
				in = in || k == n.Key
			}
			if got := strings.Contains(text, "**"+a.Name+"**"); got != in {
				t.Errorf("activity %s in notice %s: %v, want %v", a.Key, n.Key, got, in)
			}
		}
	}
	for _, only := range []string{"SurveyCo Inc.", "Rental Exchange", "Health and disability", "Experian Limited", "Your local council"} {
		if strings.Contains(website, only) {
			t.Errorf("website notice mentions %q, which only tenants' activities use", only)
		}
	}
	if strings.Contains(tenants, "Technical data") || strings.Contains(tenants, "Website analytics") {
		t.Error("tenants notice mentions the website's data")
	}
	// Moving analytics to both audiences brings it into the tenants notice.
	m.Activities["analytics"].Notices = append(m.Activities["analytics"].Notices, m.Notices["tenants"])
	if !strings.Contains(dump(planNotice(t, m, "tenants")), "**Website analytics**") {
		t.Error("activity added to tenants' audience is missing from the tenants notice")
	}
}

// TestFreeSections checks placement: after a named section, else before
// "Your rights"; and that an unknown `after` is an error naming it.
func TestFreeSections(t *testing.T) {
	m := loadMinimal(t)
	n := m.Notices["tenants"]
	n.Sections = []ropa.FreeSection{
		{Title: "Housing benefit", Paragraphs: []string{"We work with the council on housing benefit."}, After: "sharing"},
		{Title: "CCTV", Paragraphs: []string{"We use CCTV in communal areas."}, Items: []string{"Entrances", "Car parks"}},
		{Title: "Who we are", Paragraphs: []string{"A clashing title."}, After: "changes"},
	}
	d := planNotice(t, m, "tenants")
	var ids []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	got := strings.Join(ids, " ")
	for _, want := range []string{"sharing housing-benefit schemes", "cctv your-rights", "changes who-we-are-2"} {
		if !strings.Contains(got, want) {
			t.Errorf("sections %s: want %q in order", got, want)
		}
	}
	n.Sections = []ropa.FreeSection{{Title: "X", After: "sharnig"}}
	_, err := Plan(m, n)
	if err == nil || !strings.Contains(err.Error(), `"sharnig"`) {
		t.Errorf("unknown after: error %v", err)
	}
	// An `after` naming a section this notice omits still places it.
	m.None = []string{ropa.NoneRecipients, ropa.NoneTransfers}
	w := m.Notices["website"]
	w.Sections = []ropa.FreeSection{{Title: "Y", After: "schemes"}}
	d, err = Plan(m, w)
	if err != nil {
		t.Fatal(err)
	}
	ids = nil
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); !strings.Contains(got, "sharing y transfers") {
		t.Errorf("website sections %s: want y after sharing (schemes omitted)", got)
	}
}
