package pdf

import (
	"github.com/ropa-dev/ropa/render/doc"
)

// keepDepth bounds how many nested empty sections a heading looks through
// for the content it must share a page with.
const keepDepth = 8

// splitLines is how many lines of a long row must fit on a landscape page
// for the row to start there (see rowLead).
const splitLines = 5

// headingHeight measures a section heading: its wrapped lines and the
// space below them.
func (r *renderer) headingHeight(s *doc.Section, depth int) (lines []line, h float64) {
	size := headingSize(depth)
	lines = r.wrap([]doc.Inline{doc.T(s.Title)}, r.width, size, true)
	return lines, float64(max(len(lines), 1))*lineHeight(size) + 1.5
}

// leadHeight is the height of the first thing drawn after a heading: the
// first line of a paragraph or list, the caption, header and first row
// of a table or, when the section has no blocks, the next heading with
// its own lead. It is 0 when nothing follows.
func (r *renderer) leadHeight(bs []doc.Block, subs []*doc.Section, depth, budget int) float64 {
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b != nil && len(b.Text) > 0 && len(r.wrap(b.Text, r.width, bodySize, false)) > 0 {
				return lineHeight(bodySize)
			}
		case *doc.List:
			if b != nil && len(b.Items) > 0 {
				return lineHeight(bodySize)
			}
		case *doc.Table:
			if b != nil {
				return r.tableLead(b)
			}
		}
	}
	if budget <= 0 {
		return 0
	}
	for _, c := range subs {
		if c != nil {
			_, h := r.headingHeight(c, depth+1)
			return headingGap + h + r.leadHeight(c.Blocks, c.Sections, depth+1, budget-1)
		}
	}
	return 0
}

// tableLead is the height a table needs on the page where it starts: its
// caption, header row and first body row. A first row too tall for any
// page is split, so only its first line counts.
func (r *renderer) tableLead(t *doc.Table) float64 {
	captionH, _ := r.caption(t)
	tl := r.layout(t)
	if tl == nil {
		return captionH
	}
	return captionH + tl.height(tl.header) + r.firstRowHeight(tl, t)
}

// firstRowHeight is the height of t's first body row as far as it must
// stay with the header: its rowLead.
func (r *renderer) firstRowHeight(tl *tableLayout, t *doc.Table) float64 {
	if len(t.Rows) == 0 {
		return 0
	}
	return r.rowLead(tl, r.cells(tl, t.Rows[0]))
}

// rowLead is how much room a body row needs on the page where it starts;
// a row that does not fit in the room left is split between lines,
// continuing under the repeated header on the next page.
//
// On portrait pages (the notices) that is all of the row, unless it is
// taller than a page, when one line will do. On landscape pages (the
// register, meant to be printed) a row of at least twice splitLines lines
// needs room for splitLines of them, and leaves at least as many for the
// next page (see row), so that a long row never leaves much of a page
// empty; a shorter row is kept whole.
func (r *renderer) rowLead(tl *tableLayout, cells [][]line) float64 {
	h := tl.height(cells)
	if r.splitRows {
		if maxLines(cells) >= 2*splitLines {
			return splitLines*tl.lh + 2*cellPadY
		}
		return h
	}
	if h > r.bottom-r.top-tl.height(tl.header) {
		return tl.lh + 2*cellPadY
	}
	return h
}
