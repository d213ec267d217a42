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
// in CSV. A value longer than an Excel cell holds is cut, with a visible
// note at the end of the cell (see XLSXWith). The same model always gives
// the same bytes.
func XLSX(w io.Writer, m *ropa.Model) error {
	return XLSXWith(w, m, XLSXOptions{})
}

// XLSXOptions tunes XLSXWith.
type XLSXOptions struct {
	// Warn receives one message for each cell cut to fit Excel's limit,
	// naming the sheet, the row (activity, processor record or contact
	// field) and the column. Nil discards them.
	Warn func(msg string)
}

// MaxCellChars is the most characters (UTF-16 code units) an Excel cell
// holds; Excel, and excelize, silently drop the rest.
const MaxCellChars = excelize.TotalCellChars

// XLSXWith writes the workbook as XLSX does, sending a warning to
// opts.Warn for each value cut to MaxCellChars. A cut cell ends with a
// note saying how long the value was and that register.csv holds it whole,
// so no reader mistakes it for the full text.
func XLSXWith(w io.Writer, m *ropa.Model, opts XLSXOptions) error {
	return writeXLSX(w, m, newTables(m), opts)
}

// writeXLSX writes the workbook of m from its tables ts.
func writeXLSX(w io.Writer, m *ropa.Model, ts *tableCache, opts XLSXOptions) error {
	warn := opts.Warn
	if warn == nil {
		warn = func(string) {}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ControllerSheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	contacts := ts.contacts()
	if _, err := writeSheet(f, ControllerSheet, contacts, ts.controller(), st, warn); err != nil {
		return err
	}
	if p := ts.processor(); p != nil {
		if _, err := f.NewSheet(ProcessorSheet); err != nil {
			return err
		}
		if _, err := writeSheet(f, ProcessorSheet, contacts, p, st, warn); err != nil {
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
func writeSheet(f *excelize.File, sheet string, contacts, t *Table, st styles, warn func(string)) (int, error) {
	row := 1
	// The contact block: its header row, then one row per field.
	cRecs := contacts.Records()
	for i, rec := range cRecs {
		if err := setRow(f, sheet, row, rec, cutWarner(sheet, contacts, i, warn)); err != nil {
			return 0, err
		}
		style := st.body
		if i == 0 {
			style = st.label
		}
		if err := styleRow(f, sheet, row, len(rec), style); err != nil {
			return 0, err
		}
		if err := f.SetCellStyle(sheet, cellRef(1, row), cellRef(1, row), st.label); err != nil {
			return 0, err
		}
		row++
	}
	row++ // a blank row between the contact block and the record
	header := row
	recs := t.Records()
	for i, rec := range recs {
		if err := setRow(f, sheet, row, rec, cutWarner(sheet, t, i, warn)); err != nil {
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
	if err := f.AutoFilter(sheet, cellRef(1, header)+":"+cellRef(cols, last), nil); err != nil {
		return 0, err
	}
	xsplit := 2
	if cols < 3 {
		xsplit = 0
	}
	return header, f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: xsplit, YSplit: header,
		TopLeftCell: cellRef(xsplit+1, header+1), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cellRef(xsplit+1, header+1), ActiveCell: cellRef(xsplit+1, header+1), Pane: "bottomRight"}},
	})
}

// setRow stores the non-empty values of rec in row, neutralised, as
// strings, cutting each to fit a cell and calling cut with the column
// index and the value's length when it does.
func setRow(f *excelize.File, sheet string, row int, rec []string, cut func(col, n int)) error {
	for i, v := range rec {
		if v == "" {
			continue
		}
		v, n, ok := fitCell(Neutralise(v))
		if !ok {
			cut(i, n)
		}
		if err := f.SetCellStr(sheet, cellRef(i+1, row), v); err != nil {
			return err
		}
	}
	return nil
}

// cutWarner returns the function setRow calls for a cut cell of record i
// of t (0 is the header row): it warns, naming the row and the column.
func cutWarner(sheet string, t *Table, i int, warn func(string)) func(col, n int) {
	return func(col, n int) {
		what := "the header row"
		if i > 0 && i-1 < len(t.Rows) {
			r := t.Rows[i-1]
			switch {
			case r.Key != "" && sheet == ControllerSheet:
				what = fmt.Sprintf("activity %q", r.Key)
			case r.Key != "":
				what = fmt.Sprintf("processor record %q", r.Key)
			default:
				what = fmt.Sprintf("row %q", r.Name)
			}
		}
		column := ""
		if col < len(t.Header) {
			column = t.Header[col]
		}
		warn(fmt.Sprintf("sheet %q, %s, column %q: %d characters, more than the %d an Excel cell holds; "+
			"the cell is cut and says so, and register.csv holds the whole text", sheet, what, column, n, MaxCellChars))
	}
}

// fitCell returns v unchanged, its length in UTF-16 code units and true
// when it fits in a cell; else v cut to fit with a note at its end saying
// that it was cut, the original length and false.
func fitCell(v string) (string, int, bool) {
	n := 0
	for _, c := range v {
		n += utf16Len(c)
	}
	if n <= MaxCellChars {
		return v, n, true
	}
	note := fmt.Sprintf("\n[… cut: this cell held %d characters, more than the %d an Excel cell holds; register.csv has the whole text]", n, MaxCellChars)
	room := MaxCellChars - len([]rune(note)) // the note is all in the BMP
	var b strings.Builder
	used := 0
	for _, c := range v {
		if used+utf16Len(c) > room {
			break
		}
		b.WriteRune(c)
		used += utf16Len(c)
	}
	b.WriteString(note)
	return b.String(), n, false
}

// utf16Len is the number of UTF-16 code units of c.
func utf16Len(c rune) int {
	if c > 0xffff {
		return 2
	}
	return 1
}

func styleRow(f *excelize.File, sheet string, row, cols, style int) error {
	if cols == 0 {
		return nil
	}
	return f.SetCellStyle(sheet, cellRef(1, row), cellRef(cols, row), style)
}

// cellRef names the cell at 1-based column col and row.
func cellRef(col, row int) string {
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
