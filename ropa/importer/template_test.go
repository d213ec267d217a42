package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ropa-dev/ropa/ropa"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// templateWorkbook is a register shaped like the ICO's real template: a
// merged title, a contact block, banded group rows above the header,
// headings reordered, renamed and missing, an extra column, a business
// function merged down two rows, a blank row and a note below the table.
func templateWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	s := "Template"
	must(t, f.SetSheetName("Sheet1", s))
	set := func(cell string, v any) { must(t, f.SetCellValue(s, cell, v)) }
	set("A1", "Documentation of processing activities")
	must(t, f.MergeCell(s, "A1", "H1"))
	set("B3", "Controller")
	set("C3", "Data Protection Officer")
	set("D3", "Representative")
	set("A4", "Name")
	set("B4", "Acme Housing Ltd")
	set("C4", "Sam Smith")
	set("A5", "Address")
	set("B5", "1 Road\nTown\nAB1 2CD")
	set("A6", "Email")
	set("B6", "info@acme.example")
	set("C6", "dpo@acme.example")
	set("A7", "Telephone")
	set("B7", "0100 000 000")
	// Banded group rows.
	set("A9", "Article 30 record")
	must(t, f.MergeCell(s, "A9", "F9"))
	set("G9", "Lawful basis")
	must(t, f.MergeCell(s, "G9", "I9"))
	headings := []string{
		"Business function", "Purpose of processing", "Data subjects", "Categories of personal data",
		"Recipients", "Retention schedule", "Lawful basis (Article 6)", "Article 9 condition for processing special category data",
		"Existence of automated decision-making, including profiling", "Owner",
	}
	for i, h := range headings {
		c, _ := excelize.CoordinatesToCellName(i+1, 10)
		set(c, h)
	}
	rows := [][]string{
		{"Housing", "Tenancy management\nTo let and manage homes.", "Tenants\nHousehold members", "Identity\nHealth (special category: health)",
			"Repairs Co (processor)\nCouncils", "Tenancy records: 6 years after the tenancy ends", "Art 6(1)(b) contract", "9(2)(g) + Sch 1 para 18", "No", "Jo"},
		{"", "Rent collection", "Tenants", "Identity\nFinancial", "", "", "Legitimate interests", "", "", ""},
		{},
		{"Estates", "Anti-social behaviour", "Tenants\nNeighbours", "Identity", "Police (public authority)",
			"", "Article 6(1)(e) public task: Housing Act 1996", "", "", ""},
	}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(c+1, 11+r)
				set(cell, v)
			}
		}
	}
	must(t, f.MergeCell(s, "A11", "A12"))
	set("A16", "Notes: this register is reviewed every year.")
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

