package register

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/internal/pagetest"
	"github.com/ropa-dev/ropa/ropa"
)

// facts loads testdata/facts, a record that states laws, sub-processors,
// retention maxima and ranges, owners and reviews.
func facts(t *testing.T) *ropa.Model {
	t.Helper()
	m, err := ropa.Load(filepath.Join("..", "..", "testdata", "facts"))
	if err != nil {
		t.Fatalf("load testdata/facts: %v", err)
	}
	return m
}

func TestFactsGolden(t *testing.T) {
	m := facts(t)
	golden.Check(t, "testdata/facts-register.csv", renderArtifact(t, m, "register.csv"))
	golden.Check(t, "testdata/facts-register.md", renderArtifact(t, m, "register.md"))
	golden.Check(t, "testdata/facts-register.html", pagetest.WithoutStyleSheet(t, renderArtifact(t, m, "register.html")))
}

// TestFactsCells checks the register's words for the facts: the laws in
// the basis column, sub-processors after the recipients, periods as a
// maximum, a range and a usual one, and the owner and review date in the
// columns after the template's 30, which stay first and unchanged.
func TestFactsCells(t *testing.T) {
	m := facts(t)
	recs := parseCSV(t, renderArtifact(t, m, "register.csv"))
	want := append(append([]string{}, ControllerHeadings...), "Information asset owner", "Date last reviewed")
	if !reflect.DeepEqual(recs[0], want) {
		t.Fatalf("header = %q\nwant the ICO's 30, then the accountability columns", recs[0])
	}
	row := map[string]string{}
	for i, h := range recs[0] {
		row[h] = recs[1][i]
	}
	for h, want := range map[string]string{
		"Article 6 lawful basis for processing personal data": "Article 6(1)(e) public task: Housing Act 1996, Part 7; Homelessness Reduction Act 2017",
		"Categories of recipients": "CaseSoft Ltd (processor)\nEastwick Police (public authority)\n" +
			"Cloud Hosting Ltd (sub-processor of CaseSoft Ltd)\nHelpdesk Services (sub-processor of Cloud Hosting Ltd, India)",
		"Retention schedule (if possible)": "Housing advice case files: usually 6 years after your case closes\n" +
			"Call recordings: up to 90 days, then delete\nSupport plans: 2 years to 6 years after support ends",
		"Information asset owner": "Head of Housing Options",
		"Date last reviewed":      "2026-02-01",
	} {
		if row[h] != want {
			t.Errorf("%s = %q\nwant %q", h, row[h], want)
		}
	}
	f, b := openXLSX(t, m)
	checkSheet(t, f, b, "xl/worksheets/sheet1.xml", ControllerSheet, Contacts(m), Controller(m))

	// A record that keeps no owners or reviews has the template's 30 columns only.
	if got := parseCSV(t, renderArtifact(t, minimal(t), "register.csv"))[0]; len(got) != 30 {
		t.Errorf("minimal register has %d columns, want the template's 30", len(got))
	}
	plan := string(renderArtifact(t, m, "register.md"))
	for _, want := range []string{"### Accountability (columns 31 to 32, not in the ICO template)", "Each activity is reviewed every 12 months."} {
		if !strings.Contains(plan, want) {
			t.Errorf("register.md lacks %q", want)
		}
	}
}
