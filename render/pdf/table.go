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
// split between lines.
func (r *renderer) table(t *doc.Table) {
	captionH, caption := r.caption(t)
	tl := r.layout(t)
	switch {
	case tl != nil:
		r.need(captionH + tl.height(tl.header) + r.firstRowHeight(tl, t))
	case caption:
		r.need(captionH)
	}
	if caption {
		r.text([]doc.Inline{doc.T(t.Caption)}, r.left, r.width, bodySize, true)
		r.f.SetY(r.f.GetY() + 1)
	}
	if tl == nil {
		r.f.SetY(r.f.GetY() + blockGap)
		return
	}
	if tl.header != nil {
		r.drawRow(tl, tl.header, 0, maxLines(tl.header), true)
	}
	for _, row := range t.Rows {
		r.row(tl, r.cells(tl, row))
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
	tl := &tableLayout{widths: columnWidths(t.Widths, cols, r.width), lh: lineHeight(tableSize)}
	if len(t.Header) > 0 {
		tl.header = make([][]line, cols)
		for i, h := range t.Header {
			tl.header[i] = r.wrap([]doc.Inline{doc.T(h)}, tl.widths[i]-2*cellPadX, tableSize, true)
		}
	}
	return tl
}

// cells wraps the lines of each cell of a body row.
func (r *renderer) cells(tl *tableLayout, row []doc.Cell) [][]line {
	cells := make([][]line, len(tl.widths))
	for i, c := range row {
		for _, l := range c {
			cells[i] = append(cells[i], r.wrap(l, tl.widths[i]-2*cellPadX, tableSize, false)...)
		}
	}
	return cells
}

// row draws one body row, breaking the page before it when it does not
// fit but would on a fresh page, and between its lines when it is taller
// than a page.
func (r *renderer) row(tl *tableLayout, cells [][]line) {
	n := max(maxLines(cells), 1)
	room := r.bottom - r.top - tl.height(tl.header)
	if h := tl.height(cells); r.f.GetY()+h > r.bottom && h <= room {
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
		r.drawRow(tl, cells, start, end, false)
		start = end
		if start < n {
			r.newTablePage(tl)
		}
	}
}

// newTablePage starts a page and repeats the header row.
func (r *renderer) newTablePage(tl *tableLayout) {
	r.f.AddPage()
	if tl.header != nil {
		r.drawRow(tl, tl.header, 0, maxLines(tl.header), true)
	}
}

// drawRow draws lines [start, end) of every cell of a row and moves below.
func (r *renderer) drawRow(tl *tableLayout, cells [][]line, start, end int, header bool) {
	y := r.f.GetY()
	h := float64(max(end-start, 1))*tl.lh + 2*cellPadY
	x := r.left
	r.f.SetDrawColor(160, 160, 160)
	r.f.SetLineWidth(0.2)
	for i, w := range tl.widths {
		if header {
			r.f.SetFillColor(232, 237, 245)
			r.f.Rect(x, y, w, h, "FD")
		} else {
			r.f.Rect(x, y, w, h, "D")
		}
		if i < len(cells) {
			for j := start; j < end && j < len(cells[i]); j++ {
				r.drawLine(cells[i][j], x+cellPadX, y+cellPadY+float64(j-start)*tl.lh, tableSize, tl.lh)
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
