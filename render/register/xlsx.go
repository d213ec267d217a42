package register

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ropa-dev/ropa/ropa"
)

// Sheet names of the register workbook.
const (
	ControllerSheet = "Controller record"
	ProcessorSheet  = "Processor record"
)

// XLSX writes the register of m as an Excel workbook: sheet "Controller
// record" and, when the model keeps processor records, sheet "Processor
// record". Each sheet holds the contact block, a blank row, then the
// record's header row and one row per entity; the header row and the
// first two columns are frozen and the header carries an autofilter.
// Every value is stored as a string (never a formula) and neutralised as
// in CSV. The same model always gives the same bytes.
func XLSX(w io.Writer, m *ropa.Model) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ControllerSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	contacts := Contacts(m)
	if _, err := writeSheet(f, ControllerSheet, contacts, Controller(m), st); err != nil {
		return err
	}
	if p := Processor(m); p != nil {
		if _, err := f.NewSheet(ProcessorSheet); err != nil {
			return err
		}
		if _, err := writeSheet(f, ProcessorSheet, contacts, p, st); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	stamp := timestamp(m).Format(time.RFC3339)
	version, _ := recordVersion(m)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "Record of processing activities",
		Subject:        "Article 30 record of processing activities of " + m.Controller.Name,
		Creator:        m.Controller.Name,
		LastModifiedBy: m.Controller.Name,
		Created:        stamp,
		Modified:       stamp,
		Version:        version,
		Language:       "en-GB",
	}); err != nil {
		return err
	}
	// Excelize writes the parts in sorted order through archive/zip's
	// Create, which stamps no modification time, and the document
	// properties carry the stamp above, so the bytes depend only on the
	// model (TestDeterministic guards this).
	_, err = f.WriteTo(w)
	return err
}

// styles are the cell styles of the workbook.
type styles struct{ header, label, body int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	align := &excelize.Alignment{WrapText: true, Vertical: "top"}
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: align, Border: border,
	}); err != nil {
		return s, err
	}
	if s.label, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: align}); err != nil {
		return s, err
	}
	s.body, err = f.NewStyle(&excelize.Style{Alignment: align, Border: border})
	return s, err
}

// writeSheet lays out the contact block and the record table on sheet and
// returns the row number of the record's header row.
func writeSheet(f *excelize.File, sheet string, contacts, t *Table, st styles) (int, error) {
	row := 1
	// The contact block: its header row, then one row per field.
	cRecs := contacts.Records()
	for i, rec := range cRecs {
		if err := setRow(f, sheet, row, rec); err != nil {
			return 0, err
		}
		style := st.body
		if i == 0 {
			style = st.label
		}
		if err := styleRow(f, sheet, row, len(rec), style); err != nil {
			return 0, err
		}
		if err := f.SetCellStyle(sheet, cell(1, row), cell(1, row), st.label); err != nil {
			return 0, err
		}
		row++
	}
	row++ // a blank row between the contact block and the record
	header := row
	recs := t.Records()
	for i, rec := range recs {
		if err := setRow(f, sheet, row, rec); err != nil {
			return 0, err
		}
		style := st.body
		if i == 0 {
			style = st.header
		}
		if err := styleRow(f, sheet, row, len(rec), style); err != nil {
			return 0, err
		}
		row++
	}
	last := header + len(recs) - 1
	cols := len(t.Header)
	widths := make([]float64, cols)
	for c := 1; c <= cols; c++ {
		widths[c-1] = columnWidth(recs, c-1)
		name, _ := excelize.ColumnNumberToName(c)
		if err := f.SetColWidth(sheet, name, name, widths[c-1]); err != nil {
			return 0, err
		}
	}
	// Excel does not grow rows to fit wrapped text written by a library,
	// so each row of the record gets the height of its tallest cell.
	for i, rec := range cRecs {
		if err := f.SetRowHeight(sheet, 1+i, rowHeight(rec, widths)); err != nil {
			return 0, err
		}
	}
	for i, rec := range recs {
		if err := f.SetRowHeight(sheet, header+i, rowHeight(rec, widths)); err != nil {
			return 0, err
		}
	}
	if err := f.AutoFilter(sheet, cell(1, header)+":"+cell(cols, last), nil); err != nil {
		return 0, err
	}
	xsplit := 2
	if cols < 3 {
		xsplit = 0
	}
	return header, f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: xsplit, YSplit: header,
		TopLeftCell: cell(xsplit+1, header+1), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cell(xsplit+1, header+1), ActiveCell: cell(xsplit+1, header+1), Pane: "bottomRight"}},
	})
}

// setRow stores the non-empty values of rec in row, neutralised, as
// strings.
func setRow(f *excelize.File, sheet string, row int, rec []string) error {
	for i, v := range rec {
		if v == "" {
			continue
		}
		if err := f.SetCellStr(sheet, cell(i+1, row), Neutralise(v)); err != nil {
			return err
		}
	}
	return nil
}

func styleRow(f *excelize.File, sheet string, row, cols, style int) error {
	if cols == 0 {
		return nil
	}
	return f.SetCellStyle(sheet, cell(1, row), cell(cols, row), style)
}

// cell names the cell at 1-based column col and row.
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("A%d", row)
	}
	return name
}

// columnWidth sizes a column to its longest line, between 12 and 50
// characters, so wrapped text stays legible.
func columnWidth(recs [][]string, col int) float64 {
	longest := 0
	for i, rec := range recs {
		if col >= len(rec) {
			continue
		}
		for _, l := range strings.Split(rec[col], "\n") {
			n := len([]rune(l))
			if i == 0 {
				n = n/2 + 1 // headings wrap onto two or three lines
			}
			longest = max(longest, n)
		}
	}
	return float64(min(max(longest+2, 12), 50))
}

// rowHeight estimates, in points, the height a row of wrapped cells needs:
// 15 points a line, for the cell that wraps onto the most lines, at most
// Excel's limit of 409 points.
func rowHeight(rec []string, widths []float64) float64 {
	most := 1
	for i, v := range rec {
		if i >= len(widths) || v == "" {
			continue
		}
		per := max(int(widths[i])-1, 1)
		n := 0
		for _, l := range strings.Split(v, "\n") {
			n += max((len([]rune(l))+per-1)/per, 1)
		}
		most = max(most, n)
	}
	return min(float64(most)*15, 409)
}
