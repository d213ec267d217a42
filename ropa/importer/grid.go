package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// MaxRows is the most rows a sheet may have; larger sheets are refused
// rather than read slowly into memory.
const MaxRows = 100000

// grid is one sheet as text: rows of cells, 0-based, as the sheet shows
// them (formulas as their saved values, merged cells filled down).
type grid struct {
	file  string // the file name errors print
	sheet string // the sheet name cell references use
	rows  [][]string
	// formula reports whether a cell (0-based row, col) holds a formula;
	// nil for CSV.
	formula func(row, col int) string
}

// cell returns the trimmed text of the cell, or "".
func (g *grid) cell(row, col int) string {
	if row < 0 || row >= len(g.rows) || col < 0 || col >= len(g.rows[row]) {
		return ""
	}
	return cleanCell(g.rows[row][col])
}

// ref names a cell as Sheet!B7 (0-based row and column in).
func (g *grid) ref(row, col int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		name = "?"
	}
	return quoteSheet(g.sheet) + "!" + name
}

// rowRef names a row as Sheet!7.
func (g *grid) rowRef(row int) string {
	return quoteSheet(g.sheet) + "!" + itoa(row+1)
}

func quoteSheet(s string) string {
	if strings.ContainsAny(s, " !'") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// cleanCell normalises a cell's text: line endings to "\n", surrounding
// space trimmed, and the apostrophe ropa (and spreadsheets) put before a
// value that would otherwise read as a formula removed.
func cleanCell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		s = s[1:]
	}
	return s
}

// readGrids reads every sheet of an XLSX workbook, or the one table of a
// CSV file, choosing by the content and not the name.
func readGrids(name string, data []byte) ([]*grid, error) {
	display := name
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readXLSX(display, data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return nil, errorf(display, "", "remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) or, for an .xls file, save it as .xlsx, then import again",
			"the file is an encrypted (password-protected) workbook or an old binary .xls workbook, which ropa cannot read")
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" {
		return nil, errorf(display, "", "export the register from your spreadsheet as .xlsx or .csv and import that file",
			"the file is named %s but is not an XLSX workbook", ext)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errorf(display, "", "pass an .xlsx workbook or a .csv file laid out like the ICO controller template",
			"the file is neither an XLSX workbook nor CSV text (it holds binary data)")
	}
	return readCSV(display, data)
}

func readXLSX(name string, data []byte) ([]*grid, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		hint := "open it in a spreadsheet and save it again as .xlsx"
		if errors.Is(err, excelize.ErrWorkbookFileFormat) {
			hint = "the zip archive is not a workbook; " + hint
		}
		return nil, errorf(name, "", hint, "cannot read the workbook: %v", err)
	}
	defer f.Close()
	var out []*grid
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, errorf(name, quoteSheet(sheet), "open it in a spreadsheet and save it again as .xlsx", "cannot read the sheet: %v", err)
		}
		if len(rows) > MaxRows {
			return nil, errorf(name, quoteSheet(sheet), "split the register into several files of fewer rows",
				"the sheet has %d rows, more than the %d ropa imports", len(rows), MaxRows)
		}
		if merged, err := f.GetMergeCells(sheet); err == nil {
			for _, mc := range merged {
				fillMerged(rows, mc)
			}
		}
		out = append(out, &grid{file: name, sheet: sheet, rows: rows})
	}
	// The formula look-ups need the file open: read them now.
	for _, g := range out {
		g.formula = snapshotFormulas(f, g)
	}
	return out, nil
}

// snapshotFormulas records the formulas of a sheet's cells, so that the
// grid outlives the open workbook.
func snapshotFormulas(f *excelize.File, g *grid) func(row, col int) string {
	found := map[[2]int]string{}
	for r, row := range g.rows {
		for c := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				continue
			}
			if fx, _ := f.GetCellFormula(g.sheet, ref); fx != "" {
				found[[2]int{r, c}] = fx
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	return func(row, col int) string { return found[[2]int{row, col}] }
}

// fillMerged copies a merged range's value down its first column, so that
// a business function merged over several activities applies to each.
// Cells to the right stay empty: a value merged across columns belongs to
// the first.
func fillMerged(rows [][]string, mc excelize.MergeCell) {
	c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
	c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
	if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || r2 > MaxRows {
		return
	}
	v := mc.GetCellValue()
	for r := r1; r <= r2 && r-1 < len(rows); r++ {
		row := rows[r-1]
		for len(row) < c1 {
			row = append(row, "")
		}
		if row[c1-1] == "" {
			row[c1-1] = v
		}
		rows[r-1] = row
	}
}

// readCSV reads CSV text (UTF-8, with or without a byte-order mark, or
// Windows-1252 as older spreadsheets save it), separated by commas,
// semicolons or tabs, whichever the first line uses most.
func readCSV(name string, data []byte) ([]*grid, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	text := string(data)
	if !utf8.Valid(data) {
		text = decode1252(data)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffComma(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, errorf(name, "", "check the quoting on that line: a field holding a comma, quote or line break must be in double quotes, with inner quotes doubled",
					"line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
			}
			return nil, errorf(name, "", "", "cannot read CSV: %v", err)
		}
		rows = append(rows, rec)
		if len(rows) > MaxRows {
			return nil, errorf(name, "", "split the register into several files of fewer rows", "the file has more than %d rows, the most ropa imports", MaxRows)
		}
	}
	sheet := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return []*grid{{file: name, sheet: sheet, rows: rows}}, nil
}

func sniffComma(text string) rune {
	line := text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	best, n := ',', strings.Count(line, ",")
	for _, c := range []rune{';', '\t'} {
		if k := strings.Count(line, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to their runes.
var cp1252 = [32]rune{'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ'}

func decode1252(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(cp1252[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