func TestTemplateShapedWorkbook(t *testing.T) {
	res, err := Import("acme.xlsx", templateWorkbook(t), Options{})
	must(t, err)
	if res.HeaderRow != 10 || res.Sheet != "Template" || res.Activities != 3 {
		t.Fatalf("header row %d of %q, %d activities; want row 10 of Template, 3 activities", res.HeaderRow, res.Sheet, res.Activities)
	}
	m := loadFiles(t, res)
	text := allText(res)
	if m.Controller.Name != "Acme Housing Ltd" || m.Controller.DPO == nil || m.Controller.DPO.Email != "dpo@acme.example" {
		t.Errorf("contact block not read: %+v", m.Controller)
	}
	if a := m.Controller.Address; a == nil || a.Postcode != "AB1 2CD" || len(a.Lines) != 2 {
		t.Errorf("address %+v", a)
	}
	acts := m.ActivityList()
	tm, rent, asb := acts[0], acts[1], acts[2]
	if tm.Key != "tenancy-management" || tm.Purpose != "To let and manage homes." {
		t.Errorf("first activity %q: %q", tm.Key, tm.Purpose)
	}
	// The merged business function applies to both rows it spans.
	if tm.BusinessFunction != "Housing" || rent.BusinessFunction != "Housing" || asb.BusinessFunction != "Estates" {
		t.Errorf("business functions %q %q %q", tm.BusinessFunction, rent.BusinessFunction, asb.BusinessFunction)
	}
	// Entities named on several rows are defined once.
	if len(m.Subjects) != 3 || len(m.Categories) != 3 {
		t.Errorf("%d subjects, %d categories; want 3 and 3", len(m.Subjects), len(m.Categories))
	}
	if m.Categories["health"].Special != "health" {
		t.Errorf("health category %+v", m.Categories["health"])
	}
	if b := tm.LawfulBases; len(b) != 1 || b[0].Basis != ropa.BasisContract {
		t.Errorf("tenancy bases %+v", b)
	}
	if b := rent.LawfulBases; len(b) != 1 || b[0].Basis != ropa.BasisLegitimateInterests {
		t.Errorf("rent bases %+v", b)
	}
	if b := asb.LawfulBases; len(b) != 1 || b[0].Basis != ropa.BasisPublicTask || b[0].Law != "Housing Act 1996" {
		t.Errorf("asb bases %+v", b)
	}
	if sc := tm.SpecialConditions; len(sc) != 1 || sc[0].Article9 != "g" || sc[0].Schedule1 != 18 {
		t.Errorf("special conditions %+v", sc)
	}
	if r := m.Retention["tenancy-records"]; r == nil || r.Period != "6 years" || r.Trigger != "after the tenancy ends" {
		t.Errorf("retention %+v", r)
	}
	// "No" automation is stated; a blank cell states nothing.
	if au := tm.Automation; au == nil || au.Decisions || au.Profiling {
		t.Errorf("automation %+v", au)
	}
	if rent.Automation != nil || len(rent.None) > 0 || len(tm.None) > 0 {
		t.Errorf("invented automation or none: %+v %v %v", rent.Automation, rent.None, tm.None)
	}
	if r := m.Recipients["repairs-co"]; r == nil || r.Role != "processor" || r.Country != "" {
		t.Errorf("recipient %+v", r)
	}
	for _, want := range []string{
		"// TODO(import): Template!E11: Councils", // a recipient without a role
		"Template!J11 \"Owner\": Jo",              // the extra column, kept
		"TODO(import): Template!A16: Notes: this register is reviewed every year.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, absent := range []string{"none:", "country:", "audiences: [\"", "transfers:"} {
		if strings.Contains(text, absent) {
			t.Errorf("output invents %q", absent)
		}
	}
}

func TestFreeFormBases(t *testing.T) {
	for _, c := range []struct {
		in, basis, law string
	}{
		{"Art 6(1)(b) contract", ropa.BasisContract, ""},
		{"Legitimate interests", ropa.BasisLegitimateInterests, ""},
		{"Article 6(1)(e) public task: Housing Act 1996", ropa.BasisPublicTask, "Housing Act 1996"},
		{"6.1.c legal obligation", ropa.BasisLegalObligation, ""},
		{"Article 6(1)(ea) recognised legitimate interest", ropa.BasisRecognisedLegitimate, ""},
		{"Consent", ropa.BasisConsent, ""},
		{"Public task", ropa.BasisPublicTask, ""},
	} {
		b, ok := parseBasis(c.in)
		if !ok || b.Basis != c.basis || b.Law != c.law {
			t.Errorf("parseBasis(%q) = %+v, %v; want %s %q", c.in, b, ok, c.basis, c.law)
		}
	}
	for _, bad := range []string{"Article 6(1)(b) legal obligation", "we just do it", "Explicit consent"} {
		if b, ok := parseBasis(bad); ok {
			t.Errorf("parseBasis(%q) = %+v, want not recognised", bad, b)
		}
	}
	for _, c := range []struct {
		in     string
		letter string
		para   int
	}{
		{"9(2)(g) + Sch 1 para 18", "g", 18},
		{"Article 9(2)(h) health or social care", "h", 0},
		{"Explicit consent", "a", 0},
		{"Art. 9(2)(b) employment; Schedule 1, Part 1, paragraph 1", "b", 1},
	} {
		x, ok := parseArticle9(c.in)
		if !ok || x.letter != c.letter || x.schedule1 != c.para {
			t.Errorf("parseArticle9(%q) = %+v, %v", c.in, x, ok)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Managing your tenancy":   "managing-your-tenancy",
		"CCTV & recordings":       "cctv-and-recordings",
		"2024 survey":             "x-2024-survey",
		"!!!":                     "item",
		"Tenants’ data (special)": "tenants-data-special",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadFiles(t *testing.T) {
	enc := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		must(t, f.SetCellValue("Sheet1", "A1", "Purpose of processing"))
		var buf bytes.Buffer
		_, err := f.WriteTo(&buf, excelize.Options{Password: "secret"})
		must(t, err)
		return buf.Bytes()
	}
	formula := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, h := range []string{"Purpose of processing", "Categories of individuals", "Categories of personal data"} {
			c, _ := excelize.CoordinatesToCellName(i+1, 1)
			must(t, f.SetCellValue("Sheet1", c, h))
		}
		must(t, f.SetCellValue("Sheet1", "A2", "Rent"))
		must(t, f.SetCellFormula("Sheet1", "B2", "CONCAT(\"Ten\",\"ants\")"))
		var buf bytes.Buffer
		_, err := f.WriteTo(&buf)
		must(t, err)
		return buf.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"plain.xlsx", []byte("this is not a workbook"), "is not an XLSX workbook"},
		{"bin.csv", []byte{0, 1, 2, 3, 'P', 'K'}, "neither an XLSX workbook nor CSV"},
		{"zip.xlsx", []byte("PK\x03\x04garbage"), "cannot read the workbook"},
		{"locked.xlsx", enc(), "encrypted (password-protected)"},
		{"nohead.csv", []byte("a,b,c\n1,2,3\n"), "no header row found"},
		{"formula.xlsx", formula(), "Sheet1!B2: the cell holds the formula =CONCAT"},
		{"quotes.csv", []byte("Purpose of processing,Categories of individuals\n\"unterminated,x\n"), ""},
	} {
		_, err := Import(c.name, c.data, Options{})
		if c.want == "" {
			continue // must simply not panic
		}
		var ie *Error
		if err == nil || !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), c.name) {
			t.Errorf("%s: error %v, want one naming the file and saying %q", c.name, err, c.want)
		} else if ie.Hint == "" {
			t.Errorf("%s: error without a hint: %v", c.name, err)
		}
	}
}

// TestManyRows imports a 10,000-row workbook correctly and in reasonable
// time.
func TestManyRows(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(t, err)
	must(t, sw.SetRow("A1", []any{"Purpose of processing", "Categories of individuals", "Categories of personal data", "Article 6 lawful basis for processing personal data"}))
	const n = 10000
	for i := 0; i < n; i++ {
		c, _ := excelize.CoordinatesToCellName(1, i+2)
		must(t, sw.SetRow(c, []any{fmt.Sprintf("Activity %d\nPurpose %d.", i, i), "Tenants", fmt.Sprintf("Data %d", i%50), "Contract"}))
	}
	must(t, sw.Flush())
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	must(t, err)
	start := time.Now()
	res, err := Import("big.xlsx", buf.Bytes(), Options{})
	must(t, err)
	if res.Activities != n {
		t.Errorf("%d activities, want %d", res.Activities, n)
	}
	if !strings.Contains(allText(res), `"activity-9999": {`) {
		t.Error("last activity missing")
	}
	t.Logf("imported %d rows in %v", n, time.Since(start))
}
