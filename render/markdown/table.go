package markdown

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// cellSep joins the lines of a table cell: GFM cells hold one line and raw
// HTML such as <br> is off, so lines are run together with a separator.
const cellSep = "; "

// table writes a GFM pipe table, preceded by its caption in bold. The
// column count is the widest of the header and the rows, so no cell is
// dropped; short rows are padded with empty cells.
func (r *renderer) table(t *doc.Table) {
	r.lastList = ""
	if c := inlineText(t.Caption, context{}); c != "" {
		r.block()
		r.w.WriteString("**" + c + "**\n")
	}
	cols := len(t.Header)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	r.block()
	head := make([]string, cols)
	for i, h := range t.Header {
		head[i] = inlineText(h, context{table: true})
	}
	r.row(head)
	sep := make([]string, cols)
	for i := range sep {
		sep[i] = "---"
	}
	r.row(sep)
	for _, row := range t.Rows {
		cells := make([]string, cols)
		for i, c := range row {
			cells[i] = cell(r.localCell(c))
		}
		r.row(cells)
	}
}

func (r *renderer) row(cells []string) {
	r.w.WriteString("|")
	for _, c := range cells {
		r.w.WriteString(" " + c + " |")
	}
	r.w.WriteString("\n")
}

// cell renders the lines of a cell on one line.
func cell(c doc.Cell) string {
	lines := make([]string, 0, len(c))
	for _, l := range c {
		if t := runs(l, context{table: true}); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, cellSep)
}
