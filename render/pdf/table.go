package pdf

import (
	"math"

	"github.com/ropa-dev/ropa/render/doc"
)

// Table geometry in millimetres.
const (
	cellPadX = 1.5
	cellPadY = 1.0
)

// tableLayout is a table measured for drawing.
type tableLayout struct {
	widths []float64
	header [][]line // lines per column of the header row
	lh     float64
}

// table writes the caption and the table. The caption, header row and
// first body row start on the same page; rows that do not fit start a new
// page, which repeats the header row; a row taller than a whole page is
// split between lines. The table is a structure element Table of parent:
// the caption (Caption), then a row (TR) of header cells (TH, scoped to
// their column) and a row of cells (TD) for each body row, whose first
// cell is a TH scoped to its row when t.RowHeaders is set. A header row
// repeated on a later page is an artifact.
func (r *renderer) table(t *doc.Table, parent *elem) {
	te := r.tags.add(parent, "Table")
	captionH, caption := r.caption(t)
	tl := r.layout(t)
	switch {
	case tl != nil:
		r.need(captionH + tl.height(tl.header) + r.firstRowHeight(tl, t))
	case caption:
		r.need(captionH)
	}
	if caption {
		r.text(r.tags.add(te, "Caption"), []doc.Inline{doc.T(t.Caption)}, r.left, r.width, bodySize, true)
		r.f.SetY(r.f.GetY() + 1)
	}
	if tl == nil {
		r.f.SetY(r.f.GetY() + blockGap)
		return
	}
	if tl.header != nil {
		r.drawRow(tl, tl.header, 0, maxLines(tl.header), true, r.rowTags(te, len(tl.widths), "TH", "TH"))
	}
	first := "TD"
	if t.RowHeaders {
		first = "TH"
	}
	for _, row := range t.Rows {
		r.row(tl, r.cells(tl, row), r.rowTags(te, len(tl.widths), first, "TD"))
	}
	r.f.SetY(r.f.GetY() + blockGap + 1)
}

// caption measures t's caption with the space below it, and reports
// whether there is one.
func (r *renderer) caption(t *doc.Table) (float64, bool) {
	if t.Caption == "" {
		return 0, false
	}
	lines := r.wrap([]doc.Inline{doc.T(t.Caption)}, r.width, bodySize, true)
	return float64(len(lines))*lineHeight(bodySize) + 1, true
}

// layout measures t's columns and header row, or returns nil when t has
// no columns.
func (r *renderer) layout(t *doc.Table) *tableLayout {
	cols := len(t.Header)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return nil
	}
	tl := &tableLayout{widths: columnWidths(t.Widths, cols, r.width), lh: r.tableLH}
	if len(t.Header) > 0 {
		tl.header = make([][]line, cols)
		for i, h := range t.Header {
			tl.header[i] = r.wrap([]doc.Inline{doc.T(h)}, tl.widths[i]-2*cellPadX, r.tableSize, true)
		}
	}
	return tl
}

// cells wraps the lines of each cell of a body row.
func (r *renderer) cells(tl *tableLayout, row []doc.Cell) [][]line {
	cells := make([][]line, len(tl.widths))
	for i, c := range row {
		if i >= len(cells) {
			break
		}
		for _, l := range c {
			if n := len(cells[i]); n > 0 {
				// A break between the cell's lines, for text extraction.
				last := cells[i][n-1]
				last[len(last)-1].brk = true
			}
			cells[i] = append(cells[i], r.wrap(l, tl.widths[i]-2*cellPadX, r.tableSize, false)...)
		}
	}
	return cells
}

// rowTags adds a row (TR) of n cells to table te, the first of role
// first and the others of role rest; a header cell (TH) is scoped to its
// column in a row of header cells, else to its row.
func (r *renderer) rowTags(te *elem, n int, first, rest string) []*elem {
	tr := r.tags.add(te, "TR")
	cells := make([]*elem, n)
	for i := range cells {
		role := rest
		if i == 0 {
			role = first
		}
		cells[i] = r.tags.add(tr, role)
		if role == "TH" {
			scope := "Row"
			if rest == "TH" {
				scope = "Column"
			}
			cells[i].attr = tableScope(scope)
		}
	}
	return cells
}

