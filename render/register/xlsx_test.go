package register

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/ropa-dev/ropa/ropa"
)

// openXLSX renders and opens the register workbook of m.
func openXLSX(t *testing.T, m *ropa.Model) (*excelize.File, []byte) {
	t.Helper()
	b := renderArtifact(t, m, "register.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("register.xlsx does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, b
}

// zipPart returns one part of a zip archive.
func zipPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// sheetRows reads every cell of a sheet, rows padded to width.
func sheetRows(t *testing.T, f *excelize.File, sheet string, rows, width int) [][]string {
	t.Helper()
	out := make([][]string, rows)
	for r := range out {
		out[r] = make([]string, width)
		for c := range out[r] {
			v, err := f.GetCellValue(sheet, cellRef(c+1, r+1))
			if err != nil {
				t.Fatal(err)
			}
			out[r][c] = v
			if fm, _ := f.GetCellFormula(sheet, cellRef(c+1, r+1)); fm != "" {
				t.Errorf("%s!%s holds a formula %q", sheet, cellRef(c+1, r+1), fm)
			}
		}
	}
	return out
}

// checkSheet checks that sheet holds the contact block, a blank row, then
// exactly the CSV records of the table, with a frozen header, an
// autofilter over the table and a bold header.
func checkSheet(t *testing.T, f *excelize.File, b []byte, part, sheet string, contacts, table *Table) {
	t.Helper()
	csvRecs := func(tb *Table) [][]string {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, tb); err != nil {
			t.Fatal(err)
		}
		return parseCSV(t, buf.Bytes())
	}
	cRecs, tRecs := csvRecs(contacts), csvRecs(table)
	header := len(cRecs) + 2
	width := max(len(table.Header), len(contacts.Header))
	got := sheetRows(t, f, sheet, header+len(tRecs)+1, width)
	pad := func(rec []string) []string {
		return append(append([]string(nil), rec...), make([]string, width-len(rec))...)
	}
	for i, rec := range cRecs {
		if !reflect.DeepEqual(got[i], pad(rec)) {
			t.Errorf("%s contact row %d = %q, want %q", sheet, i+1, got[i], pad(rec))
		}
	}
	if !reflect.DeepEqual(got[header-2], make([]string, width)) {
		t.Errorf("%s row %d is not blank: %q", sheet, header-1, got[header-2])
	}
	for i, rec := range tRecs {
		if !reflect.DeepEqual(got[header-1+i], pad(rec)) {
			t.Errorf("%s row %d = %q\nwant (as CSV) %q", sheet, header+i, got[header-1+i], pad(rec))
		}
	}
	if last := got[len(got)-1]; !reflect.DeepEqual(last, make([]string, width)) {
		t.Errorf("%s has a row after the record: %q", sheet, last)
	}

	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != header {
		t.Errorf("%s panes = %+v, want the rows through the header row %d frozen", sheet, panes, header)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(table.Header))
	// Excelize writes the range with absolute references, $A$7:$AD$12.
	wantRef := fmt.Sprintf(`<autoFilter ref="\$?A\$?%d:\$?%s\$?%d"`, header, lastCol, header+len(table.Rows))
	if !regexp.MustCompile(wantRef).MatchString(zipPart(t, b, part)) {
		t.Errorf("%s has no autofilter over %s:%s", sheet, cellRef(1, header), lastCol)
	}
	id, err := f.GetCellStyle(sheet, cellRef(1, header))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Font == nil || !st.Font.Bold || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("%s header style = %+v, want bold, wrapped", sheet, st)
	}
}

func TestXLSXMatchesCSV(t *testing.T) {
	m := minimal(t)
	f, b := openXLSX(t, m)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{ControllerSheet}) {
		t.Errorf("sheets = %q, want only %q", got, ControllerSheet)
	}
	checkSheet(t, f, b, "xl/worksheets/sheet1.xml", ControllerSheet, Contacts(m), Controller(m))
	// The CSV artifact itself matches the sheet's table.
	csvRecs := parseCSV(t, renderArtifact(t, m, "register.csv"))
	header := len(Contacts(m).Rows) + 3
	for i, rec := range csvRecs {
		for c, want := range rec {
			if got, _ := f.GetCellValue(ControllerSheet, cellRef(c+1, header+i)); got != want {
				t.Errorf("%s differs from register.csv: %q, want %q", cellRef(c+1, header+i), got, want)
			}
		}
	}
}

func TestXLSXProcessorAndFormulas(t *testing.T) {
	m := load(t, edgeModel)
	f, b := openXLSX(t, m)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{ControllerSheet, ProcessorSheet}) {
		t.Errorf("sheets = %q", got)
	}
	checkSheet(t, f, b, "xl/worksheets/sheet1.xml", ControllerSheet, Contacts(m), Controller(m))
	checkSheet(t, f, b, "xl/worksheets/sheet2.xml", ProcessorSheet, Contacts(m), Processor(m))
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if formulaStart(v) {
					t.Errorf("%s!%s = %q starts like a formula", sheet, cellRef(j+1, i+1), v)
				}
			}
		}
	}
	header := len(Contacts(m).Rows) + 3
	if got, _ := f.GetCellValue(ControllerSheet, cellRef(colNumber(t, "Purpose of processing"), header+1)); !strings.HasPrefix(got, `'=HYPERLINK("http://x","y")`) {
		t.Errorf("activity name cell = %q, want it neutralised", got)
	}
	if got, _ := f.GetCellValue(ControllerSheet, "B2"); got != "'=cmd|' /C calc'!A0" {
		t.Errorf("controller name cell = %q, want it neutralised", got)
	}
	sheet := zipPart(t, b, "xl/worksheets/sheet1.xml")
	if strings.Contains(sheet, "<f>") || strings.Contains(sheet, "<f ") {
		t.Errorf("sheet1.xml holds a formula element")
	}
}

