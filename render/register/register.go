// Package register renders the Article 30 record of processing activities:
// the controller's record in the columns and headings of the ICO's
// controller documentation template, the contact block above it, and the
// processor's record (Article 30(2)) when the model keeps one.
//
// Controller, Processor and Contacts build format-neutral tables of plain
// text; CSV and XLSX write them whole, and Plan lays them out as a
// doc.Document for the HTML, Markdown and PDF renderers.
package register

import "strings"

// Cell is one table cell as lines of plain text; a cell with no lines is
// empty.
type Cell []string

// Text joins the cell's lines with "\n".
func (c Cell) Text() string { return strings.Join(c, "\n") }

// Row is one row of a register table.
type Row struct {
	// Key is the model key of the entity the row records (the activity or
	// processor record key); empty for rows of the contact block.
	Key string
	// Name is the row's human label: the activity name, the processor
	// record's controller, or the contact block's field name.
	Name string
	// Cells holds one cell per header column.
	Cells []Cell
}

// Table is a register table: a header row and rows of multi-line cells,
// each row as wide as the header.
type Table struct {
	// Title names the table, e.g. "Controller's record".
	Title string
	// Header holds the column headings, in order.
	Header []string
	// Rows are the table's rows, in source order.
	Rows []Row
}

// Records returns the cells of t as rows of strings, header first, each
// multi-line cell joined with "\n": the grid CSV and XLSX write.
func (t *Table) Records() [][]string {
	out := make([][]string, 0, len(t.Rows)+1)
	out = append(out, append([]string(nil), t.Header...))
	for _, r := range t.Rows {
		rec := make([]string, len(t.Header))
		for i := range rec {
			if i < len(r.Cells) {
				rec[i] = r.Cells[i].Text()
			}
		}
		out = append(out, rec)
	}
	return out
}