// row draws one body row, whose cells are the structure elements tags,
// breaking the page before it when the room left is less than its
// rowLead, and between its lines when it does not fit.
func (r *renderer) row(tl *tableLayout, cells [][]line, tags []*elem) {
	n := max(maxLines(cells), 1)
	if r.f.GetY()+r.rowLead(tl, cells) > r.bottom {
		r.newTablePage(tl)
	}
	for start := 0; start < n; {
		fit := int(math.Floor((r.bottom - r.f.GetY() - 2*cellPadY + 1e-9) / tl.lh))
		if fit < 1 {
			if r.f.GetY() <= r.top+tl.height(tl.header)+1e-9 {
				fit = 1 // the page has no room at all; never loop forever
			} else {
				r.newTablePage(tl)
				continue
			}
		}
		end := min(start+fit, n)
		if r.splitRows && start == 0 && end < n && n-end < splitLines && n-splitLines >= splitLines {
			end = n - splitLines // leave the next page more than a line or two
		}
		r.drawRow(tl, cells, start, end, false, tags)
		start = end
		if start < n {
			r.newTablePage(tl)
		}
	}
}

// newTablePage starts a page and repeats the header row, as an artifact.
func (r *renderer) newTablePage(tl *tableLayout) {
	r.f.AddPage()
	if tl.header != nil {
		r.drawRow(tl, tl.header, 0, maxLines(tl.header), true, nil)
	}
}

// drawRow draws lines [start, end) of every cell of a row and moves
// below: first the cell boxes, as an artifact, then each cell's text as
// the content of its structure element in tags, or as an artifact when
// tags is nil.
func (r *renderer) drawRow(tl *tableLayout, cells [][]line, start, end int, header bool, tags []*elem) {
	y := r.f.GetY()
	h := float64(max(end-start, 1))*tl.lh + 2*cellPadY
	r.markArtifact()
	r.f.SetDrawColor(160, 160, 160)
	r.f.SetLineWidth(0.2)
	x := r.left
	for _, w := range tl.widths {
		if header {
			r.f.SetFillColor(232, 237, 245)
			r.f.Rect(x, y, w, h, "FD")
		} else {
			r.f.Rect(x, y, w, h, "D")
		}
		x += w
	}
	x = r.left
	for i, w := range tl.widths {
		var e *elem
		if i < len(tags) {
			e = tags[i]
		}
		if i < len(cells) {
			for j := start; j < end && j < len(cells[i]); j++ {
				if e == nil {
					r.markArtifact()
				}
				r.drawLine(e, cells[i][j], x+cellPadX, y+cellPadY+float64(j-start)*tl.lh, r.tableSize, tl.lh)
			}
		}
		x += w
	}
	r.f.SetY(y + h)
}

// height is the height of a whole row.
func (tl *tableLayout) height(cells [][]line) float64 {
	if cells == nil {
		return 0
	}
	return float64(max(maxLines(cells), 1))*tl.lh + 2*cellPadY
}

func maxLines(cells [][]line) int {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// columnWidths shares total between cols columns by the relative widths,
// or equally when they are missing or unusable.
func columnWidths(rel []float64, cols int, total float64) []float64 {
	out := make([]float64, cols)
	sum := 0.0
	ok := len(rel) == cols
	for i := 0; ok && i < cols; i++ {
		w := rel[i]
		if !(w > 0) || math.IsInf(w, 0) {
			ok = false
		}
		sum += w
	}
	if !ok || !(sum > 0) || math.IsInf(sum, 0) {
		for i := range out {
			out[i] = total / float64(cols)
		}
		return out
	}
	for i := range out {
		out[i] = total * rel[i] / sum
	}
	return out
}