func TestXLSXProperties(t *testing.T) {
	m := minimal(t)
	f, _ := openXLSX(t, m)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2025-04-01T00:00:00Z" || p.Modified != p.Created || p.Creator != "Example Homes Limited" {
		t.Errorf("doc properties = %+v, want created/modified from the history date", p)
	}
	// The record's own date wins over SOURCE_DATE_EPOCH, as in the PDF.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	f, _ = openXLSX(t, m)
	if p, _ = f.GetDocProps(); p.Created != "2025-04-01T00:00:00Z" {
		t.Errorf("with SOURCE_DATE_EPOCH, created = %q, want the record's date", p.Created)
	}
}

// TestOneDateRule checks that the register's PDF and workbook stamp the
// same date, whatever SOURCE_DATE_EPOCH says: the record's date when it
// has one, else a SOURCE_DATE_EPOCH in 1980..9999, else 1980-01-01.
func TestOneDateRule(t *testing.T) {
	dated := minimal(t)
	undated := minimal(t)
	undated.History = nil
	for _, n := range undated.Notices {
		n.LastUpdated = ""
	}
	for _, tt := range []struct {
		name  string
		m     *ropa.Model
		epoch string
		want  string
	}{
		{"dated", dated, "", "2025-04-01T00:00:00Z"},
		{"dated with epoch", dated, "1700000000", "2025-04-01T00:00:00Z"},
		{"undated with epoch", undated, "1700000000", "2023-11-14T22:13:20Z"},
		{"undated with huge epoch", undated, "100000000000000", "1980-01-01T00:00:00Z"},
		{"undated", undated, "", "1980-01-01T00:00:00Z"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tt.epoch)
			f, _ := openXLSX(t, tt.m)
			p, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			pdf := renderArtifact(t, tt.m, "register.pdf")
			ts, _ := time.Parse(time.RFC3339, tt.want)
			pdfDate := "D:" + ts.Format("20060102150405")
			if p.Created != tt.want || p.Modified != tt.want {
				t.Errorf("xlsx created %q, modified %q; want %s", p.Created, p.Modified, tt.want)
			}
			for _, key := range []string{"/CreationDate (", "/ModDate ("} {
				if !bytes.Contains(pdf, []byte(key+pdfDate+")")) {
					i := bytes.Index(pdf, []byte(key))
					got := ""
					if i >= 0 {
						got = string(pdf[i:min(i+40, len(pdf))])
					}
					t.Errorf("pdf %s = %q, want %s", key, got, pdfDate)
				}
			}
		})
	}
}

// TestXLSXCellLimit checks that a value longer than an Excel cell holds is
// not silently cut: the cell ends with a visible note, and a warning names
// the activity and the column.
func TestXLSXCellLimit(t *testing.T) {
	m := minimal(t)
	a := m.ActivityList()[0]
	// Astral characters count twice towards the limit, as in Excel.
	a.Purpose = strings.Repeat("x", MaxCellChars-10) + strings.Repeat("😀", 20)
	var warnings []string
	var buf bytes.Buffer
	if err := XLSXWith(&buf, m, XLSXOptions{Warn: func(s string) { warnings = append(warnings, s) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings = %q, want one", warnings)
	}
	for _, want := range []string{`activity "` + a.Key + `"`, `column "Purpose of processing"`, "32767"} {
		if !strings.Contains(warnings[0], want) {
			t.Errorf("warning %q does not say %s", warnings[0], want)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header := len(Contacts(m).Rows) + 3
	got, _ := f.GetCellValue(ControllerSheet, cellRef(colNumber(t, "Purpose of processing"), header+1))
	if n := len(utf16.Encode([]rune(got))); n > MaxCellChars {
		t.Errorf("cut cell holds %d UTF-16 units, more than %d", n, MaxCellChars)
	}
	if !strings.Contains(got, "xxxx") || !strings.HasSuffix(got, "register.csv has the whole text]") {
		t.Errorf("cut cell ends %q, want the note", got[max(len(got)-120, 0):])
	}
	// A value that fits is left alone and warns of nothing.
	a.Purpose = strings.Repeat("y", MaxCellChars-100)
	warnings = nil
	f2, _ := openXLSX(t, m)
	if got, _ := f2.GetCellValue(ControllerSheet, cellRef(colNumber(t, "Purpose of processing"), header+1)); !strings.Contains(got, a.Purpose) || strings.Contains(got, "cut:") {
		t.Errorf("a value that fits was changed")
	}
}

func TestFitCell(t *testing.T) {
	exact := strings.Repeat("a", MaxCellChars-2) + "😀"
	if got, n, ok := fitCell(exact); !ok || got != exact || n != MaxCellChars {
		t.Errorf("fitCell(exactly the limit) = %d, %v; want it unchanged", n, ok)
	}
	over := strings.Repeat("a", MaxCellChars-1) + "😀"
	got, n, ok := fitCell(over)
	if ok || n != MaxCellChars+1 {
		t.Errorf("fitCell(one over) = %d, %v", n, ok)
	}
	if u := len(utf16.Encode([]rune(got))); u > MaxCellChars || !strings.Contains(got, "cut: this cell held 32768 characters") {
		t.Errorf("fitCell(one over) gives %d units ending %q", u, got[len(got)-60:])
	}
}
